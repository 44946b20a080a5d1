/**
 * Reads a CSV (or tab-separated) export into a one-sheet WorkbookData. Browser-safe: bytes in.
 *
 * CSV has no types: every value stays the text that is in the file ("4.40524E+17" included — an
 * ID that Excel turned into scientific notation before export is kept as text for the rules to
 * flag, never "repaired"); an empty field is null.
 */
import { safeSheetName } from "../sheet-name";
import { typeAmountColumns, type CellValue, type WorkbookData, makeGrid, type Result, fail, ok } from "../../core";
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

/** What one line's bytes are: plain ASCII, valid UTF-8 (with how many CJK characters), or not UTF-8. */
type LineKind = { kind: "ascii" } | { kind: "utf-8"; cjk: number } | { kind: "other" };

/**
 * Validates bytes[start, end) as UTF-8 by hand (the rules of a fatal TextDecoder: no overlong
 * forms, no surrogates, nothing above U+10FFFF) — far cheaper than one decoder exception per line.
 */
function lineKind(bytes: Uint8Array, start: number, end: number): LineKind {
  let cjk = 0;
  let ascii = true;
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i];
    return i < end && b !== undefined && b >= lo && b <= hi;
  };
  let i = start;
  while (i < end) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    ascii = false;
    if (b >= 0xc2 && b <= 0xdf && cont(i + 1)) i += 2;
    else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2)) return { kind: "other" };
      const code = ((b & 0x0f) << 12) | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f);
      // CJK symbols and ideographs (3000–9FFF), full-width forms (FF00–FFEF).
      if ((code >= 0x3000 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef)) cjk++;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3)) return { kind: "other" };
      cjk++; // Supplementary ideographs (生僻字 in names) are the usual reason for a 4-byte sequence here.
      i += 4;
    } else return { kind: "other" };
  }
  return ascii ? { kind: "ascii" } : { kind: "utf-8", cjk };
}

/** Lines of a file in two encodings: the rows (as Excel numbers them) in the encoding fewer rows use. */
export interface MixedEncoding {
  /** The encoding of the odd rows out. */
  minority: "utf-8" | "gb18030";
  /** 1-based row numbers (a quoted field spanning lines is one row, as in Excel). */
  rows: number[];
}

/**
 * Finds a CSV whose lines are in two encodings — typically a UTF-8 export with lines pasted from a
 * GBK file, or two files joined with `copy a.csv+b.csv`. Read as one encoding, the other lines
 * turn into mojibake: the header is not found, or names are silently wrong. Null when the file is
 * consistent (or UTF-16, which has no such mixture).
 *
 * Without a BOM a line counts as UTF-8 only with two or more CJK characters in it, so that a GBK
 * line whose bytes happen to form valid UTF-8 (possible for a short one) is not taken for UTF-8.
 * Line breaks, quotes and delimiters are ASCII bytes in both encodings (GBK trail bytes are
 * 0x40 and up), so rows can be counted on the bytes.
 */
export function findMixedEncoding(bytes: Uint8Array): MixedEncoding | null {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const start = bom ? 3 : 0;
  // The delimiter, as detectDelimiter decides it on the first line.
  let firstEnd = start;
  while (firstEnd < bytes.length && bytes[firstEnd] !== 10 && bytes[firstEnd] !== 13) firstEnd++;
  const first = bytes.subarray(start, firstEnd);
  const delim = first.includes(9) && !first.includes(44) ? 9 : 44;

  const utf8Rows = new Set<number>();
  const otherRows = new Set<number>();
  let row = 1;
  let lineStart = start;
  let lineRow = 1;
  let quoted = false;
  let fieldStart = true;
  const endLine = (end: number): void => {
    const k = lineKind(bytes, lineStart, end);
    if (k.kind === "other") otherRows.add(lineRow);
    else if (k.kind === "utf-8" && (bom || k.cjk >= 2)) utf8Rows.add(lineRow);
  };
  // The same state machine as parseDelimited, on bytes: only the row count is kept.
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i];
    if (quoted) {
      if (b === 34) {
        if (bytes[i + 1] === 34) i++;
        else quoted = false;
      } else if (b === 10 || b === 13) {
        endLine(i);
        if (b === 13 && bytes[i + 1] === 10) i++;
        lineStart = i + 1;
        lineRow = row; // Still inside the same row.
      }
      i++;
      continue;
    }
    if (b === 34 && fieldStart) quoted = true;
    else if (b === delim) {
      fieldStart = true;
      i++;
      continue;
    } else if (b === 10 || b === 13) {
      endLine(i);
      if (b === 13 && bytes[i + 1] === 10) i++;
      row++;
      lineStart = i + 1;
      lineRow = row;
      fieldStart = true;
      i++;
      continue;
    }
    fieldStart = false;
    i++;
  }
  if (lineStart < bytes.length) endLine(bytes.length);

  if (otherRows.size === 0 || (utf8Rows.size === 0 && !bom)) return null;
  // A row holding lines of both kinds (a multi-line field) belongs with the odd ones out.
  for (const r of otherRows) utf8Rows.delete(r);
  const minority = bom || otherRows.size <= utf8Rows.size ? "gb18030" : "utf-8";
  const rows = [...(minority === "gb18030" ? otherRows : utf8Rows)].sort((a, b) => a - b);
  return { minority, rows };
}

const ENCODING_ZH = { "utf-8": "UTF-8 编码", gb18030: "GBK（GB18030）编码" } as const;
const SHOW_ROWS = 10;

/** The Chinese message for a mixed-encoding CSV: which rows, in which encodings, and what to do. */
export function mixedEncodingMessage(name: string, mixed: MixedEncoding): string {
  const shown = mixed.rows.slice(0, SHOW_ROWS).join("、");
  const more = mixed.rows.length > SHOW_ROWS ? ` 等共 ${mixed.rows.length} 行` : "";
  const other = mixed.minority === "utf-8" ? "gb18030" : "utf-8";
  const odd = mixed.minority === "gb18030" ? "不是 UTF-8 编码（多半是 GBK/GB18030）" : `是 ${ENCODING_ZH["utf-8"]}`;
  return (
    `“${name}”中混有两种文字编码：第 ${shown} 行${more}${odd}，其余各行是 ${ENCODING_ZH[other]}，` +
    `无论按哪一种读取，都有一部分行会变成乱码（找不到表头，或姓名等内容读错）。` +
    `这通常是把不同编码的文件拼接或复制到了一起。请用 Excel 或 WPS 打开该文件，把显示为乱码的这几行按原始资料改正` +
    `（或从原来的文件重新复制），再“另存为”“CSV UTF-8(逗号分隔)(*.csv)”或“Excel 工作簿(*.xlsx)”，然后导入新文件。`
  );
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
  const { text, encoding } = decodeText(bytes);
  // Not UTF-8 as a whole, or UTF-8 by its BOM with undecodable bytes: perhaps some lines are in
  // another encoding. Say so instead of reading mojibake (a valid UTF-8 file is never scanned).
  if (encoding === "gb18030" || (encoding === "utf-8" && text.includes("\uFFFD"))) {
    const mixed = findMixedEncoding(bytes);
    if (mixed) return fail({ code: "file.unreadable", message: mixedEncodingMessage(sheetName, mixed) });
  }
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
