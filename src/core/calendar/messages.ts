import type { Locale } from "../result";
import type { DateInputProblem } from "../date/serial";
import type { CalendarProblem } from "./problem";
import { MAX_DAY_COUNT } from "./problem";
import { schedule } from "./schedule";

const DATE_REASON_ZH: Record<DateInputProblem, string> = {
  empty: "日期为空",
  "not-a-date": "不是有效的日期（可写作 2026-10-01、2026/10/1 或 2026年10月1日）",
  "out-of-range": "超出 Excel 可表示的日期范围（1900-01-01 至 9999-12-31）",
};

const DATE_REASON_EN: Record<DateInputProblem, string> = {
  empty: "the date is empty",
  "not-a-date": "is not a valid date (write it as 2026-10-01, 2026/10/1 or 2026年10月1日)",
  "out-of-range": "is outside the dates Excel can hold (1900-01-01 to 9999-12-31)",
};

function quoted(text: string, locale: Locale): string {
  if (text === "") return "";
  return locale === "zh-CN" ? `“${text}”` : `"${text}" `;
}

function noSchedule(year: number, locale: Locale): string {
  const first = schedule().years[0];
  // Before the data starts the schedule exists but is not in the package; after it, not yet published.
  if (first !== undefined && year < first) {
    return locale === "zh-CN"
      ? `${year}年的放假安排（含调休）未收录（数据自${first}年起），无法计算工作日`
      : `The ${year} holiday schedule (with make-up working days) is not included (data starts in ${first}), so working days cannot be computed`;
  }
  return locale === "zh-CN"
    ? `${year}年的放假安排（含调休）尚未收录，无法计算工作日；国务院办公厅发布放假通知后，请导入该通知（任务窗格“工具”页，或 zizhu calendar import 通知.txt）`
    : `The ${year} holiday schedule (with make-up working days) is not included yet, so working days cannot be computed; once the General Office of the State Council publishes its notice, import it (the pane's Tools tab, or zizhu calendar import notice.txt)`;
}

export function calendarMessage(problem: CalendarProblem, locale: Locale = "zh-CN"): string {
  const zh = locale === "zh-CN";
  switch (problem.code) {
    case "calendar.no-schedule":
      return noSchedule(problem.year, locale);
    case "calendar.date":
      if (problem.reason === "empty") return zh ? "日期为空" : "The date is empty";
      return zh
        ? `日期${quoted(problem.text, locale)}${DATE_REASON_ZH[problem.reason]}`
        : `The date ${quoted(problem.text, locale)}${DATE_REASON_EN[problem.reason]}`;
    case "calendar.days":
      return zh
        ? `天数${quoted(problem.text, locale)}无效：应为整数（公示天数至少 1 天），绝对值不超过 ${MAX_DAY_COUNT}`
        : `The number of days ${quoted(problem.text, locale)}is invalid: it must be a whole number (at least 1 for a notice period) no larger than ${MAX_DAY_COUNT} in absolute value`;
  }
}
