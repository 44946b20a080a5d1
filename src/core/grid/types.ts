/**
 * A workbook as the engine sees it, whatever host it came from (an Excel range read by the add-in,
 * an .xlsx or .csv file): cell values — the cached value of a formula, dates as Excel serials —
 * and what matters around them (number formats, merges, hidden rows and sheets, notes, headers
 * and footers). Adapters build it; the engine never sees ExcelJS or Office objects.
 */
export type CellValue = string | number | boolean | null;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellNote {
  row: number;
  col: number;
  text: string;
}

export interface Grid {
  /** The sheet's name as the user sees it. */
  name: string;
  /** rows[r][c]: sheet row r + 1, column c + 1 (A = 0). Rows may be ragged or empty arrays. */
  rows: CellValue[][];
  /** Number formats other than General, keyed by cellKey(r, c): "@" (text), "yyyy-mm-dd", "0.00"… */
  formats: ReadonlyMap<string, string>;
  /** Cells whose value is a formula's cached result, keyed by cellKey(r, c), with the formula text. */
  formulas: ReadonlyMap<string, string>;
  merges: readonly CellRange[];
  /** 0-based indexes of hidden rows and columns. */
  hiddenRows: ReadonlySet<number>;
  hiddenColumns: ReadonlySet<number>;
  state: "visible" | "hidden" | "veryHidden";
  /** Cell notes and threaded comments. */
  notes: readonly CellNote[];
  /** Page header and footer texts (odd, even, first page). */
  headerFooter: readonly string[];
}

export interface WorkbookData {
  sheets: Grid[];
  /** Document properties: title, subject, author, keywords, comments, custom properties… */
  properties: Readonly<Record<string, string>>;
}

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

/** "A", "Z", "AA"… for a 0-based column index. */
export function columnName(col: number): string {
  let n = col + 1;
  let name = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** "C5" for row 4, column 2 (0-based). */
export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  return grid.rows[row]?.[col] ?? null;
}

/** An empty grid with defaults, for adapters and tests to fill. */
export function makeGrid(name: string, rows: CellValue[][], extra: Partial<Omit<Grid, "name" | "rows">> = {}): Grid {
  return {
    name,
    rows,
    formats: extra.formats ?? new Map(),
    formulas: extra.formulas ?? new Map(),
    merges: extra.merges ?? [],
    hiddenRows: extra.hiddenRows ?? new Set(),
    hiddenColumns: extra.hiddenColumns ?? new Set(),
    state: extra.state ?? "visible",
    notes: extra.notes ?? [],
    headerFooter: extra.headerFooter ?? [],
  };
}
