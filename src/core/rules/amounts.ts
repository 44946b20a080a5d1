/**
 * Amounts: a row's amount against the program's standard (就高不就低 included), and the sheet's
 * 合计 / 小计 rows against the rows they sum.
 */
import type { RuleEntries } from "../findings/types";
import { texts } from "../locale";
import type { Decision } from "../policy";
import { fieldLabel, normalizeMoney } from "../roster";
import { colOf, isBlank, money, rawOf, type RowContext, type RowSummary, type SheetContext } from "./context";
import { finding } from "./finding";

export interface AmountRuleData {
  "policy.amount-mismatch": { given: number; standard: number; bound: string; period: string; program: string };
  "policy.higher-standard": { given: number; standard: number; source: string };
  "total.mismatch": { given: number; sum: number; rows: number };
}

export const AMOUNT_RULES: RuleEntries<AmountRuleData> = {
  "policy.amount-mismatch": {
    severity: "error",
    source: "政策包",
    title: texts("金额与标准不符", "Amount differs from the standard"),
    message: (d) =>
      texts(
        `金额 ${d.given} 元与${d.program}标准${d.bound} ${d.standard} 元（每${d.period}）不符`,
        `Amount ${d.given} differs from the standard ${d.bound}${d.standard} per ${d.period}`,
      ),
    hint: (d) =>
      texts(`改为 ${d.standard} 元（可用 =ZIZHU.AMOUNT() 计算）`, `Set it to ${d.standard} (=ZIZHU.AMOUNT())`),
  },
  "policy.higher-standard": {
    severity: "error",
    source: "方案8 (三)（就高不就低）",
    title: texts("未按就高不就低", "Not the higher standard"),
    message: (d) =>
      texts(
        `此人符合多个标准，应就高按 ${d.standard} 元发放，现为 ${d.given} 元`,
        `Qualifies for several standards: the higher, ${d.standard}, applies (now ${d.given})`,
      ),
    hint: (d) => texts(`改为 ${d.standard} 元（${d.source}）`, `Set it to ${d.standard} (${d.source})`),
  },
  "total.mismatch": {
    severity: "error",
    source: "资助助手",
    title: texts("合计与明细不符", "Total differs from the rows"),
    message: (d) =>
      texts(
        `合计 ${d.given} 元，但 ${d.rows} 行明细之和为 ${d.sum} 元`,
        `Total ${d.given}, but the ${d.rows} rows add up to ${d.sum}`,
      ),
    hint: () => texts("改用 =SUM() 公式计算合计，或核对明细金额", "Use =SUM() for the total"),
  },
};

/** An eligible row's amount: filled in, and at the standard the pack decided. */
export function checkAmount(ctx: SheetContext, row: RowContext, d: Decision | null): void {
  const program = row.program;
  const amountCol = colOf(ctx, "amount");
  if (!program || !d || amountCol < 0 || !d.eligible) return;
  const sheet = ctx.grid.name;
  const given = row.record.amount;
  if (given === undefined) {
    if (isBlank(rawOf(ctx, row, "amount")))
      ctx.out.push(finding("field.required", sheet, row.row, amountCol, "", { field: fieldLabel("amount") }));
    return;
  }
  if (d.amount === null) return;
  const standard = money(d.amount);
  const wrong =
    d.bound === "exact" ? money(given) !== standard : d.bound === "atLeast" ? given < standard : given > standard;
  if (!wrong) return;
  const higher = d.notes.find((n) => n.source === ctx.pack.rules.higherStandard?.source);
  if (higher && given < standard) {
    ctx.out.push(
      finding("policy.higher-standard", sheet, row.row, amountCol, String(given), {
        given,
        standard,
        source: higher.source,
      }),
    );
  } else {
    ctx.out.push(
      finding("policy.amount-mismatch", sheet, row.row, amountCol, String(given), {
        given,
        standard,
        bound: d.bound === "atLeast" ? "不少于" : d.bound === "upTo" ? "最高" : "",
        period: d.period === "一次性" ? "次" : d.period,
        program: program.name,
      }),
    );
  }
}

const SUBTOTAL = /^小计/;

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
