/**
 * Text for the terminal: a cell value or a file name may hold control characters (NUL, ESC
 * sequences that move the cursor, clear the screen or retitle the window, C1 controls, bidi
 * overrides that show "gpj.exe" as "exe.jpg"). None of them may reach the terminal raw.
 *
 * Each one is replaced by its JSON-style escape, `\u001b`: visible, unambiguous about which
 * character it was, and — because JSON text never holds these characters raw outside a string,
 * and `\uHHHH` inside a string means the same character — `terminalSafe(JSON.stringify(x))` is
 * still valid JSON that parses back to x (`--json -`).
 */

/**
 * C0 controls except \t and \n (a lone \r would let a value overwrite what was printed before it
 * on the line), DEL and the C1 controls (0x9b is an ESC [ on many terminals); the Arabic letter
 * mark, the left-to-right/right-to-left marks, the bidi embeddings, overrides and isolates; the
 * line and paragraph separators (some terminals break the line on them); and lone surrogates
 * (they would be written as U+FFFD, hiding what the file holds).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escape = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `text` with every control or bidi character replaced by `\uHHHH`; \n and \t are kept. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}
