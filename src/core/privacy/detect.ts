/**
 * Personal data in one cell value. Runs over every cell of large workbooks, so the common cells
 * (names, amounts, grades, empty text) leave after one pass over their characters: a string is
 * examined further only when it has 7+ digits (ID, card, phone), an address level marker, 生 (a
 * birth keyword) or an exponent; a number only when it has 7+ digits or its column holds dates.
 * Regexes are compiled once; nothing is allocated unless something is found.
 */
import { luhnValid } from "../bank/luhn";
import { isValidCivil } from "../date/civil";
import { checkDigit } from "../id/checksum";
import { isKnownProvince } from "../id/provinces";
import { maskCard, maskId, maskPhone } from "../mask/maskers";
import { matchLandline } from "../phone/landline";
import { compact, integerDigits, tidy, toHalfWidth } from "../text/normalize";
import { lostDigitsAsNumber } from "../text/stored-as-number";
import { findAddress, maskAddress } from "./address";
import { birthFromColumnNumber, birthFromColumnText, findBirthInText, maskBirth } from "./birth";
import { fieldForHeader, kindOfField } from "./columns";
import type { PiiContext, PiiHit, PiiKind } from "./types";

/** Returned when nothing is found: shared, never written to. */
export const NO_HITS: readonly PiiHit[] = Object.freeze([]);

// Character classes, one table lookup per character.
const DIGIT = 1;
const ADDRESS_CHAR = 2;
const BIRTH_CHAR = 4;
const EXPONENT_CHAR = 8;
const CHAR_FLAGS = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0x30; c <= 0x39; c++) table[c] = DIGIT;
  for (let c = 0xff10; c <= 0xff19; c++) table[c] = DIGIT; // full-width ０–９
  // The household-level markers an address needs (findAddress checks the rest).
  for (const ch of "村社组号栋幢室楼元") table[ch.charCodeAt(0)] = ADDRESS_CHAR;
  table["生".charCodeAt(0)] = BIRTH_CHAR;
  for (const ch of "EeＥｅ") table[ch.charCodeAt(0)] = EXPONENT_CHAR;
  return table;
})();

/** Fewest digits of an identifier worth a regex: a landline's subscriber number has 7. */
const MIN_DIGITS = 7;

// Identifiers in text. Digit look-arounds, not \b: "G11010519491231002X" (a 学籍号) and
// "身份证11010519491231002X已核" both hold an ID, and \b sees no boundary between G or 证 and 1.
/** 18-digit ID, optionally grouped 6-8-4. */
const ID18 = /(?<!\d)(\d{6})[ -]?(\d{8})[ -]?(\d{3}[\dXx])(?![\dA-Za-z])/g;
/** 15-digit ID (before 1999), optionally grouped 6-6-3. */
const ID15 = /(?<!\d)(\d{6})[ -]?(\d{6})[ -]?(\d{3})(?![\dA-Za-z])/g;
/**
 * 16–19-digit card, optionally in groups of 4. No letter may touch it either: a 统一社会信用代码
 * such as 12430300444878123T has 17 digits in a row.
 */
const CARD = /(?<![\dA-Za-z])\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?![\dA-Za-z])/g;
/** Mainland mobile: 1[3-9] + 9 digits, optionally +86/0086 and grouped 3-4-4. */
const MOBILE = /(?<!\d)(?:(?:\+|00)86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)/g;
/**
 * Landline with its area code: 010 / 02x / 0[3-9]xx, then a 7–8-digit subscriber number not
 * starting with 0 or 1. Service numbers (95533, 12345, 110, 400-/800-) never start with 0.
 */
const LANDLINE = /(?<!\d)\(?(0(?:10|2\d|[3-9]\d{2}))(?:\)\s?|[ -])?([2-9]\d{6,7})(?!\d)/g;
const SEPARATORS = /[\s-]/g;

const MIN_BIRTH_YEAR = 1900;
const MAX_BIRTH_YEAR = 2099;

/** Text spans already taken by a hit, so a phone is not found again inside an ID. */
const taken: number[] = [];

function isTaken(start: number, end: number): boolean {
  for (let i = 0; i < taken.length; i += 2) {
    if (start < (taken[i + 1] ?? 0) && end > (taken[i] ?? 0)) return true;
  }
  return false;
}

function push(hits: PiiHit[] | null, hit: PiiHit): PiiHit[] {
  if (hits === null) return [hit];
  hits.push(hit);
  return hits;
}

/** Province and birth date of an ID's digits (the date as yyyymmdd, or yymmdd of 19yy). */
function idShapeOk(region: string, date: string): boolean {
  if (!isKnownProvince(region.slice(0, 2))) return false;
  const long = date.length === 8;
  const y = long ? Number(date.slice(0, 4)) : 1900 + Number(date.slice(0, 2));
  const m = Number(date.slice(-4, -2));
  const d = Number(date.slice(-2));
  return y >= MIN_BIRTH_YEAR && y <= MAX_BIRTH_YEAR && isValidCivil(y, m, d);
}

function idHit(id: string, by: PiiHit["by"]): PiiHit {
  if (id.length !== 18) return { kind: "id-number", masked: maskId(id), by };
  return { kind: "id-number", masked: maskId(id), by, checksumOk: checkDigit(id.slice(0, 17)) === id.charAt(17) };
}

/** IDs, bank cards and phone numbers in half-width text. */
function findIdentifiers(text: string, hits: PiiHit[] | null): PiiHit[] | null {
  taken.length = 0;
  let m: RegExpExecArray | null;
  ID18.lastIndex = 0;
  while ((m = ID18.exec(text)) !== null) {
    const [whole, region = "", date = "", rest = ""] = m;
    if (!idShapeOk(region, date)) continue;
    // A wrong check digit is still somebody's ID number with one typo.
    hits = push(hits, idHit(region + date + rest.toUpperCase(), "content"));
    taken.push(m.index, m.index + whole.length);
  }
  ID15.lastIndex = 0;
  while ((m = ID15.exec(text)) !== null) {
    const [whole, region = "", date = "", rest = ""] = m;
    if (isTaken(m.index, m.index + whole.length) || !idShapeOk(region, date)) continue;
    hits = push(hits, idHit(region + date + rest, "content"));
    taken.push(m.index, m.index + whole.length);
  }
  CARD.lastIndex = 0;
  while ((m = CARD.exec(text)) !== null) {
    const whole = m[0];
    if (isTaken(m.index, m.index + whole.length)) continue;
    const digits = whole.replace(SEPARATORS, "");
    if (!luhnValid(digits)) continue;
    hits = push(hits, { kind: "bank-card", masked: maskCard(whole), by: "content", checksumOk: true });
    taken.push(m.index, m.index + whole.length);
  }
  MOBILE.lastIndex = 0;
  while ((m = MOBILE.exec(text)) !== null) {
    if (isTaken(m.index, m.index + m[0].length)) continue;
    hits = push(hits, { kind: "phone", masked: maskPhone(`${m[1]}${m[2]}${m[3]}`), by: "content" });
    taken.push(m.index, m.index + m[0].length);
  }
  LANDLINE.lastIndex = 0;
  while ((m = LANDLINE.exec(text)) !== null) {
    if (isTaken(m.index, m.index + m[0].length)) continue;
    hits = push(hits, { kind: "phone", masked: maskPhone(`${m[1]}-${m[2]}`), by: "content" });
    taken.push(m.index, m.index + m[0].length);
  }
  return hits;
}

/**
 * A number Excel has rounded to 15 significant digits (or its text, 4.40524E+17): 18 digits are
 * an ID, 16/17/19 a bank card (unless the column says which); other lengths are no identifier.
 */
function lostHit(n: number, column: PiiKind | null): PiiHit | null {
  const digits = integerDigits(n);
  const kind: PiiKind | null =
    column === "id-number" || column === "bank-card"
      ? column
      : digits.length === 18
        ? "id-number"
        : digits.length >= 16 && digits.length <= 19
          ? "bank-card"
          : null;
  if (kind === null) return null;
  // The digits shown are Excel's rounded ones; masked like the real number would be.
  const masked = kind === "id-number" ? maskId(digits) : maskCard(digits);
  return { kind, masked, by: kind === column ? "column" : "content", precisionLost: true };
}

/** Placeholders typed into a column instead of a value. */
const PLACEHOLDER = /^(?:无|暂无|空|不详|略|同上|见上|是|否|有|[-—_/\\.0*]+)$/;
/** Text that is already masked (湖南省****, 138****5678): showing it is what a notice should do. */
const MASKED = /[*＊×]{2}/;
/** A header text repeated in the body (a header row on every printed page). */
const HEADER_WORDS = /出生|生日|身份|证件|电话|手机|联系|卡号|[账帐]|存折|地址|住址|户籍|住所|居住/;

function isHeaderRepeat(text: string, column: PiiKind): boolean {
  return text.length <= 16 && HEADER_WORDS.test(text) && kindOfField(fieldForHeader(text)) === column;
}

const ID_DIGITS = /^(?:\d{17}[\dX]|\d{15})$/;
const CARD_DIGITS = /^\d{16,19}$/;

/** What a column meant for one kind of personal data holds beyond what its shape shows. */
function columnHit(text: string, digits: number, column: PiiKind): PiiHit | null {
  switch (column) {
    case "id-number": {
      // Any ID-shaped value there is an ID, even with an unknown region or impossible date.
      const value = compact(text).replace(SEPARATORS, "").toUpperCase();
      return ID_DIGITS.test(value) ? idHit(value, "column") : null;
    }
    case "bank-card": {
      const value = compact(text).replace(SEPARATORS, "");
      if (!CARD_DIGITS.test(value)) return null;
      return { kind: "bank-card", masked: maskCard(value), by: "column", checksumOk: luhnValid(value) };
    }
    case "phone":
      return digits >= MIN_DIGITS && !isHeaderRepeat(text, column)
        ? { kind: "phone", masked: maskPhone(tidy(text)), by: "column" }
        : null;
    case "address": {
      const value = tidy(text);
      if (value === "" || PLACEHOLDER.test(value) || MASKED.test(value) || isHeaderRepeat(value, column)) return null;
      // Numbers alone (a house number, a code) are not an address.
      if (!/\p{L}/u.test(value)) return null;
      return { kind: "address", masked: maskAddress(value), by: "column" };
    }
    case "birth-date": {
      const date = birthFromColumnText(text);
      return date ? { kind: "birth-date", masked: maskBirth(date), by: "column" } : null;
    }
  }
}

function hasKind(hits: readonly PiiHit[] | null, kind: PiiKind): boolean {
  if (hits === null) return false;
  for (const hit of hits) if (hit.kind === kind) return true;
  return false;
}

function detectString(raw: string, column: PiiKind | null): readonly PiiHit[] {
  let digits = 0;
  let flags = 0;
  for (let i = 0; i < raw.length; i++) {
    const f = CHAR_FLAGS[raw.charCodeAt(i)] ?? 0;
    if (f === DIGIT) digits++;
    flags |= f;
  }
  if (digits < MIN_DIGITS && (flags & (ADDRESS_CHAR | BIRTH_CHAR | EXPONENT_CHAR)) === 0 && column === null) {
    return NO_HITS;
  }
  const text = toHalfWidth(raw);
  if ((flags & EXPONENT_CHAR) !== 0 && digits >= 2 && lostDigitsAsNumber(text)) {
    const hit = lostHit(Number(compact(text)), column);
    return hit ? [hit] : NO_HITS;
  }
  let hits: PiiHit[] | null = null;
  if (digits >= MIN_DIGITS) hits = findIdentifiers(text, hits);
  if ((flags & BIRTH_CHAR) !== 0 && digits >= 5) {
    const date = findBirthInText(text);
    if (date) hits = push(hits, { kind: "birth-date", masked: maskBirth(date), by: "content" });
  }
  if ((flags & ADDRESS_CHAR) !== 0) {
    const span = findAddress(text);
    if (span) hits = push(hits, { kind: "address", masked: maskAddress(text.slice(span.start, span.end)), by: "content" });
  }
  if (column !== null && !hasKind(hits, column)) {
    const hit = columnHit(text, digits, column);
    if (hit) hits = push(hits, hit);
  }
  return hits ?? NO_HITS;
}

/** 1e6: smaller numbers (amounts, counts, years, serial dates) have at most 6 digits. */
const SEVEN_DIGITS = 1e6;
const LOST = 1e15;

function detectNumber(n: number, column: PiiKind | null, format: string | undefined): readonly PiiHit[] {
  if (!Number.isFinite(n)) return NO_HITS;
  if (column === "birth-date") {
    const date = birthFromColumnNumber(n, format);
    return date ? [{ kind: "birth-date", masked: maskBirth(date), by: "column" }] : NO_HITS;
  }
  if (n < SEVEN_DIGITS || !Number.isInteger(n)) return NO_HITS;
  if (n >= LOST) {
    const hit = lostHit(n, column);
    return hit ? [hit] : NO_HITS;
  }
  // Below 1e15 every integer is exact: its digits are what was typed (less any leading 0).
  const digits = String(n);
  if (digits.length === 15 && idShapeOk(digits.slice(0, 6), digits.slice(6, 12))) return [idHit(digits, "content")];
  if (digits.length === 11 && digits.charAt(0) === "1" && digits.charCodeAt(1) >= 0x33) {
    return [{ kind: "phone", masked: maskPhone(digits), by: "content" }];
  }
  if (column === "phone") {
    // A landline stored as a number has lost the 0 of its area code (7315551234).
    const landline = matchLandline(`0${digits}`);
    const masked = landline ? maskPhone(`${landline.area}-${landline.subscriber}`) : maskPhone(digits);
    return [{ kind: "phone", masked, by: "column" }];
  }
  if (column === "id-number" && digits.length === 15) return [idHit(digits, "column")];
  return NO_HITS;
}

/**
 * Hits in one value, for a column meant for `column` (or none). The returned array is NO_HITS
 * (shared, frozen) when nothing is found.
 */
export function detectValue(value: unknown, column: PiiKind | null, format?: string): readonly PiiHit[] {
  if (typeof value === "string") return value.length === 0 ? NO_HITS : detectString(value, column);
  if (typeof value === "number") return detectNumber(value, column, format);
  return NO_HITS;
}

/**
 * Personal data in one cell's value. `field` is the canonical field of the cell's column (or
 * null), `headerText` its header text (used when `field` is not given), `format` the cell's
 * number format.
 */
export function detectPii(value: unknown, context?: PiiContext): PiiHit[] {
  const ctx: Partial<PiiContext> = context !== null && typeof context === "object" ? context : {};
  const field = ctx.field ?? (typeof ctx.headerText === "string" ? fieldForHeader(ctx.headerText) : null);
  const format = typeof ctx.format === "string" ? ctx.format : undefined;
  const hits = detectValue(value, kindOfField(field), format);
  return hits === NO_HITS ? [] : [...hits];
}
