import type { CivilDate } from "../date/civil";

/**
 * The documents a roster's 身份证件类型 names (the national system records the type and the
 * number). The first three carry an 18-digit identity number (GB 11643-1999 and the numbers
 * built on it); the others have formats of their own.
 */
export const ID_DOCUMENTS = [
  "居民身份证",
  "港澳台居民居住证",
  "外国人永久居留身份证",
  "外国人永久居留证",
  "港澳居民来往内地通行证",
  "台湾居民来往大陆通行证",
  "护照",
  "其他",
] as const;

export type IdDocument = (typeof ID_DOCUMENTS)[number];

/** Documents whose number is an identity number parseId reads (18 digits, MOD 11-2; 15 for old 居民身份证). */
export type IdNumberDocument = "居民身份证" | "港澳台居民居住证" | "外国人永久居留身份证";

/** Documents checked by a format of their own (documentFormat). */
export type OtherFormat = "外国人永久居留证" | "港澳居民来往内地通行证" | "台湾居民来往大陆通行证" | "护照";

/** Why a value is not a valid identity number (GB 11643-1999 and kin); text comes from idMessage. */
export type IdProblem =
  | { code: "id.empty" }
  /** An 18-digit number Excel stored as a number (>= 1e15) or text like "4.40524E+17". */
  | { code: "id.stored-as-number"; shown: string }
  /** Bad characters after NFKC; x/X is allowed only as the last of 18. */
  | { code: "id.format"; reason: "chars"; bad: string }
  /** Neither 15 nor 18 characters. */
  | { code: "id.format"; reason: "length"; length: number }
  /**
   * Unknown province code (first 2 digits; digits 2–3 of a 外国人永久居留身份证 number, which
   * names the accepting province), or a 港澳台居民居住证 whose address code is not exactly
   * 810000 / 820000 / 830000 (`region`: the 6 digits found). An unknown county is not an error.
   */
  | {
      code: "id.region";
      province: string;
      document?: "外国人永久居留身份证" | "港澳台居民居住证";
      region?: string;
    }
  /**
   * text = the 8 (or 6, for 15-digit ids) date digits. "too-early": before MIN_BIRTH_YEAR, which
   * no holder of any identity number can have been born in (a year before 1900 but after it is
   * only implausible: IdInfo.bornBefore1900).
   */
  | { code: "id.birthdate"; reason: "invalid" | "future" | "too-early"; text: string }
  | { code: "id.checksum"; expected: string; actual: string };

export interface IdInfo {
  /** Normalized: half-width, no spaces, upper-case X. */
  value: string;
  digits: 15 | 18;
  /** Which document the number belongs to: 9 first = 外国人永久居留身份证, 81/82/83 = 港澳台居民居住证. */
  document: IdNumberDocument;
  /**
   * 6 digits: the address code; for a 外国人永久居留身份证, the accepting province's code
   * (digits 2–3) followed by 0000.
   */
  regionCode: string;
  /** 外国人永久居留身份证 only: the 3-digit nationality code (digits 4–6). */
  nationality?: string;
  birth: CivilDate;
  /** A real date before 1900-01-01: structurally valid, but implausible for a person on a roster. */
  bornBefore1900: boolean;
  gender: "男" | "女";
  /** The 18-digit form (upgraded when the input had 15). */
  id18: string;
}

/** Why a number does not fit a document with a format of its own (外国人永久居留证, 通行证, 护照). */
export type FormatProblem =
  /** The shape is wrong (characters or length). */
  | { code: "doc.format"; format: OtherFormat }
  /** 外国人永久居留证: digits 4–5 are not a mainland province code. */
  | { code: "doc.region"; format: "外国人永久居留证"; province: string }
  /** 外国人永久居留证: digits 8–13 (YYMMDD) are no real date. */
  | { code: "doc.birthdate"; format: "外国人永久居留证"; text: string }
  /** 外国人永久居留证: the 15th character is not the check digit of the first 14. */
  | { code: "doc.checksum"; format: "外国人永久居留证"; expected: string; actual: string };

/**
 * Why a number does not fit the document a roster says it is: the identity-number problem (the
 * document is one of IdNumberDocument), the document's own format problem, or a number that
 * clearly is another document's.
 */
export type DocumentProblem =
  IdProblem | FormatProblem | { code: "doc.mismatch"; declared: IdDocument; looksLike: IdDocument };

/** A number read as the document a roster says it is. */
export interface DocumentInfo {
  declared: IdDocument;
  /**
   * The document the number is. It differs from `declared` when the number is a valid identity
   * number of another identity document (居民身份证 declared, an 81… 港澳台居民居住证 number:
   * the number is right, the type is not; see documentsAgree), and for the two names of one
   * permanent residence (外国人永久居留身份证 declared, the 15-character number of the 2017 card).
   */
  document: IdDocument;
  /** Normalized: half-width, no spaces or brackets, upper case. */
  number: string;
  /** The identity number's info, for the documents that carry one. */
  id: IdInfo | null;
}
