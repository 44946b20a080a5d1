/**
 * 申请表 layouts: a rectangle of cells whose texts hold placeholders ({{姓名}}, {{身份证号}} …),
 * with merges, column widths, row heights and styles. The two built-in layouts (学生 一补申请表,
 * 特困教师资助申请表) are data below, written row by row as a school form is drawn; a user's own
 * layout is read from a sheet whose name starts with 申请表模板.
 */
import { cellAt, type CellRange, type CellValue, type Grid, type WorkbookData } from "../grid/types";
import type { RosterSource } from "./source";
import type { CellStyle, StyleRange } from "./spec";
import { textWidth } from "./styles";

export interface FormLayout {
  /** Where the layout comes from, for notes: the layout sheet's name, or the built-in form's. */
  sheet: string;
  /** True for the layout read from the user's sheet: notes then name its cells. */
  fromSheet: boolean;
  /** The layout's top-left cell in its sheet (0-based), so a note names the user's own cell. */
  origin: { row: number; col: number };
  /** rows × columns of the rectangle; texts may hold {{placeholders}}. */
  cells: CellValue[][];
  /** Relative to the rectangle. */
  merges: CellRange[];
  /** Characters, index = column of the rectangle. */
  columnWidths: number[];
  /** Points, index = row of the rectangle. */
  rowHeights: number[];
  styles: Record<string, CellStyle>;
  /** Relative to the rectangle, applied in order. */
  styleRanges: StyleRange[];
}

/** The sheet name prefix of a user's own layout. */
export const LAYOUT_SHEET_PREFIX = "申请表模板";

// ---------------------------------------------------------------------------------------------
// Built-in layouts, drawn row by row: each cell spans some columns and takes a named style.

interface DraftCell {
  text: string;
  span?: number;
  style: keyof typeof FORM_STYLES;
}

interface DraftRow {
  height: number;
  cells: DraftCell[];
}

interface Draft {
  name: string;
  widths: number[];
  rows: DraftRow[];
}

const FORM_STYLES = {
  title: { font: { name: "宋体", size: 18, bold: true }, horizontal: "center", vertical: "middle" },
  meta: { font: { name: "宋体", size: 11 }, horizontal: "left", vertical: "middle" },
  metaRight: { font: { name: "宋体", size: 11 }, horizontal: "right", vertical: "middle" },
  label: {
    font: { name: "宋体", size: 11, bold: true },
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: true,
  },
  value: { font: { name: "宋体", size: 11 }, horizontal: "left", vertical: "middle", wrap: true, border: true },
  box: { font: { name: "宋体", size: 11 }, horizontal: "left", vertical: "top", wrap: true, border: true },
  sign: { font: { name: "仿宋", size: 12 }, horizontal: "left", vertical: "top", wrap: true, border: true },
  foot: { font: { name: "宋体", size: 9 }, horizontal: "left", vertical: "top", wrap: true },
  text: { numFmt: "@" },
} as const satisfies Record<string, CellStyle>;

const L = (text: string, span = 1): DraftCell => ({ text, span, style: "label" });
const V = (text: string, span = 1): DraftCell => ({ text, span, style: "value" });
/** A 30 pt row of two labelled values, each value three columns wide. */
const pairs = (label: string, value: string, label2: string, value2: string): DraftRow => ({
  height: 30,
  cells: [L(label), V(value, 3), L(label2), V(value2, 3)],
});
/** A 30 pt row of one labelled value across the other seven columns. */
const wide = (label: string, value: string): DraftRow => ({ height: 30, cells: [L(label), V(value, 7)] });

const SIGN_SCHOOL =
  "\n\n\n经办人（签字）：                    负责人（签字）：\n\n                                        学校（盖章）\n                                        年      月      日";
const SIGN_COUNTY =
  "\n\n\n审核人（签字）：                    负责人（签字）：\n\n                                        单位（盖章）\n                                        年      月      日";

/** Both built-in forms: eight columns on an A4 page. */
const FORM_WIDTHS = [12, 12, 9, 14, 12, 12, 9, 16];

/** The first rows of a form: its title, 编号 and 填表日期, and whom it is for (姓名, 性别, 身份证号). */
function headRows(title: string): DraftRow[] {
  return [
    { height: 40, cells: [{ text: title, span: 8, style: "title" }] },
    {
      height: 22,
      cells: [
        { text: "编号：{{序号}}", span: 4, style: "meta" },
        { text: "填表日期：{{填表日期}}", span: 4, style: "metaRight" },
      ],
    },
    { height: 30, cells: [L("姓名"), V("{{姓名}}"), L("性别"), V("{{性别}}"), L("身份证号"), V("{{身份证号}}", 3)] },
  ];
}

const STUDENT_DRAFT: Draft = {
  name: "家庭经济困难学生生活补助申请表",
  widths: FORM_WIDTHS,
  rows: [
    ...headRows("家庭经济困难学生生活补助申请表"),
    pairs("学校", "{{学校}}", "年级班级", "{{年级}}{{班级}}"),
    pairs("资助项目", "{{资助项目}}", "困难类型", "{{困难类型}}"),
    pairs("补助金额（元）", "{{金额}}", "金额大写", "{{金额大写}}"),
    pairs("开户银行", "{{开户行}}", "持卡人", "{{持卡人}}"),
    pairs("银行卡号", "{{银行卡号}}", "联系电话", "{{联系电话}}"),
    wide("家庭住址", "{{家庭住址}}"),
    {
      height: 130,
      cells: [
        L("申请理由"),
        {
          text: "（请写明家庭经济困难情况）\n\n\n\n\n\n申请人（监护人）签字：                    年      月      日",
          span: 7,
          style: "sign",
        },
      ],
    },
    {
      height: 110,
      cells: [L("学校意见"), { text: `学校资助工作领导小组评议意见：${SIGN_SCHOOL}`, span: 7, style: "sign" }],
    },
    {
      height: 110,
      cells: [L("审核意见"), { text: `县学生资助管理中心审核意见：${SIGN_COUNTY}`, span: 7, style: "sign" }],
    },
    {
      height: 30,
      cells: [
        {
          text: "注：本表一式两份，学校和县学生资助管理中心各存一份；身份证号、银行卡号等信息仅用于资助发放，不得公示。",
          span: 8,
          style: "foot",
        },
      ],
    },
  ],
};

const TEACHER_DRAFT: Draft = {
  name: "特困教师资助申请表",
  widths: FORM_WIDTHS,
  rows: [
    ...headRows("特困教师资助申请表"),
    pairs("工作单位", "{{学校}}", "岗位/教师类型", "{{教师类别}}"),
    pairs("在职状态", "{{人员状态}}", "致困原因", "{{致困原因}}"),
    pairs("负债金额（元）", "{{负债金额}}", "申请金额（元）", "{{申请金额}}"),
    wide("金额大写", "{{金额大写}}"),
    pairs("开户银行", "{{开户行}}", "银行卡号", "{{银行卡号}}"),
    {
      height: 150,
      cells: [
        L("困难情况及申请理由"),
        {
          text: "（请写明致困原因、家庭收支和负债情况，并附诊断、票据等证明材料）\n\n\n\n\n\n\n申请人签字：                    年      月      日",
          span: 7,
          style: "sign",
        },
      ],
    },
    { height: 110, cells: [L("学校意见"), { text: `学校（单位）意见：${SIGN_SCHOOL}`, span: 7, style: "sign" }] },
    { height: 110, cells: [L("审核意见"), { text: `县教育局审核意见：${SIGN_COUNTY}`, span: 7, style: "sign" }] },
    {
      height: 30,
      cells: [
        {
          text: "注：附身份证、教师资格证复印件及诊断、票据、灾害证明等材料；本表一式两份。",
          span: 8,
          style: "foot",
        },
      ],
    },
  ],
};

function compile(draft: Draft): FormLayout {
  const width = draft.widths.length;
  const cells: CellValue[][] = [];
  const merges: CellRange[] = [];
  const styleRanges: StyleRange[] = [];
  draft.rows.forEach((row, r) => {
    const out: CellValue[] = Array.from({ length: width }, () => null);
    let c = 0;
    for (const cell of row.cells) {
      const span = cell.span ?? 1;
      out[c] = cell.text;
      if (span > 1) merges.push({ top: r, left: c, bottom: r, right: c + span - 1 });
      styleRanges.push({ range: { top: r, left: c, bottom: r, right: c + span - 1 }, style: cell.style });
      c += span;
    }
    // A layout error is a bug in the data above, not user input.
    if (c !== width) throw new Error(`form layout ${draft.name}: row ${r} spans ${c} of ${width} columns`);
    cells.push(out);
  });
  return {
    sheet: draft.name,
    fromSheet: false,
    origin: { row: 0, col: 0 },
    cells,
    merges,
    columnWidths: [...draft.widths],
    rowHeights: draft.rows.map((r) => r.height),
    styles: { ...FORM_STYLES },
    styleRanges,
  };
}

export const STUDENT_FORM: FormLayout = compile(STUDENT_DRAFT);
export const TEACHER_FORM: FormLayout = compile(TEACHER_DRAFT);

/** 特困教师 rosters get the teacher-aid form; every other roster the student 一补 application. */
export function defaultLayoutFor(source: RosterSource): FormLayout {
  return source.layout.kind === "teachers" ? TEACHER_FORM : STUDENT_FORM;
}

// ---------------------------------------------------------------------------------------------
// A user's layout sheet.

function filled(v: CellValue): boolean {
  return v !== null && !(typeof v === "string" && v.trim() === "");
}

const PLACEHOLDER_WIDTH = /\{\{[^{}]*\}\}/g;
const WIDE_PLACEHOLDER = /身份|证件|卡号|账号|帐号|电话|手机|学籍/;

/** Width a text needs once its placeholders are filled (an ID or card number is ~20 characters). */
function filledWidth(text: string): number {
  let extra = 0;
  const bare = text.replace(PLACEHOLDER_WIDTH, (m) => {
    extra += WIDE_PLACEHOLDER.test(m) ? 20 : Math.max(6, textWidth(m) - 4);
    return "";
  });
  return Math.max(0, ...bare.split("\n").map(textWidth)) + extra;
}

/** The used rectangle of a grid: every non-empty cell and every merge. */
function usedRectangle(grid: Grid): CellRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  grid.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!filled(v)) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }),
  );
  if (bottom < 0) return null;
  for (const m of grid.merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  return { top, left, bottom, right };
}

/** A layout from a grid: its values and merges in the used rectangle, bordered, a title on top. */
export function layoutFromGrid(grid: Grid): FormLayout | null {
  const rect = usedRectangle(grid);
  if (!rect) return null;
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  const cells: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const out: CellValue[] = [];
    for (let c = 0; c < cols; c++) out.push(cellAt(grid, rect.top + r, rect.left + c));
    cells.push(out);
  }
  const merges = grid.merges.map((m) => ({
    top: m.top - rect.top,
    left: m.left - rect.left,
    bottom: m.bottom - rect.top,
    right: m.right - rect.left,
  }));
  const spanned = (r: number, c: number): boolean =>
    merges.some((m) => m.left < m.right && r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const columnWidths = Array.from({ length: cols }, (_, c) => {
    let w = 8;
    for (let r = 0; r < rows; r++) {
      const v = cells[r]?.[c] ?? null;
      if (filled(v) && !spanned(r, c)) w = Math.max(w, filledWidth(String(v)) + 2);
    }
    return Math.min(w, 30);
  });
  // A first row holding a single text is the form's title: large, no border.
  const first = cells[0] ?? [];
  const hasTitle = rows > 1 && first.filter(filled).length === 1;
  const rowHeights = cells.map((row, r) => {
    if (r === 0 && hasTitle) return 36;
    const lines = Math.max(1, ...row.map((v) => (typeof v === "string" ? v.split("\n").length : 1)));
    return Math.max(28, lines * 16);
  });
  const styleRanges: StyleRange[] = [];
  const bodyTop = hasTitle ? 1 : 0;
  if (hasTitle) styleRanges.push({ range: { top: 0, left: 0, bottom: 0, right: cols - 1 }, style: "title" });
  if (bodyTop < rows)
    styleRanges.push({ range: { top: bodyTop, left: 0, bottom: rows - 1, right: cols - 1 }, style: "value" });
  return {
    sheet: grid.name,
    fromSheet: true,
    origin: { row: rect.top, col: rect.left },
    cells,
    merges,
    columnWidths,
    rowHeights,
    styles: { title: FORM_STYLES.title, value: FORM_STYLES.value, text: FORM_STYLES.text },
    styleRanges,
  };
}

/** The user's own layout: the first sheet whose name starts with 申请表模板 and holds something. */
export function findLayoutSheet(wb: WorkbookData): FormLayout | null {
  for (const grid of wb.sheets) {
    if (!grid.name.trim().startsWith(LAYOUT_SHEET_PREFIX)) continue;
    const layout = layoutFromGrid(grid);
    if (layout) return layout;
  }
  return null;
}
