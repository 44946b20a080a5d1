/** The stored form of imported years (workbook settings, localStorage, ~/.zizhu/calendar/*.json). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CALENDAR_FORMAT,
  CALENDAR_VERSION,
  deserializeCalendar,
  parseHolidayNotice,
  serializeCalendar,
  shippedYears,
  storeProblemText,
  withYear,
  type ImportedYear,
  type StoreProblem,
} from "../../../src/core/calendar";

const ROOT = join(__dirname, "..", "..", "..");

function notice(file: string): ImportedYear {
  const r = parseHolidayNotice(readFileSync(join(ROOT, "tests", "fixtures", "notices", file), "utf8"));
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return { ...r.value, source: { ...r.value.source, importedAt: "2026-11-20T09:30:00+08:00" } };
}

const y2027 = notice("2027-plausible.txt");
const y2019 = notice("2019.txt");

describe("serialize / deserialize", () => {
  test("round trip", () => {
    const text = serializeCalendar([y2027, y2019]);
    const data = JSON.parse(text) as { format: string; version: number; years: { year: number }[] };
    expect(data.format).toBe(CALENDAR_FORMAT);
    expect(data.version).toBe(CALENDAR_VERSION);
    expect(data.years.map((y) => y.year)).toEqual([2019, 2027]);
    expect(deserializeCalendar(text)).toEqual({ ok: true, value: [y2019, y2027] });
  });

  test("a byte order mark is fine", () => {
    expect(deserializeCalendar(`\uFEFF${serializeCalendar([y2027])}`).ok).toBe(true);
  });

  test("withYear replaces the year's entry", () => {
    const later = { ...y2027, source: { ...y2027.source, importedAt: "2026-12-01T08:00:00+08:00" } };
    expect(withYear([y2019, y2027], later)).toEqual([y2019, later]);
  });

  test("a holiday-cn year file is accepted as it is", () => {
    const text = readFileSync(join(ROOT, "vendor", "data", "holidays", "2026.json"), "utf8");
    const r = deserializeCalendar(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.value[0]?.year).toBe(2026);
    expect(r.value[0]?.source.yearFrom).toBe("file");
    expect(r.value[0]?.days).toEqual(shippedYears().find((y) => y.year === 2026)?.days);
  });
});

function store(years: unknown[]): string {
  return JSON.stringify({ format: CALENDAR_FORMAT, version: CALENDAR_VERSION, years });
}

const source = { titles: [], yearFrom: "option", festivals: ["元旦"] };

describe("what is refused", () => {
  test.each<[string, string, StoreProblem["code"], RegExp]>([
    ["not JSON", "{ years: ", "store.json", /不是合法的 JSON/],
    ["another document", JSON.stringify({ format: "other" }), "store.format", /不是资助助手保存的放假安排/],
    ["something else", JSON.stringify([1, 2]), "store.format", /不是资助助手保存的放假安排/],
    [
      "a newer version",
      JSON.stringify({ format: CALENDAR_FORMAT, version: 2, years: [] }),
      "store.version",
      /更新版本/,
    ],
    [
      "a date written otherwise",
      store([{ year: 2027, days: [{ name: "元旦", date: "2027-1-1", isOffDay: true }], source }]),
      "store.schema",
      /years\[0\]\.days\[0\]\.date：日期应写成 YYYY-MM-DD/,
    ],
    [
      "a date that does not exist",
      store([{ year: 2027, days: [{ name: "元旦", date: "2027-02-30", isOffDay: true }], source }]),
      "store.day",
      /2027-02-30 不是有效日期/,
    ],
    [
      "a date outside the year",
      store([{ year: 2027, days: [{ name: "元旦", date: "2028-01-01", isOffDay: true }], source }]),
      "store.day",
      /不在2027年内/,
    ],
    [
      "a date twice",
      store([
        {
          year: 2027,
          days: [
            { name: "元旦", date: "2027-01-01", isOffDay: true },
            { name: "元旦", date: "2027-01-01", isOffDay: true },
          ],
          source,
        },
      ]),
      "store.day",
      /出现了两次/,
    ],
    [
      "a year twice",
      store([JSON.parse(serializeCalendar([y2027])).years[0], JSON.parse(serializeCalendar([y2027])).years[0]]),
      "store.duplicate-year",
      /2027年出现了两次/,
    ],
    // holiday-cn's file of a year not yet published has no days: it must not count as known.
    [
      "an empty year (holiday-cn's 2027.json)",
      readFileSync(join(ROOT, "vendor", "data", "holidays", "2027.json"), "utf8"),
      "store.empty-year",
      /2027年没有任何放假日/,
    ],
  ])("%s", (_name, text, code, message) => {
    const r = deserializeCalendar(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problem.find((x) => x.code === code);
    expect(p).toBeDefined();
    expect(storeProblemText(p as StoreProblem)).toMatch(message);
    expect(storeProblemText(p as StoreProblem, "en-US")).toMatch(/[A-Za-z]/);
  });
});
