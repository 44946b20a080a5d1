/**
 * The ribbon's 格式化花名册 / 生成汇总表 / 生成公示表 / 生成申请表 / 报送前检查 inside Excel: read the
 * active roster sheet, run the pure builder (src/core/sheets), write its spec as a NEW sheet
 * (write-sheet.ts). The original sheet is only read, never written.
 *
 * A builder activates the sheet it made, so the active sheet is often one of ours (花名册（格式化）,
 * 汇总表…: generated.ts). Such a sheet is never read as the roster: the roster of the last
 * successful command (kept in the workbook's settings, ROSTER_SHEET_KEY) is read instead, or the
 * user is asked to switch to the original 花名册. Without options.columnOverrides the workbook's
 * saved header mapping (settings.ts) applies, as in the pane.
 *
 * `buildForCommand` (pure: workbook in, BuiltSheet out) is shared with the standalone page, which
 * writes the same spec into a downloaded copy instead.
 */
import { localIsoTimestamp } from "../../core/date/timestamp";
import type { CivilDate } from "../../core/date/civil";
import type { Grid, WorkbookData } from "../../core/grid/types";
import type { Pack } from "../../core/policy";
import type { Report, RosterKind } from "../../core/report/types";
import type { ColumnOverrides } from "../../core/roster/detect";
import { isFieldKey } from "../../core/roster/fields";
import { findLayoutSheet, buildFormsSheet } from "../../core/sheets/forms-sheet";
import { LAYOUT_SHEET_PREFIX } from "../../core/sheets/form-layouts";
import { buildNoticeSheet } from "../../core/sheets/notice-sheet";
import { isGeneratedSheetName } from "../../core/sheets/generated";
import { buildRosterSheet } from "../../core/sheets/roster-sheet";
import { SEAL_SHEET, SheetConflictError, buildSeal, readSeal, verifySeal, type Seal } from "../../core/sheets/seal";
import { findRosterSource, sourceProblemText } from "../../core/sheets/source";
import type { BuiltSheet } from "../../core/sheets/spec";
import { buildSummarySheet } from "../../core/sheets/summary-sheet";
import { type Result, fail, ok } from "../../core/result";
import { hostFailure, isHostError } from "./errors";
import { type Area, type SheetJob, type SyncCount, MAX_CELLS, mapState, readRosterFromExcel, readSheets } from "./read";
import { loadColumnOverrides, readSetting, writeSetting } from "./settings";
import { writeSheetSpec } from "./write-sheet";

export type SheetCommand = "formatRoster" | "buildSummary" | "buildNotice" | "buildForms";

export const SHEET_COMMANDS: readonly SheetCommand[] = ["formatRoster", "buildSummary", "buildNotice", "buildForms"];

export function isSheetCommand(command: string): command is SheetCommand {
  return (SHEET_COMMANDS as readonly string[]).includes(command);
}

/** The options of all builders; each builder takes the ones it knows. Empty texts mean "default". */
export interface SheetCommandOptions {
  pack: Pack;
  today: CivilDate;
  /** 资助项目 (name, alias or code) when the sheet does not say it. */
  program?: string;
  /** 在校（在园）人数: the 汇总表's quota and the pre-submit check. */
  enrolled?: number;
  /** Title of the 格式化花名册 / 汇总表 / 公示表. */
  title?: string;
  /** 填报单位 (公示单位 on the notice). */
  unit?: string;
  /** 公示 first day, working days, where objections go. */
  start?: CivilDate;
  days?: number;
  contact?: string;
  kind?: RosterKind;
  columnOverrides?: Record<string, ColumnOverrides>;
}

export interface SheetOutcome {
  ok: boolean;
  /** One Chinese status line. */
  message: string;
  /** What the user should know about the new sheet (Chinese, naming sheet and cell). */
  notes: string[];
  /** The new sheet's name (Excel) or the downloaded file's name (standalone). */
  sheet?: string;
  /** The roster sheet read: "run again" passes it back, as the new sheet is now the active one. */
  roster?: string;
}

export type PreSubmitOutcome =
  | { ok: true; message: string; notes: string[]; seal: Seal; sheet?: string }
  | { ok: false; message: string; notes: string[]; report?: Report };

export interface SealCheckOutcome {
  status: "unchanged" | "modified" | "unsealed";
  message: string;
  detail?: string;
}

/** Workbook setting: the roster sheet of the last successful command, read when the active sheet is ours. */
export const ROSTER_SHEET_KEY = "zizhu.rosterSheet";

/** The caller's header mapping, else the one saved in the workbook (fields the engine does not know are left out). */
function overridesFor(options: SheetCommandOptions): Record<string, ColumnOverrides> | undefined {
  if (options.columnOverrides) return options.columnOverrides;
  const out: Record<string, ColumnOverrides> = {};
  for (const [sheet, saved] of Object.entries(loadColumnOverrides())) {
    const cols: ColumnOverrides = {};
    for (const [col, field] of Object.entries(saved)) {
      if (field === null || isFieldKey(field)) cols[Number(col)] = field;
    }
    if (Object.keys(cols).length > 0) out[sheet] = cols;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Remembers the roster a command read; a failed save only loses the convenience. */
async function rememberRoster(sheet: string): Promise<void> {
  if (isGeneratedSheetName(sheet) || readSetting(ROSTER_SHEET_KEY) === sheet) return;
  await writeSetting(ROSTER_SHEET_KEY, sheet);
}

/** Non-empty trimmed text, else undefined (the builder's default). */
function text(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

/**
 * Runs the builder of a command on the roster sheet of `wb` (`sheet`, else the first roster). For
 * 生成申请表 the user's 申请表模板… sheet in `wb`, when there is one, gives the form.
 */
export function buildForCommand(
  wb: WorkbookData,
  command: SheetCommand,
  options: SheetCommandOptions & { sheet?: string },
): Result<BuiltSheet, { message: string }> {
  // The roster is never the user's form template, even when it is the first sheet.
  const rosterOnly: WorkbookData =
    options.sheet === undefined
      ? { ...wb, sheets: wb.sheets.filter((g) => !g.name.trim().startsWith(LAYOUT_SHEET_PREFIX)) }
      : wb;
  const found = findRosterSource(rosterOnly, {
    sheet: options.sheet,
    kind: options.kind,
    columnOverrides: options.columnOverrides,
  });
  if (!found.ok) return fail({ message: sourceProblemText(found.problem) });
  const source = found.value;
  const { pack, today } = options;
  const program = text(options.program);
  const title = text(options.title);
  const unit = text(options.unit);
  let built;
  switch (command) {
    case "formatRoster":
      built = buildRosterSheet(source, { pack, today, program, title, unit });
      break;
    case "buildSummary":
      built = buildSummarySheet(source, { pack, today, program, title, unit, enrolled: options.enrolled });
      break;
    case "buildNotice":
      built = buildNoticeSheet(source, {
        pack,
        today,
        program,
        title,
        unit,
        start: options.start,
        days: options.days,
        contact: text(options.contact),
      });
      break;
    case "buildForms": {
      const layout = findLayoutSheet(wb) ?? undefined;
      built = buildFormsSheet(source, { pack, today, program, layout });
      break;
    }
  }
  if (!built.ok) return fail({ message: built.problem.message });
  return ok(built.value);
}

/** The zizhu version (set by the build), for the seal. */
declare const ZIZHU_VERSION: string;
export function toolVersion(): string {
  return typeof ZIZHU_VERSION === "string" ? ZIZHU_VERSION : "dev";
}

/** Now as ISO 8601 with the machine's offset: 2026-11-28T10:30:00+08:00. */
export function isoNow(date = new Date()): string {
  return localIsoTimestamp(date);
}

/** The seal as a Chinese summary: pack, time, rows, total and the digest's first 12 hex digits. */
export function sealSummary(seal: Seal): string {
  return (
    `已写入校验凭证：工作表“${seal.sheet}”，${seal.rows} 行，金额合计 ${seal.total.toFixed(2)} 元；` +
    `政策包 ${seal.pack.id} ${seal.pack.version}；校验时间 ${seal.sealedAt}；内容摘要 ${seal.digest.slice(0, 12)}…`
  );
}

/**
 * Reads sheets by name (hidden and very hidden ones too) in one Excel.run: 1 sync for the sheets and
 * their used ranges, then the chunked reader's syncs. Missing and empty sheets are left out.
 */
export async function readNamedSheets(names: readonly string[], options: { formulas?: boolean } = {}): Promise<Grid[]> {
  if (names.length === 0) return [];
  return Excel.run(async (context) => {
    const syncs: SyncCount = { n: 0 };
    const probes = names.map((name) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("name, visibility");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address, rowIndex, columnIndex, rowCount, columnCount");
      return { sheet, used };
    });
    await context.sync();
    const jobs: SheetJob[] = [];
    for (const { sheet, used } of probes) {
      if (sheet.isNullObject || used.isNullObject) continue;
      const area: Area = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
      if (area.rows * area.cols > MAX_CELLS) continue;
      jobs.push({ sheet, target: used, name: sheet.name, state: mapState(sheet.visibility), area });
    }
    return jobs.length > 0 ? readSheets(jobs, context, syncs, undefined, options) : [];
  });
}

/** The names of the workbook's sheets (one sync). */
async function sheetNames(): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

async function writeBuilt(
  built: BuiltSheet,
  replace: boolean,
): Promise<Result<{ name: string; notes: string[] }, { message: string }>> {
  try {
    const out = await Excel.run((context) => writeSheetSpec(context, built.spec, { addinFormulas: true, replace }));
    return ok({ name: out.name, notes: out.notes });
  } catch (error) {
    if (error instanceof SheetConflictError) return fail({ message: error.message });
    if (!isHostError(error)) throw error;
    return fail({
      message: hostFailure(`新建工作表“${built.spec.name}”（如已建出一部分，可删除后重试）`, error),
    });
  }
}

/**
 * 格式化花名册 / 生成汇总表 / 生成公示表 / 生成申请表 on the active sheet: a NEW sheet, the original
 * untouched. Expected failures (no roster, a host error) come back as `{ ok: false, message }`.
 */
export async function runSheetCommand(
  command: SheetCommand,
  options: SheetCommandOptions & { sheet?: string },
): Promise<SheetOutcome> {
  const read = await readRoster(options.sheet);
  if (!read.ok) return { ok: false, message: read.problem.message, notes: [] };
  const roster = read.value.sheet;
  const columnOverrides = overridesFor(options);
  let wb = read.value.workbook;
  if (command === "buildForms") {
    try {
      const templates = (await sheetNames()).filter((n) => n.trim().startsWith(LAYOUT_SHEET_PREFIX) && n !== roster);
      wb = { ...wb, sheets: [...wb.sheets, ...(await readNamedSheets(templates))] };
    } catch (error) {
      if (!isHostError(error)) throw error;
      return { ok: false, message: hostFailure(`读取“${LAYOUT_SHEET_PREFIX}”工作表`, error), notes: [] };
    }
  }
  const built = buildForCommand(wb, command, { ...options, columnOverrides, sheet: roster });
  if (!built.ok) return { ok: false, message: built.problem.message, notes: [], roster };
  const written = await writeBuilt(built.value, false);
  if (!written.ok) return { ok: false, message: written.problem.message, notes: built.value.notes, roster };
  await rememberRoster(roster);
  const { name, notes } = written.value;
  return {
    ok: true,
    message: `已新建工作表“${name}”（工作表“${roster}”未改动）。`,
    notes: [...built.value.notes, ...notes],
    sheet: name,
    roster,
  };
}

/** The active sheet's name (one sync). */
async function activeSheetName(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    await context.sync();
    return sheet.name;
  });
}

function generatedSheetMessage(active: string): string {
  return `当前工作表“${active}”是资助助手生成的工作表，不是原始花名册，不能作为花名册读取。请切换到原始花名册工作表后，从功能区重新运行。`;
}

/**
 * The roster: the named sheet when given; else the active sheet — unless it is one of ours
 * (generated.ts), then the roster remembered from the last successful command, or a Chinese
 * message asking to switch to the original 花名册. `formulas`: load formula texts (the seal).
 */
async function readRoster(
  sheet: string | undefined,
  formulas = false,
): Promise<Result<{ workbook: WorkbookData; sheet: string }, { message: string }>> {
  let named = sheet;
  if (named === undefined) {
    let active: string;
    try {
      active = await activeSheetName();
    } catch (error) {
      if (!isHostError(error)) throw error;
      return fail({ message: hostFailure("读取当前工作表", error) });
    }
    if (!isGeneratedSheetName(active)) return readRosterFromExcel({ scope: "active-sheet", formulas });
    const remembered = readSetting(ROSTER_SHEET_KEY);
    if (typeof remembered !== "string" || remembered === "" || isGeneratedSheetName(remembered))
      return fail({ message: generatedSheetMessage(active) });
    named = remembered;
  }
  try {
    const grids = await readNamedSheets([named], { formulas });
    if (grids.length === 0) {
      return fail({
        message: `找不到工作表“${named}”，或它是空的（可能已被删除或改名）。请切换到花名册所在的工作表后，从功能区重新生成。`,
      });
    }
    return ok({ workbook: { sheets: grids, properties: {} }, sheet: grids[0]?.name ?? named });
  } catch (error) {
    if (!isHostError(error)) throw error;
    return fail({ message: hostFailure(`读取工作表“${named}”`, error) });
  }
}

/**
 * 报送前检查: checks the active roster; with errors nothing is written and the report comes back
 * (the pane shows it on the 校验 tab); else the very hidden 校验凭证 sheet is written (replacing an
 * older one) and the seal's summary comes back.
 */
export async function runPreSubmitCheck(
  options: SheetCommandOptions & { sheet?: string; now?: string; tool?: string },
): Promise<PreSubmitOutcome> {
  // Formula texts too: the digest counts a formula cell by its formula, not its cached result.
  const read = await readRoster(options.sheet, true);
  if (!read.ok) return { ok: false, message: read.problem.message, notes: [] };
  const sealed = buildSeal(read.value.workbook, {
    pack: options.pack,
    today: options.today,
    now: options.now ?? isoNow(),
    tool: options.tool ?? toolVersion(),
    sheet: read.value.sheet,
    kind: options.kind,
    program: text(options.program),
    enrolled: options.enrolled,
    columnOverrides: overridesFor(options),
  });
  if (!sealed.ok) {
    const report = sealed.problem.report;
    return { ok: false, message: sealed.problem.message, notes: [], ...(report ? { report } : {}) };
  }
  const { seal, built } = sealed.value;
  const written = await writeBuilt(built, true);
  if (!written.ok) return { ok: false, message: written.problem.message, notes: [] };
  await rememberRoster(seal.sheet);
  return {
    ok: true,
    message: sealSummary(seal),
    notes: [...built.notes, ...written.value.notes],
    seal,
    sheet: SEAL_SHEET,
  };
}

/** 核验凭证: whether the roster the 校验凭证 sheet covers still holds the values it held when sealed. */
export async function verifyWorkbookSeal(): Promise<SealCheckOutcome> {
  try {
    const [sealGrid] = await readNamedSheets([SEAL_SHEET]);
    const sealOnly: WorkbookData = { sheets: sealGrid ? [sealGrid] : [], properties: {} };
    const seal = readSeal(sealOnly);
    const roster = seal.ok ? await readNamedSheets([seal.value.sheet], { formulas: true }) : [];
    const verdict = verifySeal({ sheets: [...sealOnly.sheets, ...roster], properties: {} });
    return { status: verdict.status, message: verdict.message, ...(verdict.detail ? { detail: verdict.detail } : {}) };
  } catch (error) {
    if (!isHostError(error)) throw error;
    return { status: "unsealed", message: hostFailure("读取校验凭证", error) };
  }
}
