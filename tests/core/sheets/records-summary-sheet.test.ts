// 帮扶记录汇总: a small 帮联台账 with its 帮扶记录 worked out by hand — two pairs, records in and out of
// the ledger's year, one record of nobody's pair, one pair short of money and of a visit.
import { serialFromCivil } from "../../../src/core/date/serial";
import { cellKey, makeGrid, type CellValue, type WorkbookData } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import {
  buildRecordsSummarySheet,
  RECORDS_SUMMARY_HEADER,
  RECORDS_SUMMARY_SHEET_NAME,
  verdict,
  type RecordsSummaryOptions,
} from "../../../src/core/sheets/records-summary-sheet";
import type { BuiltSheet } from "../../../src/core/sheets/spec";
import { COMMANDS, SHEET_BUILDERS } from "../../../src/core/commands/registry";
import { findRosterSource } from "../../../src/core/sheets/source";

const TODAY = { y: 2026, m: 11, d: 29 };
const pack = seedPack();
const options = (extra: Partial<RecordsSummaryOptions> = {}): RecordsSummaryOptions => ({
  pack,
  today: TODAY,
  ...extra,
});
const date = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return serialFromCivil({ y: y as number, m: m as number, d: d as number });
};

const LEDGER: CellValue[][] = [
  ["某某镇2026年度干部帮联台账", null, null, null, null, null, null],
  ["序号", "帮扶人", "工作单位", "职务", "帮扶对象", "身份证号", "是否建档立卡"],
  [1, "罗梓轩", "某某镇人民政府", "副镇长", "徐春梅", "410782201203120150", "是"],
  [2, "陈晓东", "某某镇财政所", "所长", "刘浩然", "430321201408150424", "是"],
];

/**
 * 罗梓轩 › 徐春梅: 2025-12-18 is last year (left out); visits 03-01, 05-10 (家访), 09-15, 11-20 → 4,
 * the latest 2026-11-20; money 500 + 500 = 1000 → 达标.
 * 陈晓东 › 刘浩然: visits 04-02, 08-20 (家访, with 300 元), 10-12 → 3 (the 谈心 is no visit; 2027-01-05
 * is after today); money 300 + 500 = 800 → 差 200 元、差 1 次走访.
 * 王五 › 徐春梅 is no pair of the ledger.
 */
const RECORDS: CellValue[][] = [
  ["某某镇2026年干部帮联帮扶记录", null, null, null, null, null, null],
  ["序号", "帮扶日期", "帮扶人", "帮扶对象", "帮扶类型", "金额", "帮扶内容"],
  [1, "2025-12-18", "罗梓轩", "徐春梅", "走访", null, "入户"],
  [2, "2026-03-01", "罗梓轩", "徐春梅", "走访", null, "入户"],
  [3, "2026-05-10", "罗梓轩", "徐春梅", "家访", null, "家访"],
  [4, "2026-07-01", "罗梓轩", "徐春梅", "资助", 500, "生活费"],
  [5, "2026-09-15", "罗梓轩", "徐春梅", "走访", null, "入户"],
  [6, "2026-10-01", "罗梓轩", "徐春梅", "资助", 500, "学习用品"],
  [7, "2026-11-20", "罗梓轩", "徐春梅", "走访", null, "入户"],
  [8, "2026-04-02", "陈晓东", "刘浩然", "走访", null, "入户"],
  [9, "2026-06-18", "陈晓东", "刘浩然", "谈心", null, "谈心"],
  [10, "2026-08-20", "陈晓东", "刘浩然", "家访", 300, "送学习用品"],
  [11, "2026-09-01", "陈晓东", "刘浩然", "资助", 500, "生活费"],
  [12, "2026-10-12", "陈晓东", "刘浩然", "走访", null, "入户"],
  [13, "2027-01-05", "陈晓东", "刘浩然", "走访", null, "入户"],
  [14, "2026-05-01", "王五", "徐春梅", "走访", null, "入户"],
];

const workbook = (...sheets: { name: string; rows: CellValue[][] }[]): WorkbookData => ({
  sheets: sheets.map((s) => makeGrid(s.name, s.rows)),
  properties: {},
});

function build(wb: WorkbookData, opts: RecordsSummaryOptions = options()): BuiltSheet {
  const before = structuredClone(wb);
  const r = buildRecordsSummarySheet(wb, opts);
  expect(wb).toEqual(before);
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

const SHORT = "未达标（差 200 元、差 1 次走访）";

describe("from the records", () => {
  const { spec, notes } = build(workbook({ name: "帮联台账", rows: LEDGER }, { name: "帮扶记录", rows: RECORDS }));

  test("title from the ledger's year, the header, one row per pair, the 合计", () => {
    expect(spec.name).toBe(RECORDS_SUMMARY_SHEET_NAME);
    expect(spec.rows[0]?.[0]).toBe("2026年帮扶记录汇总");
    expect(spec.rows[1]).toEqual([...RECORDS_SUMMARY_HEADER]);
    expect(spec.rows[1]).toEqual([
      "序号",
      "帮扶人",
      "单位",
      "帮扶对象",
      "走访次数",
      "最近走访",
      "资助金额",
      "每年应不少于",
      "是否达标",
    ]);
    expect(spec.rows.slice(2, 5)).toEqual([
      [1, "罗梓轩", "某某镇人民政府", "徐春梅", 4, date("2026-11-20"), 1000, 1000, "达标"],
      [2, "陈晓东", "某某镇财政所", "刘浩然", 3, date("2026-10-12"), 800, 1000, SHORT],
      ["合计", null, null, null, 7, null, 1800, null, "1 对达标，1 对未达标"],
    ]);
  });

  test("the 合计 row is formulas over the pairs' rows", () => {
    expect(spec.formulas.get(cellKey(4, 4))?.text).toBe("SUM(E3:E4)");
    expect(spec.formulas.get(cellKey(4, 6))?.text).toBe("SUM(G3:G4)");
    expect(spec.formulas.get(cellKey(4, 8))?.text).toBe(
      'COUNTIF(I3:I4,"达标")&" 对达标，"&COUNTIF(I3:I4,"未达标*")&" 对未达标"',
    );
    expect(spec.merges).toContainEqual({ top: 4, left: 0, bottom: 4, right: 3 });
  });

  test("the note row names the plan's minimums and their sources from the pack", () => {
    const plan = pack.pairing.plans.find((p) => p.code === "banglian");
    const note = String(spec.rows[5]?.[0]);
    expect(note).toContain("每年资助金额不少于 1000 元");
    expect(note).toContain("每年走访不少于 4 次");
    expect(note).toContain(plan?.minFunds?.source ?? "?");
    expect(note).toContain(plan?.minVisits?.source ?? "?");
    expect(note).toContain("“走访”“家访”");
    expect(note).toContain("只计 2026 年内");
    expect(spec.merges).toContainEqual({ top: 5, left: 0, bottom: 5, right: 8 });
  });

  test("print-ready: A4 landscape, the header repeated, frozen below it; dates shown as dates", () => {
    expect(spec.print).toMatchObject({ orientation: "landscape", paper: "A4", titleRows: { from: 1, to: 1 } });
    expect(spec.freeze).toEqual({ rows: 2, columns: 0 });
    expect(spec.styleRanges).toContainEqual({ range: { top: 2, left: 5, bottom: 3, right: 5 }, style: "date" });
    expect(spec.rows.at(-1)?.some((v) => typeof v === "string" && v.startsWith("日期：2026年11月29日"))).toBe(true);
  });

  test("the notes say what was left out", () => {
    expect(notes).toContain("2 条帮扶记录的日期不在 2026 年内（或晚于今天），未计入。");
    expect(notes.some((n) => n.startsWith("1 条帮扶记录的帮扶人或帮扶对象对不上“帮联台账”中的结对"))).toBe(true);
    expect(notes).toContain("1 对未达到每年的资助金额或走访次数（见“是否达标”一栏）。");
  });
});

test("without a records sheet: the ledger's 走访次数 and 年度资助金额 columns", () => {
  const ledger = [
    LEDGER[0] as CellValue[],
    [...(LEDGER[1] as CellValue[]), "年度资助金额（元）", "走访次数"],
    [...(LEDGER[2] as CellValue[]), 1000, 4],
    [...(LEDGER[3] as CellValue[]), 600, 5],
  ];
  const { spec, notes } = build(workbook({ name: "帮联台账", rows: ledger }));
  expect(spec.rows.slice(2, 5)).toEqual([
    [1, "罗梓轩", "某某镇人民政府", "徐春梅", 4, "—", 1000, 1000, "达标"],
    [2, "陈晓东", "某某镇财政所", "刘浩然", 5, "—", 600, 1000, "未达标（差 400 元）"],
    ["合计", null, null, null, 9, null, 1600, null, "1 对达标，1 对未达标"],
  ]);
  expect(String(spec.rows[5]?.[0])).toContain("走访次数取自台账的“走访次数”列");
  expect(notes.some((n) => n.startsWith("工作簿中没有帮扶记录工作表"))).toBe(true);
});

test("the ledger is found after an aid roster; the given sheet wins when it is a ledger", () => {
  const roster: CellValue[][] = [
    ["姓名", "身份证号", "困难类型"],
    ["徐春梅", "410782201203120150", "建档立卡"],
  ];
  const wb = workbook(
    { name: "资助花名册", rows: roster },
    { name: "帮联台账", rows: LEDGER },
    { name: "帮扶记录", rows: RECORDS },
  );
  const found = findRosterSource(wb, {});
  expect(found.ok && found.value.grid.name).toBe("资助花名册");
  if (!found.ok) return;
  const r = SHEET_BUILDERS["pair-summary"].build(found.value, {}, { pack, today: TODAY, workbook: wb });
  expect(r.ok && r.value.spec.rows[2]?.[3]).toBe("徐春梅");
  expect(COMMANDS["pair-summary"].names.label).toEqual({ zh: "帮扶记录汇总", en: "Assistance summary" });

  const other: CellValue[][] = [LEDGER[1] as CellValue[], LEDGER[3] as CellValue[]];
  const two = workbook({ name: "帮联台账", rows: LEDGER }, { name: "第二台账", rows: other });
  const given = findRosterSource(two, { sheet: "第二台账" });
  if (!given.ok) throw new Error("no ledger");
  const b = buildRecordsSummarySheet(two, options(), { source: given.value });
  expect(b.ok && b.value.spec.rows[2]?.slice(1, 4)).toEqual(["陈晓东", "某某镇财政所", "刘浩然"]);
  expect(b.ok && b.value.notes).toContain("工作簿中有 2 张帮联台账，只汇总了“第二台账”；其余的请选中后分别生成。");
});

test("a title given replaces the year's", () => {
  const { spec } = build(workbook({ name: "帮联台账", rows: LEDGER }), options({ title: "某某镇帮扶情况" }));
  expect(spec.rows[0]?.[0]).toBe("某某镇帮扶情况");
});

test("no 帮联台账: a Chinese message", () => {
  const wb = workbook({
    name: "资助花名册",
    rows: [
      ["姓名", "身份证号", "困难类型"],
      ["徐春梅", "410782201203120150", "建档立卡"],
    ],
  });
  const r = buildRecordsSummarySheet(wb, options());
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problem.code).toBe("pair-summary.no-ledger");
  expect(r.problem.message).toContain("没有找到帮联台账");
});

test("the verdict names what is short", () => {
  const plan = pack.pairing.plans.find((p) => p.code === "banglian") ?? null;
  expect(verdict(plan, 4, 1000)).toBe("达标");
  expect(verdict(plan, 6, 999.5)).toBe("未达标（差 0.5 元）");
  expect(verdict(plan, 2, 1200)).toBe("未达标（差 2 次走访）");
  expect(verdict(plan, null, null)).toBeNull();
  expect(verdict(null, 0, 0)).toBeNull();
});

test("a pair listed twice is counted once: the second row refers to the first", () => {
  const ledger = [...LEDGER, [3, "罗梓轩", "某某镇人民政府", "副镇长", "徐春梅", "410782201203120150", "是"]];
  const { spec, notes } = build(workbook({ name: "帮联台账", rows: ledger }, { name: "帮扶记录", rows: RECORDS }));
  expect(spec.rows[4]).toEqual([3, "罗梓轩", "某某镇人民政府", "徐春梅", "—", "—", "—", 1000, "重复结对（同序号 1）"]);
  expect(spec.rows[5]?.slice(4, 9)).toEqual([7, null, 1800, null, "1 对达标，1 对未达标"]);
  expect(notes.some((n) => n.startsWith("“帮联台账”第 5 行与前面的行是同一结对"))).toBe(true);
});

test("records naming the student by 身份证号 only count for the pair", () => {
  const byId: CellValue[][] = [
    ["某某镇2026年干部帮联帮扶记录", null, null, null, null],
    ["序号", "帮扶日期", "帮扶人", "身份证号", "帮扶类型", "金额"],
    ...["03-01", "05-10", "09-15", "11-20"].map((d, i) => [
      i + 1,
      `2026-${d}`,
      "罗梓轩",
      "410782201203120150",
      "走访",
      250,
    ]),
  ];
  const built = build(workbook({ name: "帮联台账", rows: LEDGER }, { name: "帮扶记录", rows: byId }));
  const row = built.spec.rows.find((r) => r[1] === "罗梓轩");
  expect(row).toEqual([1, "罗梓轩", "某某镇人民政府", "徐春梅", 4, date("2026-11-20"), 1000, 1000, "达标"]);
});
