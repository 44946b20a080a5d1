// Finding the roster in a sheet: title rows, one- and two-row headers with merged groups, 合计
// rows, notes under the table, hidden rows, and sheets with no roster at all.
import fc from "fast-check";
import { makeGrid, type CellValue } from "../../../src/core/grid/types";
import { detectRoster } from "../../../src/core/roster/detect";
import { checkWorkbook } from "../../../src/core/check/check";
import { seedPack } from "../../../src/core/policy";

const ID = "11010519491231002X";

test("title rows above a one-row header; 合计 and notes below", () => {
  const rows: CellValue[][] = [
    ["某某学校2026年春季学期家庭经济困难学生生活补助花名册"],
    ["填报单位：某某学校", null, "填报日期：2026-03-20"],
    ["序号", "姓名", "身份证号码", "学段", "补助金额(元)", "备注"],
    [1, "张三", ID, "小学", 500, null],
    [2, "李四", ID, "初中", 625, null],
    [null, null, null, null, null, null],
    [3, "王五", ID, "初中", 625, null],
    ["合计", null, null, null, 1750, null],
    [],
    ["填表人：王老师"],
    ["备注：本表一式两份"],
  ];
  const d = detectRoster(makeGrid("Sheet1", rows, { hiddenRows: new Set([4]) }));
  if (!d.ok) throw new Error("no roster");
  expect(d.value.headerRows).toEqual([2]);
  expect(d.value.title).toContain("花名册");
  expect(d.value.columns.map((c) => c.field)).toEqual(["serial", "name", "idNumber", "stage", "amount", "remarks"]);
  expect(d.value.columns.find((c) => c.field === "amount")?.unit).toBe("元");
  expect(d.value.dataRows).toEqual([3, 4, 6]);
  expect(d.value.totalRows).toEqual([7]);
  expect(d.value.notesFrom).toBe(9);
  expect(d.value.hiddenDataRows).toEqual([4]);
  expect(d.value.kind).toBe("students");
});

test("a two-row header with merged group cells (监护人 › 姓名 / 身份证号)", () => {
  const rows: CellValue[][] = [
    ["花名册"],
    ["序号", "学生", null, "监护人", null, "补助金额"],
    [null, "姓名", "身份证号", "姓名", "身份证号", null],
    [1, "张三", ID, "张大山", ID, 500],
  ];
  const merges = [
    { top: 1, left: 0, bottom: 2, right: 0 },
    { top: 1, left: 1, bottom: 1, right: 2 },
    { top: 1, left: 3, bottom: 1, right: 4 },
    { top: 1, left: 5, bottom: 2, right: 5 },
  ];
  const d = detectRoster(makeGrid("Sheet1", rows, { merges }));
  if (!d.ok) throw new Error("no roster");
  expect(d.value.headerRows).toEqual([1, 2]);
  expect(d.value.columns.map((c) => [c.col, c.field])).toEqual([
    [0, "serial"],
    [1, "name"],
    [2, "idNumber"],
    [3, "guardianName"],
    [4, "guardianId"],
    [5, "amount"],
  ]);
  expect(d.value.columns[3]?.header).toBe("监护人 › 姓名");
  expect(d.value.dataRows).toEqual([3]);
});

test("teachers and notices are told apart by their columns and titles", () => {
  const teachers = detectRoster(
    makeGrid("T", [
      ["姓名", "身份证号", "负债金额（万元）", "人员状态"],
      ["王", ID, 6, "在职"],
    ]),
  );
  expect(teachers.ok && teachers.value.kind).toBe("teachers");
  const notice = detectRoster(
    makeGrid("公示", [["某校资助公示"], ["序号", "姓名", "资助项目", "金额"], [1, "张*", "一补", 500]]),
  );
  expect(notice.ok && notice.value.kind).toBe("notice");
});

test("a sheet without a roster says so", () => {
  const d = detectRoster(makeGrid("说明", [["本工作簿说明"], ["请在下一张表填写"]]));
  expect(d.ok).toBe(false);
  const { report } = checkWorkbook(
    { sheets: [makeGrid("说明", [["本工作簿说明"]])], properties: {} },
    { pack: seedPack(), today: { y: 2026, m: 11, d: 28 } },
  );
  expect(report.issues.map((i) => i.rule)).toEqual(["roster.header-missing"]);
  expect(report.valid).toBe(false);
});

test("the engine never throws on random grids, and its stats equal its issues (property)", () => {
  const cell = fc.oneof(
    fc.constantFrom<CellValue>(
      "姓名",
      "身份证号",
      "学段",
      "补助金额",
      "是否寄宿",
      "资助项目",
      "合计",
      "一补",
      "初中",
      "是",
      ID,
      "张三",
      null,
    ),
    fc.string({ maxLength: 12 }),
    fc.double({ noNaN: false }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), (rows) => {
      const { report } = checkWorkbook(
        { sheets: [makeGrid("S", rows)], properties: {} },
        { pack: seedPack(), today: { y: 2026, m: 11, d: 28 } },
      );
      const errors = report.issues.filter((i) => i.severity === "error").length;
      return (
        report.stats.errors === errors &&
        report.valid === (errors === 0) &&
        Object.values(report.stats.byRule).reduce((a, b) => a + b, 0) === report.issues.length
      );
    }),
    { numRuns: 300 },
  );
});

describe("real-world layouts found in review", () => {
  test("a title merged across the table is not a group header", () => {
    const rows: CellValue[][] = [
      ["某某小学2026年春季一补受助学生名单公示", null, null, null],
      ["序号", "姓名", "身份证号", "金额"],
      [1, "张三", ID, 500],
    ];
    const d = detectRoster(makeGrid("Sheet1", rows, { merges: [{ top: 0, left: 0, bottom: 0, right: 3 }] }));
    if (!d.ok) throw new Error("no roster");
    expect(d.value.headerRows).toEqual([1]);
    expect(d.value.kind).toBe("notice");
    expect(d.value.columns[1]?.header).toBe("姓名");
  });

  test("a section label inside the table does not end it; sign-off lines, blank numbered rows and a repeated header are not people", () => {
    const header = ["序号", "姓名", "身份证号", "学段", "金额"];
    const rows: CellValue[][] = [
      header,
      ["一、寄宿生（每生每学期500元标准）"],
      [1, "张三", ID, "小学", 500],
      ["二、非寄宿生（每生每学期250元标准）"],
      [2, "李四", ID, "小学", 250],
      header,
      [3, "王五", ID, "小学", 250],
      [4, null, null, null, 0],
      ["学校（盖章）：          填表人："],
    ];
    const d = detectRoster(makeGrid("Sheet1", rows));
    if (!d.ok) throw new Error("no roster");
    expect(d.value.dataRows).toEqual([2, 4, 6]);
    expect(d.value.notesFrom).toBe(8);
  });
});

describe("column overrides", () => {
  const rows: CellValue[][] = [
    ["序号", "姓名", "身份证号", "爸妈号码", "学段", "备注"],
    [1, "张三", ID, "1380013800", "小学", null],
    [2, "李四", ID, "13912345678", "初中", null],
  ];

  test("without overrides an unknown header stays unknown", () => {
    const d = detectRoster(makeGrid("Sheet1", rows));
    if (!d.ok) throw new Error("no roster");
    expect(d.value.unknownColumns).toEqual([{ col: 3, header: "爸妈号码" }]);
    expect(d.value.fieldColumns.phone).toBeUndefined();
  });

  test("a field maps an unknown column; null ignores a recognised one; the header row is unchanged", () => {
    const d = detectRoster(makeGrid("Sheet1", rows), { overrides: { 3: "phone", 4: null } });
    if (!d.ok) throw new Error("no roster");
    expect(d.value.headerRows).toEqual([0]);
    expect(d.value.dataRows).toEqual([1, 2]);
    expect(d.value.columns.map((c) => [c.col, c.field])).toEqual([
      [0, "serial"],
      [1, "name"],
      [2, "idNumber"],
      [3, "phone"],
      [5, "remarks"],
    ]);
    expect(d.value.columns[3]).toMatchObject({ header: "爸妈号码", headerValue: "爸妈号码", group: "" });
    expect(d.value.unknownColumns).toEqual([{ col: 4, header: "学段" }]);
    expect(d.value.fieldColumns.phone).toBe(3);
    expect(d.value.fieldColumns.stage).toBeUndefined();
  });

  test("a field replaces what a recognised column was read as; overrides for blank or unknown-null columns change nothing", () => {
    const d = detectRoster(makeGrid("Sheet1", rows), { overrides: { 5: "address", 3: null, 9: "phone" } });
    if (!d.ok) throw new Error("no roster");
    expect(d.value.columns.find((c) => c.col === 5)?.field).toBe("address");
    expect(d.value.fieldColumns.remarks).toBeUndefined();
    expect(d.value.fieldColumns.address).toBe(5);
    expect(d.value.unknownColumns).toEqual([{ col: 3, header: "爸妈号码" }]);
    expect(d.value.fieldColumns.phone).toBeUndefined();
  });

  test("checkWorkbook: columnOverrides map an unknown 爸妈号码 to phone (phone.format) and ignore a wrongly read column", () => {
    const wbRows: CellValue[][] = [
      ["姓名", "身份证号", "爸妈号码", "资助项目", "学段"],
      ["张三", ID, "1380013800", "一补", "火星"],
    ];
    const wb = { sheets: [makeGrid("花名册", wbRows)], properties: {} };
    const base = { pack: seedPack(), today: { y: 2026, m: 11, d: 28 } };
    const plain = checkWorkbook(wb, base).report.issues;
    expect(plain.some((i) => i.rule === "phone.format")).toBe(false);
    expect(plain.some((i) => i.rule === "field.unreadable" && i.cell === "E2")).toBe(true);
    const mapped = checkWorkbook(wb, { ...base, columnOverrides: { 花名册: { 2: "phone", 4: null } } });
    const issues = mapped.report.issues;
    expect(issues.filter((i) => i.rule === "phone.format").map((i) => i.cell)).toEqual(["C2"]);
    expect(issues.some((i) => i.cell === "E2")).toBe(false);
    expect(mapped.layout?.fieldColumns.stage).toBeUndefined();
    // Overrides of another sheet are not applied.
    const other = checkWorkbook(wb, { ...base, columnOverrides: { 别的表: { 2: "phone" } } });
    expect(other.report.issues.some((i) => i.rule === "phone.format")).toBe(false);
  });
});
