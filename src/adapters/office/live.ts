/**
 * The live check's Office.js wiring: an EditSource (src/automation/triggers/on-edit.ts, which
 * debounces, batches and filters) fed by the edits on the active sheet.
 *
 * - worksheet.onChanged on the active sheet; when another sheet is activated the handler moves to it
 *   (worksheets.onActivated), so edits on sheets the user is not looking at do not trigger checks.
 * - Rows are the sheet's own, 1-based, from event.address ("C5", "A2:D4", "3:5"). A change over whole
 *   columns ("B:B", e.g. a deleted column) or more than MAX_ROWS rows reports an empty list: re-check
 *   the whole sheet.
 */
import {
  startEditTrigger,
  type EditSource,
  type EditTriggerOptions,
  type SheetEdit,
} from "../../automation/triggers/on-edit";
import { LAST_ROW, parseAreas } from "./address";
import { hostFailure, isHostError } from "./errors";

export interface LiveCheckOptions extends EditTriggerOptions {
  /** Called with a Chinese message when following a newly activated sheet fails (the old sheet stays watched). */
  onError?: (message: string) => void;
}

/** A change spanning more rows than this is reported as "the whole sheet" (an empty row list). */
export const MAX_ROWS = 100_000;

/** The 1-based rows an event address covers; [] for whole columns or huge areas (re-check everything). */
export function changedRows(address: string): number[] {
  const rows = new Set<number>();
  for (const area of parseAreas(address)) {
    if (area.top === 0 && area.bottom === LAST_ROW) return [];
    if (area.bottom - area.top + 1 + rows.size > MAX_ROWS) return [];
    for (let r = area.top; r <= area.bottom; r++) rows.add(r + 1);
  }
  return [...rows].sort((a, b) => a - b);
}

type Handler<T> = OfficeExtension.EventHandlerResult<T>;

async function removeHandler<T>(handler: Handler<T> | null): Promise<void> {
  if (!handler) return;
  // Host quirk: a handler must be removed through the request context it was added in.
  await Excel.run(handler.context, async (context) => {
    handler.remove();
    await context.sync();
  });
}

/** Edits on the active sheet, following the user from sheet to sheet. */
export function activeSheetEdits(onError?: (message: string) => void): EditSource {
  return {
    async listen(onEdit: (edit: SheetEdit) => void): Promise<() => Promise<void>> {
      const names = new Map<string, string>();
      let changed: Handler<Excel.WorksheetChangedEventArgs> | null = null;
      let activated: Handler<Excel.WorksheetActivatedEventArgs> | null = null;
      let stopped = false;

      const onChanged = (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
        const sheet = names.get(event.worksheetId);
        if (stopped || sheet === undefined) return Promise.resolve();
        // Our own writes (the 校验结果 sheet, highlights) say so: the trigger does not check them.
        const byAddin = event.triggerSource === "ThisLocalAddin";
        onEdit({ sheet, rows: byAddin ? [] : changedRows(event.address), byAddin });
        return Promise.resolve();
      };

      const watch = (sheetId: string | null): Promise<Handler<Excel.WorksheetChangedEventArgs>> =>
        Excel.run(async (context) => {
          const sheets = context.workbook.worksheets;
          const sheet = sheetId === null ? sheets.getActiveWorksheet() : sheets.getItem(sheetId);
          sheet.load("id, name");
          const handler = sheet.onChanged.add(onChanged);
          await context.sync();
          names.set(sheet.id, sheet.name);
          return handler;
        });

      const onActivated = async (event: Excel.WorksheetActivatedEventArgs): Promise<void> => {
        if (stopped) return;
        try {
          const next = await watch(event.worksheetId);
          const previous = changed;
          changed = next;
          await removeHandler(previous);
          if (stopped) await removeHandler(next);
        } catch (error) {
          if (!isHostError(error)) throw error;
          onError?.(hostFailure("切换工作表后继续实时校验", error));
        }
      };

      changed = await watch(null);
      activated = await Excel.run(async (context) => {
        const handler = context.workbook.worksheets.onActivated.add(onActivated);
        await context.sync();
        return handler;
      });

      return async () => {
        stopped = true;
        const handlers = [changed, activated];
        changed = null;
        activated = null;
        await removeHandler(handlers[0] ?? null);
        await removeHandler(handlers[1] ?? null);
      };
    },
  };
}

/** The live check on the active sheet: the on-edit trigger over activeSheetEdits. Resolves to stop. */
export function startLiveCheck(
  onRowsChanged: (sheet: string, rows: number[]) => void,
  options: LiveCheckOptions = {},
): Promise<() => Promise<void>> {
  return startEditTrigger(activeSheetEdits(options.onError), onRowsChanged, options);
}
