// The enrolment table (学校,在校人数) and matching school names to it.
import { enrolmentOf, parseEnrolment, schoolKey, schoolOfWorkbook } from "../../../src/core/county";
import { makeGrid, type CellValue } from "../../../src/core/grid/types";

describe("parseEnrolment", () => {
  test.each<[string, CellValue[][], Record<string, number> | RegExp]>([
    [
      "plain",
      [
        ["学校", "在校人数"],
        ["某某县第一小学", "420"],
        ["某某镇中学", 1300],
      ],
      { 某某县第一小学: 420, 某某镇中学: 1300 },
    ],
    [
      "title row, full-width digits, separators, blank and 合计 rows",
      [
        ["2026年在校人数"],
        ["学校名称", "在校学生数"],
        ["第二小学（盖章）", "１，２００"],
        [null, null],
        ["合计", "1200"],
      ],
      { 第二小学: 1200 },
    ],
    [
      "no header",
      [
        ["名称", "数量"],
        ["一小", "3"],
      ],
      /找不到“学校”和“在校人数”/,
    ],
    [
      "bad number names the cell",
      [
        ["学校", "在校人数"],
        ["一小", "很多"],
      ],
      /B2 单元格有误/,
    ],
    ["empty", [["学校", "在校人数"]], /没有任何学校/],
  ])("%s", (_name, rows, expected) => {
    const r = parseEnrolment(makeGrid("在校人数", rows));
    if (expected instanceof RegExp) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem.message).toMatch(expected);
    } else {
      expect(r.ok).toBe(true);
      if (r.ok) expect(Object.fromEntries(r.value)).toEqual(expected);
    }
  });
});

describe("enrolmentOf", () => {
  const table = new Map([
    [schoolKey("某某县第一小学"), 400],
    [schoolKey("某某镇中学"), 900],
    [schoolKey("某某镇中心学校"), 300],
  ]);
  test.each<[string, number | null]>([
    ["某某县第一小学", 400],
    ["某某县第一小学（盖章）", 400],
    ["某某县 第一小学", 400],
    ["某某县某某镇中学", 900],
    ["某某镇", null],
    ["第三小学", null],
    ["", null],
  ])("%s → %s", (school, n) => expect(enrolmentOf(table, school)).toBe(n));
});

describe("schoolOfWorkbook", () => {
  const grid = makeGrid("一补", [
    ["某某县第一小学2026年春季学期花名册"],
    ["填报单位：某某县第一小学（盖章）    填报日期：2026年3月20日"],
    ["姓名"],
  ]);
  test.each<[string, readonly (string | undefined)[], string, string]>([
    ["rows name the school", ["一中", "一中", "二中"], "", "一中"],
    ["else 填报单位 above the header", [undefined], "花名册", "某某县第一小学"],
  ])("%s", (_n, rows, title, expected) => expect(schoolOfWorkbook(grid, 2, title, rows, "文件名")).toBe(expected));
  test("else the title, else the file name", () => {
    const bare = makeGrid("表", [["x"], ["姓名"]]);
    expect(schoolOfWorkbook(bare, 1, "某某县第二中学2026年资助名单", [], "f")).toBe("某某县第二中学");
    expect(schoolOfWorkbook(bare, 1, "2026年资助名单", [], "乙校")).toBe("乙校");
  });
});
