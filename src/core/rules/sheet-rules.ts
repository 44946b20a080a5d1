/**
 * Rules over all rows of a sheet: duplicates, 合计 rows, quotas, retired shares, nominees per
 * school, hidden rows.
 */
import { quotaFor, type Program } from "../policy";
import { normalizeMoney } from "../roster";
import { maskId } from "../mask";
import { cellAddress } from "../grid/types";
import { colOf, type SheetContext } from "./context";
import { finding } from "./finding";

export interface RowSummary {
  row: number;
  program: Program | null;
  id18: string | null;
  eligible: boolean;
  amount: number | undefined;
  retired: boolean;
  school: string | undefined;
}

const money = (n: number): number => Math.round(n * 100) / 100;

export function checkDuplicates(ctx: SheetContext, rows: readonly RowSummary[]): void {
  const seen = new Map<string, number>();
  const idCol = colOf(ctx, "idNumber");
  for (const r of rows) {
    if (!r.id18) continue;
    const key = `${r.program?.code ?? ""}|${r.id18}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r.row);
      continue;
    }
    ctx.out.push(
      finding("dup.id", ctx.grid.name, r.row, idCol, maskId(r.id18), {
        first: cellAddress(first, idCol),
        program: r.program?.name ?? "本表",
      }),
    );
  }
}

export function checkTotals(ctx: SheetContext, rows: readonly RowSummary[]): void {
  const col = colOf(ctx, "amount");
  if (col < 0) return;
  const unit = ctx.layout.columns.find((c) => c.col === col)?.unit ?? null;
  const sum = money(rows.reduce((s, r) => s + (r.amount ?? 0), 0));
  for (const t of ctx.layout.totalRows) {
    const given = normalizeMoney(ctx.grid.rows[t]?.[col] ?? null, unit);
    if (given === null) continue;
    if (money(given) !== sum) {
      ctx.out.push(
        finding("total.mismatch", ctx.grid.name, t, col, String(given), {
          given: money(given),
          sum,
          rows: rows.length,
        }),
      );
    }
  }
}

export function checkQuotasAndShares(ctx: SheetContext, rows: readonly RowSummary[]): void {
  const byProgram = new Map<Program, RowSummary[]>();
  for (const r of rows) {
    if (!r.program) continue;
    const list = byProgram.get(r.program);
    if (list) list.push(r);
    else byProgram.set(r.program, [r]);
  }
  const sheet = ctx.grid.name;
  for (const [program, list] of byProgram) {
    if (ctx.enrolled !== undefined && program.quota) {
      const allowed = quotaFor(program, ctx.enrolled);
      if (allowed !== null && list.length > allowed) {
        ctx.out.push(
          finding("policy.quota", sheet, -1, -1, "", {
            program: program.name,
            count: list.length,
            allowed,
            enrolled: ctx.enrolled,
            share: `${+(program.quota.share * 100).toFixed(2)}%`,
            source: program.quota.source,
          }),
        );
      }
    }
    for (const limit of program.limits) {
      if (limit.kind === "retired-share") {
        const retired = list.filter((r) => r.retired).length;
        if (list.length > 0 && retired / list.length > limit.max + 1e-9) {
          ctx.out.push(
            finding("policy.retired-share", sheet, -1, -1, "", {
              program: program.name,
              retired,
              total: list.length,
              max: `${+(limit.max * 100).toFixed(2)}%`,
              source: limit.source,
            }),
          );
        }
      }
      if (limit.kind === "nominees-per-school") {
        const bySchool = new Map<string, RowSummary[]>();
        for (const r of list) {
          const school = r.school ?? "（未填学校）";
          const people = bySchool.get(school);
          if (people) people.push(r);
          else bySchool.set(school, [r]);
        }
        for (const [school, people] of bySchool) {
          if (people.length > limit.max || people.length < limit.min) {
            const first = people[0];
            ctx.out.push(
              finding("policy.nominees-per-school", sheet, first?.row ?? -1, colOf(ctx, "school"), school, {
                program: program.name,
                school,
                count: people.length,
                min: limit.min,
                max: limit.max,
                source: limit.source,
              }),
            );
          }
        }
      }
    }
  }
}

export function checkHiddenRows(ctx: SheetContext): void {
  for (const r of ctx.layout.hiddenDataRows) ctx.out.push(finding("roster.hidden-row", ctx.grid.name, r, -1, "", {}));
}
