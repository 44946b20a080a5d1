/**
 * The engine's operations, as one table of plain functions over a session of held workbooks. The
 * worker (worker.ts) runs them off the pane's thread; the in-page engine (client.ts, when a
 * worker cannot start: tests, an old host) runs the very same functions, so both give the same
 * results. Arguments and results are structured-cloneable: the workbook itself stays in the
 * session, and the pane holds a `book` number and a preview of the first rows.
 */
import {
  CATALOGUE,
  isRuleCode,
  buildReport,
  checkWorkbook,
  planFixes,
  scanWorkbook,
  verifySeal,
  type CellValue,
  type CheckOptions,
  type CheckResult,
  type Fix,
  type FixPlan,
  type Grid,
  type Issue,
  type Locale,
  type PlanOptions,
  type Report,
  type SealOptions,
  type WorkbookData,
} from "../../core";
import type { SealCheckOutcome, SheetCommand, SheetCommandOptions } from "../pane-host";
import { maskedCopy } from "./mask-copy";
import { EngineRefusal, type EngineProgress } from "./protocol";
import {
  annotatedFile,
  builtFile,
  fixedFile,
  parseFile,
  recipeFiles,
  sealedFile,
  type HeldFile,
  type RecipeOutputFiles,
} from "../standalone/file-ops";
import { gridToXlsx } from "../xlsx/write-report";

export type Progress = (progress: EngineProgress) => void;

/**
 * Workbooks the engine keeps: the file opened (standalone) and what the pane last handed over
 * (Excel). A few at most; the oldest is dropped first, and asking for it again says so.
 */
const MAX_BOOKS = 3;

export class EngineSession {
  private readonly books = new Map<number, HeldFile>();
  private next = 1;

  hold(file: HeldFile): number {
    const id = this.next++;
    this.books.set(id, file);
    for (const old of this.books.keys()) {
      if (this.books.size <= MAX_BOOKS) break;
      this.books.delete(old);
    }
    return id;
  }

  get(id: number): HeldFile {
    const file = this.books.get(id);
    if (!file) throw new EngineRefusal("要处理的工作簿已不在内存中，请重新读取后再试。");
    return file;
  }

  release(id: number): void {
    this.books.delete(id);
  }

  has(id: number): boolean {
    return this.books.has(id);
  }
}

/** Rows of each sheet in the pane's preview: enough to find the header (detect.ts scans 40) and show the mapping. */
export const PREVIEW_ROWS = 200;

const rowOfKey = (key: string): number => Number(key.slice(0, key.indexOf(",")));

/** The first PREVIEW_ROWS rows of each sheet, with what belongs to them: what the pane keeps of a held workbook. */
export function previewOf(workbook: WorkbookData): WorkbookData {
  const cut = (g: Grid): Grid => {
    if (g.rows.length <= PREVIEW_ROWS) return g;
    const keep = <V>(m: ReadonlyMap<string, V>) => new Map([...m].filter(([k]) => rowOfKey(k) < PREVIEW_ROWS));
    return {
      ...g,
      rows: g.rows.slice(0, PREVIEW_ROWS),
      formats: keep(g.formats),
      formulas: keep(g.formulas),
      merges: g.merges.filter((m) => m.top < PREVIEW_ROWS),
      hiddenRows: new Set([...g.hiddenRows].filter((r) => r < PREVIEW_ROWS)),
      notes: g.notes.filter((n) => n.row < PREVIEW_ROWS),
    };
  };
  return { properties: workbook.properties, sheets: workbook.sheets.map(cut) };
}

/** The rules' titles the pane shows beside their codes: the catalogue stays in the engine. */
function ruleTitles(issues: readonly Pick<Issue, "rule">[], locale: Locale): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const { rule } of issues) {
    if (!(rule in titles) && isRuleCode(rule)) titles[rule] = CATALOGUE[rule].title[locale];
  }
  return titles;
}

/** Rows in all sheets: the total the progress of a check or a scan counts towards. */
function rowCount(workbook: WorkbookData): number {
  return workbook.sheets.reduce((n, g) => n + g.rows.length, 0);
}

export type OpenOutcome =
  | { ok: true; book: number; preview: WorkbookData; source: string; format: "xlsx" | "csv" }
  | { ok: false; message: string };

export interface CheckOutcome {
  result: CheckResult;
  /** The catalogue's title of each rule in the report, in the check's locale ("身份证号校验码错误"). */
  titles: Record<string, string>;
  /** The safe fixes on the sheet checked (null: no roster found there). */
  plan: FixPlan | null;
}

export const ops = {
  /** Reads a file's bytes (.xlsx or .csv) and keeps the workbook; progress counts rows read. */
  async open(s: EngineSession, a: { name: string; bytes: Uint8Array }, progress: Progress): Promise<OpenOutcome> {
    const parsed = await parseFile(a.name, a.bytes, (done) => progress({ phase: "read", done }));
    if (!parsed.ok) return parsed;
    const { file } = parsed;
    return {
      ok: true,
      book: s.hold(file),
      preview: previewOf(file.workbook),
      source: file.source,
      format: file.format,
    };
  },

  /** Keeps a workbook the pane read itself (Excel); its rows follow in `append` calls. */
  put(
    s: EngineSession,
    a: { workbook: WorkbookData; source: string; bytes?: Uint8Array; format?: "xlsx" | "csv" },
  ): number {
    return s.hold({
      workbook: a.workbook,
      source: a.source,
      format: a.format ?? "xlsx",
      ...(a.bytes ? { bytes: a.bytes } : {}),
    });
  },

  /** More rows of a sheet handed over by `put`, in order. */
  append(s: EngineSession, a: { book: number; sheet: number; rows: CellValue[][] }): void {
    const grid = s.get(a.book).workbook.sheets[a.sheet];
    if (!grid) throw new Error(`append: no sheet ${a.sheet}`);
    for (const row of a.rows) grid.rows.push(row);
  },

  release(s: EngineSession, a: { book: number }): void {
    s.release(a.book);
  },

  /** Whether the session still holds a book (it drops the oldest beyond MAX_BOOKS). */
  has: (s: EngineSession, a: { book: number }): boolean => s.has(a.book),

  /** The whole held workbook, back in the pane (the 流程 tab composes its steps there). */
  workbook(s: EngineSession, a: { book: number }): WorkbookData {
    return s.get(a.book).workbook;
  },

  /** The check, and (given `plan`) the safe fixes it allows on the sheet it checked. */
  check(
    s: EngineSession,
    a: { book: number; check: CheckOptions; plan?: PlanOptions },
    progress: Progress,
  ): CheckOutcome {
    const { workbook } = s.get(a.book);
    const total = rowCount(workbook);
    progress({ phase: "check", done: 0, total });
    const result = checkWorkbook(workbook, a.check);
    progress({ phase: "check", done: total, total });
    const grid = workbook.sheets.find((g) => g.name === result.sheet);
    const plan = grid && result.layout && a.plan ? planFixes(grid, result.layout, result.report, a.plan) : null;
    return { result, plan, titles: ruleTitles(result.report.issues, a.check.locale ?? "zh-CN") };
  },

  /** The catalogue's titles of the rules these issues break (a report the pane got from elsewhere). */
  titles: (_s: EngineSession, a: { issues: readonly Pick<Issue, "rule">[]; locale: Locale }) =>
    ruleTitles(a.issues, a.locale),

  /** The privacy inventory of the whole held workbook: every piece of personal data, as issues. */
  scan(s: EngineSession, a: { book: number; locale: Locale }, progress: Progress): Issue[] {
    const { workbook } = s.get(a.book);
    progress({ phase: "scan", done: 0, total: rowCount(workbook) });
    const findings = scanWorkbook(workbook, { mode: "inventory" });
    return buildReport(findings, { pack: { id: "", version: "" }, kind: "notice", rows: 0, locale: a.locale }).issues;
  },

  /** The masked copy as data (Excel writes it as new sheets). */
  masked(s: EngineSession, a: { book: number }): { workbook: WorkbookData; masked: number } {
    return maskedCopy(s.get(a.book).workbook);
  },

  /** The masked copy as a new .xlsx file (the standalone page downloads it). */
  async maskedFile(s: EngineSession, a: { book: number }): Promise<{ bytes: Uint8Array; masked: number }> {
    const copy = maskedCopy(s.get(a.book).workbook);
    return { bytes: await gridToXlsx(copy.workbook), masked: copy.masked };
  },

  /** A workbook the pane made (a masked copy it was given) as a new .xlsx file. */
  gridFile: (_s: EngineSession, a: { workbook: WorkbookData }) => gridToXlsx(a.workbook),

  annotatedFile: (s: EngineSession, a: { book: number; report: Report }) => annotatedFile(s.get(a.book), a.report),

  fixedFile: (s: EngineSession, a: { book: number; fixes: readonly Fix[] }) => fixedFile(s.get(a.book), a.fixes),

  builtFile: (
    s: EngineSession,
    a: { book: number; command: SheetCommand; options: SheetCommandOptions },
    progress: Progress,
  ) => {
    progress({ phase: "build", done: 0 });
    return builtFile(s.get(a.book), a.command, a.options);
  },

  sealedFile: (s: EngineSession, a: { book: number; options: SealOptions }) => sealedFile(s.get(a.book), a.options),

  recipeFiles: (s: EngineSession, a: { book: number; output: RecipeOutputFiles; recipe: string }) =>
    recipeFiles(s.get(a.book), a.output, a.recipe),

  verifySeal(s: EngineSession, a: { book: number }): SealCheckOutcome {
    const verdict = verifySeal(s.get(a.book).workbook);
    return { status: verdict.status, message: verdict.message, ...(verdict.detail ? { detail: verdict.detail } : {}) };
  },
};

export type EngineOps = typeof ops;
export type OpName = keyof EngineOps;
export type OpArgs<K extends OpName> = Parameters<EngineOps[K]>[1];
export type OpResult<K extends OpName> = Awaited<ReturnType<EngineOps[K]>>;

/** Runs one operation by name (the worker's and the in-page engine's single way in). */
export function runOp<K extends OpName>(
  session: EngineSession,
  op: K,
  args: OpArgs<K>,
  progress: Progress,
): Promise<OpResult<K>> {
  const f = ops[op] as (s: EngineSession, a: OpArgs<K>, p: Progress) => OpResult<K> | Promise<OpResult<K>>;
  return Promise.resolve().then(() => f(session, args, progress));
}

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(ops, name);
}
