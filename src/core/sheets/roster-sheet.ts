/**
 * 格式化花名册: a clean, printable copy of the roster as a NEW sheet — title, 填报单位/日期 line,
 * one header row (序号 + every original column), the people's values exactly as they are, a 合计
 * row with live SUM formulas, the amount in 大写 and a signature block. The original is never
 * touched, and nothing is "repaired": an ID stored as a number stays a number and gets a note.
 */
import type { CivilDate } from "../date/civil";
import { cellAddress, cellKey, type CellRange, type CellValue, type Grid } from "../grid/types";
import { rmbUppercase } from "../money";
import { findProgram, type Pack, type Program } from "../policy";
import type { FieldKey } from "../roster/fields";
import type { Unit } from "../roster/header";
import { toHalfWidth } from "../text/normalize";
import { a1Range } from "./refs";
import { chineseDate, sheetProgram, termOf, type RosterSource } from "./source";
import { builtSheet, sheetParts, type BuildProblem, type BuildResult, type CellStyle, type StyleRange } from "./spec";
import { headerRowLayout, STYLE, textWidth } from "./styles";

export interface RosterSheetOptions {
  pack: Pack;
  today: CivilDate;
  /** The title; default: the original's title, else one composed from school, term and program. */
  title?: string;
  /** 填报单位; default: the original's 填报单位 line, else the school all rows share, else a blank line. */
  unit?: string;
  /** 填报日期; default: today. */
  date?: CivilDate;
  /** The program (name, alias or code) when the sheet does not say it. */
  program?: string;
  /** The new sheet's name; default "花名册（格式化）". */
  name?: string;
}

export const ROSTER_SHEET_NAME = "花名册（格式化）";

/** Columns whose digits must stay text: long numbers lose digits as numbers, phones lose a leading 0. */
const TEXT_FIELDS: ReadonlySet<FieldKey> = new Set(["idNumber", "guardianId", "account", "studentNo", "phone"]);
/** Of those, the ones whose value is wrong once Excel has stored it as a number. */
const NUMBER_BREAKS: ReadonlySet<FieldKey> = new Set(["idNumber", "guardianId", "account"]);
const MONEY_FIELDS: ReadonlySet<FieldKey> = new Set(["amount", "debt"]);
const DATE_FIELDS: ReadonlySet<FieldKey> = new Set(["birthDate"]);
const WIDE_FIELDS: ReadonlySet<FieldKey> = new Set(["idNumber", "guardianId", "account"]);
/** Rows looked at for column widths: enough to see the usual lengths, bounded for 100 000 rows. */
const WIDTH_SAMPLE = 500;
/** Cells named one by one in a note before the rest are counted. */
const NOTE_CELLS = 5;
/** The 填报单位 line when no unit is known: a line to write on. */
export const BLANK_UNIT = "____________";

type ColumnKind = "plain" | "text" | "money" | "date";

interface OutColumn {
  /** Source column (0-based). */
  src: number;
  header: string;
  field: FieldKey | null;
  unit: Unit;
  kind: ColumnKind;
}

// ---------------------------------------------------------------------------------------------
// Shared with the 汇总表 builder.

/** The house styles a builder's spec carries, by name. */
export const SHEET_STYLES: Record<string, CellStyle> = {
  ...STYLE,
  subtitleRight: { ...STYLE.subtitle, horizontal: "right" },
  left: { horizontal: "left" },
  // 万元 amounts keep their digits: 0.0125 万元 (125 元) must not print as 0.01.
  moneyWan: { numFmt: "#,##0.00####", horizontal: "right" },
};

export function noDataProblem(source: RosterSource): BuildProblem {
  return {
    code: "sheets.no-data",
    message: `工作表“${source.grid.name}”的花名册表头下面没有学生或教师的数据行；请在表头下方逐行填写（每行一人）后再试。`,
  };
}

/** A cell's text as written (numbers as Excel shows them in General, booleans as TRUE/FALSE). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** The trimmed text every data row holds in a column, or "" when they differ or the column is absent. */
export function commonText(source: RosterSource, col: number | undefined): string {
  if (col === undefined) return "";
  let common: string | null = null;
  let previous: CellValue | undefined = undefined;
  for (const r of source.layout.dataRows) {
    const v = source.grid.rows[r]?.[col];
    if (common !== null && v === previous) continue;
    previous = v;
    const t = cellText(v).trim();
    if (common === null) common = t;
    else if (t !== common) return "";
  }
  return common ?? "";
}

/** The title above the header as the cell shows it (layout.title is normalized for matching). */
export function originalTitle(source: RosterSource): string {
  const first = source.layout.headerRows[0] ?? 0;
  for (let r = 0; r < first; r++) {
    for (const v of source.grid.rows[r] ?? []) {
      const t = cellText(v).trim();
      if (t !== "") return t;
    }
  }
  return source.layout.title;
}

const UNIT_LINE = /填报单位\s*[（(]?\s*(?:盖章)?\s*[)）]?\s*[:：]\s*(.+?)\s*(?:[（(]\s*盖章\s*[)）]|\s{2,}|填报日期|$)/;

/** 填报单位: the option, the original's 填报单位 line, the school all rows share, or a blank line. */
export function reportUnit(source: RosterSource, unit: string | undefined): string {
  if (unit !== undefined && unit.trim() !== "") return unit.trim();
  const first = source.layout.headerRows[0] ?? 0;
  for (let r = 0; r < first; r++) {
    for (const v of source.grid.rows[r] ?? []) {
      const m = UNIT_LINE.exec(cellText(v));
      if (m?.[1] && !/^_+$/.test(m[1])) return m[1];
    }
  }
  return commonText(source, source.layout.fieldColumns.school) || BLANK_UNIT;
}

/** The program the whole roster is about: the option or sheet title, else the one every row names. */
export function rosterProgram(source: RosterSource, pack: Pack, program?: string): Program | null {
  const fixed = sheetProgram(pack, source, program);
  if (fixed || program !== undefined) return fixed;
  const col = source.layout.fieldColumns.program;
  if (col === undefined) return null;
  let found: Program | null = null;
  const seenValues = new Set<CellValue | undefined>();
  const seen = new Set<string>();
  for (const r of source.layout.dataRows) {
    const v = source.grid.rows[r]?.[col];
    if (seenValues.has(v)) continue;
    seenValues.add(v);
    const t = cellText(v).trim();
    if (seen.has(t)) continue;
    seen.add(t);
    const p = findProgram(pack, t);
    if (!p || (found && found !== p)) return null;
    found = p;
  }
  return found;
}

/** "义务教育家庭经济困难学生生活补助（一补）" → "义务教育家庭经济困难学生生活补助". */
export function shortProgramName(p: Program): string {
  return p.name.replace(/\s*[（(][^（()）]*[)）]\s*$/, "").trim() || p.name;
}

/** "2026年秋季学期" for per-term programs (and when unknown), "2026年" for yearly and one-off ones. */
export function periodText(today: CivilDate, program: Program | null): string {
  if (program && program.period !== "学期") return `${today.y}年`;
  const { year, term } = termOf(today);
  return `${year}年${term}`;
}

const TITLE_TERM = /(\d{4})\s*年\s*(春季|秋季)\s*学期/;
const TITLE_YEAR = /(\d{4})\s*年/;

/** The period the original's title names ("2026年春季学期"), else the one `today` falls in. */
export function titlePeriod(source: RosterSource, today: CivilDate, program: Program | null): string {
  const title = originalTitle(source);
  const term = TITLE_TERM.exec(title);
  if (term && (!program || program.period === "学期")) return `${term[1] ?? ""}年${term[2] ?? ""}学期`;
  const year = TITLE_YEAR.exec(title);
  if (year && program && program.period !== "学期") return `${year[1] ?? ""}年`;
  return periodText(today, program);
}

/** Cells and merges for texts spread evenly across `width` columns on one row. */
export function spreadRow(
  parts: readonly string[],
  width: number,
  row: number,
): { cells: CellValue[]; merges: CellRange[] } {
  const cells: CellValue[] = new Array<CellValue>(width).fill(null);
  const merges: CellRange[] = [];
  if (parts.length > width) {
    cells[0] = parts.join("    ");
    if (width > 1) merges.push({ top: row, left: 0, bottom: row, right: width - 1 });
    return { cells, merges };
  }
  parts.forEach((text, i) => {
    const left = Math.floor((i * width) / parts.length);
    const right = Math.floor(((i + 1) * width) / parts.length) - 1;
    cells[left] = text;
    if (right > left) merges.push({ top: row, left, bottom: row, right });
  });
  return { cells, merges };
}

/** The 填报单位 / 填报日期 row: two merged halves, the date right-aligned. */
export function unitDateRow(
  unit: string,
  date: CivilDate,
  width: number,
  row: number,
): { cells: CellValue[]; merges: CellRange[]; styles: StyleRange[] } {
  const cells: CellValue[] = new Array<CellValue>(width).fill(null);
  const mid = Math.max(1, Math.ceil(width / 2));
  cells[0] = `填报单位（盖章）：${unit}`;
  const merges: CellRange[] = [];
  const styles: StyleRange[] = [{ range: { top: row, left: 0, bottom: row, right: width - 1 }, style: "subtitle" }];
  if (mid - 1 > 0) merges.push({ top: row, left: 0, bottom: row, right: mid - 1 });
  if (width > 1) {
    cells[mid] = `填报日期：${chineseDate(date)}`;
    if (width - 1 > mid) merges.push({ top: row, left: mid, bottom: row, right: width - 1 });
    styles.push({ range: { top: row, left: mid, bottom: row, right: width - 1 }, style: "subtitleRight" });
  } else {
    cells[0] = `${cells[0] as string}    填报日期：${chineseDate(date)}`;
  }
  return { cells, merges, styles };
}

/** Cents, as the displayed total: floating sums like 0.1 + 0.2 shown as 0.3. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((value + Math.sign(value) * Number.EPSILON * Math.abs(value)) * f) / f;
}

/** Width in characters of a value as the sheet shows it. */
export function shownWidth(v: CellValue | undefined, kind: ColumnKind | "integer"): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") {
    // "-1,234.56": the digits, a comma per three integer digits, the sign.
    if (kind === "money") {
      const digits = Math.abs(v).toFixed(2).length;
      return digits + Math.floor((digits - 4) / 3) + (v < 0 ? 1 : 0);
    }
    if (kind === "date") return 10;
    return String(v).length;
  }
  if (typeof v === "boolean") return 5;
  return textWidth(v);
}

export function clampWidth(w: number, min = 4): number {
  return Math.min(40, Math.max(min, Math.ceil(w)));
}

/** Names of cells listed in a note: "花名册!D5、花名册!D9 等 12 处". */
export function cellList(sheet: string, cells: readonly { row: number; col: number }[]): string {
  const named = cells.slice(0, NOTE_CELLS).map((c) => `${sheet}!${cellAddress(c.row, c.col)}`);
  return cells.length > NOTE_CELLS ? `${named.join("、")} 等 ${cells.length} 处` : named.join("、");
}

// ---------------------------------------------------------------------------------------------

/** "监护人 › 身份证号" → "监护人身份证号"; a header already naming its group stays as it is. */
function flatHeader(header: string): string {
  const [group, own] = header.split(" › ");
  if (own === undefined) return header;
  return group && own.startsWith(group) ? own : `${group ?? ""}${own}`;
}

const DATE_FORMAT = /[yd]|[年月日]/i;

/** Whether the original formats a column's cells as dates (an unknown 发放日期 column, say). */
function looksLikeDate(grid: Grid, rows: readonly number[], col: number): boolean {
  for (const r of rows.slice(0, 20)) {
    const f = grid.formats.get(cellKey(r, col));
    if (f === undefined || f === "@") continue;
    const bare = f.replace(/"[^"]*"|\[[^\]]*\]/g, "");
    if (DATE_FORMAT.test(bare) && typeof grid.rows[r]?.[col] === "number") return true;
  }
  return false;
}

function outColumns(source: RosterSource): OutColumn[] {
  const { layout, grid } = source;
  const cols: OutColumn[] = [];
  for (const c of layout.columns) {
    if (c.field === "serial") continue;
    const kind: ColumnKind = TEXT_FIELDS.has(c.field)
      ? "text"
      : MONEY_FIELDS.has(c.field)
        ? "money"
        : DATE_FIELDS.has(c.field) || looksLikeDate(grid, layout.dataRows, c.col)
          ? "date"
          : "plain";
    cols.push({ src: c.col, header: flatHeader(c.header), field: c.field, unit: c.unit, kind });
  }
  for (const u of layout.unknownColumns) {
    const kind: ColumnKind = looksLikeDate(grid, layout.dataRows, u.col) ? "date" : "plain";
    cols.push({ src: u.col, header: flatHeader(u.header), field: null, unit: null, kind });
  }
  return cols.sort((a, b) => a.src - b.src);
}

/** Adjacent output columns (1-based, after 序号) of the same kind, as [left, right] blocks. */
function blocks(cols: readonly OutColumn[], kind: ColumnKind): [number, number][] {
  const out: [number, number][] = [];
  cols.forEach((c, i) => {
    if (c.kind !== kind) return;
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i + 1, i + 1]);
  });
  return out;
}

function composedTitle(source: RosterSource, options: RosterSheetOptions): string {
  const program = rosterProgram(source, options.pack, options.program);
  const school = commonText(source, source.layout.fieldColumns.school);
  const name = program ? shortProgramName(program) : (options.program?.trim() ?? "");
  const who = source.layout.kind === "teachers" ? "教师" : "学生";
  return `${school}${periodText(options.today, program)}${name || `${who}资助`}花名册`;
}

export function buildRosterSheet(source: RosterSource, options: RosterSheetOptions): BuildResult {
  const { grid, layout } = source;
  const n = layout.dataRows.length;
  if (n === 0) return { ok: false, problem: noDataProblem(source) };

  const cols = outColumns(source);
  const width = cols.length + 1;
  const notes: string[] = [];
  const { rows, merges, styleRanges, formulas, rowHeights } = sheetParts();
  const full = (row: number): CellRange => ({ top: row, left: 0, bottom: row, right: width - 1 });
  const blankRow = (): CellValue[] => new Array<CellValue>(width).fill(null);

  // Row 0: the title.
  const title = options.title?.trim() || originalTitle(source) || composedTitle(source, options);
  rows.push([title, ...new Array<CellValue>(width - 1).fill(null)]);
  if (width > 1) merges.push(full(0));
  styleRanges.push({ range: full(0), style: "title" });
  rowHeights.set(0, 30);

  // Row 1: 填报单位 / 填报日期.
  const line = unitDateRow(reportUnit(source, options.unit), options.date ?? options.today, width, 1);
  rows.push(line.cells);
  merges.push(...line.merges);
  styleRanges.push(...line.styles);
  rowHeights.set(1, 22);

  // Row 2: the header.
  const headerRow = 2;
  rows.push(["序号", ...cols.map((c) => c.header)]);
  styleRanges.push({ range: full(headerRow), style: "header" });
  rowHeights.set(headerRow, 28);

  // Data rows, values as they are.
  const first = headerRow + 1;
  const last = first + n - 1;
  const srcCols = cols.map((c) => c.src);
  const amountCols = cols.flatMap((c, i) => (c.field === "amount" ? [i] : []));
  const sums = amountCols.map(() => 0);
  const textAmounts: { row: number; col: number }[] = [];
  const numberIds = new Map<number, { row: number; col: number }[]>();
  const idChecks = cols.flatMap((c, i) => (c.field && NUMBER_BREAKS.has(c.field) ? [i] : []));
  for (let i = 0; i < n; i++) {
    const r = layout.dataRows[i] as number;
    const cells = grid.rows[r] ?? [];
    const out: CellValue[] = new Array<CellValue>(width);
    out[0] = i + 1;
    for (let j = 0; j < srcCols.length; j++) out[j + 1] = cells[srcCols[j] as number] ?? null;
    rows.push(out);
    for (let k = 0; k < amountCols.length; k++) {
      const j = amountCols[k] as number;
      const v = out[j + 1];
      if (typeof v === "number" && Number.isFinite(v)) sums[k] = (sums[k] as number) + v;
      else if (typeof v === "string" && v.trim() !== "") textAmounts.push({ row: r, col: srcCols[j] as number });
    }
    for (const j of idChecks) {
      if (typeof out[j + 1] !== "number") continue;
      const list = numberIds.get(j) ?? [];
      list.push({ row: r, col: srcCols[j] as number });
      numberIds.set(j, list);
    }
  }

  // 合计 row.
  const totalRow = last + 1;
  const total = blankRow();
  total[0] = "合计";
  const countCol = cols.findIndex((c) => c.kind !== "money") + 1;
  if (countCol > 0) {
    total[countCol] = `${n}人`;
    formulas.set(cellKey(totalRow, countCol), { text: `COUNT(${a1Range(first, 0, last, 0)})&"人"` });
  }
  const yuanParts: string[] = [];
  let yuanTotal = 0;
  amountCols.forEach((j, k) => {
    const col = j + 1;
    const wan = cols[j]?.unit === "万元";
    const sum = roundTo(sums[k] as number, wan ? 6 : 2);
    total[col] = sum;
    formulas.set(cellKey(totalRow, col), { text: `SUM(${a1Range(first, col, last, col)})` });
    const ref = cellAddress(totalRow, col);
    yuanParts.push(wan ? `${ref}*10000` : ref);
    yuanTotal += wan ? sum * 10000 : sum;
  });
  rows.push(total);

  // 合计金额（大写）.
  let lastTableRow = totalRow;
  if (amountCols.length > 0) {
    const rmbRow = totalRow + 1;
    lastTableRow = rmbRow;
    const wan = amountCols.some((j) => cols[j]?.unit === "万元");
    const labelEnd = width >= 6 ? 2 : width >= 3 ? 1 : 0;
    const cells = blankRow();
    cells[0] = wan ? "合计金额（大写，万元已折合为元）：" : "合计金额（大写）：";
    const upper = rmbUppercase(roundTo(yuanTotal, 2));
    cells[labelEnd + 1] = upper.ok ? upper.value : "";
    if (!upper.ok) notes.push(`合计金额 ${yuanTotal} 元无法写成大写（超出范围），请核对“${grid.name}”的金额列。`);
    const arg = yuanParts.join("+");
    formulas.set(cellKey(rmbRow, labelEnd + 1), { text: `ZIZHU.RMB(${arg})`, addin: true });
    rows.push(cells);
    if (labelEnd > 0) merges.push({ top: rmbRow, left: 0, bottom: rmbRow, right: labelEnd });
    if (width - 1 > labelEnd + 1) merges.push({ top: rmbRow, left: labelEnd + 1, bottom: rmbRow, right: width - 1 });
    rowHeights.set(rmbRow, 22);
  } else {
    notes.push(
      `“${grid.name}”中没有金额列（如“补助金额（元）”），合计行只统计人数，未生成金额合计和大写金额；如有金额列，请在任务窗格“校验”页把它指定为“金额”后重新生成。`,
    );
  }

  // Table styles: borders over everything from the header to the last table row, then per column.
  styleRanges.push({ range: { top: first, left: 0, bottom: lastTableRow, right: width - 1 }, style: "cell" });
  styleRanges.push({ range: { top: first, left: 0, bottom: last, right: 0 }, style: "integer" });
  for (const [l, r] of blocks(cols, "text"))
    styleRanges.push({ range: { top: first, left: l, bottom: last, right: r }, style: "text" });
  for (const [l, r] of blocks(cols, "money"))
    styleRanges.push({ range: { top: first, left: l, bottom: totalRow, right: r }, style: "money" });
  cols.forEach((c, j) => {
    if (c.kind === "money" && c.unit === "万元")
      styleRanges.push({ range: { top: first, left: j + 1, bottom: totalRow, right: j + 1 }, style: "moneyWan" });
  });
  for (const [l, r] of blocks(cols, "date"))
    styleRanges.push({ range: { top: first, left: l, bottom: last, right: r }, style: "date" });
  styleRanges.push({ range: { top: totalRow, left: 0, bottom: lastTableRow, right: width - 1 }, style: "total" });
  styleRanges.push({ range: { top: totalRow, left: 0, bottom: totalRow, right: 0 }, style: "center" });
  if (lastTableRow > totalRow)
    styleRanges.push({ range: { top: lastTableRow, left: 1, bottom: lastTableRow, right: width - 1 }, style: "left" });

  // The signature block, two rows below the table.
  rows.push(blankRow());
  const signRow = lastTableRow + 2;
  const sign = spreadRow(["单位公章：", "主要负责人（签字）：", "经办人（签字）：", "日期："], width, signRow);
  rows.push(sign.cells);
  merges.push(...sign.merges);
  styleRanges.push({ range: full(signRow), style: "sign" });
  rowHeights.set(signRow, 30);

  // Column widths from the header and a sample of the values.
  const sample = Math.min(n, WIDTH_SAMPLE);
  const widths = [clampWidth(Math.max(textWidth("序号"), String(n).length) + 2)];
  cols.forEach((c, j) => {
    let w = textWidth(c.header);
    for (let i = 0; i < sample; i++) w = Math.max(w, shownWidth(rows[first + i]?.[j + 1], c.kind));
    if (c.kind === "money") w = Math.max(w, shownWidth(total[j + 1], "money"));
    widths.push(clampWidth(w + 2, c.field && WIDE_FIELDS.has(c.field) ? 20 : 4));
  });

  // Notes: what was copied as it is and should be fixed in the original.
  for (const [j, cells] of numberIds) {
    const c = cols[j] as OutColumn;
    const lost = cells.some((p) => {
      const v = grid.rows[p.row]?.[p.col];
      return typeof v === "number" && Math.abs(v) >= 1e15;
    });
    notes.push(
      `${cellList(grid.name, cells)} 的${c.header}被存为数字${lost ? "，后几位已丢失" : ""}，未作修改，请在原表把该列设为文本后重新录入。`,
    );
  }
  if (textAmounts.length > 0)
    notes.push(
      `${cellList(grid.name, textAmounts)} 的金额是文本，合计（SUM）不计入；请在原表改为数字（任务窗格“安全修正”可以转换）。`,
    );
  const wanCols = amountCols.filter((j) => cols[j]?.unit === "万元").map((j) => cols[j]?.header ?? "");
  if (wanCols.length > 0)
    notes.push(`金额列“${wanCols.join("”“")}”以万元为单位：合计按万元，大写金额已折合为元（×10000）。`);
  if (amountCols.length > 1)
    notes.push(`“${grid.name}”有 ${amountCols.length} 个金额列，每列各自合计，大写金额为各列之和。`);
  const fullWidth = layout.dataRows
    .slice(0, WIDTH_SAMPLE)
    .some((r) =>
      (grid.rows[r] ?? []).some((v) => typeof v === "string" && /[\uFF10-\uFF19]/.test(v) && toHalfWidth(v) !== v),
    );
  if (fullWidth) notes.push(`“${grid.name}”中有全角数字（如 ５００），已原样复制；可用任务窗格“安全修正”转为半角。`);

  const parts = { rows, formulas, styles: SHEET_STYLES, styleRanges, merges, columnWidths: widths, rowHeights };
  return builtSheet(options.name ?? ROSTER_SHEET_NAME, "roster", { ...parts, ...headerRowLayout(headerRow) }, notes);
}
