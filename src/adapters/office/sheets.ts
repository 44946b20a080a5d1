/**
 * The ribbon's 格式化花名册 / 生成汇总表 / 生成公示表 / 生成申请表 / 报送前检查 inside Excel: read the
 * active roster sheet, run the pure builder (src/core/sheets), write its spec as a NEW sheet
 * (write-sheet.ts). The original sheet is only read, never written. 报送前检查 and 核验凭证 read the
 * whole workbook instead (readWorkbookForSeal): the seal covers every sheet's name, order,
 * visibility and values, and the roster's hidden rows and columns.
 *
 * A builder activates the sheet it made, so the active sheet is often one of ours (花名册（格式化）,
 * 汇总表…: generated.ts). Such a sheet is never read as the roster: the roster of the last
 * successful command (kept in the workbook's settings, ROSTER_SHEET_KEY) is read instead, or the
 * user is asked to switch to the original 花名册. Without options.columnOverrides the workbook's
 * saved header mapping (settings.ts) applies, as in the pane.
 *
 * The builders come from the command registry (core/commands: `buildForCommand`, pure: workbook in,
 * BuiltSheet out), which the standalone page runs too, writing the same spec into a downloaded copy.
 */
import {
  buildForCommand,
  COMMANDS,
  optionalText,
  type SheetCommand,
  type SheetCommandOptions,
  makeGrid,
  type Grid,
  type WorkbookData,
  type Report,
  type ColumnOverrides,
  isFieldKey,
  LAYOUT_SHEET_PREFIX,
  sheetBuilder,
  isGeneratedSheetName,
  SEAL_SHEET,
  SheetConflictError,
  type Seal,
  type BuiltSheet,
  fail,
  hostFailed,
  type HostProblem,
  ok,
  type Result,
} from "../../core";
import { hostFailure, isHostError } from "./errors";
import {
  type Area,
  type SheetJob,
  type SyncCount,
  MAX_CELLS,
  mapState,
  readProperties,
  readRosterFromExcel,
  readSheets,
} from "./read";
import { loadColumnOverrides, readSetting, writeSetting } from "./settings";
import { writeSheetSpec } from "./write-sheet";
import { isoNow, sealSummary, toolVersion } from "../seal-info";

export { isoNow, sealSummary, toolVersion };

export { SHEET_COMMANDS, isSheetCommand, type SheetCommand, type SheetCommandOptions } from "../../core";

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

/** What readWorkbookForSeal read, and the roster it was asked to pick. */
export interface SealRead {
  /** Every sheet in tab order — empty, hidden and very hidden ones too — with formula texts. */
  workbook: WorkbookData;
  /** The roster `pick` chose from the active sheet's name (undefined without `pick`). */
  roster?: string;
  syncs: number;
}

function workbookTooLargeMessage(cells: number): string {
  return (
    `工作簿的数据区域共有约 ${Math.ceil(cells / 10_000)} 万个单元格，超过加载项一次能读取的 ${MAX_CELLS / 10_000} 万个，` +
    `无法生成或核验校验凭证（凭证覆盖全部工作表）。请删除多余的行列，或将工作簿另存为 .xlsx 后用命令行 zizhu seal / zizhu verify。`
  );
}

/**
 * The whole workbook as the seal covers it (digest.ts "zizhu-digest/3"): every sheet's name,
 * visibility, values, number formats and formula texts, and hidden rows and columns, in one
 * Excel.run:
 *
 *   sync 1   the sheets' names and visibility (worksheets.items), the active sheet's name (only
 *            with `pick`), the document properties (the check's privacy scan reads them)
 *   sync 2   every sheet's used range (position and size)
 *   sync 3…  values + formats + formulas of all sheets' chunks, shared; then ≤ 2 when some rows or
 *            columns are hidden
 *
 * Unlike readWorkbookFromExcel (privacy), empty sheets are kept, as empty grids: an added empty
 * sheet is a change the seal reports. A workbook over MAX_CELLS in total is refused with a Chinese
 * message (a seal over part of it would be wrong). `pick` chooses the roster from the active
 * sheet's name after sync 1; when it fails, nothing more is read.
 */
export async function readWorkbookForSeal(
  pick?: (active: string) => Result<string, HostProblem>,
): Promise<Result<SealRead, HostProblem>> {
  try {
    return await Excel.run(async (context): Promise<Result<SealRead, HostProblem>> => {
      const syncs: SyncCount = { n: 0 };
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name, items/visibility");
      const active = pick ? context.workbook.worksheets.getActiveWorksheet() : null;
      active?.load("name");
      const props = context.workbook.properties;
      props.load("title, subject, author, keywords, comments, category, company, manager, lastAuthor");
      syncs.n++;
      await context.sync();

      let roster: string | undefined;
      if (pick && active) {
        const picked = pick(active.name);
        if (!picked.ok) return picked;
        roster = picked.value;
      }
      const probes = worksheets.items.map((sheet) => {
        // valuesOnly, as the other readers: text-formatted blocks would stretch the used range.
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex, columnIndex, rowCount, columnCount");
        return { sheet, used };
      });
      syncs.n++;
      await context.sync();

      const jobs: SheetJob[] = [];
      const order: (SheetJob | Grid)[] = [];
      let total = 0;
      for (const { sheet, used } of probes) {
        const state = mapState(sheet.visibility);
        if (used.isNullObject) {
          order.push(makeGrid(sheet.name, [], { state }));
          continue;
        }
        const area: Area = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
        total += area.rows * area.cols;
        const job: SheetJob = { sheet, target: used, name: sheet.name, state, area };
        jobs.push(job);
        order.push(job);
      }
      if (total > MAX_CELLS) return fail(hostFailed(workbookTooLargeMessage(total)));
      const grids = jobs.length > 0 ? await readSheets(jobs, context, syncs, undefined, { formulas: true }) : [];
      const byJob = new Map(jobs.map((job, i) => [job, grids[i]]));
      const sheets = order.map((item) => ("area" in item ? (byJob.get(item) ?? makeGrid(item.name, [])) : item));
      return ok({ workbook: { sheets, properties: readProperties(props) }, roster, syncs: syncs.n });
    });
  } catch (error) {
    if (!isHostError(error)) throw error;
    return fail(hostFailed(hostFailure("读取工作簿", error)));
  }
}

async function writeBuilt(
  built: BuiltSheet,
  replace: boolean,
): Promise<Result<{ name: string; notes: string[] }, HostProblem>> {
  try {
    const out = await Excel.run((context) => writeSheetSpec(context, built.spec, { addinFormulas: true, replace }));
    return ok({ name: out.name, notes: out.notes });
  } catch (error) {
    if (error instanceof SheetConflictError) return fail(hostFailed(error.message));
    if (!isHostError(error)) throw error;
    return fail(hostFailed(hostFailure(`新建工作表“${built.spec.name}”（如已建出一部分，可删除后重试）`, error)));
  }
}

/**
 * 格式化花名册 / 生成汇总表 / 生成公示表 / 生成申请表 on the active sheet: a NEW sheet, the original
 * untouched. Expected failures (no roster, a host error) come back as `{ ok: false, message }`.
 */
export async function runSheetCommand(command: SheetCommand, options: SheetCommandOptions): Promise<SheetOutcome> {
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
  if (sheetBuilder(command).fellowSheets) {
    try {
      const others = (await sheetNames()).filter((n) => n !== roster && !isGeneratedSheetName(n));
      wb = { ...wb, sheets: [...wb.sheets, ...(await readNamedSheets(others))] };
    } catch (error) {
      if (!isHostError(error)) throw error;
      return { ok: false, message: hostFailure("读取工作簿中的其他工作表", error), notes: [] };
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
 * message asking to switch to the original 花名册.
 */
async function readRoster(
  sheet: string | undefined,
): Promise<Result<{ workbook: WorkbookData; sheet: string }, HostProblem>> {
  let named = sheet;
  if (named === undefined) {
    let active: string;
    try {
      active = await activeSheetName();
    } catch (error) {
      if (!isHostError(error)) throw error;
      return fail(hostFailed(hostFailure("读取当前工作表", error)));
    }
    if (!isGeneratedSheetName(active)) return readRosterFromExcel({ scope: "active-sheet" });
    const remembered = readSetting(ROSTER_SHEET_KEY);
    if (typeof remembered !== "string" || remembered === "" || isGeneratedSheetName(remembered))
      return fail(hostFailed(generatedSheetMessage(active)));
    named = remembered;
  }
  try {
    const grids = await readNamedSheets([named]);
    if (grids.length === 0) {
      return fail(
        hostFailed(
          `找不到工作表“${named}”，或它是空的（可能已被删除或改名）。请切换到花名册所在的工作表后，从功能区重新生成。`,
        ),
      );
    }
    return ok({ workbook: { sheets: grids, properties: {} }, sheet: grids[0]?.name ?? named });
  } catch (error) {
    if (!isHostError(error)) throw error;
    return fail(hostFailed(hostFailure(`读取工作表“${named}”`, error)));
  }
}

/**
 * The roster a seal is about: the named sheet; else the active sheet — unless it is one of ours
 * (generated.ts), then the roster remembered from the last successful command, or a Chinese
 * message asking to switch to the original 花名册.
 */
function rosterToSeal(sheet: string | undefined, active: string): Result<string, HostProblem> {
  if (sheet !== undefined) return ok(sheet);
  if (!isGeneratedSheetName(active)) return ok(active);
  const remembered = readSetting(ROSTER_SHEET_KEY);
  if (typeof remembered !== "string" || remembered === "" || isGeneratedSheetName(remembered))
    return fail(hostFailed(generatedSheetMessage(active)));
  return ok(remembered);
}

/**
 * 报送前检查: checks the roster (the active sheet, or the one named or remembered) in the whole
 * workbook — the seal covers every sheet, and the check's privacy scan reads them all, as the CLI
 * does; with errors nothing is written and the report comes back (the pane shows it on the 校验
 * tab); else the very hidden 校验凭证 sheet is written (replacing an older one) and the seal's
 * summary comes back.
 */
export async function runPreSubmitCheck(
  options: SheetCommandOptions & { now?: string; tool?: string },
): Promise<PreSubmitOutcome> {
  // Formula texts too: the digest counts a formula cell by its formula, not its cached result.
  let fromActive = false;
  const read = await readWorkbookForSeal((active) => {
    const picked = rosterToSeal(options.sheet, active);
    fromActive = options.sheet === undefined && picked.ok && picked.value === active;
    return picked;
  });
  if (!read.ok) return { ok: false, message: read.problem.message, notes: [] };
  const { workbook } = read.value;
  const wanted = read.value.roster ?? "";
  // Excel's sheet names are case-insensitive (getItem("一补") finds "一补").
  const grid =
    workbook.sheets.find((g) => g.name === wanted) ??
    workbook.sheets.find((g) => g.name.toLowerCase() === wanted.toLowerCase());
  if (!grid || grid.rows.length === 0) {
    const message = fromActive
      ? `工作表“${wanted}”是空的，没有可校验的数据。请切换到花名册所在的工作表后再校验。`
      : `找不到工作表“${wanted}”，或它是空的（可能已被删除或改名）。请切换到花名册所在的工作表后，从功能区重新生成。`;
    return { ok: false, message, notes: [] };
  }
  const sealed = COMMANDS.seal.run(
    workbook,
    { sheet: grid.name, kind: options.kind, program: optionalText(options.program), enrolled: options.enrolled },
    {
      pack: options.pack,
      today: options.today,
      now: options.now ?? isoNow(),
      tool: options.tool ?? toolVersion(),
      columnOverrides: overridesFor(options),
    },
  );
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

/**
 * 核验凭证: whether the workbook is still what the 校验凭证 sheet sealed — every sheet's name, order,
 * visibility and values, the roster's hidden rows and columns (one read of the whole workbook:
 * readWorkbookForSeal) — and if not, what kind of change was found.
 */
export async function verifyWorkbookSeal(): Promise<SealCheckOutcome> {
  const read = await readWorkbookForSeal();
  if (!read.ok) return { status: "unsealed", message: read.problem.message };
  const verdict = COMMANDS.verify.run(read.value.workbook);
  return { status: verdict.status, message: verdict.message, ...(verdict.detail ? { detail: verdict.detail } : {}) };
}
