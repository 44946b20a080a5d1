/**
 * Node-only look at an .xlsx file's package without reading it: the entry list with sizes from
 * the zip's central directory (which sits at the end of the file), so the CLI can decide whether
 * readXlsx can load the file whole or it must be streamed (stream.node.ts).
 */
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { type Result, fail, ok } from "../../core";
import { DEFAULT_LIMITS, type PackageEntry, inMemoryLimitPassed } from "./package";
import { type ReadProblem, tooLargeProblem, unreadableProblem } from "./problems";
import { sniffFile } from "./sniff.node";
import { openZip } from "./zip.node";

export interface XlsxProbe {
  /** Every entry, in central-directory order, with its declared sizes in bytes. */
  entries: PackageEntry[];
  /** The sum of the declared uncompressed sizes. */
  totalUncompressed: number;
  /** The file's size on disk. */
  fileSize: number;
  /**
   * Why readXlsx would refuse to load the package whole (file.too-large, with its Chinese
   * message), or null when it fits DEFAULT_LIMITS. Streaming may still read a refused file.
   */
  tooLargeForMemory: ReadProblem | null;
}

/**
 * Probes the file. The problem is the one readXlsx would give for a file that is not an .xlsx
 * at all (empty, .xls, encrypted, truncated, not a zip…) or whose zip directory is damaged.
 */
export async function probeXlsxFile(path: string): Promise<Result<XlsxProbe, ReadProblem>> {
  const fileName = basename(path);
  const problem = await sniffFile(path, fileName);
  if (problem) return fail(problem);
  const { size } = await stat(path);
  let zip;
  try {
    // Listing a million-entry bomb is itself slow: past the limit, the count alone is the answer.
    zip = await openZip(path, DEFAULT_LIMITS.maxEntries);
  } catch (error) {
    return fail(unreadableProblem(fileName, error instanceof Error ? error.message : String(error)));
  }
  zip.close();
  const entries = [...zip.entries];
  const totalUncompressed = entries.reduce((sum, e) => sum + e.uncompressed, 0);
  const passed =
    zip.entryCount > entries.length
      ? { kind: "entries" as const, count: zip.entryCount, limit: DEFAULT_LIMITS.maxEntries }
      : inMemoryLimitPassed(entries);
  return ok({
    entries,
    totalUncompressed,
    fileSize: size,
    tooLargeForMemory: passed ? tooLargeProblem(fileName, passed) : null,
  });
}
