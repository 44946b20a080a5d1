/**
 * Reads a whole .xlsx from its bytes into the engine's WorkbookData. Runs in the browser
 * (standalone page, task pane) and in Node: bytes in, data out; the CLI does file I/O. For very
 * large files in Node, stream.node.ts reads sheets with a fraction of the memory.
 *
 * The package is unzipped with fflate and its parts parsed by package.ts (shared with the
 * streaming reader), not by ExcelJS: measured on the writers' corpus (tests/fixtures/xlsx-corpus),
 * ExcelJS 4.4.0 rejected or misread 8 of 25 valid files (openpyxl comments, namespace prefixes,
 * rows without r, sheet parts not named sheetN.xml, t="d" dates, date1904="true"…). ExcelJS is
 * still what loadWorkbook() returns, for writing fixes and new sheets into the user's file.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { CellValue, WorkbookData } from "../../core/grid/types";
import { type Result, fail, ok } from "../../core/result";
import { serialFromDate } from "./cells";
import {
  DEFAULT_LIMITS,
  type PackageEntry,
  type PackageSource,
  type ReadLimits,
  ZipError,
  inMemoryLimitPassed,
  readPackage,
} from "./package";
import {
  type ReadProblem,
  sniffXlsx,
  tooLargeProblem,
  unreadableProblem,
  writeUnsupportedProblem,
  zipEnd,
} from "./problems";
import { type XmlHandler, parseXmlBytes } from "./xml";

export type { ReadProblem, ReadProblemCode } from "./problems";

export interface ReadXlsxOptions {
  /** Read only these sheets (by name, in workbook order); a name that does not exist is a problem. */
  sheets?: string[];
  /** The file's name, used in problem messages (“花名册.xlsx”). */
  fileName?: string;
  /** Lower limits than DEFAULT_LIMITS (tests; a host with less memory). */
  limits?: Partial<ReadLimits>;
}

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

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

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The zip held in memory: fflate lists the central directory, then inflates one part at a time. */
class MemorySource implements PackageSource {
  readonly streamsSheets = false;
  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly PackageEntry[],
  ) {}

  /** Lists the entries from the central directory without inflating any (ZipError when it is damaged). */
  static open(data: Uint8Array): MemorySource {
    // Trailing junk after the zip's end record (padding, an appended signature) is ignored, as Excel does.
    const end = zipEnd(data);
    const bytes = end !== null && end < data.length ? data.subarray(0, end) : data;
    const entries: PackageEntry[] = [];
    try {
      unzipSync(bytes, {
        filter: (file) => {
          entries.push({ name: file.name, compressed: file.size, uncompressed: file.originalSize });
          return false;
        },
      });
    } catch (error) {
      throw new ZipError(message(error));
    }
    return new MemorySource(bytes, entries);
  }

  parse(entry: PackageEntry, handler: XmlHandler): Promise<void> {
    let data: Uint8Array | undefined;
    try {
      // fflate inflates into a buffer of the declared size and never past it: a part whose data
      // inflates to more than its central directory says is cut there, not allowed to grow.
      data = unzipSync(this.bytes, { filter: (file) => file.name === entry.name })[entry.name];
    } catch (error) {
      throw new ZipError(message(error));
    }
    if (!data) throw new ZipError(`${entry.name} 无法解压`);
    parseXmlBytes(data, handler);
    return Promise.resolve();
  }
}

function openSource(bytes: Uint8Array, fileName: string | undefined): Result<MemorySource, ReadProblem> {
  const problem = sniffXlsx(bytes, fileName);
  if (problem) return fail(problem);
  try {
    return ok(MemorySource.open(bytes));
  } catch (error) {
    if (error instanceof ZipError) return fail(unreadableProblem(fileName, error.message));
    throw error;
  }
}

export async function readXlsx(
  data: ArrayBuffer | Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<Result<WorkbookData, ReadProblem>> {
  const source = openSource(toBytes(data), options.fileName);
  if (!source.ok) return source;
  return readPackage(source.value, {
    fileName: options.fileName,
    sheets: options.sheets ?? "all",
    notes: true,
    properties: true,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  });
}

/**
 * Loads the bytes into an ExcelJS workbook (to write fixes or sheets into the user's file), or
 * says in Chinese why they cannot be. The package's declared sizes are checked first: ExcelJS
 * inflates everything at once.
 */
export async function loadWorkbook(
  data: ArrayBuffer | Uint8Array,
  fileName?: string,
): Promise<Result<ExcelJS.Workbook, ReadProblem>> {
  const bytes = toBytes(data);
  const source = openSource(bytes, fileName);
  if (!source.ok) return source;
  const passed = inMemoryLimitPassed(source.value.entries);
  if (passed) return fail(tooLargeProblem(fileName, passed));
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's load() accepts a Buffer in Node and an ArrayBuffer/Uint8Array in the browser (JSZip);
    // the cast is only for its Node-flavoured .d.ts. JSZip reads the bytes, it never writes them.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    // ExcelJS 4.4.0 throws TypeErrors on valid files from other writers (comments at absolute
    // targets, prefixed XML, rows without r): damaged only if our own reader fails too.
    const read = await readXlsx(bytes, { fileName });
    return fail(read.ok ? writeUnsupportedProblem(fileName, message(error)) : read.problem);
  }
  return ok(workbook);
}
