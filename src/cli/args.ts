/**
 * How a command-line word becomes a cell value: a plain number of at most 15 significant digits is
 * a number (Excel keeps 15), TRUE/FALSE a boolean, anything else text. So 110105194912310021
 * arrives as text, as it would from a text-formatted cell, and 0731 (a leading zero that Excel
 * would drop) stays text too.
 */
const PLAIN_NUMBER = /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?$|^[+-]?0?\.\d+$/;

/** Digits that carry value: leading zeros do not; trailing zeros after the point do not either. */
export function significantDigits(plain: string): number {
  const [whole = "", fraction = ""] = plain.replace(/^[+-]/, "").split(".");
  const digits = (whole + fraction.replace(/0+$/, "")).replace(/^0+/, "");
  return Math.max(digits.length, 1);
}

export function cellValueFromArg(arg: string): string | number | boolean {
  if (/^true$/i.test(arg)) return true;
  if (/^false$/i.test(arg)) return false;
  if (PLAIN_NUMBER.test(arg) && significantDigits(arg) <= 15) return Number(arg);
  return arg;
}
