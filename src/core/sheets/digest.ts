/**
 * The fingerprint a 校验凭证 (seal, seal.ts) records: a hex SHA-256 over a canonical text, so the
 * same workbook gives the same digest whatever host wrote or read it, and any change the check
 * would see gives another. Two formats:
 *
 * "zizhu-digest/3" (seals from zizhu-seal/2 on): the WORKBOOK. UTF-8, lines ending in \n:
 *
 *   zizhu-digest/3
 *   sheet \t STATE \t CONTENT \t NAME        one line per sheet, in the workbook's tab order, every
 *                                            sheet (empty, hidden and very hidden ones too) except
 *                                            the seal sheet 校验凭证 itself (see below)
 *   roster \t NAME                           the roster sheet the seal is about
 *   hidden-rows \t LIST                      the roster's hidden rows inside its data extent
 *   hidden-columns \t LIST                   the roster's hidden columns inside its data extent
 *   statement \t STATEMENT                   what the seal states (seal.ts, sealStatement)
 *
 * - STATE: visible, hidden or veryHidden. NAME: JSON.stringify of the sheet's name.
 * - CONTENT: the sheet's own "zizhu-digest/2" digest (below: its values and formulas), 64 hex.
 * - LIST: 0-based indexes, ascending, joined by "," ("" when none). The data extent is the
 *   smallest rectangle holding every non-empty cell (a value or a formula); hidden rows and
 *   columns outside it hide nothing, and the add-in, which reads the used range, does not see them.
 * - STATEMENT: one line of JSON (no raw line breaks), made by the caller. For the seal (sealStatement):
 *   JSON.stringify([pack id, pack version, sealedAt, tool, rows, [[program, count, amount]…], total]),
 *   so that editing what the seal says (its JSON row) changes the digest too.
 * - The seal sheet is left out because sealing adds it after the digest is taken (and replaces an
 *   older one). Its presence and its very hidden state are what verifySeal checks instead, and its
 *   readable rows must agree with its JSON row.
 *
 * "zizhu-digest/2" (the seals zizhu-seal/1 carried, and CONTENT above): ONE SHEET's cells.
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
 *   SUM refers to) and volatile ones (TODAY()) change by themselves, so they cannot count. An
 *   amount that is a formula can therefore change under a matching digest; verifySeal (seal.ts)
 *   catches that by recomputing the people rows and totals the seal records from the roster.
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
 * FORMATTING STAYS OUTSIDE THE DIGEST, in both formats: styles, fonts, fills, borders, number
 * formats, column widths and row heights, merges, notes and comments, page setup, headers and
 * footers, document properties. Hidden rows and columns count only on the roster sheet.
 * Dates are Excel serials, as the grid holds them. Known limit: in a workbook on the 1904 date
 * system the readers disagree by 1462 days on date cells (the add-in gives the stored 1904 serial, a
 * file library converts to the 1900 system), so such a file sealed by one and verified by the other
 * shows as changed — verifySeal says so (see seal.ts).
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { CellValue, Grid, WorkbookData } from "../grid/types";

/** One sheet's cells (the CONTENT of each sheet line; the whole digest of zizhu-seal/1 seals). */
export const SHEET_DIGEST_FORMAT = "zizhu-digest/2";
/** The workbook: sheet list, visibility, contents, the roster's hidden rows and columns, the statement. */
export const WORKBOOK_DIGEST_FORMAT = "zizhu-digest/3";

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
  const lines: string[] = [SHEET_DIGEST_FORMAT, "\n"];
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

const hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** Hex SHA-256 of the sheet's canonical cell text ("zizhu-digest/2"). */
export function rosterDigest(grid: Pick<Grid, "rows"> & Partial<Pick<Grid, "formulas">>): string {
  return hex(canonicalCells(grid));
}

/** The same digest under its general name: any sheet's values and formulas. */
export const sheetDigest = rosterDigest;

/** The smallest rectangle holding every non-empty cell (value or formula); null for an empty sheet. */
export function dataExtent(
  grid: Pick<Grid, "rows"> & Partial<Pick<Grid, "formulas">>,
): { top: number; bottom: number; left: number; right: number } | null {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  const add = (r: number, c: number) => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  grid.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (valueText(value) !== null) add(r, c);
    }),
  );
  for (const [r, cols] of formulasByRow(grid.formulas)) for (const c of cols.keys()) add(r, c);
  return bottom < 0 ? null : { top, bottom, left, right };
}

/** The grid's hidden rows and columns inside its data extent, ascending. */
export function hiddenInExtent(grid: Grid): { rows: number[]; columns: number[] } {
  const box = dataExtent(grid);
  if (!box) return { rows: [], columns: [] };
  const inside = (set: ReadonlySet<number>, from: number, to: number) =>
    [...set].filter((i) => Number.isInteger(i) && i >= from && i <= to).sort((a, b) => a - b);
  return {
    rows: inside(grid.hiddenRows, box.top, box.bottom),
    columns: inside(grid.hiddenColumns, box.left, box.right),
  };
}

/** One sheet line of the workbook text. */
export interface DigestSheet {
  name: string;
  state: Grid["state"];
  /** The sheet's "zizhu-digest/2" digest. */
  content: string;
}

/** Everything a "zizhu-digest/3" digest is taken over, as data (verifySeal compares these part by part). */
export interface WorkbookDigestParts {
  sheets: DigestSheet[];
  roster: string;
  hiddenRows: number[];
  hiddenColumns: number[];
  statement: string;
}

/**
 * The parts of the workbook's digest: every sheet but `leaveOut` (the seal sheet), in order, and
 * the hidden rows and columns of `roster` (none when there is no such sheet).
 */
export function workbookDigestParts(
  wb: WorkbookData,
  options: { roster: string; leaveOut: string; statement: string },
): WorkbookDigestParts {
  const sheets = wb.sheets
    .filter((g) => g.name !== options.leaveOut)
    .map((g): DigestSheet => ({ name: g.name, state: g.state, content: sheetDigest(g) }));
  const roster = wb.sheets.find((g) => g.name === options.roster);
  const hidden = roster ? hiddenInExtent(roster) : { rows: [], columns: [] };
  return {
    sheets,
    roster: options.roster,
    hiddenRows: hidden.rows,
    hiddenColumns: hidden.columns,
    statement: options.statement,
  };
}

/** The canonical "zizhu-digest/3" text (exported for tests and for anyone re-implementing it). */
export function canonicalWorkbook(parts: WorkbookDigestParts): string {
  if (/[\r\n]/.test(parts.statement)) throw new Error("canonicalWorkbook: the statement must be one line");
  const lines = [WORKBOOK_DIGEST_FORMAT];
  for (const s of parts.sheets) lines.push(`sheet\t${s.state}\t${s.content}\t${JSON.stringify(s.name)}`);
  lines.push(`roster\t${JSON.stringify(parts.roster)}`);
  lines.push(`hidden-rows\t${parts.hiddenRows.join(",")}`);
  lines.push(`hidden-columns\t${parts.hiddenColumns.join(",")}`);
  lines.push(`statement\t${parts.statement}`);
  return `${lines.join("\n")}\n`;
}

/** Hex SHA-256 of the canonical "zizhu-digest/3" text. */
export function workbookDigest(parts: WorkbookDigestParts): string {
  return hex(canonicalWorkbook(parts));
}
