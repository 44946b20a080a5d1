/**
 * The holiday notices imported on the 工具 tab, kept in the workbook (its settings, under
 * CALENDAR_KEY, as the text serializeCalendar writes): the custom functions, the 公示表 and every
 * colleague who opens the workbook count working days with the same schedule. Read when the pane
 * starts (the shared runtime loads it with the workbook) and written after an import or a removal.
 */
import { fail, hostFailed, type HostProblem, ok, type Result } from "../../core";
import { hostFailure, isHostError } from "./errors";
import { readSetting, writeSetting } from "./settings";

export const CALENDAR_KEY = "zizhu.calendar";

/** The stored text, or null when nothing is stored (or outside Office). Checking it is the caller's. */
export function loadWorkbookCalendar(): string | null {
  const stored = readSetting(CALENDAR_KEY);
  if (stored === undefined) return null;
  // Stored as text; anything else (edited by another tool) is handed on as JSON so that
  // deserializeCalendar says what is wrong with it.
  return typeof stored === "string" ? stored : JSON.stringify(stored);
}

/** Stores the serialized years (null removes them) and saves the settings into the document. */
export function saveWorkbookCalendar(serialized: string | null): Promise<Result<void, HostProblem>> {
  return writeSetting(CALENDAR_KEY, serialized ?? undefined);
}

/**
 * Recalculates the whole workbook (one sync), so ZIZHU.NOTICE_END, WORKDAY and NETWORKDAYS cells
 * count with the calendar just imported or removed.
 */
export async function recalculateWorkbook(): Promise<Result<void, HostProblem>> {
  try {
    await Excel.run(async (context) => {
      // Host quirk: a changed calendar dirties no cell, so a plain recalculation would skip every
      // custom function; only a full one calls them again.
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    });
    return ok(undefined);
  } catch (error) {
    if (!isHostError(error)) throw error;
    return fail(hostFailed(hostFailure("重新计算工作簿", error)));
  }
}
