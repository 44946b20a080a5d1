/**
 * Reads a whole .xlsx from its bytes with ExcelJS into the engine's WorkbookData. Runs in the
 * browser (standalone page, task pane) and in Node: bytes in, data out; the CLI does file I/O.
 * For very large files in Node, stream.node.ts reads one sheet with a fraction of the memory.
 */
import ExcelJS from "exceljs";
import {
  type CellNote,
  type CellRange,
  type CellValue,
  type Grid,
  type WorkbookData,
  cellKey,
} from "../../core/grid/types";
import { type Result, fail, ok } from "../../core/result";
import { headerFooterText, isRecordedFormat, parseRangeRef, serialFromDate } from "./cells";
import { type ReadProblem, sheetMissingProblem, sniffXlsx, unreadableProblem } from "./problems";

export type { ReadProblem, ReadProblemCode } from "./problems";

export interface ReadXlsxOptions {
  /** Read only these sheets (by name, in workbook order); a name that does not exist is a problem. */
  sheets?: string[];
  /** The file's name, used in problem messages (“花名册.xlsx”). */
  fileName?: string;
}

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** ExcelJS's ValueType enum, as values (the .d.ts declares it `declare enum`, so it has no runtime import). */
const VT = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  RichText: 8,
  Boolean: 9,
  Error: 10,
};

type RawValue = ExcelJS.CellValue | { richText: ExcelJS.RichText[] } | Record<string, unknown>;

/** The value Excel shows for an ExcelJS cell value (formula → its cached result). */
export function plainValue(value: RawValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value !== "object") return null;
  if ("richText" in value && Array.isArray(value.richText)) {
    return (value.richText as { text?: unknown }[])
      .map((run) => (typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  if ("error" in value && typeof value.error === "string") return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    // A formula never calculated (written by a program) has no cached result: Excel shows it blank until recalculation.
    return "result" in value ? plainValue(value.result as RawValue) : null;
  }
  if ("hyperlink" in value) return "text" in value ? plainValue(value.text as RawValue) : null;
  if ("text" in value) return plainValue(value.text as RawValue);
  return null;
}

function noteText(note: string | ExcelJS.Comment | undefined): string {
  if (note === undefined || note === null) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((run) => run.text).join("");
}

const PROPERTY_KEYS = [
  "title",
  "subject",
  "creator",
  "keywords",
  "description",
  "category",
  "company",
  "manager",
  "lastModifiedBy",
] as const;

function documentProperties(workbook: ExcelJS.Workbook): Record<string, string> {
  const props: Record<string, string> = {};
  for (const key of PROPERTY_KEYS) {
    const value: unknown = workbook[key];
    if (typeof value === "string" && value.trim() !== "") props[key] = value;
  }
  // ExcelJS exposes contentStatus and language only on the model (and does not read docProps/custom.xml at all).
  const extra = workbook as unknown as { contentStatus?: unknown; language?: unknown };
  if (typeof extra.contentStatus === "string" && extra.contentStatus.trim() !== "")
    props.contentStatus = extra.contentStatus;
  if (typeof extra.language === "string" && extra.language.trim() !== "") props.language = extra.language;
  return props;
}

/** Merges without `worksheet.model` (which serialises every row: slow on 100k rows). */
function mergeRanges(worksheet: ExcelJS.Worksheet): CellRange[] {
  // Host quirk: ExcelJS keeps merges in the private `_merges` map (master address → Range);
  // the public `model.merges` rebuilds the whole sheet model to get at them.
  const merges = (worksheet as unknown as { _merges?: Record<string, { range?: string } | undefined> })._merges ?? {};
  const ranges: CellRange[] = [];
  for (const merge of Object.values(merges)) {
    const range = merge?.range ? parseRangeRef(merge.range) : null;
    if (range) ranges.push(range);
  }
  return ranges.sort((a, b) => a.top - b.top || a.left - b.left);
}

function readSheet(worksheet: ExcelJS.Worksheet): Grid {
  const rows: CellValue[][] = [];
  const formats = new Map<string, string>();
  const formulas = new Map<string, string>();
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  const notes: CellNote[] = [];

  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.add(r);
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const type = cell.type as number;
      // The covered cells of a merge show nothing in Excel; ExcelJS reports the master's value there.
      const value = type === VT.Merge ? null : plainValue(cell.value as RawValue);
      // An empty text (a ="" formula, an empty shared string) shows nothing: null, like an empty cell.
      if (value !== null && value !== "") {
        while (values.length < c) values.push(null);
        values[c] = value;
      }
      const format = cell.numFmt;
      if (isRecordedFormat(format)) formats.set(cellKey(r, c), format);
      if (type === VT.Formula) formulas.set(cellKey(r, c), cell.formula);
      const note = noteText(cell.note);
      if (note !== "") notes.push({ row: r, col: c, text: note });
    });
    while (rows.length < r) rows.push([]);
    rows[r] = values;
  });
  // Rows end at the last row holding a value; trailing empty-but-styled rows are dropped.
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();

  const columns = (worksheet.columns ?? []) as (ExcelJS.Column | undefined)[];
  columns.forEach((column, c) => {
    if (column?.hidden) hiddenColumns.add(c);
  });

  const headerFooter: string[] = [];
  const hf = worksheet.headerFooter ?? {};
  for (const key of ["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"] as const) {
    const raw = hf[key];
    const text = typeof raw === "string" ? headerFooterText(raw) : "";
    if (text !== "") headerFooter.push(text);
  }

  return {
    name: worksheet.name,
    rows,
    formats,
    formulas,
    merges: mergeRanges(worksheet),
    hiddenRows,
    hiddenColumns,
    state: worksheet.state === "hidden" || worksheet.state === "veryHidden" ? worksheet.state : "visible",
    notes,
    headerFooter,
  };
}

/** Loads the bytes into an ExcelJS workbook, or says in Chinese why they cannot be. */
export async function loadWorkbook(
  data: ArrayBuffer | Uint8Array,
  fileName?: string,
): Promise<Result<ExcelJS.Workbook, ReadProblem>> {
  const bytes = toBytes(data);
  const problem = sniffXlsx(bytes, fileName);
  if (problem) return fail(problem);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's load() accepts a Buffer in Node and an ArrayBuffer/Uint8Array in the browser (JSZip);
    // the cast is only for its Node-flavoured .d.ts. JSZip reads the bytes, it never writes them.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    // A zip holding xl/workbook.xml that ExcelJS still cannot parse: damaged or non-standard.
    return fail(unreadableProblem(fileName, error instanceof Error ? error.message : String(error)));
  }
  return ok(workbook);
}

export async function readXlsx(
  data: ArrayBuffer | Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<Result<WorkbookData, ReadProblem>> {
  const loaded = await loadWorkbook(data, options.fileName);
  if (!loaded.ok) return loaded;
  const workbook = loaded.value;
  const worksheets = workbook.worksheets;
  let chosen = worksheets;
  if (options.sheets) {
    const names = worksheets.map((ws) => ws.name);
    const missing = options.sheets.find((name) => !names.includes(name));
    if (missing !== undefined) return fail(sheetMissingProblem(options.fileName, missing, names));
    const wanted = new Set(options.sheets);
    chosen = worksheets.filter((ws) => wanted.has(ws.name));
  }
  return ok({ sheets: chosen.map(readSheet), properties: documentProperties(workbook) });
}
