/**
 * Policy rules of a row, from decide() on the pack: eligibility, repeat aid, the fields the
 * program needs, proof for 自采集 people, visits. The amount is checked in amounts.ts.
 */
import type { RuleEntries } from "../findings/types";
import { texts } from "../locale";
import { maskName } from "../mask";
import { decide, type Decision, type Program } from "../policy";
import type { FieldKey } from "../roster";
import { colOf, isBlank, type RowContext, type SheetContext } from "./context";
import { finding } from "./finding";

export interface EligibilityRuleData {
  "policy.ineligible": { program: string; reasons: string };
  "policy.needs-proof": { documents: string; source: string };
  "policy.repeat-aid": { program: string; reason: string; source: string };
  "policy.visits": { visits: number; min: number; source: string };
}

export const ELIGIBILITY_RULES: RuleEntries<EligibilityRuleData> = {
  "policy.ineligible": {
    severity: "error",
    source: "政策包",
    title: texts("不符合资助条件", "Not eligible"),
    message: (d) => texts(`不符合${d.program}的条件：${d.reasons}`, `Not eligible for ${d.program}: ${d.reasons}`),
    hint: () =>
      texts(
        "核对此人的学段、困难类型等信息；确不符合的不应列入",
        "Check the person's data; remove people who do not qualify",
      ),
  },
  "policy.needs-proof": {
    severity: "error",
    source: "方案7 一.3、二.3",
    title: texts("自采集学生缺证明材料", "Proof missing"),
    message: (d) => texts(`未通过系统比对（自采集），需要：${d.documents}`, `Self-collected: needs ${d.documents}`),
    hint: (d) =>
      texts(`补齐证明材料并在“证明材料”列注明（${d.source}）`, `Collect the proof and note it (${d.source})`),
  },
  "policy.repeat-aid": {
    severity: "error",
    source: "方案12 五.2、方案14 一",
    title: texts("重复资助", "Aided again too soon"),
    message: (d) => texts(`${d.program}：${d.reason}`, `${d.program}: ${d.reason}`),
    hint: (d) => texts(`核对近年受助记录（${d.source}）`, `Check past aid (${d.source})`),
  },
  "policy.visits": {
    severity: "warning",
    source: "方案8 (二)4",
    title: texts("走访次数不足", "Too few visits"),
    message: (d) =>
      texts(`每年走访 ${d.visits} 次，少于 ${d.min} 次`, `${d.visits} visits a year, fewer than ${d.min}`),
    hint: (d) =>
      texts(`帮联干部每年走访不少于 ${d.min} 次（${d.source}）`, `At least ${d.min} visits a year (${d.source})`),
  },
};

/** Fields whose failure means "aided before", not "does not qualify". */
const REPEAT_FIELDS: ReadonlySet<FieldKey> = new Set(["aidedThisYear", "lastProvinceAidYear"]);

function reasons(ctx: SheetContext, row: RowContext, program: Program, d: Decision): void {
  const sheet = ctx.grid.name;
  const who = (): string => (row.record.name ? maskName(row.record.name) : "");
  const ineligible: string[] = [];
  for (const reason of d.reasons) {
    const fields = reason.fields ?? [];
    const col = fields.map((f) => colOf(ctx, f)).find((c) => c >= 0) ?? -1;
    if (fields.some((f) => REPEAT_FIELDS.has(f))) {
      ctx.out.push(
        finding("policy.repeat-aid", sheet, row.row, col, who(), {
          program: program.name,
          reason: reason.text,
          source: reason.source,
        }),
      );
    } else {
      ineligible.push(`${reason.text}（${reason.source}）`);
    }
  }
  if (ineligible.length > 0) {
    const col =
      d.reasons
        .flatMap((r) => r.fields ?? [])
        .map((f) => colOf(ctx, f))
        .find((c) => c >= 0) ?? colOf(ctx, "name");
    ctx.out.push(
      finding("policy.ineligible", sheet, row.row, col, who(), {
        program: program.name,
        reasons: ineligible.join("；"),
      }),
    );
  }
  if (d.needsProof && row.record.proof !== true) {
    const col = colOf(ctx, "proof") >= 0 ? colOf(ctx, "proof") : colOf(ctx, "verified");
    ctx.out.push(
      finding("policy.needs-proof", sheet, row.row, col, who(), {
        documents: d.proofDocuments.join("、"),
        source: program.proof?.source ?? "",
      }),
    );
  }
}

/** The fields the program needs: an empty cell is field.required, a missing column field.column-missing (once). */
function missingFields(
  ctx: SheetContext,
  row: RowContext,
  program: Program,
  d: Decision,
  columnMissing: Set<string>,
): void {
  const sheet = ctx.grid.name;
  for (const m of d.missing) {
    const col = colOf(ctx, m.field);
    if (col >= 0) {
      // A value that could not be read is reported as field.unreadable already, not as empty.
      if (isBlank(row.cells[col] ?? null))
        ctx.out.push(finding("field.required", sheet, row.row, col, "", { field: m.label }));
    } else {
      const key = `${program.code}|${m.field}`;
      if (!columnMissing.has(key)) {
        columnMissing.add(key);
        ctx.out.push(finding("field.column-missing", sheet, -1, -1, "", { field: m.label, program: program.name }));
      }
    }
  }
}

function visits(ctx: SheetContext, row: RowContext, program: Program): void {
  for (const limit of program.limits) {
    if (limit.kind === "min-visits" && row.record.visits !== undefined && row.record.visits < limit.min) {
      ctx.out.push(
        finding("policy.visits", ctx.grid.name, row.row, colOf(ctx, "visits"), String(row.record.visits), {
          visits: row.record.visits,
          min: limit.min,
          source: limit.source,
        }),
      );
    }
  }
}

/** The pack's decision on a row with a program, and its findings but the amount's; null without a program. */
export function checkEligibility(ctx: SheetContext, row: RowContext, columnMissing: Set<string>): Decision | null {
  const program = row.program;
  if (!program) return null;
  const d = decide(program, row.record, ctx.pack, { today: ctx.today });
  reasons(ctx, row, program, d);
  missingFields(ctx, row, program, d, columnMissing);
  visits(ctx, row, program);
  return d;
}
