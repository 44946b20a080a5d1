/**
 * Where the builders read from: the roster sheet of a workbook (found as the check finds it), its
 * layout, and each person's row with the program that applies to it.
 */
import { pickSheet } from "../check/check";
import type { CivilDate } from "../date/civil";
import type { CellValue, Grid, WorkbookData } from "../grid/types";
import { findProgram, type Pack, type Program } from "../policy";
import { programFromTitle } from "../rules/program";
import { rowReader, type NormalizedRecord } from "../roster";
import { readerColumns, type ColumnOverrides, type RosterLayout } from "../roster/detect";
import type { RosterKind } from "../report/types";
import { fail, ok, type Result } from "../result";

export interface RosterSource {
  grid: Grid;
  layout: RosterLayout;
}

/**
 * What a builder that looks through the whole workbook (a ledger's 帮扶记录汇总, the 进步奖名单) is
 * given besides it: the sheet the command started from — used when it is the kind the builder
 * wants — and the user's header mapping corrections.
 */
export interface WorkbookBuilderOptions {
  pack: Pack;
  today: CivilDate;
  /** The title; default composed from the source sheet (its title or its year). */
  title?: string;
  /** The new sheet's name; default the builder's own. */
  name?: string;
}

export interface WorkbookBuilderContext {
  source?: RosterSource;
  columnOverrides?: Record<string, ColumnOverrides>;
}

export interface SourceOptions {
  /** The sheet to read; default: the first visible sheet with a roster. */
  sheet?: string;
  kind?: RosterKind;
  columnOverrides?: Record<string, ColumnOverrides>;
}

export type SourceProblem =
  { code: "sheets.no-sheet"; sheet: string; sheets: string[] } | { code: "sheets.no-roster"; sheet: string };

export function findRosterSource(wb: WorkbookData, options: SourceOptions = {}): Result<RosterSource, SourceProblem> {
  if (options.sheet !== undefined && !wb.sheets.some((s) => s.name === options.sheet)) {
    return fail({ code: "sheets.no-sheet", sheet: options.sheet, sheets: wb.sheets.map((s) => s.name) });
  }
  const picked = pickSheet(wb, options);
  if (!picked?.layout) return fail({ code: "sheets.no-roster", sheet: picked?.grid.name ?? options.sheet ?? "" });
  return ok({ grid: picked.grid, layout: picked.layout });
}

/** The problem in Chinese, naming the sheet and what to do. */
export function sourceProblemText(p: SourceProblem): string {
  if (p.code === "sheets.no-sheet")
    return `没有名为“${p.sheet}”的工作表；工作簿中的工作表：${p.sheets.join("、") || "（无）"}`;
  return `工作表“${p.sheet}”中没有找到花名册的表头（如 姓名、身份证号、资助项目、金额）。请选中花名册所在的工作表，或在任务窗格“校验”页调整表头对应关系后再试。`;
}

export interface PersonRow {
  /** 0-based sheet row. */
  row: number;
  cells: readonly CellValue[];
  record: NormalizedRecord;
  /** The program that applies to the row: the sheet's (option or title), else the row's 资助项目. */
  program: Program | null;
}

/**
 * The program of the whole sheet: the option (name, alias or code), else — when the sheet has no
 * 资助项目 column — the one its title or name names. Null when each row says its own.
 */
export function sheetProgram(pack: Pack, source: RosterSource, program?: string): Program | null {
  if (program !== undefined) return findProgram(pack, program);
  if (source.layout.fieldColumns.program !== undefined || source.layout.kind === "notice") return null;
  return programFromTitle(pack, `${source.layout.title} ${source.grid.name}`);
}

/** Every person's row, read once, in sheet order. */
export function personRows(source: RosterSource, pack: Pack, program?: string): PersonRow[] {
  const fixed = sheetProgram(pack, source, program);
  const read = rowReader(readerColumns(source.layout));
  return source.layout.dataRows.map((row) => {
    const cells = source.grid.rows[row] ?? [];
    const { record } = read(cells);
    const p = fixed ?? (record.program ? findProgram(pack, record.program) : null);
    return { row, cells, record, program: p };
  });
}

/** "2026年11月29日". */
export function chineseDate(d: CivilDate): string {
  return `${d.y}年${d.m}月${d.d}日`;
}

/** The school term a date falls in: 春季学期 (Feb–Jul) or 秋季学期 (Aug–Jan, of the year it began). */
export function termOf(d: CivilDate): { year: number; term: "春季学期" | "秋季学期" } {
  if (d.m >= 2 && d.m <= 7) return { year: d.y, term: "春季学期" };
  return { year: d.m === 1 ? d.y - 1 : d.y, term: "秋季学期" };
}

/**
 * The people a builder works on, or why it cannot: a program option the pack does not know, or a
 * roster without people. `what` names the sheet being made ("申请表"), `code` prefixes the problem.
 */
export function peopleForBuilder(
  source: RosterSource,
  options: { pack: Pack; program?: string },
  what: string,
  code: string,
): { ok: true; people: PersonRow[] } | { ok: false; problem: { code: string; message: string } } {
  if (options.program !== undefined && findProgram(options.pack, options.program) === null) {
    return {
      ok: false,
      problem: {
        code: `${code}.program`,
        message: `政策包“${options.pack.name}”中没有资助项目“${options.program}”；请在任务窗格中选择一个已有的资助项目。`,
      },
    };
  }
  const people = personRows(source, options.pack, options.program);
  if (people.length === 0) {
    return {
      ok: false,
      problem: {
        code: `${code}.empty`,
        message: `工作表“${source.grid.name}”的花名册中没有人员数据行；请确认表头下方已填写人员后再生成${what}。`,
      },
    };
  }
  return { ok: true, people };
}
