/**
 * Applies the safe fixes the user confirmed in the pane, in place, in three syncs whatever their
 * number: (1) the sheets still exist; (2) the target cells' current values; (3) every write.
 *
 * Only the planned cells are written. A cell whose value changed since the check (the user typed
 * in it meanwhile) is left alone and counted as skipped: the fix was planned for the old value.
 * Text-format fixes set "@" on their column from the header row down to the last data row; they
 * are queued before any value, and a long digit string (an ID, a card number) is written into a
 * cell formatted "@" — Excel turns such a string into a number in a General cell and the digits
 * past the 15th are gone.
 */
import {
  type CellFix,
  type ColumnFix,
  type Fix,
  type CellValue,
  fail,
  hostFailed,
  type HostProblem,
  ok,
  type Result,
} from "../../core";
import { hostFailure, isHostError } from "./errors";

export interface AppliedFixes {
  /** Cells whose value was written. */
  cells: number;
  /** Columns set to the text format. */
  columns: number;
  /** Planned cells not written because their value changed since the check. */
  skipped: number;
  syncs: number;
}

/** Excel hands an empty cell back as "". */
function same(planned: CellValue, current: unknown): boolean {
  return (planned ?? "") === current;
}

function bySheet(fixes: readonly Fix[]): Map<string, { cells: CellFix[]; columns: ColumnFix[] }> {
  const out = new Map<string, { cells: CellFix[]; columns: ColumnFix[] }>();
  for (const fix of fixes) {
    const group = out.get(fix.sheet) ?? { cells: [], columns: [] };
    out.set(fix.sheet, group);
    if (fix.kind === "text-format") group.columns.push(fix);
    else group.cells.push(fix);
  }
  return out;
}

export async function applyFixes(fixes: readonly Fix[]): Promise<Result<AppliedFixes, HostProblem>> {
  const groups = bySheet(fixes);
  if (groups.size === 0) return ok({ cells: 0, columns: 0, skipped: 0, syncs: 0 });
  let syncs = 0;
  let result: AppliedFixes | null = null;
  let missing: string | null = null;
  try {
    await Excel.run(async (context) => {
      const probes = [...groups.keys()].map((name) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        sheet.load("name");
        return { name, sheet };
      });
      syncs++;
      await context.sync();
      const gone = probes.find((p) => p.sheet.isNullObject);
      if (gone) {
        missing = gone.name;
        return;
      }

      const reads = probes.flatMap(({ name, sheet }) =>
        (groups.get(name)?.cells ?? []).map((fix) => {
          const range = sheet.getRange(fix.cell);
          range.load("values");
          return { fix, range };
        }),
      );
      syncs++;
      await context.sync();

      // Formats first: the values below go into cells that are already text.
      for (const { name, sheet } of probes) {
        for (const col of groups.get(name)?.columns ?? []) {
          const rows = col.toRow - col.fromRow + 1;
          const range = sheet.getRange(`${col.column}${col.fromRow + 1}:${col.column}${col.toRow + 1}`);
          range.numberFormat = Array.from({ length: rows }, () => ["@"]);
        }
      }
      let cells = 0;
      let skipped = 0;
      for (const { fix, range } of reads) {
        if (!same(fix.before, range.values[0]?.[0])) {
          skipped++;
          continue;
        }
        if (fix.asText) range.numberFormat = [["@"]];
        range.values = [[fix.after ?? ""]];
        cells++;
      }
      syncs++;
      await context.sync();
      const columns = [...groups.values()].reduce((n, g) => n + g.columns.length, 0);
      result = { cells, columns, skipped, syncs };
    });
  } catch (error) {
    if (!isHostError(error)) throw error;
    return fail(hostFailed(hostFailure("应用修改", error)));
  }
  if (missing !== null) {
    return fail(hostFailed(`找不到工作表“${missing}”（可能已改名或删除），未做任何修改。请重新校验后再试。`));
  }
  if (!result) return fail(hostFailed("应用修改失败：Excel 未完成请求。请重试。"));
  return ok(result);
}
