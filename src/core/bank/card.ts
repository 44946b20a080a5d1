import { fail, ok, type Result } from "../result";
import { compact, integerDigits } from "../text/normalize";
import { lostDigitsAsNumber } from "../text/stored-as-number";
import { luhnValid } from "./luhn";
import { safeText } from "../text/safe-text";

export type CardProblem =
  | { code: "bank.empty" }
  | { code: "bank.stored-as-number"; shown: string }
  | { code: "bank.format"; reason: "chars"; bad: string }
  | { code: "bank.format"; reason: "length"; length: number };

export interface CardInfo {
  digits: string;
  luhnOk: boolean;
}

/** Mainland debit and credit cards (China UnionPay and the international schemes) have 16–19 digits. */
export const MIN_CARD_LENGTH = 16;
export const MAX_CARD_LENGTH = 19;

const PLAIN_CARD = /^\d{16,19}$/;

/** Separators people type or paste inside a card number: hyphens and dashes of every width. */
const SEPARATORS = /[-‐‑‒–—―−]/g;

/** The characters that are not digits, each once, in the order they first appear. */
function badChars(text: string): string {
  return [...new Set(text.replace(/\d/g, ""))].join("");
}

/**
 * A bank card number from a cell. Spaces, dashes and full-width digits are accepted; a number of
 * 16+ digits stored as a Number has already lost its last digits (Excel keeps 15) and is reported
 * as such rather than checked.
 */
export function parseCard(input: unknown): Result<CardInfo, CardProblem> {
  // The usual cell: 16–19 ASCII digits, nothing to strip.
  if (typeof input === "string" && PLAIN_CARD.test(input)) return ok({ digits: input, luhnOk: luhnValid(input) });
  if (input === null || input === undefined) return fail({ code: "bank.empty" });
  let text: string;
  if (typeof input === "number") {
    if (lostDigitsAsNumber(input)) return fail({ code: "bank.stored-as-number", shown: integerDigits(input) });
    // A short whole number is just digits (then usually too short); anything else is not a card.
    text = Number.isInteger(input) && input >= 0 ? integerDigits(input) : String(input);
  } else if (typeof input === "string") {
    if (lostDigitsAsNumber(input)) return fail({ code: "bank.stored-as-number", shown: input.trim() });
    text = input;
  } else {
    return fail({ code: "bank.format", reason: "chars", bad: safeText(input) });
  }
  const digits = compact(text).replace(SEPARATORS, "");
  if (digits === "") return fail({ code: "bank.empty" });
  if (!/^\d+$/.test(digits)) return fail({ code: "bank.format", reason: "chars", bad: badChars(digits) });
  if (digits.length < MIN_CARD_LENGTH || digits.length > MAX_CARD_LENGTH) {
    return fail({ code: "bank.format", reason: "length", length: digits.length });
  }
  return ok({ digits, luhnOk: luhnValid(digits) });
}
