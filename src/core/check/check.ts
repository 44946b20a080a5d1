/**
 * The roster check: one pass over a workbook that finds the roster, reads every row once, runs
 * the rules of src/core/rules (each family in its own module) and the privacy scan, and returns
 * the Report. It only orchestrates: every code it reports is a rule module's. Pure: the workbook
 * comes in as data, the report goes out as data.
 */
import type { CivilDate } from "../date/civil";
import type { WorkbookData, Grid } from "../grid/types";
import type { Pack, Program } from "../policy";
import { fieldDef, rowReader, type FieldIssue, type FieldKey } from "../roster";
import { detectRoster, isLedgerKind, readerColumns, type ColumnOverrides, type RosterLayout } from "../roster/detect";
import { checkPairing, type CoverageRoster } from "../pairing/check";
import type { LedgerSheet } from "../pairing/ledger";
import { scanWorkbook, type ScanMode } from "../privacy";
import { buildReport } from "../report/build";
import type { Finding, Report, RosterKind } from "../report/types";
import type { Locale } from "../result";
import { checkAmount, checkTotals } from "../rules/amounts";
import { checkCard, checkHolder } from "../rules/bank";
import type { RowContext, RowSummary, SheetContext } from "../rules/context";
import { checkDuplicates } from "../rules/duplicates";
import { checkEligibility } from "../rules/eligibility";
import { requiredFields, requiredProgram, unreadableValues } from "../rules/fields";
import { checkHygiene } from "../rules/hygiene";
import { checkGenderAndAge } from "../rules/id";
import { checkIdCell } from "../rules/id-document";
import { checkPhone } from "../rules/phone";
import { rowProgram, sheetProgram } from "../rules/program";
import { checkQuotasAndShares } from "../rules/quotas";
import { checkHiddenRows, headerMissing } from "../rules/roster";
import { checkStudentNo } from "../rules/studentno";
import type { IdInfo } from "../id";
import { appendAll } from "../arrays";

export interface CheckOptions {
  pack: Pack;
  today: CivilDate;
  /** The sheet to check; default: the first visible sheet with a roster. */
  sheet?: string;
  kind?: RosterKind;
  /** The program of the whole sheet (name, alias or code); default: each row's 资助项目 column. */
  program?: string;
  enrolled?: number;
  locale?: Locale;
  /** The user's header mapping corrections, by sheet name (see detectRoster). */
  columnOverrides?: Record<string, ColumnOverrides>;
  /** Aid rosters from other files whose 建档立卡 students the pairing ledger must cover (--against). */
  against?: readonly { label: string; workbook: WorkbookData }[];
  /** The pairing ledger's year (default: its title's, else today's). */
  year?: number;
  /** A batch checks 帮联 coverage across all files (county.uncovered), not in each file. */
  coverageAcrossFiles?: boolean;
}

export interface CheckResult {
  report: Report;
  /** The roster found (null when none was). */
  layout: RosterLayout | null;
  /** The sheet checked. */
  sheet: string;
}

/** The sheet a check (or a builder) works on: the named one, else the first visible sheet with a roster. */
export function pickSheet(
  wb: WorkbookData,
  options: Pick<CheckOptions, "sheet" | "kind" | "columnOverrides">,
): { grid: Grid; layout: RosterLayout | null } | null {
  if (options.sheet !== undefined) {
    const grid = wb.sheets.find((s) => s.name === options.sheet);
    if (!grid) return null;
    const d = detectRoster(grid, { kind: options.kind, overrides: options.columnOverrides?.[grid.name] });
    return { grid, layout: d.ok ? d.value : null };
  }
  const ordered = [
    ...wb.sheets.filter((s) => s.state === "visible"),
    ...wb.sheets.filter((s) => s.state !== "visible"),
  ];
  // An aid roster is picked before a 帮扶 ledger (and a ledger before a roster when a ledger kind is asked
  // for): the builders of 花名册, 汇总表 … work on the roster of a workbook that holds both.
  const wantLedger = isLedgerKind(options.kind);
  let fallback: { grid: Grid; layout: RosterLayout } | null = null;
  for (const grid of ordered) {
    const d = detectRoster(grid, { kind: options.kind, overrides: options.columnOverrides?.[grid.name] });
    if (!d.ok) continue;
    if (isLedgerKind(d.value.detected) === wantLedger) return { grid, layout: d.value };
    fallback ??= { grid, layout: d.value };
  }
  if (fallback) return fallback;
  const first = ordered[0];
  return first ? { grid: first, layout: null } : null;
}

/** The row rules on identifiers; returns the person's parsed ID (for duplicate detection). */
function checkIdentity(ctx: SheetContext, row: RowContext): IdInfo | null {
  const id = checkIdCell(ctx, row, "idNumber");
  checkIdCell(ctx, row, "guardianId");
  if (id) checkGenderAndAge(ctx, row, id);
  checkStudentNo(ctx, row, id);
  checkCard(ctx, row);
  checkHolder(ctx, row);
  checkPhone(ctx, row);
  checkHygiene(ctx, row);
  return id;
}

const rosterField = (i: FieldIssue): boolean => fieldDef(i.field).audience !== "pairing";

/** Every rule over one roster sheet. */
export function checkRosterSheet(grid: Grid, layout: RosterLayout, options: CheckOptions, out: Finding[]): void {
  const hasProgramColumn = layout.fieldColumns.program !== undefined;
  const program = sheetProgram(grid, layout, options.pack, options.program, out);
  const ctx: SheetContext = {
    grid,
    layout,
    pack: options.pack,
    today: options.today,
    sheetProgram: program,
    enrolled: options.enrolled,
    out,
  };

  const readRow = rowReader(readerColumns(layout));
  const columnMissing = new Set<string>();
  const summaries: RowSummary[] = [];
  const unknownPrograms = new Set<string>();

  for (const r of layout.dataRows) {
    const cells = grid.rows[r] ?? [];
    const { record, issues } = readRow(cells);
    // A roster's 成绩, 时间 … columns are not ours to read there: only the ledgers' fields are.
    unreadableValues(grid.name, r, layout, issues.length > 0 ? issues.filter(rosterField) : issues, out);
    requiredFields(grid.name, r, layout, cells, out);
    let rowProg: Program | null = program;
    if (!rowProg && hasProgramColumn && !record.program && layout.kind !== "notice")
      requiredProgram(grid.name, r, layout, out);
    if (!rowProg && record.program)
      rowProg = rowProgram(grid.name, r, layout, options.pack, record.program, unknownPrograms, out);
    const row: RowContext = { row: r, cells, record, program: rowProg };
    const notice = layout.kind === "notice";
    const id = notice ? null : checkIdentity(ctx, row);
    const decision = notice ? null : checkEligibility(ctx, row, columnMissing);
    if (!notice) checkAmount(ctx, row, decision);
    summaries.push({
      row: r,
      program: rowProg,
      id18: id?.id18 ?? null,
      idText: id ? null : (record.idNumber ?? null),
      eligible: decision?.eligible ?? true,
      amount: record.amount,
      retired: record.status === "退休",
      school: record.school,
    });
  }

  checkDuplicates(ctx, summaries);
  checkTotals(ctx, summaries);
  if (layout.kind !== "notice") checkQuotasAndShares(ctx, summaries);
  checkHiddenRows(ctx);
}

/** Checks a workbook: the roster sheet's rules, and the privacy scan of every sheet. */
export function checkWorkbook(wb: WorkbookData, options: CheckOptions): CheckResult {
  const out: Finding[] = [];
  const picked = pickSheet(wb, options);
  const packInfo = { id: options.pack.id, version: options.pack.version };
  if (!picked) {
    const name = options.sheet ?? "";
    out.push(headerMissing(name, 0));
    return {
      report: buildReport(out, { pack: packInfo, kind: options.kind ?? "students", rows: 0, locale: options.locale }),
      layout: null,
      sheet: name,
    };
  }
  const { grid, layout } = picked;
  const ledgerPicked = layout !== null && isLedgerKind(layout.kind);
  if (!layout) {
    out.push(headerMissing(grid.name, grid.rows.length));
  } else if (!ledgerPicked) {
    checkRosterSheet(grid, layout, options, out);
  }
  const ledgers = checkLedgers(wb, picked, options, out);
  const kind: RosterKind = layout?.kind ?? options.kind ?? "students";
  const mode: ScanMode = kind === "notice" ? "notice" : "roster";
  const sheets = new Map<
    string,
    { columnFields?: readonly (FieldKey | null)[]; headerRow?: number; mode?: ScanMode }
  >();
  const register = (name: string, l: RosterLayout, m: ScanMode) => {
    const width = Math.max(0, ...l.columns.map((c) => c.col + 1), ...l.unknownColumns.map((c) => c.col + 1));
    const columnFields: (FieldKey | null)[] = Array.from({ length: width }, () => null);
    for (const c of l.columns) columnFields[c.col] = c.field;
    sheets.set(name, { columnFields, headerRow: l.headerRows[l.headerRows.length - 1] ?? 0, mode: m });
  };
  // The 帮扶 ledgers checked with the roster are rosters too: their ID and phone columns are theirs.
  for (const s of ledgers.sheets) register(s.grid.name, s.layout, "roster");
  if (layout) register(grid.name, layout, mode);
  // A notice is published whole: its other sheets and document properties are public too.
  appendAll(out, scanWorkbook(wb, { mode, sheets }));
  return {
    report: buildReport(out, {
      pack: packInfo,
      kind,
      rows: (ledgerPicked ? 0 : (layout?.dataRows.length ?? 0)) + ledgers.rows,
      locale: options.locale,
    }),
    layout,
    sheet: grid.name,
  };
}

/**
 * The 帮扶 ledgers of the workbook (pairs, records, scores), with its aid rosters and the --against
 * files as the students to cover. A named aid roster is checked with the ledgers beside it.
 * Returns the ledger rows checked.
 */
function checkLedgers(
  wb: WorkbookData,
  picked: { grid: Grid; layout: RosterLayout | null },
  options: CheckOptions,
  out: Finding[],
): { rows: number; sheets: LedgerSheet[] } {
  const none = { rows: 0, sheets: [] };
  // In a batch the county checks coverage across the files: no roster of this one is the list to cover.
  const coverHere = !options.coverageAcrossFiles;
  const ledgers: Record<"pairs" | "records" | "scores", LedgerSheet[]> = { pairs: [], records: [], scores: [] };
  const rosters: CoverageRoster[] = [];
  for (const grid of wb.sheets) {
    const isPicked = grid === picked.grid && picked.layout !== null;
    const d = isPicked
      ? { ok: true as const, value: picked.layout as RosterLayout }
      : detectRoster(grid, { overrides: options.columnOverrides?.[grid.name] });
    if (!d.ok) continue;
    const kind = isPicked ? d.value.kind : d.value.detected;
    if (isLedgerKind(kind)) ledgers[kind].push({ grid, layout: d.value });
    else if (kind === "students" && coverHere) rosters.push({ sheet: { grid, layout: d.value }, label: "" });
  }
  if (ledgers.pairs.length + ledgers.records.length + ledgers.scores.length === 0) return none;
  for (const a of options.against ?? []) {
    for (const grid of a.workbook.sheets) {
      const d = detectRoster(grid);
      if (d.ok && d.value.detected === "students") rosters.push({ sheet: { grid, layout: d.value }, label: a.label });
    }
  }
  const summary = checkPairing(
    {
      ...ledgers,
      rosters,
      pack: options.pack,
      today: options.today,
      program: picked.layout && isLedgerKind(picked.layout.kind) ? options.program : undefined,
      year: options.year,
    },
    out,
  );
  return { rows: summary.rows, sheets: [...ledgers.pairs, ...ledgers.records, ...ledgers.scores] };
}
