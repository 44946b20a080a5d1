// planFixes on small in-memory rosters: what each kind of safe fix proposes, what it shows (masked),
// and what it leaves alone (ineligible people, "at least" standards, numbers that lost digits).
import { makeGrid, type CellValue, type Grid } from "../../../src/core/grid/types";
import { checkWorkbook } from "../../../src/core/check/check";
import { seedPack } from "../../../src/core/policy";
import {
  LOST_DIGITS_REASON,
  applyFixesToGrid,
  cellsTouched,
  planFixes,
  type CellFix,
  type ColumnFix,
  type Fix,
} from "../../../src/core/fixes/plan";
import { makeId } from "../../../samples/people";

const TODAY = { y: 2026, m: 11, d: 28 };
const ID = makeId("430381", 2014, 5, 1, 11);
const ID2 = makeId("430381", 2013, 3, 2, 13);
const pack = seedPack();

function plan(rows: CellValue[][], extra: { formats?: Map<string, string>; program?: string } = {}) {
  const grid = makeGrid("表", rows, { formats: extra.formats });
  const { report, layout } = checkWorkbook(
    { sheets: [grid], properties: {} },
    { pack, today: TODAY, program: extra.program },
  );
  if (!layout) throw new Error("no roster");
  return { grid, ...planFixes(grid, layout, report, { pack, today: TODAY, program: extra.program }) };
}

const cells = (fixes: Fix[]): CellFix[] => fixes.filter((f): f is CellFix => f.kind !== "text-format");
const columns = (fixes: Fix[]): ColumnFix[] => fixes.filter((f): f is ColumnFix => f.kind === "text-format");
const brief = (f: CellFix) => [f.kind, f.cell, f.before, f.after];

/** Every identifier column already text: the column fixes stay out of the cell cases. */
function textFormats(rows: number, cols: number[]): Map<string, string> {
  const m = new Map<string, string>();
  for (let r = 0; r < rows; r++) for (const c of cols) m.set(`${r},${c}`, "@");
  return m;
}

describe("cell fixes", () => {
  const header = ["姓名", "身份证号", "学段", "是否寄宿", "资助项目", "资助金额", "联系电话"];
  test.each<[string, CellValue[], [string, string, CellValue, CellValue][]]>([
    [
      "a name with spaces: trimmed, inner runs folded",
      [" 张  三 ", ID, "小学", "是", "一补", 500, "13800138000"],
      [["trim", "A2", " 张  三 ", "张 三"]],
    ],
    [
      "an ID with spaces and a zero-width character: every one removed",
      ["张三", ` ${ID.slice(0, 6)} ${ID.slice(6)}\u200B`, "小学", "是", "一补", 500, "13800138000"],
      [["trim", "B2", ` ${ID.slice(0, 6)} ${ID.slice(6)}\u200B`, ID]],
    ],
    [
      "a full-width phone number: half-width",
      ["张三", ID, "小学", "是", "一补", 500, "１３８００１３８０００"],
      [["half-width", "G2", "１３８００１３８０００", "13800138000"]],
    ],
    [
      "a full-width ID with a space: one fix that does both",
      ["张三", `${toFull(ID)} `, "小学", "是", "一补", 500, "13800138000"],
      [["trim", "B2", `${toFull(ID)} `, ID]],
    ],
    [
      "an amount typed as text: a number, so the sheet's SUM counts it",
      ["张三", ID, "小学", "是", "一补", "500", "13800138000"],
      [["number", "F2", "500", 500]],
    ],
    [
      "a text amount that is also off the standard: the standard amount (a number) wins",
      ["张三", ID, "小学", "是", "一补", "1,000.00", "13800138000"],
      [["amount", "F2", "1,000.00", 500]],
    ],
    [
      "a full-width amount: a number again",
      ["张三", ID, "小学", "是", "一补", "５００", "13800138000"],
      [["half-width", "F2", "５００", 500]],
    ],
    [
      "a wrong amount for an exact standard: the standard",
      ["张三", ID, "小学", "是", "一补", 400, "13800138000"],
      [["amount", "F2", 400, 500]],
    ],
    [
      "an empty amount for an exact standard: the standard",
      ["张三", ID, "初中", "否", "一补", null, "13800138000"],
      [["amount", "F2", null, 312.5]],
    ],
    ["an ineligible person (高中 for 一补): no amount", ["张三", ID, "普通高中", "是", "一补", 400, "13800138000"], []],
    [
      "an ineligible person with no amount: none filled in",
      ["张三", ID, "普通高中", "是", "一补", null, "13800138000"],
      [],
    ],
  ])("%s", (_name, row, expected) => {
    const r = plan([header, row], { formats: textFormats(2, [1, 6]) });
    expect(cells(r.fixes).map(brief)).toEqual(expected);
    expect(columns(r.fixes)).toEqual([]);
  });

  test("the planner itself refuses an amount for an ineligible row, whatever the report says", () => {
    const rows: CellValue[][] = [header, ["张三", ID, "普通高中", "是", "一补", 400, "13800138000"]];
    const grid = makeGrid("表", rows, { formats: textFormats(2, [1, 6]) });
    const { report, layout } = checkWorkbook({ sheets: [grid], properties: {} }, { pack, today: TODAY });
    if (!layout) throw new Error("no roster");
    const forced = {
      ...report,
      issues: [
        ...report.issues,
        {
          rule: "policy.amount-mismatch",
          severity: "error" as const,
          sheet: "表",
          row: 2,
          column: "F",
          cell: "F2",
          message: "",
          hint: "",
          value: "400",
        },
      ],
    };
    expect(planFixes(grid, layout, forced, { pack, today: TODAY }).fixes).toEqual([]);
  });

  test("an 'at least' standard (帮联 ≥ 1000) is never filled in", () => {
    const rows = [
      ["姓名", "身份证号", "困难类型", "走访次数", "资助项目", "资助金额"],
      ["赵六", ID, "建档立卡", 4, "干部帮联", 800],
      ["赵七", ID2, "建档立卡", 4, "干部帮联", null],
    ];
    const r = plan(rows, { formats: textFormats(3, [1]) });
    expect(r.fixes).toEqual([]);
  });

  test("previews are masked: names keep the family name, IDs the region and the last 4; spaces stay visible", () => {
    const header2 = ["姓名", "身份证号", "银行卡号", "联系电话"];
    const r = plan([header2, [" 欧阳娜娜", ` ${ID}`, " 6222021234567890128", "138 0013 8000"]], {
      formats: textFormats(2, [1, 2, 3]),
    });
    const shown = cells(r.fixes).map((f) => [f.cell, f.shownBefore, f.shownAfter]);
    expect(shown).toEqual([
      ["A2", " 欧阳**", "欧阳**"],
      ["B2", ` ${ID.slice(0, 6)}********${ID.slice(-4)}`, `${ID.slice(0, 6)}********${ID.slice(-4)}`],
      ["C2", " ***************0128", "***************0128"],
      ["D2", "138 **** 8000", "138****8000"],
    ]);
    for (const f of cells(r.fixes)) {
      expect(f.shownBefore).not.toContain("娜娜");
      expect(f.shownAfter).not.toContain(ID.slice(6, 14));
    }
    // Long digit strings must be written as text, or Excel would turn them into numbers.
    expect(cells(r.fixes).map((f) => f.asText)).toEqual([false, true, true, true]);
  });
});

describe("column fixes", () => {
  test("ID, card, phone and 学籍号 columns not formatted as text, from the header row to the last row", () => {
    const rows = [
      ["花名册"],
      ["姓名", "身份证号", "学籍号", "银行卡号", "联系电话", "备注"],
      ["张三", ID, `G${ID}`, "6222021234567890128", "13800138000", ""],
      ["李四", ID2, `G${ID2}`, "6222021234567890128", "13800138001", ""],
    ];
    // The card column is text already; the phone column only on one row.
    const formats = new Map([
      ["2,3", "@"],
      ["3,3", "@"],
      ["2,4", "@"],
    ]);
    const r = plan(rows, { formats });
    expect(columns(r.fixes).map((f) => [f.column, f.field, f.fromRow, f.toRow])).toEqual([
      ["B", "idNumber", 1, 3],
      ["C", "studentNo", 1, 3],
      ["E", "phone", 1, 3],
    ]);
    expect(cellsTouched(r.fixes)).toBe(9);
  });
});

describe("unfixable", () => {
  test("an ID and a card stored as numbers are explained, not fixed", () => {
    const rows = [
      ["姓名", "身份证号", "银行卡号"],
      ["张三", 430381201405010000, 6222021234567890000],
    ];
    const r = plan(rows, { formats: textFormats(2, [1, 2]) });
    expect(r.unfixable.map((u) => [u.cell, u.rule, u.reason])).toEqual([
      ["B2", "id.stored-as-number", LOST_DIGITS_REASON],
      ["C2", "bank.stored-as-number", LOST_DIGITS_REASON],
    ]);
    expect(cells(r.fixes)).toEqual([]);
    expect(LOST_DIGITS_REASON).toBe("已丢失末几位，无法修复：请把该列设为文本后从原始资料重新录入");
  });
});

test("applyFixesToGrid returns a fixed copy and leaves the original as it was", () => {
  const rows: CellValue[][] = [
    ["姓名", "身份证号", "学段", "是否寄宿", "资助项目", "资助金额"],
    [" 张三", ID, "小学", "是", "一补", 400],
  ];
  const r = plan(rows);
  const before = JSON.stringify(r.grid.rows);
  const fixed: Grid = applyFixesToGrid(r.grid, r.fixes);
  expect(JSON.stringify(r.grid.rows)).toBe(before);
  expect(r.grid.formats.size).toBe(0);
  expect(fixed.rows[1]).toEqual(["张三", ID, "小学", "是", "一补", 500]);
  expect(fixed.formats.get("1,1")).toBe("@");
  expect(fixed.formats.get("0,1")).toBe("@");
});

function toFull(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

test("an amount typed as text is reported (a warning naming the cell) and nothing else is", () => {
  const grid = makeGrid("表", [
    ["姓名", "身份证号", "学段", "是否寄宿", "资助项目", "资助金额"],
    ["张三", ID, "小学", "是", "一补", "500"],
    ["李四", ID2, "小学", "是", "一补", 500],
  ]);
  const { report } = checkWorkbook({ sheets: [grid], properties: {} }, { pack, today: TODAY });
  const text = report.issues.filter((i) => i.rule === "amount.text");
  expect(text.map((i) => [i.cell, i.severity])).toEqual([["F2", "warning"]]);
  expect(text[0]?.message).toContain("合计公式");
});
