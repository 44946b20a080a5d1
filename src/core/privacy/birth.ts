/**
 * Birth dates: in a column meant for them (出生日期, 出生年月, 生日) any date, year-month or year,
 * as text, a packed number (20100501, 201005) or an Excel serial; elsewhere only a date next to
 * a word saying it is one (出生日期：2010-05-01, 生于2010年5月, 2010年5月出生). Dates without such a
 * word (发放日期, 填报日期, amounts) are not birth dates.
 */
import { isValidCivil } from "../date/civil";
import { civilFromSerial, parseDateInput } from "../date/serial";
import { tidy } from "../text/normalize";

/** Plausible birth years: a roster's students, teachers and guardians, none born after 2099. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;
/** 2099-12-31 as an Excel serial. */
const MAX_BIRTH_SERIAL = 73050;

export interface BirthDate {
  y: number;
  /** 0 when only the year is known. */
  m: number;
  /** 0 when only the year (and month) is known. */
  d: number;
}

/** The year stays, month and day are hidden: 2010-**-**, 2010-**; a bare year is hidden too. */
export function maskBirth(date: BirthDate): string {
  if (date.m === 0) return "****";
  return date.d === 0 ? `${date.y}-**` : `${date.y}-**-**`;
}

function make(y: number, m: number, d: number): BirthDate | null {
  if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) return null;
  if (m === 0) return d === 0 ? { y, m: 0, d: 0 } : null;
  if (!Number.isInteger(m) || m < 1 || m > 12) return null;
  if (d === 0) return { y, m, d: 0 };
  return isValidCivil(y, m, d) ? { y, m, d } : null;
}

const KEYWORD_BEFORE =
  /(?:出生(?:日期|年月日?|时间|于)?|生于|生日)[\s:是为]*((?:19|20)\d{2})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?|(\d{2})(\d{2})?)(?!\d)/g;
const KEYWORD_AFTER =
  /(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*(?:月|[-/.])?\s*(?:(\d{1,2})\s*[日号]?)?\s*出生/g;

function num(text: string | undefined): number {
  return text === undefined ? 0 : Number(text);
}

/** A birth date written next to a keyword in free text (half-width), or null. */
export function findBirthInText(text: string): BirthDate | null {
  KEYWORD_BEFORE.lastIndex = 0;
  for (let m = KEYWORD_BEFORE.exec(text); m !== null; m = KEYWORD_BEFORE.exec(text)) {
    const month = m[2] ?? m[4];
    const day = m[2] !== undefined ? m[3] : m[5];
    if (month === undefined) continue;
    const date = make(num(m[1]), num(month), num(day));
    if (date) return date;
  }
  KEYWORD_AFTER.lastIndex = 0;
  for (let m = KEYWORD_AFTER.exec(text); m !== null; m = KEYWORD_AFTER.exec(text)) {
    const date = make(num(m[1]), num(m[2]), num(m[3]));
    if (date) return date;
  }
  return null;
}

/** 2010-05, 2010.5, 2010/05, 2010年5月, 201005. */
const YEAR_MONTH = /^((?:19|20)\d{2})\s*(?:[-/.年]\s*(\d{1,2})|(\d{2}))\s*月?$/;
const YEAR_ONLY = /^((?:19|20)\d{2})\s*年?$/;

/** Any date-like text in a birth-date column: a full date, a year and month, or a year. */
export function birthFromColumnText(raw: string): BirthDate | null {
  const text = tidy(raw);
  if (text === "") return null;
  const ym = YEAR_MONTH.exec(text);
  if (ym) return make(num(ym[1]), num(ym[2] ?? ym[3]), 0);
  const year = YEAR_ONLY.exec(text);
  if (year) return make(num(year[1]), 0, 0);
  const parsed = parseDateInput(text);
  if (parsed.ok) return make(parsed.date.y, parsed.date.m, parsed.date.d);
  return findBirthInText(text);
}

/** Quoted text and [colour]/[locale] parts of a number format carry no date codes. */
const FORMAT_NOISE = /"[^"]*"|\[[^\]]*\]|\\./g;
const DATE_CODES = /[yYdD]|e(?![+-])|[mM]{3,}|aaa/;

/** True for a date number format (yyyy-mm-dd, yyyy"年"m"月"d"日", m/d/yy, mmm-yy …). */
export function isDateFormat(format: string | undefined): boolean {
  if (typeof format !== "string" || format === "" || format === "@" || /^general$/i.test(format)) return false;
  return DATE_CODES.test(format.replace(FORMAT_NOISE, ""));
}

/**
 * A number in a birth-date column: an Excel serial (always, under a date format), a packed
 * 20100501 or 201005, a year 2010, or a year.month typed as a number (2010.05; 2010.1 is October).
 */
export function birthFromColumnNumber(value: number, format: string | undefined): BirthDate | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  if (isDateFormat(format)) return serialDate(value);
  if (Number.isInteger(value)) {
    if (value >= 19000101 && value <= 20991231) {
      return make(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
    }
    if (value >= 190001 && value <= 209912) return make(Math.floor(value / 100), value % 100, 0);
    if (value >= MIN_YEAR && value <= MAX_YEAR) return make(value, 0, 0);
    return value <= MAX_BIRTH_SERIAL ? serialDate(value) : null;
  }
  if (value >= MIN_YEAR && value < MAX_YEAR + 1) {
    const year = Math.floor(value);
    return make(year, Math.round((value - year) * 100), 0);
  }
  return value <= MAX_BIRTH_SERIAL ? serialDate(value) : null;
}

function serialDate(serial: number): BirthDate | null {
  const date = civilFromSerial(serial);
  return date ? make(date.y, date.m, date.d) : null;
}
