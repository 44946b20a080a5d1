/**
 * The fingerprint of a roster sheet's contents, for the 校验凭证 (seal): a hex SHA-256 over a
 * canonical text of the sheet's non-empty cells, so the same contents give the same digest whatever
 * host wrote or read the file, and any changed, added or removed value or formula gives another.
 *
 * Canonical serialisation ("zizhu-digest/2"), UTF-8 encoded:
 *
 *   zizhu-digest/2\n
 *   then, for every non-empty cell in row-major order (row, then column; both 0-based):
 *   ROW \t COL \t TAG \t VALUE \n
 *
 * A cell is non-empty when it holds a value (not null, not "") or a formula. TAG and VALUE:
 *
 * - "f", a formula cell, whatever its cached result: JSON.stringify of the formula text, normalised
 *   by normalizeFormula (trimmed; no leading "="; no _xlfn. / _xlws. / _xludf. prefixes, which files
 *   store and the spreadsheet UI hides). Cached results go stale (a fix written into a cell that a
 *   SUM refers to) and volatile ones (TODAY()) change by themselves, so they cannot count.
 * - "n", an integer: JavaScript's shortest round-trip text (String(v)); -0 is written "0".
 * - "m", any other number: the value on the millisecond grid of a day, String(Math.round(v ×
 *   86 400 000)). Readers disagree below a millisecond: the add-in gets a date-time's stored serial
 *   (46000.43315972222), a file library turns it into a date rounded to the millisecond and back
 *   (46000.433159722). Both land on the same millisecond. Amounts in 元 with up to 2 decimals are
 *   exact on this grid; two numbers less than ~1.2e-8 apart count as equal.
 * - "s", a string: JSON.stringify(v) — the exact text, with quotes, backslashes and control
 *   characters escaped so that no value can forge a line; other characters as themselves.
 * - "b", a boolean: TRUE or FALSE.
 * - Empty cells (null or "", without a formula) are left out, so trailing empty rows and columns do
 *   not count.
 *
 * Only values and formula texts count: number formats, styles, widths, merges and notes do not.
 * Dates are Excel serials, as the grid holds them. Known limit: in a workbook on the 1904 date
 * system the readers disagree by 1462 days on date cells (the add-in gives the stored 1904 serial, a
 * file library converts to the 1900 system), so such a file sealed by one and verified by the other
 * shows as changed — verifySeal says so (see seal.ts).
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { CellValue, Grid } from "../grid/types";

export const DIGEST_FORMAT = "zizhu-digest/2";

/** Milliseconds in a day: the grid non-integer numbers are rounded to. */
export const MS_PER_DAY = 86_400_000;

/** Function-name prefixes that files store and the UI hides (_xlfn.CONCAT shows as CONCAT). */
const FUTURE_PREFIXES = /_xl(?:fn|ws|udf)\./gi;

/** A formula's text as the digest sees it: trimmed, without "=" and without _xlfn./_xlws./_xludf. */
export function normalizeFormula(text: string): string {
  let t = text.trim();
  if (t.startsWith("=")) t = t.slice(1);
  return t.replace(FUTURE_PREFIXES, "").trim();
}

function valueText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") {
    if (Number.isInteger(value)) return `n\t${Object.is(value, -0) ? "0" : String(value)}`;
    const ms = Math.round(value * MS_PER_DAY);
    return `m\t${Object.is(ms, -0) ? "0" : String(ms)}`;
  }
  if (typeof value === "boolean") return `b\t${value ? "TRUE" : "FALSE"}`;
  return `s\t${JSON.stringify(value)}`;
}

/** The grid's formulas by row, then column, normalised; empty texts are left out. */
function formulasByRow(formulas: Grid["formulas"] | undefined): Map<number, Map<number, string>> {
  const out = new Map<number, Map<number, string>>();
  if (!formulas) return out;
  for (const [key, text] of formulas) {
    const [r, c] = key.split(",").map(Number);
    if (r === undefined || c === undefined || !Number.isInteger(r) || !Number.isInteger(c)) continue;
    const normalised = normalizeFormula(text);
    if (normalised === "") continue;
    const row = out.get(r) ?? new Map<number, string>();
    row.set(c, normalised);
    out.set(r, row);
  }
  return out;
}

/** The canonical text the digest is taken over (exported for tests and for anyone re-implementing it). */
export function canonicalCells(grid: Pick<Grid, "rows"> & Partial<Pick<Grid, "formulas">>): string {
  const lines: string[] = [DIGEST_FORMAT, "\n"];
  const formulas = formulasByRow(grid.formulas);
  // A loop, not Math.max(...keys): a sheet of 100,000 formulas would overflow the stack.
  let lastRow = grid.rows.length - 1;
  for (const r of formulas.keys()) if (r > lastRow) lastRow = r;
  for (let r = 0; r <= lastRow; r++) {
    const row = grid.rows[r] ?? [];
    const rowFormulas = formulas.get(r);
    if (!rowFormulas) {
      // Rows may be sparse arrays; forEach skips holes, which are empty cells.
      row.forEach((value, c) => {
        const text = valueText(value);
        if (text !== null) lines.push(`${r}\t${c}\t${text}\n`);
      });
      continue;
    }
    const cols = new Set<number>(rowFormulas.keys());
    row.forEach((value, c) => {
      if (valueText(value) !== null) cols.add(c);
    });
    for (const c of [...cols].sort((a, b) => a - b)) {
      const formula = rowFormulas.get(c);
      const text = formula !== undefined ? `f\t${JSON.stringify(formula)}` : valueText(row[c]);
      if (text !== null) lines.push(`${r}\t${c}\t${text}\n`);
    }
  }
  return lines.join("");
}

/** Hex SHA-256 of the sheet's canonical cell text. */
export function rosterDigest(grid: Pick<Grid, "rows"> & Partial<Pick<Grid, "formulas">>): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalCells(grid))));
}
