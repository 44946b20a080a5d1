import {
  createCalendar,
  shippedCalendar,
  type Calendar,
  type CalendarConflict,
  type ImportedYear,
} from "../src/core/calendar";

/**
 * The calendar the date functions (WORKDAY, NETWORKDAYS, NOTICE_END) count with: the data package
 * unless a host has added imported years — the workbook's imported notices (Excel, read from the
 * workbook settings when it opens and after an import on the 工具 tab), the page's (standalone),
 * or `--calendar FILE` and the user calendar folder (CLI). Hosts set it; functions only read it.
 *
 * Host quirk: in Excel's shared runtime the custom functions, the ribbon commands and the pane are
 * separate bundles on one page (functions.js, commands.js, taskpane.js), each with its own copy of
 * this module. The state lives on the page (globalThis, under a registered symbol) so that the
 * calendar the pane imports is the one ZIZHU.NOTICE_END counts with.
 */
interface CalendarState {
  active: Calendar | undefined;
  conflicts: readonly CalendarConflict[];
}

const STATE = Symbol.for("zizhu.calendarContext");

function state(): CalendarState {
  const page = globalThis as unknown as { [STATE]?: CalendarState };
  return (page[STATE] ??= { active: undefined, conflicts: [] });
}

export function activeCalendar(): Calendar {
  return state().active ?? shippedCalendar();
}

/** A ready calendar (e.g. the CLI's, built once for all its commands); undefined: the data package. */
export function setActiveCalendar(calendar: Calendar | undefined): void {
  state().active = calendar;
  state().conflicts = [];
}

/**
 * The shipped years plus these imported ones. Returns the conflicts (a year the data package has
 * and the import contradicts: the package is used) for the host to show; they stay readable from
 * activeCalendarConflicts() too.
 */
export function setImportedYears(years: readonly ImportedYear[]): readonly CalendarConflict[] {
  if (years.length === 0) {
    setActiveCalendar(undefined);
    return [];
  }
  const combined = createCalendar(years);
  state().active = combined.calendar;
  state().conflicts = combined.conflicts;
  return combined.conflicts;
}

export function activeCalendarConflicts(): readonly CalendarConflict[] {
  return state().conflicts;
}
