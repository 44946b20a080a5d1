/**
 * A sheet to be written, as data: what the builders (格式化花名册, 汇总表, 公示表, 申请表, 校验凭证,
 * 报送格式) produce and what the adapters write — into the open workbook inside Excel, or into a
 * new .xlsx file (src/adapters). Builders never touch a host; adapters never decide content.
 *
 * Rows and columns are 0-based. Styles are named and applied by ranges, in order (a later range's
 * properties override an earlier one's for the cells they share), so a writer can format big blocks
 * at once instead of cell by cell.
 */
import type { CellRange, CellValue } from "../grid/types";

export type SheetKind = "roster" | "summary" | "notice" | "forms" | "seal" | "export";

export interface FontStyle {
  /** "宋体", "仿宋", "黑体"… (written with the GB2312 charset so hosts fall back to a Chinese font). */
  name?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
  /** RRGGBB. */
  color?: string;
}

export interface CellStyle {
  font?: FontStyle;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin black lines on all four sides of every cell in the range. */
  border?: boolean;
  /** Background, RRGGBB. */
  fill?: string;
  /** Excel number format: "@" (text), "0.00", "yyyy-mm-dd", "#,##0.00"… */
  numFmt?: string;
}

export interface SpecFormula {
  /** Excel formula text without the leading "=", English function names, A1 references. */
  text: string;
  /**
   * The formula calls an add-in function (ZIZHU.*). Inside Excel with the add-in it is written as a
   * formula; in a file for people without the add-in the cached value is written instead (it would
   * show #NAME? there).
   */
  addin?: boolean;
}

export interface StyleRange {
  range: CellRange;
  style: string;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  paper: "A4";
  /** Fit all columns on this many pages across (1: one page width). */
  fitToWidth?: number;
  /** Pages down; 0 = as many as needed. */
  fitToHeight?: number;
  /**
   * A fixed print scale in percent, instead of fitting. Sheets with manual page breaks (申请表) use
   * it: Excel ignores manual breaks when a "fit to" scaling is set.
   */
  scale?: number;
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  titleRows?: { from: number; to: number };
  /** Excel header/footer codes: "第 &P 页 共 &N 页". */
  centerFooter?: string;
  centerHeader?: string;
  /** Inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  horizontalCentered?: boolean;
}

export interface SheetSpec {
  /** The wanted sheet name (≤ 31 characters); writers add " (2)"… when it is taken — never overwrite. */
  name: string;
  kind: SheetKind;
  /** rows[r][c]; null = empty. A formula cell holds its computed (cached) result here. */
  rows: CellValue[][];
  /** Formulas keyed by cellKey(r, c). */
  formulas: ReadonlyMap<string, SpecFormula>;
  /** Named styles, applied through styleRanges. */
  styles: Readonly<Record<string, CellStyle>>;
  styleRanges: readonly StyleRange[];
  merges: readonly CellRange[];
  /** Column widths in characters (Excel's unit), index = column. */
  columnWidths: readonly number[];
  /** Row heights in points, keyed by 0-based row. */
  rowHeights: ReadonlyMap<number, number>;
  /** Rows (and columns) kept in view when scrolling: the header. */
  freeze?: { rows: number; columns: number };
  print?: PrintSetup;
  /** A manual page break after each of these 0-based rows (申请表: one form per page). */
  rowBreaks: readonly number[];
  state: "visible" | "veryHidden";
  /** Make this the active sheet after writing. */
  activate?: boolean;
}

/** What a builder returns: the sheet, and what the user should know (Chinese, naming sheet and cell). */
export interface BuiltSheet {
  spec: SheetSpec;
  notes: string[];
}

/** An empty spec to fill. */
export function emptySpec(name: string, kind: SheetKind): SheetSpec {
  return {
    name,
    kind,
    rows: [],
    formulas: new Map(),
    styles: {},
    styleRanges: [],
    merges: [],
    columnWidths: [],
    rowHeights: new Map(),
    rowBreaks: [],
    state: "visible",
  };
}

/** The collections a builder fills as it lays out its sheet, then hands to builtSheet. */
export interface SheetParts {
  rows: CellValue[][];
  merges: CellRange[];
  styleRanges: StyleRange[];
  formulas: Map<string, SpecFormula>;
  rowHeights: Map<number, number>;
}

export function sheetParts(): SheetParts {
  return { rows: [], merges: [], styleRanges: [], formulas: new Map(), rowHeights: new Map() };
}

/** Row `parts.rows.length` as a title: one cell merged across `width` columns, 30 pt high. */
export function pushTitleRow(parts: SheetParts, width: number, title: string): void {
  const row = parts.rows.length;
  const range = { top: row, left: 0, bottom: row, right: width - 1 };
  parts.rows.push([title, ...new Array<CellValue>(width - 1).fill(null)]);
  parts.merges.push(range);
  parts.styleRanges.push({ range, style: "title" });
  parts.rowHeights.set(row, 30);
}

/** The next row as the table's header (24 pt high); returns its row. */
export function pushHeaderRow(parts: SheetParts, width: number, header: readonly CellValue[]): number {
  const row = parts.rows.length;
  parts.rows.push([...header]);
  parts.styleRanges.push({ range: { top: row, left: 0, bottom: row, right: width - 1 }, style: "header" });
  parts.rowHeights.set(row, 24);
  return row;
}

/**
 * What a builder returns when it succeeds: an empty spec of this name and kind with `parts` filled
 * in, made the active sheet after writing, and the notes.
 */
export function builtSheet(
  name: string,
  kind: SheetKind,
  parts: Partial<Omit<SheetSpec, "name" | "kind">>,
  notes: string[],
): { ok: true; value: BuiltSheet } {
  return { ok: true, value: { spec: { ...emptySpec(name, kind), ...parts, activate: true }, notes } };
}

/** The style a cell ends up with: every range covering it, in order, later properties winning. */
export function styleAt(spec: SheetSpec, row: number, col: number): CellStyle {
  let out: CellStyle = {};
  for (const { range, style } of spec.styleRanges) {
    if (row < range.top || row > range.bottom || col < range.left || col > range.right) continue;
    const s = spec.styles[style];
    if (!s) continue;
    out = { ...out, ...s, font: s.font || out.font ? { ...out.font, ...s.font } : undefined };
  }
  if (out.font === undefined) delete out.font;
  return out;
}

/** Why a sheet could not be built, in Chinese, naming the sheet/cell and the fix. */
export interface BuildProblem {
  code: string;
  message: string;
}

export type BuildResult = { ok: true; value: BuiltSheet } | { ok: false; problem: BuildProblem };
