/**
 * Text as Excel cells really hold it: full-width digits and letters (１２３, ｘ), ideographic
 * spaces, non-breaking and zero-width characters pasted from web pages or WeChat.
 */

/** Characters that are invisible or spacing and never part of a value. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Printable ASCII, plain spaces, 、 and CJK unified ideographs: NFKC leaves such text unchanged
 * (the compatibility ideographs it does fold live at U+F900–U+FAFF), so it can skip the work.
 */
const PLAIN_ASCII = /^[\x20-\x7e\u3001\u4e00-\u9fff]*$/;
const PLAIN_ASCII_NO_SPACE = /^[\x21-\x7e]*$/;

/** NFKC folds full-width forms (１２３ → 123, ｘ → x, U+3000 → space) and compatibility variants. */
export function toHalfWidth(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text.normalize("NFKC").replace(INVISIBLE, "");
}

/** Half-width text with every kind of white space removed (for identifiers: IDs, cards, phones). */
export function compact(text: string): string {
  if (PLAIN_ASCII_NO_SPACE.test(text)) return text;
  return toHalfWidth(text).replace(/\s+/g, "");
}

/** Half-width text with leading/trailing white space removed and inner runs folded to one space. */
export function tidy(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, " ").trim();
}

/** A cell value is empty when it is null, undefined, or text of only white space. */
export function isEmptyCell(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === "string" && compact(value) === "";
}

/**
 * The digits of a non-negative integer as Excel would show them in full, without exponent
 * (1.1e17 → "110000000000000000"). Only for numbers already known to be integers.
 */
export function integerDigits(n: number): string {
  return BigInt(Math.round(Math.abs(n))).toString();
}
