/**
 * A CSV has no cell types: every value is text. Excel's SUM and SUMIFS skip text, so amounts read
 * from a CSV would add up to nothing in the 格式化花名册 and 汇总表 made from it. This gives the
 * roster's amount column numbers where the text is a plain number ("450", "1,250.50", "４５０");
 * nothing else is touched — identifiers stay text, so no digit is ever lost.
 */
import type { CellValue, Grid, WorkbookData } from "../grid/types";
import { toHalfWidth } from "../text/normalize";
import { detectRoster } from "./detect";

const PLAIN_NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** The number a plain-number text means, or null. */
export function plainNumber(value: CellValue): number | null {
  if (typeof value !== "string") return null;
  const text = toHalfWidth(value).trim();
  if (!PLAIN_NUMBER.test(text)) return null;
  const n = Number(text.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

function typedSheet(grid: Grid): Grid {
  const d = detectRoster(grid);
  if (!d.ok) return grid;
  const cols = d.value.columns.filter((c) => c.field === "amount").map((c) => c.col);
  if (cols.length === 0) return grid;
  let rows: CellValue[][] | null = null;
  for (const r of d.value.dataRows) {
    for (const c of cols) {
      const n = plainNumber(grid.rows[r]?.[c] ?? null);
      if (n === null) continue;
      rows ??= grid.rows.map((row) => [...row]);
      const row = rows[r];
      if (row) row[c] = n;
    }
  }
  return rows ? { ...grid, rows } : grid;
}

/** The workbook with its rosters' amount columns typed as numbers (a new object; the input is not changed). */
export function typeAmountColumns(wb: WorkbookData): WorkbookData {
  return { ...wb, sheets: wb.sheets.map(typedSheet) };
}
