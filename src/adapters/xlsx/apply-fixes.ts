/**
 * Safe fixes written into an ExcelJS workbook (a copy of the user's file, loaded from its bytes):
 * text format first, then the new values, so a long digit string stays text. Browser-safe.
 */
import type ExcelJS from "exceljs";
import type { Fix } from "../../core";

/**
 * Applies the fixes in place on the loaded copy; returns how many cells and columns changed, and
 * the sheets named by fixes that the copy does not have (nothing is written for those).
 */
export function applyFixesToWorkbook(
  workbook: ExcelJS.Workbook,
  fixes: readonly Fix[],
): { cells: number; columns: number; missing: string[] } {
  let cells = 0;
  let columns = 0;
  const missing = new Set<string>();
  for (const fix of fixes) {
    if (fix.kind !== "text-format") continue;
    const ws = workbook.getWorksheet(fix.sheet);
    if (!ws) {
      missing.add(fix.sheet);
      continue;
    }
    for (let r = fix.fromRow; r <= fix.toRow; r++) {
      const cell = ws.getRow(r + 1).getCell(fix.col + 1);
      cell.numFmt = "@";
      // A number already in a text column keeps its value: its lost digits cannot come back.
    }
    columns++;
  }
  for (const fix of fixes) {
    if (fix.kind === "text-format") continue;
    const ws = workbook.getWorksheet(fix.sheet);
    if (!ws) {
      missing.add(fix.sheet);
      continue;
    }
    const cell = ws.getRow(fix.row + 1).getCell(fix.col + 1);
    if (fix.asText) cell.numFmt = "@";
    cell.value = fix.after;
    cells++;
  }
  return { cells, columns, missing: [...missing] };
}
