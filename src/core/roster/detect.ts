/**
 * Finding the roster in a sheet as finance staff lay it out: title rows above
 * ("XX学校2026年春季学期…花名册"), a header row — or two, with merged group cells (监护人 over
 * 姓名 / 身份证号) — then data rows, 合计 rows, and notes under the table (填表人、审核人…).
 */
import { cellAt, cellKey, type CellRange, type CellValue, type Grid } from "../grid/types";
import type { LedgerKind, RosterKind } from "../findings/types";
import { toHalfWidth } from "../text/normalize";
import { FIELDS, fieldLabel, type FieldKey } from "./fields";
import { resolveField, type Unit } from "./header";
import type { RowColumn } from "./record";

export interface RosterColumn {
  col: number;
  field: FieldKey;
  /** The header as the sheet shows it, with its group: "监护人 › 身份证号". */
  header: string;
  /** The raw header cell and its group cell (what normalizeRecord takes). */
  headerValue: string;
  group: string;
  unit: Unit;
}

export interface RosterLayout {
  sheet: string;
  /** 0-based rows that make the header (one, or two with group cells). */
  headerRows: number[];
  columns: RosterColumn[];
  /** Non-empty header cells that name no field. */
  unknownColumns: { col: number; header: string }[];
  /** 0-based rows holding people, in order. */
  dataRows: number[];
  /** 0-based 合计 / 小计 rows. */
  totalRows: number[];
  /** Data rows that are hidden in the sheet (reported, never skipped). */
  hiddenDataRows: number[];
  /** 0-based row where notes under the table begin, if any. */
  notesFrom: number | null;
  kind: RosterKind;
  /** The kind the columns and title say, whatever kind was asked for (a 帮扶 ledger stays one). */
  detected: RosterKind;
  /** The title above the header, if any. */
  title: string;
  /** Which column holds each field (the first, when several do). */
  fieldColumns: Partial<Record<FieldKey, number>>;
}

/**
 * The user's corrections to a sheet's header mapping, by 0-based column: a field reads that column
 * as the field (even when its header names none); null leaves a recognised column unused.
 */
export type ColumnOverrides = Record<number, FieldKey | null>;

export type DetectProblem = { code: "roster.header-missing"; sheet: string; scanned: number; best: number };

const MAX_HEADER_SCAN = 40;
/** Fields that make a row look like a roster header, beyond any two recognised columns. */
const IDENTITY: ReadonlySet<FieldKey> = new Set(["name", "idNumber", "studentNo", "account", "helperName"]);
/** Fields only teacher rosters have (乡村教师生活补助, 教职工救助): their 人员状态, 致困原因 … */
const TEACHER_ONLY: ReadonlySet<FieldKey> = new Set(FIELDS.filter((f) => f.audience === "teachers").map((f) => f.key));
const TOTAL = /^(合计|总计|小计|共计|合\s*计|总\s*计)/;
const NOTE_START =
  /^(备注|说明|注[:：]|注\d|填表人|制表人|填报人|审核人|审批人|负责人|经办人|校长|单位负责人|单位[(（]?盖章|填报单位|填表日期|制表日期|联系电话[:：]|学校[(（]|.{0,12}(盖章|签字|签名)[)）]?[:：])/;

/** Printable ASCII but space, 、 and CJK ideographs: NFKC-stable, no white space, so text() keeps it as is. */
const PLAIN_TEXT = /^[\x21-\x7e\u3001\u4e00-\u9fff]*$/;

function text(v: CellValue): string {
  if (typeof v === "string") return PLAIN_TEXT.test(v) ? v : toHalfWidth(v).replace(/\s+/g, "");
  if (typeof v === "number") return String(v);
  return "";
}

/** The merge covering a cell, if any. */
function mergeAt(merges: readonly CellRange[], row: number, col: number): CellRange | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** A cell's value, or the value of the merged range's top-left cell it belongs to. */
function mergedValue(grid: Grid, row: number, col: number): CellValue {
  const v = cellAt(grid, row, col);
  if (v !== null && v !== "") return v;
  const m = mergeAt(grid.merges, row, col);
  return m ? cellAt(grid, m.top, m.left) : v;
}

function rowWidth(grid: Grid, row: number): number {
  return grid.rows[row]?.length ?? 0;
}

interface Candidate {
  headerRows: number[];
  columns: RosterColumn[];
  unknown: { col: number; header: string }[];
  /** The raw header and group cells of the unknown columns, for an override that maps one. */
  unknownRaw: Map<number, { headerValue: string; group: string }>;
  score: number;
}

function shown(header: string, group: string): string {
  return group && group !== header ? `${group} › ${header}` : header;
}

/** Columns of a one-row header at `row`. */
function singleRow(grid: Grid, row: number): Candidate {
  const columns: RosterColumn[] = [];
  const unknown: { col: number; header: string }[] = [];
  const unknownRaw = new Map<number, { headerValue: string; group: string }>();
  for (let c = 0; c < rowWidth(grid, row); c++) {
    const v = cellAt(grid, row, c);
    const h = typeof v === "string" ? v : "";
    if (text(v) === "") continue;
    const r = resolveField(h);
    if (r) columns.push({ col: c, field: r.key, header: h.trim(), headerValue: h, group: "", unit: r.unit });
    else {
      unknown.push({ col: c, header: h.trim() || String(v) });
      unknownRaw.set(c, { headerValue: h || String(v), group: "" });
    }
  }
  return { headerRows: [row], columns, unknown, unknownRaw, score: scoreOf(columns) };
}

/**
 * Columns of a two-row header at `row`, `row + 1`: a cell of the upper row that is merged across
 * columns is a group (监护人); a cell merged down across both rows is a header on its own.
 */
function doubleRow(grid: Grid, row: number): Candidate {
  const columns: RosterColumn[] = [];
  const unknown: { col: number; header: string }[] = [];
  const unknownRaw = new Map<number, { headerValue: string; group: string }>();
  const width = Math.max(rowWidth(grid, row), rowWidth(grid, row + 1));
  for (let c = 0; c < width; c++) {
    const upper = mergedValue(grid, row, c);
    const lower = cellAt(grid, row + 1, c);
    const lowerMerged = mergeAt(grid.merges, row + 1, c);
    const lowerIsOwn = text(lower) !== "" && !(lowerMerged && lowerMerged.top < row + 1);
    const upperText = typeof upper === "string" ? upper : "";
    let r: ReturnType<typeof resolveField>;
    let header: string;
    let group = "";
    if (lowerIsOwn) {
      header = typeof lower === "string" ? lower : String(lower);
      group = upperText;
      r = resolveField(header, group);
      // A sub-header with no recognisable group ("金额" under "一补") is still itself.
      if (!r && group) {
        r = resolveField(header);
        if (r) group = "";
      }
    } else {
      header = upperText;
      r = text(upper) === "" ? null : resolveField(header);
    }
    if (text(header) === "") continue;
    if (r)
      columns.push({
        col: c,
        field: r.key,
        header: shown(header.trim(), group.trim()),
        headerValue: header,
        group,
        unit: r.unit,
      });
    else {
      unknown.push({ col: c, header: shown(header.trim(), group.trim()) });
      unknownRaw.set(c, { headerValue: header, group });
    }
  }
  return { headerRows: [row, row + 1], columns, unknown, unknownRaw, score: scoreOf(columns) };
}

/**
 * The header row's columns with the user's overrides applied: a mapped column takes the field
 * (keeping its header text), an ignored one joins the unknown columns. An override for a column
 * with no header cell is left out: the pane only offers the columns the header shows.
 */
function applyOverrides(best: Candidate, overrides: ColumnOverrides): Pick<Candidate, "columns" | "unknown"> {
  const columns = [...best.columns];
  const unknown = [...best.unknown];
  for (const [key, field] of Object.entries(overrides)) {
    const col = Number(key);
    if (!Number.isInteger(col) || col < 0) continue;
    const known = columns.findIndex((c) => c.col === col);
    const unknownAt = unknown.findIndex((c) => c.col === col);
    if (field === null) {
      const c = columns[known];
      if (!c) continue;
      columns.splice(known, 1);
      unknown.push({ col, header: c.header });
      continue;
    }
    if (field === undefined) continue;
    const c = columns[known];
    if (c) {
      columns[known] = { ...c, field, unit: c.field === field ? c.unit : null };
      continue;
    }
    const u = unknown[unknownAt];
    if (!u) continue;
    unknown.splice(unknownAt, 1);
    const raw = best.unknownRaw.get(col) ?? { headerValue: u.header, group: "" };
    columns.push({ col, field, header: u.header, headerValue: raw.headerValue, group: raw.group, unit: null });
  }
  columns.sort((a, b) => a.col - b.col);
  unknown.sort((a, b) => a.col - b.col);
  return { columns, unknown };
}

/**
 * The columns as rowReader takes them. rowReader resolves each header again, so a column the user
 * mapped by hand passes its field's Chinese name instead of a header that names another field or none.
 */
export function readerColumns(layout: RosterLayout): RowColumn[] {
  return layout.columns.map((c) =>
    resolveField(c.headerValue, c.group)?.key === c.field
      ? { col: c.col, header: c.headerValue, group: c.group }
      : { col: c.col, header: fieldLabel(c.field), group: "" },
  );
}

function scoreOf(columns: RosterColumn[]): number {
  const fields = new Set(columns.map((c) => c.field));
  let score = fields.size;
  for (const f of fields) if (IDENTITY.has(f)) score += 2;
  return score;
}

function isEmptyRow(grid: Grid, row: number): boolean {
  const cells = grid.rows[row];
  return !cells || cells.every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

function firstTexts(grid: Grid, row: number, n: number): string[] {
  const out: string[] = [];
  for (const v of grid.rows[row] ?? []) {
    const t = text(v);
    if (t !== "") out.push(t);
    if (out.length >= n) break;
  }
  return out;
}

/** A row's texts joined, to recognise a header repeated further down. */
function rowKey(grid: Grid, row: number): string {
  return (grid.rows[row] ?? []).map(text).join("|");
}

function nonEmptyCount(grid: Grid, row: number): number {
  let n = 0;
  for (const v of grid.rows[row] ?? []) if (text(v) !== "") n++;
  return n;
}

const LEDGER_KINDS: ReadonlySet<RosterKind> = new Set<RosterKind>(["pairs", "records", "scores"]);

/** Whether a kind is one of the 帮扶 ledgers' (pairs, records, scores) rather than an aid roster's. */
export function isLedgerKind(kind: RosterKind | undefined): kind is LedgerKind {
  return kind !== undefined && LEDGER_KINDS.has(kind);
}

/** A 帮扶 sheet, by its columns: records are dated, a ledger names helpers, a score sheet has scores or ranks. */
function ledgerKind(fields: Partial<Record<FieldKey, number>>, title: string): LedgerKind | null {
  const has = (k: FieldKey): boolean => fields[k] !== undefined;
  // An aid roster stays one whatever else it lists (a 帮扶责任人 column, 成绩, 排名 …): the columns of
  // payment and eligibility are never a ledger's.
  if (ROSTER_SIGNALS.some(has)) return null;
  const person = has("helperName") || has("name");
  if (has("recordDate") && person && (has("helperName") || has("recordType") || has("content"))) return "records";
  // Both terms' scores or ranks make a score sheet, even with its 帮扶教师 column; money makes a roster.
  if (has("name") && !has("amount") && (has("score") || has("rank")) && (has("lastScore") || has("lastRank")))
    return "scores";
  // A helper column alone is not a ledger (rosters carry a 帮扶责任人): a ledger says more of the pairing.
  const pairing = LEDGER_SIGNALS.some(has) || /帮扶|帮联|结对|学困/.test(title);
  if (has("helperName") && (has("name") || has("idNumber")) && pairing) return "pairs";
  return null;
}

/** Columns only aid rosters have: payment, eligibility and program. */
const ROSTER_SIGNALS: readonly FieldKey[] = [
  "program",
  "account",
  "bank",
  "holder",
  "guardianName",
  "guardianId",
  "boarding",
  "tier",
  "hardshipLevel",
  "verified",
  "proof",
  "days",
  "destination",
  "debt",
  "cause",
];
/** Columns that say a sheet is about the pairing itself. */
const LEDGER_SIGNALS: readonly FieldKey[] = [
  "helperUnit",
  "helperTitle",
  "helperPhone",
  "pairMode",
  "visits",
  "registered",
  "reason",
];

function rosterKind(title: string, sheet: string, columns: readonly RosterColumn[]): RosterKind {
  if (/公示/.test(title + sheet)) return "notice";
  return columns.some((c) => TEACHER_ONLY.has(c.field)) ? "teachers" : "students";
}

/**
 * A one-row ledger header names the helper's block and the student's by position: 帮扶人 | 单位 |
 * 职务 | 联系电话 | 帮扶对象 | 身份证号 | 学校. The unit and phone after 帮扶人 (before the student's
 * name) are the helper's; after the student's name, the student's.
 */
function helperBlock(columns: readonly RosterColumn[]): RosterColumn[] {
  if (!columns.some((c) => c.field === "helperName") || columns.some((c) => c.group !== "")) return [...columns];
  const taken = new Set(columns.map((c) => c.field));
  let inHelper = false;
  return columns.map((c) => {
    if (c.field === "helperName") inHelper = true;
    else if (c.field === "name" || c.field === "idNumber") inHelper = false;
    const mapped = inHelper ? HELPER_OWN[c.field] : undefined;
    if (!mapped || (taken.has(mapped) && c.field !== mapped)) return c;
    taken.add(mapped);
    return { ...c, field: mapped };
  });
}
const HELPER_OWN: Partial<Record<FieldKey, FieldKey>> = { school: "helperUnit", phone: "helperPhone" };

export function detectRoster(
  grid: Grid,
  options: { kind?: RosterKind; overrides?: ColumnOverrides } = {},
): { ok: true; value: RosterLayout } | { ok: false; problem: DetectProblem } {
  const scan = Math.min(grid.rows.length, MAX_HEADER_SCAN);
  let best: Candidate | null = null;
  for (let r = 0; r < scan; r++) {
    if (isEmptyRow(grid, r)) continue;
    const one = singleRow(grid, r);
    const candidates = [one];
    // A two-row header only when the upper row has a cell merged across columns (a group) or
    // merged down onto the next row.
    // A title merged across the table is one cell; a group row has several.
    const hasGroup =
      nonEmptyCount(grid, r) >= 2 &&
      grid.merges.some((m) => m.top === r && (m.right > m.left || m.bottom > m.top) && m.bottom <= r + 1);
    if (hasGroup && r + 1 < grid.rows.length) candidates.push(doubleRow(grid, r));
    for (const c of candidates) if (!best || c.score > best.score) best = c;
  }
  const fields = new Set(best?.columns.map((c) => c.field));
  const hasIdentity = [...fields].some((f) => IDENTITY.has(f));
  if (!best || fields.size < 2 || !hasIdentity) {
    return {
      ok: false,
      problem: { code: "roster.header-missing", sheet: grid.name, scanned: scan, best: fields.size },
    };
  }

  // The header row is found as without overrides; the overrides then decide what each column is.
  const found = { ...best, columns: helperBlock(best.columns) };
  const { columns, unknown } = options.overrides ? applyOverrides(found, options.overrides) : found;
  const headerEnd = best.headerRows[best.headerRows.length - 1] ?? 0;
  const title = (() => {
    for (let r = 0; r < (best.headerRows[0] ?? 0); r++) {
      const t = firstTexts(grid, r, 1)[0];
      if (t) return t;
    }
    return "";
  })();

  const dataRows: number[] = [];
  const totalRows: number[] = [];
  const hiddenDataRows: number[] = [];
  let notesFrom: number | null = null;
  const identityCols = columns.filter((c) => IDENTITY.has(c.field)).map((c) => c.col);
  /** Columns whose value alone does not make a person: 序号 and amounts (pre-numbered blank rows, formula zeros). */
  const weakCols = new Set(columns.filter((c) => c.field === "serial" || c.field === "amount").map((c) => c.col));
  const headerRow = best.headerRows[best.headerRows.length - 1] ?? 0;
  const headerKey = rowKey(grid, headerRow);
  const headerFirstCol = Math.max(
    0,
    (grid.rows[headerRow] ?? []).findIndex((v) => text(v) !== ""),
  );
  const headerFirstText = text(cellAt(grid, headerRow, headerFirstCol));
  const personAt = (r: number): boolean => identityCols.some((c) => text(cellAt(grid, r, c)) !== "");
  const lastIdentityRow = (() => {
    for (let r = grid.rows.length - 1; r > headerEnd; r--) if (personAt(r)) return r;
    return headerEnd;
  })();
  for (let r = headerEnd + 1; r < grid.rows.length; r++) {
    if (isEmptyRow(grid, r)) continue;
    const first = firstTexts(grid, r, 2).join("");
    if (TOTAL.test(first)) {
      totalRows.push(r);
      continue;
    }
    // A header repeated on a new page.
    // (Compare the first header cell before building the whole row's key: most rows differ there.)
    if (text(cellAt(grid, r, headerFirstCol)) === headerFirstText && rowKey(grid, r) === headerKey) continue;
    const identityGiven = personAt(r);
    if (!identityGiven) {
      // A row with only 序号/amounts (a blank template row) is no person either.
      const looksLikeNote =
        NOTE_START.test(first) || (nonEmptyCount(grid, r) === 1 && dataRows.length > 0 && first.length > 12);
      if (looksLikeNote) {
        // A section label inside the table ("二、非寄宿生") is followed by more people: skip it.
        if (r < lastIdentityRow) continue;
        notesFrom = r;
        break;
      }
      const meaningful = (grid.rows[r] ?? []).some((v, c) => !weakCols.has(c) && text(v) !== "");
      if (!meaningful) continue;
    }
    dataRows.push(r);
    if (grid.hiddenRows.has(r)) hiddenDataRows.push(r);
  }

  const fieldColumns: Partial<Record<FieldKey, number>> = {};
  for (const c of columns) fieldColumns[c.field] ??= c.col;
  const detected: RosterKind =
    ledgerKind(fieldColumns, `${title}${grid.name}`) ?? rosterKind(title, grid.name, columns);
  const kind: RosterKind = options.kind ?? detected;

  return {
    ok: true,
    value: {
      sheet: grid.name,
      headerRows: best.headerRows,
      columns,
      unknownColumns: unknown,
      dataRows,
      totalRows,
      hiddenDataRows,
      notesFrom,
      kind,
      detected,
      title,
      fieldColumns,
    },
  };
}

/** Whether a cell is formatted as text ("@"), so a long number typed into it stays exact. */
export function isTextFormatted(grid: Grid, row: number, col: number): boolean {
  return grid.formats.get(cellKey(row, col)) === "@";
}
