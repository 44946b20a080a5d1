import { basename, extname } from "node:path";
import { readXlsx } from "../adapters/xlsx/read";
import { readXlsxStream } from "../adapters/xlsx/stream.node";
import { probeXlsxFile } from "../adapters/xlsx/probe.node";
import { readCsv } from "../adapters/csv/read";
import { gridToXlsx } from "../adapters/xlsx/write-report";
import type { WorkbookData } from "../core";
import { UsageError } from "./commands/fn";
import { assertReadableFile, readRegularFile } from "./files";

/** Files above this size are streamed: a fraction of the memory (one sheet for check; every sheet for privacy and verify). */
const STREAM_ABOVE_BYTES = 8 * 1024 * 1024;

export interface ReadWorkbook {
  data: WorkbookData;
  /** The original bytes (for --report), or null when the file was streamed. */
  bytes: Uint8Array | null;
  format: "xlsx" | "csv";
  streamed: boolean;
}

export interface ReadWorkbookOptions {
  sheet?: string;
  onProgress?: (rows: number) => void;
  /** The original bytes are needed (--report, a copy with new sheets): never stream. */
  needBytes?: boolean;
  /**
   * Every sheet is needed (privacy, verify): big files are streamed sheet by sheet, with notes and
   * document properties, instead of loaded whole.
   */
  allSheets?: boolean;
  /** The command, for the message when a file is too large to load whole (e.g. "zizhu seal"). */
  command?: string;
}

/** A roster file from disk: .xlsx (streamed when large) or .csv; a clear Chinese message otherwise. */
export async function readWorkbookFile(file: string, options: ReadWorkbookOptions = {}): Promise<ReadWorkbook> {
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
  // The zip's directory says how big the parts are, before anything is inflated.
  const probe = await probeXlsxFile(file);
  if (!probe.ok) throw new UsageError(probe.problem.message);
  const tooLarge = probe.value.tooLargeForMemory;
  if (options.needBytes) {
    if (tooLarge) {
      const what = options.command
        ? `${options.command} 需要把整个工作簿载入内存（以便写出带新内容的副本），无法逐行处理。`
        : "";
      throw new UsageError(`${tooLarge.message}${what ? `\n${what}` : ""}`);
    }
  } else if (size > STREAM_ABOVE_BYTES || tooLarge) {
    const r = await readXlsxStream(
      file,
      options.allSheets
        ? { sheets: "all", notes: true, properties: true, onProgress: options.onProgress }
        : { sheet: options.sheet, onProgress: options.onProgress },
    );
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
export async function readAsXlsx(file: string, command?: string): Promise<{ data: WorkbookData; bytes: Uint8Array }> {
  const read = await readWorkbookFile(file, { needBytes: true, command });
  if (read.format === "xlsx" && read.bytes) return { data: read.data, bytes: read.bytes };
  const bytes = await gridToXlsx(read.data);
  const back = await readXlsx(bytes, { fileName: basename(file) });
  if (!back.ok) throw new UsageError(`CSV 转换失败：${back.problem.message}`);
  return { data: back.value, bytes };
}
