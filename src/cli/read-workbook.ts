import { basename, extname } from "node:path";
import { readXlsx } from "../adapters/xlsx/read";
import { readXlsxStream } from "../adapters/xlsx/stream.node";
import { readCsv } from "../adapters/csv/read";
import { gridToXlsx } from "../adapters/xlsx/write-report";
import type { WorkbookData } from "../core/grid/types";
import { UsageError } from "./commands/fn";
import { assertReadableFile, readRegularFile } from "./files";

/** Files above this size are streamed (one sheet, a fraction of the memory; no notes or headers/footers). */
const STREAM_ABOVE_BYTES = 8 * 1024 * 1024;

export interface ReadWorkbook {
  data: WorkbookData;
  /** The original bytes (for --report), or null when the file was streamed. */
  bytes: Uint8Array | null;
  format: "xlsx" | "csv";
  streamed: boolean;
}

/** A roster file from disk: .xlsx (streamed when large) or .csv; a clear Chinese message otherwise. */
export async function readWorkbookFile(
  file: string,
  /** needBytes: the original bytes are needed (--report) or every part of the file is (privacy): never stream. */
  options: { sheet?: string; onProgress?: (rows: number) => void; needBytes?: boolean } = {},
): Promise<ReadWorkbook> {
  // Regular files only: a FIFO would hang, /dev/zero would never end, a folder is not a roster.
  const size = assertReadableFile(file).size;
  const ext = extname(file).toLowerCase();
  const name = basename(file);
  if (ext === ".csv" || ext === ".txt") {
    const bytes = readRegularFile(file);
    const r = readCsv(bytes, name.replace(/\.[^.]+$/, ""));
    if (!r.ok) throw new UsageError(r.problem.message);
    return { data: r.value, bytes, format: "csv", streamed: false };
  }
  if (ext === ".xls" || ext === ".et") {
    throw new UsageError(
      `${name} 是旧版 Excel（.xls）或 WPS 格式，无法直接读取。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（*.xlsx），再检查。`,
    );
  }
  if (size > STREAM_ABOVE_BYTES && !options.needBytes) {
    const r = await readXlsxStream(file, { sheet: options.sheet, onProgress: options.onProgress });
    if (!r.ok) throw new UsageError(r.problem.message);
    return { data: r.value, bytes: null, format: "xlsx", streamed: true };
  }
  const bytes = readRegularFile(file);
  const r = await readXlsx(bytes, { fileName: name });
  if (!r.ok) throw new UsageError(r.problem.message);
  return { data: r.value, bytes, format: "xlsx", streamed: false };
}

/**
 * The workbook as data and as .xlsx bytes that say the same: a CSV becomes an .xlsx first and is
 * read back from it, so sheet names (shortened to 31 characters, no [ ] : * ? / \) match the file
 * that fixes and new sheets are written into.
 */
export async function readAsXlsx(file: string): Promise<{ data: WorkbookData; bytes: Uint8Array }> {
  const read = await readWorkbookFile(file, { needBytes: true });
  if (read.format === "xlsx" && read.bytes) return { data: read.data, bytes: read.bytes };
  const bytes = await gridToXlsx(read.data);
  const back = await readXlsx(bytes, { fileName: basename(file) });
  if (!back.ok) throw new UsageError(`CSV 转换失败：${back.problem.message}`);
  return { data: back.value, bytes };
}
