/**
 * Running a recipe on a workbook, purely: every step works on data and says what it did; what to
 * write (fixed cells, new sheets, a separate 公示表 file, the seal) comes back as data for the
 * host — Excel or the CLI — to write. The original workbook is never changed: fixes produce new
 * grids.
 */
import type { z } from "zod";
import {
  COMMANDS,
  SHEET_BUILDERS,
  type CommandContext,
  CommonOptions,
  FIX_KINDS,
  type OptionValues,
  type SealStamp,
  type SheetBuilderId,
  type SheetContext,
  type CivilDate,
  parseDateInput,
  applyFixesToGrid,
  type Fix,
  type WorkbookData,
  type SheetScanOptions,
  buildReport,
  type Report,
  type FieldKey,
  defaultFormatFor,
  shippedFormat,
  parseSubmissionFormat,
  findLayoutSheet,
  gridsAsWritten,
  type Seal,
  findRosterSource,
  sourceProblemText,
  type RosterSource,
  type BuildResult,
  type SheetSpec,
  appendAll,
} from "../../core";
import { STEP_LABELS, type Recipe, type RecipeStep, type StepName } from "./schema";

/**
 * What a run takes: the context and the seal's stamp, and the options that override the recipe's
 * own (the registry's common options: which roster, the program, the enrolment).
 */
export type RecipeRunOptions = CommandContext & Omit<SealStamp, "alsoWritten"> & z.infer<typeof RecipeOverrides>;

/** The options a run may set over the recipe's own (`zizhu run --enrolled 300`), in the order the CLI checks them. */
export const RecipeOverrides = CommonOptions.pick({ enrolled: true, kind: true, sheet: true, program: true });

export type StepStatus = "done" | "failed" | "skipped";

export interface StepOutcome {
  /** 1-based, as the recipe editor numbers them. */
  index: number;
  step: StepName;
  label: string;
  status: StepStatus;
  /** One Chinese line: what the step did or why it failed. */
  message: string;
  /** Details (builder notes, the first errors). */
  notes: string[];
  /** The step found errors (a failed check, privacy findings, a refused seal). */
  errors: number;
}

export interface RecipeOutput {
  /** The workbook after the fixes (the input itself when no fix ran). */
  workbook: WorkbookData;
  /** The fixes applied, for the host to write into the original cells. */
  fixes: Fix[];
  /** New sheets for the roster's workbook, in order. */
  sheets: SheetSpec[];
  /** Sheets that go into files of their own (公示表: no roster data beside it; 报送格式). */
  separate: SheetSpec[];
  seal: Seal | null;
  /** The last check's report. */
  report: Report | null;
  steps: StepOutcome[];
  /** A step failed and the recipe stopped there. */
  stopped: boolean;
  /** No step failed, apart from those allowed to (continueOnError: a first check before the fixes). */
  ok: boolean;
}

/** A seal made by the seal step, written last: its digest covers the recipe's other new sheets. */
interface PendingSeal {
  /** 0-based index of the seal step in the outcomes. */
  step: number;
  spec: SheetSpec;
  /** What it covered: the workbook and how many new sheets (a later step may change either). */
  workbook: WorkbookData;
  sheets: number;
}

interface State {
  workbook: WorkbookData;
  fixes: Fix[];
  sheets: SheetSpec[];
  separate: SheetSpec[];
  seal: Seal | null;
  pendingSeal: PendingSeal | null;
  report: Report | null;
}

type StepResult = { status: StepStatus; message: string; notes?: string[]; errors?: number };

const SHOW_ERRORS = 10;

function errorLines(report: Report): string[] {
  return report.issues
    .filter((i) => i.severity === "error")
    .slice(0, SHOW_ERRORS)
    .map((i) => `${i.sheet}!${i.cell || (i.row > 0 ? `第${i.row}行` : "整表")}：${i.message}`);
}

function source(state: State, o: RecipeRunOptions): { ok: true; value: RosterSource } | { ok: false; message: string } {
  const r = findRosterSource(state.workbook, { sheet: o.sheet, kind: o.kind, columnOverrides: o.columnOverrides });
  return r.ok ? r : { ok: false, message: sourceProblemText(r.problem) };
}

function built(r: BuildResult, to: SheetSpec[], what: string): StepResult {
  if (!r.ok) return { status: "failed", message: r.problem.message, errors: 1 };
  to.push(r.value.spec);
  return { status: "done", message: `已生成“${r.value.spec.name}”${what}`, notes: r.value.notes };
}

function runCheck(state: State, o: RecipeRunOptions): StepResult {
  const { report, sheet } = COMMANDS.check.run(state.workbook, o, o);
  state.report = report;
  const s = report.stats;
  const line = `“${sheet}”：${s.rows} 行，${s.errors} 个错误，${s.warnings} 个警告`;
  return report.valid
    ? { status: "done", message: `${line}，可以报送` }
    : { status: "failed", message: `${line}，请修改后再报送`, notes: errorLines(report), errors: s.errors };
}

function runPrivacy(state: State, o: RecipeRunOptions): StepResult {
  // The roster's own columns may hold IDs and cards; everywhere else (other sheets, notes,
  // properties, the roster's other columns) they must not.
  const sheets = new Map<string, SheetScanOptions>();
  const src = source(state, o);
  if (src.ok) {
    const fields = src.value.layout.columns.reduce<(FieldKey | null)[]>((acc, c) => {
      acc[c.col] = c.field;
      return acc;
    }, []);
    const headerRow = src.value.layout.headerRows[src.value.layout.headerRows.length - 1];
    sheets.set(src.value.grid.name, { mode: "roster", columnFields: fields, headerRow });
  }
  for (const g of state.workbook.sheets) if (/公示/.test(g.name)) sheets.set(g.name, { mode: "notice" });
  const findings = COMMANDS.privacy.run(state.workbook, sheets);
  const report = buildReport(findings, { pack: { id: o.pack.id, version: o.pack.version }, kind: "notice", rows: 0 });
  const errors = report.stats.errors;
  if (findings.length === 0)
    return { status: "done", message: "未发现不该出现的身份证号、电话、银行卡号、出生日期或住址" };
  const notes = report.issues.slice(0, SHOW_ERRORS).map((i) => `${i.sheet}!${i.cell || "—"}：${i.message}`);
  return errors > 0
    ? {
        status: "failed",
        message: `发现 ${findings.length} 处个人信息，其中 ${errors} 处必须删除或脱敏`,
        notes,
        errors,
      }
    : { status: "done", message: `发现 ${findings.length} 处个人信息（提醒），请确认是否需要`, notes };
}

function runFix(state: State, o: RecipeRunOptions, step: Extract<RecipeStep, { step: "fix" }>): StepResult {
  const src = source(state, o);
  if (!src.ok) return { status: "failed", message: src.message, errors: 1 };
  const report =
    state.report ??
    COMMANDS.check.run(
      state.workbook,
      { sheet: src.value.grid.name, kind: o.kind, program: o.program },
      { pack: o.pack, today: o.today },
    ).report;
  const plan = COMMANDS.fixes.run(src.value.grid, src.value.layout, report, o, o);
  const kinds = new Set<string>(step.kinds ?? FIX_KINDS);
  const fixes = plan.fixes.filter((f) => kinds.has(f.kind));
  if (fixes.length > 0) {
    state.workbook = { ...state.workbook, sheets: state.workbook.sheets.map((g) => applyFixesToGrid(g, fixes)) };
    appendAll(state.fixes, fixes);
    state.report = null;
  }
  const notes = plan.unfixable.slice(0, SHOW_ERRORS).map((u) => `${u.sheet}!${u.cell}：${u.reason}`);
  const message =
    fixes.length === 0
      ? "没有可以安全修正的单元格"
      : `安全修正 ${fixes.length} 处（去空格、全角转半角、文本金额转数字、标准金额、文本格式）`;
  return {
    status: "done",
    message: plan.unfixable.length ? `${message}；${plan.unfixable.length} 处无法自动修正` : message,
    notes,
  };
}

function noticeStart(step: Extract<RecipeStep, { step: "notice" }>, today: CivilDate): CivilDate | string {
  if (step.start === undefined) return today;
  const d = parseDateInput(step.start);
  return d.ok ? d.date : `公示开始日期无效：${step.start}`;
}

/**
 * The seal's stamp and what it covers: the workbook as the host will write it — the workbook after
 * the fixes plus the new sheets made so far, named and filled as a file writer writes them (the
 * hosts write them before the seal: CLI and standalone page as they are; the add-in seals again
 * after writing them, from what Excel holds).
 */
function runSeal(state: State, o: RecipeRunOptions) {
  return COMMANDS.seal.run(state.workbook, o, { ...o, alsoWritten: gridsAsWritten(state.workbook, state.sheets) });
}

function sealMessage(seal: Seal): string {
  return `已写入校验凭证：${seal.rows} 人，合计 ${seal.total.toFixed(2)} 元`;
}

type SheetStep = Extract<RecipeStep, { step: SheetBuilderId }>;

/** A builder step: the registry's builder with the step's own fields; a failure says why. */
function runSheetStep(state: State, o: RecipeRunOptions, step: SheetStep, src: RosterSource): StepResult {
  const context: SheetContext = { pack: o.pack, today: o.today, calendar: o.calendar, workbook: state.workbook };
  const options: OptionValues = { program: o.program, enrolled: o.enrolled };
  let what = "";
  switch (step.step) {
    case "format":
    case "summary":
      Object.assign(options, { title: step.title, unit: step.unit });
      break;
    case "notice": {
      const start = noticeStart(step, o.today);
      if (typeof start === "string") return { status: "failed", message: start, errors: 1 };
      const { title, unit, days, contact } = step;
      Object.assign(options, { start, days, contact, title, unit });
      what = "（单独文件，不含身份证号等个人信息）";
      break;
    }
    case "forms":
      what = findLayoutSheet(state.workbook) ? "（使用工作簿中的申请表模板）" : "";
      break;
    case "awards":
    case "pair-summary":
      Object.assign(options, { title: step.title });
      break;
    case "export": {
      let format = defaultFormatFor(src);
      if (typeof step.mapping === "string" && shippedFormat(step.mapping)) {
        format = shippedFormat(step.mapping) ?? format;
      } else if (step.mapping !== undefined) {
        const f = parseSubmissionFormat(step.mapping);
        if (!f.ok) return { status: "failed", message: f.problem.message, errors: 1 };
        format = f.value;
      }
      context.format = format;
      what = `（报送格式“${format.name}”）`;
      break;
    }
  }
  const builder = SHEET_BUILDERS[step.step];
  return built(builder.build(src, options, context), builder.separate ? state.separate : state.sheets, what);
}

function runStep(state: State, o: RecipeRunOptions, step: RecipeStep, index: number): StepResult {
  switch (step.step) {
    case "check":
      return runCheck(state, o);
    case "privacy":
      return runPrivacy(state, o);
    case "fix":
      return runFix(state, o, step);
    case "seal": {
      const r = runSeal(state, o);
      if (!r.ok) {
        if (r.problem.report) state.report = r.problem.report;
        const notes = r.problem.report ? errorLines(r.problem.report) : [];
        return {
          status: "failed",
          message: r.problem.message,
          notes,
          errors: Math.max(1, r.problem.report?.stats.errors ?? 1),
        };
      }
      state.report = r.value.report;
      state.seal = r.value.seal;
      state.pendingSeal = {
        step: index,
        spec: r.value.built.spec,
        workbook: state.workbook,
        sheets: state.sheets.length,
      };
      return { status: "done", message: sealMessage(r.value.seal), notes: r.value.built.notes };
    }
    default: {
      const src = source(state, o);
      if (!src.ok) return { status: "failed", message: src.message, errors: 1 };
      return runSheetStep(state, o, step, src.value);
    }
  }
}

/** Runs the recipe's steps in order; a failed step stops the run unless it says continueOnError. */
export function runRecipe(recipe: Recipe, workbook: WorkbookData, options: RecipeRunOptions): RecipeOutput {
  const o: RecipeRunOptions = {
    ...options,
    sheet: options.sheet ?? recipe.options?.sheet,
    program: options.program ?? recipe.options?.program,
    kind: options.kind ?? recipe.options?.kind,
    enrolled: options.enrolled ?? recipe.options?.enrolled,
  };
  const state: State = { workbook, fixes: [], sheets: [], separate: [], seal: null, pendingSeal: null, report: null };
  const steps: StepOutcome[] = [];
  let stopped = false;
  recipe.steps.forEach((step, i) => {
    const label = step.label ?? STEP_LABELS[step.step];
    if (stopped) {
      steps.push({
        index: i + 1,
        step: step.step,
        label,
        status: "skipped",
        message: "前面的步骤有错误，未运行",
        notes: [],
        errors: 0,
      });
      return;
    }
    const r = runStep(state, o, step, i);
    steps.push({
      index: i + 1,
      step: step.step,
      label,
      status: r.status,
      message: r.message,
      notes: r.notes ?? [],
      errors: r.errors ?? 0,
    });
    if (r.status === "failed" && !step.continueOnError) stopped = true;
  });
  finishSeal(state, o, steps);
  const ok = steps.every((s) => s.status !== "failed" || recipe.steps[s.index - 1]?.continueOnError === true);
  const { pendingSeal: _, ...output } = state;
  return { ...output, steps, stopped, ok };
}

/**
 * The seal goes last among the new sheets. When a later step added sheets or fixed cells, it is
 * made again over the final workbook (its digest covers them); should that fail, no seal is written
 * and the seal step says why.
 */
function finishSeal(state: State, o: RecipeRunOptions, steps: StepOutcome[]): void {
  const pending = state.pendingSeal;
  if (!pending) return;
  if (pending.workbook === state.workbook && pending.sheets === state.sheets.length) {
    state.sheets.push(pending.spec);
    return;
  }
  const r = runSeal(state, o);
  const outcome = steps[pending.step];
  if (r.ok) {
    state.seal = r.value.seal;
    state.sheets.push(r.value.built.spec);
    if (outcome) steps[pending.step] = { ...outcome, message: sealMessage(r.value.seal), notes: r.value.built.notes };
    return;
  }
  state.seal = null;
  if (outcome)
    steps[pending.step] = {
      ...outcome,
      status: "failed",
      message: `后面的步骤改动了工作簿，重新生成校验凭证时未通过：${r.problem.message}`,
      errors: Math.max(1, r.problem.report?.stats.errors ?? 1),
    };
}
