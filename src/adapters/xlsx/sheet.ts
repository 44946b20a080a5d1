/**
 * One worksheet part (<worksheet>…<sheetData>…) parsed from SAX events into the engine's Grid:
 * values as Excel shows them, number formats, formulas (shared ones translated), merges, hidden
 * rows and columns, header and footer. The in-memory reader feeds it a part held in memory, the
 * streaming reader a part inflated chunk by chunk. Browser-safe.
 *
 * Written to the standard and to what writers really emit: rows and cells without `r` (numbered
 * after the previous one), rows out of order, `hidden="false"` (LibreOffice), empty trailing
 * rows up to row 1,048,576, `t="d"` ISO dates, booleans written as words.
 */
import { slideFormula } from "exceljs/lib/utils/shared-formula";
import { type CellNote, type CellRange, type CellValue, type Grid, cellKey, columnName } from "../../core";
import {
  dateSerialAsExcelJs,
  headerFooterText,
  isDateFormat,
  isRecordedFormat,
  parseCellRef,
  parseRangeRef,
  serialFromDate,
} from "./cells";
import type { StylesParser } from "./parts";
import { XmlError, type XmlHandler, decodeXstring } from "./xml";

/** Excel's sheet size: rows 1…1,048,576, columns A…XFD. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

const PROGRESS_EVERY = 5000;
/** The header and footer parts of <headerFooter>; their text is captured alike. */
const HEADER_FOOTER_TAGS: ReadonlySet<string> = new Set([
  "oddHeader",
  "oddFooter",
  "evenHeader",
  "evenFooter",
  "firstHeader",
  "firstFooter",
]);

/** Counts shared by every sheet of one read: rows for progress, cells for the cap; the merge cap per sheet. */
export interface ReadTally {
  rows: number;
  cells: number;
  readonly maxCells: number;
  /** Merged ranges one sheet may declare. */
  readonly maxMerges: number;
  readonly onProgress?: (rowsRead: number) => void;
}

/**
 * Merged ranges one sheet may declare (ReadLimits.maxMerges). Excel's own workbooks have tens or thousands; each range
 * kept costs about 80 bytes, so a few megabytes of zipped <mergeCell> elements cannot take
 * gigabytes.
 */
export const MAX_MERGES = 1_000_000;

/**
 * Entries a JavaScript Map holds at most (V8: 2^24); past it, set() throws a RangeError. The
 * formats and formulas of one sheet stay below it, whatever maxCells allows.
 */
const MAX_MAP_ENTRIES = 16_000_000;

/**
 * More cells hold values or formulas (`what: "cells"`), or more ranges are merged
 * (`what: "merges"`), than the read allows: the reader stops (memory stays bounded).
 */
export class CellLimitError extends Error {
  override name = "CellLimitError";
  constructor(
    readonly sheet: string,
    readonly limit: number,
    readonly what: "cells" | "merges" = "cells",
  ) {
    super(`more than ${limit} ${what}`);
  }
}

export { isDateFormat } from "./cells";

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The 1900-system serial of a `t="d"` cell (ISO 8601, Strict OOXML and some exporters). The
 * wall-clock date and time are what the cell shows; a zone suffix is ignored, as Excel does.
 */
function serialFromIso(text: string): number | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), 0) + Number(s ?? 0) * 1000;
  return serialFromDate(new Date(ms));
}

interface CellStyle {
  format: string | undefined;
  isDate: boolean;
}

const NO_STYLE: CellStyle = { format: undefined, isDate: false };

interface OpenCell {
  type: string;
  style: number;
  formula: string | null;
  shared: string | null;
  sharedRef: string | null;
}

/** Sorted, disjoint, non-adjacent ranges covering the same columns (at most 8,192 within 16,384 columns). */
function mergeRanges(ranges: readonly [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [first, last] of sorted) {
    const previous = out[out.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else out.push([first, last]);
  }
  return out;
}

/** The columns of the ranges, in order (each at most once: at most 16,384). */
function expandRanges(ranges: readonly [number, number][]): Set<number> {
  const columns = new Set<number>();
  for (const [first, last] of mergeRanges(ranges)) for (let c = first; c <= last; c++) columns.add(c);
  return columns;
}

export class SheetParser implements XmlHandler {
  private readonly rows: CellValue[][] = [];
  private readonly formats = new Map<string, string>();
  private readonly formulas = new Map<string, string>();
  private readonly merges: CellRange[] = [];
  private readonly hiddenRows = new Set<number>();
  /** Hidden column ranges (0-based, inclusive) as declared, merged and expanded once in toGrid(). */
  private hiddenColumnRanges: [number, number][] = [];
  private readonly headerFooter: string[] = [];

  private readonly styleById = new Map<number, CellStyle>();
  private readonly sharedFormulas = new Map<string, { formula: string; ref: string }>();
  // Parse state.
  private inSheetData = false;
  private rowIndex = -1;
  private rowFromCell = false;
  private row: CellValue[] = [];
  private col = -1;
  private cell: OpenCell | null = null;
  private value: string | null = null;
  private inlineText: string | null = null;
  /** The text of the current inline <t>, decoded (`_x000D_` escapes) when it closes. */
  private inlineRun = "";
  private inPhonetic = false;
  private capture: "v" | "f" | "t" | "hf" | null = null;
  private hfText = "";

  constructor(
    private readonly name: string,
    private readonly sharedStrings: readonly string[],
    private readonly styles: StylesParser | null,
    private readonly date1904: boolean,
    private readonly tally: ReadTally,
  ) {}

  /** A date-formatted number as readXlsx always gave it (dateSerialAsExcelJs). */
  private dateSerial(serial: number): number | null {
    return dateSerialAsExcelJs(serial, this.date1904);
  }

  /** A cell style's number format, and whether it is a date format (asked once per style, not per cell). */
  private style(styleId: number): CellStyle {
    let style = this.styleById.get(styleId);
    if (!style) {
      const format = this.styles?.format(styleId);
      // Asked of the code as written: an escaped letter (0.0\h) is literal text, not a date code.
      style = { format, isDate: format !== undefined && (this.styles?.isDate(styleId) ?? isDateFormat(format)) };
      this.styleById.set(styleId, style);
    }
    return style;
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    switch (name) {
      case "sheetData":
        this.inSheetData = true;
        break;
      case "row": {
        if (!this.inSheetData) break;
        const n = attributes.r !== undefined ? Number(attributes.r) : NaN;
        // A row without (or with an unusable) r follows the previous one.
        const r = Number.isInteger(n) && n >= 1 ? n - 1 : this.rowIndex + 1;
        if (r >= EXCEL_MAX_ROWS) throw new XmlError(`row ${r + 1} is beyond Excel's ${EXCEL_MAX_ROWS} rows`);
        this.rowIndex = r;
        this.rowFromCell = attributes.r === undefined;
        this.row = [];
        this.col = -1;
        if (isTrue(attributes.hidden)) this.hiddenRows.add(r);
        break;
      }
      case "c": {
        if (!this.inSheetData) break;
        const ref = attributes.r !== undefined ? parseCellRef(attributes.r) : null;
        this.col = ref ? ref.col : this.col + 1;
        // A <row> without r takes its number from its first cell's reference, when there is one.
        if (ref && this.rowFromCell && ref.row < EXCEL_MAX_ROWS) this.rowIndex = ref.row;
        this.rowFromCell = false;
        this.cell = {
          type: attributes.t ?? "n",
          style: Number(attributes.s ?? 0),
          formula: null,
          shared: null,
          sharedRef: null,
        };
        this.value = null;
        this.inlineText = null;
        break;
      }
      case "f":
        if (!this.cell) break;
        this.capture = "f";
        this.cell.formula = "";
        if (attributes.t === "shared" && attributes.si !== undefined) {
          this.cell.shared = attributes.si;
          this.cell.sharedRef = attributes.ref ?? null;
        }
        break;
      case "v":
        if (this.cell) {
          this.capture = "v";
          this.value = "";
        }
        break;
      case "rPh":
        this.inPhonetic = true;
        break;
      case "t":
        // Inline string text (<is><t>… or rich runs <is><r><t>…); phonetic guides are not shown text.
        if (this.cell && !this.inPhonetic) {
          this.capture = "t";
          this.inlineText ??= "";
          this.inlineRun = "";
        }
        break;
      case "col": {
        if (this.inSheetData) break;
        if (isTrue(attributes.hidden)) {
          // A hidden <col> may span to XFD (16384), and a sheet may repeat it any number of times:
          // ranges are kept (merged as they come) and expanded once, capped at Excel's width.
          const min = Math.max(1, Number(attributes.min));
          const max = Math.min(EXCEL_MAX_COLUMNS, Number(attributes.max));
          if (Number.isInteger(min) && Number.isInteger(max) && min <= max) this.hideColumns(min - 1, max - 1);
        }
        break;
      }
      case "mergeCell": {
        const range = attributes.ref !== undefined ? parseRangeRef(attributes.ref) : null;
        if (range) {
          const limit = this.tally.maxMerges;
          if (this.merges.length >= limit) throw new CellLimitError(this.name, limit, "merges");
          this.merges.push(range);
        }
        break;
      }
      default:
        if (HEADER_FOOTER_TAGS.has(name)) {
          this.capture = "hf";
          this.hfText = "";
        }
        break;
    }
  }

  text(value: string): void {
    switch (this.capture) {
      case "v":
        this.value = (this.value ?? "") + value;
        break;
      case "f":
        if (this.cell) this.cell.formula = (this.cell.formula ?? "") + value;
        break;
      case "t":
        this.inlineRun += value;
        break;
      case "hf":
        this.hfText += value;
        break;
      default:
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case "t":
        if (this.capture === "t") {
          this.inlineText = (this.inlineText ?? "") + decodeXstring(this.inlineRun);
          this.inlineRun = "";
          this.capture = null;
        }
        break;
      case "v":
      case "f":
        this.capture = null;
        break;
      case "rPh":
        this.inPhonetic = false;
        break;
      case "c":
        this.finishCell();
        break;
      case "row":
        if (!this.inSheetData) break;
        // Empty rows (declared for a height or a style, up to row 1,048,576) take no memory.
        if (this.row.length > 0) {
          while (this.rows.length < this.rowIndex) this.rows.push([]);
          this.rows[this.rowIndex] = this.row;
        }
        this.tally.rows++;
        if (this.tally.onProgress && this.tally.rows % PROGRESS_EVERY === 0) this.tally.onProgress(this.tally.rows);
        break;
      case "sheetData":
        this.inSheetData = false;
        break;
      default:
        if (HEADER_FOOTER_TAGS.has(name)) {
          this.capture = null;
          const text = headerFooterText(this.hfText);
          if (text !== "") this.headerFooter.push(text);
        }
        break;
    }
  }

  private finishCell(): void {
    const cell = this.cell;
    this.cell = null;
    if (!cell) return;
    const r = Math.max(this.rowIndex, 0);
    const c = this.col;
    if (c >= EXCEL_MAX_COLUMNS) throw new XmlError(`column ${c + 1} is beyond Excel's ${EXCEL_MAX_COLUMNS} columns`);
    const style = cell.style ? this.style(cell.style) : NO_STYLE;
    const format = style.format;
    // Whether this cell is kept in the grid (a value, a formula): each such cell counts against maxCells.
    let recorded = false;

    if (cell.formula !== null) {
      let formula = cell.formula;
      if (cell.shared !== null) {
        const address = `${columnName(c)}${r + 1}`;
        const master = this.sharedFormulas.get(cell.shared);
        if (formula !== "" && cell.sharedRef !== null) {
          this.sharedFormulas.set(cell.shared, { formula, ref: address });
        } else if (master) {
          formula = slideFormula(master.formula, master.ref, address);
        }
      }
      if (formula !== "") {
        if (this.formulas.size >= MAX_MAP_ENTRIES) throw new CellLimitError(this.name, MAX_MAP_ENTRIES);
        this.formulas.set(cellKey(r, c), formula);
        recorded = true;
      }
    }

    let value: CellValue = null;
    const text = this.value;
    switch (cell.type) {
      case "s": {
        const index = text !== null ? Number(text) : NaN;
        value = Number.isInteger(index) ? (this.sharedStrings[index] ?? null) : null;
        break;
      }
      case "inlineStr":
        value = this.inlineText ?? text;
        break;
      case "str":
      case "e":
        value = text;
        break;
      case "b":
        value =
          text === null || text.trim() === "" ? null : text.trim() === "1" || text.trim().toLowerCase() === "true";
        break;
      case "d":
        value = text !== null ? serialFromIso(text) : null;
        break;
      default: {
        if (text === null || text === "") break;
        const number = parseFloat(text);
        if (Number.isNaN(number)) break;
        value = style.isDate ? this.dateSerial(number) : number;
        break;
      }
    }
    // An empty text (a ="" formula, an empty shared string) shows nothing: null, like an empty cell.
    if (value !== null && value !== "") {
      while (this.row.length < c) this.row.push(null);
      this.row[c] = value;
      // Formats of cells that show a value, as the Office.js adapter and ExcelJS reported them:
      // a column formatted as text down to row 1,048,576 must not fill the map.
      if (isRecordedFormat(format)) {
        if (this.formats.size >= MAX_MAP_ENTRIES) throw new CellLimitError(this.name, MAX_MAP_ENTRIES);
        this.formats.set(cellKey(r, c), format);
      }
      recorded = true;
    }
    // Formulas without a cached value (written by programs) count too: they fill the formulas map.
    if (recorded && ++this.tally.cells > this.tally.maxCells) throw new CellLimitError(this.name, this.tally.maxCells);
  }

  /** Records hidden columns first…last (0-based), keeping at most about 2 × 16,384 ranges. */
  private hideColumns(first: number, last: number): void {
    const ranges = this.hiddenColumnRanges;
    const previous = ranges[ranges.length - 1];
    if (previous && first <= previous[1] + 1 && last >= previous[0] - 1) {
      previous[0] = Math.min(previous[0], first);
      previous[1] = Math.max(previous[1], last);
      return;
    }
    ranges.push([first, last]);
    if (ranges.length > 2 * EXCEL_MAX_COLUMNS) this.hiddenColumnRanges = mergeRanges(ranges);
  }

  /** The finished grid; `notes` come from the sheet's comments part. */
  toGrid(state: Grid["state"], notes: CellNote[] = []): Grid {
    const rows = this.rows;
    // The covered cells of a merge show nothing in Excel, whatever a writer left in them.
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
        const row = rows[r];
        if (!row) continue;
        for (let c = m.left; c <= m.right && c < row.length; c++) {
          if (r !== m.top || c !== m.left) row[c] = null;
        }
        while (row.length > 0 && row[row.length - 1] === null) row.pop();
      }
    }
    while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
    return {
      name: this.name,
      rows,
      formats: this.formats,
      formulas: this.formulas,
      merges: this.merges.sort((a, b) => a.top - b.top || a.left - b.left),
      hiddenRows: this.hiddenRows,
      hiddenColumns: expandRanges(this.hiddenColumnRanges),
      state,
      notes,
      headerFooter: this.headerFooter,
    };
  }
}
