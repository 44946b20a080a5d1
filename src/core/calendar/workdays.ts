import { fail, ok, type Result } from "../result";
import { civilFromDays, daysFromCivil, isValidCivil, weekdayOfDays, type CivilDate } from "../date/civil";
import { MAX_DAY_COUNT, type CalendarProblem } from "./problem";
import { schedule, type Calendar } from "./schedule";
import { safeText } from "../text/safe-text";

type R<T> = Result<T, CalendarProblem>;

/** The day number of a CivilDate from any caller, or calendar.date when it is not a real date. */
function dayNumber(date: unknown): R<number> {
  if (typeof date === "object" && date !== null) {
    const { y, m, d } = date as Partial<Record<"y" | "m" | "d", unknown>>;
    if (typeof y === "number" && typeof m === "number" && typeof d === "number" && isValidCivil(y, m, d)) {
      // Years outside 1..9999 are not calendar dates any cell can hold.
      if (y < 1 || y > 9999) return fail({ code: "calendar.date", text: `${y}-${m}-${d}`, reason: "out-of-range" });
      return ok(daysFromCivil(y, m, d));
    }
    return fail({ code: "calendar.date", text: `${safeText(y)}-${safeText(m)}-${safeText(d)}`, reason: "not-a-date" });
  }
  return fail({ code: "calendar.date", text: safeText(date), reason: date == null ? "empty" : "not-a-date" });
}

function dayCount(days: unknown, min: number): R<number> {
  if (typeof days === "number" && Number.isInteger(days) && days >= min && Math.abs(days) <= MAX_DAY_COUNT) {
    return ok(days);
  }
  return fail({ code: "calendar.days", text: safeText(days) });
}

/**
 * Walks day numbers while remembering the current year's bounds, so the year (and whether its
 * schedule is published) is recomputed only when a walk crosses 1 January.
 */
class YearGate {
  constructor(private readonly calendar: Calendar) {}
  private lo = 1;
  private hi = 0;
  private year = 0;
  private open = false;

  /** null when the day's year has a published schedule, else that year. */
  blocked(day: number): number | null {
    if (day < this.lo || day > this.hi) {
      this.year = civilFromDays(day).y;
      this.lo = daysFromCivil(this.year, 1, 1);
      this.hi = daysFromCivil(this.year, 12, 31);
      this.open = this.calendar.published.has(this.year);
    }
    return this.open ? null : this.year;
  }
}

function workingDay(day: number, calendar: Calendar): boolean {
  const special = calendar.days.get(day);
  if (special) return !special.off;
  const weekday = weekdayOfDays(day);
  return weekday !== 0 && weekday !== 6;
}

function noSchedule(year: number): R<never> {
  return fail({ code: "calendar.no-schedule", year });
}

export interface DayInfo {
  readonly workday: boolean;
  /** The holiday the day belongs to: a day off, or a make-up working day (then makeUp is true). */
  readonly holiday: string | null;
  readonly makeUp: boolean;
}

export function dayInfo(date: CivilDate, calendar: Calendar = schedule()): R<DayInfo> {
  const start = dayNumber(date);
  if (!start.ok) return start;
  const blocked = new YearGate(calendar).blocked(start.value);
  if (blocked !== null) return noSchedule(blocked);
  const special = calendar.days.get(start.value);
  const weekday = weekdayOfDays(start.value);
  const weekend = weekday === 0 || weekday === 6;
  if (special?.off) return ok({ workday: false, holiday: special.name, makeUp: false });
  // A listed working day on a weekday is just a normal day (2020-02-03 marks the end of the
  // extended 2020 Spring Festival); only a weekend one is a 调休 make-up day.
  if (special && weekend) return ok({ workday: true, holiday: special.name, makeUp: true });
  return ok({ workday: !weekend, holiday: null, makeUp: false });
}

export function isWorkday(date: CivilDate, calendar: Calendar = schedule()): R<boolean> {
  const info = dayInfo(date, calendar);
  return info.ok ? ok(info.value.workday) : info;
}

/** Steps `days` working days from a valid day number (0: the day itself). */
function step(startDay: number, days: number, calendar: Calendar): R<number> {
  const gate = new YearGate(calendar);
  // The start must be in a published year too: an answer from 2027 would be a weekends-only guess.
  const blocked = gate.blocked(startDay);
  if (blocked !== null) return noSchedule(blocked);
  const dir = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  let day = startDay;
  while (left > 0) {
    day += dir;
    const year = gate.blocked(day);
    if (year !== null) return noSchedule(year);
    if (workingDay(day, calendar)) left--;
  }
  return ok(day);
}

/**
 * Excel WORKDAY with mainland holidays and 调休: the start is not counted; a negative count goes
 * back; 0 gives the start itself.
 */
export function addWorkdays(start: CivilDate, days: number, calendar: Calendar = schedule()): R<CivilDate> {
  const from = dayNumber(start);
  if (!from.ok) return from;
  const count = dayCount(days, -MAX_DAY_COUNT);
  if (!count.ok) return count;
  const end = step(from.value, count.value, calendar);
  return end.ok ? ok(civilFromDays(end.value)) : end;
}

/** Excel NETWORKDAYS: both ends counted; negative when end is before start. */
export function countWorkdays(start: CivilDate, end: CivilDate, calendar: Calendar = schedule()): R<number> {
  const a = dayNumber(start);
  if (!a.ok) return a;
  const b = dayNumber(end);
  if (!b.ok) return b;
  const dir = b.value < a.value ? -1 : 1;
  // Check every year on the way first, so a long range into 2027 fails before any counting.
  const published = calendar.published;
  const fromYear = civilFromDays(a.value).y;
  const toYear = civilFromDays(b.value).y;
  for (let y = fromYear; ; y += dir) {
    if (!published.has(y)) return noSchedule(y);
    if (y === toYear) break;
  }
  let count = 0;
  for (let day = a.value; ; day += dir) {
    if (workingDay(day, calendar)) count++;
    if (day === b.value) break;
  }
  return ok(dir * count);
}

/**
 * The last day of a public notice (公示) lasting `days` working days from `start`, the start
 * counted when it is a working day: a notice from Monday for 5 working days ends on Friday.
 */
export function noticeEnd(start: CivilDate, days: number = 5, calendar: Calendar = schedule()): R<CivilDate> {
  const from = dayNumber(start);
  if (!from.ok) return from;
  const count = dayCount(days, 1);
  if (!count.ok) return count;
  const blocked = new YearGate(calendar).blocked(from.value);
  if (blocked !== null) return noSchedule(blocked);
  const end = step(from.value, workingDay(from.value, calendar) ? count.value - 1 : count.value, calendar);
  return end.ok ? ok(civilFromDays(end.value)) : end;
}

export function publishedYears(calendar: Calendar = schedule()): readonly number[] {
  return calendar.years;
}
