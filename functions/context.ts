/**
 * The custom functions' engine context (src/core/context.ts): the day, the policy pack and the
 * holiday calendar ZIZHU.* compute with. The functions only read it (`functionsContext()`); hosts
 * fill it:
 * - Excel: the pane's host (src/adapters/office/pane-host.ts) with the workbook's imported holiday
 *   notices (its settings, src/adapters/office/calendar.ts) when the shared runtime starts and
 *   after an import on the 工具 tab; the pack stays the seed pack (no pack is kept in the workbook);
 * - the standalone page: its host, with the page's imported notices;
 * - the CLI: --today / ZIZHU_TODAY, --pack (for `zizhu fn`) and the user calendar.
 * Defaults: the machine's local date (as Excel's TODAY()), the seed pack, the shipped calendar.
 *
 * The pane should not import this module: it gets the same context from `host.context()` and
 * changes the calendar with `host.provideCalendar(years)` (src/adapters/pane-host.ts).
 *
 * Host quirk: in Excel's shared runtime the custom functions, the ribbon commands and the pane are
 * separate bundles on one page (functions.js, commands.js, taskpane.js), each with its own copy of
 * this module. The state lives on the page (globalThis, under a registered symbol) so that what the
 * pane provides is what ZIZHU.NOTICE_END counts with.
 */
import {
  createCalendar,
  shippedCalendar,
  type Calendar,
  type CalendarConflict,
  type ImportedYear,
  type EngineContext,
  type CivilDate,
  seedPack,
  type Pack,
} from "../src/core";

interface Provided {
  today: (() => CivilDate) | undefined;
  pack: Pack | undefined;
  calendar: Calendar | undefined;
  /** Imported years that contradict the data package (the package is used), for the host to show. */
  conflicts: readonly CalendarConflict[];
}

const STATE = Symbol.for("zizhu.engineContext");

function provided(): Provided {
  const page = globalThis as unknown as { [STATE]?: Provided };
  return (page[STATE] ??= { today: undefined, pack: undefined, calendar: undefined, conflicts: [] });
}

/** "Today" as Excel's TODAY() means it: the local calendar date of the machine running the workbook. */
export function localToday(): CivilDate {
  const now = new Date();
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}

/**
 * The context the functions compute with. A live view: it always answers with what is provided at
 * the moment it is read, so a host may keep the object.
 */
export function functionsContext(): EngineContext {
  return LIVE;
}

const LIVE: EngineContext = {
  today: () => (provided().today ?? localToday)(),
  get pack() {
    return provided().pack ?? seedPack();
  },
  get calendar() {
    return provided().calendar ?? shippedCalendar();
  },
};

/**
 * Changes the parts given (a part given as undefined goes back to its default); the others stay.
 * A calendar given here replaces any imported years (and their conflicts).
 */
export function provideContext(parts: {
  today?: (() => CivilDate) | undefined;
  pack?: Pack | undefined;
  calendar?: Calendar | undefined;
}): void {
  const state = provided();
  if ("today" in parts) state.today = parts.today;
  if ("pack" in parts) state.pack = parts.pack;
  if ("calendar" in parts) {
    state.calendar = parts.calendar;
    state.conflicts = [];
  }
}

/**
 * The shipped years plus these imported ones (none: the data package alone). Returns the conflicts
 * (a year the data package has and the import contradicts: the package is used) for the host to
 * show; they stay readable from providedConflicts() too.
 */
export function provideImportedYears(years: readonly ImportedYear[]): readonly CalendarConflict[] {
  if (years.length === 0) {
    provideContext({ calendar: undefined });
    return [];
  }
  const combined = createCalendar(years);
  const state = provided();
  state.calendar = combined.calendar;
  state.conflicts = combined.conflicts;
  return combined.conflicts;
}

export function providedConflicts(): readonly CalendarConflict[] {
  return provided().conflicts;
}
