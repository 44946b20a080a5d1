// Policy and sheet rules on small in-memory rosters: one case per rule, each with the cell it
// must point at (the sample workbooks cover the rest).
import { makeGrid, type CellValue } from "../../../src/core/grid/types";
import { checkWorkbook } from "../../../src/core/check/check";
import { seedPack } from "../../../src/core/policy";
import { makeId } from "../../../samples/people";

const TODAY = { y: 2026, m: 11, d: 28 };
const id = (seq: number, y = 1980) => makeId("430381", y, 5, 1, seq);

function issues(rows: CellValue[][], options: { program?: string; enrolled?: number } = {}): string[] {
  const { report } = checkWorkbook(
    { sheets: [makeGrid("表", rows)], properties: {} },
    { pack: seedPack(), today: TODAY, ...options },
  );
  return report.issues.filter((i) => i.severity !== "info").map((i) => `${i.rule}@${i.cell || "sheet"}`);
}

test("policy.higher-standard: 档次 三档 but 特别困难 → the higher tier applies (方案8 (三))", () => {
  const rows = [
    ["姓名", "身份证号", "学段", "困难程度", "档次", "资助项目", "资助金额"],
    ["张三", id(1, 2009), "普通高中", "特别困难", "三档", "普高助学金", 1000],
  ];
  expect(issues(rows)).toEqual(["policy.higher-standard@G2"]);
});

test("policy.nominees-per-school: 爱烛行动 allows 1–2 nominees per school (方案14 四)", () => {
  const header = ["姓名", "身份证号", "学校", "致困原因", "负债金额", "本年度已获救助", "资助项目"];
  const rows: CellValue[][] = [header];
  for (let i = 0; i < 3; i++) rows.push([`教师${i}`, id(10 + i * 2), "某某镇中学", "患病", 40000, "否", "爱烛行动"]);
  rows.push(["教师9", id(31), "某某县第一中学", "患病", 40000, "否", "爱烛行动"]);
  expect(issues(rows)).toEqual(["policy.nominees-per-school@C2"]);
});

test("policy.repeat-aid: aided at province level last year (方案12 五.2) and aided this year (方案14 一)", () => {
  const rows = [
    ["姓名", "身份证号", "致困原因", "负债金额", "上次省级资助年份", "本年度已获救助", "资助项目"],
    ["王一", id(41), "患病", 60000, 2025, "否", "省级特困教师"],
    ["王二", id(43), "患病", 60000, null, "是", "爱烛行动"],
  ];
  expect(issues(rows).sort()).toEqual(["policy.repeat-aid@E2", "policy.repeat-aid@F3"]);
});

test("policy.quota: more 普高助学金 students than 14% of the enrolment (方案8 (三)3)", () => {
  const rows: CellValue[][] = [["姓名", "身份证号", "学段", "资助档次", "资助项目"]];
  for (let i = 0; i < 15; i++) rows.push([`学生${i}`, id(100 + i * 2, 2009), "普通高中", "二档", "普高助学金"]);
  expect(issues(rows, { enrolled: 100 })).toEqual(["policy.quota@sheet"]);
  expect(issues(rows, { enrolled: 200 })).toEqual([]);
});

test("policy.visits: 帮联 visits fewer than 4 a year (方案8 (二)4)", () => {
  const rows = [
    ["姓名", "身份证号", "困难类型", "走访次数", "资助项目", "资助金额"],
    ["赵六", id(61, 2012), "建档立卡", 2, "干部帮联", 1200],
  ];
  expect(issues(rows)).toEqual(["policy.visits@D2"]);
});

test("policy.amount-mismatch for an 'at least' standard: 帮联 below 1000 a year (方案8 (二)4)", () => {
  const rows = [
    ["姓名", "身份证号", "困难类型", "资助项目", "资助金额"],
    ["赵七", id(63, 2012), "建档立卡", "干部帮联", 800],
    ["赵八", id(65, 2012), "建档立卡", "干部帮联", 1500],
  ];
  expect(issues(rows)).toEqual(["policy.amount-mismatch@E2"]);
});

test("policy.unknown-program names the cell with the program nobody knows", () => {
  const rows = [
    ["姓名", "身份证号", "资助项目"],
    ["钱九", id(67, 2012), "火星补助"],
  ];
  expect(issues(rows)).toEqual(["policy.unknown-program@C2"]);
});

describe("review findings", () => {
  test("小计 rows are compared with their own group; 合计 with everything", () => {
    const rows: CellValue[][] = [
      ["姓名", "身份证号", "学段", "是否寄宿", "困难类型", "资助项目", "补助金额"],
      ["甲", id(201, 2015), "小学", "是", "低保", "一补", 500],
      ["小计", null, null, null, null, null, 500],
      ["乙", id(203, 2015), "小学", "否", "低保", "一补", 250],
      ["小计", null, null, null, null, null, 250],
      ["合计", null, null, null, null, null, 750],
    ];
    expect(issues(rows)).toEqual([]);
    rows[4]![6] = 300;
    expect(issues(rows)).toEqual(["total.mismatch@G5"]);
  });

  test("the same mistyped ID twice is still a duplicate", () => {
    const bad = id(205, 2015).slice(0, 17) + (id(205, 2015).endsWith("1") ? "2" : "1");
    const rows: CellValue[][] = [
      ["姓名", "身份证号", "学段", "是否寄宿", "困难类型", "资助项目", "补助金额"],
      ["甲", bad, "小学", "是", "低保", "一补", 500],
      ["甲", bad, "小学", "是", "低保", "一补", 500],
    ];
    expect(issues(rows).sort()).toEqual(["dup.id@B3", "id.checksum@B2", "id.checksum@B3"]);
  });

  test("an empty 资助项目 cell is required when the sheet has that column", () => {
    const rows: CellValue[][] = [
      ["姓名", "身份证号", "学段", "是否寄宿", "困难类型", "资助项目", "补助金额"],
      ["甲", id(207, 2009), "普通高中", "是", "低保", null, 9999],
    ];
    expect(issues(rows)).toEqual(["field.required@F2"]);
  });

  test("an unreadable value is not also reported as empty", () => {
    const rows: CellValue[][] = [
      ["姓名", "身份证号", "学段", "是否寄宿", "困难类型", "资助项目", "补助金额"],
      ["甲", id(209, 2015), "小学", "半寄宿", "低保", "一补", 500],
    ];
    expect(issues(rows)).toEqual(["field.unreadable@D2"]);
  });
});
