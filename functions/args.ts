/**
 * Turning Excel arguments into core inputs, shared by the function modules. A problem becomes
 * #VALUE! with a message naming the argument.
 */
import { parseDateInput, type CivilDate, plainText } from "../src/core";
import { excelError } from "./excel";

/** A date argument: a serial or date text. */
export function dateArg(value: unknown, name: string): CivilDate {
  const parsed = parseDateInput(value);
  if (parsed.ok) return parsed.date;
  const shown = parsed.text === "" ? "（空）" : parsed.text;
  throw excelError(`${name}不是有效日期：${shown}。请输入日期或 Excel 日期序列号，如 2026-10-08`);
}

/** A whole-number argument (a day count, an enrolment); text digits are accepted. */
export function integerArg(value: unknown, name: string): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value.normalize("NFKC").trim()) : value;
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw excelError(`${name}必须是整数，收到：${plainText(value)}`);
  }
  return n;
}
