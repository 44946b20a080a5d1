import type { CivilDate } from "../date/civil";

/** Why a value is not a valid resident identity number (GB 11643-1999); text comes from idMessage. */
export type IdProblem =
  | { code: "id.empty" }
  /** An 18-digit number Excel stored as a number (>= 1e15) or text like "4.40524E+17". */
  | { code: "id.stored-as-number"; shown: string }
  /** Bad characters after NFKC; x/X is allowed only as the last of 18. */
  | { code: "id.format"; reason: "chars"; bad: string }
  /** Neither 15 nor 18 characters. */
  | { code: "id.format"; reason: "length"; length: number }
  /** Unknown province code (first 2 digits); an unknown county is not an error. */
  | { code: "id.region"; province: string }
  /** text = the 8 (or 6, for 15-digit ids) date digits. */
  | { code: "id.birthdate"; reason: "invalid" | "future" | "too-early"; text: string }
  | { code: "id.checksum"; expected: string; actual: string };

export interface IdInfo {
  /** Normalized: half-width, no spaces, upper-case X. */
  value: string;
  digits: 15 | 18;
  /** 6 digits. */
  regionCode: string;
  birth: CivilDate;
  gender: "男" | "女";
  /** The 18-digit form (upgraded when the input had 15). */
  id18: string;
}
