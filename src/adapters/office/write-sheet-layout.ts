/**
 * The planning half of writeSheetSpec (write-sheet.ts): what a SheetSpec becomes as few Office.js
 * operations — row chunks, number formats per cell, style blocks, merge blocks, address lists.
 * Pure: no Office.js calls (write-sheet-format.ts and write-sheet.ts make them).
 */
import {
  type CellRange,
  type CellValue,
  cellAddress,
  type CellStyle,
  type SheetSpec,
  type StyleRange,
} from "../../core";

/** How much one range write, one request and one plan may hold. */
export const WRITE_LIMITS = {
  chunkRows: 5000,
  /** Cells per range write: 5,000 rows × 12 columns; wider sheets get fewer rows per write. */
  chunkCells: 60_000,
  /**
   * Cells per request (values + formats): as the reader's, ~120,000 cells stay near 3–4 MB of JSON,
   * under Excel on the web's ~5 MB request cap.
   */
  syncCells: 120_000,
  /** Formatting operations per request (a style range with borders is ~10–15 of them). */
  actionsPerSync: 10_000,
  /** Cells painted to find the styles' blocks (styleBlocks); beyond it, style ranges are applied one by one. */
  paintCells: 4_000_000,
  /** Characters of one getRanges() address list (Excel limits a reference's length). */
  areasChars: 2000,
} as const;

/** Rows per chunk: ≤ chunkRows and ≤ WRITE_LIMITS.chunkCells cells, at least 1. */
export function chunkRowsFor(cols: number, chunkRows: number = WRITE_LIMITS.chunkRows): number {
  return Math.max(1, Math.min(Math.floor(chunkRows), Math.floor(WRITE_LIMITS.chunkCells / Math.max(1, cols))));
}

/**
 * The values ("" for an empty cell) and the number formats of rows start…start+count-1, `cols`
 * wide, for one range write; `formatAt` gives a cell's format.
 */
export function chunkMatrices(
  rows: readonly (readonly CellValue[])[],
  start: number,
  count: number,
  cols: number,
  formatAt: (r: number, c: number, value: CellValue) => string,
): { values: (string | number | boolean)[][]; formats: string[][] } {
  const values: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let r = start; r < start + count; r++) {
    const row = rows[r] ?? [];
    const vrow: (string | number | boolean)[] = [];
    const frow: string[] = [];
    for (let c = 0; c < cols; c++) {
      const value = row[c] ?? null;
      vrow.push(value ?? "");
      frow.push(formatAt(r, c, value));
    }
    values.push(vrow);
    formats.push(frow);
  }
  return { values, formats };
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
  if (height * width > WRITE_LIMITS.paintCells) return null;
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
export function cellFormat(fmt: string | null, value: CellValue, formula: boolean): string {
  if (formula) return fmt === null || fmt === "@" ? "General" : fmt;
  if (typeof value === "string") return "@";
  return fmt ?? "General";
}

/**
 * Rectangles as address lists for getRanges, each ≤ WRITE_LIMITS.areasChars characters and of one shape class
 * (several rows or one, several columns or one), so inside borders are only asked where they exist.
 */
export function areaLists(rects: readonly CellRange[]): { address: string; multiRow: boolean; multiCol: boolean }[] {
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
      if (length + address.length + 1 > WRITE_LIMITS.areasChars) flush();
      current.push(address);
      length += address.length + 1;
    }
    flush();
  }
  return out;
}
