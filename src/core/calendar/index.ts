/**
 * Mainland working days: weekends, the State Council's public holidays and the 调休 make-up
 * working days, from the offline data package — and from notices the user imports for years the
 * package does not have yet. A year whose schedule is known to neither gives calendar.no-schedule —
 * never a weekends-only guess. Every working-day function takes an optional calendar (default: the
 * data package alone).
 */
export type { CalendarProblem } from "./problem";
export type { DayInfo } from "./workdays";
export { isWorkday, addWorkdays, countWorkdays, noticeEnd, publishedYears, dayInfo } from "./workdays";
export { calendarMessage } from "./messages";
export {
  schedule as shippedCalendar,
  shippedYears,
  type Calendar,
  type HolidayDay,
  type ShippedYear,
  type SpecialDay,
  type YearSource,
} from "./schedule";
export {
  createCalendar,
  conflictText,
  shippedAsImported,
  type CalendarConflict,
  type CombinedCalendar,
  type DayKind,
} from "./combine";
export {
  CALENDAR_FORMAT,
  CALENDAR_VERSION,
  checkStoredYear,
  deserializeCalendar,
  serializeCalendar,
  storeProblemText,
  withYear,
  type StoreProblem,
} from "./store";
export {
  parseHolidayNotice,
  noticeProblemText,
  noticeProblemsText,
  displayLine,
  type ImportedYear,
  type NoticeProblem,
  type NoticeSource,
  type ParseNoticeOptions,
  type ProblemText,
  type Repairs,
  type Where,
} from "./notice";
export { daysText, describeYear, festivalsOf, repairNotes, type FestivalDays } from "./describe";
