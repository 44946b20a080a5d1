/**
 * 生成申请表: one application form per person, filled from the roster, stacked down a NEW sheet
 * with a page break after each, so the whole sheet prints one form per A4 page. The form is a
 * layout (built-in or the user's 申请表模板 sheet) whose {{placeholders}} name roster fields.
 */
import type { CivilDate } from "../date/civil";
import { civilFromSerial } from "../date/serial";
import { cellAddress, cellKey, type CellRange, type CellValue } from "../grid/types";
import { rmbUppercase } from "../money";
import type { Pack } from "../policy";
import { isDateFormat } from "../privacy";
import { fieldLabel, type FieldKey } from "../roster/fields";
import { resolveField, type Unit } from "../roster/header";
import { integerDigits, toHalfWidth } from "../text/normalize";
import { defaultLayoutFor, type FormLayout } from "./form-layouts";
import { chineseDate, peopleForBuilder, sheetProgram, type PersonRow, type RosterSource } from "./source";
import { builtSheet, sheetParts, type BuildResult, type PrintSetup } from "./spec";

/** The new sheet's default name (generated.ts recognises it). */
export const FORMS_SHEET_NAME = "申请表";
import { portraitA4 } from "./styles";

export type { FormLayout } from "./form-layouts";
export { defaultLayoutFor, findLayoutSheet } from "./form-layouts";

export interface FormsOptions {
  pack: Pack;
  today: CivilDate;
  /** The form to fill; default defaultLayoutFor(source). */
  layout?: FormLayout;
  /** Program name, alias or code, for {{资助项目}} when the roster has no such column. */
  program?: string;
  /** Sheet name; default 申请表. */
  name?: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const IDENTIFIERS: ReadonlySet<FieldKey> = new Set(["idNumber", "guardianId", "account", "studentNo", "phone"]);
const MONEY: ReadonlySet<FieldKey> = new Set(["amount", "debt"]);

/** How a placeholder gets its text for one person. */
type Resolver =
  | { kind: "serial" }
  | { kind: "uppercase" }
  | { kind: "date" }
  | { kind: "program"; col: number | undefined }
  | { kind: "field"; field: FieldKey; col: number; unit: Unit }
  | { kind: "column"; col: number }
  | { kind: "missing"; field: FieldKey }
  | { kind: "unknown" };

function key(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, "");
}

function resolverFor(name: string, source: RosterSource): Resolver {
  const k = key(name);
  if (k === "序号" || k === "编号") return { kind: "serial" };
  if (k === "金额大写" || k === "大写金额" || k === "人民币大写") return { kind: "uppercase" };
  if (k === "日期" || k === "填表日期" || k === "申请日期") return { kind: "date" };
  const { layout } = source;
  const resolved = resolveField(name);
  if (resolved?.key === "program") return { kind: "program", col: layout.fieldColumns.program };
  if (resolved) {
    const col = layout.fieldColumns[resolved.key];
    if (col !== undefined) return { kind: "field", field: resolved.key, col, unit: resolved.unit };
  }
  // The roster's own header, exactly as it is written (with its group: "监护人 › 姓名").
  const known = layout.columns.find((c) => key(c.header) === k || key(c.headerValue) === k);
  if (known) return { kind: "field", field: known.field, col: known.col, unit: known.unit };
  const other = layout.unknownColumns.find((c) => key(c.header) === k);
  if (other) return { kind: "column", col: other.col };
  return resolved ? { kind: "missing", field: resolved.key } : { kind: "unknown" };
}

function plain(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? integerDigits(v) : String(v);
  return v.trim();
}

function money(n: number): string {
  return n.toFixed(2);
}

function amountOf(person: PersonRow, field: FieldKey): number | undefined {
  return field === "debt" ? person.record.debt : person.record.amount;
}

interface Context {
  source: RosterSource;
  today: CivilDate;
  programName: string;
}

function valueOf(r: Resolver, person: PersonRow, index: number, ctx: Context): string {
  const raw = (col: number): CellValue => person.cells[col] ?? null;
  switch (r.kind) {
    case "serial":
      return String(index + 1);
    case "date":
      return chineseDate(ctx.today);
    case "uppercase": {
      const a = person.record.amount;
      if (a === undefined) return "";
      const u = rmbUppercase(a);
      return u.ok ? u.value : "";
    }
    case "program": {
      const cell = r.col === undefined ? "" : plain(raw(r.col));
      return cell || person.program?.name || ctx.programName;
    }
    case "field": {
      const v = raw(r.col);
      if (MONEY.has(r.field)) {
        const a = amountOf(person, r.field);
        if (a !== undefined) return money(r.unit === "万元" ? a / 10000 : a);
        return plain(v);
      }
      if (typeof v === "number" && !IDENTIFIERS.has(r.field)) {
        const format = ctx.source.grid.formats.get(cellKey(person.row, r.col));
        if (r.field === "birthDate" || isDateFormat(format)) {
          const d = civilFromSerial(v);
          if (d) return chineseDate(d);
        }
      }
      return plain(v);
    }
    case "column": {
      const v = raw(r.col);
      const format = ctx.source.grid.formats.get(cellKey(person.row, r.col));
      if (typeof v === "number" && isDateFormat(format)) {
        const d = civilFromSerial(v);
        if (d) return chineseDate(d);
      }
      return plain(v);
    }
    case "missing":
    case "unknown":
      return "";
  }
}

/** A template cell: its text split into literal parts and placeholders. */
interface Template {
  row: number;
  col: number;
  parts: (string | { name: string })[];
}

function parse(text: string): (string | { name: string })[] {
  const parts: (string | { name: string })[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push({ name: m[1] ?? "" });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

export function buildFormsSheet(source: RosterSource, options: FormsOptions): BuildResult {
  const sheet = source.grid.name;
  const found = peopleForBuilder(source, options, "申请表", "forms");
  if (!found.ok) return found;
  const people = found.people;
  const layout = options.layout ?? defaultLayoutFor(source);
  const height = layout.cells.length;
  const width = Math.max(0, ...layout.cells.map((r) => r.length));
  if (height === 0 || width === 0) {
    return {
      ok: false,
      problem: {
        code: "forms.empty-layout",
        message: `申请表模板“${layout.sheet}”是空的；请在该工作表中画好申请表并用 {{姓名}}、{{身份证号}} 等标出要填的位置。`,
      },
    };
  }

  const programName = sheetProgram(options.pack, source, options.program)?.name ?? "";
  const ctx: Context = { source, today: options.today, programName };

  // Parse the layout once; resolve each placeholder once, with one note per placeholder.
  const templates: Template[] = [];
  const resolvers = new Map<string, Resolver>();
  const notes: string[] = [];
  const textCells: { row: number; col: number }[] = [];
  layout.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== "string" || !v.includes("{{")) return;
      const parts = parse(v);
      templates.push({ row: r, col: c, parts });
      let identifier = false;
      for (const p of parts) {
        if (typeof p === "string") continue;
        let res = resolvers.get(p.name);
        if (!res) {
          res = resolverFor(p.name, source);
          resolvers.set(p.name, res);
          const where = layout.fromSheet
            ? `申请表模板“${layout.sheet}”${cellAddress(layout.origin.row + r, layout.origin.col + c)} 中的 {{${p.name}}}`
            : `申请表“${layout.sheet}”中的 {{${p.name}}}`;
          if (res.kind === "unknown") {
            notes.push(
              `${where} 不是已知的字段，花名册“${sheet}”中也没有这样的表头，已留空；请改成花名册的表头或字段名（如 {{姓名}}、{{身份证号}}、{{金额}}）。`,
            );
          } else if (res.kind === "missing") {
            notes.push(
              `${where}：花名册“${sheet}”中没有“${fieldLabel(res.field)}”列，已留空；请在花名册中补上该列，或打印后手工填写。`,
            );
          }
        }
        if (res.kind === "field" && IDENTIFIERS.has(res.field)) identifier = true;
      }
      if (identifier) textCells.push({ row: r, col: c });
    }),
  );

  const { rows, merges, styleRanges, rowHeights } = sheetParts();
  const rowBreaks: number[] = [];
  const shift = (g: CellRange, by: number): CellRange => ({
    top: g.top + by,
    left: g.left,
    bottom: g.bottom + by,
    right: g.right,
  });

  people.forEach((person, i) => {
    const top = i * height;
    for (let r = 0; r < height; r++) {
      const src = layout.cells[r] ?? [];
      rows.push(Array.from({ length: width }, (_, c) => src[c] ?? null));
      const h = layout.rowHeights[r];
      if (h !== undefined && h > 0) rowHeights.set(top + r, h);
    }
    for (const t of templates) {
      const text = t.parts
        .map((p) => (typeof p === "string" ? p : valueOf(resolvers.get(p.name) ?? { kind: "unknown" }, person, i, ctx)))
        .join("");
      const out = rows[top + t.row];
      if (out) out[t.col] = text === "" ? null : text;
    }
    for (const m of layout.merges) merges.push(shift(m, top));
    for (const s of layout.styleRanges) styleRanges.push({ range: shift(s.range, top), style: s.style });
    for (const t of textCells) {
      styleRanges.push({ range: { top: top + t.row, left: t.col, bottom: top + t.row, right: t.col }, style: "text" });
    }
    if (i < people.length - 1) rowBreaks.push(top + height - 1);
  });

  const parts = {
    rows,
    styles: { ...layout.styles, text: { numFmt: "@" } },
    styleRanges,
    merges,
    columnWidths: [...layout.columnWidths],
    rowHeights,
    rowBreaks,
    print: formPrint(layout.columnWidths),
  };
  return builtSheet(options.name?.trim() || "申请表", "forms", parts, notes);
}

/**
 * A4 portrait at a fixed scale that fits the form's width: Excel ignores manual page breaks under
 * "fit to" scaling, and the forms need theirs (one person per page). About 70 characters of
 * column width fit between the 0.7-inch margins at 100 % (measured through LibreOffice with the
 * fonts a Linux machine has; Excel's Calibri-based width is a little narrower, so it fits there too).
 */
const FORM_WIDTH_AT_FULL_SCALE = 70;

export function formPrint(widths: readonly number[]): PrintSetup {
  const total = widths.reduce((a, b) => a + b, 0);
  const scale =
    total <= FORM_WIDTH_AT_FULL_SCALE ? 100 : Math.max(40, Math.floor((FORM_WIDTH_AT_FULL_SCALE / total) * 100));
  const { fitToWidth: _w, fitToHeight: _h, ...rest } = portraitA4();
  return { ...rest, scale };
}
