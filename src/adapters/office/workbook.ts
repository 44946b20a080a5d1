/**
 * Reads the WHOLE workbook through Office.js — every sheet, hidden and very hidden ones included —
 * and the document properties, for the privacy inventory (personal data hides in hidden sheets and
 * in the file's properties). Each sheet is read like readRosterFromExcel reads the active one
 * (values + number formats in chunks, merged areas, hidden rows/columns); the chunks of all sheets
 * share the syncs:
 *
 *   sync 1   the sheets' names and visibility, the document properties
 *   sync 2   every sheet's used range (position and size)
 *   sync 3…  values + formats of the chunks of all sheets, ~120,000 cells per sync; then ≤ 2 when
 *            some rows or columns are hidden
 *
 * A sheet over the size limit (or one that would take the total over it) is skipped with a Chinese
 * note instead of failing the whole read; empty sheets are left out.
 */
import { type Grid, type WorkbookData, type Result, fail, ok } from "../../core";
import { hostFailure, isHostError } from "./errors";
import { excelApiSupported } from "./write-sheet";
import {
  type Area,
  type ExcelReadProblem,
  type SheetJob,
  type SyncCount,
  MAX_CELLS,
  mapState,
  readProperties,
  readSheets,
} from "./read";

export interface WorkbookRead {
  /** Every non-empty sheet in the workbook's order, with its state (visible / hidden / veryHidden). */
  workbook: WorkbookData;
  /** How many context.sync() calls the read took. */
  syncs: number;
  /** Chinese notes about sheets that were skipped (too large); [] when every sheet was read. */
  notes: string[];
}

function skippedNote(sheet: string, address: string, area: Area): string {
  return (
    `工作表“${sheet}”的数据区域 ${address} 有 ${area.rows} 行 × ${area.cols} 列，` +
    `超过加载项一次能读取的 ${MAX_CELLS / 10_000} 万个单元格，未扫描。` +
    `可将工作簿另存为 .xlsx 后用独立页面或命令行扫描。`
  );
}

/**
 * Every sheet's used range (null object: an empty sheet) with its address, position and size, in
 * one sync. valuesOnly, as readRosterFromExcel: text-formatted blocks would stretch the used range.
 */
export async function loadUsedRanges(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  syncs: SyncCount,
): Promise<{ sheet: Excel.Worksheet; used: Excel.Range }[]> {
  const probes = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address, rowIndex, columnIndex, rowCount, columnCount");
    return { sheet, used };
  });
  syncs.n++;
  await context.sync();
  return probes;
}

/** Custom properties under "custom:NAME", as the file reader keys them (the scanner reads NAME as a label). */
function customProperties(custom: Excel.CustomPropertyCollection | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of custom?.items ?? []) {
    const value: unknown = item.value;
    const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
    if (item.key.trim() !== "" && text.trim() !== "") out[`custom:${item.key}`] = text;
  }
  return out;
}

export async function readWorkbookFromExcel(
  options: { chunkRows?: number } = {},
): Promise<Result<WorkbookRead, ExcelReadProblem>> {
  try {
    return await Excel.run(async (context) => {
      const syncs: SyncCount = { n: 0 };
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name, items/visibility");
      const props = context.workbook.properties;
      props.load("title, subject, author, keywords, comments, category, company, manager, lastAuthor");
      // 文件 → 属性 → 自定义 (ExcelApi 1.7): loaded in the same sync; absent on older hosts.
      const custom = excelApiSupported("1.7") ? props.custom : null;
      custom?.load("items/key, items/value");
      syncs.n++;
      await context.sync();

      const sheets = await loadUsedRanges(context, worksheets.items, syncs);

      const jobs: SheetJob[] = [];
      const notes: string[] = [];
      let total = 0;
      for (const { sheet, used } of sheets) {
        if (used.isNullObject) continue;
        const area: Area = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
        const cells = area.rows * area.cols;
        if (total + cells > MAX_CELLS) {
          notes.push(skippedNote(sheet.name, used.address, area));
          continue;
        }
        total += cells;
        jobs.push({ sheet, target: used, name: sheet.name, state: mapState(sheet.visibility), area });
      }
      const grids: Grid[] = jobs.length > 0 ? await readSheets(jobs, context, syncs, options.chunkRows) : [];
      const properties = { ...readProperties(props), ...customProperties(custom) };
      return ok({ workbook: { sheets: grids, properties }, syncs: syncs.n, notes });
    });
  } catch (error) {
    if (!isHostError(error)) throw error;
    return fail({ code: "excel.failed" as const, message: hostFailure("读取工作簿", error) });
  }
}
