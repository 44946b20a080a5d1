/**
 * What can be wrong with the bytes a user gave us before ExcelJS ever sees them, and the Chinese
 * message that says how to fix it. Browser-safe: bytes in, a problem (or null) out; no node:*.
 */
export type ReadProblemCode =
  | "file.empty"
  | "file.xls"
  | "file.encrypted"
  | "file.not-xlsx"
  | "file.truncated"
  | "file.too-large"
  | "file.sheet-missing"
  | "file.unreadable"
  | "file.write-unsupported";

export type ReadProblem = { code: ReadProblemCode; message: string };

/** How a file is named in messages: “花名册.xlsx”, or a neutral word when the caller gave no name. */
export function fileLabel(fileName: string | undefined): string {
  return fileName ? `“${fileName}”` : "该文件";
}

const SAVE_AS_XLSX = "请用 Excel 或 WPS 打开后“另存为 Excel 工作簿(*.xlsx)”，再导入新文件";

/** OLE compound file (CFB): legacy .xls, WPS .et, and every password-encrypted .xlsx. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Byte-wise search; `from` lets callers look at the tail first (a zip's central directory). */
export function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  if (first === undefined) return -1;
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(first, from); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

/** CFB directory entries store stream names in UTF-16LE. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}

function contains(bytes: Uint8Array, text: string): boolean {
  const needle = ascii(text);
  // A zip lists every entry name in its central directory at the end: look there first.
  const tail = Math.max(0, bytes.length - 1024 * 1024);
  return indexOfBytes(bytes, needle, tail) !== -1 || (tail > 0 && indexOfBytes(bytes, needle) !== -1);
}

function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end-of-central-directory record of an empty archive.
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

/**
 * The end-of-central-directory record is 22 bytes plus a comment of at most 65,535 bytes; it sits at
 * the end, or before trailing junk. How far back from the end we look for it.
 */
export const ZIP_TAIL_BYTES = 1024 * 1024;

/**
 * Whether the last bytes of a zip hold its end-of-central-directory record. A zip cut short (an
 * interrupted download or copy) starts well but has lost its directory, which sits at the end.
 */
export function hasZipDirectory(tail: Uint8Array): boolean {
  return zipEnd(tail) !== null;
}

/**
 * Where the zip really ends inside `tail` (the file's last bytes; `tailStart` is where they start
 * in the file): just after the last end-of-central-directory record whose directory ends right
 * where the record starts. Bytes after it are trailing junk (padding from a transfer, an appended
 * signature) that Excel and most zip readers ignore; null when no record is there (a file cut short).
 */
export function zipEnd(tail: Uint8Array, tailStart = 0): number | null {
  const u32 = (i: number): number =>
    ((tail[i] ?? 0) | ((tail[i + 1] ?? 0) << 8) | ((tail[i + 2] ?? 0) << 16) | ((tail[i + 3] ?? 0) << 24)) >>> 0;
  const stop = Math.max(0, tail.length - ZIP_TAIL_BYTES);
  let fallback: number | null = null;
  for (let i = tail.length - 22; i >= stop; i--) {
    if (tail[i] !== 0x50 || tail[i + 1] !== 0x4b || tail[i + 2] !== 0x05 || tail[i + 3] !== 0x06) continue;
    const commentLength = (tail[i + 20] ?? 0) | ((tail[i + 21] ?? 0) << 8);
    const end = i + 22 + commentLength;
    if (end > tail.length) continue;
    const size = u32(i + 12);
    const offset = u32(i + 16);
    // Zip64 keeps the real numbers elsewhere; otherwise the directory must end at the record.
    if (size === 0xffffffff || offset === 0xffffffff || offset + size === tailStart + i) return end;
    // A record-like run of bytes inside the junk, or a zip with a prefix (self-extracting).
    fallback ??= end;
  }
  return fallback;
}

function firstText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 512);
  const start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return new TextDecoder("utf-8").decode(head.subarray(start)).trimStart().toLowerCase();
}

/**
 * Checks the bytes of a file meant to be an .xlsx. Returns the problem, or null when it looks like
 * an Office Open XML spreadsheet (a zip holding xl/workbook.xml) and ExcelJS may load it.
 */
export function sniffXlsx(bytes: Uint8Array, fileName?: string): ReadProblem | null {
  const file = fileLabel(fileName);
  if (bytes.length === 0) {
    return { code: "file.empty", message: `${file}是空文件（0 字节）。请确认导出或下载已完成，再重新选择文件。` };
  }
  if (startsWith(bytes, CFB_SIGNATURE)) {
    // Both a legacy .xls and an encrypted .xlsx are CFB files; an encrypted .xlsx holds the
    // streams "EncryptionInfo" and "EncryptedPackage", a .xls holds "Workbook" (or "Book").
    if (
      indexOfBytes(bytes, utf16le("EncryptedPackage")) !== -1 ||
      indexOfBytes(bytes, utf16le("EncryptionInfo")) !== -1
    ) {
      return {
        code: "file.encrypted",
        message:
          `${file}设置了打开密码（已加密），无法读取。请用 Excel 或 WPS 输入密码打开，` +
          `在“文件 → 信息 → 保护工作簿 → 用密码进行加密”（WPS：“文件 → 文档加密”）中清除密码后保存，再导入。`,
      };
    }
    return {
      code: "file.xls",
      message:
        `${file}是旧版 Excel 97-2003 工作簿（.xls）或 WPS 表格（.et），本工具只读取 .xlsx。` +
        `${SAVE_AS_XLSX}。（若该文件设置了打开密码，请一并清除。）`,
    };
  }
  if (isZip(bytes)) {
    if (!hasZipDirectory(bytes)) return truncatedProblem(fileName);
    if (contains(bytes, "xl/workbook.xml")) return null;
    if (contains(bytes, "word/document.xml")) {
      return {
        code: "file.not-xlsx",
        message: `${file}是 Word 文档，不是 Excel 工作簿。请把表格复制到 Excel 或 WPS 表格中，另存为 .xlsx 再导入。`,
      };
    }
    if (contains(bytes, "opendocument.spreadsheet")) {
      return {
        code: "file.not-xlsx",
        message: `${file}是 OpenDocument 表格（.ods）。${SAVE_AS_XLSX}。`,
      };
    }
    return {
      code: "file.not-xlsx",
      message: `${file}是压缩包（zip），不是 Excel 工作簿。请先解压，再选择其中的 .xlsx 文件；或${SAVE_AS_XLSX.slice(1)}。`,
    };
  }
  const text = firstText(bytes);
  if (text.startsWith("<")) {
    // Many school and bank systems export "xls" files that are really HTML or SpreadsheetML 2003.
    return {
      code: "file.not-xlsx",
      message: `${file}是网页（HTML）或 XML 格式的表格，只是扩展名像 Excel 文件。${SAVE_AS_XLSX}。`,
    };
  }
  return {
    code: "file.not-xlsx",
    message:
      `${file}不是 Excel 工作簿（.xlsx）。如果它是 CSV 或文本文件，请按 CSV 导入；` + `否则${SAVE_AS_XLSX.slice(1)}。`,
  };
}

/**
 * What the zip and XML libraries say in English (fflate, yauzl and node:zlib, saxes), in the
 * Chinese a user reads; details already in Chinese (ours) and unknown ones pass unchanged.
 */
const LIBRARY_DETAILS: readonly [RegExp, string][] = [
  [/too many bytes in the stream|not enough bytes in the stream/i, "压缩数据的实际大小与声明的不符"],
  [/zip data|central directory|local file header|signature|multi-?disk|zip64/i, "压缩包结构已损坏"],
  [
    /distance|block type|length\/literal|stored block|header check|data check|code lengths|huffman|inflate|unexpected EOF|compression|stream finish|invalid utf-8/i,
    "压缩数据已损坏",
  ],
  [/unclosed tag|unexpected end|root element|unclosed/i, "XML 结构不完整"],
  [/tag|attribute|entity|character|root node|xml|doctype|comment|processing instruction|cdata/i, "XML 格式错误"],
];

export function readableDetail(detail: string): string {
  if (/[\u3400-\u9fff]/.test(detail)) return detail;
  for (const [pattern, chinese] of LIBRARY_DETAILS) if (pattern.test(detail)) return chinese;
  return detail;
}

export function unreadableProblem(fileName: string | undefined, detail: string): ReadProblem {
  return {
    code: "file.unreadable",
    message:
      `${fileLabel(fileName)}看起来是 .xlsx，但内容已损坏或格式不标准，无法读取（${readableDetail(detail)}）。` +
      `请用 Excel 或 WPS 打开，确认内容完整后“另存为 Excel 工作簿(*.xlsx)”，再导入新文件。`,
  };
}

export function sheetMissingProblem(
  fileName: string | undefined,
  missing: string,
  available: readonly string[],
): ReadProblem {
  const list = available.map((name) => `“${name}”`).join("、");
  return {
    code: "file.sheet-missing",
    message:
      `${fileLabel(fileName)}中没有名为“${missing}”的工作表。现有工作表：${list || "（无）"}。` +
      `请改用其中一个名称（注意全角/半角和空格）。`,
  };
}

export function truncatedProblem(fileName: string | undefined): ReadProblem {
  return {
    code: "file.truncated",
    message:
      `${fileLabel(fileName)}不完整：文件末尾缺了一段（缺少压缩包的目录），通常是下载、复制或保存附件时中断造成的。` +
      `请重新下载或复制一份完整的文件（可与原文件比较大小），再导入。`,
  };
}

/** 1.5 GB, 300 MB, 12 KB: sizes as people read them. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Why a package is refused before it can eat the memory: the limit it passes. */
export type TooLarge =
  | { kind: "entries"; count: number; limit: number }
  | { kind: "part"; part: string; size: number; limit: number; streaming: boolean }
  | { kind: "total"; size: number; limit: number }
  | { kind: "cells"; sheet: string; limit: number }
  | { kind: "merges"; sheet: string; limit: number };

const STREAM_HINT = "命令行“zizhu check”会逐行流式读取大文件，不必整个载入；也可以把名单拆成几个较小的文件再导入。";
const SPLIT_HINT = "请把名单拆成几个较小的文件（例如按年级或学校）后再检查。";

export function tooLargeProblem(fileName: string | undefined, why: TooLarge): ReadProblem {
  const file = fileLabel(fileName);
  let message: string;
  switch (why.kind) {
    case "entries":
      message =
        `${file}包含 ${why.count} 个内部文件，超过上限 ${why.limit} 个（正常的 Excel 工作簿只有几十个）。` +
        `它可能已损坏，或是特意构造的压缩包；为免耗尽内存，没有读取。` +
        `请用 Excel 或 WPS 打开后“另存为 Excel 工作簿(*.xlsx)”，再导入新文件。`;
      break;
    case "part":
      message = why.streaming
        ? `${file}中的“${why.part}”解压后有 ${sizeText(why.size)}，超过读取上限 ${sizeText(why.limit)}，为免耗尽内存，没有读取。${SPLIT_HINT}`
        : `${file}太大，无法整个载入内存读取：其中“${why.part}”解压后有 ${sizeText(why.size)}，` +
          `超过一次载入的上限 ${sizeText(why.limit)}。${STREAM_HINT}`;
      break;
    case "total":
      message =
        `${file}太大，无法整个载入内存读取：要读取的内容解压后共 ${sizeText(why.size)}，` +
        `超过一次载入的上限 ${sizeText(why.limit)}。${STREAM_HINT}`;
      break;
    case "cells":
      message =
        `${file}的工作表“${why.sheet}”中有内容的单元格超过 ${why.limit.toLocaleString("en-US")} 个，` +
        `超出本工具的读取上限，为免耗尽内存，已停止读取。${SPLIT_HINT}`;
      break;
    case "merges":
      message =
        `${file}的工作表“${why.sheet}”中合并单元格超过 ${why.limit.toLocaleString("en-US")} 处，` +
        `超出本工具的读取上限，为免耗尽内存，已停止读取。它可能已损坏，或是特意构造的文件；` +
        `请用 Excel 或 WPS 打开，取消不需要的合并单元格后“另存为 Excel 工作簿(*.xlsx)”，再导入新文件。`;
      break;
  }
  return { code: "file.too-large", message };
}

/** ExcelJS (which writes fixes and new sheets into the user's file) cannot load a file we can read. */
export function writeUnsupportedProblem(fileName: string | undefined, _detail: string): ReadProblem {
  // The writer library's own text (a JavaScript error) is not for the user: the message says what to do.
  return {
    code: "file.write-unsupported",
    message:
      `${fileLabel(fileName)}可以读取和检查，但它由其他程序写出，内部格式无法在原文件上写入修正或新工作表。` +
      `请用 Excel 或 WPS 打开后“另存为 Excel 工作簿(*.xlsx)”，再对新文件操作。`,
  };
}
