/**
 * What the engine computes "with", besides its input: the day it counts ages and deadlines from,
 * the policy pack it decides with and the holiday calendar it counts working days with. Hosts build
 * one and pass it in; the engine never reads a clock, a setting or a global itself.
 *
 * Where each host gets its context:
 * - custom functions: `functionsContext()` (functions/context.ts), the provider the shared runtime
 *   fills (one copy per page, shared by functions.js, commands.js and taskpane.js);
 * - the task pane: `host.context()` (PaneHost, src/adapters/pane-host.ts) — Office and standalone
 *   both answer with the provider, so the pane, the ribbon and ZIZHU.* count with the same day and
 *   calendar; tests pass a host whose context is fixed (`engineContext(fixedToday(…))`);
 * - the CLI: built from --today / ZIZHU_TODAY, --pack and the user calendar, and provided to the
 *   functions for `zizhu fn`.
 */
import { shippedCalendar, type Calendar } from "./calendar";
import type { CivilDate } from "./date/civil";
import { seedPack, type Pack } from "./policy";

export interface EngineContext {
  /** "Today" as the host means it (Excel: the machine's local date, as TODAY()). */
  today(): CivilDate;
  readonly pack: Pack;
  readonly calendar: Calendar;
}

/** A context; without a pack the seed pack, without a calendar the shipped data package. */
export function engineContext(
  today: () => CivilDate,
  parts: { pack?: Pack | undefined; calendar?: Calendar | undefined } = {},
): EngineContext {
  return { today, pack: parts.pack ?? seedPack(), calendar: parts.calendar ?? shippedCalendar() };
}

/** A clock that always says this day (the CLI's --today, tests). */
export function fixedToday(day: CivilDate): () => CivilDate {
  return () => day;
}
