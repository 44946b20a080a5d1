/**
 * Reads an .xlsx from its bytes into the engine's WorkbookData. Runs in the browser (standalone
 * page, task pane, a Web Worker) and in Node: bytes in, data out; the CLI does file I/O. The
 * package's bytes are in memory, but each part is inflated and parsed chunk by chunk as
 * stream.node.ts does from a file, so a sheet's XML is never held whole: memory is the zipped
 * bytes, the grids and the parts kept as data (shared strings, styles).
 *
 * The package is unzipped with fflate and its parts parsed by package.ts (shared with the
 * streaming reader), not by ExcelJS: measured on the writers' corpus (tests/fixtures/xlsx-corpus),
 * ExcelJS 4.4.0 rejected or misread 8 of 25 valid files (openpyxl comments, namespace prefixes,
 * rows without r, sheet parts not named sheetN.xml, t="d" dates, date1904="true"…). ExcelJS is
 * still what loadWorkbook() returns, for writing fixes and new sheets into the user's file.
 */
import ExcelJS from "exceljs";
import { Inflate, unzipSync } from "fflate";
import { type CellValue, type WorkbookData, type Result, fail, ok } from "../../core";
import { serialFromDate } from "./cells";
import {
  type PackageEntry,
  type PackageSource,
  READ_XLSX_LIMITS,
  type ReadLimits,
  ZipError,
  duplicatePart,
  duplicatePartProblem,
  inMemoryLimitPassed,
  readPackage,
} from "./package";
import {
  type ReadProblem,
  sizeText,
  sniffXlsx,
  tooLargeProblem,
  unreadableProblem,
  writeUnsupportedProblem,
  zipEnd,
} from "./problems";
import { PartDecoder, type XmlHandler, xmlSink } from "./xml";

export type { ReadProblem, ReadProblemCode } from "./problems";

export interface ReadXlsxOptions {
  /**
   * Which sheets: "all" (default, workbook order), "first-visible" (the one `zizhu check` streams
   * from a big file), or these names (in workbook order; a name that does not exist is a problem).
   */
  sheets?: "all" | "first-visible" | readonly string[];
  /** The file's name, used in problem messages (“花名册.xlsx”). */
  fileName?: string;
  /** Called about every 5000 rows with the number of rows read so far (all sheets), and once at the end. */
  onProgress?: (rowsRead: number) => void;
  /**
   * Asked before each part and between inflated chunks (every 16 KB of zipped data, 1 MB of a
   * stored part): true stops the read, and readXlsx rejects with ReadCancelled.
   */
  shouldStop?: () => boolean;
  /** Other limits than READ_XLSX_LIMITS (tests; a host with less memory). */
  limits?: Partial<ReadLimits>;
}

/** The read was stopped by `shouldStop` (the user cancelled): not a problem of the file. */
export class ReadCancelled extends Error {
  override name = "ReadCancelled";
  constructor() {
    super("已取消读取");
  }
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

/** Where an entry's data sits in the zip, and how it is stored. */
interface EntryData {
  start: number;
  size: number;
  method: number;
}

const u16 = (d: Uint8Array, i: number): number => (d[i] ?? 0) | ((d[i + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, i: number): number =>
  ((d[i] ?? 0) | ((d[i + 1] ?? 0) << 8) | ((d[i + 2] ?? 0) << 16) | ((d[i + 3] ?? 0) << 24)) >>> 0;
const u64 = (d: Uint8Array, i: number): number => u32(d, i) + u32(d, i + 4) * 0x100000000;

/**
 * The data of each central-directory entry, in the order fflate's unzipSync lists them: the same
 * walk (end record, zip64 locator, zip64 extra fields), which unzipSync has already validated.
 */
function locateEntries(d: Uint8Array): EntryData[] {
  let e = d.length - 22;
  while (e > 0 && u32(d, e) !== 0x06054b50) e--;
  let count = u16(d, e + 8);
  let at = u32(d, e + 16);
  let zip64 = u32(d, e - 20) === 0x07064b50;
  if (zip64) {
    const z = u32(d, e - 12);
    zip64 = u32(d, z) === 0x06064b50;
    if (zip64) {
      count = u32(d, z + 32);
      at = u32(d, z + 48);
    }
  }
  const out: EntryData[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = u16(d, at + 28);
    const extraLength = u16(d, at + 30);
    const extra = at + 46 + nameLength;
    let size = u32(d, at + 20);
    const original = u32(d, at + 24);
    let offset = u32(d, at + 42);
    const nsc = size === 0xffffffff ? 1 : 0;
    const nsu = original === 0xffffffff ? 1 : 0;
    const noff = offset === 0xffffffff ? 1 : 0;
    if (zip64 && nsc + nsu + noff > 0) {
      for (let b = extra; b + 4 < extra + extraLength; b += 4 + u16(d, b + 2)) {
        if (u16(d, b) !== 1) continue;
        if (nsc) size = u64(d, b + 4 + 8 * nsu);
        if (noff) offset = u64(d, b + 4 + 8 * (nsu + nsc));
        break;
      }
    }
    out.push({ start: offset + 30 + u16(d, offset + 26) + u16(d, offset + 28), size, method: u16(d, at + 10) });
    at = extra + extraLength + u16(d, at + 32);
  }
  return out;
}

/** Compressed bytes given to the inflater at a time: at most ≈ 1,000 times that comes out per step. */
const INFLATE_STEP = 16 * 1024;
/** Bytes of a stored (not compressed) part decoded and parsed at a time. */
const STORED_STEP = 1024 * 1024;

/**
 * The zip held in memory: fflate lists the central directory, then each part is inflated step by
 * step and every chunk that comes out is decoded and parsed at once, as stream.node.ts does.
 */
class MemorySource implements PackageSource {
  readonly streamsSheets = true;
  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly PackageEntry[],
    private readonly data: ReadonlyMap<PackageEntry, EntryData>,
    private readonly shouldStop: () => boolean,
  ) {}

  /** Lists the entries from the central directory without inflating any (ZipError when it is damaged). */
  static open(data: Uint8Array, shouldStop: () => boolean = () => false): MemorySource {
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
    const located = entries.length > 0 ? locateEntries(bytes) : [];
    const where = new Map<PackageEntry, EntryData>();
    entries.forEach((entry, i) => {
      const at = located[i];
      if (at) where.set(entry, at);
    });
    return new MemorySource(bytes, entries, where, shouldStop);
  }

  private stopIfAsked(): void {
    if (this.shouldStop()) throw new ReadCancelled();
  }

  /**
   * Inflates the entry step by step, handing each chunk to the parser as it comes out. Data that
   * inflates to more than its central directory declares (a lying zip bomb) is refused as soon as
   * it passes that size, before the chunk is parsed or the rest inflated.
   */
  private feed(entry: PackageEntry, handler: XmlHandler): void {
    this.stopIfAsked();
    const at = this.data.get(entry);
    if (!at || at.start + at.size > this.bytes.length) throw new ZipError(`内部文件“${entry.name}”的数据不完整`);
    const raw = this.bytes.subarray(at.start, at.start + at.size);
    const declared = entry.uncompressed;
    const tooBig = () =>
      new ZipError(
        `内部文件“${entry.name}”解压后超出它声明的大小 ${sizeText(declared)}，压缩包可能已损坏或是特意构造的`,
      );
    if (at.method !== 0 && at.method !== 8)
      throw new ZipError(`内部文件“${entry.name}”使用了不支持的压缩方式（${at.method}）`);
    if (at.method === 0 && raw.length > declared) throw tooBig();
    const sink = xmlSink(handler);
    const decoder = new PartDecoder();
    if (at.method === 0) {
      for (let i = 0; i < raw.length; i += STORED_STEP) {
        if (i > 0) this.stopIfAsked();
        sink.write(decoder.decode(raw.subarray(i, i + STORED_STEP)));
      }
    } else {
      let length = 0;
      // Errors thrown while our parser handles a chunk (XmlError, the cell cap, bugs) go out as
      // they are; errors of fflate itself (bad deflate data) are ZipError.
      let inParser = false;
      const inflater = new Inflate((chunk) => {
        length += chunk.length;
        if (length > declared) throw tooBig();
        if (chunk.length === 0) return;
        inParser = true;
        sink.write(decoder.decode(chunk));
        inParser = false;
      });
      const push = (data: Uint8Array, final: boolean): void => {
        try {
          inflater.push(data, final);
        } catch (error) {
          if (inParser || error instanceof ZipError) throw error;
          throw new ZipError(message(error));
        }
      };
      for (let i = 0; i < raw.length; i += INFLATE_STEP) {
        if (i > 0) this.stopIfAsked();
        const end = Math.min(raw.length, i + INFLATE_STEP);
        push(raw.subarray(i, end), end === raw.length);
      }
      if (raw.length === 0) push(raw, true);
    }
    sink.write(decoder.end());
    sink.close();
  }

  parse(entry: PackageEntry, handler: XmlHandler): Promise<void> {
    this.feed(entry, handler);
    return Promise.resolve();
  }
}

function openSource(
  bytes: Uint8Array,
  fileName: string | undefined,
  shouldStop?: () => boolean,
): Result<MemorySource, ReadProblem> {
  const problem = sniffXlsx(bytes, fileName);
  if (problem) return fail(problem);
  try {
    return ok(MemorySource.open(bytes, shouldStop));
  } catch (error) {
    if (error instanceof ZipError) return fail(unreadableProblem(fileName, error.message));
    throw error;
  }
}

/**
 * Reads the workbook (its sheets with notes, and its document properties), or says in Chinese why
 * it cannot be read. Rejects with ReadCancelled when `shouldStop` asked to stop; anything else
 * thrown is a bug.
 */
export async function readXlsx(
  data: ArrayBuffer | Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<Result<WorkbookData, ReadProblem>> {
  const source = openSource(toBytes(data), options.fileName, options.shouldStop);
  if (!source.ok) return source;
  return readPackage(source.value, {
    fileName: options.fileName,
    sheets: options.sheets ?? "all",
    notes: true,
    properties: true,
    limits: { ...READ_XLSX_LIMITS, ...options.limits },
    onProgress: options.onProgress,
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
  const duplicate = duplicatePart(source.value.entries);
  if (duplicate !== null) return fail(duplicatePartProblem(fileName, duplicate));
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
