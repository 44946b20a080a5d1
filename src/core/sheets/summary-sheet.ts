/**
 * 生成汇总表: people and money per 资助项目 × 学段 × 困难类型 as a NEW sheet whose numbers are live
 * COUNTIFS/SUMIFS formulas on the original roster, with a 小计 per program, a 总计, the total in
 * 大写 and the quota (名额上限) per program from the policy pack.
 *
 * The cached values are what Excel computes from those formulas, found by applying the very same
 * criteria to the rows they span — so a file opened without recalculation shows the right numbers,
 * and a row the formulas would count or miss by mistake is named in a note instead of hidden.
 */
import type { CivilDate } from "../date/civil";
import { cellAddress, cellKey, type CellRange, type CellValue } from "../grid/types";
import { rmbUppercase } from "../money";
import { findProgram, quotaFor, type Pack, type Program } from "../policy";
import { fieldLabel, type FieldKey } from "../roster/fields";
import { a1Range, absRange, criteriaText, formulaString, notCriteriaText } from "./refs";
import {
  cellList,
  cellText,
  clampWidth,
  noDataProblem,
  BLANK_UNIT,
  reportUnit,
  rosterProgram,
  roundTo,
  SHEET_STYLES,
  shortProgramName,
  spreadRow,
  titlePeriod,
  unitDateRow,
} from "./roster-sheet";
import { sheetProgram, type RosterSource } from "./source";
import { builtSheet, pushHeaderRow, pushTitleRow, sheetParts, type BuildResult } from "./spec";
import { headerRowLayout, textWidth } from "./styles";

export interface SummaryOptions {
  pack: Pack;
  today: CivilDate;
  /** The program (name, alias or code) when the roster has no 资助项目 column. */
  program?: string;
  /** 在校学生数, the base of the quota (名额上限); without it the quota is not computed. */
  enrolled?: number;
  title?: string;
  /** 填报单位; default as for the 格式化花名册. */
  unit?: string;
  /** The new sheet's name; default "汇总表". */
  name?: string;
}

export const SUMMARY_SHEET_NAME = "汇总表";
export const SUMMARY_HEADER = ["资助项目", "学段", "困难类型", "人数", "金额（元）", "名额上限", "是否超额"] as const;

const DIMENSIONS = ["program", "stage", "hardship"] as const satisfies readonly FieldKey[];
const IDENTITY: readonly FieldKey[] = ["name", "idNumber", "studentNo", "account"];
const STAGE_ORDER = ["学前", "幼儿园", "小学", "初中", "高中", "普通高中", "中职", "中专", "高职", "大学"];
/** COUNTIFS takes at most 127 range/criterion pairs. */
const MAX_PAIRS = 127;
const ABSENT = "—";
const BLANK = "（空白）";

const COL = { program: 0, stage: 1, hardship: 2, count: 3, amount: 4, quota: 5, over: 6 } as const;
const WIDTH = SUMMARY_HEADER.length;

/** A criterion on a roster column, as COUNTIFS applies it. */
interface Criterion {
  col: number;
  /** eq: equals `text` ("" = blank); ne: differs from `text`; nonblank: "<>". */
  op: "eq" | "ne" | "nonblank";
  text: string;
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === "";
}

/** What an "=text" criterion compares: the cell's text, case-insensitively (as COUNTIFS does). */
function matchKey(v: CellValue | undefined): string {
  if (typeof v === "string") return v.toLowerCase();
  return isBlank(v) ? "" : cellText(v).toLowerCase();
}

const SPACE_CODES = new Set([9, 10, 13, 32, 0xa0, 0x3000]);

/** Text with white space at either end (a criterion then has to carry the same spaces). */
function edgeSpace(v: CellValue | undefined): boolean {
  if (typeof v !== "string" || v === "") return false;
  return SPACE_CODES.has(v.charCodeAt(0)) || SPACE_CODES.has(v.charCodeAt(v.length - 1));
}

function matches(v: CellValue | undefined, c: Criterion): boolean {
  if (c.op === "nonblank") return !isBlank(v);
  const eq = c.text === "" ? isBlank(v) : matchKey(v) === c.text.toLowerCase();
  return c.op === "eq" ? eq : !eq;
}

function criterionText(c: Criterion): string {
  if (c.op === "nonblank") return "<>";
  return c.op === "eq" ? criteriaText(c.text) : notCriteriaText(c.text);
}

interface Group {
  key: string;
  /** Per dimension: the raw cell text the criterion matches (first seen), or null when the column is absent. */
  raw: (string | null)[];
  count: number;
  sum: number;
}

function stageRank(s: string): number {
  const i = STAGE_ORDER.indexOf(s);
  return i < 0 ? STAGE_ORDER.length : i;
}

function compareText(a: string, b: string): number {
  // Blank cells last; otherwise code-point order, the same on every machine.
  if ((a === "") !== (b === "")) return a === "" ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareGroups(a: Group, b: Group): number {
  const t = (g: Group, i: number): string => (g.raw[i] ?? "").trim();
  return (
    compareText(t(a, 0), t(b, 0)) ||
    stageRank(t(a, 1)) - stageRank(t(b, 1)) ||
    compareText(t(a, 1), t(b, 1)) ||
    compareText(t(a, 2), t(b, 2))
  );
}

function shown(raw: string | null, absent: string): string {
  if (raw === null) return absent;
  return raw.trim() === "" ? BLANK : raw.trim();
}

export function buildSummarySheet(source: RosterSource, options: SummaryOptions): BuildResult {
  const { grid, layout } = source;
  const n = layout.dataRows.length;
  if (n === 0) return { ok: false, problem: noDataProblem(source) };
  const sheet = grid.name;
  const first = layout.dataRows[0] as number;
  const last = layout.dataRows[n - 1] as number;
  const dataSet = new Set(layout.dataRows);
  const cell = (r: number, c: number): CellValue | undefined => grid.rows[r]?.[c];
  const notes: string[] = [];

  const dimCols = DIMENSIONS.map((f) => layout.fieldColumns[f]);
  const amountCol = layout.fieldColumns.amount;
  const amountUnit = layout.columns.find((c) => c.col === amountCol)?.unit ?? null;
  const fixedProgram = dimCols[0] === undefined ? sheetProgram(options.pack, source, options.program) : null;

  // The rows to count are the data rows, but COUNTIFS sees every row of the span, 小计/合计 rows and
  // repeated headers included. So: (1) a person has a name — "<>" on the identity column with the
  // fewest blanks (姓名 on a tie, else 身份证号, 学籍号, 卡号) drops blank, label-only and 合计 rows
  // whose label sits in the 序号 column; (2) every other row inside the span that still passes (a 小计 written in the name
  // column, a repeated header) gets a "<>its text" criterion on a column where no person holds that
  // text. Exact labels, not wildcards like "<>*计": a person may well be called 王计.
  const filter: Criterion[] = [];
  const identity = IDENTITY.flatMap((field) => {
    const col = layout.fieldColumns[field];
    return col === undefined
      ? []
      : [{ field, col, blanks: layout.dataRows.filter((r) => isBlank(cell(r, col))).length }];
  }).reduce<{ field: FieldKey; col: number; blanks: number } | null>(
    (best, c) => (!best || c.blanks < best.blanks ? c : best),
    null,
  );
  if (identity) filter.push({ col: identity.col, op: "nonblank", text: "" });
  const passes = (r: number): boolean => filter.every((c) => matches(cell(r, c.col), c));
  const heldByPeople = new Map<string, boolean>();
  const dimPairs = dimCols.filter((c) => c !== undefined).length;
  for (let r = first; r <= last; r++) {
    if (dataSet.has(r) || !passes(r)) continue;
    const cells = grid.rows[r] ?? [];
    for (let c = 0; c < cells.length && dimPairs + filter.length < MAX_PAIRS; c++) {
      if (isBlank(cells[c])) continue;
      const text = cellText(cells[c]);
      const key = `${c}\u0000${text.toLowerCase()}`;
      let held = heldByPeople.get(key);
      if (held === undefined) {
        held = layout.dataRows.some((d) => matchKey(cell(d, c)) === text.toLowerCase());
        heldByPeople.set(key, held);
      }
      if (held) continue;
      filter.push({ col: c, op: "ne", text });
      break;
    }
  }

  // What the formulas count: every row of the span passing the filter, grouped by the dimensions'
  // cell text as COUNTIFS compares it.
  const groups = new Map<string, Group>();
  const counted: number[] = [];
  const missed: number[] = [];
  const spaced: { row: number; col: number }[] = [];
  const textAmounts: { row: number; col: number }[] = [];
  const dims = dimCols.filter((c): c is number => c !== undefined);
  const keyOf = (r: number): string => {
    let key = "";
    for (const c of dims) key += `${matchKey(cell(r, c))}\u0000`;
    return key;
  };
  // One pass: each passing row's key once; the groups are the combinations people have.
  const keys: (string | null)[] = new Array<string | null>(last - first + 1).fill(null);
  for (let r = first; r <= last; r++) {
    const person = dataSet.has(r);
    if (!passes(r)) {
      if (person) missed.push(r);
      continue;
    }
    const key = keyOf(r);
    keys[r - first] = key;
    if (!person) continue;
    if (!groups.has(key))
      groups.set(key, {
        key,
        raw: dimCols.map((c) => (c === undefined ? null : cellText(cell(r, c)))),
        count: 0,
        sum: 0,
      });
    for (const c of dims) if (edgeSpace(cell(r, c))) spaced.push({ row: r, col: c });
  }
  for (let r = first; r <= last; r++) {
    const key = keys[r - first];
    const g = key === null || key === undefined ? undefined : groups.get(key);
    if (!g) continue;
    if (!dataSet.has(r)) counted.push(r);
    g.count++;
    if (amountCol === undefined) continue;
    const v = cell(r, amountCol);
    if (typeof v === "number" && Number.isFinite(v)) g.sum += v;
    else if (typeof v === "string" && v.trim() !== "") textAmounts.push({ row: r, col: amountCol });
  }

  const sorted = [...groups.values()].sort(compareGroups);
  const byProgram: Group[][] = [];
  for (const g of sorted) {
    const prev = byProgram[byProgram.length - 1];
    if (prev && prev[0]?.raw[0]?.toLowerCase() === g.raw[0]?.toLowerCase()) prev.push(g);
    else byProgram.push([g]);
  }

  // The sheet.
  const table = sheetParts();
  const { rows, merges, styleRanges, formulas, rowHeights } = table;
  const full = (row: number): CellRange => ({ top: row, left: 0, bottom: row, right: WIDTH - 1 });
  const blankRow = (): CellValue[] => new Array<CellValue>(WIDTH).fill(null);

  const program = dimCols[0] === undefined ? fixedProgram : rosterProgram(source, options.pack, options.program);
  const who = layout.kind === "teachers" ? "教师" : "学生";
  const unit = reportUnit(source, options.unit);
  const title =
    options.title?.trim() ||
    `${unit === BLANK_UNIT ? "" : unit}${titlePeriod(source, options.today, program)}${
      program ? shortProgramName(program) : `${who}资助`
    }汇总表`;
  pushTitleRow(table, WIDTH, title);
  const line = unitDateRow(unit, options.today, WIDTH, 1);
  rows.push(line.cells);
  merges.push(...line.merges);
  styleRanges.push(...line.styles);
  rowHeights.set(1, 22);
  const headerRow = pushHeaderRow(table, WIDTH, SUMMARY_HEADER);

  const rangeOf = (col: number): string => absRange(sheet, first, col, last, col);
  const filterPairs = filter.map((c) => `${rangeOf(c.col)},${formulaString(criterionText(c))}`);
  const wan = amountUnit === "万元";
  const round = (v: number): number => roundTo(v, 2);
  const subtotalRows: number[] = [];
  let enrolledNoted = false;
  const tableTop = headerRow + 1;
  for (const members of byProgram) {
    const top = rows.length;
    for (const g of members) {
      const r = rows.length;
      const out = blankRow();
      out[COL.program] =
        g.raw[0] === null || g.raw[0] === undefined
          ? (fixedProgram?.name ?? options.program?.trim() ?? ABSENT)
          : shown(g.raw[0], ABSENT);
      out[COL.stage] = shown(g.raw[1] ?? null, ABSENT);
      out[COL.hardship] = shown(g.raw[2] ?? null, ABSENT);
      const pairs = [
        ...dimCols.flatMap((c, i) =>
          c === undefined ? [] : [`${rangeOf(c)},${formulaString(criteriaText(g.raw[i] ?? ""))}`],
        ),
        ...filterPairs,
      ].join(",");
      out[COL.count] = g.count;
      formulas.set(cellKey(r, COL.count), { text: `COUNTIFS(${pairs})` });
      if (amountCol !== undefined) {
        out[COL.amount] = round(wan ? g.sum * 10000 : g.sum);
        formulas.set(cellKey(r, COL.amount), { text: `SUMIFS(${rangeOf(amountCol)},${pairs})${wan ? "*10000" : ""}` });
      }
      rows.push(out);
    }
    // 小计 with the program's quota.
    const r = rows.length;
    subtotalRows.push(r);
    const out = blankRow();
    const head = members[0] as Group;
    out[COL.program] = rows[top]?.[COL.program] ?? ABSENT;
    out[COL.stage] = "小计";
    merges.push({ top: r, left: COL.stage, bottom: r, right: COL.hardship });
    const count = members.reduce((s, g) => s + g.count, 0);
    out[COL.count] = count;
    formulas.set(cellKey(r, COL.count), { text: `SUM(${a1Range(top, COL.count, r - 1, COL.count)})` });
    if (amountCol !== undefined) {
      out[COL.amount] = round(
        members.reduce((s, g) => s + (rows[top + members.indexOf(g)]?.[COL.amount] as number), 0),
      );
      formulas.set(cellKey(r, COL.amount), { text: `SUM(${a1Range(top, COL.amount, r - 1, COL.amount)})` });
    }
    const p: Program | null =
      head.raw[0] === null ? fixedProgram : findProgram(options.pack, (head.raw[0] ?? "").trim());
    if (!p?.quota) out[COL.quota] = ABSENT;
    else if (options.enrolled === undefined) {
      out[COL.quota] = "未提供在校人数";
      enrolledNoted = true;
    } else {
      const quota = quotaFor(p, options.enrolled);
      out[COL.quota] = quota ?? ABSENT;
      if (quota !== null) {
        out[COL.over] = count > quota ? "超额" : "";
        formulas.set(cellKey(r, COL.over), {
          text: `IF(${cellAddress(r, COL.count)}>${cellAddress(r, COL.quota)},"超额","")`,
        });
        if (count > quota)
          notes.push(
            `“${out[COL.program] as string}”${count} 人，超过名额上限 ${quota} 人（在校 ${options.enrolled} 人 × ${roundTo(p.quota.share * 100, 4)}%，${p.quota.source}）。`,
          );
      }
    }
    rows.push(out);
    styleRanges.push({ range: full(r), style: "total" });
  }

  // 总计 and its 大写.
  const totalRow = rows.length;
  const total = blankRow();
  total[COL.program] = "总计";
  merges.push({ top: totalRow, left: COL.program, bottom: totalRow, right: COL.hardship });
  const sumOf = (col: number): string =>
    subtotalRows.length <= 200
      ? `SUM(${subtotalRows.map((r) => cellAddress(r, col)).join(",")})`
      : `SUMIF(${a1Range(tableTop, COL.stage, totalRow - 1, COL.stage)},"小计",${a1Range(tableTop, col, totalRow - 1, col)})`;
  total[COL.count] = subtotalRows.reduce((s, r) => s + (rows[r]?.[COL.count] as number), 0);
  formulas.set(cellKey(totalRow, COL.count), { text: sumOf(COL.count) });
  let lastTableRow = totalRow;
  if (amountCol !== undefined) {
    const amount = round(subtotalRows.reduce((s, r) => s + (rows[r]?.[COL.amount] as number), 0));
    total[COL.amount] = amount;
    formulas.set(cellKey(totalRow, COL.amount), { text: sumOf(COL.amount) });
    rows.push(total);
    const rmbRow = rows.length;
    lastTableRow = rmbRow;
    const out = blankRow();
    out[COL.program] = "总计金额（大写）：";
    const upper = rmbUppercase(amount);
    out[COL.count] = upper.ok ? upper.value : "";
    if (!upper.ok) notes.push(`总计金额 ${amount} 元无法写成大写（超出范围），请核对“${sheet}”的金额列。`);
    formulas.set(cellKey(rmbRow, COL.count), { text: `ZIZHU.RMB(${cellAddress(totalRow, COL.amount)})`, addin: true });
    merges.push({ top: rmbRow, left: COL.program, bottom: rmbRow, right: COL.hardship });
    merges.push({ top: rmbRow, left: COL.count, bottom: rmbRow, right: WIDTH - 1 });
    rows.push(out);
    rowHeights.set(rmbRow, 22);
  } else {
    rows.push(total);
    notes.push(
      `“${sheet}”中没有金额列（如“补助金额（元）”），汇总表只统计人数，金额一栏留空；如有金额列，请在任务窗格“校验”页把它指定为“金额”后重新生成。`,
    );
  }

  styleRanges.push({ range: { top: tableTop, left: 0, bottom: lastTableRow, right: WIDTH - 1 }, style: "cell" });
  styleRanges.push({
    range: { top: tableTop, left: COL.program, bottom: totalRow, right: COL.hardship },
    style: "center",
  });
  styleRanges.push({ range: { top: tableTop, left: COL.count, bottom: totalRow, right: COL.count }, style: "integer" });
  styleRanges.push({ range: { top: tableTop, left: COL.amount, bottom: totalRow, right: COL.amount }, style: "money" });
  styleRanges.push({ range: { top: tableTop, left: COL.quota, bottom: totalRow, right: COL.over }, style: "center" });
  styleRanges.push({ range: { top: totalRow, left: 0, bottom: lastTableRow, right: WIDTH - 1 }, style: "total" });
  if (lastTableRow > totalRow)
    styleRanges.push({
      range: { top: lastTableRow, left: COL.count, bottom: lastTableRow, right: WIDTH - 1 },
      style: "left",
    });

  rows.push(blankRow());
  const signRow = lastTableRow + 2;
  const sign = spreadRow(["单位公章：", "主要负责人（签字）：", "经办人（签字）：", "日期："], WIDTH, signRow);
  rows.push(sign.cells);
  merges.push(...sign.merges);
  styleRanges.push({ range: full(signRow), style: "sign" });
  rowHeights.set(signRow, 30);

  // Column widths from the table's content (the 大写 cell is merged across D..G, so it is left out).
  const widths = SUMMARY_HEADER.map((h, c) => {
    let w = textWidth(h);
    for (let r = tableTop; r <= totalRow; r++) {
      const v = rows[r]?.[c];
      if (v === null || v === undefined) continue;
      w = Math.max(
        w,
        typeof v === "number" ? (c === COL.amount ? v.toFixed(2).length + 3 : String(v).length) : textWidth(String(v)),
      );
    }
    return clampWidth(w + 2, 8);
  });

  // Notes.
  if (identity && missed.length > 0)
    notes.push(
      `${cellList(
        sheet,
        missed.map((row) => ({ row, col: identity.col })),
      )} 的${fieldLabel(identity.field)}为空，汇总表的公式不计入这些行；请在原表补全后重新生成。`,
    );
  if (counted.length > 0)
    notes.push(
      `原表第 ${counted
        .slice(0, 5)
        .map((r) => r + 1)
        .join(
          "、",
        )} 行${counted.length > 5 ? ` 等 ${counted.length} 行` : ""}不是人员行，但汇总表的公式会计入；请把这些行移到花名册下方后重新生成。`,
    );
  if (spaced.length > 0)
    notes.push(
      `${cellList(sheet, spaced)} 的文字前后有空格，汇总表按原文单独统计；可用任务窗格“安全修正”去除空格后重新生成。`,
    );
  if (textAmounts.length > 0)
    notes.push(
      `${cellList(sheet, textAmounts)} 的金额是文本，SUMIFS 不计入；请在原表改为数字（任务窗格“安全修正”可以转换）。`,
    );
  if (wan) notes.push(`“${sheet}”的金额列以万元为单位，汇总表的金额已折合为元（×10000）。`);
  if (enrolledNoted)
    notes.push("没有提供在校学生数，名额上限未计算；提供在校学生数后重新生成即可显示名额上限和是否超额。");
  else if (options.enrolled !== undefined && !(Number.isFinite(options.enrolled) && options.enrolled >= 0))
    notes.push(`在校学生数“${options.enrolled}”无效（应为不小于 0 的整数），名额上限未计算。`);
  for (const [i, f] of DIMENSIONS.entries()) {
    if (dimCols[i] !== undefined) continue;
    if (f === "program" && (fixedProgram || options.program)) continue;
    const label = f === "program" ? "资助项目" : f === "stage" ? "学段" : "困难类型";
    notes.push(`“${sheet}”没有“${label}”列，汇总表该栏显示“${ABSENT}”，不按${label}分组。`);
  }

  const parts = { rows, formulas, styles: SHEET_STYLES, styleRanges, merges, columnWidths: widths, rowHeights };
  return builtSheet(options.name ?? SUMMARY_SHEET_NAME, "summary", { ...parts, ...headerRowLayout(headerRow) }, notes);
}
