/**
 * 校验凭证 (the seal): after a roster passes the check, a very-hidden sheet records what was
 * checked — the policy pack, when, how many rows, the totals per program — and a SHA-256 digest of
 * the workbook as it was (digest.ts, "zizhu-digest/3"): every sheet's name, order, visibility and
 * values, the roster's hidden rows and columns, and what the seal itself states. `verifySeal`
 * later tells whether the workbook is still exactly that and, if not, what kind of change it
 * found: a sheet added, removed, renamed, moved, hidden or shown; values changed; roster rows or
 * columns hidden or shown; the seal sheet unhidden; its readable rows edited. Formatting (styles,
 * widths, number formats, merges, notes) is outside the digest. The digest keeps a formula's text,
 * not its result, so verifySeal also recomputes the people rows and the totals per program the
 * seal records, as buildSeal computed them (tally), and says when they differ ("totals").
 *
 * Seals of the first format, zizhu-seal/1 (digest "zizhu-digest/2": the roster's values only), are
 * still verified the old way, and the verdict says what such a seal does not cover.
 *
 * This is an INTEGRITY CHECK, NOT A SIGNATURE: it detects edits made after sealing, by mistake or
 * otherwise, but anyone with this tool can edit the roster and seal it again. It proves nothing
 * about who sealed it.
 */
import { checkWorkbook } from "../check/check";
import type { CivilDate } from "../date/civil";
import { cellKey, columnName, makeGrid, type CellValue, type Grid, type WorkbookData } from "../grid/types";
import { maskCard, maskId } from "../mask";
import type { Pack } from "../policy";
import type { Report, RosterKind } from "../report/types";
import { detectRoster, readerColumns, type ColumnOverrides } from "../roster/detect";
import { isDateFormat } from "../privacy/birth";
import { fail, ok, type Result } from "../result";
import {
  WORKBOOK_DIGEST_FORMAT,
  rosterDigest,
  workbookDigest,
  workbookDigestParts,
  type WorkbookDigestParts,
} from "./digest";
import { rowReader } from "../roster";
import { findRosterSource, personRows, sourceProblemText, type PersonRow, type RosterSource } from "./source";
import { emptySpec, type BuildProblem, type BuiltSheet, type SheetSpec } from "./spec";
import { STYLE } from "./styles";

export const SEAL_SHEET = "校验凭证";
/** The format buildSeal writes: the workbook digest "zizhu-digest/3" and what it covered. */
export const SEAL_FORMAT = "zizhu-seal/2";
/** The first format: its digest ("zizhu-digest/2") covers the roster sheet's values only. */
export const LEGACY_SEAL_FORMAT = "zizhu-seal/1";
/** Column A label of the row whose column B holds the whole seal as JSON (what readSeal parses). */
export const SEAL_JSON_LABEL = "凭证数据（JSON）";

export interface SealTotal {
  /** The program's name as the pack names it; "（未注明项目）" for rows without one. */
  program: string;
  count: number;
  /** 元. */
  amount: number;
}

export type SheetState = Grid["state"];

/** A sheet of the workbook as sealed (the seal sheet itself is never listed). */
export interface SealedSheet {
  name: string;
  state: SheetState;
  /** The first 16 hex digits of the sheet's "zizhu-digest/2" digest: tells which sheet's values changed. */
  content: string;
}

/**
 * What the digest covered, in the clear, so that verifySeal can say what changed. The digest
 * decides; this only explains (and must agree with the workbook whenever the digest does).
 */
export interface SealCoverage {
  /** Every sheet but the seal sheet, in tab order. */
  sheets: SealedSheet[];
  /** The roster's hidden rows inside its data, as 1-based row numbers and ranges: "5,9-12"; "" for none. */
  hiddenRows: string;
  /** The roster's hidden columns inside its data, as letters and ranges: "C,F-H"; "" for none. */
  hiddenColumns: string;
}

interface SealFields {
  pack: { id: string; version: string };
  /** ISO 8601 with offset, e.g. 2026-11-28T10:30:00+08:00. */
  sealedAt: string;
  /** The zizhu version that sealed. */
  tool: string;
  /** The roster sheet. */
  sheet: string;
  /** People rows (data rows) of the roster. */
  rows: number;
  totals: SealTotal[];
  /** Sum of all amounts, 元. */
  total: number;
  digest: string;
  algorithm: "SHA-256";
}

/** What a seal states, before its digest. */
type SealStatement = Omit<SealFields, "digest" | "algorithm">;

/** A seal as buildSeal makes it now. */
export interface Seal extends SealFields {
  format: typeof SEAL_FORMAT;
  digestFormat: typeof WORKBOOK_DIGEST_FORMAT;
  coverage: SealCoverage;
  /**
   * The roster's column overrides the seal was made with (SealOptions.columnOverrides for its
   * sheet), when there were any: verifySeal reads the roster with them to recompute the totals.
   */
  columns?: ColumnOverrides;
}

/** A seal of the first format: `digest` is the roster sheet's "zizhu-digest/2" digest. */
export interface LegacySeal extends SealFields {
  format: typeof LEGACY_SEAL_FORMAT;
}

/** What readSeal may find in a workbook. */
export type StoredSeal = Seal | LegacySeal;

export interface SealOptions {
  pack: Pack;
  today: CivilDate;
  /** The sealing time, ISO 8601 with offset (passed in: builders are deterministic). */
  now: string;
  /** The zizhu version. */
  tool: string;
  sheet?: string;
  kind?: RosterKind;
  program?: string;
  enrolled?: number;
  columnOverrides?: Record<string, ColumnOverrides>;
  /**
   * Sheets the host writes together with the seal, after the workbook's own (a recipe's
   * 花名册（格式化）, 汇总表…), as a reader will read them back (gridsAsWritten): covered by the
   * digest, as they will be in the file, but not checked.
   */
  alsoWritten?: readonly Grid[];
}

export type SealProblem = BuildProblem & { report?: Report };

/**
 * Why a writer refused to replace a sheet named like ours: it is not our very hidden seal. The
 * writers (the adapters) never delete a user's sheet.
 */
export function sheetConflictMessage(name: string): string {
  return `工作簿中已有名为“${name}”的工作表，不是资助助手写入的凭证，未覆盖；请改名后再试`;
}

/**
 * Thrown by the adapters' writers when `replace` meets a sheet that is not our seal (message:
 * sheetConflictMessage). Callers catch it and show the message; nothing was written.
 */
export class SheetConflictError extends Error {
  readonly sheet: string;
  constructor(sheet: string) {
    super(sheetConflictMessage(sheet));
    this.name = "SheetConflictError";
    this.sheet = sheet;
  }
}

const NO_PROGRAM = "（未注明项目）";

/** Sums in whole fen so that 0.1 + 0.2 stays 0.3. */
const fen = (yuan: number) => Math.round(yuan * 100);

const STATE_WORD: Readonly<Record<SheetState, string>> = { visible: "可见", hidden: "隐藏", veryHidden: "深度隐藏" };

const NOTE_LEGACY =
  "资助助手生成的校验凭证：记录花名册校验通过时的内容摘要，用于发现校验之后的改动。这是完整性校验，不是电子签名：任何人都可以修改花名册后重新生成凭证。请勿手工修改本表。";
const NOTE =
  "资助助手生成的校验凭证：记录花名册校验通过时工作簿的内容摘要（全部工作表的名称、顺序、可见性和内容，花名册中隐藏的行和列，以及本凭证所记的人数和金额；不含格式），用于发现校验之后的改动。这是完整性校验，不是电子签名：任何人都可以修改花名册后重新生成凭证。请勿手工修改本表。";

/** The longest hidden-rows or hidden-columns text a seal keeps; beyond it, the first ranges and the count. */
const MAX_LIST_TEXT = 500;

/** "5,9-12" from 0-based indexes (ascending), `label` naming each; cut near MAX_LIST_TEXT, with the count. */
function rangesText(indexes: readonly number[], label: (i: number) => string, unit: string): string {
  const parts: string[] = [];
  for (let i = 0; i < indexes.length; i++) {
    const from = indexes[i] as number;
    let to = from;
    while (indexes[i + 1] === to + 1) to = indexes[++i] as number;
    parts.push(from === to ? label(from) : `${label(from)}-${label(to)}`);
  }
  const full = parts.join(",");
  if (full.length <= MAX_LIST_TEXT) return full;
  let cut = "";
  for (const part of parts) {
    if (cut.length + part.length + 1 > MAX_LIST_TEXT) break;
    cut = cut === "" ? part : `${cut},${part}`;
  }
  return `${cut},…（共 ${indexes.length} ${unit}）`;
}

const rowsText = (rows: readonly number[]) => rangesText(rows, (r) => String(r + 1), "行");
const columnsText = (cols: readonly number[]) => rangesText(cols, columnName, "列");

/** The coverage of digest parts, for the seal's JSON and readable rows. */
function coverageOf(parts: WorkbookDigestParts): SealCoverage {
  return {
    sheets: parts.sheets.map((s) => ({ name: s.name, state: s.state, content: s.content.slice(0, 16) })),
    hiddenRows: rowsText(parts.hiddenRows),
    hiddenColumns: columnsText(parts.hiddenColumns),
  };
}

/**
 * What the seal states, as the one-line JSON the workbook digest covers (digest.ts, STATEMENT):
 * [pack id, pack version, sealedAt, tool, rows, [[program, count, amount]…], total]. The roster's
 * name is covered by the digest's roster line.
 */
export function sealStatement(seal: SealStatement): string {
  return JSON.stringify([
    seal.pack.id,
    seal.pack.version,
    seal.sealedAt,
    seal.tool,
    seal.rows,
    seal.totals.map((t) => [t.program, t.count, t.amount]),
    seal.total,
  ]);
}

/** The digest parts of `wb` for this seal: its roster, its statement, the seal sheet left out. */
function partsFor(wb: WorkbookData, seal: SealStatement): WorkbookDigestParts {
  return workbookDigestParts(wb, { roster: seal.sheet, leaveOut: SEAL_SHEET, statement: sealStatement(seal) });
}

/** The seal sheet's rows below its title, as labels (column A) and values (column B). */
function sealRows(seal: StoredSeal): [string, string | number][] {
  const current = seal.format === SEAL_FORMAT;
  const coverage: [string, string][] = current
    ? [
        [
          "覆盖的工作表（不含本表）",
          seal.coverage.sheets.map((s) => `${s.name}（${STATE_WORD[s.state]}）`).join("、") || "无",
        ],
        ["花名册中隐藏的行", seal.coverage.hiddenRows || "无"],
        ["花名册中隐藏的列", seal.coverage.hiddenColumns || "无"],
        ["摘要格式", seal.digestFormat],
      ]
    : [];
  return [
    ["说明", current ? NOTE : NOTE_LEGACY],
    ["格式", seal.format],
    ["政策包", `${seal.pack.id} ${seal.pack.version}`],
    ["校验时间", seal.sealedAt],
    ["工具版本", `资助助手 ${seal.tool}`],
    ["花名册工作表", seal.sheet],
    ["人数（行）", seal.rows],
    ...seal.totals.flatMap((t): [string, number][] => [
      [`${t.program} 人数`, t.count],
      [`${t.program} 金额（元）`, t.amount],
    ]),
    ["金额合计（元）", seal.total],
    ...coverage,
    ["摘要算法", seal.algorithm],
    ["内容摘要", seal.digest],
    [SEAL_JSON_LABEL, JSON.stringify(seal)],
  ];
}

/**
 * The 校验凭证 sheet's cells for a seal of either format: the title row, then one label/value row
 * per statement — what the writers write and what verifySeal expects to read back.
 */
export function sealSheetRows(seal: StoredSeal): CellValue[][] {
  return [[SEAL_SHEET, null], ...sealRows(seal).map(([k, v]): CellValue[] => [k, v])];
}

function sealSpec(seal: Seal): SheetSpec {
  const spec = emptySpec(SEAL_SHEET, "seal");
  const all = sealSheetRows(seal);
  const last = all.length - 1;
  return {
    ...spec,
    rows: all,
    styles: {
      title: STYLE.title,
      label: { ...STYLE.cell, font: { ...STYLE.cell.font, bold: true } },
      value: { ...STYLE.cell, numFmt: "@", wrap: true },
    },
    styleRanges: [
      { range: { top: 0, left: 0, bottom: 0, right: 1 }, style: "title" },
      { range: { top: 1, left: 0, bottom: last, right: 0 }, style: "label" },
      { range: { top: 1, left: 1, bottom: last, right: 1 }, style: "value" },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    columnWidths: [24, 80],
    state: "veryHidden",
  };
}

/**
 * The sheets a file writer (src/adapters/xlsx addSpecToWorkbook; add-in formulas as their values
 * unless `addinFormulas`) adds to `wb` for these specs, as a reader reads them back: the name it
 * gives ("名称 (2)"… when taken, names compared ignoring case, as Excel does), the state, the values
 * and the formulas it writes. Seal specs are left out (they replace our older seal). A recipe seals
 * the workbook it is about to write by passing these as SealOptions.alsoWritten.
 */
export function gridsAsWritten(
  wb: WorkbookData,
  specs: readonly SheetSpec[],
  options: { addinFormulas?: boolean } = {},
): Grid[] {
  const taken = new Set(wb.sheets.map((g) => g.name.toLowerCase()));
  const out: Grid[] = [];
  for (const spec of specs) {
    if (spec.kind === "seal") continue;
    let name = spec.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${spec.name} (${n})`;
    taken.add(name.toLowerCase());
    const formulas = new Map<string, string>();
    for (const [key, f] of spec.formulas) if (!f.addin || options.addinFormulas === true) formulas.set(key, f.text);
    out.push(
      makeGrid(
        name,
        spec.rows.map((row) => [...row]),
        { formulas, state: spec.state },
      ),
    );
  }
  return out;
}

/** The people rows, totals per program and sum a seal records. */
type Tally = Pick<SealFields, "rows" | "totals" | "total">;

/**
 * What a seal records of the roster's people: the rows, and per program (as `people` assign them)
 * the count and amount, summed in fen. buildSeal records it; verifySeal recomputes it.
 */
function tally(source: RosterSource, people: readonly Pick<PersonRow, "record" | "program">[]): Tally {
  const byProgram = new Map<string, { count: number; fen: number }>();
  let totalFen = 0;
  for (const p of people) {
    const name = p.program?.name ?? NO_PROGRAM;
    const t = byProgram.get(name) ?? { count: 0, fen: 0 };
    const amount = fen(p.record.amount ?? 0);
    t.count += 1;
    t.fen += amount;
    totalFen += amount;
    byProgram.set(name, t);
  }
  return {
    rows: source.layout.dataRows.length,
    totals: [...byProgram].map(([program, t]) => ({ program, count: t.count, amount: t.fen / 100 })),
    total: totalFen / 100,
  };
}

/**
 * Checks the workbook and, when it has no errors, makes the seal of the workbook (the roster
 * sheet's values, every sheet's name, order, visibility and values, the roster's hidden rows and
 * columns) and the very-hidden 校验凭证 sheet to write. With errors: a problem carrying the report
 * (nothing to write).
 */
export function buildSeal(
  wb: WorkbookData,
  options: SealOptions,
): Result<{ seal: Seal; built: BuiltSheet; report: Report }, SealProblem> {
  const found = findRosterSource(wb, options);
  if (!found.ok) return fail({ code: found.problem.code, message: sourceProblemText(found.problem) });
  const source = found.value;
  const { report } = checkWorkbook(wb, {
    pack: options.pack,
    today: options.today,
    sheet: source.grid.name,
    kind: options.kind,
    program: options.program,
    enrolled: options.enrolled,
    columnOverrides: options.columnOverrides,
  });
  if (!report.valid) {
    return fail({
      code: "seal.has-errors",
      message: `工作表“${source.grid.name}”有 ${report.stats.errors} 个错误，未写入校验凭证。请按校验结果逐条修改（zizhu check 或任务窗格“校验”），没有错误后再生成校验凭证。`,
      report,
    });
  }
  const tallied = tally(source, personRows(source, options.pack, options.program));
  const statement: SealStatement = {
    pack: { id: options.pack.id, version: options.pack.version },
    sealedAt: options.now,
    tool: options.tool,
    sheet: source.grid.name,
    ...tallied,
  };
  const columns = options.columnOverrides?.[source.grid.name];
  const written: WorkbookData = { ...wb, sheets: [...wb.sheets, ...(options.alsoWritten ?? [])] };
  const parts = partsFor(written, statement);
  const seal: Seal = {
    format: SEAL_FORMAT,
    digestFormat: WORKBOOK_DIGEST_FORMAT,
    ...statement,
    coverage: coverageOf(parts),
    ...(columns !== undefined ? { columns } : {}),
    digest: workbookDigest(parts),
    algorithm: "SHA-256",
  };
  const notes = [
    `已为工作表“${seal.sheet}”生成校验凭证（深度隐藏的工作表“${SEAL_SHEET}”）：${seal.rows} 行，金额合计 ${seal.total.toFixed(2)} 元。之后改动花名册的值，增删、改名、移动、隐藏或显示任何工作表，或隐藏、显示花名册的行列，都会被 zizhu verify 发现（格式不在校验范围内）；这是完整性校验，不是电子签名。`,
  ];
  return ok({ seal, built: { spec: sealSpec(seal), notes }, report });
}

export type ReadSealProblem = { code: "seal.missing" | "seal.unreadable"; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const STATES: readonly unknown[] = ["visible", "hidden", "veryHidden"];

/** What is wrong with the coverage of a zizhu-seal/2 seal, or null. */
function coverageProblem(v: unknown): string | null {
  if (!isObject(v)) return "缺少覆盖范围";
  const sheets = v["sheets"];
  if (
    !Array.isArray(sheets) ||
    !sheets.every(
      (s) =>
        isObject(s) &&
        typeof s["name"] === "string" &&
        STATES.includes(s["state"]) &&
        typeof s["content"] === "string" &&
        /^[0-9a-f]{16}$/.test(s["content"]),
    )
  )
    return "工作表列表不完整";
  if (typeof v["hiddenRows"] !== "string" || typeof v["hiddenColumns"] !== "string") return "缺少隐藏的行列";
  return null;
}

/** What is wrong with a parsed seal, or null when it has every field with the right type. */
function sealShapeProblem(v: unknown): string | null {
  if (!isObject(v)) return "不是对象";
  const format = v["format"];
  if (format !== SEAL_FORMAT && format !== LEGACY_SEAL_FORMAT)
    return `格式应为 ${SEAL_FORMAT}（或旧版 ${LEGACY_SEAL_FORMAT}），实际为 ${String(format)}`;
  const pack = v["pack"];
  if (!isObject(pack) || typeof pack["id"] !== "string" || typeof pack["version"] !== "string") return "缺少政策包";
  for (const key of ["sealedAt", "tool", "sheet"] as const) if (typeof v[key] !== "string") return `缺少 ${key}`;
  for (const key of ["rows", "total"] as const) if (typeof v[key] !== "number") return `缺少 ${key}`;
  const totals = v["totals"];
  if (
    !Array.isArray(totals) ||
    !totals.every(
      (t) =>
        isObject(t) &&
        typeof t["program"] === "string" &&
        typeof t["count"] === "number" &&
        typeof t["amount"] === "number",
    )
  )
    return "项目合计不完整";
  if (v["algorithm"] !== "SHA-256") return "摘要算法不是 SHA-256";
  if (typeof v["digest"] !== "string" || !/^[0-9a-f]{64}$/.test(v["digest"])) return "内容摘要不是 64 位十六进制";
  if (format === SEAL_FORMAT) {
    if (v["digestFormat"] !== WORKBOOK_DIGEST_FORMAT)
      return `摘要格式应为 ${WORKBOOK_DIGEST_FORMAT}，实际为 ${String(v["digestFormat"])}`;
    const coverage = coverageProblem(v["coverage"]);
    if (coverage !== null) return coverage;
    const columns = v["columns"];
    if (
      columns !== undefined &&
      (!isObject(columns) || !Object.values(columns).every((f) => f === null || typeof f === "string"))
    )
      return "列对应关系不完整";
  }
  return null;
}

function sealSheet(wb: WorkbookData): Grid | undefined {
  return wb.sheets.find((s) => s.name === SEAL_SHEET);
}

/** The seal stored in the workbook's 校验凭证 sheet (either format). */
export function readSeal(wb: WorkbookData): Result<StoredSeal, ReadSealProblem> {
  const grid = sealSheet(wb);
  if (!grid) return fail({ code: "seal.missing", message: `工作簿中没有“${SEAL_SHEET}”工作表` });
  const r = grid.rows.findIndex((row) => row[0] === SEAL_JSON_LABEL);
  if (r < 0)
    return fail({
      code: "seal.unreadable",
      message: `“${SEAL_SHEET}”工作表中找不到“${SEAL_JSON_LABEL}”一行（A 列），凭证已损坏`,
    });
  const text = grid.rows[r]?.[1];
  const where = `“${SEAL_SHEET}”工作表 B${r + 1} 单元格`;
  if (typeof text !== "string") return fail({ code: "seal.unreadable", message: `${where}没有凭证数据` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail({ code: "seal.unreadable", message: `${where}的凭证数据不是有效的 JSON` });
  }
  const shape = sealShapeProblem(parsed);
  if (shape !== null) return fail({ code: "seal.unreadable", message: `${where}的凭证数据不完整：${shape}` });
  return ok(parsed as StoredSeal);
}

/** The kinds of change verifySeal tells apart (findings are data: the message is rendered from these). */
export type SealChangeKind =
  /** The 校验凭证 sheet is no longer very hidden. */
  | "seal-unhidden"
  /** The 校验凭证 sheet's readable rows disagree with its JSON row, or it holds something else. */
  | "seal-edited"
  /** The seal's own data (totals, pack, time…) no longer match its digest. */
  | "seal-data"
  | "roster-missing"
  | "roster-content"
  | "sheet-added"
  | "sheet-removed"
  | "sheet-renamed"
  | "sheet-state"
  | "sheet-order"
  | "sheet-content"
  | "hidden-rows"
  | "hidden-columns"
  /** Only date cells differ, by the 1900/1904 date systems' 1462 days. */
  | "date-system"
  /**
   * The people rows or amounts the seal records differ from the roster's now, though the digest
   * matches: a formula's result changed (the digest keeps formulas, not their results).
   */
  | "totals";

export interface SealChange {
  kind: SealChangeKind;
  /** Chinese, naming the sheet or row; sheet names masked, never a cell's value. */
  message: string;
  /** The sheet concerned (as it is named now, when it still exists). */
  sheet?: string;
}

export interface SealVerdict {
  status: "unchanged" | "modified" | "unsealed";
  seal?: StoredSeal;
  /** The verdict in Chinese, starting with 已校验且未改动 / 校验后已修改 / 未校验. */
  message: string;
  /** What differs, or why the seal could not be read. */
  detail?: string;
  /** What changed since sealing, kind by kind ([] when unchanged or unsealed). */
  changes: SealChange[];
}

/** Days between the 1900 and 1904 date systems' serials of the same date. */
const DATE1904_DAYS = 1462;

/** The grid with every date-formatted number moved by `days`. */
function shiftDates(grid: Grid, days: number): Grid {
  const rows = grid.rows.map((row, r) =>
    row.map((v, c) => (typeof v === "number" && isDateFormat(grid.formats.get(cellKey(r, c))) ? v + days : v)),
  );
  return { ...grid, rows };
}

function hasDates(grid: Grid): boolean {
  for (const [key, format] of grid.formats) {
    if (!isDateFormat(format)) continue;
    const [r, c] = key.split(",").map(Number);
    if (typeof grid.rows[r ?? -1]?.[c ?? -1] === "number") return true;
  }
  return false;
}

/**
 * Whether `digestOf` matches once date cells are moved between the 1900 and 1904 date systems: a
 * 1904-system workbook sealed by one host and read by another (the add-in gives stored serials, a
 * file library converts them), not an edit.
 */
function onlyDateSystemDiffers(grids: readonly Grid[], digestOf: (shifted: (g: Grid) => Grid) => boolean): boolean {
  if (!grids.some(hasDates)) return false;
  return [DATE1904_DAYS, -DATE1904_DAYS].some((days) => digestOf((g) => shiftDates(g, days)));
}

/** Runs of 7+ digits (an ID, a card, a phone) in a sheet name, masked: messages never carry them. */
const LONG_DIGITS = /\d{7,}[Xx]?/g;
function quoted(name: string): string {
  const shown = name.replace(LONG_DIGITS, (run) =>
    run.length === 15 || run.length === 18 ? maskId(run) : maskCard(run),
  );
  return `“${shown}”`;
}

/** A cell as text, for comparing the seal sheet's readable rows with its data (the add-in may store numbers as text). */
function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** The seal sheet: very hidden, and holding exactly the rows the seal's data gives. */
function sealSheetChanges(grid: Grid, seal: StoredSeal): SealChange[] {
  const changes: SealChange[] = [];
  if (grid.state !== "veryHidden")
    changes.push({
      kind: "seal-unhidden",
      sheet: SEAL_SHEET,
      message: `“${SEAL_SHEET}”工作表已被取消深度隐藏（现为${STATE_WORD[grid.state]}）`,
    });
  const expected = sealSheetRows(seal).map(([label, value]): [string, CellValue] => [cellText(label), value ?? null]);
  const wanted = new Set(expected.map(([label]) => label));
  const seen = new Map<string, CellValue>();
  const extra: number[] = [];
  grid.rows.forEach((row, r) => {
    const label = cellText(row[0]);
    const beyond = row.some((v, c) => c > 1 && cellText(v) !== "");
    if (label === "") {
      if (beyond || cellText(row[1]) !== "") extra.push(r);
      return;
    }
    if (!wanted.has(label) || seen.has(label)) {
      extra.push(r);
      return;
    }
    seen.set(label, row[1] ?? null);
    if (beyond) extra.push(r);
  });
  const missing = expected.filter(([label]) => !seen.has(label)).map(([label]) => label);
  const differ = expected
    .filter(([label, value]) => seen.has(label) && cellText(seen.get(label)) !== cellText(value))
    .map(([label]) => label);
  const labels = (list: string[]) => list.map((l) => `“${l}”`).join("");
  if (differ.length > 0)
    changes.push({ kind: "seal-edited", sheet: SEAL_SHEET, message: `校验凭证上的${labels(differ)}与凭证数据不一致` });
  if (missing.length > 0)
    changes.push({ kind: "seal-edited", sheet: SEAL_SHEET, message: `校验凭证上缺少${labels(missing)}一行` });
  if (extra.length > 0)
    changes.push({
      kind: "seal-edited",
      sheet: SEAL_SHEET,
      message: `校验凭证上有凭证数据之外的内容（第 ${extra.map((r) => r + 1).join("、")} 行）`,
    });
  return changes;
}

/** The roster's values changed: the digest says so, and the people rows counted now. */
function rosterContentChange(grid: Grid, seal: StoredSeal): SealChange {
  const parts = [`工作表${quoted(seal.sheet)}的内容摘要与凭证不符（有单元格的值被改动、添加或删除）`];
  const layout = detectRoster(grid);
  if (layout.ok && layout.value.dataRows.length !== seal.rows)
    parts.push(`人数行由 ${seal.rows} 行变为 ${layout.value.dataRows.length} 行`);
  return { kind: "roster-content", sheet: grid.name, message: parts.join("；") };
}

function dateSystemChange(seal: StoredSeal): SealChange {
  return {
    kind: "date-system",
    sheet: seal.sheet,
    message: `工作表${quoted(seal.sheet)}中只有日期单元格与凭证相差 ${DATE1904_DAYS} 天，其余内容与凭证一致：这个工作簿使用 1904 日期系统，Excel 加载项与命令行（或独立页面）读出的日期相差 ${DATE1904_DAYS} 天`,
  };
}

/** A zizhu-seal/1 seal, the old way: the roster sheet's "zizhu-digest/2" digest. */
function legacyChanges(wb: WorkbookData, seal: LegacySeal): SealChange[] {
  const grid = wb.sheets.find((s) => s.name === seal.sheet);
  if (!grid)
    return [
      {
        kind: "roster-missing",
        message: `校验时的花名册工作表${quoted(seal.sheet)}已不存在（被删除或改名）`,
      },
    ];
  if (rosterDigest(grid) === seal.digest) return [];
  if (onlyDateSystemDiffers([grid], (shift) => rosterDigest(shift(grid)) === seal.digest))
    return [dateSystemChange(seal)];
  return [rosterContentChange(grid, seal)];
}

const listText = (text: string, unit: string) => (text === "" ? "无" : unit === "行" ? `第 ${text} 行` : `${text} 列`);

/** What differs between the sealed coverage and the workbook's, kind by kind. */
function coverageChanges(seal: Seal, now: SealCoverage, wb: WorkbookData): SealChange[] {
  const changes: SealChange[] = [];
  const before = seal.coverage.sheets;
  const after = now.sheets;
  const afterNames = new Set(after.map((s) => s.name));
  const beforeNames = new Set(before.map((s) => s.name));
  const removed = before.filter((s) => !afterNames.has(s.name));
  const added = after.filter((s) => !beforeNames.has(s.name));
  // A removed and an added sheet with the same values: a rename.
  const renamedTo = new Map<string, string>();
  for (const r of removed) {
    const a = added.find((x) => x.content === r.content && ![...renamedTo.values()].includes(x.name));
    if (a) renamedTo.set(r.name, a.name);
  }
  const rosterGone = !afterNames.has(seal.sheet);
  if (rosterGone) {
    const to = renamedTo.get(seal.sheet);
    changes.push({
      kind: "roster-missing",
      message: `校验时的花名册工作表${quoted(seal.sheet)}已不存在（被删除或改名${to !== undefined ? `，很可能改名为${quoted(to)}` : ""}）`,
    });
  }
  for (const r of removed) {
    if (r.name === seal.sheet) continue;
    const to = renamedTo.get(r.name);
    changes.push(
      to !== undefined
        ? { kind: "sheet-renamed", sheet: to, message: `工作表${quoted(r.name)}改名为${quoted(to)}` }
        : { kind: "sheet-removed", message: `删除了工作表${quoted(r.name)}` },
    );
  }
  const renamedNew = new Set(renamedTo.values());
  for (const a of added) {
    if (renamedNew.has(a.name)) continue;
    changes.push({
      kind: "sheet-added",
      sheet: a.name,
      message: `新增了工作表${quoted(a.name)}（${STATE_WORD[a.state]}）`,
    });
  }
  // The same sheets (renamed ones by their new names) in another order.
  const kept = before.map((s) => renamedTo.get(s.name) ?? s.name).filter((name) => afterNames.has(name));
  const keptSet = new Set(kept);
  const order = after.map((s) => s.name).filter((name) => keptSet.has(name));
  if (kept.join("\n") !== order.join("\n"))
    changes.push({
      kind: "sheet-order",
      message: `工作表的顺序有变化（校验时：${kept.map(quoted).join("、")}；现在：${order.map(quoted).join("、")}）`,
    });
  const nowByName = new Map(after.map((s) => [s.name, s]));
  for (const b of before) {
    const name = renamedTo.get(b.name) ?? b.name;
    const n = nowByName.get(name);
    if (!n || (rosterGone && b.name === seal.sheet)) continue;
    if (n.state !== b.state)
      changes.push({
        kind: "sheet-state",
        sheet: name,
        message: `工作表${quoted(name)}由${STATE_WORD[b.state]}改为${STATE_WORD[n.state]}`,
      });
    if (n.content !== b.content) {
      const grid = wb.sheets.find((g) => g.name === name);
      changes.push(
        b.name === seal.sheet && grid
          ? rosterContentChange(grid, seal)
          : {
              kind: "sheet-content",
              sheet: name,
              message: `工作表${quoted(name)}的内容有改动（有单元格的值或公式被改动、添加或删除）`,
            },
      );
    }
  }
  if (!rosterGone) {
    const roster = quoted(seal.sheet);
    if (now.hiddenRows !== seal.coverage.hiddenRows)
      changes.push({
        kind: "hidden-rows",
        sheet: seal.sheet,
        message: `工作表${roster}中隐藏的行有变化（校验时：${listText(seal.coverage.hiddenRows, "行")}；现在：${listText(now.hiddenRows, "行")}）`,
      });
    if (now.hiddenColumns !== seal.coverage.hiddenColumns)
      changes.push({
        kind: "hidden-columns",
        sheet: seal.sheet,
        message: `工作表${roster}中隐藏的列有变化（校验时：${listText(seal.coverage.hiddenColumns, "列")}；现在：${listText(now.hiddenColumns, "列")}）`,
      });
  }
  return changes;
}

function sameCoverage(a: SealCoverage, b: SealCoverage): boolean {
  return (
    a.hiddenRows === b.hiddenRows &&
    a.hiddenColumns === b.hiddenColumns &&
    a.sheets.length === b.sheets.length &&
    a.sheets.every((s, i) => {
      const t = b.sheets[i];
      return t !== undefined && s.name === t.name && s.state === t.state && s.content === t.content;
    })
  );
}

/** A zizhu-seal/2 seal: the workbook's "zizhu-digest/3" digest, and what kind of change when it differs. */
function workbookChanges(wb: WorkbookData, seal: Seal): SealChange[] {
  const parts = partsFor(wb, seal);
  const now = coverageOf(parts);
  if (workbookDigest(parts) === seal.digest) {
    if (sameCoverage(now, seal.coverage)) return [];
    return [
      {
        kind: "seal-data",
        sheet: SEAL_SHEET,
        message: "凭证数据中的工作表列表与内容摘要不一致（凭证数据被改动）",
      },
    ];
  }
  const grids = wb.sheets.filter((g) => g.name !== SEAL_SHEET);
  const shiftedMatches = (shift: (g: Grid) => Grid) =>
    workbookDigest(partsFor({ ...wb, sheets: wb.sheets.map((g) => (g.name === SEAL_SHEET ? g : shift(g))) }, seal)) ===
    seal.digest;
  if (onlyDateSystemDiffers(grids, shiftedMatches)) return [dateSystemChange(seal)];
  const changes = coverageChanges(seal, now, wb);
  if (changes.length > 0) return changes;
  return [
    {
      kind: "seal-data",
      sheet: SEAL_SHEET,
      message: "凭证数据与内容摘要不符（凭证中的人数、金额、政策包或校验时间被改动）",
    },
  ];
}

export interface VerifyOptions {
  /**
   * The pack the seal was made with. With it (the seal's id and version), the totals are compared
   * program by program; without it, the people rows, the sum, and a single program's count and amount.
   */
  pack?: Pack;
  /** The program option the seal was made with (SealOptions.program), used with `pack`. */
  program?: string;
  /** Column overrides, for a seal that does not record the ones it was made with. */
  columnOverrides?: Record<string, ColumnOverrides>;
}

const yuan = (amount: number) => `${amount.toFixed(2)} 元`;

/**
 * The people rows and totals the seal records against the roster's now, computed as buildSeal
 * computes them (tally). The digest keeps a formula's text, not its result, so an amount that is a
 * formula (an external link, a lookup, an edited cached value) can change under a matching digest;
 * this is what catches it. [] when they agree, or when the roster can no longer be read as one.
 */
function totalsChanges(wb: WorkbookData, seal: StoredSeal, options: VerifyOptions): SealChange[] {
  const overrides = (seal.format === SEAL_FORMAT ? seal.columns : undefined) ?? options.columnOverrides?.[seal.sheet];
  const found = findRosterSource(wb, {
    sheet: seal.sheet,
    ...(overrides !== undefined ? { columnOverrides: { [seal.sheet]: overrides } } : {}),
  });
  if (!found.ok) return [];
  const source = found.value;
  const pack = options.pack;
  const samePack = pack !== undefined && pack.id === seal.pack.id && pack.version === seal.pack.version;
  let people: Pick<PersonRow, "record" | "program">[];
  if (samePack) people = personRows(source, pack, options.program);
  else {
    const read = rowReader(readerColumns(source.layout));
    people = source.layout.dataRows.map((row) => ({ record: read(source.grid.rows[row] ?? []).record, program: null }));
  }
  const now = tally(source, people);
  const parts: string[] = [];
  if (now.rows !== seal.rows) parts.push(`人数行由 ${seal.rows} 行变为 ${now.rows} 行`);
  const differs = (program: string, before: SealTotal | undefined, after: SealTotal | undefined) => {
    const b = before ?? { program, count: 0, amount: 0 };
    const a = after ?? { program, count: 0, amount: 0 };
    const what: string[] = [];
    if (a.count !== b.count) what.push(`人数由 ${b.count} 人变为 ${a.count} 人`);
    if (fen(a.amount) !== fen(b.amount)) what.push(`金额由 ${yuan(b.amount)}变为 ${yuan(a.amount)}`);
    if (what.length > 0) parts.push(`资助项目${quoted(program)}${what.join("，")}`);
  };
  if (samePack) {
    const programs = [...new Set([...seal.totals, ...now.totals].map((t) => t.program))];
    for (const program of programs)
      differs(
        program,
        seal.totals.find((t) => t.program === program),
        now.totals.find((t) => t.program === program),
      );
  } else if (seal.totals.length === 1) {
    const only = seal.totals[0] as SealTotal;
    differs(only.program, only, { program: only.program, count: now.rows, amount: now.total });
  }
  if (fen(now.total) !== fen(seal.total)) parts.push(`金额合计由 ${yuan(seal.total)}变为 ${yuan(now.total)}`);
  if (parts.length === 0) return [];
  return [
    {
      kind: "totals",
      sheet: seal.sheet,
      message: `工作表${quoted(seal.sheet)}的人数或金额与凭证所记不符：${parts.join("；")}（内容摘要只记公式、不记公式的结果，很可能是金额等单元格的公式结果变了，如外部链接、查找引用或重新计算的结果）`,
    },
  ];
}

/**
 * Whether the workbook is still what it was when sealed, and if not, what kind of change was found:
 * the digest, the seal sheet, and the people rows and totals the seal records recomputed from the
 * roster (options: the pack and options the seal was made with, for the totals per program).
 */
export function verifySeal(wb: WorkbookData, options: VerifyOptions = {}): SealVerdict {
  const read = readSeal(wb);
  if (!read.ok) {
    const missing = read.problem.code === "seal.missing";
    return {
      status: "unsealed",
      message: missing
        ? `未校验：${read.problem.message}（可用 zizhu seal 在校验通过后生成）。`
        : `未校验：校验凭证无法读取——${read.problem.message}。请重新校验并生成凭证。`,
      detail: read.problem.message,
      changes: [],
    };
  }
  const seal = read.value;
  const when = `${seal.sealedAt} 由资助助手 ${seal.tool} 按政策包 ${seal.pack.id} ${seal.pack.version} 校验`;
  const legacy = seal.format === LEGACY_SEAL_FORMAT;
  const found = legacy ? legacyChanges(wb, seal) : workbookChanges(wb, seal);
  // A changed roster is reported as such, and seal data that no longer match the digest cannot be
  // trusted to compare with: the totals are compared only when neither was found.
  const rosterChanged = found.some(
    (c) => c.kind === "roster-missing" || c.kind === "roster-content" || c.kind === "seal-data",
  );
  const changes = [
    ...sealSheetChanges(sealSheet(wb) as Grid, seal),
    ...found,
    ...(rosterChanged ? [] : totalsChanges(wb, seal, options)),
  ];
  const what = `工作表${quoted(seal.sheet)}（${seal.rows} 行，金额合计 ${seal.total.toFixed(2)} 元）`;
  if (changes.length === 0) {
    return {
      status: "unchanged",
      seal,
      message: legacy
        ? `已校验且未改动：${what}于 ${when}，此后内容未改动。注意：这是旧版凭证（${LEGACY_SEAL_FORMAT}，摘要格式 zizhu-digest/2），只覆盖花名册工作表的值和公式，不覆盖工作表列表、可见性和隐藏的行列；建议用当前版本重新校验并生成凭证。`
        : `已校验且未改动：${what}于 ${when}，此后工作簿未改动（凭证覆盖全部工作表的名称、顺序、可见性和内容，以及花名册中隐藏的行和列；格式不在校验范围内）。`,
      changes,
    };
  }
  const detail = changes.map((c) => c.message).join("；");
  if (changes.every((c) => c.kind === "date-system")) {
    return {
      status: "modified",
      seal,
      message: `校验后已修改（很可能只是日期系统的差异）：${detail}。请用生成凭证时所用的同一工具核验，或在当前工具中重新校验并生成凭证。`,
      detail,
      changes,
    };
  }
  const onlyDigest = changes.some((c) => c.kind === "roster-content" || c.kind === "sheet-content");
  return {
    status: "modified",
    seal,
    message: `校验后已修改：${detail}。${onlyDigest ? "凭证只保存摘要，无法指出改动的单元格；" : ""}请重新校验（zizhu check）后再生成凭证。`,
    detail,
    changes,
  };
}
