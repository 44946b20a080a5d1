/**
 * What a column is meant to hold, from its canonical field: the roster's header mapping
 * (resolveField), with a few looser header patterns for columns it does not name (帐号 typed
 * with 帐, 出生年份, 户籍地 …), so a birth-date or address column is recognised in any sheet.
 */
import type { FieldKey } from "../roster/fields";
import { normalizeHeader, resolveField } from "../roster/header";
import type { PiiKind } from "./types";

/** Header endings the alias table does not cover; checked only when resolveField finds nothing. */
const LOOSE_HEADERS: readonly (readonly [RegExp, FieldKey])[] = [
  [/(?:出生(?:日期|年月日?|时间|年份)?|生日)$/, "birthDate"],
  [/(?:身份证(?:号码?)?|证件号码?|身份号码?)$/, "idNumber"],
  [/(?:电话(?:号码)?|手机(?:号码?)?|联系方式)$/, "phone"],
  [/(?:卡号|[账帐]号|存折号?|[账帐]户(?:号码?)?)$/, "account"],
  [/(?:住址|地址|户籍(?:地|所在地)?|户口所在地|住所|居住地)$/, "address"],
];

/** The canonical field a header (with an optional merged group header above it) names, or null. */
export function fieldForHeader(header: unknown, group?: unknown): FieldKey | null {
  const resolved = resolveField(header, group);
  if (resolved) return resolved.key;
  if (typeof header !== "string") return null;
  const label = normalizeHeader(header).label;
  // Real headers are short; a long text (a title, a remark) is not one.
  if (label === "" || label.length > 12) return null;
  for (const [pattern, key] of LOOSE_HEADERS) if (pattern.test(label)) return key;
  return null;
}

/** The kind of personal data a column of this field holds, for the by-column detectors. */
export function kindOfField(field: FieldKey | null | undefined): PiiKind | null {
  switch (field) {
    case "idNumber":
    case "guardianId":
      return "id-number";
    case "phone":
    case "helperPhone":
      return "phone";
    case "account":
      return "bank-card";
    case "address":
      return "address";
    case "birthDate":
      return "birth-date";
    default:
      return null;
  }
}

/**
 * Whether a roster column of this field is where such data belongs (roster mode stays silent).
 * A 学籍号 is G/J/L + the student's ID number by construction, so it "holds" an ID too.
 */
export function columnExpects(field: FieldKey | null | undefined, kind: PiiKind): boolean {
  if (kind === "id-number" && field === "studentNo") return true;
  return kindOfField(field) === kind;
}

/**
 * The kind a label cell gives the value next to it or below it (出生日期：, 出生, 银行卡号, 账号),
 * for the kinds a value's shape alone does not show: a date is a birth date only under such a
 * label, a number failing Luhn a card only there. Null for any other label (发放日期, 姓名 …).
 */
export function labelKindOf(text: string): "birth-date" | "bank-card" | null {
  const kind = kindOfField(fieldForHeader(text));
  return kind === "birth-date" || kind === "bank-card" ? kind : null;
}
