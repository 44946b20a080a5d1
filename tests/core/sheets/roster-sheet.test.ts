// 格式化花名册: a new sheet built from the committed samples and from synthetic grids with the
// defects real rosters have (full-width digits, IDs stored as numbers, 万元, 小计 rows, 100k rows).
import { cellKey, makeGrid, type CellValue, type Grid } from "../../../src/core/grid/types";
import { rmbUppercase } from "../../../src/core/money";
import { seedPack } from "../../../src/core/policy";
import { buildRosterSheet, ROSTER_SHEET_NAME, type RosterSheetOptions } from "../../../src/core/sheets/roster-sheet";
import { type RosterSource } from "../../../src/core/sheets/source";
import { styleAt, type BuiltSheet } from "../../../src/core/sheets/spec";
import { sampleSource as sample, sourceOf } from "./samples";

const TODAY = { y: 2026, m: 11, d: 29 };
const pack = seedPack();
const options = (extra: Partial<RosterSheetOptions> = {}): RosterSheetOptions => ({ pack, today: TODAY, ...extra });

function gridSource(grid: Grid): RosterSource {
  return sourceOf({ sheets: [grid], properties: {} });
}

/** Builds, asserting success and that the source is left exactly as it was. */
function build(source: RosterSource, opts: RosterSheetOptions = options()): BuiltSheet {
  const before = structuredClone(source.grid);
  const r = buildRosterSheet(source, opts);
  expect(source.grid).toEqual(before);
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

/** Sum of the numbers in a source column over the data rows (what Excel's SUM sees). */
function numericSum(source: RosterSource, col: number): number {
  let s = 0;
  for (const r of source.layout.dataRows) {
    const v = source.grid.rows[r]?.[col];
    if (typeof v === "number") s += v;
  }
  return Math.round(s * 100) / 100;
}

function columnOf(built: BuiltSheet, header: string): number {
  const c = built.spec.rows[2]?.indexOf(header) ?? -1;
  if (c < 0) throw new Error(`no column ${header}`);
  return c;
}

function upper(v: number): string {
  const r = rmbUppercase(v);
  if (!r.ok) throw new Error("rmb");
  return r.value;
}

describe("the committed samples", () => {
  test.each([
    // file, title, unit, people, amount header, amount column letter, total
    [
      "一补花名册-示例.xlsx",
      "某某县某某镇中心学校2026年春季学期义务教育家庭经济困难学生生活补助花名册",
      "某某县某某镇中心学校",
      40,
      "补助金额（元）",
      "M",
    ],
    ["一补花名册-两行表头.xlsx", "2026年秋季学期生活补助发放花名册", "____________", 12, "补助金额(元)", "H"],
    ["特困教师-示例.xlsx", "2026年省级特困教师资助汇总表（花名册）", "某某县教育局", 10, "资助金额（元）", "K"],
  ])("%s", async (file, title, unit, people, amountHeader, letter) => {
    const source = await sample(file);
    const { spec, notes } = build(source);
    const width = spec.rows[2]?.length ?? 0;
    const srcAmount = source.layout.fieldColumns.amount as number;
    const total = numericSum(source, srcAmount);

    expect(spec.name).toBe(ROSTER_SHEET_NAME);
    expect(spec.kind).toBe("roster");
    expect(spec.rows[0]?.[0]).toBe(title);
    expect(spec.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: width - 1 });
    expect(spec.rowHeights.get(0)).toBe(30);
    expect(spec.rows[1]?.[0]).toBe(`填报单位（盖章）：${unit}`);
    expect(spec.rows[1]).toContain("填报日期：2026年11月29日");
    // 序号 once, then every original column but the original 序号.
    const headers = spec.rows[2] ?? [];
    expect(headers[0]).toBe("序号");
    expect(headers.filter((h) => h === "序号")).toHaveLength(1);
    expect(width).toBe(source.layout.columns.length + source.layout.unknownColumns.length);

    // Data: 序号 1..n and the original values as they are.
    source.layout.dataRows.forEach((r, i) => {
      const row = spec.rows[3 + i] ?? [];
      expect(row[0]).toBe(i + 1);
      expect(row[columnOf({ spec, notes }, amountHeader)]).toEqual(source.grid.rows[r]?.[srcAmount] ?? null);
      const id = source.layout.fieldColumns.idNumber as number;
      expect(row).toContain(source.grid.rows[r]?.[id]);
    });

    // 合计, the live SUM and the 大写.
    const totalRow = 3 + people;
    const amountCol = columnOf({ spec, notes }, amountHeader);
    expect(spec.rows[totalRow]?.[0]).toBe("合计");
    expect(spec.formulas.get(cellKey(totalRow, amountCol))).toEqual({ text: `SUM(${letter}4:${letter}${3 + people})` });
    expect(spec.rows[totalRow]?.[amountCol]).toBe(total);
    expect(spec.rows[totalRow]?.[1]).toBe(`${people}人`);
    expect(spec.formulas.get(cellKey(totalRow, 1))?.text).toBe(`COUNT(A4:A${3 + people})&"人"`);
    const rmbRow = totalRow + 1;
    expect(spec.rows[rmbRow]?.[0]).toBe("合计金额（大写）：");
    expect(spec.rows[rmbRow]?.[3]).toBe(upper(total));
    expect(spec.formulas.get(cellKey(rmbRow, 3))).toEqual({ text: `ZIZHU.RMB(${letter}${totalRow + 1})`, addin: true });
    expect(spec.merges).toContainEqual({ top: rmbRow, left: 3, bottom: rmbRow, right: width - 1 });

    // The signature block two rows below.
    const signRow = rmbRow + 2;
    expect(spec.rows[signRow]?.filter((v) => v !== null)).toEqual([
      "单位公章：",
      "主要负责人（签字）：",
      "经办人（签字）：",
      "日期：",
    ]);
    expect(styleAt(spec, signRow, 0).font?.name).toBe("仿宋");

    // Styles.
    expect(styleAt(spec, 0, 0)).toMatchObject({ font: { size: 16, bold: true }, horizontal: "center" });
    expect(styleAt(spec, 2, 1)).toMatchObject({ font: { bold: true, name: "宋体" }, border: true, fill: "F2F2F2" });
    const idCol = columnOf({ spec, notes }, headers[source.layout.fieldColumns.idNumber as number] as string);
    for (const r of [3, 3 + people - 1]) {
      expect(styleAt(spec, r, idCol)).toMatchObject({ numFmt: "@", border: true, font: { name: "宋体" } });
      expect(styleAt(spec, r, amountCol)).toMatchObject({ numFmt: "#,##0.00", horizontal: "right", border: true });
      expect(styleAt(spec, r, 0)).toMatchObject({ horizontal: "center", border: true });
    }
    expect(styleAt(spec, totalRow, amountCol)).toMatchObject({ numFmt: "#,##0.00", font: { bold: true } });
    expect(styleAt(spec, 1, 0).border).toBeUndefined();
    // Column widths: one per column, ID columns at least 20, all within 4..40.
    expect(spec.columnWidths).toHaveLength(width);
    expect(spec.columnWidths[idCol]).toBeGreaterThanOrEqual(20);
    for (const w of spec.columnWidths) expect(w).toBeGreaterThanOrEqual(4);
    for (const w of spec.columnWidths) expect(w).toBeLessThanOrEqual(40);

    expect(spec.freeze).toEqual({ rows: 3, columns: 0 });
    expect(spec.print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: { from: 2, to: 2 },
      centerFooter: "第 &P 页 共 &N 页",
    });
    expect(spec.state).toBe("visible");
    expect(notes).toEqual([]);
  });

  test("a two-row header is flattened into readable one-row headers", async () => {
    const { spec } = build(await sample("一补花名册-两行表头.xlsx"));
    expect(spec.rows[2]).toEqual([
      "序号",
      "学生姓名",
      "学生性别",
      "学生身份证号码",
      "学段",
      "是否寄宿",
      "困难类型",
      "补助金额(元)",
      "监护人姓名",
      "监护人身份证号",
      "银行卡持卡人",
      "银行卡卡号",
      "银行卡开户银行",
    ]);
    // Guardian ID and card number are text columns too.
    expect(styleAt(spec, 5, 9).numFmt).toBe("@");
    expect(styleAt(spec, 5, 11).numFmt).toBe("@");
    expect(styleAt(spec, 5, 4).numFmt).toBeUndefined();
  });

  test("teachers: the 万元 debt column is money-formatted and not summed", async () => {
    const { spec } = build(await sample("特困教师-示例.xlsx"));
    const debt = spec.rows[2]?.indexOf("负债金额（万元）") ?? -1;
    // 万元 keeps its digits (3.5 万元 prints as 3.50; 0.0125 万元 as 0.0125, not 0.01).
    expect(styleAt(spec, 3, debt).numFmt).toBe("#,##0.00####");
    expect(spec.formulas.has(cellKey(13, debt))).toBe(false);
  });

  test("options override title, unit, date and name", async () => {
    const { spec } = build(
      await sample("一补花名册-示例.xlsx"),
      options({ title: "自定标题", unit: "第一小学", date: { y: 2026, m: 12, d: 1 }, name: "格式化" }),
    );
    expect(spec.name).toBe("格式化");
    expect(spec.rows[0]?.[0]).toBe("自定标题");
    expect(spec.rows[1]?.[0]).toBe("填报单位（盖章）：第一小学");
    expect(spec.rows[1]).toContain("填报日期：2026年12月1日");
  });
});

const HEADER = ["序号", "姓名", "身份证号", "学校", "资助项目", "学段", "出生日期", "家庭住址说明", "补助金额（元）"];

function person(i: number, amount: CellValue = 500): CellValue[] {
  return [
    i,
    `学生${i}`,
    `43038120150101${String(1000 + (i % 9000)).padStart(4, "0")}`,
    "XX学校",
    "一补",
    "小学",
    42000 + i,
    "村组",
    amount,
  ];
}

describe("synthetic rosters", () => {
  test("no title: one is composed from school, term and the program every row names", () => {
    const grid = makeGrid("花名册", [HEADER, person(1), person(2), person(3, 250)], {
      formats: new Map([[cellKey(1, 6), "yyyy-mm-dd"]]),
    });
    const built = build(gridSource(grid));
    const { spec, notes } = built;
    expect(spec.rows[0]?.[0]).toBe("XX学校2026年秋季学期义务教育家庭经济困难学生生活补助花名册");
    expect(spec.rows[1]?.[0]).toBe("填报单位（盖章）：XX学校");
    // An unknown column keeps its header and place; the birth date is shown as a date.
    expect(spec.rows[2]).toEqual(["序号", ...HEADER.slice(1)]);
    expect(styleAt(spec, 3, columnOf(built, "出生日期")).numFmt).toBe("yyyy-mm-dd");
    expect(spec.rows[6]?.[columnOf(built, "补助金额（元）")]).toBe(1250);
    expect(notes).toEqual([]);
  });

  test.each([
    ["spring", { y: 2027, m: 3, d: 1 }, "XX学校2027年春季学期义务教育家庭经济困难学生生活补助花名册"],
    [
      "January is the autumn term of the year before",
      { y: 2027, m: 1, d: 10 },
      "XX学校2026年秋季学期义务教育家庭经济困难学生生活补助花名册",
    ],
  ])("composed title, %s", (_label, today, title) => {
    const { spec } = build(gridSource(makeGrid("花名册", [HEADER, person(1)])), options({ today }));
    expect(spec.rows[0]?.[0]).toBe(title);
  });

  test("full-width digits, an ID stored as a number and a text amount are copied as they are, with notes", () => {
    // What Excel keeps of an 18-digit ID typed as a number: 15 significant digits.
    const asNumber = Number("430381201501011234");
    const rows: CellValue[][] = [
      ["XX学校一补花名册"],
      HEADER,
      person(1),
      [2, "学生2", asNumber, "XX学校", "一补", "小学", 42002, "村组", "５００"],
      [3, "学生3", "４３０３８１２０１５０１０１１２３４", "XX学校", "一补", "小学", 42003, "村组", 250.5],
    ];
    const source = gridSource(makeGrid("花名册", rows));
    const { spec, notes } = build(source);
    expect(spec.rows[4]?.[2]).toBe(asNumber);
    expect(spec.rows[4]?.[8]).toBe("５００");
    expect(spec.rows[5]?.[2]).toBe("４３０３８１２０１５０１０１１２３４");
    // SUM ignores the text: 500 + 250.5.
    expect(spec.rows[6]?.[8]).toBe(750.5);
    expect(spec.rows[7]?.[3]).toBe("柒佰伍拾元零伍角");
    expect(notes).toContain(
      "花名册!C4 的身份证号被存为数字，后几位已丢失，未作修改，请在原表把该列设为文本后重新录入。",
    );
    expect(notes.some((n) => n.startsWith("花名册!I4 的金额是文本"))).toBe(true);
    expect(notes.some((n) => n.includes("全角数字"))).toBe(true);
  });

  test("a 万元 amount column: SUM in 万元, 大写 in 元", () => {
    const header = ["姓名", "身份证号", "补助金额（万元）"];
    const source = gridSource(
      makeGrid("花名册", [header, ["甲", "430381201501011234", 0.05], ["乙", "430381201501011235", 0.125]]),
    );
    const { spec, notes } = build(source);
    expect(spec.rows[5]?.[3]).toBe(0.175);
    expect(spec.formulas.get(cellKey(5, 3))?.text).toBe("SUM(D4:D5)");
    expect(spec.rows[6]?.[0]).toBe("合计金额（大写，万元已折合为元）：");
    expect(spec.rows[6]?.[2]).toBe("壹仟柒佰伍拾元整");
    expect(spec.formulas.get(cellKey(6, 2))).toEqual({ text: "ZIZHU.RMB(D6*10000)", addin: true });
    expect(styleAt(spec, 3, 3).numFmt).toBe("#,##0.00####");
    expect(notes.some((n) => n.includes("万元"))).toBe(true);
  });

  test("a 小计 row and a 合计 row of the original are not copied", () => {
    const source = gridSource(
      makeGrid("花名册", [
        HEADER,
        person(1),
        ["小计", null, null, null, null, null, null, null, 500],
        person(2),
        person(3),
      ]),
    );
    expect(source.layout.totalRows).toEqual([2]);
    const { spec } = build(source);
    expect(spec.rows.slice(3, 6).map((r) => r[1])).toEqual(["学生1", "学生2", "学生3"]);
    expect(spec.rows[6]?.[0]).toBe("合计");
    expect(spec.rows[6]?.[8]).toBe(1500);
  });

  test("no amount column: no SUM, no 大写, a note", () => {
    const source = gridSource(
      makeGrid("花名册", [
        ["姓名", "身份证号", "学段"],
        ["甲", "430381201501011234", "小学"],
      ]),
    );
    const { spec, notes } = build(source);
    expect(spec.rows[4]).toEqual(["合计", "1人", null, null]);
    expect([...spec.formulas.values()].map((f) => f.text)).toEqual(['COUNT(A4:A4)&"人"']);
    expect(spec.rows[6]?.[0]).toBe("单位公章：");
    expect(notes.some((n) => n.includes("没有金额列"))).toBe(true);
  });

  test("a roster with no data rows is a problem, not a sheet", () => {
    const r = buildRosterSheet(gridSource(makeGrid("花名册", [["姓名", "身份证号", "金额"]])), options());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain("花名册");
  });

  test("100 000 rows", () => {
    const n = 100_000;
    const rows: CellValue[][] = [["XX学校一补花名册"], HEADER];
    for (let i = 1; i <= n; i++) rows.push(person(i, i % 2 === 0 ? 500 : 250.25));
    const source = gridSource(makeGrid("花名册", rows));
    const { spec } = build(source);
    expect(spec.rows[3]).toEqual([1, ...person(1, 250.25).slice(1)]);
    expect(spec.rows[3 + n - 1]).toEqual([n, ...person(n, 500).slice(1)]);
    const total = (n / 2) * 500 + (n / 2) * 250.25;
    expect(spec.rows[3 + n]?.[8]).toBe(total);
    expect(spec.formulas.get(cellKey(3 + n, 8))?.text).toBe(`SUM(I4:I${n + 3})`);
    expect(spec.rows[4 + n]?.[3]).toBe(upper(total));
    // Styles go by column blocks, not by cell.
    expect(spec.styleRanges.length).toBeLessThan(30);
    expect(styleAt(spec, 3 + n - 1, 2).numFmt).toBe("@");
  });
});
