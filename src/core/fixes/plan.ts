/**
 * Safe fixes: from a checked roster (grid, layout, report), the changes that can be made without
 * guessing — spaces trimmed, full-width characters folded, ID/card/phone/学籍号 columns set to the
 * text format, standard amounts filled in from the policy engine — each with its before and after
 * (masked for display), and what cannot be fixed, with the reason. Pure: nothing is written here;
 * the hosts apply the fixes the user confirmed (Office: in place, undoable; standalone: a new file).
 *
 * An ID or card number stored as a number has lost its last digits: it is explained, never
 * "repaired" — any digits we put back would be invented.
 */
import { plainNumber } from "../roster/typed-amounts";
import type { CivilDate } from "../date/civil";
import { cellAddress, cellAt, columnName, type CellValue, type Grid } from "../grid/types";
import { maskCard, maskId, maskName, maskPhone } from "../mask";
import { decide, findProgram, type Pack, type Program } from "../policy";
import { fieldLabel, rowReader, type FieldKey } from "../roster";
import type { RosterLayout } from "../roster/detect";
import type { Issue, Report } from "../report/types";
import { programFromTitle } from "../rules/program";
import { compact, tidy, toHalfWidth } from "../text/normalize";
import { appendAll, maxOf } from "../arrays";

export type CellFixKind = "trim" | "half-width" | "amount" | "number";

/** One cell's new value. */
export interface CellFix {
  kind: CellFixKind;
  sheet: string;
  /** 0-based row and column. */
  row: number;
  col: number;
  /** A1 address ("C5"). */
  cell: string;
  field: FieldKey;
  before: CellValue;
  after: CellValue;
  /** The values as the preview shows them: masked for identifiers and names, spaces kept. */
  shownBefore: string;
  shownAfter: string;
  /**
   * The new value must be stored as text (a long digit string): a host writing it into a cell
   * formatted General would turn it into a number and lose digits past the 15th.
   */
  asText: boolean;
}

/** A whole column set to the text format ("@"), from its header row down to the last data row. */
export interface ColumnFix {
  kind: "text-format";
  sheet: string;
  col: number;
  /** Column letter ("D"). */
  column: string;
  field: FieldKey;
  /** The column's header as the sheet shows it. */
  label: string;
  /** 0-based, inclusive. */
  fromRow: number;
  toRow: number;
}

export type Fix = CellFix | ColumnFix;
export type FixKind = Fix["kind"];

export interface Unfixable {
  sheet: string;
  cell: string;
  rule: string;
  /** Why it cannot be fixed, in Chinese. */
  reason: string;
  /** The value as the report shows it (already masked). */
  value: string;
}

export interface FixPlan {
  fixes: Fix[];
  unfixable: Unfixable[];
}

export interface PlanOptions {
  pack: Pack;
  today: CivilDate;
  /** The program of the whole sheet, as given to the check (name, alias or code). */
  program?: string;
}

export const LOST_DIGITS_REASON = "已丢失末几位，无法修复：请把该列设为文本后从原始资料重新录入";

/** Identifiers: every white space is removed, not folded, and the column should be text. */
const IDENTIFIERS: ReadonlySet<FieldKey> = new Set(["idNumber", "guardianId", "account", "phone", "studentNo"]);
const UNFIXABLE_RULES: ReadonlySet<string> = new Set(["id.stored-as-number", "bank.stored-as-number"]);
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;
/** Long digit strings that a General cell would turn into a number (IDs, cards, 学籍号 digits). */
const LONG_DIGITS = /^\d{11,}[\dXx]?$/;

/** "C5" → { row: 4, col: 2 }; null for anything else. */
function parseCell(cell: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(cell);
  if (!m?.[1] || !m[2]) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]) - 1;
  return row >= 0 ? { row, col: col - 1 } : null;
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const SPACE = /\s/;

/**
 * The mask laid over the original: its white space left where it was and the characters the
 * mask keeps shown as typed (a full-width digit stays full-width), so the preview shows what the
 * fix changes without showing the value. When the two do not line up, the mask alone.
 */
function overlay(raw: string, masked: string): string {
  const marks = Array.from(masked).filter((ch) => !SPACE.test(ch) && !INVISIBLE.test(ch));
  const chars = Array.from(raw);
  const slots = chars.filter((ch) => !SPACE.test(ch) && !INVISIBLE.test(ch));
  if (marks.length !== slots.length) return masked;
  let i = 0;
  return chars
    .map((ch) => {
      if (SPACE.test(ch)) return ch;
      if (INVISIBLE.test(ch)) return "";
      return marks[i++] === "*" ? "*" : ch;
    })
    .join("");
}

/** A value as the preview shows it: identifiers and names masked; amounts as they are. */
function shown(field: FieldKey, value: CellValue): string {
  if (value === null) return "";
  const text = typeof value === "string" ? value : String(value);
  if (field === "amount" || compact(text) === "") return text;
  const plain = compact(text);
  if (field === "account") return overlay(text, maskCard(plain));
  if (field === "phone") return overlay(text, maskPhone(plain));
  if (IDENTIFIERS.has(field)) return overlay(text, maskId(plain.replace(/x/g, "X")));
  return overlay(text, maskName(text));
}

function fieldAt(layout: RosterLayout, col: number): FieldKey | null {
  return layout.columns.find((c) => c.col === col)?.field ?? null;
}

function asAmount(text: string): CellValue {
  return NUMBER_TEXT.test(text) ? Number(text) : text;
}

function cleaned(kind: "trim" | "half-width", field: FieldKey, raw: string): CellValue {
  const text = kind === "half-width" ? toHalfWidth(raw) : IDENTIFIERS.has(field) ? compact(raw) : tidy(raw);
  return field === "amount" ? asAmount(text) : text;
}

const money = (n: number): number => Math.round(n * 100) / 100;

/** The program of a row, found the way the check finds it. */
function programPicker(grid: Grid, layout: RosterLayout, options: PlanOptions): (program?: string) => Program | null {
  const hasColumn = layout.fieldColumns.program !== undefined;
  const sheetProgram =
    options.program !== undefined
      ? findProgram(options.pack, options.program)
      : !hasColumn && layout.kind !== "notice"
        ? programFromTitle(options.pack, `${layout.title} ${grid.name}`)
        : null;
  return (program) => sheetProgram ?? (program ? findProgram(options.pack, program) : null);
}

/** Whether the issue is about an empty amount cell (field.required on the amount column). */
function isEmptyAmount(issue: Issue, at: { col: number }, layout: RosterLayout): boolean {
  return issue.rule === "field.required" && at.col === layout.fieldColumns.amount;
}

/** A cell fix with its address and masked preview. */
function cellFix(
  kind: CellFixKind,
  sheet: string,
  at: { row: number; col: number },
  field: FieldKey,
  before: CellValue,
  after: CellValue,
  asText = false,
): CellFix {
  return {
    kind,
    sheet,
    row: at.row,
    col: at.col,
    cell: cellAddress(at.row, at.col),
    field,
    before,
    after,
    shownBefore: shown(field, before),
    shownAfter: shown(field, after),
    asText,
  };
}

export function planFixes(grid: Grid, layout: RosterLayout, report: Report, options: PlanOptions): FixPlan {
  const fixes: Fix[] = [];
  const unfixable: Unfixable[] = [];
  const cellFixes = new Map<string, CellFix>();
  const amountRows = new Set<number>();
  const readRow = rowReader(layout.columns.map((c) => ({ col: c.col, header: c.headerValue, group: c.group })));
  const programOf = programPicker(grid, layout, options);

  for (const issue of report.issues) {
    if (issue.sheet !== grid.name) continue;
    if (UNFIXABLE_RULES.has(issue.rule)) {
      unfixable.push({
        sheet: issue.sheet,
        cell: issue.cell,
        rule: issue.rule,
        reason: LOST_DIGITS_REASON,
        value: issue.value,
      });
      continue;
    }
    const at = parseCell(issue.cell);
    if (!at) continue;
    const field = fieldAt(layout, at.col);
    if (!field) continue;
    const before = cellAt(grid, at.row, at.col);
    const key = `${at.row},${at.col}`;

    if (issue.rule === "text.whitespace" || issue.rule === "text.fullwidth") {
      if (typeof before !== "string") continue;
      const wanted = issue.rule === "text.whitespace" ? "trim" : "half-width";
      // A cell with both problems gets one fix: trimming folds full-width characters as well.
      const kind = cellFixes.get(key)?.kind === "trim" || wanted === "trim" ? "trim" : "half-width";
      const after = cleaned(kind, field, before);
      if (after === before) continue;
      cellFixes.set(
        key,
        cellFix(kind, grid.name, at, field, before, after, typeof after === "string" && LONG_DIGITS.test(after)),
      );
      continue;
    }

    if (issue.rule === "amount.text" && field === "amount") {
      const after = plainNumber(before);
      if (after === null || cellFixes.has(key)) continue;
      cellFixes.set(key, cellFix("number", grid.name, at, field, before, after));
      continue;
    }

    if ((issue.rule === "policy.amount-mismatch" || isEmptyAmount(issue, at, layout)) && !amountRows.has(at.row)) {
      if (field !== "amount") continue;
      amountRows.add(at.row);
      const { record } = readRow(grid.rows[at.row] ?? []);
      const program = programOf(record.program);
      if (!program) continue;
      const d = decide(program, record, options.pack, { today: options.today });
      // Only an exact standard for an eligible person: "at least"/"up to" leave the amount to the school.
      if (!d.eligible || d.amount === null || d.bound !== "exact") continue;
      const after = money(d.amount);
      if (before === after) continue;
      cellFixes.set(key, cellFix("amount", grid.name, at, field, before, after));
    }
  }

  appendAll(
    fixes,
    [...cellFixes.values()].sort((a, b) => a.row - b.row || a.col - b.col),
  );
  appendAll(fixes, textFormatFixes(grid, layout));
  return { fixes, unfixable };
}

/** ID, card, phone and 学籍号 columns with data cells not formatted as text. */
function textFormatFixes(grid: Grid, layout: RosterLayout): ColumnFix[] {
  const out: ColumnFix[] = [];
  if (layout.dataRows.length === 0) return out;
  const fromRow = layout.headerRows[layout.headerRows.length - 1] ?? 0;
  const toRow = maxOf(layout.dataRows);
  for (const c of layout.columns) {
    if (!IDENTIFIERS.has(c.field)) continue;
    if (layout.dataRows.every((r) => grid.formats.get(`${r},${c.col}`) === "@")) continue;
    out.push({
      kind: "text-format",
      sheet: grid.name,
      col: c.col,
      column: columnName(c.col),
      field: c.field,
      label: c.header || fieldLabel(c.field),
      fromRow,
      toRow,
    });
  }
  return out;
}

/** A copy of the grid with the fixes applied (for a new file); the original grid is not changed. */
export function applyFixesToGrid(grid: Grid, fixes: readonly Fix[]): Grid {
  const rows = grid.rows.map((r) => [...r]);
  const formats = new Map(grid.formats);
  for (const fix of fixes) {
    if (fix.sheet !== grid.name) continue;
    if (fix.kind === "text-format") {
      for (let r = fix.fromRow; r <= fix.toRow; r++) formats.set(`${r},${fix.col}`, "@");
      continue;
    }
    const row = rows[fix.row] ?? [];
    while (row.length <= fix.col) row.push(null);
    row[fix.col] = fix.after;
    rows[fix.row] = row;
    if (fix.asText) formats.set(`${fix.row},${fix.col}`, "@");
  }
  return { ...grid, rows, formats };
}

/** How many cells the fixes write (a column's format counts each of its cells). */
export function cellsTouched(fixes: readonly Fix[]): number {
  let n = 0;
  for (const f of fixes) n += f.kind === "text-format" ? f.toRow - f.fromRow + 1 : 1;
  return n;
}
