// 报送格式: a format is validated JSON (every problem by its JSON path, in Chinese); the export
// sheet is plain — one header row, one row per person, identifiers as text, amounts in the
// format's unit, no merges.
import { makeGrid, type CellValue, type WorkbookData } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import {
  buildExportSheet,
  DEFAULT_FORMAT,
  parseSubmissionFormat,
  type ExportOptions,
  type SubmissionFormat,
} from "../../../src/core/sheets/export-format";
import { findRosterSource, type RosterSource } from "../../../src/core/sheets/source";
import { styleAt, type SheetSpec } from "../../../src/core/sheets/spec";
import { compact } from "../../../src/core/text/normalize";
import { sampleSource as sourceOf } from "./samples";

const OPTIONS: ExportOptions = { pack: seedPack(), today: { y: 2026, m: 9, d: 10 } };

function build(source: RosterSource, format: SubmissionFormat, options: Partial<ExportOptions> = {}) {
  const r = buildExportSheet(source, format, { ...OPTIONS, ...options });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

function format(json: unknown): SubmissionFormat {
  const r = parseSubmissionFormat(json);
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

function column(spec: SheetSpec, header: string): CellValue[] {
  const h = spec.rows.findIndex((r) => r.includes(header));
  const c = (spec.rows[h] ?? []).indexOf(header);
  return spec.rows.slice(h + 1).map((r) => r[c] ?? null);
}

test("the default format is the generic county template", () => {
  expect(DEFAULT_FORMAT.columns.map((c) => c.header)).toEqual([
    "序号",
    "姓名",
    "性别",
    "身份证号",
    "学校",
    "年级",
    "班级",
    "资助项目",
    "金额",
    "开户银行",
    "银行卡号",
    "持卡人",
  ]);
  expect(DEFAULT_FORMAT.sheetName.length).toBeLessThanOrEqual(31);
});

describe.each(["一补花名册-示例.xlsx", "一补花名册-两行表头.xlsx", "特困教师-示例.xlsx", "一补花名册-问题示例.xlsx"])(
  "%s in the default format",
  (file) => {
    test("one plain row per person, identifiers as text, amounts in 元", async () => {
      const source = await sourceOf(file);
      const { spec, notes } = build(source, DEFAULT_FORMAT);
      const n = source.layout.dataRows.length;
      expect(spec.rows).toHaveLength(n + 1);
      expect(spec.rows[0]).toEqual(DEFAULT_FORMAT.columns.map((c) => c.header));
      expect(spec.merges).toEqual([]);
      expect(spec.kind).toBe("export");
      expect(spec.name).toBe(DEFAULT_FORMAT.sheetName);
      expect(column(spec, "序号")).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      // Identifiers come out as the roster's text (half-width, no spaces), in a text column.
      const idCol = source.layout.fieldColumns.idNumber ?? -1;
      const ids = source.layout.dataRows.map((r) => source.grid.rows[r]?.[idCol]);
      const out = column(spec, "身份证号");
      out.forEach((v, i) => {
        if (typeof ids[i] === "string" && ids[i] !== "") expect(v).toBe(compact(String(ids[i])));
      });
      for (const v of column(spec, "银行卡号")) if (v !== null) expect(typeof v).toBe("string");
      expect(styleAt(spec, 1, 3).numFmt).toBe("@");
      expect(styleAt(spec, 1, 10).numFmt).toBe("@");
      expect(styleAt(spec, 1, 0)).toMatchObject({ border: true, font: { name: "宋体" } });
      expect(styleAt(spec, 0, 0)).toMatchObject({ border: true, font: { name: "宋体", bold: true } });
      expect(styleAt(spec, 1, 0).fill).toBeUndefined();
      // The roster has no 班级 column: the column stays empty with a note naming it.
      if (source.layout.fieldColumns.class === undefined) {
        expect(column(spec, "班级").every((v) => v === null)).toBe(true);
        expect(notes.some((x) => x.includes("第 7 列“班级”"))).toBe(true);
      }
      const amountCol = source.layout.fieldColumns.amount ?? -1;
      const amounts = source.layout.dataRows.map((r) => source.grid.rows[r]?.[amountCol]);
      column(spec, "金额").forEach((v, i) => {
        if (typeof amounts[i] === "number") expect(v).toBe(amounts[i]);
      });
    });
  },
);

test("the program comes from the row, the title or the option", async () => {
  const students = build(await sourceOf("一补花名册-示例.xlsx"), DEFAULT_FORMAT);
  expect(new Set(column(students.spec, "资助项目"))).toEqual(new Set(["义务教育家庭经济困难学生生活补助（一补）"]));
  const teachers = build(await sourceOf("特困教师-示例.xlsx"), DEFAULT_FORMAT);
  expect(new Set(column(teachers.spec, "资助项目"))).toEqual(new Set(["省级特困教师资助"]));
  const code = format({ ...DEFAULT_FORMAT, columns: [{ header: "项目代码", from: { program: "code" } }] });
  const coded = build(await sourceOf("一补花名册-两行表头.xlsx"), code, { program: "一补" });
  expect(new Set(column(coded.spec, "项目代码"))).toEqual(new Set(["yibu"]));
});

test("a format reorders, renames and adds constants; Chinese field names work too", async () => {
  const source = await sourceOf("一补花名册-示例.xlsx");
  const custom = format(
    JSON.stringify({
      id: "city-x",
      name: "某市导入模板",
      sheetName: "导入",
      title: "2026年春季学期资助名单",
      columns: [
        { header: "卡号", from: "account" },
        { header: "学生姓名", from: "姓名" },
        { header: "证件号码", from: "身份证号码" },
        { header: "证件类型", from: { constant: "居民身份证" } },
        { header: "编号", from: "序号" },
        { header: "备注信息", from: "remarks", text: true },
      ],
    }),
  );
  const { spec } = build(source, custom);
  expect(spec.name).toBe("导入");
  expect(spec.rows[0]).toEqual(["2026年春季学期资助名单"]);
  expect(spec.rows[1]).toEqual(["卡号", "学生姓名", "证件号码", "证件类型", "编号", "备注信息"]);
  const first = source.grid.rows[source.layout.dataRows[0] ?? 0] ?? [];
  expect(spec.rows[2]?.slice(0, 5)).toEqual([first[16], first[1], first[3], "居民身份证", 1]);
  expect(spec.merges).toEqual([]);
  expect(styleAt(spec, 2, 0).numFmt).toBe("@");
  expect(styleAt(spec, 2, 5).numFmt).toBe("@");
  expect(styleAt(spec, 2, 1).numFmt).toBeUndefined();
  expect(spec.freeze).toEqual({ rows: 2, columns: 0 });
});

test.each([
  [
    "a wrong column source",
    { ...DEFAULT_FORMAT, columns: [...DEFAULT_FORMAT.columns.slice(0, 3), { header: "X", from: "nonsense" }] },
    /^columns\[3\]\.from：.*字段名/m,
  ],
  ["a missing sheet name", { ...DEFAULT_FORMAT, sheetName: undefined }, /^sheetName：/m],
  ["a sheet name over 31 characters", { ...DEFAULT_FORMAT, sheetName: "报".repeat(32) }, /^sheetName：.*31/m],
  ["an unknown unit", { ...DEFAULT_FORMAT, amountUnit: "千元" }, /^amountUnit：/m],
  [
    "a repeated header",
    { ...DEFAULT_FORMAT, columns: [DEFAULT_FORMAT.columns[1], DEFAULT_FORMAT.columns[1]] },
    /^columns\[1\]\.header：列标题重复/m,
  ],
  ["an unknown key", { ...DEFAULT_FORMAT, colums: [] }, /colums/],
  ["no columns", { ...DEFAULT_FORMAT, columns: [] }, /^columns：至少需要一列/m],
])("%s is rejected, named by its JSON path, in Chinese", (_label, json, message) => {
  const r = parseSubmissionFormat(json);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problem.code).toBe("format.invalid");
  expect(r.problem.message).toMatch(message);
  expect(r.problem.message).toMatch(/[\u4e00-\u9fff]/);
});

test("broken JSON text is a Chinese problem", () => {
  const r = parseSubmissionFormat('{"id": "x",');
  expect(r.ok).toBe(false);
  if (!r.ok)
    expect(r.problem).toMatchObject({ code: "format.json", message: expect.stringMatching(/不是合法的 JSON/) });
});

test("amounts convert from the roster column's unit to the format's", () => {
  const rows: CellValue[][] = [
    ["序号", "姓名", "身份证号", "资助金额（万元）", "负债（万元）"],
    [1, "刘子涵", "410782197201170147", 1, 8],
    [2, "马春梅", "410725197307210285", "0.85", 12.5],
    [3, "黄佳怡", "430321197102120434", 1.23456, 0],
  ];
  const wb: WorkbookData = { sheets: [makeGrid("教师", rows)], properties: {} };
  const s = findRosterSource(wb, { kind: "teachers" });
  if (!s.ok) throw new Error(s.problem.code);
  const yuan = format({
    ...DEFAULT_FORMAT,
    columns: [
      { header: "金额（元）", from: "amount" },
      { header: "负债（元）", from: "debt" },
    ],
  });
  const inYuan = build(s.value, yuan, { program: "省级特困教师资助" });
  expect(inYuan.spec.rows.slice(1)).toEqual([
    [10000, 80000],
    [8500, 125000],
    [12345.6, 0],
  ]);
  expect(styleAt(inYuan.spec, 1, 0).numFmt).toBe("0.00");
  const wan = build(s.value, { ...yuan, amountUnit: "万元" }, { program: "省级特困教师资助" });
  expect(wan.spec.rows.slice(1)).toEqual([
    [1, 8],
    [0.85, 12.5],
    [1.23456, 0],
  ]);
  // From a roster in 元 to a format in 万元.
  const sample = [
    ["序号", "姓名", "金额"],
    [1, "张三", 625.5],
  ];
  const s2 = findRosterSource({ sheets: [makeGrid("学生", sample)], properties: {} });
  if (!s2.ok) throw new Error(s2.problem.code);
  const w2 = build(s2.value, { ...yuan, amountUnit: "万元" }, { program: "一补" });
  expect(w2.spec.rows[1]?.[0]).toBe(0.06255);
  expect(w2.notes.some((x) => x.includes("负债"))).toBe(true);
});
