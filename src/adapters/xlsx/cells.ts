/**
 * Small conversions shared by the in-memory and the streaming reader. Browser-safe.
 */
const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 to 1970-01-01: serial of the Unix epoch in the 1900 system. */
const UNIX_EPOCH_SERIAL = 25569;
/** 1904 system serial 0 = 1904-01-01 = 1900 system serial 1462. */
export const DATE1904_OFFSET = 1462;

/**
 * The Excel serial (1900 system) of a Date that ExcelJS made from a cell. ExcelJS builds these
 * Dates as UTC instants (serial → ms since the Unix epoch), so we read the UTC time value and
 * never local fields: a reader in UTC+8 and one in UTC-8 get the same serial. Serials before
 * 1900-03-01 follow Excel's phantom 29 Feb 1900 (serial 60), exactly as ExcelJS counts them.
 */
export function serialFromDate(date: Date): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const serial = UNIX_EPOCH_SERIAL + Math.round(ms) / MS_PER_DAY;
  // Round away floating-point noise below a millisecond (1 ms ≈ 1.16e-8 day).
  return Math.round(serial * 1e9) / 1e9;
}

/**
 * A date-formatted number as readXlsx always gave it (through ExcelJS's Date): rounded to the
 * millisecond, and in a 1904-system workbook moved by 1462 days, since the Grid speaks the 1900
 * system. Seals made by earlier versions hash these values.
 */
export function dateSerialAsExcelJs(serial: number, date1904: boolean): number | null {
  const days = serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE1904_OFFSET : 0);
  return serialFromDate(new Date(Math.round(days * MS_PER_DAY)));
}

/** Built-in number formats of a zh-CN Excel that ExcelJS does not know (ids 27–36, 50–58). */
export const ZH_CN_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** A format worth recording in Grid.formats: anything but General. */
/**
 * ExcelJS's own test for a date format: date/time letters outside quotes and brackets, here also
 * outside backslash escapes (`0.0\h` shows “12.5h”: the escaped h is literal text, not hours).
 * Give it the format code as written in styles.xml, escapes included.
 */
export function isDateFormat(format: string): boolean {
  return /[ymdhsb]/i.test(
    format
      .replace(/\\./g, "")
      .replace(/\[[^\]]*]/g, "")
      .replace(/"[^"]*"/g, ""),
  );
}

export function isRecordedFormat(format: string | undefined): format is string {
  return format !== undefined && format !== "" && format.toLowerCase() !== "general";
}

const FIELD_CODES: Readonly<Record<string, string>> = {
  P: "{页码}",
  N: "{总页数}",
  D: "{日期}",
  T: "{时间}",
  F: "{文件名}",
  A: "{工作表名}",
  Z: "{路径}",
  G: "{图片}",
};

/**
 * Page header/footer text without Excel's formatting codes: section markers (&L &C &R) become a
 * space, fonts (&"宋体,加粗"), sizes (&12), colours (&KFF0000) and toggles (&B &U…) go, fields
 * (&P, &D, &F…) become readable placeholders and && becomes &. The privacy scan then sees the
 * words a printed page shows.
 */
export function headerFooterText(raw: string): string {
  return raw
    .replace(
      /&(&|"[^"]*"|K[0-9A-Fa-f]{6}|K\d\d[+-]\d{3}|\d{1,3}|[LCR]|[BIUESXYOH]|[PNDTFAZG])/g,
      (_m, code: string) => {
        if (code === "&") return "&";
        if (code === "L" || code === "C" || code === "R") return " ";
        return FIELD_CODES[code] ?? "";
      },
    )
    .replace(/\s+/g, " ")
    .trim();
}

/** 0-based range of an A1 range reference such as "A1:C2" (or a single cell "B3"). */
export function parseRangeRef(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] !== undefined ? Number(m[4]) - 1 : top;
  const right = m[3] !== undefined ? columnIndex(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** 0-based column index of letters "A", "AB"… */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row and column of an A1 cell reference ("C5" → 4, 2), or null. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  // Scanned by hand, not with a regular expression: the readers call this for every cell.
  let i = 0;
  let end = ref.length;
  while (i < end && ref.charCodeAt(i) <= 32) i++;
  while (end > i && ref.charCodeAt(end - 1) <= 32) end--;
  if (ref.charCodeAt(i) === 36) i++; // $
  let col = 0;
  let letters = 0;
  for (; i < end; i++, letters++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  if (letters < 1 || letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < end; i++, digits++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (digits === 0 || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}
