/**
 * The 一对一帮扶 check: the pairing ledgers, their records and score sheets of a workbook (and the
 * aid rosters whose 建档立卡 students must be covered) → findings. The identity, phone and
 * unreadable-value rules of the rosters run on every ledger row; the pair.* rules compare the
 * pairs with the plan's numbers (policy pack `pairing.plans`). Pure, one pass per sheet.
 */
import type { CivilDate } from "../date/civil";
import { formatIso } from "../date/civil";
import type { Finding } from "../findings/types";
import { cellAddress } from "../grid/types";
import type { Pack, PairingPlan } from "../policy/schema";
import { findPairingPlan } from "./plan";
import { rowReader, type FieldKey } from "../roster";
import { readerColumns, type RosterLayout } from "../roster/detect";
import type { RowContext, SheetContext } from "../rules/context";
import { requiredFields, unreadableValues } from "../rules/fields";
import { finding } from "../rules/finding";
import { checkIdCell } from "../rules/id-document";
import { checkPhone } from "../rules/phone";
import {
  calendarYear,
  inPeriod,
  ledgerPeriod,
  nameKey,
  PairLookup,
  pairKey,
  pairRows,
  readRows,
  recordRows,
  type LedgerPeriod,
  type LedgerSheet,
  type PairRow,
  type ReadRow,
  type RecordRow,
  studentKey,
} from "./ledger";
import { parseId } from "../id/parse";
import { maskId } from "../mask";
import { PairedIndex } from "./paired";

export interface CoverageRoster {
  sheet: LedgerSheet;
  /** The file it comes from when it is not this workbook (--against), for the report's sheet name. */
  label: string;
}

export interface PairingInput {
  pairs: readonly LedgerSheet[];
  records: readonly LedgerSheet[];
  scores: readonly LedgerSheet[];
  /** Aid rosters whose students the plan's coverage names (建档立卡) must each have a helper. */
  rosters: readonly CoverageRoster[];
  pack: Pack;
  today: CivilDate;
  /** The pairing plan (code, name or alias); default: inferred from the ledger. */
  program?: string;
  /** The ledger's year (--year); default: the period its title names (2026年度, 2025—2026学年), else today's year. */
  year?: number;
}

/** What the check found out, besides findings: for the sheets built from the ledger. */
export interface PairingSummary {
  plan: PairingPlan | null;
  period: LedgerPeriod;
  rows: number;
}

/** The identity rules of the rosters on one ledger sheet's rows. */
function identityRules(sheet: LedgerSheet, rows: readonly ReadRow[], pack: Pack, today: CivilDate, out: Finding[]) {
  const ctx: SheetContext = { grid: sheet.grid, layout: sheet.layout, pack, today, sheetProgram: null, out };
  for (const r of rows) {
    unreadableValues(sheet.grid.name, r.row, sheet.layout, r.issues, out);
    requiredFields(sheet.grid.name, r.row, sheet.layout, r.cells, out);
    const row: RowContext = { row: r.row, cells: r.cells, record: r.record, program: null };
    checkIdCell(ctx, row, "idNumber");
    checkPhone(ctx, row, "phone");
    checkPhone(ctx, row, "helperPhone");
  }
}

const col = (layout: RosterLayout, field: FieldKey): number => layout.fieldColumns[field] ?? -1;

interface PlacedPair extends PairRow {
  sheet: LedgerSheet;
}

/** Each pair's yearly funds and visits summed from the records, by helper + student key. */
interface Tally {
  funds: number;
  visits: number;
}

function checkPairsRules(pairs: readonly PlacedPair[], plan: PairingPlan, out: Finding[]): void {
  const seen = new Map<string, PlacedPair>();
  const helpersOf = new Map<string, PlacedPair[]>();
  const studentsOf = new Map<string, Set<string>>();
  const helperRows = new Map<string, PlacedPair[]>();
  for (const p of pairs) {
    const helper = nameKey(p.helper);
    if (helper === "") continue;
    const rows = helperRows.get(helper) ?? [];
    rows.push(p);
    helperRows.set(helper, rows);
    if (!p.student) continue;
    const student = studentKey(p.id18, p.student);
    const key = pairKey(p);
    const first = seen.get(key);
    const l = p.sheet.layout;
    if (first) {
      out.push(
        finding("pair.duplicate", p.sheet.grid.name, p.row, col(l, "name"), p.student, {
          student: p.student,
          helper: p.helper ?? "",
          first: cellAddress(first.row, col(first.sheet.layout, "name")),
          oneToOne: false,
        }),
      );
      continue;
    }
    seen.set(key, p);
    const list = helpersOf.get(student) ?? [];
    list.push(p);
    helpersOf.set(student, list);
    const students = studentsOf.get(helper) ?? new Set<string>();
    students.add(student);
    studentsOf.set(helper, students);
  }
  // 一帮一: a student has one helper (the row's 结对方式, else the plan's).
  for (const list of helpersOf.values()) {
    if (list.length < 2) continue;
    if (!list.some((p) => (p.mode ?? plan.mode) === "一帮一")) continue;
    const [first, ...rest] = list;
    if (!first) continue;
    for (const p of rest) {
      out.push(
        finding("pair.duplicate", p.sheet.grid.name, p.row, col(p.sheet.layout, "helperName"), p.helper ?? "", {
          student: p.student ?? "",
          helper: p.helper ?? "",
          first: cellAddress(first.row, col(first.sheet.layout, "helperName")),
          oneToOne: true,
        }),
      );
    }
  }
  for (const [helper, rows] of helperRows) {
    const first = rows[0];
    if (!first) continue;
    const count = studentsOf.get(helper)?.size ?? 0;
    const at = (p: PlacedPair) =>
      [p.sheet.grid.name, p.row, col(p.sheet.layout, "helperName"), p.helper ?? ""] as const;
    if (count === 0) {
      out.push(finding("pair.idle-helper", ...at(first), { helper: first.helper ?? "", plan: plan.name }));
    } else if (plan.perHelper?.max !== undefined && count > plan.perHelper.max) {
      out.push(
        finding("pair.load", ...at(first), {
          helper: first.helper ?? "",
          count,
          max: plan.perHelper.max,
          plan: plan.name,
          source: plan.perHelper.source,
        }),
      );
    }
  }
}

/** Records → per-pair tallies for the year, and pair.unknown / pair.record-date findings. */
function tallyRecords(
  records: readonly { sheet: LedgerSheet; rows: RecordRow[] }[],
  pairs: readonly PlacedPair[],
  plan: PairingPlan | null,
  period: LedgerPeriod,
  today: CivilDate,
  out: Finding[],
): Map<string, Tally> {
  const lookup = new PairLookup(pairs);
  const todayIso = formatIso(today);
  const visitTypes = new Set(plan?.visitTypes ?? ["走访", "家访"]);
  const tallies = new Map<string, Tally>();
  for (const { sheet, rows } of records) {
    const l = sheet.layout;
    for (const r of rows) {
      if (r.date) {
        const future = r.date > todayIso;
        if (future || !inPeriod(r.date, period)) {
          out.push(
            finding("pair.record-date", sheet.grid.name, r.row, col(l, "recordDate"), r.date, {
              date: r.date,
              period: period.label,
              future,
            }),
          );
          if (future) continue;
        }
      }
      // A record names its student by name, by ID, or both.
      const hasStudent = r.student !== null || r.id18 !== null;
      const shownStudent = r.student ?? (r.id18 ? maskId(r.id18) : "");
      const studentCol = col(l, r.student ? "name" : "idNumber");
      if (nameKey(r.helper) && !lookup.hasHelper(r.helper)) {
        out.push(
          finding("pair.unknown", sheet.grid.name, r.row, col(l, "helperName"), r.helper ?? "", {
            who: "helper",
            name: r.helper ?? "",
            helper: "",
          }),
        );
        continue;
      }
      if (hasStudent && !lookup.hasStudent(r.id18, r.student)) {
        out.push(
          finding("pair.unknown", sheet.grid.name, r.row, studentCol, shownStudent, {
            who: "student",
            name: shownStudent,
            helper: "",
          }),
        );
        continue;
      }
      if (!nameKey(r.helper) || !hasStudent) continue;
      const key = lookup.find(r.helper, r.id18, r.student);
      if (!key) {
        out.push(
          finding("pair.unknown", sheet.grid.name, r.row, studentCol, shownStudent, {
            who: "pair",
            name: shownStudent,
            helper: r.helper ?? "",
          }),
        );
        continue;
      }
      if (!r.date || !inPeriod(r.date, period)) continue;
      const t = tallies.get(key) ?? { funds: 0, visits: 0 };
      if (r.amount !== null) t.funds += r.amount;
      if (r.type !== null && visitTypes.has(r.type)) t.visits += 1;
      tallies.set(key, t);
    }
  }
  return tallies;
}

/**
 * A pair's yearly funds or visits under the plan's minimum: from the ledger's column when it has one
 * (a blank cell is 0), else from the records (null: nothing to count from). Where to point and what to show.
 */
function shortfall(
  layout: RosterLayout,
  field: "amount" | "visits",
  inColumn: number | null,
  fromRecords: number | null,
  min: number | undefined,
): { value: number; col: number; shown: string; fromRecords: boolean } | null {
  if (min === undefined) return null;
  // A filled cell is what the ledger declares; a blank one (or no column) is what the records say.
  const column = layout.fieldColumns[field] !== undefined;
  const declared = column && inColumn !== null;
  const value = declared ? inColumn : (fromRecords ?? (column ? 0 : null));
  if (value === null || value >= min) return null;
  const counted = !declared && fromRecords !== null;
  return {
    value,
    col: col(layout, column ? field : "name"),
    shown: counted ? "" : String(value),
    fromRecords: counted,
  };
}

function checkMinimums(
  pairs: readonly PlacedPair[],
  tallies: ReadonlyMap<string, Tally> | null,
  plan: PairingPlan,
  period: LedgerPeriod,
  out: Finding[],
): void {
  for (const p of pairs) {
    if (!p.student || !p.helper) continue;
    const l = p.sheet.layout;
    const key = pairKey(p);
    const tally = tallies?.get(key) ?? { funds: 0, visits: 0 };
    const who = { student: p.student, helper: p.helper, period: period.label };
    const fundsAt = shortfall(l, "amount", p.funds, tallies ? tally.funds : null, plan.minFunds?.amount);
    if (plan.minFunds && fundsAt) {
      const { amount: min, source } = plan.minFunds;
      const data = { ...who, amount: fundsAt.value, min, fromRecords: fundsAt.fromRecords, source };
      out.push(finding("pair.funds", p.sheet.grid.name, p.row, fundsAt.col, fundsAt.shown, data));
    }
    const visitsAt = shortfall(l, "visits", p.visits, tallies ? tally.visits : null, plan.minVisits?.count);
    if (plan.minVisits && visitsAt) {
      const { count: min, source } = plan.minVisits;
      const data = { ...who, count: visitsAt.value, min, fromRecords: visitsAt.fromRecords, source };
      out.push(finding("pair.visits", p.sheet.grid.name, p.row, visitsAt.col, visitsAt.shown, data));
    }
  }
}

/** The aid rosters' students the plan must cover (by 困难类型), each without a helper → pair.uncovered. */
function checkCoverage(
  rosters: readonly CoverageRoster[],
  pairs: readonly PlacedPair[],
  plan: PairingPlan,
  today: CivilDate,
  out: Finding[],
): void {
  const coverage = plan.coverage;
  if (!coverage) return;
  const paired = new PairedIndex(pairs);
  const wanted = new Set(coverage.hardship);
  for (const { sheet, label } of rosters) {
    const read = rowReader(readerColumns(sheet.layout));
    const l = sheet.layout;
    for (const r of l.dataRows) {
      const { record } = read(sheet.grid.rows[r] ?? []);
      if (!record.name || !(record.hardship ?? []).some((h) => wanted.has(h))) continue;
      const parsed = record.idNumber ? parseId(record.idNumber, today) : null;
      const id18 = parsed?.ok ? parsed.value.id18 : null;
      const student = { name: record.name, id18, hasId: record.idNumber !== undefined, school: record.school ?? null };
      if (paired.covers(student)) continue;
      const where = label ? `${label} › ${sheet.grid.name}` : sheet.grid.name;
      out.push(
        finding("pair.uncovered", where, r, col(l, "name"), record.name, {
          student: record.name,
          school: record.school ?? "",
          plan: plan.name,
          source: coverage.source,
        }),
      );
    }
  }
}

/** Every 帮扶 rule over a workbook's ledgers. */
export function checkPairing(input: PairingInput, out: Finding[]): PairingSummary {
  const { pack, today } = input;
  const firstLayout = input.pairs[0]?.layout ?? input.records[0]?.layout ?? null;
  const plan = findPairingPlan(pack, input.program, firstLayout);
  // --year, else the period of the ledger's title, else of a records sheet's (as 帮扶记录汇总 takes it),
  // else today's calendar year.
  const period =
    (input.year !== undefined ? calendarYear(input.year) : null) ??
    [...input.pairs, ...input.records].map((s) => ledgerPeriod(s.layout)).find((p) => p !== null) ??
    calendarYear(today.y);
  let rows = 0;
  const pairs: PlacedPair[] = [];
  for (const sheet of input.pairs) {
    const read = readRows(sheet);
    rows += read.length;
    identityRules(sheet, read, pack, today, out);
    for (const p of pairRows(read, today)) pairs.push({ ...p, sheet });
  }
  const records = input.records.map((sheet) => {
    const read = readRows(sheet);
    rows += read.length;
    identityRules(sheet, read, pack, today, out);
    return { sheet, rows: recordRows(read, today) };
  });
  for (const sheet of input.scores) {
    const read = readRows(sheet);
    rows += read.length;
    identityRules(sheet, read, pack, today, out);
  }
  if (pairs.length > 0 || records.length > 0) {
    const tallies =
      records.length > 0 && pairs.length > 0 ? tallyRecords(records, pairs, plan, period, today, out) : null;
    if (plan && pairs.length > 0) {
      checkPairsRules(pairs, plan, out);
      checkMinimums(pairs, tallies, plan, period, out);
      checkCoverage(input.rosters, pairs, plan, today, out);
    }
  }
  return { plan, period, rows };
}
