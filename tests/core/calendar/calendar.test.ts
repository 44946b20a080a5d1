/**
 * Mainland working days against the State Council notices the data comes from (papers in
 * src/core/data/holidays.json):
 * - 2020: 国务院办公厅关于2020年部分节假日安排的通知 https://www.gov.cn/zhengce/zhengceku/2019-11/21/content_5454164.htm
 *   and 关于延长2020年春节假期的通知 https://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm
 * - 2024: https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm
 * - 2025: https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm
 * - 2026: https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm
 */
import fc from "fast-check";
import {
  addWorkdays,
  calendarMessage,
  countWorkdays,
  dayInfo,
  isWorkday,
  noticeEnd,
  publishedYears,
  type CalendarProblem,
} from "../../../src/core/calendar";
import { civilFromDays, daysFromCivil, formatIso, type CivilDate } from "../../../src/core/date/civil";

function d(iso: string): CivilDate {
  const [y, m, day] = iso.split("-").map(Number) as [number, number, number];
  return { y, m, d: day };
}

/** ISO text of an ok date result, or the problem code (and year) of a failure. */
function show(r: { ok: true; value: CivilDate } | { ok: false; problem: CalendarProblem }): string {
  if (r.ok) return formatIso(r.value);
  return r.problem.code === "calendar.no-schedule" ? `no-schedule ${r.problem.year}` : r.problem.code;
}

describe("dayInfo: holidays and 调休 make-up days from the notices", () => {
  // [date, workday, holiday, makeUp]
  const off = (name: string) => [false, name, false] as const;
  const makeUp = (name: string) => [true, name, true] as const;
  const normal = (workday: boolean) => [workday, null, false] as const;
  test.each([
    // 2024 春节: 2月10日至17日放假，2月4日（星期日）、2月18日（星期日）上班
    ["2024-02-04", ...makeUp("春节")],
    ["2024-02-09", ...normal(true)],
    ...["10", "11", "12", "13", "14", "15", "16", "17"].map((day) => [`2024-02-${day}`, ...off("春节")]),
    ["2024-02-18", ...makeUp("春节")],
    ["2024-02-19", ...normal(true)],
    // 2024 劳动节: 5月1日至5日放假，4月28日（星期日）、5月11日（星期六）上班
    ["2024-04-28", ...makeUp("劳动节")],
    ...["01", "02", "03", "04", "05"].map((day) => [`2024-05-${day}`, ...off("劳动节")]),
    ["2024-05-11", ...makeUp("劳动节")],
    ["2024-05-12", ...normal(false)],
    // 2024 国庆节: 10月1日至7日放假，9月29日（星期日）、10月12日（星期六）上班
    ["2024-09-29", ...makeUp("国庆节")],
    ...["01", "02", "03", "04", "05", "06", "07"].map((day) => [`2024-10-${day}`, ...off("国庆节")]),
    ["2024-10-08", ...normal(true)],
    ["2024-10-12", ...makeUp("国庆节")],
    // 2025 春节: 1月28日至2月4日放假，1月26日（星期日）、2月8日（星期六）上班
    ["2025-01-26", ...makeUp("春节")],
    ["2025-01-27", ...normal(true)],
    ...["01-28", "01-29", "01-30", "01-31", "02-01", "02-02", "02-03", "02-04"].map((md) => [
      `2025-${md}`,
      ...off("春节"),
    ]),
    ["2025-02-05", ...normal(true)],
    ["2025-02-08", ...makeUp("春节")],
    // 2025 劳动节: 5月1日至5日放假，4月27日（星期日）上班
    ["2025-04-27", ...makeUp("劳动节")],
    ...["01", "02", "03", "04", "05"].map((day) => [`2025-05-${day}`, ...off("劳动节")]),
    ["2025-05-10", ...normal(false)],
    // 2025 国庆节、中秋节: 10月1日至8日放假，9月28日（星期日）、10月11日（星期六）上班
    ["2025-09-28", ...makeUp("国庆节、中秋节")],
    ...["01", "02", "03", "04", "05", "06", "07", "08"].map((day) => [`2025-10-${day}`, ...off("国庆节、中秋节")]),
    ["2025-10-11", ...makeUp("国庆节、中秋节")],
    // 2026 元旦: 1月1日至3日放假，1月4日（星期日）上班
    ...["01", "02", "03"].map((day) => [`2026-01-${day}`, ...off("元旦")]),
    ["2026-01-04", ...makeUp("元旦")],
    // 2026 春节: 2月15日至23日放假，2月14日（星期六）、2月28日（星期六）上班
    ["2026-02-14", ...makeUp("春节")],
    ...["15", "16", "17", "18", "19", "20", "21", "22", "23"].map((day) => [`2026-02-${day}`, ...off("春节")]),
    ["2026-02-24", ...normal(true)],
    ["2026-02-28", ...makeUp("春节")],
    // 2026 劳动节: 5月1日至5日放假，5月9日（星期六）上班
    ...["01", "02", "03", "04", "05"].map((day) => [`2026-05-${day}`, ...off("劳动节")]),
    ["2026-05-09", ...makeUp("劳动节")],
    // 2026 中秋节 9月25日至27日；国庆节 10月1日至7日放假，9月20日（星期日）、10月10日（星期六）上班
    ["2026-09-20", ...makeUp("国庆节")],
    ...["25", "26", "27"].map((day) => [`2026-09-${day}`, ...off("中秋节")]),
    ...["01", "02", "03", "04", "05", "06", "07"].map((day) => [`2026-10-${day}`, ...off("国庆节")]),
    ["2026-10-10", ...makeUp("国庆节")],
    // 2020 春节 extended to 2月2日 by the second notice; 2月3日 (a Monday) is an ordinary working day
    ["2020-01-19", ...makeUp("春节")],
    ...["01-24", "01-30", "01-31", "02-01", "02-02"].map((md) => [`2020-${md}`, ...off("春节")]),
    ["2020-02-03", ...normal(true)],
    // days listed in the next year's file are keyed by their own date
    ["2022-12-31", ...off("元旦")],
    ["2018-12-29", ...makeUp("元旦")],
    ["2011-12-31", ...makeUp("元旦")],
    // ordinary weekdays and weekends
    ["2025-03-12", ...normal(true)],
    ["2025-03-15", ...normal(false)],
    ["2025-03-16", ...normal(false)],
  ] as [string, boolean, string | null, boolean][])(
    "%s: workday %s, holiday %s, make-up %s",
    (iso, workday, holiday, makeUpDay) => {
      expect(dayInfo(d(iso))).toEqual({ ok: true, value: { workday, holiday, makeUp: makeUpDay } });
      expect(isWorkday(d(iso))).toEqual({ ok: true, value: workday });
    },
  );
});

describe("addWorkdays (Excel WORKDAY)", () => {
  test.each([
    // across 2024 春节: Friday 02-09 is worked, then the make-up Sunday 02-18
    ["2024-02-08", 1, "2024-02-09"],
    ["2024-02-08", 2, "2024-02-18"],
    ["2024-02-08", 3, "2024-02-19"],
    // across 2025 春节
    ["2025-01-24", 1, "2025-01-26"],
    ["2025-01-24", 2, "2025-01-27"],
    ["2025-01-24", 3, "2025-02-05"],
    // across 2026 春节
    ["2026-02-13", 1, "2026-02-14"],
    ["2026-02-13", 2, "2026-02-24"],
    ["2026-02-27", 1, "2026-02-28"],
    // the extended 2020 春节
    ["2020-01-23", 1, "2020-02-03"],
    // into the next year: 2026 元旦 and its make-up Sunday
    ["2025-12-31", 1, "2026-01-04"],
    ["2026-12-30", 1, "2026-12-31"],
    // negative: going back
    ["2024-02-19", -1, "2024-02-18"],
    ["2024-02-19", -2, "2024-02-09"],
    ["2024-10-08", -1, "2024-09-30"],
    ["2024-10-08", -2, "2024-09-29"],
    ["2026-01-05", -1, "2026-01-04"],
    ["2026-01-05", -2, "2025-12-31"],
    // 0: the start itself, even on a holiday (as Excel)
    ["2024-02-10", 0, "2024-02-10"],
    ["2024-03-13", 0, "2024-03-13"],
    // plain weeks
    ["2024-03-01", 1, "2024-03-04"],
    ["2024-03-04", -1, "2024-03-01"],
    ["2024-03-04", 10, "2024-03-18"],
    // a date in 2027 is visited: no weekends-only answer
    ["2026-12-31", 1, "no-schedule 2027"],
    ["2026-12-25", 10, "no-schedule 2027"],
    ["2027-01-04", 0, "no-schedule 2027"],
    ["2027-03-01", -60, "no-schedule 2027"],
    ["2007-01-04", -5, "no-schedule 2006"],
    ["2006-06-01", 1, "no-schedule 2006"],
    ["1990-01-01", 100000, "no-schedule 1990"],
  ] as [string, number, string][])("WORKDAY(%s, %i) = %s", (start, days, expected) => {
    expect(show(addWorkdays(d(start), days))).toBe(expected);
  });

  test.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 100001, -100001])(
    "a day count of %s is calendar.days",
    (days) => {
      expect(addWorkdays(d("2025-03-03"), days)).toEqual({
        ok: false,
        problem: { code: "calendar.days", text: String(days) },
      });
    },
  );

  test.each([
    [{ y: 2026, m: 2, d: 30 }, "not-a-date"],
    [{ y: 2026, m: 13, d: 1 }, "not-a-date"],
    [{ y: 10000, m: 1, d: 1 }, "out-of-range"],
    [null, "empty"],
  ])("start %o is calendar.date (%s)", (start, reason) => {
    const r = addWorkdays(start as CivilDate, 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ code: "calendar.date", reason });
  });

  test("a few thousand working days are quick and reversible", () => {
    const t0 = performance.now();
    const end = addWorkdays(d("2007-01-04"), 4000);
    expect(show(end)).toBe("2023-01-10");
    if (!end.ok) return;
    expect(show(addWorkdays(end.value, -4000))).toBe("2007-01-04");
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe("countWorkdays (Excel NETWORKDAYS)", () => {
  test.each([
    // whole months: weekdays − holidays on weekdays + make-up weekend days
    ["2024-02-01", "2024-02-29", 18], // 21 − 5 (02-12..16) + 2 (02-04, 02-18)
    ["2024-10-01", "2024-10-31", 19], // 23 − 5 + 1 (10-12)
    ["2025-10-01", "2025-10-31", 18], // 23 − 6 + 1 (10-11)
    ["2026-02-01", "2026-02-28", 16], // 20 − 6 + 2 (02-14, 02-28)
    ["2020-01-01", "2020-02-29", 37],
    ["2024-01-01", "2024-12-31", 251],
    ["2025-01-01", "2025-12-31", 248],
    // single days
    ["2024-02-18", "2024-02-18", 1],
    ["2024-02-17", "2024-02-17", 0],
    // end before start: negative, like Excel
    ["2024-02-29", "2024-02-01", -18],
    ["2024-02-19", "2024-02-18", -2],
    // across a year boundary
    ["2025-12-29", "2026-01-05", 5], // 12-29..31, 01-04 (make-up), 01-05
    // unpublished years
    ["2026-12-01", "2027-01-31", "no-schedule 2027"],
    ["2027-01-31", "2026-12-01", "no-schedule 2027"],
    ["2006-12-01", "2007-01-31", "no-schedule 2006"],
    ["2026-01-01", "2030-01-01", "no-schedule 2027"],
  ] as [string, string, number | string][])("NETWORKDAYS(%s, %s) = %s", (start, end, expected) => {
    const r = countWorkdays(d(start), d(end));
    if (typeof expected === "number") expect(r).toEqual({ ok: true, value: expected });
    else expect(r).toEqual({ ok: false, problem: { code: "calendar.no-schedule", year: Number(expected.slice(-4)) } });
  });

  test("property: NETWORKDAYS(start, WORKDAY(start, n)) counts n working days plus a working start", () => {
    const from = daysFromCivil(2007, 9, 1); // ±120 working days stay within 2007–2026
    const to = daysFromCivil(2026, 5, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: -120, max: 120 }), (day, n) => {
        const start = civilFromDays(day);
        const end = addWorkdays(start, n);
        const startWorks = isWorkday(start);
        if (!end.ok || !startWorks.ok) return false;
        const count = countWorkdays(start, end.value);
        const sign = n < 0 ? -1 : 1;
        return count.ok && count.value === n + (startWorks.value ? sign : 0);
      }),
    );
  });
});

describe("noticeEnd (公示期 of N working days)", () => {
  test.each([
    // starting on a working day counts that day: Friday + Mon..Thu
    ["2024-03-01", 5, "2024-03-07"],
    // starting on a Saturday: Mon..Fri
    ["2024-03-02", 5, "2024-03-08"],
    ["2024-03-03", 5, "2024-03-08"],
    // before 国庆: the make-up Sunday counts, the holiday does not
    ["2024-09-26", 5, "2024-10-08"], // 09-26, 09-27, 09-29 (Sun), 09-30, 10-08
    ["2025-09-25", 5, "2025-09-30"], // 09-25, 09-26, 09-28 (Sun), 09-29, 09-30
    ["2026-09-24", 5, "2026-10-08"], // 09-24, 09-28, 09-29, 09-30, 10-08
    // starting on a holiday
    ["2024-10-01", 5, "2024-10-12"], // 10-08..11 and the make-up Saturday 10-12
    // one day
    ["2024-03-01", 1, "2024-03-01"],
    ["2024-03-02", 1, "2024-03-04"],
    // runs into 2027
    ["2026-12-28", 5, "no-schedule 2027"],
    ["2027-01-04", 5, "no-schedule 2027"],
  ] as [string, number, string][])("notice from %s for %i working days ends %s", (start, days, expected) => {
    expect(show(noticeEnd(d(start), days))).toBe(expected);
  });

  test("5 working days by default", () => {
    expect(show(noticeEnd(d("2024-03-01")))).toBe("2024-03-07");
  });

  test.each([0, -1, 2.5, Number.NaN])("a notice of %s days is calendar.days", (days) => {
    expect(noticeEnd(d("2024-03-01"), days)).toEqual({
      ok: false,
      problem: { code: "calendar.days", text: String(days) },
    });
  });
});

describe("years without a published schedule", () => {
  test.each(["2027-01-04", "2027-10-01", "2027-06-15", "2030-01-01"])(
    "%s is calendar.no-schedule, never a guess",
    (iso) => {
      const year = Number(iso.slice(0, 4));
      const problem = { code: "calendar.no-schedule", year };
      expect(isWorkday(d(iso))).toEqual({ ok: false, problem });
      expect(dayInfo(d(iso))).toEqual({ ok: false, problem });
    },
  );

  test("published years are 2007–2026", () => {
    expect(publishedYears()).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
  });
});

describe("calendarMessage", () => {
  test.each([
    [
      { code: "calendar.no-schedule", year: 2027 },
      "2027年的放假安排（含调休）尚未收录，无法计算工作日；国务院办公厅发布放假通知后，请导入该通知（任务窗格“工具”页，或 zizhu calendar import 通知.txt）",
    ],
    [
      { code: "calendar.no-schedule", year: 2006 },
      "2006年的放假安排（含调休）未收录（数据自2007年起），无法计算工作日",
    ],
    [
      { code: "calendar.date", text: "2026-02-30", reason: "not-a-date" },
      "日期“2026-02-30”不是有效的日期（可写作 2026-10-01、2026/10/1 或 2026年10月1日）",
    ],
    [{ code: "calendar.date", text: "", reason: "empty" }, "日期为空"],
    [{ code: "calendar.days", text: "1.5" }, "天数“1.5”无效：应为整数（公示天数至少 1 天），绝对值不超过 100000"],
  ] as [CalendarProblem, string][])("zh-CN: %o", (problem, text) => {
    expect(calendarMessage(problem)).toBe(text);
    expect(calendarMessage(problem, "zh-CN")).toBe(text);
  });

  test.each([
    [{ code: "calendar.no-schedule", year: 2027 }, /2027 holiday schedule .* not included yet/],
    [{ code: "calendar.no-schedule", year: 2006 }, /data starts in 2007/],
    [{ code: "calendar.date", text: "x", reason: "out-of-range" }, /"x" is outside/],
    [{ code: "calendar.days", text: "0" }, /"0" is invalid/],
  ] as [CalendarProblem, RegExp][])("en-US: %o", (problem, pattern) => {
    expect(calendarMessage(problem, "en-US")).toMatch(pattern);
  });
});

describe("never throws", () => {
  test("property: any input gives a Result", () => {
    const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true });
    fc.assert(
      fc.property(anything, anything, (a, b) => {
        for (const r of [
          isWorkday(a as CivilDate),
          dayInfo(a as CivilDate),
          addWorkdays(a as CivilDate, b as number),
          addWorkdays(d("2025-03-03"), b as number),
          countWorkdays(a as CivilDate, b as CivilDate),
          noticeEnd(a as CivilDate, b as number),
          noticeEnd(d("2025-03-03"), b as number),
        ]) {
          if (typeof r.ok !== "boolean") return false;
          if (!r.ok && typeof calendarMessage(r.problem) !== "string") return false;
        }
        return true;
      }),
    );
  });

  test("property: any CivilDate-shaped value gives a Result", () => {
    const part = fc.oneof(fc.integer({ min: -20000, max: 20000 }), fc.double(), fc.constant(2026));
    fc.assert(
      fc.property(part, part, part, fc.integer({ min: -3000, max: 3000 }), (y, m, day, n) => {
        const date = { y, m, d: day };
        return [isWorkday(date), addWorkdays(date, n), countWorkdays(date, d("2026-01-01")), noticeEnd(date)].every(
          (r) => typeof r.ok === "boolean",
        );
      }),
    );
  });
});
