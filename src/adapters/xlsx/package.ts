/**
 * Reads an .xlsx package into WorkbookData, whatever holds its bytes: the in-memory reader
 * (read.ts, fflate over a Uint8Array: browser and Node) and the streaming reader
 * (stream.node.ts, yauzl + node:zlib over a file) give it a PackageSource, and both then share
 * every rule of how parts are found and parsed. Browser-safe.
 *
 * Limits (DEFAULT_LIMITS, READ_XLSX_LIMITS, STREAM_LIMITS) are checked against the sizes the zip's
 * central directory declares, before anything is inflated, so a zip bomb or a giant package gets a
 * clear Chinese message instead of exhausting memory.
 */
import { type CellNote, type Grid, type WorkbookData, type Result, fail, ok } from "../../core";
import { parseCellRef } from "./cells";
import {
  CommentsParser,
  PropertiesParser,
  CustomPropertiesParser,
  type Relationship,
  RelsParser,
  SharedStringsParser,
  type SheetEntry,
  StylesParser,
  WorkbookParser,
  relsPartOf,
} from "./parts";
import { type ReadProblem, type TooLarge, sheetMissingProblem, tooLargeProblem, unreadableProblem } from "./problems";
import { CellLimitError, MAX_MERGES, type ReadTally, SheetParser } from "./sheet";
import { XmlError, type XmlHandler } from "./xml";

/** One zip entry as its central directory declares it. */
export interface PackageEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** The zip library could not list or inflate an entry: the file is damaged (never our bug). */
export class ZipError extends Error {
  override name = "ZipError";
}

export interface PackageSource {
  readonly entries: readonly PackageEntry[];
  /** Sheets are inflated and parsed chunk by chunk: their size does not count against memory. */
  readonly streamsSheets: boolean;
  /** Feeds an entry's XML to the handler; rejects with XmlError (bad XML) or ZipError (bad zip data). */
  parse(entry: PackageEntry, handler: XmlHandler): Promise<void>;
}

export interface ReadLimits {
  /** Zip entries in the package (a workbook has tens; a bomb may have millions of tiny ones). */
  maxEntries: number;
  /** Declared uncompressed bytes of one part that is inflated into memory whole. */
  maxPartBytes: number;
  /** Declared uncompressed bytes of all parts inflated into memory for one read. */
  maxTotalBytes: number;
  /** Cells holding a value or a formula, over all sheets read (the grids are what stays in memory). */
  maxCells: number;
  /** Merged ranges of one sheet (each is kept; Excel's own workbooks have tens or thousands). */
  maxMerges: number;
}

/**
 * Limits of loading a package whole: loadWorkbook (ExcelJS inflates every part at once, to write
 * fixes and new sheets into the user's file), and the CLI's probe, which streams a file past them.
 * Memory is what binds. Measured on the 100,000 × 12 roster of tests/adapters/fixtures.ts
 * (46 MB of sheet XML + 16 MB of shared strings): the grids take 67 MB (≈ 1.1 bytes per byte of
 * XML, 56 bytes per cell), and a read that inflates each part into one Uint8Array (readXlsx did)
 * peaks at 360 MB RSS (ExcelJS: 820 MB). So a 256 MB sheet (≈ 550,000 such rows) peaks near 1 GB,
 * and 1 GB of parts in total near 2.5 GB: about what a browser tab or Node's default heap (≈ 4 GB)
 * gives without risk.
 */
export const DEFAULT_LIMITS: ReadLimits = {
  maxEntries: 10_000,
  maxPartBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCells: 30_000_000,
  maxMerges: MAX_MERGES,
};

/**
 * Limits of readXlsx (the standalone page, a task pane, a Web Worker; small files in the CLI). Its
 * sheets are inflated and parsed chunk by chunk out of the zipped bytes, so only the parts kept
 * as data (shared strings, styles, comments, properties) count against the byte limits, and the
 * grids are what stays in memory (56 bytes per cell, up to about twice that when every string is
 * distinct). In a browser tab the worker's result is copied once more to the page, so the cells
 * are capped lower than the streaming CLI's: 10 million (≈ 830,000 rows × 12 columns) is
 * 0.6–1.1 GB of grids, twice that during the copy, within the ≈ 4 GB a tab's heap may reach.
 */
export const READ_XLSX_LIMITS: ReadLimits = { ...DEFAULT_LIMITS, maxCells: 10_000_000 };

/**
 * Limits of the streaming reader: sheets are never held as XML, so only the parts that are
 * (shared strings, styles, comments…) count against maxPartBytes, and the cells kept in the grids
 * are capped. 30 million cells ≈ 1,048,576 rows × 28 columns; at the 56 bytes per cell measured
 * above (up to about twice that when every string is distinct), that is 1.7–3.5 GB of grids,
 * within Node's default heap here (≈ 4 GB).
 */
export const STREAM_LIMITS: ReadLimits = { ...DEFAULT_LIMITS, maxPartBytes: 512 * 1024 * 1024 };

export interface PackageReadOptions {
  fileName?: string;
  /** Which sheets: all (workbook order), the named ones (workbook order), or the first visible one. */
  sheets: "all" | "first-visible" | readonly string[];
  notes: boolean;
  properties: boolean;
  limits: ReadLimits;
  onProgress?: (rowsRead: number) => void;
}

/** An expected failure while reading, carried out of nested parsing as a value. */
class Refusal extends Error {
  constructor(readonly problem: ReadProblem) {
    super(problem.message);
  }
}

/** Part names compared as OPC compares them: case-insensitively, with / separators. */
function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

/**
 * The first part name the package holds twice (compared as OPC compares them), or null. Zip
 * readers disagree on which copy counts (the first, the last), so a package with two parts of
 * one name is refused by every reader instead of being read differently by each.
 */
export function duplicatePart(entries: readonly PackageEntry[]): string | null {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue; // A folder entry holds no part.
    const key = partKey(entry.name);
    if (seen.has(key)) return entry.name;
    seen.add(key);
  }
  return null;
}

/** The problem of a package holding a part twice. */
export function duplicatePartProblem(fileName: string | undefined, part: string): ReadProblem {
  return unreadableProblem(fileName, `压缩包中有两个同名的内部文件“${part}”，无法确定该读哪一个`);
}

class PackageReader {
  private readonly byName = new Map<string, PackageEntry>();
  private inMemory = 0;

  constructor(
    private readonly source: PackageSource,
    private readonly options: PackageReadOptions,
  ) {
    for (const entry of source.entries) {
      const key = partKey(entry.name);
      if (!this.byName.has(key)) this.byName.set(key, entry);
    }
  }

  entry(part: string | null | undefined): PackageEntry | undefined {
    return part ? this.byName.get(partKey(part)) : undefined;
  }

  refuse(why: TooLarge): never {
    throw new Refusal(tooLargeProblem(this.options.fileName, why));
  }

  /** Checks the declared sizes of parts about to be inflated into memory, before any of them is. */
  reserve(entries: readonly (PackageEntry | undefined)[], sheets: ReadonlySet<PackageEntry> = new Set()): void {
    const { maxPartBytes, maxTotalBytes } = this.options.limits;
    let total = this.inMemory;
    for (const entry of entries) {
      if (!entry || (this.source.streamsSheets && sheets.has(entry))) continue;
      if (entry.uncompressed > maxPartBytes)
        this.refuse({
          kind: "part",
          part: entry.name,
          size: entry.uncompressed,
          limit: maxPartBytes,
          streaming: this.source.streamsSheets,
        });
      total += entry.uncompressed;
    }
    if (total > maxTotalBytes) this.refuse({ kind: "total", size: total, limit: maxTotalBytes });
    this.inMemory = total;
  }

  async parse<H extends XmlHandler>(entry: PackageEntry, handler: H): Promise<H> {
    await this.source.parse(entry, handler);
    return handler;
  }

  /** The relationships of a part ([] when it has none). */
  async rels(part: string): Promise<Relationship[]> {
    const entry = this.entry(relsPartOf(part));
    if (!entry) return [];
    this.reserve([entry]);
    return (await this.parse(entry, new RelsParser(part))).rels;
  }
}

function sheetState(state: SheetEntry["state"]): Grid["state"] {
  return state;
}

async function read(reader: PackageReader, options: PackageReadOptions): Promise<Result<WorkbookData, ReadProblem>> {
  const fileName = options.fileName;
  const rootRels = await reader.rels("");
  const workbookPart = rootRels.find((r) => r.kind === "officeDocument")?.part ?? "xl/workbook.xml";
  const workbookEntry = reader.entry(workbookPart) ?? reader.entry("xl/workbook.xml");
  if (!workbookEntry) return fail(unreadableProblem(fileName, `缺少工作簿部件 ${workbookPart}`));
  reader.reserve([workbookEntry]);
  const workbook = await reader.parse(workbookEntry, new WorkbookParser());
  const workbookRels = await reader.rels(workbookEntry.name);
  const relById = new Map(workbookRels.map((r) => [r.id, r]));

  // Worksheets in workbook order; chart sheets and dialog sheets hold no cells and are left out.
  const worksheets: { sheet: SheetEntry; entry: PackageEntry }[] = [];
  for (const sheet of workbook.sheets) {
    const rel = relById.get(sheet.relId);
    if (rel && rel.kind !== "worksheet") continue;
    const entry = reader.entry(rel?.part);
    if (!entry)
      return fail(unreadableProblem(fileName, `缺少工作表“${sheet.name}”的数据部件${rel?.part ? ` ${rel.part}` : ""}`));
    worksheets.push({ sheet, entry });
  }
  const names = worksheets.map((w) => w.sheet.name);
  let chosen = worksheets;
  if (options.sheets === "first-visible") {
    const first = worksheets.find((w) => w.sheet.state === "visible") ?? worksheets[0];
    if (!first) return fail(sheetMissingProblem(fileName, "（第一个可见工作表）", names));
    chosen = [first];
  } else if (options.sheets !== "all") {
    const missing = options.sheets.find((name) => !names.includes(name));
    if (missing !== undefined) return fail(sheetMissingProblem(fileName, missing, names));
    const wanted = new Set(options.sheets);
    chosen = worksheets.filter((w) => wanted.has(w.sheet.name));
  }

  // Without a relationship, the parts' usual names (ExcelJS looked only there; so do some writers).
  const sstEntry = reader.entry(workbookRels.find((r) => r.kind === "sharedStrings")?.part ?? "xl/sharedStrings.xml");
  const stylesEntry = reader.entry(workbookRels.find((r) => r.kind === "styles")?.part ?? "xl/styles.xml");
  const sheetRels = new Map<PackageEntry, Relationship[]>();
  if (options.notes) for (const { entry } of chosen) sheetRels.set(entry, await reader.rels(entry.name));
  const commentsOf = (entry: PackageEntry) =>
    reader.entry(sheetRels.get(entry)?.find((r) => r.kind === "comments")?.part);
  const coreEntry = reader.entry(rootRels.find((r) => r.kind === "core-properties")?.part ?? "docProps/core.xml");
  const appEntry = reader.entry(rootRels.find((r) => r.kind === "extended-properties")?.part ?? "docProps/app.xml");
  const customEntry = reader.entry(rootRels.find((r) => r.kind === "custom-properties")?.part ?? "docProps/custom.xml");
  // Every part this read inflates, checked against the limits before the first is.
  const sheetEntries = new Set(chosen.map((w) => w.entry));
  reader.reserve(
    [
      sstEntry,
      stylesEntry,
      ...chosen.map((w) => w.entry),
      ...(options.notes ? chosen.map((w) => commentsOf(w.entry)) : []),
      ...(options.properties ? [coreEntry, appEntry, customEntry] : []),
    ],
    sheetEntries,
  );

  const strings = sstEntry ? (await reader.parse(sstEntry, new SharedStringsParser())).strings : [];
  const styles = stylesEntry ? await reader.parse(stylesEntry, new StylesParser()) : null;
  const tally: ReadTally = {
    rows: 0,
    cells: 0,
    maxCells: options.limits.maxCells,
    maxMerges: options.limits.maxMerges,
    onProgress: options.onProgress,
  };
  const grids: Grid[] = [];
  for (const { sheet, entry } of chosen) {
    const parser = await reader.parse(entry, new SheetParser(sheet.name, strings, styles, workbook.date1904, tally));
    const notes: CellNote[] = [];
    const comments = options.notes ? commentsOf(entry) : undefined;
    if (comments) {
      for (const { ref, text } of (await reader.parse(comments, new CommentsParser())).comments) {
        const at = parseCellRef(ref);
        if (at && text !== "") notes.push({ row: at.row, col: at.col, text });
      }
      notes.sort((a, b) => a.row - b.row || a.col - b.col);
    }
    grids.push(parser.toGrid(sheetState(sheet.state), notes));
  }
  options.onProgress?.(tally.rows);

  const properties: Record<string, string> = {};
  if (options.properties) {
    for (const entry of [coreEntry, appEntry]) {
      if (entry) Object.assign(properties, (await reader.parse(entry, new PropertiesParser())).properties);
    }
    if (customEntry)
      Object.assign(properties, (await reader.parse(customEntry, new CustomPropertiesParser())).properties);
  }
  return ok({ sheets: grids, properties });
}

/**
 * Reads the package. Damaged zip data and XML that is not well-formed are `file.unreadable`;
 * passing a limit is `file.too-large`; anything else thrown is a bug and propagates.
 */
export async function readPackage(
  source: PackageSource,
  options: PackageReadOptions,
): Promise<Result<WorkbookData, ReadProblem>> {
  const { maxEntries } = options.limits;
  if (source.entries.length > maxEntries)
    return fail(
      tooLargeProblem(options.fileName, { kind: "entries", count: source.entries.length, limit: maxEntries }),
    );
  const duplicate = duplicatePart(source.entries);
  if (duplicate !== null) return fail(duplicatePartProblem(options.fileName, duplicate));
  try {
    return await read(new PackageReader(source, options), options);
  } catch (error) {
    if (error instanceof Refusal) return fail(error.problem);
    if (error instanceof CellLimitError)
      return fail(tooLargeProblem(options.fileName, { kind: error.what, sheet: error.sheet, limit: error.limit }));
    if (error instanceof XmlError || error instanceof ZipError)
      return fail(unreadableProblem(options.fileName, error.message));
    throw error;
  }
}

/** The in-memory limit a package's declared sizes pass, if any (for callers deciding to stream). */
export function inMemoryLimitPassed(
  entries: readonly PackageEntry[],
  limits: ReadLimits = DEFAULT_LIMITS,
): TooLarge | null {
  if (entries.length > limits.maxEntries) return { kind: "entries", count: entries.length, limit: limits.maxEntries };
  let total = 0;
  for (const entry of entries) {
    // Media (images, embedded objects) are never inflated by the readers.
    if (!/\.(xml|rels|vml)$/i.test(entry.name)) continue;
    if (entry.uncompressed > limits.maxPartBytes)
      return { kind: "part", part: entry.name, size: entry.uncompressed, limit: limits.maxPartBytes, streaming: false };
    total += entry.uncompressed;
  }
  return total > limits.maxTotalBytes ? { kind: "total", size: total, limit: limits.maxTotalBytes } : null;
}
