/** Separators kept in place when masking, so "6222 0212 …" stays readable as groups. */
const SEPARATOR = /^[\s-]$/;

const MIN_HIDDEN = 4;

/**
 * Replaces every character but the first `keepFirst` and last `keepLast` significant ones
 * (separators do not count and stay) with "*". A value too short to hide at least 4 characters
 * that way keeps only its last characters, at most half of them. Works on code points, not UTF-16 units.
 */
export function starsBetween(text: string, keepFirst: number, keepLast: number): string {
  const chars = Array.from(text);
  const significant = chars.filter((ch) => !SEPARATOR.test(ch)).length;
  let first = keepFirst;
  let last = keepLast;
  if (significant - first - last < MIN_HIDDEN) {
    first = 0;
    last = Math.min(keepLast, Math.floor(significant / 2));
  }
  let seen = 0;
  return chars
    .map((ch) => {
      if (SEPARATOR.test(ch)) return ch;
      const i = seen++;
      return i < first || i >= significant - last ? ch : "*";
    })
    .join("");
}
