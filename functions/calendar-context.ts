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
 */
let active: Calendar | undefined;
let conflicts: readonly CalendarConflict[] = [];

export function activeCalendar(): Calendar {
  return active ?? shippedCalendar();
}

/** A ready calendar (e.g. the CLI's, built once for all its commands); undefined: the data package. */
export function setActiveCalendar(calendar: Calendar | undefined): void {
  active = calendar;
  conflicts = [];
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
  active = combined.calendar;
  conflicts = combined.conflicts;
  return conflicts;
}

export function activeCalendarConflicts(): readonly CalendarConflict[] {
  return conflicts;
}
