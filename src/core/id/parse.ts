import { compareCivil, isValidCivil, type CivilDate } from "../date/civil";
import { fail, ok, type Result } from "../result";
import { compact } from "../text/normalize";
import { readCellText } from "./cell-text";
import { checkDigit } from "./checksum";
import type { IdInfo, IdProblem } from "./problems";
import { isKnownProvince } from "./provinces";

/** Earliest birth year accepted: the 19 the 15-digit form implies; anything older is a typo. */
const MIN_BIRTH_YEAR = 1900;

/** Half-width, no white space or zero-width characters, x as X (NFKC has already folded ｘ). */
function normalizeId(text: string): string {
  return compact(text).replace(/x/g, "X");
}

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
 * A resident identity number (GB 11643-1999, and the 15-digit form of before 1999) checked in
 * this order: empty, stored as a number, characters, length, province, birth date, check digit.
 * `today` bounds the birth date; it is passed in so results never depend on the machine's clock.
 */
export function parseId(input: unknown, today: CivilDate): Result<IdInfo, IdProblem> {
  const cell = readCellText(input);
  if (cell.kind === "empty") return fail({ code: "id.empty" });
  if (cell.kind === "lost") return fail({ code: "id.stored-as-number", shown: cell.shown });

  const value = normalizeId(cell.text);
  const bad = badChars(value);
  if (bad !== "") return fail({ code: "id.format", reason: "chars", bad });
  if (value.length !== 15 && value.length !== 18)
    return fail({ code: "id.format", reason: "length", length: value.length });
  // The 15-digit form has no check digit, so a final X is a bad character there.
  if (value.length === 15 && value.endsWith("X")) return fail({ code: "id.format", reason: "chars", bad: "X" });

  const province = value.slice(0, 2);
  if (!isKnownProvince(province)) return fail({ code: "id.region", province });

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
  return ok({
    value,
    digits: long ? 18 : 15,
    regionCode: value.slice(0, 6),
    birth,
    gender: genderDigit % 2 === 1 ? "男" : "女",
    id18: first17 + expected,
  });
}

/** The 18-digit form of a valid id: a 15-digit one gains "19" and a check digit; an 18-digit one is normalized. */
export function upgradeId(input: unknown, today: CivilDate): Result<string, IdProblem> {
  const parsed = parseId(input, today);
  return parsed.ok ? ok(parsed.value.id18) : parsed;
}
