import { compact, integerDigits, isEmptyCell } from "../text/normalize";
import { lostDigitsAsNumber } from "../text/stored-as-number";

/**
 * What an identifier cell (ID, card, phone) holds, read without ever throwing: empty, a number
 * Excel has already rounded (digits lost), or text. Shared by id/, phone/ and mask/.
 */
export type CellText = { kind: "empty" } | { kind: "lost"; shown: string } | { kind: "text"; text: string };

export function readCellText(value: unknown): CellText {
  if (isEmptyCell(value)) return { kind: "empty" };
  if (lostDigitsAsNumber(value)) {
    // A number shows its rounded digits in full; text like "4.40524E+17" is shown as typed.
    const shown = typeof value === "number" ? integerDigits(value) : compact(String(value));
    return { kind: "lost", shown };
  }
  return { kind: "text", text: plainText(value) };
}

/** Text of a cell value; never calls an object's own toString (it may be missing or throw). */
export function plainText(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      // 15-digit numbers are exact; print them without exponent so "430381…" survives.
      return Number.isInteger(value) && value >= 0 ? integerDigits(value) : String(value);
    case "boolean":
      // As Excel shows a logical value.
      return value ? "TRUE" : "FALSE";
    case "bigint":
      return value.toString();
    case "undefined":
      return "";
    default:
      return value === null ? "" : `[${typeof value}]`;
  }
}
