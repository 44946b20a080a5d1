import { daysFromCivil, civilFromDays, isValidCivil, type CivilDate } from "./civil";
import { toHalfWidth } from "../text/normalize";

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is the 29 February 1900 that
 * never existed (kept by Excel for Lotus 1-2-3 compatibility). From serial 61 (1900-03-01) on,
 * serial = days since 1899-12-30.
 */
const EPOCH_AFTER_LEAP_BUG = daysFromCivil(1899, 12, 30);
const EPOCH_BEFORE_LEAP_BUG = daysFromCivil(1899, 12, 31);
const FIRST_REAL_AFTER_BUG = daysFromCivil(1900, 3, 1);
/** 9999-12-31, Excel's last date. */
export const MAX_SERIAL = 2958465;

export function serialFromCivil(date: CivilDate): number {
  const days = daysFromCivil(date.y, date.m, date.d);
  return days >= FIRST_REAL_AFTER_BUG ? days - EPOCH_AFTER_LEAP_BUG : days - EPOCH_BEFORE_LEAP_BUG;
}

/** The date of a serial (its integer part), or null for serial 60, < 1 or past 9999-12-31. */
export function civilFromSerial(serial: number): CivilDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL || whole === 60) return null;
  return whole > 60 ? civilFromDays(whole + EPOCH_AFTER_LEAP_BUG) : civilFromDays(whole + EPOCH_BEFORE_LEAP_BUG);
}

export type DateInputProblem = "empty" | "not-a-date" | "out-of-range";

export type DateInput = { ok: true; date: CivilDate } | { ok: false; problem: DateInputProblem; text: string };

/** One separator throughout (2026-10-01, 2026/10/1, 2026.10.1), or 2026年10月1日. */
const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$|^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const PACKED = /^(\d{4})(\d{2})(\d{2})$/;
/** A time of day after the date ("2026-10-01 00:00:00", "2026-10-01T08:00") is ignored. */
const TIME_SUFFIX = /[T\s](?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
/** Serials typed as text: at most 6 digits (9999-12-31 is 2958465, but a 7-digit text is far more
 * likely a mistyped date such as 2026101 than a date in the 75th century). */
const TEXT_SERIAL = /^\d{1,6}(\.\d+)?$/;

/**
 * A date as a cell may hold it: an Excel serial, or text such as 2026-10-01, 2026/10/1,
 * 2026.10.1, 2026年10月1日 or 20261001 (full-width digits accepted).
 */
export function parseDateInput(value: unknown): DateInput {
  if (value === null || value === undefined) return { ok: false, problem: "empty", text: "" };
  if (typeof value === "number") {
    const date = civilFromSerial(value);
    return date ? { ok: true, date } : { ok: false, problem: "out-of-range", text: String(value) };
  }
  // typeof, not String(value): String() throws for objects without a prototype.
  if (typeof value !== "string") return { ok: false, problem: "not-a-date", text: typeof value };
  const text = toHalfWidth(value).trim();
  if (text === "") return { ok: false, problem: "empty", text };
  if (TEXT_SERIAL.test(text)) return parseDateInput(Number(text));
  const bare = text.replace(TIME_SUFFIX, "").replace(/\s+/g, "");
  const sep = SEPARATED.exec(bare);
  const parts = sep
    ? sep[1] !== undefined
      ? [sep[1], sep[3], sep[4]]
      : [sep[5], sep[6], sep[7]]
    : PACKED.exec(bare)?.slice(1, 4);
  if (!parts) return { ok: false, problem: "not-a-date", text };
  const [y, mo, d] = parts.map(Number) as [number, number, number];
  if (!isValidCivil(y, mo, d)) return { ok: false, problem: "not-a-date", text };
  if (y < 1900 || y > 9999) return { ok: false, problem: "out-of-range", text };
  return { ok: true, date: { y, m: mo, d } };
}
