import { compareCivil, isValidCivil, type CivilDate } from "../date/civil";
import { fail, ok, type Result } from "../result";
import { compact } from "../text/normalize";
import { readCellText } from "./cell-text";
import { checkDigit } from "./checksum";
import type { IdInfo, IdNumberDocument, IdProblem } from "./problems";
import { isKnownProvince, isResidencePermitProvince } from "./provinces";

/**
 * Earliest birth year accepted at all. 居民身份证 were first issued in 1984, when the oldest
 * people alive were born in the 1870s; a year before 1870 cannot be any holder's and is a typo.
 * Years from 1870 to 1899 are real but implausible on a roster (IdInfo.bornBefore1900).
 */
export const MIN_BIRTH_YEAR = 1870;
const PLAUSIBLE_FROM: CivilDate = { y: 1900, m: 1, d: 1 };

/** Half-width, no white space or zero-width characters, x as X (NFKC has already folded ｘ). */
export function normalizeId(text: string): string {
  return compact(text).replace(/x/g, "X");
}

/** An ID cell as most rosters hold it: 18 characters (a final x or X) or 15 digits, nothing to normalise. */
const PLAIN_ID = /^(?:\d{17}[\dXx]|\d{15})$/;

/** The common case, checked first: digits with at most a final X. */
const WELL_FORMED = /^\d*[\dX]$/;

/** Distinct characters that cannot appear: anything but digits, and X except as the last one. */
function badChars(value: string): string {
  if (WELL_FORMED.test(value)) return "";
  const chars = Array.from(value);
  const bad = chars.filter((ch, i) => !/\d/.test(ch) && !(ch === "X" && i === chars.length - 1));
  return [...new Set(bad)].join("");
}

/**
 * The document and address code of a well-formed number, or the region problem:
 * - 9 first (18 digits): 外国人永久居留身份证 (2023 edition): digits 2–3 are the accepting
 *   province, a mainland GB/T 2260 code; digits 4–6 the nationality code (not checked against a list);
 * - 81 / 82 / 83: 港澳台居民居住证 (2018), whose address code is exactly 810000 / 820000 / 830000;
 * - any other known province code: 居民身份证.
 */
function documentOf(
  value: string,
): Result<{ document: IdNumberDocument; regionCode: string; nationality?: string }, IdProblem> {
  const long = value.length === 18;
  if (long && value.startsWith("9")) {
    const province = value.slice(1, 3);
    if (!isKnownProvince(province) || isResidencePermitProvince(province))
      return fail({ code: "id.region", province, document: "外国人永久居留身份证" });
    return ok({ document: "外国人永久居留身份证", regionCode: `${province}0000`, nationality: value.slice(3, 6) });
  }
  const province = value.slice(0, 2);
  if (!isKnownProvince(province)) return fail({ code: "id.region", province });
  if (isResidencePermitProvince(province)) {
    const region = value.slice(0, 6);
    // The 15-digit form predates the residence permits (2018): an 81… 15-digit number is no one's.
    if (!long || region !== `${province}0000`)
      return fail({ code: "id.region", province, document: "港澳台居民居住证", region });
    return ok({ document: "港澳台居民居住证", regionCode: region });
  }
  return ok({ document: "居民身份证", regionCode: value.slice(0, 6) });
}

/**
 * An identity number — 居民身份证 (GB 11643-1999, and the 15-digit form of before 1999),
 * 港澳台居民居住证 (the same standard, address code 810000 / 820000 / 830000) or the 2023
 * 外国人永久居留身份证 (9 + accepting province + nationality + birth date + sequence + the same
 * MOD 11-2 check) — checked in this order: empty, stored as a number, characters, length,
 * region, birth date, check digit. `today` bounds the birth date; it is passed in so results
 * never depend on the machine's clock.
 */
export function parseId(input: unknown, today: CivilDate): Result<IdInfo, IdProblem> {
  let value: string;
  if (typeof input === "string" && PLAIN_ID.test(input)) {
    // The usual cell: already compact, well-formed and of a valid length (x still to upper-case).
    value = input.charCodeAt(input.length - 1) === 0x78 ? `${input.slice(0, -1)}X` : input;
  } else {
    const cell = readCellText(input);
    if (cell.kind === "empty") return fail({ code: "id.empty" });
    if (cell.kind === "lost") return fail({ code: "id.stored-as-number", shown: cell.shown });

    value = normalizeId(cell.text);
    const bad = badChars(value);
    if (bad !== "") return fail({ code: "id.format", reason: "chars", bad });
    if (value.length !== 15 && value.length !== 18)
      return fail({ code: "id.format", reason: "length", length: value.length });
    // The 15-digit form has no check digit, so a final X is a bad character there.
    if (value.length === 15 && value.endsWith("X")) return fail({ code: "id.format", reason: "chars", bad: "X" });
  }

  const doc = documentOf(value);
  if (!doc.ok) return doc;

  const long = value.length === 18;
  const dateText = long ? value.slice(6, 14) : value.slice(6, 12);
  const y = long ? Number(dateText.slice(0, 4)) : 1900 + Number(dateText.slice(0, 2));
  const m = Number(dateText.slice(-4, -2));
  const d = Number(dateText.slice(-2));
  if (!isValidCivil(y, m, d)) return fail({ code: "id.birthdate", reason: "invalid", text: dateText });
  if (y < MIN_BIRTH_YEAR) return fail({ code: "id.birthdate", reason: "too-early", text: dateText });
  const birth: CivilDate = { y, m, d };
  if (compareCivil(birth, today) > 0) return fail({ code: "id.birthdate", reason: "future", text: dateText });

  // The 15-digit form had no check digit; the 18-digit form is that with "19" and one appended.
  const first17 = long ? value.slice(0, 17) : `${value.slice(0, 6)}19${value.slice(6)}`;
  const expected = checkDigit(first17);
  if (long && value.charAt(17) !== expected) {
    return fail({ code: "id.checksum", expected, actual: value.charAt(17) });
  }

  // Sequence digit (17th of 18, 15th of 15): odd for men, even for women.
  const genderDigit = Number(value.charAt(long ? 16 : 14));
  const info: IdInfo = {
    value,
    digits: long ? 18 : 15,
    document: doc.value.document,
    regionCode: doc.value.regionCode,
    birth,
    bornBefore1900: compareCivil(birth, PLAUSIBLE_FROM) < 0,
    gender: genderDigit % 2 === 1 ? "男" : "女",
    // An 18-character number with its right check character is its own 18-digit form (kept flat: it keys maps).
    id18: long ? value : first17 + expected,
  };
  if (doc.value.nationality !== undefined) info.nationality = doc.value.nationality;
  return ok(info);
}

/** The 18-digit form of a valid id: a 15-digit one gains "19" and a check digit; an 18-digit one is normalized. */
export function upgradeId(input: unknown, today: CivilDate): Result<string, IdProblem> {
  const parsed = parseId(input, today);
  return parsed.ok ? ok(parsed.value.id18) : parsed;
}
