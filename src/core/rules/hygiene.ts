/**
 * Text hygiene where it does harm — identifiers, names, amounts: extra or invisible spaces,
 * full-width characters, and an amount typed as text.
 */
import type { RuleEntries } from "../findings/types";
import { texts } from "../locale";
import { maskCard, maskId, maskName, maskPhone } from "../mask";
import { fieldLabel, type FieldKey } from "../roster";
import { plainNumber } from "../roster/typed-amounts";
import { compact } from "../text/normalize";
import { colOf, type RowContext, type SheetContext } from "./context";
import { finding } from "./finding";

export interface HygieneRuleData {
  "text.whitespace": { field: string };
  "text.fullwidth": { field: string };
  "amount.text": { field: string };
}

export const HYGIENE_RULES: RuleEntries<HygieneRuleData> = {
  "text.whitespace": {
    severity: "warning",
    source: "资助助手",
    title: texts("多余空格", "Extra spaces"),
    message: (d) =>
      texts(`${d.field}含有多余的空格或不可见字符`, `${d.field} has extra spaces or invisible characters`),
    hint: () => texts("删除空格（任务窗格可一键清理）", "Remove them (the task pane can fix this)"),
  },
  "text.fullwidth": {
    severity: "warning",
    source: "资助助手",
    title: texts("全角字符", "Full-width characters"),
    message: (d) => texts(`${d.field}含有全角数字或字母`, `${d.field} has full-width digits or letters`),
    hint: () =>
      texts(
        "改为半角（任务窗格可一键转换）；报送系统可能不识别全角",
        "Convert to half-width (the task pane can fix this)",
      ),
  },
  "amount.text": {
    severity: "warning",
    source: "资助助手",
    title: texts("金额是文本", "Amount stored as text"),
    message: (d) =>
      texts(
        `${d.field}是文本而不是数字，合计公式（SUM、SUMIFS）不会计入`,
        `${d.field} is text, not a number: SUM and SUMIFS skip it`,
      ),
    hint: () =>
      texts("转为数字（任务窗格“安全修正”可一键转换）", "Convert it to a number (the task pane can fix this)"),
  },
};

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u00A0]/;

/** Spaces and full-width characters where they do harm: identifiers, names, amounts. */
const HYGIENE_FIELDS: readonly FieldKey[] = [
  "name",
  "idNumber",
  "guardianId",
  "guardianName",
  "holder",
  "account",
  "phone",
  "studentNo",
  "amount",
];
const IDENTIFIERS: ReadonlySet<FieldKey> = new Set(["idNumber", "guardianId", "account", "phone", "studentNo"]);

/** The masked form of a hygiene cell, computed only when there is something to report. */
function hygieneShown(field: FieldKey, raw: string): string {
  if (field === "account") return maskCard(compact(raw));
  if (field === "phone") return maskPhone(raw);
  if (IDENTIFIERS.has(field)) return maskId(compact(raw));
  return field === "amount" ? raw.trim() : maskName(raw.trim());
}

/** Text that needs no look: printable ASCII without spaces, or CJK ideographs only (most cells). */
const CLEAN = /^(?:[\x21-\x7e]+|[\u4e00-\u9fff·]+)$/;

/** An amount typed as text ("450" in a cell Excel treats as text): the sheet's own totals skip it. */
function checkAmountText(ctx: SheetContext, row: RowContext): void {
  const col = colOf(ctx, "amount");
  const raw = col >= 0 ? row.cells[col] : null;
  // Spaces and full-width digits are reported (and fixed to a number) by the hygiene rules.
  if (typeof raw !== "string" || !CLEAN.test(raw) || plainNumber(raw) === null) return;
  ctx.out.push(finding("amount.text", ctx.grid.name, row.row, col, raw, { field: fieldLabel("amount") }));
}

export function checkHygiene(ctx: SheetContext, row: RowContext): void {
  checkAmountText(ctx, row);
  for (const field of HYGIENE_FIELDS) {
    const col = colOf(ctx, field);
    const raw = col >= 0 ? row.cells[col] : null;
    if (typeof raw !== "string" || raw === "" || CLEAN.test(raw)) continue;
    const label = fieldLabel(field);
    const spaced =
      raw !== raw.trim() || INVISIBLE.test(raw) || /\s{2,}/.test(raw) || (IDENTIFIERS.has(field) && /\s/.test(raw));
    if (spaced)
      ctx.out.push(finding("text.whitespace", ctx.grid.name, row.row, col, hygieneShown(field, raw), { field: label }));
    if (FULL_WIDTH.test(raw) && field !== "name" && field !== "guardianName" && field !== "holder") {
      ctx.out.push(finding("text.fullwidth", ctx.grid.name, row.row, col, hygieneShown(field, raw), { field: label }));
    }
  }
}
