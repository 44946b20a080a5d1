/**
 * Node-only streaming read of one sheet of a big .xlsx (100k rows and more) without loading the
 * workbook into memory.
 *
 * ExcelJS's WorkbookReader unzips the file, caches the shared strings and the styles, and hands
 * us each worksheet's XML stream. We parse that XML ourselves with ExcelJS's own SAX loop rather
 * than iterate ExcelJS's WorksheetReader rows, because that reader ignores what the engine needs
 * (row/column `hidden`, `<mergeCell>`, `<headerFooter>`, formula results other than str/number)
 * and builds a Row and Cell object per cell, which is where its time and memory go.
 *
 * What streaming cannot give (use readXlsx for it):
 * - notes (comments live in separate parts that the WorkbookReader skips);
 * - document properties (docProps/core.xml and app.xml are skipped too): `properties` is {};
 * - sheets whose part is not named xl/worksheets/sheetN.xml (the WorkbookReader only matches that).
 * Values, number formats, formulas (shared ones translated), merges, hidden rows and columns,
 * sheet state and header/footer are all there.
 */
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import parseSax from "exceljs/lib/utils/parse-sax";
import { slideFormula } from "exceljs/lib/utils/shared-formula";
import {
  type CellNote,
  type CellRange,
  type CellValue,
  type Grid,
  type WorkbookData,
  cellKey,
} from "../../core/grid/types";
import { type Result, fail, ok } from "../../core/result";
import {
  DATE1904_OFFSET,
  ZH_CN_BUILTIN_FORMATS,
  headerFooterText,
  isRecordedFormat,
  parseCellRef,
  parseRangeRef,
  serialFromDate,
} from "./cells";
import { type ReadProblem, indexOfBytes, sheetMissingProblem, sniffXlsx, unreadableProblem } from "./problems";

export interface ReadXlsxStreamOptions {
  /** The sheet to read; default: the first visible sheet in workbook order. */
  sheet?: string;
  /** Called about every 5000 rows with the number of rows read so far, and once at the end. */
  onProgress?: (rowsRead: number) => void;
}

const PROGRESS_EVERY = 5000;

/** The parts of ExcelJS's WorkbookReader we rely on beyond its .d.ts (internal fields, 4.4.0). */
interface ReaderInternals {
  sharedStrings?: unknown[];
  styles?: {
    getStyleModel(id: number): { numFmt?: string } | null;
    model?: { styles?: ({ numFmtId?: number } | undefined)[] };
  };
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: { name: string; state?: string; rId: string }[] };
  stream?: { destroy(): void };
}

interface SheetInternals {
  id: number | string;
  name?: string;
  state?: string;
  iterator: AsyncIterable<unknown>;
}

/** ExcelJS's own test for a date format: date/time letters outside quotes and brackets. */
function isDateFormat(format: string): boolean {
  return /[ymdhsb]/i.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

function sharedStringText(entry: unknown): string {
  if (typeof entry === "string") return entry;
  if (entry && typeof entry === "object" && "richText" in entry && Array.isArray(entry.richText)) {
    return (entry.richText as { text?: unknown }[])
      .map((run) => (typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  return "";
}

/**
 * Reads the head and tail of the file and says what is wrong with it, if anything, without
 * loading a big file: a zip's entry names sit in its central directory at the end.
 */
async function sniffFile(path: string, fileName: string): Promise<ReadProblem | null> {
  const { size } = await stat(path);
  if (size === 0) return sniffXlsx(new Uint8Array(0), fileName);
  const handle = await open(path, "r");
  try {
    const head = new Uint8Array(Math.min(size, 4096));
    await handle.read(head, 0, head.length, 0);
    const isZip = head[0] === 0x50 && head[1] === 0x4b;
    if (!isZip || size <= 2 * 1024 * 1024) {
      // Not a zip (CFB, HTML, text…) or small enough: let the in-memory sniffer look at all of it.
      const all = new Uint8Array(size);
      await handle.read(all, 0, size, 0);
      return sniffXlsx(all, fileName);
    }
    const tailLength = Math.min(size, 1024 * 1024);
    const tail = new Uint8Array(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const name = Uint8Array.from("xl/workbook.xml", (ch) => ch.charCodeAt(0));
    return indexOfBytes(tail, name) !== -1 ? null : sniffXlsx(head, fileName);
  } finally {
    await handle.close();
  }
}

class SheetParser {
  readonly rows: CellValue[][] = [];
  readonly formats = new Map<string, string>();
  readonly formulas = new Map<string, string>();
  readonly merges: CellRange[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  readonly headerFooter: string[] = [];
  rowsRead = 0;

  private readonly formatById = new Map<number, string | undefined>();
  private readonly sharedFormulas = new Map<string, { formula: string; ref: string }>();
  // Parse state.
  private inSheetData = false;
  private rowIndex = -1;
  private row: CellValue[] = [];
  private col = -1;
  private cell: {
    type: string;
    style: number;
    formula: string | null;
    shared: string | null;
    sharedRef: string | null;
  } | null = null;
  private text: string | null = null;
  private inlineText: string | null = null;
  private inPhonetic = false;
  private capture: "v" | "f" | "t" | "hf" | null = null;
  private hfText = "";

  constructor(
    private readonly sharedStrings: readonly unknown[],
    private readonly styles: ReaderInternals["styles"],
    private readonly date1904: boolean,
    private readonly onProgress?: (rowsRead: number) => void,
  ) {}

  private format(styleId: number): string | undefined {
    if (this.formatById.has(styleId)) return this.formatById.get(styleId);
    let format = this.styles?.getStyleModel(styleId)?.numFmt;
    if (format === undefined) {
      // ExcelJS knows no code for the locale-dependent built-in ids (31 = yyyy"年"m"月"d"日"…).
      const id = this.styles?.model?.styles?.[styleId]?.numFmtId;
      if (id !== undefined) format = ZH_CN_BUILTIN_FORMATS[id];
    }
    this.formatById.set(styleId, format);
    return format;
  }

  open(name: string, attributes: Record<string, string>): void {
    switch (name) {
      case "sheetData":
        this.inSheetData = true;
        break;
      case "row": {
        if (!this.inSheetData) break;
        const r = attributes.r !== undefined ? Number(attributes.r) - 1 : this.rowIndex + 1;
        this.rowIndex = r;
        this.row = [];
        this.col = -1;
        if (attributes.hidden === "1" || attributes.hidden === "true") this.hiddenRows.add(r);
        break;
      }
      case "c": {
        if (!this.inSheetData) break;
        const ref = attributes.r !== undefined ? parseCellRef(attributes.r) : null;
        this.col = ref ? ref.col : this.col + 1;
        this.cell = {
          type: attributes.t ?? "n",
          style: Number(attributes.s ?? 0),
          formula: null,
          shared: null,
          sharedRef: null,
        };
        this.text = null;
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
          this.text = "";
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
        }
        break;
      case "col": {
        if (this.inSheetData) break;
        if (attributes.hidden === "1" || attributes.hidden === "true") {
          const min = Number(attributes.min);
          const max = Number(attributes.max);
          // A hidden <col> may span to XFD (16384); keep the set small by capping at Excel's width.
          for (let c = min; c <= Math.min(max, 16384); c++) this.hiddenColumns.add(c - 1);
        }
        break;
      }
      case "mergeCell": {
        const range = attributes.ref !== undefined ? parseRangeRef(attributes.ref) : null;
        if (range) this.merges.push(range);
        break;
      }
      case "oddHeader":
      case "oddFooter":
      case "evenHeader":
      case "evenFooter":
      case "firstHeader":
      case "firstFooter":
        this.capture = "hf";
        this.hfText = "";
        break;
      default:
        break;
    }
  }

  onText(value: string): void {
    switch (this.capture) {
      case "v":
        this.text = (this.text ?? "") + value;
        break;
      case "f":
        if (this.cell) this.cell.formula = (this.cell.formula ?? "") + value;
        break;
      case "t":
        this.inlineText = (this.inlineText ?? "") + value;
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
      case "v":
      case "f":
      case "t":
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
        while (this.rows.length < this.rowIndex) this.rows.push([]);
        this.rows[this.rowIndex] = this.row;
        this.rowsRead++;
        if (this.onProgress && this.rowsRead % PROGRESS_EVERY === 0) this.onProgress(this.rowsRead);
        break;
      case "sheetData":
        this.inSheetData = false;
        break;
      case "oddHeader":
      case "oddFooter":
      case "evenHeader":
      case "evenFooter":
      case "firstHeader":
      case "firstFooter": {
        this.capture = null;
        const text = headerFooterText(this.hfText);
        if (text !== "") this.headerFooter.push(text);
        break;
      }
      default:
        break;
    }
  }

  private finishCell(): void {
    const cell = this.cell;
    this.cell = null;
    if (!cell) return;
    const r = this.rowIndex;
    const c = this.col;
    const key = cellKey(r, c);
    const format = cell.style ? this.format(cell.style) : undefined;
    if (isRecordedFormat(format)) this.formats.set(key, format);

    if (cell.formula !== null) {
      let formula = cell.formula;
      if (cell.shared !== null) {
        const address = `${columnLetters(c)}${r + 1}`;
        const master = this.sharedFormulas.get(cell.shared);
        if (formula !== "" && cell.sharedRef !== null) {
          this.sharedFormulas.set(cell.shared, { formula, ref: address });
        } else if (master) {
          formula = slideFormula(master.formula, master.ref, address);
        }
      }
      if (formula !== "") this.formulas.set(key, formula);
    }

    let value: CellValue = null;
    const text = this.text;
    switch (cell.type) {
      case "s": {
        const index = text !== null ? Number(text) : NaN;
        value = Number.isInteger(index) ? sharedStringText(this.sharedStrings[index]) : null;
        break;
      }
      case "inlineStr":
        value = this.inlineText ?? text;
        break;
      case "str":
        value = text;
        break;
      case "e":
        value = text;
        break;
      case "b":
        value = text === null ? null : Number(text) !== 0;
        break;
      case "d": {
        // Strict OOXML ISO dates (rare): the instant's UTC serial.
        const date =
          text !== null ? new Date(text.endsWith("Z") || /[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`) : null;
        value = date ? serialFromDate(date) : null;
        break;
      }
      default: {
        if (text === null || text === "") break;
        const number = parseFloat(text);
        if (Number.isNaN(number)) break;
        // A 1904-system workbook: dates are 1462 days smaller; the Grid speaks the 1900 system.
        value = this.date1904 && format !== undefined && isDateFormat(format) ? number + DATE1904_OFFSET : number;
        break;
      }
    }
    // An empty text (a ="" formula, an empty shared string) shows nothing: null, as in readXlsx.
    if (value !== null && value !== "") {
      while (this.row.length < c) this.row.push(null);
      this.row[c] = value;
    }
  }

  toGrid(name: string, state: Grid["state"]): Grid {
    while (this.rows.length > 0 && (this.rows[this.rows.length - 1]?.length ?? 0) === 0) this.rows.pop();
    const notes: CellNote[] = [];
    return {
      name,
      rows: this.rows,
      formats: this.formats,
      formulas: this.formulas,
      merges: this.merges.sort((a, b) => a.top - b.top || a.left - b.left),
      hiddenRows: this.hiddenRows,
      hiddenColumns: this.hiddenColumns,
      state,
      notes,
      headerFooter: this.headerFooter,
    };
  }
}

function columnLetters(col: number): string {
  let n = col + 1;
  let name = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function sheetState(state: string | undefined): Grid["state"] {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/** Errors from unzipping/parsing a damaged file are expected; TypeError/RangeError are our bugs. */
function isBug(error: unknown): boolean {
  return error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError;
}

export async function readXlsxStream(
  path: string,
  options: ReadXlsxStreamOptions = {},
): Promise<Result<WorkbookData, ReadProblem>> {
  const fileName = basename(path);
  const problem = await sniffFile(path, fileName);
  if (problem) return fail(problem);

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    // "cache" parses styles.xml once (a few KB) so number formats ("@", dates) survive; the
    // per-cell cost is a Map lookup by style id. Measured: no measurable difference to "ignore".
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const internals = reader as unknown as ReaderInternals;
  const seen: string[] = [];
  let grid: Grid | null = null;
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as SheetInternals;
      const sheets = internals.model?.sheets ?? [];
      const name = sheet.name ?? `Sheet${String(sheet.id)}`;
      seen.push(name);
      // The reader emits sheets in zip order; the workbook's own order (and which sheet is the
      // first visible one) comes from workbook.xml, which Excel writes before the sheets. Files
      // that put the sheets first are deferred to temp files by ExcelJS, so the order is known
      // here too. Sheets we skip are drained unparsed.
      const target = options.sheet ?? sheets.find((s) => sheetState(s.state) === "visible")?.name ?? name;
      if (name !== target) continue;
      const parser = new SheetParser(
        internals.sharedStrings ?? [],
        internals.styles,
        internals.properties?.model?.date1904 === true,
        options.onProgress,
      );
      for await (const events of parseSax(sheet.iterator)) {
        for (const event of events) {
          if (event.eventType === "opentag") parser.open(event.value.name, event.value.attributes);
          else if (event.eventType === "text") parser.onText(event.value);
          else parser.close(event.value.name);
        }
      }
      options.onProgress?.(parser.rowsRead);
      grid = parser.toGrid(name, sheetState(sheet.state));
      break;
    }
  } catch (error) {
    if (isBug(error)) throw error;
    return fail(unreadableProblem(fileName, error instanceof Error ? error.message : String(error)));
  } finally {
    // Breaking out early leaves the zip stream open: close the file.
    internals.stream?.destroy();
  }
  if (!grid) {
    const names = internals.model?.sheets?.map((s) => s.name) ?? seen;
    return fail(sheetMissingProblem(fileName, options.sheet ?? "（第一个可见工作表）", names));
  }
  return ok({ sheets: [grid], properties: {} });
}
