/**
 * Writes a masked WorkbookData (built by the pane) into NEW worksheets named 脱敏副本-原表名
 * (脱敏副本-花名册 (2)… when taken; at most 31 characters, without []:*?/\). The original sheets
 * are never written to.
 *
 * Identifier columns (ID numbers, phone numbers, bank cards, as the engine detects them) and every
 * text cell are formatted "@" before their values are written: a masked ID must stay text, and a
 * value starting with "=" must never become a formula. Numbers keep their recorded number format.
 *
 * Syncs: 1 to find free names, then 1 per WRITE_CELLS cells of each sheet (the sheet creation rides
 * with its first chunk).
 */
import {
  type CellValue,
  type Grid,
  type WorkbookData,
  cellKey,
  fail,
  hostFailed,
  type HostProblem,
  ok,
  type Result,
  detectRoster,
  type FieldKey,
  MASKED_SHEET_PREFIX,
} from "../../core";
import { freeSheetNames, writeInChunks } from "./export";
import { hostFailure, isHostError } from "./errors";
import { chunkMatrices } from "./write-sheet-layout";

export const MASKED_PREFIX = MASKED_SHEET_PREFIX;
/** Cells per request: masked values are short texts, so ~40,000 cells stay near 1–2 MB. */
const WRITE_CELLS = 40_000;
const ID_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(["idNumber", "guardianId", "phone", "account"]);

/** The columns (0-based) holding identifiers, as detected in the masked grid. */
function identifierColumns(grid: Grid): Set<number> {
  const detected = detectRoster(grid);
  const out = new Set<number>();
  if (detected.ok) for (const c of detected.value.columns) if (ID_FIELDS.has(c.field)) out.add(c.col);
  return out;
}

function formatOf(grid: Grid, r: number, c: number, value: CellValue, textCols: ReadonlySet<number>): string {
  if (textCols.has(c) || typeof value === "string") return "@";
  return grid.formats.get(cellKey(r, c)) ?? "General";
}

export async function writeMaskedCopy(workbook: WorkbookData): Promise<Result<{ sheets: string[] }, HostProblem>> {
  const grids = workbook.sheets.filter((g) => g.rows.some((row) => row.length > 0));
  if (grids.length === 0) return fail(hostFailed("没有可写入脱敏副本的数据。"));
  const written: string[] = [];
  try {
    const names = await Excel.run(async (context) => {
      const chosen = await freeSheetNames(
        context,
        grids.map((g) => `${MASKED_PREFIX}${g.name}`),
      );
      if (chosen.some((n) => n === null)) return chosen;
      for (const [i, grid] of grids.entries()) {
        const name = chosen[i] ?? "";
        const sheet = context.workbook.worksheets.add(name);
        written.push(name);
        // Queued now, sent with the sheet's first chunk.
        if (i === 0) sheet.activate();
        const cols = Math.max(...grid.rows.map((row) => row.length));
        const textCols = identifierColumns(grid);
        await writeInChunks(context, grid.rows.length, WRITE_CELLS / cols, (start, count) => {
          const range = sheet.getRangeByIndexes(start, 0, count, cols);
          const { values, formats } = chunkMatrices(grid.rows, start, count, cols, (r, c, value) =>
            formatOf(grid, r, c, value, textCols),
          );
          // Formats first: Excel would otherwise parse the texts as they are written.
          range.numberFormat = formats;
          range.values = values;
        });
      }
      return chosen;
    });
    const missing = grids.filter((_, i) => names[i] === null).map((g) => g.name);
    if (missing.length > 0) {
      return fail(
        hostFailed(
          `工作簿里已有太多“${MASKED_PREFIX}${missing[0] ?? ""}”开头的工作表，无法再新建脱敏副本。请删除或重命名旧的副本后重试。`,
        ),
      );
    }
    return ok({ sheets: written });
  } catch (error) {
    if (!isHostError(error)) throw error;
    const where = written.length > 0 ? `（新工作表“${written.join("”“")}”可能只写入了一部分，可删除后重试）` : "";
    return fail(hostFailed(hostFailure(`写入脱敏副本${where}`, error)));
  }
}
