/**
 * Every year of the data package, read from its State Council notice and compared day by day with
 * the shipped data (vendor/data/holidays/YYYY.json, whose `papers` name the notices). The texts in
 * tests/fixtures/notices are written from the notices as published (see the README there).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHolidayNotice } from "../../../../src/core/calendar/notice";
import { shippedYears, type HolidayDay } from "../../../../src/core/calendar/schedule";

const DIR = join(__dirname, "..", "..", "..", "fixtures", "notices");

/** holiday-cn names the 2015 纪念日 without 中国人民 (its paper was entered by hand). */
const NAME_ALIASES: Readonly<Record<string, string>> = {
  中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日: "抗日战争暨世界反法西斯战争胜利70周年纪念日",
};

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The shipped days, without its working days on a weekday (2020-02-03, "起正常上班": an ordinary day). */
function shipped(days: readonly HolidayDay[]): string[] {
  return days
    .filter((d) => d.isOffDay || weekday(d.date) === 0 || weekday(d.date) === 6)
    .map((d) => `${d.date} ${d.isOffDay ? "休" : "班"} ${d.name}`);
}

function parsed(days: readonly HolidayDay[]): string[] {
  return days.map((d) => `${d.date} ${d.isOffDay ? "休" : "班"} ${NAME_ALIASES[d.name] ?? d.name}`);
}

const years = shippedYears().filter((y) => y.published);

describe("the notices of every shipped year give the shipped days", () => {
  test("the data package covers 2007–2026 and a fixture exists for each year", () => {
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
  });

  test.each(years.map((y) => [y.year, y] as const))("%i", (year, data) => {
    const text = readFileSync(join(DIR, `${year}.txt`), "utf8");
    const r = parseHolidayNotice(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problem, null, 1));
    expect(r.value.year).toBe(year);
    expect(r.value.source.yearFrom).toBe("title");
    expect(parsed(r.value.days)).toEqual(shipped(data.days));
    // One title per paper the data package cites.
    expect(r.value.source.titles).toHaveLength(data.papers.length);
  });
});
