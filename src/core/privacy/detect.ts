/**
 * Personal data in one cell value. Runs over every cell of large workbooks, so the common cells
 * (names, amounts, grades, empty text) leave after one pass over their characters: a string is
 * examined further only when it has 7+ digits in a row (ID, card, phone), a household-level
 * address marker, 生 (a birth keyword) or an exponent; a number only when it has 7+ digits or
 * its column holds dates.
 * A value of digits only (the usual ID, card or phone cell) is told apart by its length, without a
 * regex. Regexes are compiled once; nothing is allocated unless something is found, and masking
 * waits until a hit is reported.
 */
import { luhnValid } from "../bank/luhn";
import { isValidCivil } from "../date/civil";
import { checkDigit } from "../id/checksum";
import { isKnownProvince, isResidencePermitProvince } from "../id/provinces";
import { maskCard, maskId, maskPhone } from "../mask/maskers";
import { matchLandline } from "../phone/landline";
import { compact, integerDigits, tidy, toHalfWidth } from "../text/normalize";
import { lostDigitsAsNumber } from "../text/stored-as-number";
import { findAddress, maskAddress } from "./address";
import { birthFromColumnNumber, birthFromColumnText, findBirthInText, maskBirth } from "./birth";
import { fieldForHeader, kindOfField } from "./columns";
import type { PiiContext, PiiHit, PiiKind } from "./types";

/**
 * A hit before masking: the scanner masks only what it reports (a roster's own ID column is
 * found and then dropped, a million times over), so masking waits until it is needed.
 */
export interface RawHit {
  kind: PiiKind;
  by: "content" | "column";
  /** What was found, to be masked by `mask`; never shown as it is. */
  raw: string;
  mask: (raw: string) => string;
  precisionLost?: boolean;
  /** Cards: Luhn. IDs: see checksumOf. */
  checksumOk?: boolean;
}

export function toPiiHit(hit: RawHit): PiiHit {
  const out: PiiHit = { kind: hit.kind, masked: hit.mask(hit.raw), by: hit.by };
  if (hit.precisionLost) out.precisionLost = true;
  const checksumOk = checksumOf(hit);
  if (checksumOk !== undefined) out.checksumOk = checksumOk;
  return out;
}

/** Returned when nothing is found: shared, never written to. */
export const NO_HITS: readonly RawHit[] = Object.freeze([]);

// Maskers. The plain shapes take a shortcut that gives what maskId / maskCard / maskPhone give.
const STARS = Array.from({ length: 20 }, (_, n) => "*".repeat(n));
const PLAIN_ID = /^(?:\d{17}[\dX]|\d{15})$/;
const PLAIN_CARD = /^\d{16,19}$/;

function maskIdFast(id: string): string {
  return PLAIN_ID.test(id) ? id.slice(0, 6) + (STARS[id.length - 10] ?? "") + id.slice(-4) : maskId(id);
}
function maskCardFast(card: string): string {
  return PLAIN_CARD.test(card) ? (STARS[card.length - 4] ?? "") + card.slice(-4) : maskCard(card);
}
/** 11 digits, 1[3-9]…: 138****5678. */
function maskMobile(digits: string): string {
  return `${digits.slice(0, 3)}****${digits.slice(7)}`;
}
/** Birth dates are masked when found (maskBirth). */
function asIs(masked: string): string {
  return masked;
}

// Character classes, one table lookup per character.
const DIGIT = 1;
const WIDE_DIGIT = 2;
const SEPARATOR = 4;
const ADDRESS_CHAR = 8;
const BIRTH_CHAR = 16;
const EXPONENT_CHAR = 32;
const CHAR_FLAGS = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0x30; c <= 0x39; c++) table[c] = DIGIT;
  for (let c = 0xff10; c <= 0xff19; c++) table[c] = WIDE_DIGIT; // full-width ０–９
  // Inside a number: "138 1234 5678", "0731-5551234", ideographic space, full-width hyphen.
  for (const ch of " -\u00a0\u3000\uff0d") table[ch.charCodeAt(0)] = SEPARATOR;
  // The household-level markers an address needs (findAddress checks the rest).
  for (const ch of "村社组号栋幢室楼元") table[ch.charCodeAt(0)] = ADDRESS_CHAR;
  table["生".charCodeAt(0)] = BIRTH_CHAR;
  for (const ch of "EeＥｅ") table[ch.charCodeAt(0)] = EXPONENT_CHAR;
  return table;
})();

/** Fewest digits in a row worth a regex: a landline's subscriber number has 7. */
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
/** Mainland mobile: 1[3-9] + 9 digits, optionally +86/0086/86 and grouped 3-4-4. */
const MOBILE = /(?<!\d)(?:(?:\+|00)?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)/g;
/**
 * Landline with its area code: 010 / 02x / 0[3-9]xx, then a 7–8-digit subscriber number not
 * starting with 0 or 1, whole or in two groups (6234 5678, 555-1234). Service numbers (95533,
 * 12345, 110, 400-/800-) never start with 0. After +86 / 0086 the area code drops its 0
 * (+86 10 6123 4567) or keeps it in brackets (+86 (0)21 …); +86 400 … is still a service number.
 */
const LANDLINE =
  /(?<!\d)(?:(?:\+|00)86[ -]?(?:\(0\)[ -]?)?\(?(?!400|800)(10|2\d|[3-9]\d{2})|\(?(0(?:10|2\d|[3-9]\d{2})))(?:\)\s?|[ -])?([2-9]\d{6,7}|[2-9]\d{2,3}[ -]\d{4})(?!\d)/g;
/**
 * A card or account number after a label naming it (银行卡号：, 卡号, 账号/帐号, 账户, 存折, 一卡通, 农业银行卡):
 * personal data whatever its Luhn digit says. 16–19 digits, grouped any way.
 */
const LABELLED_CARD =
  /(?:卡号|[账帐][号户]|存折|卡折|一卡通|(?:银行|储蓄|借记|信用|社保)卡)(?:号码|号|码)?[\s:是为]{0,4}(\d(?:[ -]?\d){15,18})(?![\dA-Za-z])/g;
/** An organisation's account (收款单位账号, 学校对公账户): published on purpose, nobody's personal data. */
const ORGANISATION = /(?:单位|对公|公司|学校|财政|机关|企业)\s*$/;
/**
 * The whole label of an organisation's account, ending where its number starts: an organisation
 * word, then only words of an account's label (银行, 开户, 专户, 基本户…), then the account word —
 * 财政专户账号：, 学校银行账号：, 收款单位开户账号：, 资助中心账户：. Nothing else may come between,
 * so a person's name does not make a card an organisation's (中心校张三卡号：… is still a person's).
 */
const ORGANISATION_LABEL =
  /(?:单位|学校|财政|专户|对公|公司|机关|企业|中心)(?:\s*(?:银行|开户行?|基本|专用|专户|收款|结算|资金|对公|户|的))*\s*(?:[账帐][号户]|卡号|存折|一卡通|(?:银行|储蓄|借记)卡)(?:号码|号|码)?[\s:是为]{0,4}$/;
/** Where a cell's text starts a new clause: a label never reaches across one. */
const CLAUSE_END = /[,，。;；、\n]/;
/** How far back an organisation's label may start. */
const ORGANISATION_REACH = 24;

/** True when the number at `at` in `text` follows an organisation account's label (ORGANISATION_LABEL). */
function organisationAccount(text: string, at: number): boolean {
  let label = text.slice(Math.max(0, at - ORGANISATION_REACH), at);
  for (let i = label.length - 1; i >= 0; i--) {
    if (CLAUSE_END.test(label.charAt(i))) {
      label = label.slice(i + 1);
      break;
    }
  }
  return ORGANISATION_LABEL.test(label);
}
/** A 16–19-digit run anywhere in a card column's text: 6217 0000 1234 5678 901（农行）. */
const CARD_RUN = /(?<![\dA-Za-z])\d(?:[ -]?\d){15,18}(?![\dA-Za-z])/;
const SEPARATORS = /[\s-]/g;
/**
 * A number a notice publishes on purpose: 公示期间如有异议，请拨打监督电话 0731-5551234. The
 * office's line is not a person's; a label like this right before a phone number says so.
 */
const SERVICE_LABEL =
  /(?:监督|举报|投诉|咨询|服务|办公|值班|热线|受理)(?:电话|热线|号码|方式|专线)?\s*(?:是|为)?[:\s]*$/;
/** How far back the label may start. */
const LABEL_REACH = 16;

/** True when `text` ends with a label of a published office number (监督电话：). */
export function endsWithServiceLabel(text: string): boolean {
  return SERVICE_LABEL.test(text.length > LABEL_REACH ? text.slice(-LABEL_REACH) : text);
}

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

function push(hits: RawHit[] | null, hit: RawHit): RawHit[] {
  if (hits === null) return [hit];
  hits.push(hit);
  return hits;
}

/** Value of the two ASCII digits at `at`, or NaN. */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

/**
 * Whether the region digits of an ID fit one of the identity numbers parseId accepts: a province
 * code at 0 (居民身份证; 81/82/83 港澳台居民居住证), or, 18 digits starting with 9, 9 + a
 * mainland province code (外国人永久居留身份证 of 2023: the accepting province at 1–2).
 */
function regionOk(s: string, long: boolean): boolean {
  const first = s.slice(0, 2);
  if (isKnownProvince(first)) return true;
  if (!long || s.charCodeAt(0) !== 0x39) return false;
  const accepting = s.slice(1, 3);
  return isKnownProvince(accepting) && !isResidencePermitProvince(accepting);
}

/**
 * Region and birth date of the ID digits in `s` (region at 0, the date at 6 as yyyymmdd when
 * `long`, else yymmdd of 19yy), read without slicing the date.
 */
function idShapeOk(s: string, long: boolean): boolean {
  if (!regionOk(s, long)) return false;
  const y = long ? twoDigits(s, 6) * 100 + twoDigits(s, 8) : 1900 + twoDigits(s, 6);
  const at = long ? 10 : 8;
  return y >= MIN_BIRTH_YEAR && y <= MAX_BIRTH_YEAR && isValidCivil(y, twoDigits(s, at), twoDigits(s, at + 2));
}

/**
 * An ID (15 digits, or 17 + digit/X); a wrong check digit is still somebody's ID with one typo.
 * Its checksum is worked out only when the hit is reported (checksumOf).
 */
function idHit(id: string, by: RawHit["by"]): RawHit {
  return { kind: "id-number", by, raw: id, mask: maskIdFast };
}

/** Whether the check digit (ID) or Luhn digit (card) is right; undefined when not known. */
export function checksumOf(hit: RawHit): boolean | undefined {
  if (hit.kind === "id-number" && !hit.precisionLost && hit.raw.length === 18) {
    return checkDigit(hit.raw.slice(0, 17)) === hit.raw.charAt(17);
  }
  return hit.checksumOk;
}

function cardHit(card: string, by: RawHit["by"], checksumOk: boolean): RawHit {
  return { kind: "bank-card", by, raw: card, mask: maskCardFast, checksumOk };
}

function landlineHit(digits: string): RawHit | null {
  const m = matchLandline(digits);
  return m ? { kind: "phone", by: "content", raw: `${m.area}-${m.subscriber}`, mask: maskPhone } : null;
}

function isMobileDigits(d: string, at: number): boolean {
  return d.length - at === 11 && d.charCodeAt(at) === 0x31 && d.charCodeAt(at + 1) >= 0x33;
}

/**
 * Digits after the country code (0086 or 86, typed without +): a mobile, or for 0086 a landline
 * whose area code has dropped its 0 (00861061234567). A bare 86 only before a mobile number.
 */
function internationalHit(d: string): RawHit | null {
  if (d.startsWith("0086")) {
    if (isMobileDigits(d, 4)) return { kind: "phone", by: "content", raw: d.slice(4), mask: maskMobile };
    return d.charCodeAt(4) === 0x30 ? null : landlineHit(`0${d.slice(4)}`);
  }
  return d.startsWith("86") && isMobileDigits(d, 2)
    ? { kind: "phone", by: "content", raw: d.slice(2), mask: maskMobile }
    : null;
}

/**
 * A value of ASCII digits only (the usual ID, card or phone cell), told apart by its length
 * without a regex; the same answers as findIdentifiers gives for such text.
 */
function classifyDigits(d: string): RawHit | null {
  // 0086 + a mobile or landline (13–16 digits); a bank card or an ID never starts with 00.
  if (d.length >= 13 && d.length <= 16 && d.charCodeAt(0) === 0x30 && d.startsWith("0086")) return internationalHit(d);
  switch (d.length) {
    case 18:
      if (idShapeOk(d, true)) return idHit(d, "content");
      return luhnValid(d) ? cardHit(d, "content", true) : null;
    case 15:
      return idShapeOk(d, false) ? idHit(d, "content") : null;
    case 16:
    case 17:
    case 19:
      return luhnValid(d) ? cardHit(d, "content", true) : null;
    case 11:
      if (isMobileDigits(d, 0)) return { kind: "phone", by: "content", raw: d, mask: maskMobile };
      return d.charCodeAt(0) === 0x30 ? landlineHit(d) : null;
    case 13:
      return internationalHit(d);
    case 10:
    case 12:
      return d.charCodeAt(0) === 0x30 ? landlineHit(d) : null;
    default:
      return null;
  }
}

/** IDs, bank cards and phone numbers in half-width text. */
function findIdentifiers(text: string, hits: RawHit[] | null): RawHit[] | null {
  taken.length = 0;
  let m: RegExpExecArray | null;
  ID18.lastIndex = 0;
  while ((m = ID18.exec(text)) !== null) {
    const id = (m[1] ?? "") + (m[2] ?? "") + (m[3] ?? "").toUpperCase();
    if (!idShapeOk(id, true)) continue;
    hits = push(hits, idHit(id, "content"));
    taken.push(m.index, m.index + m[0].length);
  }
  ID15.lastIndex = 0;
  while ((m = ID15.exec(text)) !== null) {
    const id = (m[1] ?? "") + (m[2] ?? "") + (m[3] ?? "");
    if (isTaken(m.index, m.index + m[0].length) || !idShapeOk(id, false)) continue;
    hits = push(hits, idHit(id, "content"));
    taken.push(m.index, m.index + m[0].length);
  }
  CARD.lastIndex = 0;
  while ((m = CARD.exec(text)) !== null) {
    const whole = m[0];
    if (
      isTaken(m.index, m.index + whole.length) ||
      !luhnValid(whole.replace(SEPARATORS, "")) ||
      organisationAccount(text, m.index)
    )
      continue;
    // Masked as typed, so "6222 0212 …" keeps its groups.
    hits = push(hits, { kind: "bank-card", by: "content", raw: whole, mask: maskCard, checksumOk: true });
    taken.push(m.index, m.index + whole.length);
  }
  LABELLED_CARD.lastIndex = 0;
  while ((m = LABELLED_CARD.exec(text)) !== null) {
    const card = m[1] ?? "";
    const at = m.index + m[0].length - card.length;
    if (
      isTaken(at, at + card.length) ||
      ORGANISATION.test(text.slice(Math.max(0, m.index - 8), m.index)) ||
      organisationAccount(text, at)
    )
      continue;
    const digits = card.replace(SEPARATORS, "");
    hits = push(hits, { kind: "bank-card", by: "content", raw: card, mask: maskCard, checksumOk: luhnValid(digits) });
    taken.push(at, at + card.length);
  }
  MOBILE.lastIndex = 0;
  while ((m = MOBILE.exec(text)) !== null) {
    if (isTaken(m.index, m.index + m[0].length) || endsWithServiceLabel(text.slice(0, m.index))) continue;
    hits = push(hits, { kind: "phone", by: "content", raw: `${m[1]}${m[2]}${m[3]}`, mask: maskMobile });
    taken.push(m.index, m.index + m[0].length);
  }
  LANDLINE.lastIndex = 0;
  while ((m = LANDLINE.exec(text)) !== null) {
    if (isTaken(m.index, m.index + m[0].length) || endsWithServiceLabel(text.slice(0, m.index))) continue;
    const area = m[1] === undefined ? (m[2] ?? "") : `0${m[1]}`;
    const subscriber = (m[3] ?? "").replace(SEPARATORS, "");
    hits = push(hits, { kind: "phone", by: "content", raw: `${area}-${subscriber}`, mask: maskPhone });
    taken.push(m.index, m.index + m[0].length);
  }
  return hits;
}

/**
 * The digits Excel shows for a number of 16+ digits: 15 significant ones, then zeros
 * (440524198001011000). The double's own trailing digits (…1264) are noise, not data.
 */
function excelDigits(n: number): string {
  const [mantissa = "", exponent = "0"] = Math.abs(n).toExponential(14).split("e");
  const length = Number(exponent) + 1;
  const significant = mantissa.replace(".", "");
  return length > significant.length ? significant + "0".repeat(length - significant.length) : integerDigits(n);
}

/**
 * A number Excel has rounded to 15 significant digits (or its text, 4.40524E+17): 18 digits are
 * an ID, 16/17/19 a bank card (unless the column says which); other lengths are no identifier.
 */
function lostHit(n: number, column: PiiKind | null): RawHit | null {
  const digits = excelDigits(n);
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
  const mask = kind === "id-number" ? maskId : maskCard;
  return { kind, by: kind === column ? "column" : "content", raw: digits, mask, precisionLost: true };
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
const HAS_LETTER = /\p{L}/u;

/** What a column meant for one kind of personal data holds beyond what its shape shows. */
function columnHit(text: string, digits: number, column: PiiKind): RawHit | null {
  switch (column) {
    case "id-number": {
      // Any ID-shaped value there is an ID, even with an unknown region or impossible date.
      const value = compact(text).replace(SEPARATORS, "").toUpperCase();
      return ID_DIGITS.test(value) ? idHit(value, "column") : null;
    }
    case "bank-card": {
      const value = compact(text).replace(SEPARATORS, "");
      if (CARD_DIGITS.test(value)) return cardHit(value, "column", luhnValid(value));
      // A card with a remark around it: 6217 0000 1234 5678 901（农行）.
      const run = value.length > 16 ? CARD_RUN.exec(toHalfWidth(text)) : null;
      if (run === null) return null;
      const digits = run[0].replace(SEPARATORS, "");
      return cardHit(digits, "column", luhnValid(digits));
    }
    case "phone":
      return digits >= MIN_DIGITS && !MASKED.test(text) && !isHeaderRepeat(text, column)
        ? { kind: "phone", by: "column", raw: tidy(text), mask: maskPhone }
        : null;
    case "address": {
      const value = tidy(text);
      if (value === "" || PLACEHOLDER.test(value) || MASKED.test(value) || isHeaderRepeat(value, column)) return null;
      // Numbers alone (a house number, a code) are not an address.
      return HAS_LETTER.test(value) ? { kind: "address", by: "column", raw: value, mask: maskAddress } : null;
    }
    case "birth-date": {
      const date = birthFromColumnText(text);
      return date ? { kind: "birth-date", by: "column", raw: maskBirth(date), mask: asIs } : null;
    }
  }
}

function hasKind(hits: readonly RawHit[] | null, kind: PiiKind): boolean {
  if (hits === null) return false;
  for (const hit of hits) if (hit.kind === kind) return true;
  return false;
}

/**
 * One ASCII letter, then 17 digits and a digit or X (`ascii`: the digits counted): a 学籍号 like
 * G11010519491231002X. No other identifier fits in it, a letter touching the first digit and
 * digits all around.
 */
function isLetteredId(raw: string, ascii: number): boolean {
  const first = raw.charCodeAt(0) | 0x20;
  if (first < 0x61 || first > 0x7a) return false;
  const last = raw.charCodeAt(18);
  if (ascii === 18) return last >= 0x30 && last <= 0x39;
  return ascii === 17 && (last === 0x58 || last === 0x78);
}

function detectString(raw: string, column: PiiKind | null): readonly RawHit[] {
  // One pass: digits, the longest run of digits (separators inside a number allowed), markers.
  let ascii = 0;
  let digits = 0;
  let run = 0;
  let longest = 0;
  let flags = 0;
  for (let i = 0; i < raw.length; i++) {
    const f = CHAR_FLAGS[raw.charCodeAt(i)] ?? 0;
    if (f === DIGIT || f === WIDE_DIGIT) {
      if (f === DIGIT) ascii++;
      digits++;
      if (++run > longest) longest = run;
    } else if (f !== SEPARATOR) {
      run = 0;
      flags |= f;
    }
  }
  if (ascii === raw.length) {
    // Digits only: the common ID, card or phone cell, classified without a regex.
    const hit = classifyDigits(raw);
    if (column === null || hit?.kind === column) return hit ? [hit] : NO_HITS;
    const extra = columnHit(raw, digits, column);
    return hit ? (extra ? [hit, extra] : [hit]) : extra ? [extra] : NO_HITS;
  }
  if (longest < MIN_DIGITS && (flags & (ADDRESS_CHAR | BIRTH_CHAR | EXPONENT_CHAR)) === 0 && column === null) {
    return NO_HITS;
  }
  if (column === null && flags === 0 && raw.length === 19 && ascii >= 17 && isLetteredId(raw, ascii)) {
    // G + an ID (a 学籍号): only the ID regex could match such text, so test its shape directly.
    const id = raw.charCodeAt(18) === 0x78 ? `${raw.slice(1, 18)}X` : raw.slice(1);
    return idShapeOk(id, true) ? [idHit(id, "content")] : NO_HITS;
  }
  const text = toHalfWidth(raw);
  if ((flags & EXPONENT_CHAR) !== 0 && digits >= 2 && lostDigitsAsNumber(text)) {
    const hit = lostHit(Number(compact(text)), column);
    return hit ? [hit] : NO_HITS;
  }
  let hits: RawHit[] | null = null;
  if (longest >= MIN_DIGITS) hits = findIdentifiers(text, hits);
  // In a birth-date or address column, the column's own test below finds those.
  if ((flags & BIRTH_CHAR) !== 0 && digits >= 5 && column !== "birth-date") {
    const date = findBirthInText(text);
    if (date) hits = push(hits, { kind: "birth-date", by: "content", raw: maskBirth(date), mask: asIs });
  }
  if ((flags & ADDRESS_CHAR) !== 0 && column !== "address") {
    const span = findAddress(text);
    if (span)
      hits = push(hits, { kind: "address", by: "content", raw: text.slice(span.start, span.end), mask: maskAddress });
  }
  if (column !== null && !hasKind(hits, column)) {
    const hit = columnHit(text, digits, column);
    if (hit) hits = push(hits, hit);
  }
  return hits ?? NO_HITS;
}

/** 1e6: smaller numbers (amounts, counts, years, serial dates) have at most 6 digits. */
export const SEVEN_DIGITS = 1e6;
const LOST = 1e15;

function detectNumber(n: number, column: PiiKind | null, format: string | undefined): readonly RawHit[] {
  if (!Number.isFinite(n)) return NO_HITS;
  if (column === "birth-date") {
    const date = birthFromColumnNumber(n, format);
    return date ? [{ kind: "birth-date", by: "column", raw: maskBirth(date), mask: asIs }] : NO_HITS;
  }
  if (n < SEVEN_DIGITS || !Number.isInteger(n)) return NO_HITS;
  if (n >= LOST) {
    const hit = lostHit(n, column);
    return hit ? [hit] : NO_HITS;
  }
  // Below 1e15 every integer is exact: its digits are what was typed (less any leading 0).
  const digits = String(n);
  if (digits.length === 15 && idShapeOk(digits, false)) return [idHit(digits, "content")];
  if (isMobileDigits(digits, 0)) return [{ kind: "phone", by: "content", raw: digits, mask: maskMobile }];
  // 008618812341234 typed into a General cell: Excel keeps 8618812341234.
  if (digits.length === 13) {
    const hit = internationalHit(digits);
    if (hit) return [hit];
  }
  if (column === "phone") {
    // A landline stored as a number has lost the 0 of its area code (7315551234).
    const landline = matchLandline(`0${digits}`);
    const raw = landline ? `${landline.area}-${landline.subscriber}` : digits;
    return [{ kind: "phone", by: "column", raw, mask: maskPhone }];
  }
  if (column === "id-number" && digits.length === 15) return [idHit(digits, "column")];
  return NO_HITS;
}

/**
 * Hits in one value, for a column meant for `column` (or none), not yet masked. The returned
 * array is NO_HITS (shared, frozen) when nothing is found.
 */
export function detectValue(value: unknown, column: PiiKind | null, format?: string): readonly RawHit[] {
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
  return detectValue(value, kindOfField(field), format).map(toPiiHit);
}
