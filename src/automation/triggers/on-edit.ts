/**
 * The on-edit trigger (the live check): what it reacts to and what it reports, against a small
 * port — the host says which rows of which sheet the user changed; this decides when to report.
 *
 * - Debounced (default 600 ms): typing down a column, a paste or a fill reports once, with every row.
 * - Rows are the sheet's own, 1-based; an empty list means "the whole sheet" (a change over whole
 *   columns, or too many rows) and stays so until reported.
 * - Changes made by this add-in itself (writing 校验结果, highlights) are ignored, or a check would
 *   trigger another; so are edits on the sheets the add-in writes (OWN_SHEETS): they are not the roster.
 */
import {
  ISSUES_SHEET_NAME,
  FORMS_SHEET_NAME,
  NOTICE_SHEET_NAME,
  ROSTER_SHEET_NAME,
  SEAL_SHEET,
  SUMMARY_SHEET_NAME,
} from "../../core";

/** One change as the host saw it. */
export interface SheetEdit {
  sheet: string;
  /** 1-based rows; [] = the whole sheet. */
  rows: readonly number[];
  /** Written by this add-in (Excel: triggerSource "ThisLocalAddin"). */
  byAddin: boolean;
}

/** Where edits come from (Excel: src/adapters/office/live.ts). */
export interface EditSource {
  /** Starts delivering edits; resolves to a function that stops them. */
  listen(onEdit: (edit: SheetEdit) => void): Promise<() => Promise<void>>;
}

/** Sheets the pane itself writes (their names, before any " (2)"; 报送数据 is only written to files). */
export const OWN_SHEETS: readonly string[] = [
  ISSUES_SHEET_NAME,
  ROSTER_SHEET_NAME,
  SUMMARY_SHEET_NAME,
  NOTICE_SHEET_NAME,
  FORMS_SHEET_NAME,
  SEAL_SHEET,
];

export function isOwnSheet(sheet: string): boolean {
  return OWN_SHEETS.some((own) => sheet.startsWith(own));
}

export interface EditTriggerOptions {
  debounceMs?: number;
  /** Edits on these sheets are not reported (default: isOwnSheet). */
  ignoreSheet?: (sheet: string) => boolean;
}

/** Listens to `source` and calls `onRowsChanged` per sheet after each quiet period. Resolves to stop. */
export async function startEditTrigger(
  source: EditSource,
  onRowsChanged: (sheet: string, rows: number[]) => void,
  options: EditTriggerOptions = {},
): Promise<() => Promise<void>> {
  const debounceMs = options.debounceMs ?? 600;
  const ignoreSheet = options.ignoreSheet ?? isOwnSheet;
  /** Rows per sheet since the last report; null = the whole sheet. */
  const pending = new Map<string, Set<number> | null>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const report = (): void => {
    timer = undefined;
    const batches = [...pending];
    pending.clear();
    for (const [sheet, rows] of batches) {
      if (!ignoreSheet(sheet)) onRowsChanged(sheet, rows ? [...rows].sort((a, b) => a - b) : []);
    }
  };

  const onEdit = (edit: SheetEdit): void => {
    if (stopped || edit.byAddin) return;
    const seen = pending.get(edit.sheet);
    if (edit.rows.length === 0 || seen === null) pending.set(edit.sheet, null);
    else {
      const set = seen ?? new Set<number>();
      for (const r of edit.rows) set.add(r);
      pending.set(edit.sheet, set);
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(report, debounceMs);
  };

  const stopSource = await source.listen(onEdit);
  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending.clear();
    await stopSource();
  };
}
