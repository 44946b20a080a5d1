/**
 * The workbook's opt-in triggers. Like Apps Script's onOpen/onEdit, both are off until the user
 * turns them on for a workbook:
 * - on open: check the roster as the workbook opens and show the result (the add-in loads with
 *   the document);
 * - on edit: the live check — re-check the rows the user edits (on-edit.ts).
 * Where they are kept is the host's (Excel: the workbook's settings, src/adapters/office/recipe.ts).
 */
export interface Triggers {
  /** Check the roster when the workbook opens (the add-in loads with the document). */
  onOpen: boolean;
  /** Re-check edited rows as the user types (the live check). */
  onEdit: boolean;
}

const NO_TRIGGERS: Triggers = Object.freeze({ onOpen: false, onEdit: false });

/** The triggers a stored value turns on: only a literal `true` does (anything else is off). */
export function readTriggers(stored: unknown): Triggers {
  if (stored === null || typeof stored !== "object") return { ...NO_TRIGGERS };
  const t = stored as Partial<Record<keyof Triggers, unknown>>;
  return { onOpen: t.onOpen === true, onEdit: t.onEdit === true };
}
