// 进步奖名单: a small score sheet worked out by hand — ranks from scores with a tie (语文), given
// ranks where nobody moved up (数学), a missing rank — and the 爱心工程奖 block from 帮扶教师.
import { makeGrid, type CellValue, type WorkbookData } from "../../../src/core/grid/types";
import { seedPack, type Pack } from "../../../src/core/policy";
import {
  AWARD_SHEET_NAME,
  awardTitle,
  buildAwardSheet,
  TEACHER_BLOCK_TITLE,
  type AwardOptions,
} from "../../../src/core/sheets/award-sheet";
import type { BuiltSheet } from "../../../src/core/sheets/spec";
import { COMMANDS, SHEET_BUILDERS } from "../../../src/core/commands/registry";
import { findRosterSource } from "../../../src/core/sheets/source";

const TODAY = { y: 2026, m: 11, d: 29 };
const pack = seedPack();
const options = (extra: Partial<AwardOptions> = {}): AwardOptions => ({ pack, today: TODAY, ...extra });

const HEADER = ["序号", "姓名", "学科", "上学期成绩", "上学期名次", "本学期成绩", "本学期名次", "帮扶教师"];

/**
 * 语文 by scores — last term: 钱七 90 (1), 王五 80 (2), 李四 70 (3), 张三 60 (4), 赵六 50 (5);
 * this term: 钱七 90 (1), 张三 80 (2), 李四 75 and 赵六 75 (3, tied), 王五 70 (5).
 * Moved up: 张三 4→2 (+2), 赵六 5→3 (+2); 李四 0, 钱七 0, 王五 −3.
 * Two eligible: 一等奖 takes round(0.2 × 2) = 0 → at least 1 place, and the tie with 张三 pulls 赵六
 * into 一等奖 too.
 * 数学 by given ranks: 张三 1→2 (−1), 李四 2→2 (0), 孙八 3→(blank): nobody moved up.
 */
const SCORES: CellValue[][] = [
  ["2026年秋季学期学困生成绩表", null, null, null, null, null, null, null],
  HEADER,
  [1, "张三", "语文", 60, null, 80, null, "陈老师"],
  [2, "李四", "语文", 70, null, 75, null, "陈老师"],
  [3, "王五", "语文", 80, null, 70, null, "刘老师"],
  [4, "赵六", "语文", 50, null, 75, null, "刘老师"],
  [5, "钱七", "语文", 90, null, 90, null, "周老师"],
  [6, "张三", "数学", null, 1, null, 2, "陈老师"],
  [7, "李四", "数学", null, 2, null, 2, "陈老师"],
  [8, "孙八", "数学", null, 3, null, null, "周老师"],
];

const workbook = (...sheets: { name: string; rows: CellValue[][] }[]): WorkbookData => ({
  sheets: sheets.map((s) => makeGrid(s.name, s.rows)),
  properties: {},
});

function build(wb: WorkbookData, opts: AwardOptions = options()): BuiltSheet {
  const before = structuredClone(wb);
  const r = buildAwardSheet(wb, opts);
  expect(wb).toEqual(before);
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

const NO_PROGRESS = "名次没有提高，不予评价";

describe("the students' table", () => {
  const built = build(workbook({ name: "成绩表", rows: SCORES }));
  const { spec } = built;

  test("title, header, winners first by tier then places, then the rest with the reason", () => {
    expect(spec.name).toBe(AWARD_SHEET_NAME);
    expect(spec.rows[0]?.[0]).toBe("2026年秋季学期学困生进步奖名单");
    expect(spec.rows[1]).toEqual(["序号", "姓名", "学科", "上学期名次", "本学期名次", "提高位次", "奖项"]);
    expect(spec.rows.slice(2, 10)).toEqual([
      [1, "张三", "语文", 4, 2, 2, "一等奖"],
      [2, "赵六", "语文", 5, 3, 2, "一等奖"],
      [3, "李四", "语文", 3, 3, 0, NO_PROGRESS],
      [4, "钱七", "语文", 1, 1, 0, NO_PROGRESS],
      [5, "李四", "数学", 2, 2, 0, NO_PROGRESS],
      [6, "张三", "数学", 1, 2, -1, NO_PROGRESS],
      [7, "王五", "语文", 2, 5, -3, NO_PROGRESS],
      [8, "孙八", "数学", 3, "—", "—", "缺少本次或上学期的名次（成绩）"],
    ]);
  });

  test("the note names the tiers' shares and the source from the pack", () => {
    const note = String(spec.rows[10]?.[0]);
    expect(note).toContain("一等奖 20%、二等奖 30%、三等奖 50%");
    expect(note).toContain("各学科分别排名、分别评定");
    expect(note).toContain(`依据：${pack.pairing.awards?.students.source}`);
    expect(note).toContain("共 8 人次，获奖 2 人次");
    expect(spec.merges).toContainEqual({ top: 10, left: 0, bottom: 10, right: 6 });
  });

  test("print-ready: the header repeats, A4 landscape on one page width", () => {
    expect(spec.print?.titleRows).toEqual({ from: 1, to: 1 });
    expect(spec.print?.paper).toBe("A4");
    expect(spec.print?.fitToWidth).toBe(1);
    expect(spec.freeze).toEqual({ rows: 2, columns: 0 });
    expect(spec.columnWidths).toHaveLength(7);
  });

  test("notes: ranks computed from scores, and the missing rank", () => {
    expect(built.notes.some((n) => n.includes("5 人次的名次是按成绩在本学科内排出的"))).toBe(true);
    expect(built.notes.some((n) => n.includes("1 人次缺少上学期或本学期的名次"))).toBe(true);
  });
});

describe("爱心工程奖", () => {
  const { spec } = build(workbook({ name: "成绩表", rows: SCORES }));
  // 陈老师: 张三 moved up (+2), 李四 did not → 1 student, 2 places; 刘老师: 赵六 (+2), 王五 down → 1, 2;
  // a tie, so both 一等 (round(0.2 × 2) = 0 → 1, the tie takes the other). 周老师: nobody moved up.
  test("one row per teacher, winners first, the rest with the reason", () => {
    expect(spec.rows[12]?.[0]).toBe(TEACHER_BLOCK_TITLE);
    expect(spec.rows[13]?.slice(0, 5)).toEqual(["序号", "教师", "转化人数", "提高位次合计", "奖项"]);
    expect(spec.rows.slice(14, 17).map((r) => r.slice(0, 5))).toEqual([
      [1, "陈老师", 1, 2, "一等“爱心工程”奖"],
      [2, "刘老师", 1, 2, "一等“爱心工程”奖"],
      [3, "周老师", 0, 0, "所转化学生没有名次提高的，不予评奖"],
    ]);
    // The 奖项 spans the columns the students' table has beyond it.
    expect(spec.merges).toContainEqual({ top: 14, left: 4, bottom: 14, right: 6 });
    expect(String(spec.rows[17]?.[0])).toContain(`依据：${pack.pairing.awards?.teachers.source}`);
  });

  test("ends with the signature line and today's date", () => {
    const last = spec.rows[spec.rows.length - 1] ?? [];
    expect(last.join("")).toContain("日期：2026年11月29日");
  });
});

describe("without 学科 or 帮扶教师 columns", () => {
  // One group: 上学期 ranks 3, 1, 2 → this term 1, 2, 3: 甲 +2, 乙 −1, 丙 −1.
  const rows: CellValue[][] = [
    ["姓名", "上学期名次", "本学期名次"],
    ["甲", 3, 1],
    ["乙", 1, 2],
    ["丙", 2, 3],
  ];
  test("no 学科 column and no 爱心工程奖 block", () => {
    const { spec } = build(workbook({ name: "学困生", rows }), options({ title: "七年级进步奖" }));
    expect(spec.rows[0]?.[0]).toBe("七年级进步奖");
    expect(spec.rows[1]).toEqual(["序号", "姓名", "上学期名次", "本学期名次", "提高位次", "奖项"]);
    expect(spec.rows.slice(2, 5)).toEqual([
      [1, "甲", 3, 1, 2, "一等奖"],
      [2, "乙", 1, 2, -1, NO_PROGRESS],
      [3, "丙", 2, 3, -1, NO_PROGRESS],
    ]);
    expect(spec.rows.some((r) => r[0] === TEACHER_BLOCK_TITLE)).toBe(false);
  });
});

describe("finding the score sheet", () => {
  const roster: CellValue[][] = [
    ["姓名", "身份证号", "资助项目", "金额"],
    ["张三", "110101201001011234", "生活补助", 500],
  ];
  test("the first score sheet of the workbook, beside an aid roster", () => {
    const { spec } = build(workbook({ name: "花名册", rows: roster }, { name: "成绩表", rows: SCORES }));
    expect(spec.rows[2]?.slice(0, 2)).toEqual([1, "张三"]);
  });

  test("no score sheet: a Chinese message naming the columns needed", () => {
    const r = buildAwardSheet(workbook({ name: "花名册", rows: roster }), options());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe("awards.no-scores");
    expect(r.problem.message).toContain("没有找到学困生成绩表");
    expect(r.problem.message).toContain("上学期成绩");
  });

  test("a pack without awards: a message naming pairing.awards", () => {
    const bare: Pack = { ...pack, pairing: { ...pack.pairing, awards: undefined } };
    const r = buildAwardSheet(workbook({ name: "成绩表", rows: SCORES }), options({ pack: bare }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe("awards.no-tiers");
    expect(r.problem.message).toContain("pairing.awards");
  });

  test("awardTitle: from the score sheet's title", () => {
    expect(awardTitle("2026年秋季学期学困生成绩表")).toBe("2026年秋季学期学困生进步奖名单");
    expect(awardTitle("七年级成绩统计表")).toBe("七年级进步奖名单");
    expect(awardTitle("")).toBe("学困生进步奖名单");
  });
});

describe("the command", () => {
  test("is a sheet builder in the registry, run on the roster the command finds", () => {
    expect(SHEET_BUILDERS.awards).toBe(COMMANDS.awards);
    const wb = workbook({ name: "成绩表", rows: SCORES });
    const found = findRosterSource(wb);
    if (!found.ok) throw new Error(found.problem.code);
    const r = COMMANDS.awards.build(found.value, { title: "进步奖" }, { pack, today: TODAY, workbook: wb });
    expect(r.ok && r.value.spec.rows[0]?.[0]).toBe("进步奖");
  });
});
