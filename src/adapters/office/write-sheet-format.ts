/**
 * The formatting half of writeSheetSpec (write-sheet.ts), as Office.js operations queued on the new
 * sheet: a style on a range, column widths, row heights, number formats outside the value area and
 * the page setup. Each returns how many operations it queued (write-sheet.ts syncs every
 * WRITE_LIMITS.actionsPerSync of them).
 */
import type { CellStyle, SheetSpec } from "../../core";

/**
 * Excel's column width unit is a character of the default font (7 px for 11-pt 等线/Calibri at
 * 96 dpi) plus 5 px of padding; Office.js wants points (0.75 pt per px): chars → (chars × 7 + 5) × 0.75.
 */
export const PX_PER_CHAR = 7;
export function widthPoints(chars: number): number {
  return chars <= 0 ? 0 : Math.round((chars * PX_PER_CHAR + 5) * 0.75 * 100) / 100;
}

/** Points per inch, for the print margins (the spec's are in inches, Office.js wants points). */
const POINTS_PER_INCH = 72;

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Applies a style to a range; returns how many operations it queued. */
export function applyStyle(f: Excel.RangeFormat, style: CellStyle, rows: number, cols: number): number {
  let n = 0;
  if (style.font) {
    if (style.font.name !== undefined) {
      f.font.name = style.font.name;
      n++;
    }
    if (style.font.size !== undefined) {
      f.font.size = style.font.size;
      n++;
    }
    if (style.font.bold !== undefined) {
      f.font.bold = style.font.bold;
      n++;
    }
    if (style.font.color !== undefined) {
      f.font.color = `#${style.font.color}`;
      n++;
    }
  }
  if (style.horizontal) {
    f.horizontalAlignment = H_ALIGN[style.horizontal];
    n++;
  }
  if (style.vertical) {
    f.verticalAlignment = V_ALIGN[style.vertical];
    n++;
  }
  if (style.wrap !== undefined) {
    f.wrapText = style.wrap;
    n++;
  }
  if (style.fill) {
    f.fill.color = `#${style.fill}`;
    n++;
  }
  if (style.border) {
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal")[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    // Inside borders only exist where the range has more than one column / row.
    if (cols > 1) edges.push("InsideVertical");
    if (rows > 1) edges.push("InsideHorizontal");
    for (const edge of edges) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#000000";
      n += 4;
    }
  }
  return n;
}

/** "A1" style row reference for print titles: 0-based inclusive → "$1:$3". */
function rowsRef(from: number, to: number): string {
  return `$${from + 1}:$${to + 1}`;
}

/** numFmt of the part of a style range outside the value area (below or right of it). */
export function writeOuterFormat(
  sheet: Excel.Worksheet,
  cr: { top: number; bottom: number; left: number; right: number },
  rows: number,
  cols: number,
  fmt: string,
): number {
  const fill = (r: number, c: number): string[][] => Array.from({ length: r }, () => new Array<string>(c).fill(fmt));
  let n = 0;
  const write = (top: number, left: number, bottom: number, right: number): void => {
    if (bottom < top || right < left) return;
    sheet.getRangeByIndexes(top, left, bottom - top + 1, right - left + 1).numberFormat = fill(
      bottom - top + 1,
      right - left + 1,
    );
    n++;
  };
  // Below the value area (all columns of the range), then right of it (rows inside the area).
  write(Math.max(cr.top, rows), cr.left, cr.bottom, cr.right);
  write(cr.top, Math.max(cr.left, cols), Math.min(cr.bottom, rows - 1), cr.right);
  return n;
}

/** Column widths, consecutive equal widths in one operation. */
export function setColumnWidths(sheet: Excel.Worksheet, widths: readonly number[]): number {
  let n = 0;
  for (let c = 0; c < widths.length;) {
    const w = widths[c];
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === w) end++;
    if (w !== undefined && w > 0) {
      sheet.getRangeByIndexes(0, c, 1, end - c + 1).format.columnWidth = widthPoints(w);
      n++;
    }
    c = end + 1;
  }
  return n;
}

/** Row heights, consecutive rows of equal height in one operation. */
export function setRowHeights(sheet: Excel.Worksheet, heights: ReadonlyMap<number, number>): number {
  const sorted = [...heights.entries()].filter(([, h]) => h > 0).sort((a, b) => a[0] - b[0]);
  let n = 0;
  for (let i = 0; i < sorted.length;) {
    const [row, h] = sorted[i] ?? [0, 0];
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]?.[1] === h && sorted[j + 1]?.[0] === (sorted[j]?.[0] ?? 0) + 1) j++;
    sheet.getRangeByIndexes(row, 0, j - i + 1, 1).format.rowHeight = h;
    n++;
    i = j + 1;
  }
  return n;
}

/** Page setup (ExcelApi 1.9): orientation, A4, fit to width, print titles, footer, margins, centering. */
export function setPrint(sheet: Excel.Worksheet, spec: SheetSpec): number {
  const p = spec.print;
  if (!p) return 0;
  const layout = sheet.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  let n = 2;
  if (p.scale !== undefined) {
    // A fixed scale: Excel ignores manual page breaks (申请表) under "fit to" scaling.
    layout.zoom = { scale: p.scale };
    n++;
  } else if (p.fitToWidth !== undefined || p.fitToHeight !== undefined) {
    // 0 pages tall: as many as needed (Office.js takes 0 as "automatic").
    layout.zoom = { horizontalFitToPages: p.fitToWidth ?? 0, verticalFitToPages: p.fitToHeight ?? 0 };
    n++;
  }
  if (p.titleRows) {
    layout.setPrintTitleRows(rowsRef(p.titleRows.from, p.titleRows.to));
    n++;
  }
  if (p.centerFooter !== undefined) {
    layout.headersFooters.defaultForAllPages.centerFooter = p.centerFooter;
    n++;
  }
  if (p.centerHeader !== undefined) {
    layout.headersFooters.defaultForAllPages.centerHeader = p.centerHeader;
    n++;
  }
  if (p.margins) {
    const m = p.margins;
    layout.leftMargin = m.left * POINTS_PER_INCH;
    layout.rightMargin = m.right * POINTS_PER_INCH;
    layout.topMargin = m.top * POINTS_PER_INCH;
    layout.bottomMargin = m.bottom * POINTS_PER_INCH;
    layout.headerMargin = m.header * POINTS_PER_INCH;
    layout.footerMargin = m.footer * POINTS_PER_INCH;
    n += 6;
  }
  if (p.horizontalCentered !== undefined) {
    layout.centerHorizontally = p.horizontalCentered;
    n++;
  }
  return n;
}
