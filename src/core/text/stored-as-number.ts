import { compact } from "./normalize";

/**
 * Excel keeps 15 significant digits of a number. An identifier longer than that (an 18-digit ID,
 * a 16–19-digit bank card) typed into a General cell has already lost its last digits, and a CSV
 * export often shows it as "4.40524E+17". Such a value cannot be repaired, only re-entered.
 */
export const EXCEL_SIGNIFICANT_DIGITS = 15;

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i;

/** True when the value is a number (or the text of one in exponent form) too long to be exact. */
export function lostDigitsAsNumber(value: unknown): boolean {
  if (typeof value === "number") {
    return Number.isFinite(value) && Math.abs(value) >= 10 ** EXCEL_SIGNIFICANT_DIGITS;
  }
  if (typeof value === "string") {
    const text = compact(value);
    if (!SCIENTIFIC.test(text)) return false;
    const n = Number(text);
    return Number.isFinite(n) && Math.abs(n) >= 10 ** EXCEL_SIGNIFICANT_DIGITS;
  }
  return false;
}
