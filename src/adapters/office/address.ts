/**
 * A1 addresses as Office.js hands them over and wants them back: sheet-qualified lists from
 * RangeAreas ("Sheet1!A1:B2, 'My Sheet'!D4"), whole rows ("3:5") and columns ("A:C") from change
 * events, and the quoting of sheet names in the addresses and HYPERLINK targets we build.
 * Pure functions: no Office objects here, so they are tested directly.
 */
import type { CellRange } from "../../core";
import { columnIndex, parseRangeRef } from "../xlsx/cells";

/** Excel's last row and column (0-based): what "A:C" and "3:5" stretch to. */
export const LAST_ROW = 1_048_575;
export const LAST_COL = 16_383;

/** Splits "Sheet1!A1:B2, 'a,b'!C3" at the commas that separate areas (not those inside quoted sheet names). */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled '' inside a quoted name toggles twice: net unchanged
    if (ch === "," && !quoted) {
      if (current.trim() !== "") parts.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts;
}

/** "Sheet1!A1:B2" → "A1:B2"; "'It''s'!C3" → "C3"; "C3" stays. */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/**
 * One area ("A1", "A1:C3", "$A$1", "3:5", "A:C", with or without a sheet) as a 0-based inclusive
 * range; whole rows and columns stretch to Excel's last column and row. Null when unreadable.
 */
export function parseArea(address: string): CellRange | null {
  const ref = stripSheet(address).replace(/\$/g, "").trim();
  const rows = /^(\d+):(\d+)$/.exec(ref);
  if (rows?.[1] !== undefined && rows[2] !== undefined) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    if (a < 0 || b < 0) return null;
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: LAST_COL };
  }
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(ref);
  if (cols?.[1] !== undefined && cols[2] !== undefined) {
    const a = columnIndex(cols[1]);
    const b = columnIndex(cols[2]);
    return { top: 0, bottom: LAST_ROW, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const range = parseRangeRef(ref);
  return range && range.top >= 0 ? range : null;
}

/** Every area of a RangeAreas address list, 0-based; unreadable parts are skipped. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of splitAreas(address)) {
    const range = parseArea(part);
    if (range) out.push(range);
  }
  return out;
}

/** A sheet name as a reference prefix: always quoted, with ' doubled ('校验结果 (2)'!A1). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A text as an Excel string literal inside a formula: "…" with " doubled. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
