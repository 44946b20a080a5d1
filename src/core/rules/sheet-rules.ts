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
  /** The ID cell's compact text when it is not a valid ID (so the same typo twice is still a duplicate). */
  idText: string | null;
  eligible: boolean;
  amount: number | undefined;
  retired: boolean;
  school: string | undefined;
}

const money = (n: number): number => Math.round(n * 100) / 100;
const SUBTOTAL = /^小计/;

export function checkDuplicates(ctx: SheetContext, rows: readonly RowSummary[]): void {
  const seen = new Map<string, number>();
  const idCol = colOf(ctx, "idNumber");
  for (const r of rows) {
    // A valid ID compares in its 18-digit form; an invalid one (a wrong check digit) as typed.
    const idKey = r.id18 ?? r.idText;
    if (!idKey) continue;
    const key = `${r.program?.code ?? ""}|${idKey}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r.row);
      continue;
    }
    ctx.out.push(
      finding("dup.id", ctx.grid.name, r.row, idCol, maskId(idKey), {
        first: cellAddress(first, idCol),
        program: r.program?.name ?? "本表",
      }),
    );
  }
}

/**
 * 合计/总计 rows against every data row; a 小计 row against the data rows since the previous
 * total row (a roster grouped by school or grade has one 小计 per group).
 */
export function checkTotals(ctx: SheetContext, rows: readonly RowSummary[]): void {
  const col = colOf(ctx, "amount");
  if (col < 0) return;
  const unit = ctx.layout.columns.find((c) => c.col === col)?.unit ?? null;
  let previousTotal = -1;
  for (const t of ctx.layout.totalRows) {
    const label = (ctx.grid.rows[t] ?? []).find((v) => typeof v === "string" && v.trim() !== "");
    const subtotal = typeof label === "string" && SUBTOTAL.test(label.replace(/\s+/g, ""));
    const covered = rows.filter((r) => r.row < t && (!subtotal || r.row > previousTotal));
    previousTotal = t;
    const given = normalizeMoney(ctx.grid.rows[t]?.[col] ?? null, unit);
    if (given === null) continue;
    const sum = money(covered.reduce((s, r) => s + (r.amount ?? 0), 0));
    if (money(given) !== sum) {
      ctx.out.push(
        finding("total.mismatch", ctx.grid.name, t, col, String(given), {
          given: money(given),
          sum,
          rows: covered.length,
        }),
      );
    }
  }
}

export function checkQuotasAndShares(ctx: SheetContext, rows: readonly RowSummary[]): void {
  const byProgram = new Map<Program, RowSummary[]>();
  for (const r of rows) {
    // Quotas and shares count the people who qualify; ineligible rows are errors of their own.
    if (!r.program || !r.eligible) continue;
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
