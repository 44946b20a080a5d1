/**
 * 报送格式: the column layout of the receiving office's import template (方案8 (二)3: submit as
 * an Excel file in the receiving office's table format), as data. A format is a JSON document
 * validated by the zod schema below; buildExportSheet writes a roster into it as a NEW, plain
 * sheet — one header row, one row per person, no merges — that an import tool can read.
 */
import { z } from "zod";
import type { CivilDate } from "../date/civil";
import { cellAddress, type CellValue } from "../grid/types";
import type { Pack, Program } from "../policy";
import { FIELD_KEYS, fieldLabel, isFieldKey, type FieldKey } from "../roster/fields";
import { resolveField } from "../roster/header";
import type { NormalizedRecord } from "../roster/record";
import { fail, ok, type Result } from "../result";
import { integerDigits } from "../text/normalize";
import defaultJson from "./formats/default.json";
import pairsJson from "./formats/pairs.json";
import { peopleForBuilder, sheetProgram, type PersonRow, type RosterSource } from "./source";
import { builtSheet, type BuildResult, type CellStyle, type StyleRange } from "./spec";
import { FONT_TABLE, headerRowLayout, textWidth } from "./styles";

const zhCN = z.locales.zhCN();

const FROM_HINT = `应为字段名（如 name、idNumber、amount，或其中文名 姓名、身份证号、金额）、"序号"、{"constant": "文字"} 或 {"program": "name" 或 "code"}`;

/** A field may be named by its key or by any Chinese header that means it (身份证号码 → idNumber). */
function fieldName(v: unknown): unknown {
  if (typeof v !== "string" || v === "序号" || isFieldKey(v)) return v;
  return resolveField(v)?.key ?? v;
}

const FromSchema = z.preprocess(
  fieldName,
  z.union(
    [
      z.enum(FIELD_KEYS),
      z.literal("序号"),
      z.strictObject({ constant: z.string() }),
      z.strictObject({ program: z.enum(["name", "code"]) }),
    ],
    { error: FROM_HINT },
  ),
);

const ColumnSchema = z.strictObject({
  header: z.string().trim().min(1, "列标题不能为空"),
  from: FromSchema,
  text: z.boolean().optional(),
});

export const SubmissionFormatSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().trim().min(1, "需要格式 id，如 generic-county"),
    name: z.string().trim().min(1, "需要格式名称"),
    sheetName: z
      .string()
      .trim()
      .min(1, "需要工作表名称")
      .max(31, "工作表名称最多 31 个字符")
      .regex(/^[^[\]:*?/\\]*$/, "工作表名称不能含有 [ ] : * ? / \\"),
    title: z.string().optional(),
    /** What the format exports: the aid roster (default) or the workbook's 帮联台账 (pairs). */
    source: z.enum(["roster", "pairs"]).optional(),
    columns: z.array(ColumnSchema).min(1, "至少需要一列"),
    amountUnit: z.enum(["元", "万元"]).optional(),
  })
  .superRefine((format, ctx) => {
    const seen = new Set<string>();
    format.columns.forEach((c, i) => {
      if (seen.has(c.header))
        ctx.addIssue({ code: "custom", path: ["columns", i, "header"], message: `列标题重复：${c.header}` });
      seen.add(c.header);
    });
  });

export type SubmissionColumnSource = FieldKey | "序号" | { constant: string } | { program: "name" | "code" };

export interface SubmissionColumn {
  header: string;
  from: SubmissionColumnSource;
  /** Write the column as text ("@"); identifier fields always are. */
  text?: boolean;
}

export interface SubmissionFormat {
  id: string;
  name: string;
  /** ≤ 31 characters. */
  sheetName: string;
  title?: string;
  source?: "roster" | "pairs";
  columns: SubmissionColumn[];
  amountUnit?: "元" | "万元";
}

export interface FormatProblem {
  code: "format.json" | "format.invalid";
  message: string;
}

/** columns[3].from */
function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? String(key) : `.${String(key)}`;
  return out;
}

/** A format from a JSON string or a parsed value; every problem named by its JSON path, in Chinese. */
export function parseSubmissionFormat(json: unknown): Result<SubmissionFormat, FormatProblem> {
  let data = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json.replace(/^\uFEFF/, "")) as unknown;
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return fail({ code: "format.json", message: `报送格式不是合法的 JSON：${detail}。请检查括号、引号和逗号。` });
    }
  }
  const r = SubmissionFormatSchema.safeParse(data, { error: zhCN.localeError });
  if (r.success) {
    const { $schema: _ignored, ...format } = r.data;
    return ok(format);
  }
  const lines = r.error.issues.map((i) => {
    const p = pathText(i.path);
    return p ? `${p}：${i.message}` : i.message;
  });
  return fail({ code: "format.invalid", message: `报送格式有误，请按下列位置修改：\n${lines.join("\n")}` });
}

function loadShipped(json: unknown): SubmissionFormat {
  const r = parseSubmissionFormat(json);
  // The shipped formats come with the code and are tested; a failure here is a bug, not user input.
  if (!r.ok) throw new Error(`shipped submission format is invalid:\n${r.problem.message}`);
  return r.value;
}

/** A generic county import template: 序号, 姓名 … 银行卡号, 持卡人 (not any one real system's). */
export const DEFAULT_FORMAT: SubmissionFormat = loadShipped(defaultJson);

/**
 * 帮联结对情况 (方案8 (二)3: reported per unit in the county's table): the 帮联台账's pairs — cadre,
 * unit, post, phone, student, ID, school, 建档立卡, 结对方式, yearly funds and visits.
 */
export const PAIRS_FORMAT: SubmissionFormat = loadShipped(pairsJson);

const SHIPPED_FORMATS: readonly SubmissionFormat[] = [DEFAULT_FORMAT, PAIRS_FORMAT];

/** A shipped format by id or name (generic-county, 帮联台账, 帮联结对情况 …), or null. */
export function shippedFormat(name: string): SubmissionFormat | null {
  const k = name.trim();
  if (k === "帮联台账" || k === "帮联") return PAIRS_FORMAT;
  return SHIPPED_FORMATS.find((f) => f.id === k || f.name === k || f.sheetName === k) ?? null;
}

/** The format a source exports with when none is given: a 帮联台账's own, else the generic one. */
export function defaultFormatFor(source: RosterSource): SubmissionFormat {
  return source.layout.kind === "pairs" ? PAIRS_FORMAT : DEFAULT_FORMAT;
}

// ---------------------------------------------------------------------------------------------

export interface ExportOptions {
  pack: Pack;
  today: CivilDate;
  /** Program name, alias or code, when the roster has no 资助项目 column. */
  program?: string;
}

const IDENTIFIERS: ReadonlySet<FieldKey> = new Set([
  "idNumber",
  "guardianId",
  "account",
  "studentNo",
  "phone",
  "helperPhone",
]);
const MONEY: ReadonlySet<FieldKey> = new Set(["amount", "debt"]);

function plain(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? integerDigits(v) : String(v);
  return v.trim();
}

function fromRecord(record: NormalizedRecord, field: FieldKey): CellValue | undefined {
  const v: unknown = (record as Record<string, unknown>)[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (Array.isArray(v)) return v.map(String).join("、");
  if (typeof v === "number" || typeof v === "string") return v;
  return undefined;
}

/** 元 → the format's unit, rounded to 分 (万元: 6 decimals). */
function inUnit(yuan: number, unit: "元" | "万元"): number {
  return unit === "万元" ? Math.round(yuan * 100) / 1e6 : Math.round(yuan * 100) / 100;
}

export function buildExportSheet(source: RosterSource, format: SubmissionFormat, options: ExportOptions): BuildResult {
  const sheet = source.grid.name;
  const found = peopleForBuilder(source, options, "报送表", "export");
  if (!found.ok) return found;
  const people = found.people;
  const unit = format.amountUnit ?? "元";
  const fixed: Program | null = sheetProgram(options.pack, source, options.program);
  const fields = source.layout.fieldColumns;
  const notes: string[] = [];
  const where = (i: number, header: string): string => `报送格式“${format.name}”第 ${i + 1} 列“${header}”`;

  // Which format columns the roster cannot fill: one note per column.
  format.columns.forEach((col, i) => {
    const from = col.from;
    if (typeof from === "string" && from !== "序号" && fields[from] === undefined) {
      if (from === "program" && (fixed || people.some((p) => p.program))) return;
      notes.push(
        `${where(i, col.header)}：花名册“${sheet}”中没有“${fieldLabel(from)}”列，该列已留空；请在花名册中补上该列，或在任务窗格中指定对应的列。`,
      );
    } else if (typeof from === "object" && "program" in from && !fixed && !people.some((p) => p.program)) {
      notes.push(
        `${where(i, col.header)}：无法确定资助项目，该列已留空；请在花名册中填写资助项目列，或在任务窗格中选择资助项目。`,
      );
    }
  });

  const unreadable = new Set<number>();
  const value = (col: SubmissionColumn, ci: number, person: PersonRow, index: number): CellValue => {
    const from = col.from;
    if (from === "序号") return index + 1;
    if (typeof from === "object") {
      if ("constant" in from) return from.constant;
      const p = person.program ?? fixed;
      return p ? (from.program === "code" ? p.code : p.name) : null;
    }
    const at = fields[from];
    const raw = at === undefined ? null : (person.cells[at] ?? null);
    if (MONEY.has(from)) {
      const yuan = from === "debt" ? person.record.debt : person.record.amount;
      if (yuan !== undefined) return inUnit(yuan, unit);
      if (raw !== null && plain(raw) !== "" && at !== undefined && !unreadable.has(ci)) {
        unreadable.add(ci);
        notes.push(
          `${where(ci, col.header)}：花名册“${sheet}”${cellAddress(person.row, at)} 的金额无法识别为数字，已原样写入；请改为数字金额后重新生成。`,
        );
      }
      return raw === null || plain(raw) === "" ? null : plain(raw);
    }
    if (from === "program" && at === undefined) return (person.program ?? fixed)?.name ?? null;
    if (at === undefined) return null;
    const rec = fromRecord(person.record, from);
    if (IDENTIFIERS.has(from) || col.text) {
      const text = typeof rec === "string" ? rec : plain(raw);
      return text === "" ? null : text;
    }
    if (rec !== undefined) return rec;
    const text = plain(raw);
    return text === "" ? null : text;
  };

  const rows: CellValue[][] = [];
  const styleRanges: StyleRange[] = [];
  const last = format.columns.length - 1;
  if (format.title) {
    rows.push([format.title]);
    styleRanges.push({ range: { top: 0, left: 0, bottom: 0, right: 0 }, style: "title" });
  }
  const headerRow = rows.length;
  rows.push(format.columns.map((c) => c.header));
  styleRanges.push({ range: { top: headerRow, left: 0, bottom: headerRow, right: last }, style: "header" });
  people.forEach((person, i) => rows.push(format.columns.map((c, ci) => value(c, ci, person, i))));
  const first = headerRow + 1;
  const bottom = rows.length - 1;
  styleRanges.push({ range: { top: first, left: 0, bottom, right: last }, style: "cell" });
  format.columns.forEach((col, ci) => {
    const from = col.from;
    const range = { top: first, left: ci, bottom, right: ci };
    if (col.text || (typeof from === "string" && from !== "序号" && IDENTIFIERS.has(from))) {
      styleRanges.push({ range, style: "text" });
    } else if (typeof from === "string" && from !== "序号" && MONEY.has(from)) {
      styleRanges.push({ range, style: unit === "万元" ? "wan" : "yuan" });
    }
  });

  const widths = format.columns.map((c, ci) => {
    let w = textWidth(c.header) + 2;
    for (let r = first; r <= bottom; r++) w = Math.max(w, textWidth(plain(rows[r]?.[ci] ?? null)) + 2);
    return Math.min(40, Math.max(6, w));
  });
  const styles: Record<string, CellStyle> = {
    title: { font: { name: FONT_TABLE, size: 14, bold: true }, vertical: "middle" },
    header: {
      font: { name: FONT_TABLE, size: 11, bold: true },
      horizontal: "center",
      vertical: "middle",
      border: true,
    },
    cell: { font: { name: FONT_TABLE, size: 11 }, vertical: "middle", border: true },
    text: { numFmt: "@" },
    yuan: { numFmt: "0.00" },
    wan: { numFmt: "0.00####" },
  };
  return builtSheet(
    format.sheetName,
    "export",
    { rows, styles, styleRanges, columnWidths: widths, ...headerRowLayout(headerRow) },
    notes,
  );
}
