/**
 * Mainland working days: weekends, the State Council's public holidays and the 调休 make-up
 * working days, from the offline data package. A year whose schedule is not in the package gives
 * calendar.no-schedule — never a weekends-only guess.
 */
export type { CalendarProblem } from "./problem";
export type { DayInfo } from "./workdays";
export { isWorkday, addWorkdays, countWorkdays, noticeEnd, publishedYears, dayInfo } from "./workdays";
export { calendarMessage } from "./messages";
