/**
 * Node-only streaming read of a big .xlsx (100k rows and more, up to Excel's 1,048,576) without
 * loading the package into memory: yauzl reads the zip's central directory from the end of the
 * file, then each part is inflated as a stream and parsed chunk by chunk by the same package
 * reader as readXlsx (package.ts), so both readers see exactly the same workbook. Memory holds
 * the grids, the shared strings and the styles, never a sheet's XML; the cells kept are capped
 * (STREAM_LIMITS) with a clear Chinese message past the cap.
 *
 * Any part can be read in any order (the central directory lists them all): sheets zipped before
 * the workbook or the shared strings (openpyxl, Excel itself), parts not named sheetN.xml,
 * namespace-prefixed or Strict XML all read as they do in readXlsx.
 *
 * By default one sheet (the first visible one) is read, without notes and document properties,
 * which is what `zizhu check` needs; `sheets: "all"`, `notes` and `properties` read the whole
 * workbook one sheet after another (what `zizhu privacy` needs).
 */
import { basename } from "node:path";
import { type WorkbookData, type Result, fail } from "../../core";
import {
  type PackageEntry,
  type PackageSource,
  type ReadLimits,
  STREAM_LIMITS,
  ZipError,
  readPackage,
} from "./package";
import { type ReadProblem, tooLargeProblem, unreadableProblem } from "./problems";
import { sniffFile } from "./sniff.node";
import { PartDecoder, type XmlHandler, xmlSink } from "./xml";
import { type OpenZip, openZip } from "./zip.node";

export interface ReadXlsxStreamOptions {
  /** The sheet to read; default: the first visible sheet in workbook order. */
  sheet?: string;
  /** Several sheets, one after another: "all" (workbook order) or these names. Overrides `sheet`. */
  sheets?: "all" | readonly string[];
  /** Read the sheets' notes (comments parts); default false. */
  notes?: boolean;
  /** Read the document properties (docProps/core.xml, app.xml); default false: `properties` is {}. */
  properties?: boolean;
  /** Called about every 5000 rows with the number of rows read so far (all sheets), and once at the end. */
  onProgress?: (rowsRead: number) => void;
  /** Lower limits than STREAM_LIMITS (tests). */
  limits?: Partial<ReadLimits>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Parts inflated from the file as streams of chunks, each decoded and parsed as it arrives. */
class FileSource implements PackageSource {
  readonly streamsSheets = true;
  constructor(private readonly zip: OpenZip) {}

  get entries(): readonly PackageEntry[] {
    return this.zip.entries;
  }

  async parse(entry: PackageEntry, handler: XmlHandler): Promise<void> {
    const sink = xmlSink(handler);
    const decoder = new PartDecoder();
    // Errors thrown while our parser handles a chunk (XmlError, the cell cap, bugs) go out as
    // they are; errors of the zip stream itself (bad deflate data, sizes that lie) are ZipError.
    let inParser = false;
    try {
      const stream = await this.zip.stream(entry);
      for await (const chunk of stream as AsyncIterable<Uint8Array>) {
        inParser = true;
        sink.write(decoder.decode(chunk));
        inParser = false;
      }
    } catch (error) {
      if (inParser) throw error;
      throw new ZipError(message(error));
    }
    sink.write(decoder.end());
    sink.close();
  }
}

export async function readXlsxStream(
  path: string,
  options: ReadXlsxStreamOptions = {},
): Promise<Result<WorkbookData, ReadProblem>> {
  const fileName = basename(path);
  const problem = await sniffFile(path, fileName);
  if (problem) return fail(problem);
  const limits = { ...STREAM_LIMITS, ...options.limits };
  let zip: OpenZip;
  try {
    zip = await openZip(path, limits.maxEntries);
  } catch (error) {
    return fail(unreadableProblem(fileName, message(error)));
  }
  try {
    if (zip.entryCount > zip.entries.length)
      return fail(tooLargeProblem(fileName, { kind: "entries", count: zip.entryCount, limit: limits.maxEntries }));
    return await readPackage(new FileSource(zip), {
      fileName,
      sheets: options.sheets ?? (options.sheet !== undefined ? [options.sheet] : "first-visible"),
      notes: options.notes ?? false,
      properties: options.properties ?? false,
      limits,
      onProgress: options.onProgress,
    });
  } finally {
    zip.close();
  }
}
