/**
 * Identity documents other than the 18-digit identity numbers, and the check of a number against
 * the document a roster says it is (身份证件类型 + 身份证件号码, as the national system records
 * them). Formats, as far as published rules and the card readers' own code go:
 *
 * - 外国人永久居留证 (2004) and the 2017 外国人永久居留身份证: 15 characters, 3 letters (the
 *   nationality, ISO 3166-1 alpha-3) + 2 digits (the accepting province, GB/T 2260) + 2 digits +
 *   6 digits (birth date YYMMDD) + 1 digit + 1 check digit: ICAO 9303 weights 7-3-1 over the first
 *   14 characters (A = 10 … Z = 35), sum mod 10. The nationality is not checked against a list.
 *   (Source: the 2023 rules say only "3 位拉丁字母 + 12 位数字"; the layout and the check digit
 *   are those card readers use to derive the old number from the new card.)
 * - 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macao) + 8 digits; older cards + 10
 *   digits (the last two count the cards issued).
 * - 台湾居民来往大陆通行证 (台胞证): 8 digits since 2015, or 10 (with a 2-digit issue count);
 *   older booklets 9–10 digits and a letter, accepted loosely.
 * - 护照: too many issuers for one format: 5–17 letters and digits with at least one digit.
 *   Chinese ordinary passports (E + 8 digits, E + letter + 7 digits, older G + 8 digits) are
 *   recognised when a number is found where another document was expected.
 */
import { compareCivil, isValidCivil, type CivilDate } from "../date/civil";
import { fail, ok, type Result } from "../result";
import { compact } from "../text/normalize";
import { readCellText } from "./cell-text";
import { parseId } from "./parse";
import type {
  DocumentInfo,
  DocumentProblem,
  FormatProblem,
  IdDocument,
  IdNumberDocument,
  OtherFormat,
} from "./problems";
import { ID_DOCUMENTS } from "./problems";
import { isKnownProvince, isResidencePermitProvince } from "./provinces";

const ID_NUMBER_DOCUMENTS: ReadonlySet<IdDocument> = new Set<IdNumberDocument>([
  "居民身份证",
  "港澳台居民居住证",
  "外国人永久居留身份证",
]);

export function isIdDocument(value: unknown): value is IdDocument {
  return typeof value === "string" && (ID_DOCUMENTS as readonly string[]).includes(value);
}

/** True for the documents whose number is an identity number (parseId). */
export function isIdNumberDocument(doc: IdDocument): doc is IdNumberDocument {
  return ID_NUMBER_DOCUMENTS.has(doc);
}

/** Two names of one permanent residence: the 2017 card has the 15-character number, the 2023 one 18 digits. */
function samePermanentResidence(a: IdDocument, b: IdDocument): boolean {
  const pr = (d: IdDocument) => d === "外国人永久居留身份证" || d === "外国人永久居留证";
  return pr(a) && pr(b);
}

/** Whether a number of document `actual` is rightly labelled `declared`. */
export function documentsAgree(declared: IdDocument, actual: IdDocument): boolean {
  return declared === actual || declared === "其他" || samePermanentResidence(declared, actual);
}

/** Half-width, no white space, brackets or hyphens, upper case: "1234567890(B)" → "1234567890B". */
export function normalizeDocumentNumber(text: string): string {
  return compact(text)
    .toUpperCase()
    .replace(/[()[\]-]/g, "");
}

// ---------------------------------------------------------------------------------------------
// Formats

const PERMIT_15 = /^[A-Z]{3}\d{12}$/;
const HK_MACAO = /^[HM]\d{8}(?:\d{2})?$/;
const TAIWAN = /^\d{8}(?:\d{2})?$/;
const TAIWAN_OLD = /^\d{9,10}[A-Z]$/;
const PASSPORT = /^(?=[A-Z]*\d)[A-Z\d]{5,17}$/;
const CHINESE_PASSPORT = /^(?:E[A-Z]\d{7}|[EG]\d{8})$/;

/** ICAO 9303 check digit (weights 7, 3, 1; digits as themselves, A = 10 … Z = 35; mod 10). */
export function icaoCheckDigit(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += v * ([7, 3, 1] as const)[i % 3]!;
  }
  return String(sum % 10);
}

/** A YYMMDD date real in 19YY or 20YY and not after today (the century is not in the number). */
function realShortDate(text: string, today: CivilDate): boolean {
  const yy = Number(text.slice(0, 2));
  const m = Number(text.slice(2, 4));
  const d = Number(text.slice(4, 6));
  return [1900 + yy, 2000 + yy].some((y) => isValidCivil(y, m, d) && compareCivil({ y, m, d }, today) <= 0);
}

function checkPermit15(v: string, today: CivilDate): Result<null, FormatProblem> {
  const format = "外国人永久居留证";
  if (!PERMIT_15.test(v)) return fail({ code: "doc.format", format });
  const province = v.slice(3, 5);
  if (!isKnownProvince(province) || isResidencePermitProvince(province))
    return fail({ code: "doc.region", format, province });
  const date = v.slice(7, 13);
  if (!realShortDate(date, today)) return fail({ code: "doc.birthdate", format, text: date });
  const expected = icaoCheckDigit(v.slice(0, 14));
  if (v.charAt(14) !== expected) return fail({ code: "doc.checksum", format, expected, actual: v.charAt(14) });
  return ok(null);
}

/** A normalized number against a document with a format of its own. */
export function checkFormat(format: OtherFormat, v: string, today: CivilDate): Result<null, FormatProblem> {
  switch (format) {
    case "外国人永久居留证":
      return checkPermit15(v, today);
    case "港澳居民来往内地通行证":
      return HK_MACAO.test(v) ? ok(null) : fail({ code: "doc.format", format });
    case "台湾居民来往大陆通行证":
      return TAIWAN.test(v) || TAIWAN_OLD.test(v) ? ok(null) : fail({ code: "doc.format", format });
    case "护照":
      return PASSPORT.test(v) ? ok(null) : fail({ code: "doc.format", format });
  }
}

export interface Resemblance {
  document: IdDocument;
  /**
   * Strong: the number is valid for that document and hardly anything else (a checked identity
   * number, a 15-character permit with its check digit, H/M + digits, a Chinese passport).
   * Weak: only the shape fits (8 or 10 digits for a 台胞证 are also a truncated number).
   */
  strong: boolean;
}

/** Which document a value looks like, strongest evidence first; null when none. */
export function resembles(input: unknown, today: CivilDate): Resemblance | null {
  const cell = readCellText(input);
  if (cell.kind !== "text") return null;
  const id = parseId(input, today);
  if (id.ok) return { document: id.value.document, strong: true };
  const v = normalizeDocumentNumber(cell.text);
  if (PERMIT_15.test(v)) return { document: "外国人永久居留证", strong: checkPermit15(v, today).ok };
  if (HK_MACAO.test(v)) return { document: "港澳居民来往内地通行证", strong: true };
  if (CHINESE_PASSPORT.test(v)) return { document: "护照", strong: true };
  if (TAIWAN.test(v) || TAIWAN_OLD.test(v)) return { document: "台湾居民来往大陆通行证", strong: false };
  return null;
}

/** Another document the number clearly belongs to, or null. */
function clearlyOther(input: unknown, declared: IdDocument, today: CivilDate): IdDocument | null {
  const r = resembles(input, today);
  return r && r.strong && !documentsAgree(declared, r.document) ? r.document : null;
}

/** The format a document is checked by; null for the identity numbers (and 其他, handled first). */
function formatOf(d: IdDocument): OtherFormat | null {
  switch (d) {
    case "外国人永久居留身份证":
    case "外国人永久居留证":
      return "外国人永久居留证";
    case "港澳居民来往内地通行证":
    case "台湾居民来往大陆通行证":
    case "护照":
      return d;
    default:
      return null;
  }
}

/** The 2023 card's 18 digits (9 first) rather than the 15 characters of the older ones. */
const PERMANENT_18 = /^\d{17}[\dX]$/;

/**
 * A number checked as the document the roster says it is. 居民身份证 and 港澳台居民居住证 are
 * read by parseId; 外国人永久居留身份证 / 外国人永久居留证 take either the 2023 18-digit number
 * or the older 15-character one; the others are checked by their own format; 其他 is not checked.
 * A number failing its document that clearly is another document's is a `doc.mismatch`. A valid
 * identity number of another identity document (居民身份证 declared, an 81… number) is accepted
 * with `document` telling which: the caller decides how loudly to say so.
 */
export function checkDocument(
  input: unknown,
  declared: IdDocument,
  today: CivilDate,
): Result<DocumentInfo, DocumentProblem> {
  const cell = readCellText(input);
  if (cell.kind === "empty") return fail({ code: "id.empty" });
  if (cell.kind === "lost") return fail({ code: "id.stored-as-number", shown: cell.shown });
  const number = normalizeDocumentNumber(cell.text);
  if (declared === "其他") return ok({ declared, document: declared, number, id: null });

  const format = formatOf(declared);
  if (format === null || (format === "外国人永久居留证" && PERMANENT_18.test(number))) {
    const r = parseId(input, today);
    if (r.ok) return ok({ declared, document: r.value.document, number: r.value.value, id: r.value });
    const other = clearlyOther(input, declared, today);
    return fail(other ? { code: "doc.mismatch", declared, looksLike: other } : r.problem);
  }
  // A valid identity number where a passport is expected (5–17 characters also fit a 15-digit
  // 居民身份证): the number says what it is.
  if (format === "护照") {
    const id = parseId(input, today);
    if (id.ok) return fail({ code: "doc.mismatch", declared, looksLike: id.value.document });
  }
  const r = checkFormat(format, number, today);
  if (r.ok) return ok({ declared, document: format, number, id: null });
  const other = clearlyOther(input, declared, today);
  return fail(other ? { code: "doc.mismatch", declared, looksLike: other } : r.problem);
}
