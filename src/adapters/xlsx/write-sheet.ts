/**
 * Writes a SheetSpec (spec.ts) into an ExcelJS workbook: values, formulas with their cached
 * results, house styles, merges, widths and heights, frozen header, print setup, page breaks and
 * the very-hidden state. Browser-safe (no node:*): the standalone page uses it too.
 *
 * Never destroys: a new sheet gets a unique name ("花名册 (2)"); only our own 校验凭证 sheet is
 * replaced (option `replace`) — very hidden and holding a seal readSeal can read — and
 * addSheetsToCopy returns new bytes, leaving the user's alone. Any other sheet of that name makes
 * addSpecToWorkbook throw SheetConflictError, whose message is the Chinese text to show.
 */
import ExcelJS from "exceljs";
import {
  cellKey,
  makeGrid,
  type CellValue,
  readSeal,
  SEAL_SHEET,
  SheetConflictError,
  styleAt,
  type CellStyle,
  type SheetSpec,
} from "../../core";
import { loadWorkbook, plainValue } from "./read";
import { WorkbookLoadError } from "./load-error";
import { safeSheetName, uniqueSheetName } from "./write-report";

export interface WriteSheetOptions {
  /**
   * Write ZIZHU.* formulas as formulas (for a workbook that will be opened where the add-in runs).
   * Default: their cached value only — without the add-in they would show #NAME?.
   */
  addinFormulas?: boolean;
  /**
   * Replace a sheet of the same name instead of adding "名称 (2)". Only for our own 校验凭证 sheet:
   * a sheet of that name that is not very hidden, or holds no readable seal, is the user's and
   * makes addSpecToWorkbook throw SheetConflictError.
   */
  replace?: boolean;
}

export { SheetConflictError } from "../../core";

/** GB2312: hosts without the named font fall back to a Chinese one instead of boxes. */
const CHARSET_GB2312 = 134;
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

/** The ExcelJS style of a spec style (a fresh object: ExcelJS may share style objects between cells). */
function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (s.font) {
    const font: Partial<ExcelJS.Font> = { charset: CHARSET_GB2312 };
    if (s.font.name !== undefined) font.name = s.font.name;
    if (s.font.size !== undefined) font.size = s.font.size;
    if (s.font.bold !== undefined) font.bold = s.font.bold;
    if (s.font.color !== undefined) font.color = { argb: argb(s.font.color) };
    out.font = font;
  }
  if (s.horizontal !== undefined || s.vertical !== undefined || s.wrap !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (s.horizontal !== undefined) alignment.horizontal = s.horizontal;
    if (s.vertical !== undefined) alignment.vertical = s.vertical;
    if (s.wrap !== undefined) alignment.wrapText = s.wrap;
    out.alignment = alignment;
  }
  if (s.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.fill !== undefined)
    out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) }, bgColor: { argb: argb(s.fill) } };
  if (s.numFmt !== undefined) out.numFmt = s.numFmt;
  return out;
}

/** The area the spec touches: its rows and every styled range. */
function extent(spec: SheetSpec): { rows: number; cols: number } {
  let rows = spec.rows.length;
  let cols = Math.max(0, ...spec.rows.map((r) => r.length));
  for (const { range } of spec.styleRanges) {
    rows = Math.max(rows, range.bottom + 1);
    cols = Math.max(cols, range.right + 1);
  }
  return { rows, cols };
}

function writeCells(ws: ExcelJS.Worksheet, spec: SheetSpec, options: WriteSheetOptions): void {
  const { rows, cols } = extent(spec);
  // Cells with the same effective style share one computed ExcelJS style.
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  for (let r = 0; r < rows; r++) {
    const values = spec.rows[r] ?? [];
    const row = ws.getRow(r + 1);
    for (let c = 0; c < cols; c++) {
      const value: CellValue | undefined = values[c];
      const style = spec.styleRanges.length > 0 ? styleAt(spec, r, c) : {};
      const styled = Object.keys(style).length > 0;
      const formula = spec.formulas.get(cellKey(r, c));
      if (!styled && (value === null || value === undefined) && !formula) continue;
      const cell = row.getCell(c + 1);
      if (styled) {
        const key = JSON.stringify(style);
        let es = cache.get(key);
        if (!es) {
          es = excelStyle(style);
          cache.set(key, es);
        }
        // The style (with "@") goes on before the value, so digit strings stay text.
        cell.style = es;
      }
      if (formula && (!formula.addin || options.addinFormulas)) {
        cell.value =
          value === null || value === undefined
            ? ({ formula: formula.text } as ExcelJS.CellFormulaValue)
            : { formula: formula.text, result: value };
      } else if (value !== null && value !== undefined) {
        cell.value = value;
      }
    }
  }
}

function writeLayout(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  spec.columnWidths.forEach((width, c) => {
    if (width > 0) ws.getColumn(c + 1).width = width;
  });
  for (const [r, height] of spec.rowHeights) ws.getRow(r + 1).height = height;
  // Merge without style copying: every cell of the range was styled already (borders on all of them).
  for (const m of spec.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    (ws as unknown as { mergeCellsWithoutStyle(...a: number[]): void }).mergeCellsWithoutStyle(
      m.top + 1,
      m.left + 1,
      m.bottom + 1,
      m.right + 1,
    );
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    const { rows, columns } = spec.freeze;
    ws.views = [
      {
        state: "frozen",
        xSplit: columns,
        ySplit: rows,
        topLeftCell: `${ws.getColumn(columns + 1).letter}${rows + 1}`,
      },
    ];
  }
  // Across all 16384 columns (ExcelJS's default max, 16838, is a typo).
  for (const r of spec.rowBreaks) ws.getRow(r + 1).addPageBreak(1, 16384);
}

function writePrint(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const p = spec.print;
  if (!p) return;
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: 9, // A4
    orientation: p.orientation,
  };
  if (p.scale !== undefined) {
    setup.fitToPage = false;
    setup.scale = p.scale;
  } else if (p.fitToWidth !== undefined || p.fitToHeight !== undefined) {
    setup.fitToPage = true;
    setup.fitToWidth = p.fitToWidth ?? 1;
    setup.fitToHeight = p.fitToHeight ?? 0;
  }
  if (p.titleRows) setup.printTitlesRow = `${p.titleRows.from + 1}:${p.titleRows.to + 1}`;
  if (p.margins) setup.margins = { ...p.margins };
  if (p.horizontalCentered !== undefined) setup.horizontalCentered = p.horizontalCentered;
  ws.pageSetup = { ...ws.pageSetup, ...setup };
  if (p.centerFooter !== undefined) ws.headerFooter.oddFooter = `&C${p.centerFooter}`;
  if (p.centerHeader !== undefined) ws.headerFooter.oddHeader = `&C${p.centerHeader}`;
}

/** Makes `ws` the shown sheet: the only selected tab, the workbook's active tab. */
function activate(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): void {
  for (const other of wb.worksheets) {
    for (const view of other.views ?? []) (view as { tabSelected?: boolean }).tabSelected = other === ws;
  }
  if (!ws.views || ws.views.length === 0) ws.views = [{ tabSelected: true } as Partial<ExcelJS.WorksheetView>];
  const index = wb.worksheets.indexOf(ws);
  const views = wb.views && wb.views.length > 0 ? wb.views : [{} as ExcelJS.WorkbookView];
  wb.views = views.map((view) => ({ ...view, activeTab: index, firstSheet: 0, visibility: "visible" }));
}

/** Whether the worksheet is our seal: very hidden, and its A/B columns hold a seal readSeal reads. */
function isOurSeal(ws: ExcelJS.Worksheet): boolean {
  if (ws.state !== "veryHidden") return false;
  const rows: CellValue[][] = [];
  ws.eachRow((row, r) => {
    rows[r - 1] = [plainValue(row.getCell(1).value), plainValue(row.getCell(2).value)];
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return readSeal({ sheets: [makeGrid(SEAL_SHEET, rows)], properties: {} }).ok;
}

/**
 * Adds the sheet to the workbook and returns the name it got. With `replace`, throws
 * SheetConflictError (before changing anything) when the sheet to replace is not our seal.
 */
export function addSpecToWorkbook(wb: ExcelJS.Workbook, spec: SheetSpec, options: WriteSheetOptions = {}): string {
  const wanted = safeSheetName(spec.name);
  let name: string;
  if (options.replace) {
    const existing = wb.worksheets.find((w) => w.name.toLowerCase() === wanted.toLowerCase());
    // Never delete a user's sheet that happens to be called 校验凭证.
    if (existing && !isOurSeal(existing)) throw new SheetConflictError(existing.name);
    if (existing) wb.removeWorksheet(existing.id);
    name = wanted;
  } else {
    name = uniqueSheetName(wb, wanted);
  }
  const ws = wb.addWorksheet(name, { state: spec.state });
  writeCells(ws, spec, options);
  writeLayout(ws, spec);
  writePrint(ws, spec);
  if (spec.activate && spec.state === "visible") activate(wb, ws);
  return name;
}

/**
 * A copy of the user's workbook with the sheets added; returns the new file's bytes and the names
 * the sheets got. The original bytes are only read. (The caller has read them already, so bytes
 * that do not load are a bug and throw.)
 */
export async function addSheetsToCopy(
  original: Uint8Array,
  specs: readonly SheetSpec[],
  options: WriteSheetOptions = {},
): Promise<{ bytes: Uint8Array; names: string[] }> {
  const loaded = await loadWorkbook(original);
  if (!loaded.ok) throw new WorkbookLoadError(loaded.problem);
  const wb = loaded.value;
  const names = specs.map((spec) => addSpecToWorkbook(wb, spec, options));
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), names };
}

/** A new workbook holding only these sheets (a 公示表 must not travel with the roster's IDs). */
export async function specsToWorkbook(
  specs: readonly SheetSpec[],
  options: WriteSheetOptions = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const spec of specs) addSpecToWorkbook(wb, spec, options);
  if (wb.worksheets.length === 0) wb.addWorksheet("Sheet1");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
