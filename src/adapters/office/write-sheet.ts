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
 * Syncs: 1 to load the existing names, then 1 per batch of ≤ WRITE_LIMITS.syncCells written cells (values and
 * formats of row chunks of ≤ 5,000 rows and ≤ 60,000 cells each); the formatting rides with the last
 * batch unless it holds more than WRITE_LIMITS.actionsPerSync operations. With ExcelApi 1.9 each effective
 * style is set once on a list of areas (getRanges), stacked one-row merges are merged "across" in
 * one call. Measured with the recording fake: a 10,000-person 格式化花名册 (19 columns) takes 3 syncs,
 * 公示表 2, 汇总表 2; the 申请表 for 10,000 people (130,000 rows, 400,000 style ranges) 25.
 *
 * The plan (chunks, formats, style and merge blocks) is write-sheet-layout.ts; the formatting calls
 * are write-sheet-format.ts.
 */
import { cellKey, SheetConflictError, type SheetSpec } from "../../core";
import { sheetCandidate } from "./export";
import { applyStyle, setColumnWidths, setPrint, setRowHeights, writeOuterFormat } from "./write-sheet-format";
import {
  WRITE_LIMITS,
  areaLists,
  cellFormat,
  chunkMatrices,
  chunkRowsFor,
  coalesceStyleRanges,
  formatMatrix,
  mergeBlocks,
  styleBlocks,
} from "./write-sheet-layout";

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

/** Office.js supports the ExcelApi requirement set (false outside Office, e.g. in tests without a fake). */
export function excelApiSupported(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
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
    if (batchCells > 0 && batchCells + count * cols > WRITE_LIMITS.syncCells) {
      syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per ~120,000 cells, under the host's payload cap
      await context.sync();
      batchCells = 0;
    }
    // A formula cell gets its cached value here; the formula follows (never "" for a formula:
    // Excel would compute it anyway).
    const { values, formats } = chunkMatrices(spec.rows, start, count, cols, (r, c, value) =>
      cellFormat(fmts[r]?.[c] ?? null, value, isFormula(r, c)),
    );
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
    if (actions < WRITE_LIMITS.actionsPerSync) return;
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
