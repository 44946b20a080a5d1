/** Years: 2024, "2024年度", a full date, or a date cell's serial. */
import { civilFromSerial, parseDateInput } from "../../date/serial";
import { compact, tidy } from "../../text/normalize";

/** 2024, "2024年", "2024年度", "2024-05", "2024.5", "2024年5月", "2024-05-01", "2024/5/1". */
const YEAR_TEXT = /^(\d{4})(?:年度?|(?:[-/.]|年)\d{1,2}(?:月|(?:[-/.]|月)\d{1,2}日?)?)?$/;
const SHORT_DIGITS = /^\d{1,7}$/;
const MIN_YEAR = 1900;
/** 1927-05-18: below this a number in a year column is a mistake, not a date cell. */
const MIN_SERIAL = 10000;
const MAX_YEAR = 2100;

function inYearRange(y: number): number | null {
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

/**
 * A year from 1900 to 2100: 2024, "2024年", "2024-05", any full date, or a date cell's serial
 * (the column was formatted as a date).
 */
export function normalizeYear(v: unknown): number | null {
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return null;
    if (v >= MIN_YEAR && v <= MAX_YEAR) return v;
    // Small numbers are not dates: serial 2101 would be a day in 1905.
    if (v < MIN_SERIAL) return null;
    const date = civilFromSerial(v);
    return date ? inYearRange(date.y) : null;
  }
  if (typeof v !== "string") return null;
  const s = compact(v);
  const m = YEAR_TEXT.exec(s);
  if (m) return inYearRange(Number(m[1]));
  // (parseDateInput is given the tidied text: it needs the space before a time of day.)
  // Digits alone are a year (above) or a packed date (20240501); parseDateInput would read
  // shorter ones as serials.
  if (SHORT_DIGITS.test(s)) return null;
  const date = parseDateInput(tidy(v));
  return date.ok ? inYearRange(date.date.y) : null;
}
