/**
 * The roster check: one pass over a workbook that finds the roster, reads every row once, runs
 * the identity, policy and sheet rules and the privacy scan, and returns the Report. Pure: the
 * workbook comes in as data, the report goes out as data.
 */
import type { CivilDate } from "../date/civil";
import type { WorkbookData, Grid } from "../grid/types";
import { findProgram, type Pack, type Program } from "../policy";
import { fieldLabel, rowReader, type FieldKey } from "../roster";
import { detectRoster, readerColumns, type ColumnOverrides, type RosterLayout } from "../roster/detect";
import { scanWorkbook, type ScanMode } from "../privacy";
import { buildReport } from "../report/build";
import type { Finding, Report, RosterKind } from "../report/types";
import type { Locale } from "../result";
import { checkIdentity } from "../rules/identity-rules";
import { checkPolicy } from "../rules/policy-rules";
import {
  checkDuplicates,
  checkHiddenRows,
  checkQuotasAndShares,
  checkTotals,
  type RowSummary,
} from "../rules/sheet-rules";
import { finding } from "../rules/finding";
import type { RowContext, SheetContext } from "../rules/context";
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
}

export interface CheckResult {
  report: Report;
  /** The roster found (null when none was). */
  layout: RosterLayout | null;
  /** The sheet checked. */
  sheet: string;
}

/** Fields that must be filled in on every row of a roster of this kind. */
const REQUIRED: Record<RosterKind, readonly FieldKey[]> = {
  students: ["name", "idNumber"],
  teachers: ["name", "idNumber"],
  notice: ["name"],
};

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
  for (const grid of ordered) {
    const d = detectRoster(grid, { kind: options.kind, overrides: options.columnOverrides?.[grid.name] });
    if (d.ok) return { grid, layout: d.value };
  }
  const first = ordered[0];
  return first ? { grid: first, layout: null } : null;
}

/** The program a sheet's title or name names, by the longest name or alias found in it. */
export function programFromTitle(pack: Pack, title: string): Program | null {
  let best: { program: Program; length: number } | null = null;
  for (const p of pack.programs) {
    for (const name of [p.name, ...p.aliases]) {
      if (name.length >= 2 && title.includes(name) && (!best || name.length > best.length))
        best = { program: p, length: name.length };
    }
  }
  return best?.program ?? null;
}

/** Every rule over one roster sheet. */
export function checkRosterSheet(grid: Grid, layout: RosterLayout, options: CheckOptions, out: Finding[]): void {
  const hasProgramColumn = layout.fieldColumns.program !== undefined;
  const fromTitle =
    options.program === undefined && !hasProgramColumn && layout.kind !== "notice"
      ? programFromTitle(options.pack, `${layout.title} ${grid.name}`)
      : null;
  const sheetProgram = options.program !== undefined ? findProgram(options.pack, options.program) : fromTitle;
  if (fromTitle)
    out.push(
      finding("policy.program-inferred", grid.name, -1, -1, "", {
        program: fromTitle.name,
        from: layout.title || grid.name,
      }),
    );
  const ctx: SheetContext = {
    grid,
    layout,
    pack: options.pack,
    today: options.today,
    sheetProgram,
    enrolled: options.enrolled,
    out,
  };
  if (options.program !== undefined && !sheetProgram) {
    out.push(finding("policy.unknown-program", grid.name, -1, -1, options.program, { given: options.program }));
  }
  if (!sheetProgram && !hasProgramColumn && layout.kind !== "notice" && options.program === undefined) {
    out.push(finding("policy.no-program", grid.name, -1, -1, "", {}));
  }

  const readRow = rowReader(readerColumns(layout));
  const columnMissing = new Set<string>();
  const summaries: RowSummary[] = [];
  const unknownPrograms = new Set<string>();

  for (const r of layout.dataRows) {
    const cells = grid.rows[r] ?? [];
    const { record, issues } = readRow(cells);
    for (const i of issues) {
      const col = layout.fieldColumns[i.field] ?? -1;
      // A birth date is personal data even when it cannot be read: the report shows it masked.
      if (i.field === "birthDate") i.raw = i.raw.replace(/\d/g, "*");
      out.push(
        finding("field.unreadable", grid.name, r, col, i.raw.length > 40 ? `${i.raw.slice(0, 40)}…` : i.raw, {
          field: i.header,
          raw: i.raw.slice(0, 40),
        }),
      );
    }
    for (const f of REQUIRED[layout.kind]) {
      const col = layout.fieldColumns[f];
      const v = col === undefined ? undefined : cells[col];
      if (col !== undefined && (v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) {
        out.push(finding("field.required", grid.name, r, col, "", { field: fieldLabel(f) }));
      }
    }
    let program: Program | null = sheetProgram;
    if (!program && hasProgramColumn && !record.program && layout.kind !== "notice") {
      out.push(
        finding("field.required", grid.name, r, layout.fieldColumns.program ?? -1, "", {
          field: fieldLabel("program"),
        }),
      );
    }
    if (!program && record.program) {
      program = findProgram(options.pack, record.program);
      if (!program && !unknownPrograms.has(record.program)) {
        unknownPrograms.add(record.program);
        out.push(
          finding("policy.unknown-program", grid.name, r, layout.fieldColumns.program ?? -1, record.program, {
            given: record.program,
          }),
        );
      }
    }
    const row: RowContext = { row: r, cells, record, program };
    const id = layout.kind === "notice" ? null : checkIdentity(ctx, row);
    const decision = layout.kind === "notice" ? null : checkPolicy(ctx, row, columnMissing);
    summaries.push({
      row: r,
      program,
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
    out.push(finding("roster.header-missing", name, -1, -1, "", { scanned: 0 }));
    return {
      report: buildReport(out, { pack: packInfo, kind: options.kind ?? "students", rows: 0, locale: options.locale }),
      layout: null,
      sheet: name,
    };
  }
  const { grid, layout } = picked;
  if (!layout) {
    out.push(finding("roster.header-missing", grid.name, -1, -1, "", { scanned: Math.min(grid.rows.length, 40) }));
  } else {
    checkRosterSheet(grid, layout, options, out);
  }
  const kind: RosterKind = layout?.kind ?? options.kind ?? "students";
  const mode: ScanMode = kind === "notice" ? "notice" : "roster";
  const sheets = new Map<
    string,
    { columnFields?: readonly (FieldKey | null)[]; headerRow?: number; mode?: ScanMode }
  >();
  if (layout) {
    const width = Math.max(0, ...layout.columns.map((c) => c.col + 1), ...layout.unknownColumns.map((c) => c.col + 1));
    const columnFields: (FieldKey | null)[] = Array.from({ length: width }, () => null);
    for (const c of layout.columns) columnFields[c.col] = c.field;
    sheets.set(grid.name, { columnFields, headerRow: layout.headerRows[layout.headerRows.length - 1] ?? 0, mode });
  }
  // A notice is published whole: its other sheets and document properties are public too.
  appendAll(out, scanWorkbook(wb, { mode, sheets }));
  return {
    report: buildReport(out, { pack: packInfo, kind, rows: layout?.dataRows.length ?? 0, locale: options.locale }),
    layout,
    sheet: grid.name,
  };
}
