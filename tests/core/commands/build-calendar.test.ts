/**
 * The 公示表 of the ribbon, the 报表 tab and the standalone page (buildForCommand) counts its 公示期
 * with the calendar it is given: the shipped data plus imported notices.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildForCommand } from "../../../src/core/commands";
import { createCalendar, parseHolidayNotice } from "../../../src/core/calendar";
import { makeGrid, type WorkbookData } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";

const ROSTER: WorkbookData = {
  sheets: [
    makeGrid("花名册", [
      ["姓名", "性别", "身份证号", "资助项目", "金额"],
      ["张三", "男", "110105194912310021", "一补", 1000],
    ]),
  ],
  properties: {},
};

const options = { pack: seedPack(), today: { y: 2026, m: 11, d: 28 }, start: { y: 2026, m: 12, d: 28 }, days: 5 };

function cellsText(spec: unknown): string {
  return JSON.stringify(spec);
}

test("without an imported 2027 the 公示期 over the new year cannot be counted", () => {
  const r = buildForCommand(ROSTER, "buildNotice", options);
  expect(!r.ok && r.problem.message).toContain("2027年的放假安排（含调休）尚未收录");
});

test("with the 2027 notice imported it ends on 2027-01-04", () => {
  const text = readFileSync(join(__dirname, "..", "..", "fixtures", "notices", "2027-plausible.txt"), "utf8");
  const year = parseHolidayNotice(text);
  if (!year.ok) throw new Error("the fixture should parse");
  const { calendar } = createCalendar([year.value]);
  const r = buildForCommand(ROSTER, "buildNotice", { ...options, calendar });
  expect(r.ok).toBe(true);
  expect(r.ok && cellsText(r.value.spec)).toContain("2027年1月4日");
});
