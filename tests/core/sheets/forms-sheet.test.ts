// 生成申请表: one form per person, stacked, a page break between forms; placeholders resolved by
// field name, alias or the roster's own header; the user's 申请表模板 sheet as the layout.
import { makeGrid, type CellValue, type Grid, type WorkbookData } from "../../../src/core/grid/types";
import { rmbUppercase } from "../../../src/core/money";
import { seedPack } from "../../../src/core/policy";
import { STUDENT_FORM, TEACHER_FORM } from "../../../src/core/sheets/form-layouts";
import {
  buildFormsSheet,
  defaultLayoutFor,
  findLayoutSheet,
  type FormsOptions,
} from "../../../src/core/sheets/forms-sheet";
import { findRosterSource, type RosterSource } from "../../../src/core/sheets/source";
import { styleAt, type SheetSpec } from "../../../src/core/sheets/spec";
import { loadSample as load, sourceOf } from "./samples";

const TODAY = { y: 2026, m: 9, d: 10 };
const BASE: FormsOptions = { pack: seedPack(), today: TODAY };

function build(source: RosterSource, options: Partial<FormsOptions> = {}): { spec: SheetSpec; notes: string[] } {
  const r = buildFormsSheet(source, { ...BASE, ...options });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

function texts(spec: SheetSpec): string[] {
  return spec.rows.flat().map((v) => String(v ?? ""));
}

/** The cell right of a label in the first block. */
function after(spec: SheetSpec, label: string, block = 0, height = 0): CellValue {
  for (let r = block * height; r < spec.rows.length; r++) {
    const row = spec.rows[r] ?? [];
    const c = row.indexOf(label);
    if (c >= 0) {
      const merge = spec.merges.find((m) => m.top === r && m.left === c);
      return row[(merge ? merge.right : c) + 1] ?? null;
    }
  }
  return undefined as unknown as CellValue;
}

describe("default layouts", () => {
  test("students get the 一补 application, filled from the roster", async () => {
    const source = sourceOf(await load("一补花名册-示例.xlsx"));
    expect(defaultLayoutFor(source)).toBe(STUDENT_FORM);
    const { spec, notes } = build(source);
    const n = source.layout.dataRows.length;
    const h = STUDENT_FORM.cells.length;
    expect(spec.rows).toHaveLength(n * h);
    expect(spec.rowBreaks).toHaveLength(n - 1);
    expect(spec.rowBreaks[0]).toBe(h - 1);
    expect(spec.rows[0]?.[0]).toBe("家庭经济困难学生生活补助申请表");
    const first = source.grid.rows[source.layout.dataRows[0] ?? 0] ?? [];
    expect(after(spec, "姓名")).toBe(first[1]);
    expect(after(spec, "身份证号")).toBe(first[3]);
    expect(after(spec, "银行卡号")).toBe(first[16]);
    expect(after(spec, "补助金额（元）")).toBe("500.00");
    const upper = rmbUppercase(500);
    expect(after(spec, "金额大写")).toBe(upper.ok ? upper.value : "?");
    expect(spec.rows[1]?.[4]).toBe("填表日期：2026年9月10日");
    expect(spec.rows[1]?.[0]).toBe("编号：1");
    expect(spec.rows[h + 1]?.[0]).toBe("编号：2");
    // The program column says 一补; 学校 is not a column of this roster: one note, naming it.
    expect(after(spec, "资助项目")).toBe("一补");
    expect(notes.filter((x) => x.includes("{{学校}}"))).toHaveLength(1);
    expect(notes.every((x) => /[\u4e00-\u9fff]/.test(x))).toBe(true);
    expect(texts(spec).some((t) => t.includes("{{"))).toBe(false);
    // Merges and heights repeated per block; ID cells are text; portrait A4 on one page width.
    expect(spec.merges).toHaveLength(STUDENT_FORM.merges.length * n);
    expect(spec.rowHeights.get(h)).toBe(STUDENT_FORM.rowHeights[0]);
    const idRow = spec.rows.findIndex((r) => r.includes("身份证号"));
    const idCol = (spec.rows[idRow] ?? []).indexOf("身份证号") + 1;
    expect(styleAt(spec, idRow, idCol).numFmt).toBe("@");
    expect(styleAt(spec, idRow + h, idCol).numFmt).toBe("@");
    expect(styleAt(spec, idRow, idCol).border).toBe(true);
    // A fixed scale, never "fit to": Excel would ignore the page breaks between the forms.
    expect(spec.print).toMatchObject({ orientation: "portrait", paper: "A4", scale: 72 });
    expect(spec.print?.fitToWidth).toBeUndefined();
    expect(spec.kind).toBe("forms");
    expect(spec.name).toBe("申请表");
  });

  test("teachers get the 特困教师 application; 负债 in 万元 is written in 元", async () => {
    const source = sourceOf(await load("特困教师-示例.xlsx"));
    expect(defaultLayoutFor(source)).toBe(TEACHER_FORM);
    const { spec } = build(source);
    expect(spec.rows[0]?.[0]).toBe("特困教师资助申请表");
    const first = source.grid.rows[source.layout.dataRows[0] ?? 0] ?? [];
    expect(after(spec, "姓名")).toBe(first[1]);
    expect(after(spec, "工作单位")).toBe(first[4]);
    expect(after(spec, "岗位/教师类型")).toBe(first[5]);
    expect(after(spec, "在职状态")).toBe(first[6]);
    expect(after(spec, "致困原因")).toBe(first[7]);
    expect(after(spec, "负债金额（元）")).toBe((Number(first[8]) * 10000).toFixed(2));
    expect(after(spec, "申请金额（元）")).toBe(Number(first[10]).toFixed(2));
    expect(after(spec, "开户银行")).toBe(first[11]);
    expect(texts(spec).some((t) => t.includes("{{"))).toBe(false);
  });
});

// A workbook with a roster and the user's own layout sheet.
function userWorkbook(people: number, layoutRows?: CellValue[][]): WorkbookData {
  const rows: CellValue[][] = [
    ["某某中学2026年秋季学期资助花名册"],
    ["序号", "学生姓名", "身份证号码", "卡号", "资助项目", "资助金额（元）", "入学日期", "户籍"],
  ];
  for (let i = 0; i < people; i++) {
    rows.push([i + 1, `学生${i + 1}`, "430321201601280714", "6217005650620017310", "一补", 625.5, 46266, `某某村${i}`]);
  }
  const formats = new Map<string, string>();
  for (let i = 0; i < people; i++) formats.set(`${i + 2},6`, "yyyy-mm-dd");
  const roster = makeGrid("花名册", rows, { merges: [{ top: 0, left: 0, bottom: 0, right: 7 }], formats });
  const layout = makeGrid(
    "申请表模板（本校）",
    layoutRows ?? [
      [],
      [null, "资助申请表（{{资助项目}}）"],
      [null, "姓名", "{{姓名}}", "证件号", "{{身份证号码}}"],
      [null, "卡号", "{{卡号}}", "金额", "{{金额}}元（{{金额大写}}）"],
      [null, "入学", "{{入学日期}}", "户籍", "{{户籍}}"],
      [null, "籍贯", "{{籍贯}}", "再写一次", "{{籍贯}}"],
      [null, "第{{序号}}份", null, "日期：{{日期}}", null],
    ],
    {
      merges: [
        { top: 1, left: 1, bottom: 1, right: 4 },
        { top: 6, left: 1, bottom: 6, right: 2 },
        { top: 6, left: 3, bottom: 6, right: 4 },
      ],
    },
  );
  return { sheets: [roster, layout as Grid], properties: {} };
}

describe("the user's 申请表模板 sheet", () => {
  test("is found, with its used rectangle and merges", () => {
    const wb = userWorkbook(2);
    const layout = findLayoutSheet(wb);
    expect(layout).not.toBeNull();
    expect(layout?.sheet).toBe("申请表模板（本校）");
    expect(layout?.origin).toEqual({ row: 1, col: 1 });
    expect(layout?.cells).toHaveLength(6);
    expect(layout?.cells[0]).toHaveLength(4);
    expect(layout?.merges[0]).toEqual({ top: 0, left: 0, bottom: 0, right: 3 });
    expect(findLayoutSheet({ sheets: [wb.sheets[0] as Grid], properties: {} })).toBeNull();
  });

  test("placeholders resolve by alias and by the roster's own header; unknown ones leave one note each", () => {
    const wb = userWorkbook(3);
    const layout = findLayoutSheet(wb) ?? undefined;
    const { spec, notes } = build(sourceOf(wb), { layout });
    expect(spec.rows).toHaveLength(3 * 6);
    expect(spec.rows[0]?.[0]).toBe("资助申请表（一补）");
    expect(spec.rows[1]).toEqual(["姓名", "学生1", "证件号", "430321201601280714"]);
    expect(spec.rows[2]).toEqual(["卡号", "6217005650620017310", "金额", "625.50元（陆佰贰拾伍元伍角）"]);
    expect(spec.rows[3]).toEqual(["入学", "2026年9月1日", "户籍", "某某村0"]);
    expect(spec.rows[4]).toEqual(["籍贯", null, "再写一次", null]);
    expect(spec.rows[5]?.[0]).toBe("第1份");
    expect(spec.rows[5]?.[2]).toBe("日期：2026年9月10日");
    expect(spec.rows[6 + 1]?.[1]).toBe("学生2");
    expect(spec.rows[12 + 5]?.[0]).toBe("第3份");
    const unknown = notes.filter((n) => n.includes("{{籍贯}}"));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toContain("申请表模板（本校）”C6");
    expect(notes).toHaveLength(1);
    expect(texts(spec).some((t) => t.includes("{{"))).toBe(false);
    // The merges of the layout, repeated per block; ID and card cells as text.
    expect(spec.merges).toHaveLength(9);
    expect(spec.merges).toContainEqual({ top: 12, left: 0, bottom: 12, right: 3 });
    expect(styleAt(spec, 1, 3).numFmt).toBe("@");
    expect(styleAt(spec, 2 + 6, 1).numFmt).toBe("@");
    expect(styleAt(spec, 1, 1).numFmt).toBeUndefined();
    expect(spec.columnWidths).toHaveLength(4);
  });

  test("300 people: 300 blocks, 299 page breaks", () => {
    const wb = userWorkbook(300);
    const { spec } = build(sourceOf(wb), { layout: findLayoutSheet(wb) ?? undefined });
    expect(spec.rows).toHaveLength(1800);
    expect(spec.rowBreaks).toHaveLength(299);
    expect(spec.rowBreaks.at(-1)).toBe(1800 - 6 - 1);
    expect(new Set(spec.rowBreaks).size).toBe(299);
    expect(spec.rows[1800 - 6 + 1]?.[1]).toBe("学生300");
  });

  test("an empty roster is a Chinese problem", () => {
    const wb = userWorkbook(0);
    const roster = wb.sheets[0] as Grid;
    roster.rows.push(["", "", "", "", "", ""]);
    const s = findRosterSource(wb);
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    const r = buildFormsSheet(s.value, BASE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/没有人员数据行/);
  });
});
