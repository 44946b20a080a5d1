import type { DateInputProblem } from "../date/serial";

export type CalendarProblem =
  /** A date falls in a year without a published holiday schedule (a future year, or before 2007). */
  | { code: "calendar.no-schedule"; year: number }
  /** A date argument that is not a date (see parseDateInput), or an invalid CivilDate. */
  | { code: "calendar.date"; text: string; reason: DateInputProblem }
  /** A day count that is not a whole number or is out of the sane range (|days| <= 100000). */
  | { code: "calendar.days"; text: string };

/** Larger counts are typing mistakes; the data spans only a few thousand working days anyway. */
export const MAX_DAY_COUNT = 100000;
