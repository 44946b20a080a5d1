/**
 * The calendar value: shipped years plus imported notices. A year in both must agree with the data
 * package (else the package is used and the conflict reported); the working-day functions count
 * with whichever calendar they are given, and with the data package alone by default.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  addWorkdays,
  conflictText,
  countWorkdays,
  createCalendar,
  dayInfo,
  isWorkday,
  noticeEnd,
  parseHolidayNotice,
  publishedYears,
  shippedAsImported,
  shippedCalendar,
  type ImportedYear,
} from "../../../src/core/calendar";
import { formatIso, type CivilDate } from "../../../src/core/date/civil";

const DIR = join(__dirname, "..", "..", "fixtures", "notices");

function notice(file: string, edit: (t: string) => string = (t) => t): ImportedYear {
  const r = parseHolidayNotice(edit(readFileSync(join(DIR, file), "utf8")));
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.value;
}

function d(iso: string): CivilDate {
  const [y, m, day] = iso.split("-").map(Number) as [number, number, number];
  return { y, m, d: day };
}

function show(r: { ok: true; value: CivilDate } | { ok: false; problem: { code: string } }): string {
  return r.ok ? formatIso(r.value) : r.problem.code;
}

/** A fixture, not the real 2027 notice (tests/fixtures/notices/README.md). */
const y2027 = notice("2027-plausible.txt");

describe("a 2027 notice makes 2027 dates computable", () => {
  const { calendar, conflicts, redundant } = createCalendar([y2027]);

  test("no conflict; 2027 is published, with where it comes from", () => {
    expect(conflicts).toEqual([]);
    expect(redundant).toEqual([]);
    expect(publishedYears(calendar)).toContain(2027);
    expect(calendar.sources.get(2027)).toEqual({
      kind: "imported",
      titles: ["国务院办公厅关于2027年部分节假日安排的通知"],
      importedAt: null,
    });
    expect(calendar.sources.get(2026)?.kind).toBe("shipped");
  });

  test.each([
    // NOTICE_END("2026-12-28", 5): 28, 29, 30, 31 December, then 元旦 (1–3 January), then Monday 4 January.
    ["noticeEnd 2026-12-28 + 5", () => noticeEnd(d("2026-12-28"), 5, calendar), "2027-01-04"],
    // 3, 4 February; 春节 5–12 February and the weekend; 15, 16, 17 February.
    ["noticeEnd across 春节", () => noticeEnd(d("2027-02-03"), 5, calendar), "2027-02-17"],
    ["addWorkdays 2026-12-31 + 1", () => addWorkdays(d("2026-12-31"), 1, calendar), "2027-01-04"],
    ["addWorkdays back from 2027-01-04", () => addWorkdays(d("2027-01-04"), -1, calendar), "2026-12-31"],
    ["the make-up Saturday 2027-02-20 counts", () => addWorkdays(d("2027-02-19"), 1, calendar), "2027-02-20"],
    ["2028 is still unknown", () => addWorkdays(d("2027-12-31"), 1, calendar), "calendar.no-schedule"],
  ])("%s", (_name, run, expected) => {
    expect(show(run())).toBe(expected);
  });

  test("dayInfo, isWorkday and countWorkdays take the calendar too", () => {
    expect(dayInfo(d("2027-02-20"), calendar)).toEqual({
      ok: true,
      value: { workday: true, holiday: "春节", makeUp: true },
    });
    expect(isWorkday(d("2027-10-04"), calendar)).toEqual({ ok: true, value: false });
    // December 2026: 23 weekdays; January 2027: 21 weekdays less 元旦's Friday.
    expect(countWorkdays(d("2026-12-01"), d("2027-01-31"), calendar)).toEqual({ ok: true, value: 23 + 20 });
  });

  test("without a calendar nothing changes: 2027 stays unknown", () => {
    expect(show(noticeEnd(d("2026-12-28"), 5))).toBe("calendar.no-schedule");
    expect(publishedYears()).not.toContain(2027);
    expect(shippedCalendar().published.has(2027)).toBe(false);
  });

  test("元旦 starting on 2026-12-31 (a day of a shipped year) moves the notice end", () => {
    const boundary = notice("2027-plausible.txt", (t) =>
      t.replace(
        "一、元旦：1月1日（周五）至3日（周日）放假，共3天。",
        "一、元旦：2026年12月31日（周四）至2027年1月2日（周六）放假调休，共3天。",
      ),
    );
    const c = createCalendar([boundary]);
    expect(c.conflicts).toEqual([]);
    // 28, 29, 30 December; 31 December to 3 January off; Monday 4, Tuesday 5 January.
    expect(show(noticeEnd(d("2026-12-28"), 5, c.calendar))).toBe("2027-01-05");
    expect(dayInfo(d("2026-12-31"), c.calendar)).toEqual({
      ok: true,
      value: { workday: false, holiday: "元旦", makeUp: false },
    });
  });
});

describe("a year both shipped and imported", () => {
  test("the same as the data package: redundant, no conflict", () => {
    const c = createCalendar([notice("2026.txt")]);
    expect(c.conflicts).toEqual([]);
    expect(c.redundant).toEqual([2026]);
    expect(c.used).toEqual([]);
    expect(c.calendar.sources.get(2026)?.kind).toBe("shipped");
  });

  test("contradicting the data package: reported, and the data package is used", () => {
    // A copy that gives 国庆节 one day more: 10月1日至8日, 共8天.
    const wrong = notice("2026.txt", (t) =>
      t.replace("10月1日（周四）至7日（周三）放假调休，共7天", "10月1日（周四）至8日（周四）放假调休，共8天"),
    );
    const c = createCalendar([wrong]);
    expect(c.conflicts).toHaveLength(1);
    const [conflict] = c.conflicts;
    expect(conflict).toMatchObject({
      code: "calendar.conflict",
      year: 2026,
      against: "shipped",
      count: 1,
      days: [{ date: "2026-10-08", kept: "work", refused: "off" }],
    });
    expect(isWorkday(d("2026-10-08"), c.calendar)).toEqual({ ok: true, value: true });
    expect(conflictText(conflict as never)).toBe(
      "2026年：导入的放假安排（国务院办公厅关于2026年部分节假日安排的通知）与内置数据不一致（2026年10月8日内置数据为上班、导入的为放假），已按内置数据计算。请核对导入的是否为国务院办公厅通知的原文",
    );
    expect(conflictText(conflict as never, "en-US")).toMatch(/data package is used/);
  });

  test("every shipped year in the imported form agrees with the package", () => {
    const all = shippedCalendar().years.map((y) => shippedAsImported(y) as ImportedYear);
    const c = createCalendar(all);
    expect(c.conflicts).toEqual([]);
    expect(c.redundant).toEqual(shippedCalendar().years);
    expect(shippedAsImported(2027)).toBeNull();
  });
});

describe("two imports of one year", () => {
  test("that agree: the first is used", () => {
    const c = createCalendar([y2027, notice("2027-plausible.txt")]);
    expect(c.conflicts).toEqual([]);
    expect(c.used).toEqual([y2027]);
  });

  test("that disagree: the first is used and the other reported", () => {
    const other = notice("2027-plausible.txt", (t) =>
      t.replace("2月20日（周六）上班", "2月20日（周六）、2月21日（周日）上班"),
    );
    const c = createCalendar([y2027, other]);
    expect(c.conflicts).toMatchObject([
      { year: 2027, against: "imported", days: [{ date: "2027-02-21", kept: "off", refused: "work" }] },
    ]);
    expect(isWorkday(d("2027-02-21"), c.calendar)).toEqual({ ok: true, value: false });
    expect(conflictText(c.conflicts[0] as never)).toMatch(/^2027年有两份导入的放假安排且不一致/);
  });
});
