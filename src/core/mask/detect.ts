import { luhnValid } from "../bank/luhn";
import { hasValidCheckDigit } from "../id/checksum";
import { parsePhone } from "../phone/parse";
import { compact } from "../text/normalize";
import type { MaskKind } from "./problems";

const CARD_DIGITS = /^\d{16,19}$/;
const ID_SHAPE = /^(?:\d{17}[\dX]|\d{15})$/;
/** A Chinese name: Han characters, parts of a transliterated name joined by a middle dot. */
const HAN_NAME = /^\p{Script=Han}+(?:[·\u2022\u2027\u30FB]\p{Script=Han}+)*$/u;

/**
 * What a value most likely is, strongest evidence first: a valid ID checksum, then a valid
 * Luhn card, then a phone number, then the bare shapes of an ID or a card, then a name.
 */
export function detectMaskKind(text: string): MaskKind | null {
  if (typeof text !== "string") return null;
  const value = compact(text).replace(/x/g, "X");
  if (hasValidCheckDigit(value)) return "id";
  if (CARD_DIGITS.test(value) && luhnValid(value)) return "card";
  if (parsePhone(text).ok) return "phone";
  if (ID_SHAPE.test(value)) return "id";
  if (CARD_DIGITS.test(value)) return "card";
  const length = Array.from(value).length;
  if (length >= 2 && length <= 20 && HAN_NAME.test(value)) return "name";
  return null;
}
