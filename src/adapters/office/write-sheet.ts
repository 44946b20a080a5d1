/**
 * Writes a SheetSpec (a builder's sheet, as data) into a NEW worksheet through Office.js: 格式化花名册,
 * 汇总表, 公示表, 申请表, and the very hidden 校验凭证. Existing sheets are never written to; the
 * new sheet gets a free name ("汇总表 (2)"…, compared case-insensitively as Excel does). Only our own
 * seal sheet may be replaced (`replace`), and only when the sheet of that name is very hidden —
 * Excel's UI cannot make a sheet very hidden, so a very hidden 校验凭证 is ours. Any other sheet of
 * that name makes writeSheetSpec throw SheetConflictError (nothing written).
 *
 * Order inside the requests: sheet creation, then per row chunk the number formats BEFORE the
 * values (a text column must be "@" before an ID number or a "=…" text lands in it, or Excel would
 * turn it into a number or a formula), then formulas, then merges, styles, widths, heights, freeze,
 * print setup, page breaks, visibility and activation.
 *
 * Syncs: 1 to load the existing names, then 1 per batch of ≤ SYNC_CELLS written cells (values and
 * formats of row chunks of ≤ 5,000 rows and ≤ 60,000 cells each); the formatting rides with the last
 * batch unless it holds more than ACTIONS_PER_SYNC operations. With ExcelApi 1.9 each effective
 * style is set once on a list of areas (getRanges), stacked one-row merges are merged "across" in
 * one call. Measured with the recording fake: a 10,000-person 格式化花名册 (19 columns) takes 3 syncs,
 * 公示表 2, 汇总表 2; the 申请表 for 10,000 people (130,000 rows, 400,000 style ranges) 25.
 */
import { type CellRange, type CellValue, cellAddress, cellKey } from "../../core/grid/types";
import { SheetConflictError } from "../../core/sheets/seal";
import type { CellStyle, SheetSpec, StyleRange } from "../../core/sheets/spec";
import { sheetCandidate } from "./export";

export interface WriteSheetOptions {
  /** Write ZIZHU.* formulas as formulas (inside Excel with the add-in: default true), else their cached values. */
  addinFormulas?: boolean;
  /**
   * Replace a sheet of the same name (only for our own 校验凭证 sheet): it must be very hidden, else
   * SheetConflictError is thrown. Default: pick a free name.
   */
  replace?: boolean;
  /** Rows per chunk (tests); default 5,000. */
  chunkRows?: number;
}

export interface WriteSheetResult {
  /** The name the sheet got. */
  name: string;
  /** How many context.sync() calls the write took. */
  syncs: number;
  /** Chinese notes (print setup skipped on an old Excel…); [] when none. */
  notes: string[];
}

const CHUNK_ROWS = 5000;
/** Cells per range write: 5,000 rows × 12 columns; wider sheets get fewer rows per write. */
const CHUNK_CELLS = 60_000;
/**
 * Cells per request (values + formats): as the reader's, ~120,000 cells stay near 3–4 MB of JSON,
 * under Excel on the web's ~5 MB request cap.
 */
const SYNC_CELLS = 120_000;
/** Formatting operations per request (a style range with borders is ~10–15 of them). */
const ACTIONS_PER_SYNC = 10_000;
/** Cells painted to find the styles' blocks (styleBlocks); beyond it, style ranges are applied one by one. */
const PAINT_CELLS = 4_000_000;
/** Characters of one getRanges() address list (Excel limits a reference's length). */
const AREAS_CHARS = 2000;

/**
 * Excel's column width unit is a character of the default font (7 px for 11-pt 等线/Calibri at
 * 96 dpi) plus 5 px of padding; Office.js wants points (0.75 pt per px): chars → (chars × 7 + 5) × 0.75.
 */
export const PX_PER_CHAR = 7;
export function widthPoints(chars: number): number {
  return chars <= 0 ? 0 : Math.round((chars * PX_PER_CHAR + 5) * 0.75 * 100) / 100;
}

/** Points per inch, for the print margins (the spec's are in inches, Office.js wants points). */
const POINTS_PER_INCH = 72;

/** Rows per chunk: ≤ chunkRows and ≤ CHUNK_CELLS cells, at least 1. */
export function chunkRowsFor(cols: number, chunkRows = CHUNK_ROWS): number {
  return Math.max(1, Math.min(Math.floor(chunkRows), Math.floor(CHUNK_CELLS / Math.max(1, cols))));
}

/** Consecutive style ranges with the same style over the same columns and adjacent rows, merged: fewer operations. */
export function coalesceStyleRanges(ranges: readonly StyleRange[]): StyleRange[] {
  const out: StyleRange[] = [];
  for (const sr of ranges) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.style === sr.style &&
      prev.range.left === sr.range.left &&
      prev.range.right === sr.range.right &&
      sr.range.top === prev.range.bottom + 1
    ) {
      out[out.length - 1] = { style: prev.style, range: { ...prev.range, bottom: sr.range.bottom } };
    } else out.push(sr);
  }
  return out;
}

/** One effective style (the composition of the style ranges covering a cell) and the rectangles having it. */
export interface StyleBlock {
  style: CellStyle;
  rects: CellRange[];
}

/** Later styles override earlier ones property by property (as styleAt in spec.ts). */
function compose(out: CellStyle, s: CellStyle): CellStyle {
  const next: CellStyle = { ...out, ...s, font: s.font || out.font ? { ...out.font, ...s.font } : undefined };
  if (next.font === undefined) delete next.font;
  return next;
}

/**
 * The styling as rectangles of one effective style each, grouped by style: the 申请表 repeats the
 * same dozen style ranges for every person (400,000 ranges for 10,000 people), which as groups are
 * a handful of styles applied to many areas at once. Null when the styled area is too big to paint.
 */
export function styleBlocks(spec: SheetSpec): StyleBlock[] | null {
  let height = 0;
  let width = 0;
  for (const { range } of spec.styleRanges) {
    height = Math.max(height, range.bottom + 1);
    width = Math.max(width, range.right + 1);
  }
  if (height * width > PAINT_CELLS) return null;
  // Each cell holds the id of its stack of styles; ids are interned (0 = unstyled).
  const cells = new Int32Array(height * width);
  const stacks: string[][] = [[]];
  const step = new Map<string, number>();
  const styleNames = Object.keys(spec.styles);
  const styleIndex = new Map(styleNames.map((n, i) => [n, i]));
  for (const { range, style } of spec.styleRanges) {
    const si = styleIndex.get(style);
    if (si === undefined) continue;
    for (let r = Math.max(0, range.top); r <= range.bottom; r++) {
      for (let c = Math.max(0, range.left); c <= range.right; c++) {
        const at = r * width + c;
        const from = cells[at] ?? 0;
        const key = `${from}|${si}`;
        let to = step.get(key);
        if (to === undefined) {
          to = stacks.length;
          stacks.push([...(stacks[from] ?? []), style]);
          step.set(key, to);
        }
        cells[at] = to;
      }
    }
  }
  // Runs of one id per row, extended downwards while the rows below have the same run.
  const rects = new Map<number, CellRange[]>();
  let open = new Map<string, CellRange & { id: number }>();
  const close = (rect: CellRange & { id: number }): void => {
    const list = rects.get(rect.id) ?? [];
    list.push({ top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right });
    rects.set(rect.id, list);
  };
  for (let r = 0; r < height; r++) {
    const next = new Map<string, CellRange & { id: number }>();
    for (let c = 0; c < width;) {
      const id = cells[r * width + c] ?? 0;
      let end = c;
      while (end + 1 < width && cells[r * width + end + 1] === id) end++;
      if (id !== 0) {
        const key = `${c},${end},${id}`;
        const prev = open.get(key);
        if (prev) {
          prev.bottom = r;
          open.delete(key);
          next.set(key, prev);
        } else next.set(key, { top: r, left: c, bottom: r, right: end, id });
      }
      c = end + 1;
    }
    for (const rect of open.values()) close(rect);
    open = next;
  }
  for (const rect of open.values()) close(rect);
  return [...rects.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([id, list]) => ({
      style: (stacks[id] ?? []).reduce<CellStyle>((out, name) => compose(out, spec.styles[name] ?? {}), {}),
      rects: list,
    }));
}

/**
 * Merges as few calls: one-row merges of the same columns in consecutive rows become one block
 * merged "across" (each row on its own); the others stay as they are (merged whole).
 */
export function mergeBlocks(merges: readonly CellRange[]): (CellRange & { across: boolean })[] {
  const out: (CellRange & { across: boolean })[] = [];
  const rows = merges.filter((m) => m.top === m.bottom && m.right > m.left);
  const rest = merges.filter((m) => !(m.top === m.bottom && m.right > m.left));
  rows.sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  for (const m of rows) {
    const last = out[out.length - 1];
    if (last && last.across && last.left === m.left && last.right === m.right && last.bottom + 1 === m.top) {
      last.bottom = m.top;
    } else out.push({ ...m, across: true });
  }
  for (const m of out) if (m.top === m.bottom) m.across = false;
  return [...out, ...rest.map((m) => ({ ...m, across: false }))];
}

/** "A1" or "A1:H3". */
function a1(rect: CellRange): string {
  const tl = cellAddress(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right ? tl : `${tl}:${cellAddress(rect.bottom, rect.right)}`;
}

/** The number format of every cell of the spec's value area: the style ranges' numFmt, later winning. */
export function formatMatrix(spec: SheetSpec, rows: number, cols: number): (string | null)[][] {
  const m: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  for (const { range, style } of spec.styleRanges) {
    const fmt = spec.styles[style]?.numFmt;
    if (fmt === undefined) continue;
    for (let r = Math.max(0, range.top); r <= Math.min(rows - 1, range.bottom); r++) {
      const row = m[r];
      if (!row) continue;
      for (let c = Math.max(0, range.left); c <= Math.min(cols - 1, range.right); c++) row[c] = fmt;
    }
  }
  return m;
}

/**
 * A cell's written format: a formula cell never "@" (it would stay text); a text value always "@"
 * (a value like "=1+1", "1e5" or "2026-1-1" must stay what it is); else the style's, or General.
 */
function cellFormat(fmt: string | null, value: CellValue, formula: boolean): string {
  if (formula) return fmt === null || fmt === "@" ? "General" : fmt;
  if (typeof value === "string") return "@";
  return fmt ?? "General";
}

/** Office.js supports the ExcelApi requirement set (false outside Office, e.g. in tests without a fake). */
export function excelApiSupported(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Applies a style to a range; returns how many operations it queued. */
function applyStyle(f: Excel.RangeFormat, style: CellStyle, rows: number, cols: number): number {
  let n = 0;
  if (style.font) {
    if (style.font.name !== undefined) {
      f.font.name = style.font.name;
      n++;
    }
    if (style.font.size !== undefined) {
      f.font.size = style.font.size;
      n++;
    }
    if (style.font.bold !== undefined) {
      f.font.bold = style.font.bold;
      n++;
    }
    if (style.font.color !== undefined) {
      f.font.color = `#${style.font.color}`;
      n++;
    }
  }
  if (style.horizontal) {
    f.horizontalAlignment = H_ALIGN[style.horizontal];
    n++;
  }
  if (style.vertical) {
    f.verticalAlignment = V_ALIGN[style.vertical];
    n++;
  }
  if (style.wrap !== undefined) {
    f.wrapText = style.wrap;
    n++;
  }
  if (style.fill) {
    f.fill.color = `#${style.fill}`;
    n++;
  }
  if (style.border) {
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal")[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    // Inside borders only exist where the range has more than one column / row.
    if (cols > 1) edges.push("InsideVertical");
    if (rows > 1) edges.push("InsideHorizontal");
    for (const edge of edges) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#000000";
      n += 4;
    }
  }
  return n;
}

/** "A1" style row reference for print titles: 0-based inclusive → "$1:$3". */
function rowsRef(from: number, to: number): string {
  return `$${from + 1}:$${to + 1}`;
}

/**
 * Adds the spec as a NEW worksheet and writes it. Host errors propagate (the caller turns them into
 * a Chinese message with hostFailure); the original sheets are never touched. With `replace`, a
 * sheet of the spec's name that is not very hidden is the user's: SheetConflictError is thrown
 * before anything is written (its message is the Chinese text to show).
 */
export async function writeSheetSpec(
  context: Excel.RequestContext,
  spec: SheetSpec,
  options: WriteSheetOptions = {},
): Promise<WriteSheetResult> {
  const addinFormulas = options.addinFormulas ?? true;
  const notes: string[] = [];
  let syncs = 0;

  const worksheets = context.workbook.worksheets;
  worksheets.load(options.replace ? "items/name, items/visibility" : "items/name");
  syncs++;
  await context.sync();

  const taken = new Map(worksheets.items.map((s) => [s.name.toLowerCase(), s]));
  let name = sheetCandidate(spec.name, 0);
  const old = taken.get(name.toLowerCase());
  if (old && options.replace) {
    // Never delete a user's sheet that happens to be called 校验凭证.
    if (old.visibility !== "VeryHidden") throw new SheetConflictError(old.name);
    // Our own seal sheet: a very hidden sheet is made visible first, so it can be deleted.
    old.visibility = "Visible";
    old.delete();
  } else {
    for (let i = 1; taken.has(name.toLowerCase()); i++) name = sheetCandidate(spec.name, i);
  }
  const sheet = worksheets.add(name);

  // Values, formats and formulas, in row chunks, several chunks per request.
  const rows = spec.rows.length;
  // A loop, not Math.max(...rows): 申请表 for 10,000 people has 100,000+ rows (a spread overflows the stack).
  const cols = spec.rows.reduce((m, r) => Math.max(m, r.length), 0);
  const fmts = formatMatrix(spec, rows, cols);
  const isFormula = (r: number, c: number): boolean => {
    const f = spec.formulas.get(cellKey(r, c));
    return f !== undefined && (addinFormulas || !f.addin);
  };
  const step = chunkRowsFor(cols, options.chunkRows);
  let batchCells = 0;
  for (let start = 0; cols > 0 && start < rows; start += step) {
    const count = Math.min(step, rows - start);
    if (batchCells > 0 && batchCells + count * cols > SYNC_CELLS) {
      syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per ~120,000 cells, under the host's payload cap
      await context.sync();
      batchCells = 0;
    }
    const values: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    for (let r = start; r < start + count; r++) {
      const src = spec.rows[r] ?? [];
      const vrow: (string | number | boolean)[] = [];
      const frow: string[] = [];
      for (let c = 0; c < cols; c++) {
        const formula = isFormula(r, c);
        // A formula cell gets its cached value here; the formula follows (never "" for a formula:
        // Excel would compute it anyway).
        const value = src[c] ?? null;
        vrow.push(value ?? "");
        frow.push(cellFormat(fmts[r]?.[c] ?? null, value, formula));
      }
      values.push(vrow);
      formats.push(frow);
    }
    const range = sheet.getRangeByIndexes(start, 0, count, cols);
    // Formats first: Excel would otherwise parse the texts as they are written.
    range.numberFormat = formats;
    range.values = values;
    batchCells += count * cols;
    batchCells += writeFormulas(sheet, spec, start, count, cols, isFormula);
  }

  // Formatting: merges, styles, sizes, freeze, print, breaks — riding with the last batch of values.
  let actions = 0;
  const flushIfFull = async (): Promise<void> => {
    if (actions < ACTIONS_PER_SYNC) return;
    syncs++;
    // One request per ~5,000 formatting operations (called from the loops below).
    await context.sync();
    actions = 0;
  };
  for (const m of mergeBlocks(spec.merges)) {
    // across: one merge per row of the block (stacked one-row merges of the same columns).
    sheet.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(m.across);
    actions += 2;
    await flushIfFull();
  }
  const api19 = excelApiSupported("1.9");
  const blocks = api19 ? styleBlocks(spec) : null;
  if (blocks) {
    // ExcelApi 1.9: each effective style once per list of areas (getRanges → RangeAreas.format).
    for (const block of blocks) {
      // Number formats went out with the values: a block with nothing else needs no call.
      if (Object.keys(block.style).every((k) => k === "numFmt")) continue;
      for (const part of areaLists(block.rects)) {
        const areas = sheet.getRanges(part.address);
        // eslint-disable-next-line office-addins/call-sync-before-read -- .format is a proxy to write to, not a loaded value
        actions += 1 + applyStyle(areas.format, block.style, part.multiRow ? 2 : 1, part.multiCol ? 2 : 1);
        await flushIfFull();
      }
    }
  } else {
    for (const { range: cr, style } of coalesceStyleRanges(spec.styleRanges)) {
      const st = spec.styles[style];
      if (!st) continue;
      const nRows = cr.bottom - cr.top + 1;
      const nCols = cr.right - cr.left + 1;
      actions += 1 + applyStyle(sheet.getRangeByIndexes(cr.top, cr.left, nRows, nCols).format, st, nRows, nCols);
      await flushIfFull();
    }
  }
  for (const { range: cr, style } of spec.styleRanges) {
    // Formats outside the value area (a styled empty block) were not in the value chunks.
    const fmt = spec.styles[style]?.numFmt;
    if (fmt !== undefined && (cr.bottom >= rows || cr.right >= cols)) {
      actions += writeOuterFormat(sheet, cr, rows, cols, fmt);
    }
  }
  actions += setColumnWidths(sheet, spec.columnWidths);
  actions += setRowHeights(sheet, spec.rowHeights);
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    const { rows: fr, columns: fc } = spec.freeze;
    if (fc === 0) sheet.freezePanes.freezeRows(fr);
    else if (fr === 0) sheet.freezePanes.freezeColumns(fc);
    else sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, fr, fc));
    actions++;
  }
  const printable = spec.print !== undefined || spec.rowBreaks.length > 0;
  if (printable && !api19) {
    notes.push(
      `这个版本的 Excel 不支持通过加载项设置打印格式（需要 ExcelApi 1.9），工作表“${name}”未设置纸张方向、页边距、打印标题和分页。请在“页面布局”中手动设置（A4${spec.print?.orientation === "landscape" ? "横向" : "纵向"}）。`,
    );
  } else if (printable) {
    actions += setPrint(sheet, spec);
    for (const r of spec.rowBreaks) {
      // A break goes above the range's first row: after row r is before row r + 1.
      sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(r + 1, 0, 1, 1));
      actions++;
      await flushIfFull();
    }
  }
  if (spec.state === "veryHidden") sheet.visibility = "VeryHidden";
  else if (spec.activate) sheet.activate();
  syncs++;
  await context.sync();
  return { name, syncs, notes };
}

/**
 * Rectangles as address lists for getRanges, each ≤ AREAS_CHARS characters and of one shape class
 * (several rows or one, several columns or one), so inside borders are only asked where they exist.
 */
function areaLists(rects: readonly CellRange[]): { address: string; multiRow: boolean; multiCol: boolean }[] {
  const out: { address: string; multiRow: boolean; multiCol: boolean }[] = [];
  const byClass = new Map<string, string[]>();
  for (const rect of rects) {
    const key = `${rect.bottom > rect.top ? 1 : 0}${rect.right > rect.left ? 1 : 0}`;
    const list = byClass.get(key) ?? [];
    list.push(a1(rect));
    byClass.set(key, list);
  }
  for (const [key, list] of byClass) {
    let current: string[] = [];
    let length = 0;
    const flush = (): void => {
      if (current.length > 0)
        out.push({ address: current.join(","), multiRow: key[0] === "1", multiCol: key[1] === "1" });
      current = [];
      length = 0;
    };
    for (const address of list) {
      if (length + address.length + 1 > AREAS_CHARS) flush();
      current.push(address);
      length += address.length + 1;
    }
    flush();
  }
  return out;
}

/** The formula cells of a chunk, as vertical runs per column (one range write per run); returns the cells written. */
function writeFormulas(
  sheet: Excel.Worksheet,
  spec: SheetSpec,
  start: number,
  count: number,
  cols: number,
  isFormula: (r: number, c: number) => boolean,
): number {
  if (spec.formulas.size === 0) return 0;
  let cells = 0;
  for (let c = 0; c < cols; c++) {
    let r = start;
    while (r < start + count) {
      if (!isFormula(r, c)) {
        r++;
        continue;
      }
      const run: string[][] = [];
      const top = r;
      while (r < start + count && isFormula(r, c)) {
        run.push([`=${spec.formulas.get(cellKey(r, c))?.text ?? ""}`]);
        r++;
      }
      sheet.getRangeByIndexes(top, c, run.length, 1).formulas = run;
      cells += run.length;
    }
  }
  return cells;
}

/** numFmt of the part of a style range outside the value area (below or right of it). */
function writeOuterFormat(
  sheet: Excel.Worksheet,
  cr: { top: number; bottom: number; left: number; right: number },
  rows: number,
  cols: number,
  fmt: string,
): number {
  const fill = (r: number, c: number): string[][] => Array.from({ length: r }, () => new Array<string>(c).fill(fmt));
  let n = 0;
  const write = (top: number, left: number, bottom: number, right: number): void => {
    if (bottom < top || right < left) return;
    sheet.getRangeByIndexes(top, left, bottom - top + 1, right - left + 1).numberFormat = fill(
      bottom - top + 1,
      right - left + 1,
    );
    n++;
  };
  // Below the value area (all columns of the range), then right of it (rows inside the area).
  write(Math.max(cr.top, rows), cr.left, cr.bottom, cr.right);
  write(cr.top, Math.max(cr.left, cols), Math.min(cr.bottom, rows - 1), cr.right);
  return n;
}

/** Column widths, consecutive equal widths in one operation. */
function setColumnWidths(sheet: Excel.Worksheet, widths: readonly number[]): number {
  let n = 0;
  for (let c = 0; c < widths.length;) {
    const w = widths[c];
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === w) end++;
    if (w !== undefined && w > 0) {
      sheet.getRangeByIndexes(0, c, 1, end - c + 1).format.columnWidth = widthPoints(w);
      n++;
    }
    c = end + 1;
  }
  return n;
}

/** Row heights, consecutive rows of equal height in one operation. */
function setRowHeights(sheet: Excel.Worksheet, heights: ReadonlyMap<number, number>): number {
  const sorted = [...heights.entries()].filter(([, h]) => h > 0).sort((a, b) => a[0] - b[0]);
  let n = 0;
  for (let i = 0; i < sorted.length;) {
    const [row, h] = sorted[i] ?? [0, 0];
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]?.[1] === h && sorted[j + 1]?.[0] === (sorted[j]?.[0] ?? 0) + 1) j++;
    sheet.getRangeByIndexes(row, 0, j - i + 1, 1).format.rowHeight = h;
    n++;
    i = j + 1;
  }
  return n;
}

/** Page setup (ExcelApi 1.9): orientation, A4, fit to width, print titles, footer, margins, centering. */
function setPrint(sheet: Excel.Worksheet, spec: SheetSpec): number {
  const p = spec.print;
  if (!p) return 0;
  const layout = sheet.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  let n = 2;
  if (p.scale !== undefined) {
    // A fixed scale: Excel ignores manual page breaks (申请表) under "fit to" scaling.
    layout.zoom = { scale: p.scale };
    n++;
  } else if (p.fitToWidth !== undefined || p.fitToHeight !== undefined) {
    // 0 pages tall: as many as needed (Office.js takes 0 as "automatic").
    layout.zoom = { horizontalFitToPages: p.fitToWidth ?? 0, verticalFitToPages: p.fitToHeight ?? 0 };
    n++;
  }
  if (p.titleRows) {
    layout.setPrintTitleRows(rowsRef(p.titleRows.from, p.titleRows.to));
    n++;
  }
  if (p.centerFooter !== undefined) {
    layout.headersFooters.defaultForAllPages.centerFooter = p.centerFooter;
    n++;
  }
  if (p.centerHeader !== undefined) {
    layout.headersFooters.defaultForAllPages.centerHeader = p.centerHeader;
    n++;
  }
  if (p.margins) {
    const m = p.margins;
    layout.leftMargin = m.left * POINTS_PER_INCH;
    layout.rightMargin = m.right * POINTS_PER_INCH;
    layout.topMargin = m.top * POINTS_PER_INCH;
    layout.bottomMargin = m.bottom * POINTS_PER_INCH;
    layout.headerMargin = m.header * POINTS_PER_INCH;
    layout.footerMargin = m.footer * POINTS_PER_INCH;
    n += 6;
  }
  if (p.horizontalCentered !== undefined) {
    layout.centerHorizontally = p.horizontalCentered;
    n++;
  }
  return n;
}
