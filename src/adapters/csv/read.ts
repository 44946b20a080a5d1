/**
 * Reads a CSV (or tab-separated) export into a one-sheet WorkbookData. Browser-safe: bytes in.
 *
 * CSV has no types: every value stays the text that is in the file ("4.40524E+17" included — an
 * ID that Excel turned into scientific notation before export is kept as text for the rules to
 * flag, never "repaired"); an empty field is null.
 */
import { safeSheetName } from "../sheet-name";
import { typeAmountColumns } from "../../core/roster/typed-amounts";
import { type CellValue, type WorkbookData, makeGrid } from "../../core/grid/types";
import { type Result, fail, ok } from "../../core/result";
import type { ReadProblem } from "../xlsx/problems";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * A byte-order mark decides; otherwise valid UTF-8 is UTF-8, and anything else is taken as
 * GB18030 (a superset of GBK and GB2312, what Excel and WPS write for "CSV" on a Chinese Windows).
 */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    // Not UTF-8: the fatal decoder rejects the first invalid sequence.
    return "gb18030";
  }
}

/** Decodes with the detected encoding; TextDecoder drops the BOM itself. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const encoding = detectEncoding(bytes);
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** Tab-separated when the first line has a tab and no comma; otherwise comma-separated. */
function detectDelimiter(text: string): "," | "\t" {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  return first.includes("\t") && !first.includes(",") ? "\t" : ",";
}

/**
 * RFC 4180: fields separated by the delimiter, records by CRLF or LF (or a lone CR); a quoted field
 * may hold delimiters, line breaks and doubled quotes (""). A final line break ends the last
 * record rather than starting an empty one. Lenient where Excel is: a quote inside an unquoted
 * field is literal text, and text after a closing quote is appended.
 */
export function parseDelimited(text: string, delimiter: "," | "\t" = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  /** The current field began with a quote: `""` is an empty field, not nothing. */
  let wasQuoted = false;
  let i = 0;
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (quoted) {
      if (ch === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy a run of ordinary characters at once.
      const next = text.indexOf('"', i);
      const stop = next === -1 ? n : next;
      field += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === 34 && field === "") {
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (ch === delim) {
      record.push(field);
      field = "";
      wasQuoted = false;
      i++;
    } else if (ch === 10 /* \n */ || ch === 13 /* \r */) {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      wasQuoted = false;
      i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else {
      // Copy a run of ordinary characters at once.
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delim || c === 10 || c === 13 || c === 34) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  // The last record, unless the text ended with a line break (or was empty).
  if (field !== "" || record.length > 0 || wasQuoted) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export function readCsv(data: ArrayBuffer | Uint8Array, sheetName: string): Result<WorkbookData, ReadProblem> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) {
    return fail({
      code: "file.empty",
      message: `“${sheetName}”是空文件（0 字节）。请确认导出或下载已完成，再重新选择文件。`,
    });
  }
  // A workbook saved with a .csv name: its bytes would decode to garbage.
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const cfb = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip || cfb) {
    return fail({
      code: "file.unreadable",
      message:
        `“${sheetName}”不是 CSV 文本，而是${zip ? " Excel 工作簿（.xlsx）或其他压缩文件" : "旧版 Excel 工作簿（.xls）"}。` +
        `请按 Excel 文件导入${zip ? "" : "（先用 Excel 或 WPS“另存为 Excel 工作簿(*.xlsx)”）"}。`,
    });
  }
  const { text } = decodeText(bytes);
  const rows: CellValue[][] = parseDelimited(text).map((record) => {
    const row: CellValue[] = record.map((value) => (value === "" ? null : value));
    // Trailing empty fields (",,," at the end of a line) are omitted, as the xlsx readers do.
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
  // A CSV has no types: the roster's amounts become numbers so SUM/SUMIFS count them (IDs stay text).
  return ok(typeAmountColumns({ sheets: [makeGrid(safeSheetName(sheetName), rows)], properties: {} }));
}
