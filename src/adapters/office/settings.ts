/**
 * Add-in state kept inside the workbook (Office.context.document.settings): the user's column
 * mapping overrides per sheet, and the record of the pane's highlights. Settings travel with the
 * file, so a colleague opening the roster sees the same mapping.
 *
 * Host quirk: settings.set() only changes an in-memory copy; nothing reaches the file until
 * saveAsync() succeeds (and then only when the workbook itself is saved). Values are JSON, so the
 * numeric column keys come back as strings — they are parsed back here.
 */
import { fail, hostFailed, type HostProblem, ok, type Result } from "../../core";

export const COLUMN_OVERRIDES_KEY = "zizhu.columnOverrides";

/** Column index (0-based) → canonical field key, or null for "not a roster column". */
export type ColumnOverrides = Record<number, string | null>;

function settings(): Office.Settings | null {
  // Outside Office (the standalone page, tests without a host) there are no document settings.
  if (typeof Office === "undefined") return null;
  return Office.context?.document?.settings ?? null;
}

/** A setting's stored value, or undefined when there is none (or no host). */
export function readSetting(key: string): unknown {
  const store = settings();
  if (!store) return undefined;
  const value: unknown = store.get(key);
  return value === null ? undefined : value;
}

/** Sets (or, with undefined, removes) a setting and saves the settings into the document. */
export async function writeSetting(key: string, value: unknown): Promise<Result<void, HostProblem>> {
  const store = settings();
  if (!store) return fail(hostFailed("当前不在 Excel 中运行，无法把设置保存到工作簿。"));
  if (value === undefined) store.remove(key);
  else store.set(key, value);
  return new Promise((resolve) => {
    store.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(ok(undefined));
      else
        resolve(
          fail(
            hostFailed(
              `设置未能保存到工作簿（${result.error?.message ?? "未知原因"}）。本次打开期间仍然有效；请确认工作簿未处于只读状态。`,
            ),
          ),
        );
    });
  });
}

function parseOverrides(value: unknown): ColumnOverrides {
  const out: ColumnOverrides = {};
  if (value === null || typeof value !== "object") return out;
  for (const [key, field] of Object.entries(value)) {
    const col = Number(key);
    if (!Number.isInteger(col) || col < 0) continue;
    if (typeof field === "string" || field === null) out[col] = field;
  }
  return out;
}

/** Every sheet's overrides, by sheet name; {} when none are stored or outside Office. */
export function loadColumnOverrides(): Record<string, ColumnOverrides> {
  const stored = readSetting(COLUMN_OVERRIDES_KEY);
  const out: Record<string, ColumnOverrides> = {};
  if (stored === null || typeof stored !== "object") return out;
  for (const [sheet, overrides] of Object.entries(stored)) {
    const parsed = parseOverrides(overrides);
    if (Object.keys(parsed).length > 0) out[sheet] = parsed;
  }
  return out;
}

/**
 * Replaces one sheet's overrides (an empty object clears them) and saves. Resolves to a Result: a
 * failed save (read-only workbook) is a value with a Chinese message, not a rejection.
 */
export async function saveColumnOverrides(
  sheet: string,
  overrides: ColumnOverrides,
): Promise<Result<void, HostProblem>> {
  const all = loadColumnOverrides();
  const cleaned = parseOverrides(overrides);
  if (Object.keys(cleaned).length > 0) all[sheet] = cleaned;
  else delete all[sheet];
  return writeSetting(COLUMN_OVERRIDES_KEY, Object.keys(all).length > 0 ? all : undefined);
}
