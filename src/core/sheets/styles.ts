/**
 * The house style of the official sheets: 宋体 for tables, 黑体/宋体 bold titles, 仿宋 for the
 * signature lines, thin borders, A4. Builders take these presets so every sheet prints alike.
 */
import type { CellStyle, PrintSetup, SheetSpec } from "./spec";

export const FONT_TABLE = "宋体";
export const FONT_TITLE = "宋体";
export const FONT_SIGN = "仿宋";

export const STYLE = {
  title: { font: { name: FONT_TITLE, size: 16, bold: true }, horizontal: "center", vertical: "middle" },
  subtitle: { font: { name: FONT_TABLE, size: 11 }, horizontal: "left", vertical: "middle" },
  header: {
    font: { name: FONT_TABLE, size: 11, bold: true },
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: true,
    fill: "F2F2F2",
  },
  cell: { font: { name: FONT_TABLE, size: 10 }, vertical: "middle", border: true },
  center: { horizontal: "center" },
  text: { numFmt: "@" },
  money: { numFmt: "#,##0.00", horizontal: "right" },
  integer: { numFmt: "0", horizontal: "center" },
  date: { numFmt: "yyyy-mm-dd", horizontal: "center" },
  total: { font: { name: FONT_TABLE, size: 10, bold: true } },
  sign: { font: { name: FONT_SIGN, size: 12 }, vertical: "middle" },
  note: { font: { name: FONT_TABLE, size: 10 }, wrap: true, vertical: "top" },
} as const satisfies Record<string, CellStyle>;

/** A4 landscape, all columns on one page width, as many pages down as needed. */
export function landscapeA4(titleRows?: { from: number; to: number }): PrintSetup {
  return {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows,
    centerFooter: "第 &P 页 共 &N 页",
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
  };
}

/**
 * A table under a column header in row `headerRow`: the rows down to the header stay in view, and
 * only the header repeats on each printed page (landscape A4) — the title and the lines above the
 * header belong to the first page, as on the paper forms.
 */
export function headerRowLayout(headerRow: number): Pick<SheetSpec, "freeze" | "print"> {
  return { freeze: { rows: headerRow + 1, columns: 0 }, print: landscapeA4({ from: headerRow, to: headerRow }) };
}

export function portraitA4(): PrintSetup {
  return {
    orientation: "portrait",
    paper: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
  };
}

/** Width in Excel characters for a text: CJK characters count double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}
