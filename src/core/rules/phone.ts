/** The phone number of a row. */
import type { RuleEntries } from "../findings/types";
import { plainText } from "../id/cell-text";
import { texts } from "../locale";
import { toHalfWidth } from "../text/normalize";
import { maskPhone } from "../mask";
import { parsePhone, phoneTexts, type PhoneProblem } from "../phone";
import { colOf, isBlank, rawOf, type RowContext, type SheetContext } from "./context";
import { finding } from "./finding";

export interface PhoneRuleData {
  "phone.format": { problem: Extract<PhoneProblem, { code: "phone.format" }> };
}

export const PHONE_RULES: RuleEntries<PhoneRuleData> = {
  "phone.format": {
    severity: "warning",
    source: "资助助手",
    title: texts("电话号码格式错误", "Malformed phone number"),
    message: (d) => phoneTexts(d.problem),
    hint: () => texts("手机号 11 位；固定电话带区号，如 0731-5551234", "Mobile: 11 digits; landline with area code"),
  },
};

const PLAIN_MOBILE = /^1[3-9]\d{9}$/;

/** The phone of a row: the person's (联系电话), or another column holding a phone (帮扶人电话). */
export function checkPhone(ctx: SheetContext, row: RowContext, field: "phone" | "helperPhone" = "phone"): void {
  const col = colOf(ctx, field);
  const raw = rawOf(ctx, row, field);
  if (col < 0 || isBlank(raw)) return;
  // A plain mobile number, the usual cell, is valid as it stands.
  if (typeof raw === "string" && PLAIN_MOBILE.test(raw)) return;
  const r = parsePhone(raw);
  if (!r.ok && r.problem.code === "phone.format") {
    // Text with no digits ("无", "不详") holds no number to hide; anything else is shown masked.
    const text = plainText(raw);
    const masked = /\d/.test(toHalfWidth(text)) ? maskPhone(text) : text;
    ctx.out.push(
      // The report is shared: its message shows the number masked, as its value does.
      finding("phone.format", ctx.grid.name, row.row, col, masked, { problem: { ...r.problem, text: masked } }),
    );
  }
}
