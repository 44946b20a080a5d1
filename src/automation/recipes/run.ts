import type { Calendar } from "../../core/calendar";
/**
 * Running a recipe on a workbook, purely: every step works on data and says what it did; what to
 * write (fixed cells, new sheets, a separate 公示表 file, the seal) comes back as data for the
 * host — Excel or the CLI — to write. The original workbook is never changed: fixes produce new
 * grids.
 */
import { checkWorkbook } from "../../core/check/check";
import type { CivilDate } from "../../core/date/civil";
import { parseDateInput } from "../../core/date/serial";
import { applyFixesToGrid, planFixes, type Fix } from "../../core/fixes/plan";
import type { WorkbookData } from "../../core/grid/types";
import type { Pack } from "../../core/policy";
import { scanWorkbook, type SheetScanOptions } from "../../core/privacy";
import { buildReport } from "../../core/report/build";
import type { Report, RosterKind } from "../../core/report/types";
import type { FieldKey } from "../../core/roster";
import type { ColumnOverrides } from "../../core/roster/detect";
import { DEFAULT_FORMAT, buildExportSheet, parseSubmissionFormat } from "../../core/sheets/export-format";
import { buildFormsSheet, findLayoutSheet } from "../../core/sheets/forms-sheet";
import { buildNoticeSheet } from "../../core/sheets/notice-sheet";
import { buildRosterSheet } from "../../core/sheets/roster-sheet";
import { buildSeal, gridsAsWritten, type Seal, type SealOptions } from "../../core/sheets/seal";
import { findRosterSource, sourceProblemText, type RosterSource } from "../../core/sheets/source";
import type { BuildResult, SheetSpec } from "../../core/sheets/spec";
import { buildSummarySheet } from "../../core/sheets/summary-sheet";
import { STEP_LABELS, type Recipe, type RecipeStep, type StepName } from "./schema";
import { appendAll } from "../../core/arrays";

export interface RecipeRunOptions {
  pack: Pack;
  today: CivilDate;
  /** Holiday schedules for the 公示期; default the data package. */
  calendar?: Calendar;
  /** ISO 8601 time of the run (the seal records it). */
  now: string;
  /** "zizhu 0.x" (the seal records it). */
  tool: string;
  /** Override the recipe's options. */
  sheet?: string;
  program?: string;
  kind?: RosterKind;
  enrolled?: number;
  columnOverrides?: Record<string, ColumnOverrides>;
}

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
  const { report, sheet } = checkWorkbook(state.workbook, {
    pack: o.pack,
    today: o.today,
    sheet: o.sheet,
    kind: o.kind,
    program: o.program,
    enrolled: o.enrolled,
    columnOverrides: o.columnOverrides,
  });
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
  const findings = scanWorkbook(state.workbook, { mode: "inventory", sheets });
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
    checkWorkbook(state.workbook, {
      pack: o.pack,
      today: o.today,
      sheet: src.value.grid.name,
      kind: o.kind,
      program: o.program,
    }).report;
  const plan = planFixes(src.value.grid, src.value.layout, report, {
    pack: o.pack,
    today: o.today,
    program: o.program,
  });
  const kinds = new Set<string>(step.kinds ?? ["trim", "half-width", "number", "amount", "text-format"]);
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
 * The seal's options. It covers the workbook as the host will write it: the workbook after the
 * fixes plus the new sheets made so far, named and filled as a file writer writes them (the hosts
 * write them before the seal: CLI and standalone page as they are; the add-in seals again after
 * writing them, from what Excel holds).
 */
function sealOptions(state: State, o: RecipeRunOptions): SealOptions {
  return {
    pack: o.pack,
    today: o.today,
    program: o.program,
    now: o.now,
    tool: o.tool,
    sheet: o.sheet,
    kind: o.kind,
    enrolled: o.enrolled,
    columnOverrides: o.columnOverrides,
    alsoWritten: gridsAsWritten(state.workbook, state.sheets),
  };
}

function sealMessage(seal: Seal): string {
  return `已写入校验凭证：${seal.rows} 人，合计 ${seal.total.toFixed(2)} 元`;
}

function runStep(state: State, o: RecipeRunOptions, step: RecipeStep, index: number): StepResult {
  const base = { pack: o.pack, today: o.today, program: o.program };
  switch (step.step) {
    case "check":
      return runCheck(state, o);
    case "privacy":
      return runPrivacy(state, o);
    case "fix":
      return runFix(state, o, step);
    case "seal": {
      const r = buildSeal(state.workbook, sealOptions(state, o));
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
    default:
      break;
  }
  const src = source(state, o);
  if (!src.ok) return { status: "failed", message: src.message, errors: 1 };
  switch (step.step) {
    case "format":
      return built(buildRosterSheet(src.value, { ...base, title: step.title, unit: step.unit }), state.sheets, "");
    case "summary":
      return built(
        buildSummarySheet(src.value, { ...base, enrolled: o.enrolled, title: step.title, unit: step.unit }),
        state.sheets,
        "",
      );
    case "notice": {
      const start = noticeStart(step, o.today);
      if (typeof start === "string") return { status: "failed", message: start, errors: 1 };
      const r = buildNoticeSheet(src.value, {
        ...base,
        start,
        days: step.days,
        calendar: o.calendar,
        contact: step.contact,
        title: step.title,
        unit: step.unit,
      });
      return built(r, state.separate, "（单独文件，不含身份证号等个人信息）");
    }
    case "forms": {
      const layout = findLayoutSheet(state.workbook) ?? undefined;
      return built(
        buildFormsSheet(src.value, { ...base, layout }),
        state.sheets,
        layout ? "（使用工作簿中的申请表模板）" : "",
      );
    }
    case "export": {
      let format = DEFAULT_FORMAT;
      if (step.mapping !== undefined) {
        const f = parseSubmissionFormat(step.mapping);
        if (!f.ok) return { status: "failed", message: f.problem.message, errors: 1 };
        format = f.value;
      }
      return built(buildExportSheet(src.value, format, base), state.separate, `（报送格式“${format.name}”）`);
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
  const r = buildSeal(state.workbook, sealOptions(state, o));
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
