/**
 * 生成公示表: the 公示 of the aided people, built from a roster as a NEW sheet. A notice shows
 * 受助对象, 受助情况, 受助金额 (三公开) and nothing else: never an ID number, address, phone,
 * date of birth or card number (方案7 三.2), so only a fixed list of columns is ever copied —
 * unknown columns and 备注 never are — and the copied cells are scrubbed of digit runs someone
 * typed into the wrong column.
 */
import { calendarMessage, noticeEnd, type Calendar } from "../calendar";
import type { CivilDate } from "../date/civil";
import { cellAddress, cellKey, columnName, type CellRange, type CellValue } from "../grid/types";
import { maskCard, maskId, maskPhone } from "../mask";
import type { Pack, Program } from "../policy";
import { detectPii } from "../privacy";
import { endsWithServiceLabel } from "../privacy/detect";
import type { FieldKey } from "../roster/fields";
import { integerDigits, toHalfWidth } from "../text/normalize";
import { chineseDate, peopleForBuilder, sheetProgram, termOf, type RosterSource } from "./source";
import { builtSheet, sheetParts, type BuildResult, type CellStyle } from "./spec";
import { landscapeA4, portraitA4, STYLE, textWidth } from "./styles";
import { appendAll } from "../arrays";

/** The new sheet's default name (generated.ts recognises it). */
export const NOTICE_SHEET_NAME = "公示表";

export interface NoticeOptions {
  pack: Pack;
  today: CivilDate;
  /** First day of the notice; default today. */
  start?: CivilDate;
  /** Working days; default and minimum 5 (方案7 三.2). */
  days?: number;
  /** Where objections go, e.g. "学校资助办（监督电话：0731-5551234）". */
  contact?: string;
  title?: string;
  /** The publishing unit (学校名称); default: the roster's school column or title. */
  unit?: string;
  /** Program name, alias or code; default: the sheet's or the rows' own. */
  program?: string;
  /** Sheet name; default 公示表. */
  name?: string;
  /** The holiday schedules to count working days with; default the data package. */
  calendar?: Calendar;
}

/**
 * 方案7 三.2: a notice lasts at least 5 working days. The policy pack has no field for it yet
 * (POLICY.md §3 states it for every program), so the number lives here, with its source.
 */
const DEFAULT_CONTACT = "学校学生资助工作领导小组办公室";

/** Runs of 6+ digits (an ID, phone or card typed into a name cell), with an ID's X. */
const DIGIT_RUN = /\d{6,}[Xx]?/g;
const ANY_DIGIT = /\d/g;

/** Columns a notice may show, in order (资助项目 and 金额 are always there). */
const SHOWN: readonly { field: FieldKey; header: string; width: number }[] = [
  { field: "name", header: "姓名", width: 12 },
  { field: "school", header: "学校", width: 24 },
  { field: "grade", header: "年级", width: 10 },
  { field: "class", header: "班级", width: 10 },
];

interface Column {
  header: string;
  width: number;
  /** Source column in the roster, or null (序号, program from the sheet, amount). */
  field: FieldKey | "serial" | "amount" | "program";
}

function masked(run: string): string {
  if (run.length === 18 || run.length === 15) return maskId(run);
  if (run.length === 11 && run.startsWith("1")) return maskPhone(run);
  return maskCard(run);
}

/**
 * A copied text cell without personal data: digit runs masked; if the privacy detector still
 * finds something (a date of birth, an address), every digit goes.
 */
function scrub(value: CellValue): { text: string; changed: boolean } {
  if (value === null || value === "") return { text: "", changed: false };
  const raw =
    typeof value === "number"
      ? Number.isInteger(value) && value >= 0
        ? integerDigits(value)
        : String(value)
      : typeof value === "boolean"
        ? value
          ? "是"
          : "否"
        : value;
  const half = toHalfWidth(raw).trim();
  let text = half.replace(DIGIT_RUN, masked);
  if (detectPii(text).length > 0) text = text.replace(ANY_DIGIT, "*");
  if (detectPii(text).length > 0) text = "*".repeat(Array.from(text).length);
  return { text, changed: text !== half };
}

/** "义务教育家庭经济困难学生生活补助（一补）" → without the trailing short name in brackets. */
function longName(p: Program): string {
  return p.name.replace(/[（(][^（）()]*[）)]$/, "");
}

/** 2026年春季学期 from the roster title, else from today (terms for 学期 programs only). */
function periodText(title: string, today: CivilDate, program: Program | null): string {
  const t = /(\d{4})\s*年\s*(春季学期|秋季学期|春季|秋季)?/.exec(toHalfWidth(title));
  if (t?.[1]) {
    const term = t[2] ? (t[2].endsWith("学期") ? t[2] : `${t[2]}学期`) : "";
    return `${t[1]}年${term}`;
  }
  if (program && program.period !== "学期") return `${today.y}年`;
  const { year, term } = termOf(today);
  return `${year}年${term}`;
}

const UNIT_IN_TITLE = /^(.+?(?:学校|中学|小学|幼儿园|中专|职校|学院|大学|教育局|资助管理中心))/;

function unitText(options: NoticeOptions, schools: readonly string[], title: string): string {
  if (options.unit !== undefined && options.unit.trim() !== "") return options.unit.trim();
  const distinct = [...new Set(schools.filter((s) => s !== ""))];
  if (distinct.length === 1 && distinct[0]) return distinct[0];
  const m = UNIT_IN_TITLE.exec(toHalfWidth(title).replace(/\s+/g, ""));
  return m?.[1] && !/\d/.test(m[1]) ? m[1] : "";
}

function subject(programText: string): string {
  return programText.endsWith("资助") ? `${programText}对象` : `${programText}资助对象`;
}

function problem(code: string, message: string): BuildResult {
  return { ok: false, problem: { code, message } };
}

/** Amount with two decimals for text ("18,000.00"). */
function yuan(n: number): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function buildNoticeSheet(source: RosterSource, options: NoticeOptions): BuildResult {
  const sheet = source.grid.name;
  // The minimum is the pack's (方案7 三.2 in the seed pack): policy numbers are data.
  const rule = options.pack.rules.notice;
  const minimum = rule?.minWorkdays ?? 1;
  const days = options.days ?? minimum;
  if (!Number.isInteger(days) || days < minimum) {
    const why = rule ? `（${rule.source}：公示时间不少于 ${minimum} 个工作日）` : "";
    return problem(
      "notice.days",
      `公示期为 ${String(days)} 个工作日，少于规定的 ${minimum} 个工作日${why}。请把公示天数改为 ${minimum} 或更多。`,
    );
  }
  const found = peopleForBuilder(source, options, "公示表", "notice");
  if (!found.ok) return found;
  const people = found.people;
  const start = options.start ?? options.today;
  const end = noticeEnd(start, days, options.calendar);
  if (!end.ok) return problem(end.problem.code, `无法计算公示期的结束日期：${calendarMessage(end.problem)}。`);

  const fields = source.layout.fieldColumns;
  const fixed = sheetProgram(options.pack, source, options.program);
  const programs = new Map<string, Program>();
  for (const p of people) if (p.program) programs.set(p.program.code, p.program);
  const only = fixed ?? (programs.size === 1 ? [...programs.values()][0] : null) ?? null;
  const programText = only !== null ? longName(only) : source.layout.kind === "teachers" ? "特困教师资助" : "学生资助";

  const columns: Column[] = [{ header: "序号", width: 6, field: "serial" }];
  for (const s of SHOWN) if (fields[s.field] !== undefined) columns.push({ ...s });
  if (!columns.some((c) => c.field === "name")) {
    return problem(
      "notice.no-name",
      `工作表“${sheet}”的花名册中没有“姓名”列；公示表需要公示受助对象的姓名，请补上姓名列后再试。`,
    );
  }
  const hasProgram = fields.program !== undefined || only !== null || programs.size > 0;
  if (hasProgram) columns.push({ header: "资助项目", width: 20, field: "program" });
  columns.push({ header: "金额（元）", width: 14, field: "amount" });
  const last = columns.length - 1;
  const amountCol = last;

  const notes: string[] = [];
  const { rows, merges, styleRanges, formulas, rowHeights } = sheetParts();
  const line = (r: number): CellRange => ({ top: r, left: 0, bottom: r, right: last });

  const schools: string[] = [];
  const body: CellValue[][] = [];
  let total = 0;
  people.forEach((person, i) => {
    const out: CellValue[] = [];
    for (const col of columns) {
      if (col.field === "serial") {
        out.push(i + 1);
      } else if (col.field === "amount") {
        const a = person.record.amount;
        if (a === undefined) {
          out.push(null);
          const at = fields.amount;
          const raw = at === undefined ? null : (person.cells[at] ?? null);
          if (at !== undefined && raw !== null && raw !== "") {
            notes.push(
              `工作表“${sheet}”${cellAddress(person.row, at)} 的金额无法识别为数字，公示表第 ${i + 1} 人的金额已留空；请把该单元格改为数字金额后重新生成。`,
            );
          }
        } else {
          // Published to the fen, so the 合计 SUM and the total in the text agree.
          const fen = Math.round(a * 100);
          out.push(fen / 100);
          total += fen;
        }
      } else {
        const at = fields[col.field];
        const raw = at === undefined ? null : (person.cells[at] ?? null);
        const { text, changed } = scrub(raw);
        if (changed && at !== undefined) {
          notes.push(
            `工作表“${sheet}”${cellAddress(person.row, at)}（${col.header}）中有疑似身份证号、电话或卡号的数字，公示表中已隐去为“${text}”；请核对花名册该单元格并改正。`,
          );
        }
        let value: string = text;
        if (col.field === "program" && value === "") value = (person.program ?? only)?.name ?? "";
        if (col.field === "school") schools.push(value);
        out.push(value === "" ? null : value);
      }
    }
    body.push(out);
  });
  if (!people.some((p) => p.record.amount !== undefined) && fields.amount === undefined) {
    notes.push(`工作表“${sheet}”的花名册中没有金额列，公示表的“金额（元）”列已留空；请补上金额后重新生成。`);
  }

  const unit = unitText(options, schools, source.layout.title);
  const period = periodText(source.layout.title, options.today, only);
  const title = options.title?.trim() || `关于${unit}${period}${subject(programText)}的公示`;

  // Title and intro.
  rows.push(withWidth([title], columns.length));
  merges.push(line(0));
  styleRanges.push({ range: line(0), style: "title" });
  const totalYuan = total / 100;
  rows.push(
    withWidth(
      [
        `根据${programText}有关规定，经个人（监护人）申请、${source.layout.kind === "teachers" ? "单位" : "学校"}评议审核，现将${period}${subject(programText)}名单予以公示（共 ${people.length} 人，金额合计 ${yuan(totalYuan)} 元）：`,
      ],
      columns.length,
    ),
  );
  merges.push(line(1));
  styleRanges.push({ range: line(1), style: "para" });
  rowHeights.set(1, 42);

  // Header and body.
  const headerRow = rows.length;
  rows.push(columns.map((c) => c.header));
  styleRanges.push({ range: line(headerRow), style: "header" });
  rowHeights.set(headerRow, 24);
  const firstData = rows.length;
  appendAll(rows, body);
  const lastData = rows.length - 1;
  const table: CellRange = { top: firstData, left: 0, bottom: lastData, right: last };
  styleRanges.push({ range: table, style: "cell" });
  styleRanges.push({ range: { top: firstData, left: 0, bottom: lastData, right: 0 }, style: "center" });
  styleRanges.push({ range: { top: firstData, left: amountCol, bottom: lastData, right: amountCol }, style: "money" });

  // 合计: 人数 and 金额 (a SUM with its cached value).
  const totalRow = rows.length;
  const totalCells: CellValue[] = withWidth(["合计", `共 ${people.length} 人`], columns.length);
  totalCells[amountCol] = totalYuan;
  rows.push(totalCells);
  const amountLetter = columnName(amountCol);
  formulas.set(cellKey(totalRow, amountCol), {
    text: `SUM(${amountLetter}${firstData + 1}:${amountLetter}${lastData + 1})`,
  });
  if (amountCol - 1 > 1) merges.push({ top: totalRow, left: 1, bottom: totalRow, right: amountCol - 1 });
  styleRanges.push({ range: line(totalRow), style: "cell" });
  styleRanges.push({ range: line(totalRow), style: "total" });
  styleRanges.push({ range: { top: totalRow, left: 0, bottom: totalRow, right: amountCol - 1 }, style: "center" });
  styleRanges.push({ range: { top: totalRow, left: amountCol, bottom: totalRow, right: amountCol }, style: "money" });

  // 公示期, objections, unit and date.
  rows.push([]);
  const para = (text: string, style = "para", height = 24): void => {
    const r = rows.length;
    rows.push(withWidth([text], columns.length));
    merges.push(line(r));
    styleRanges.push({ range: line(r), style });
    rowHeights.set(r, height);
  };
  para(`公示期：自${chineseDate(start)}至${chineseDate(end.value)}（共${days}个工作日）。`);
  const contact = labelledContact(options.contact?.trim() || DEFAULT_CONTACT);
  para(`公示期内如有异议，请向${contact}反映。`, "para", 36);
  rows.push([]);
  para(unit || "（单位盖章）", "signRight");
  para(chineseDate(options.today), "signRight");

  const styles: Record<string, CellStyle> = {
    title: { ...STYLE.title, wrap: true },
    para: { font: { name: STYLE.subtitle.font.name, size: 12 }, horizontal: "left", vertical: "middle", wrap: true },
    header: STYLE.header,
    cell: { ...STYLE.cell, font: { name: STYLE.cell.font.name, size: 11 } },
    center: STYLE.center,
    money: STYLE.money,
    total: { font: { name: STYLE.cell.font.name, size: 11, bold: true } },
    signRight: { ...STYLE.sign, horizontal: "right" },
  };
  const widths = columns.map((c, i) =>
    Math.min(40, Math.max(c.width, textWidth(c.header) + 2, ...body.map((r) => textWidth(String(r[i] ?? "")) + 2))),
  );
  // A long title wraps inside its merged row instead of being cut off when printed: the row is
  // as tall as its lines (a 16 pt title fits about 11/16 of the columns' width in characters).
  const perLine = Math.max(1, Math.floor((widths.reduce((a, b) => a + b, 0) * 11) / 16));
  rowHeights.set(0, Math.max(36, Math.ceil(textWidth(title) / perLine) * 24 + 8));
  const titleRows = { from: headerRow, to: headerRow };
  const landscape = widths.reduce((a, b) => a + b, 0) > 90;
  const print = landscape ? landscapeA4(titleRows) : { ...portraitA4(), titleRows, centerFooter: "第 &P 页 共 &N 页" };
  const freeze = { rows: headerRow + 1, columns: 0 };
  const parts = { rows, formulas, styles, styleRanges, merges, columnWidths: widths, rowHeights, freeze, print };
  return builtSheet(options.name?.trim() || "公示表", "notice", parts, notes);
}

/** Phone-like numbers: a landline with its area code, or a mobile number. */
const PHONE_LIKE = /(?<![\d-])(?:\(?0\d{2,3}\)?[- ]?[2-9]\d{6,7}|1[3-9]\d{9})(?![\d-])/g;

/**
 * The objection contact as published: a phone number in it is the office's line, so it is given
 * its 监督电话 label (as 方案7 notices do) unless it has one — which also tells the privacy scan
 * that it is not a person's number.
 */
export function labelledContact(contact: string): string {
  return contact.replace(PHONE_LIKE, (phone: string, offset: number, whole: string) =>
    endsWithServiceLabel(toHalfWidth(whole.slice(0, offset))) ? phone : `（监督电话：${phone}）`,
  );
}

/** A row of `width` cells starting with `values`. */
function withWidth(values: CellValue[], width: number): CellValue[] {
  const out: CellValue[] = Array.from({ length: width }, () => null);
  values.forEach((v, i) => (out[i] = v));
  return out;
}
