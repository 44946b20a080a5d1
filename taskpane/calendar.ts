/**
 * The pane's holiday calendar: the shipped data plus the notices imported on the 工具 tab, kept by
 * the host (workbook settings in Excel, localStorage on the standalone page). Loading or changing
 * it provides the calendar of the host's context (`host.provideCalendar`) that the notice tool, the
 * 公示表, the recipes and, in Excel, ZIZHU.NOTICE_END… count working days with.
 */
import {
  deserializeCalendar,
  serializeCalendar,
  type Calendar,
  type CalendarConflict,
  type ImportedYear,
  type StoreProblem,
} from "../src/core";
import type { CalendarOutcome, PaneHost } from "../src/adapters/pane-host";

export interface PaneCalendar {
  /** The imported years as kept (those not used too: a conflict, or the same as the shipped data). */
  readonly years: readonly ImportedYear[];
  /** Imported years that contradict the shipped data: the shipped data is used. */
  readonly conflicts: readonly CalendarConflict[];
  /** The calendar in use (the host context's). */
  readonly calendar: Calendar;
  /** The stored value could not be read (it is not used; an import replaces it). */
  readonly broken: readonly StoreProblem[] | null;
}

/** Makes these years the imported ones of the host's calendar. */
export function applyImportedYears(
  host: PaneHost,
  years: readonly ImportedYear[],
  broken: readonly StoreProblem[] | null = null,
): PaneCalendar {
  const conflicts = host.provideCalendar(years);
  return { years, conflicts, calendar: host.context().calendar, broken };
}

/** The calendar as it is before the host has been asked (shipped data, or what the host has already). */
export function currentCalendar(host: PaneHost): PaneCalendar {
  return { years: [], conflicts: [], calendar: host.context().calendar, broken: null };
}

/** Whether an imported year is in use (not refused, not the same as the shipped year). */
export function usesImports(state: PaneCalendar): boolean {
  return [...state.calendar.sources.values()].some((s) => s.kind === "imported");
}

/** Reads what the host keeps and makes it active. A broken stored value is reported, never thrown. */
export async function loadPaneCalendar(host: PaneHost): Promise<PaneCalendar> {
  const text = host.loadCalendar ? await host.loadCalendar() : null;
  if (text === null || text.trim() === "") return applyImportedYears(host, []);
  const read = deserializeCalendar(text);
  return read.ok ? applyImportedYears(host, read.value) : applyImportedYears(host, [], read.problem);
}

/**
 * Keeps these years (none: removes the stored value) and makes them active — also when the save
 * failed, for as long as the pane is open. Returns the new state and the save's outcome (null: the
 * host keeps nothing).
 */
export async function savePaneCalendar(
  host: PaneHost,
  years: readonly ImportedYear[],
): Promise<{ state: PaneCalendar; saved: CalendarOutcome | null }> {
  const saved = host.saveCalendar ? await host.saveCalendar(years.length > 0 ? serializeCalendar(years) : null) : null;
  return { state: applyImportedYears(host, years), saved };
}
