/**
 * The fellow sheets of a 帮扶 workbook, read with the active sheet for the 校验 tab: a pairing
 * ledger is checked with its 帮扶记录 and the aid roster it must cover.
 */
import { detectRoster, isLedgerKind, makeGrid, type CellValue, type RosterKind } from "../../core";
import { mapState, type Area, type SheetJob, type SyncCount } from "./read";

/** Rows of a sheet's top read to tell what it is (detectRoster scans this many for a header). */
const HEAD_ROWS = 40;

/**
 * The fellow sheets of a 帮扶 workbook: when the active sheet or another visible one is a pairing
 * ledger (帮联台账, 帮扶记录, 学困生成绩), the other visible ledgers and aid rosters, in the workbook's
 * order, as far as `budget` cells go. Each sheet's top rows are read first (three small syncs), so a
 * workbook without a ledger costs no more than that. Returns the jobs and the sheets left out for size.
 */
export async function companionJobs(
  context: Excel.RequestContext,
  active: { name: string; area: Area; sheet: Excel.Worksheet },
  budget: number,
  syncs: SyncCount,
): Promise<{ jobs: SheetJob[]; skipped: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/visibility");
  syncs.n++;
  await context.sync();
  const candidates = sheets.items.filter((s) => s.name !== active.name && mapState(s.visibility) === "visible");
  if (candidates.length === 0) return { jobs: [], skipped: [] };
  const probes = candidates.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address, rowIndex, columnIndex, rowCount, columnCount");
    return { sheet, used };
  });
  syncs.n++;
  await context.sync();
  const present = probes.flatMap(({ sheet, used }) =>
    used.isNullObject
      ? []
      : [
          {
            sheet,
            used,
            area: { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount },
          },
        ],
  );
  const headOf = (sheet: Excel.Worksheet, area: Area) => {
    const head = sheet.getRangeByIndexes(area.row, area.col, Math.min(HEAD_ROWS, area.rows), area.cols);
    head.load("values");
    return head;
  };
  const activeHead = headOf(active.sheet, active.area);
  const heads = present.map((p) => headOf(p.sheet, p.area));
  syncs.n++;
  await context.sync();
  const kindOf = (name: string, values: unknown[][]): RosterKind | null => {
    const d = detectRoster(makeGrid(name, values as CellValue[][]));
    return d.ok ? d.value.detected : null;
  };
  const kinds = present.map((p, i) => kindOf(p.sheet.name, heads[i]?.values ?? []));
  if (
    !isLedgerKind(kindOf(active.name, activeHead.values) ?? undefined) &&
    !kinds.some((k) => isLedgerKind(k ?? undefined))
  )
    return { jobs: [], skipped: [] };
  const jobs: SheetJob[] = [];
  const skipped: string[] = [];
  let left = budget;
  present.forEach(({ sheet, used, area }, i) => {
    const kind = kinds[i] ?? undefined;
    if (!(isLedgerKind(kind) || kind === "students")) return;
    if (area.rows * area.cols > left) {
      skipped.push(sheet.name);
      return;
    }
    left -= area.rows * area.cols;
    jobs.push({ sheet, target: used, name: sheet.name, state: "visible", area });
  });
  return { jobs, skipped };
}
