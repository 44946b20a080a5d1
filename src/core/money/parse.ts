import { fail, ok, type Result } from "../result";
import { toHalfWidth } from "../text/normalize";
import { safeText } from "../text/safe-text";

export type MoneyProblem =
  { code: "money.empty" } | { code: "money.not-a-number"; text: string } | { code: "money.too-large"; text: string };

/** An amount of 人民币: sign and absolute value in 分 (rounded half up on the decimal value). */
export interface Amount {
  negative: boolean;
  fen: bigint;
}

/** 16 integer digits: up to 9999万亿 (9999 9999 9999 9999) yuan. */
export const MAX_INTEGER_DIGITS = 16;
const FEN_LIMIT = 10n ** BigInt(MAX_INTEGER_DIGITS + 2);

const PREFIX = /^(?:[¥$]|rmb|cny|人民币)/i;
const SIGN = /^[-−+负]/;
const SUFFIX = /(?:元整|元|整)$/;
/** 1004.50, 1,004.50, .5, 5., 1.5e3 (the exponent form a CSV export may hold). */
const BODY = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * 分 for the exact decimal intDigits.fracDigits × 10^exp, half up; null when the integer part has
 * more than 16 digits. Works on digit strings so 1.235 is 1.235, not the float 1.23499….
 */
function toFen(intDigits: string, fracDigits: string, exp: number): bigint | null {
  let digits = intDigits + fracDigits;
  let point = intDigits.length + exp;
  const first = digits.search(/[1-9]/);
  if (first < 0) return 0n;
  digits = digits.slice(first).replace(/0+$/, "");
  point -= first;
  // digits now reads 0.digits × 10^point with a non-zero first digit.
  if (point > MAX_INTEGER_DIGITS) return null;
  if (point < -2) return 0n; // below 0.001 yuan: rounds to 0 fen
  const shift = point + 2;
  const whole = digits.slice(0, shift).padEnd(shift, "0");
  const next = digits.charAt(shift);
  const fen = BigInt(whole === "" ? "0" : whole) + (next >= "5" ? 1n : 0n);
  return fen >= FEN_LIMIT ? null : fen;
}

function parseText(raw: string, text: string): Result<Amount, MoneyProblem> {
  let s = toHalfWidth(raw).replace(/\s+/g, "");
  if (s === "") return fail({ code: "money.empty" });
  let negative = false;
  let signs = 0;
  // A sign and a currency mark may come in either order: -¥100, ¥-100, 负100元.
  for (let changed = true; changed;) {
    changed = false;
    const prefix = PREFIX.exec(s);
    if (prefix) {
      s = s.slice(prefix[0].length);
      changed = true;
    }
    const sign = SIGN.exec(s);
    if (sign) {
      signs++;
      negative = sign[0] !== "+";
      s = s.slice(1);
      changed = true;
    }
  }
  s = s.replace(SUFFIX, "");
  const m = BODY.exec(s);
  if (signs > 1 || !m || !/\d/.test(`${m[1] ?? ""}${m[2] ?? ""}`)) return fail({ code: "money.not-a-number", text });
  const expText = m[3] ?? "0";
  // Clamp absurd exponents (1e999999) before arithmetic; the result is the same either way.
  const exp = Math.max(-1000, Math.min(1000, Number(expText)));
  const fen = toFen((m[1] ?? "").replace(/,/g, ""), m[2] ?? "", exp);
  if (fen === null) return fail({ code: "money.too-large", text });
  return ok({ negative: negative && fen > 0n, fen });
}

/**
 * An amount in 元 from a cell: a number (read as its shortest decimal form), or text such as
 * "1,004.50", "￥1,004.50", "¥ 1004.5元", "负100", full-width digits accepted.
 */
export function parseAmount(input: unknown): Result<Amount, MoneyProblem> {
  if (input === null || input === undefined) return fail({ code: "money.empty" });
  if (typeof input === "number") {
    const text = String(input);
    if (Number.isNaN(input)) return fail({ code: "money.not-a-number", text });
    if (!Number.isFinite(input)) return fail({ code: "money.too-large", text });
    // String(n) is the shortest decimal that reads back as n: 1.235 stays 1.235.
    return parseText(text, text);
  }
  if (typeof input === "bigint") return parseText(input.toString(), input.toString());
  if (typeof input !== "string") return fail({ code: "money.not-a-number", text: safeText(input) });
  return parseText(input, input.trim());
}
