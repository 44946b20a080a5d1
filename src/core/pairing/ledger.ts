/**
 * 一对一帮扶 sheets read into plain rows: the pairing ledger (帮联台账: who helps whom), the
 * records (帮扶记录: each visit, talk, lesson or payment) and the 学困生 score sheet. Each row keeps
 * its sheet row, so every rule can point at a cell. A student is known by the 18-digit ID when it
 * parses, else by name (and school, when both sides give one).
 */
import type { CivilDate } from "../date/civil";
import type { CellValue, Grid } from "../grid/types";
import { parseId } from "../id/parse";
import { rowReader, type FieldIssue, type NormalizedRecord } from "../roster";
import { readerColumns, type RosterLayout } from "../roster/detect";
import type { PairMode, RecordType } from "../roster/values";
import { compact } from "../text/normalize";

export interface LedgerSheet {
  grid: Grid;
  layout: RosterLayout;
}

export interface PairRow {
  row: number;
  helper: string | null;
  helperUnit: string | null;
  /** The student's name, or null for a helper listed with nobody. */
  student: string | null;
  id18: string | null;
  /** The ID as written when it does not parse (compared as text). */
  idText: string | null;
  school: string | null;
  /** 建档立卡, from 是否建档立卡 or the 困难类型 column. */
  registered: boolean;
  mode: PairMode | null;
  funds: number | null;
  visits: number | null;
}

export interface RecordRow {
  row: number;
  date: string | null;
  helper: string | null;
  student: string | null;
  id18: string | null;
  type: RecordType | null;
  amount: number | null;
}

export interface ScoreRow {
  row: number;
  name: string;
  id18: string | null;
  subject: string | null;
  helper: string | null;
  lastScore: number | null;
  score: number | null;
  lastRank: number | null;
  rank: number | null;
}

/** How a student is matched: the 18-digit ID when valid, else the name. */
export function studentKey(id18: string | null, name: string | null): string {
  return id18 ?? `name:${nameKey(name)}`;
}

/** A pair's key: its helper and its student (the ID when valid, else the name). */
export function pairKey(p: Pick<PairRow, "helper" | "id18" | "student">): string {
  return `${nameKey(p.helper)}|${studentKey(p.id18, p.student)}`;
}

/**
 * The ledger's pairs as a record finds them: by its helper's name and its student's ID or name (a
 * record may give either or both). The check and 帮扶记录汇总 match records alike through it.
 */
export class PairLookup {
  private readonly helpers = new Set<string>();
  private readonly students = new Set<string>();
  private readonly keys = new Map<string, string>();

  constructor(pairs: Iterable<Pick<PairRow, "helper" | "id18" | "student">>) {
    for (const p of pairs) {
      const h = nameKey(p.helper);
      if (h) this.helpers.add(h);
      if (!h || !p.student) continue;
      const key = pairKey(p);
      const byName = `${h}|${studentKey(null, p.student)}`;
      this.students.add(studentKey(p.id18, p.student));
      this.students.add(studentKey(null, p.student));
      this.keys.set(key, key);
      if (!this.keys.has(byName)) this.keys.set(byName, key);
    }
  }

  hasHelper(helper: string | null): boolean {
    return this.helpers.has(nameKey(helper));
  }

  hasStudent(id18: string | null, name: string | null): boolean {
    return this.students.has(studentKey(id18, name)) || (name !== null && this.students.has(studentKey(null, name)));
  }

  /** The key of the pair a record names, or undefined. */
  find(helper: string | null, id18: string | null, name: string | null): string | undefined {
    const h = nameKey(helper);
    if (!h || (!name && !id18)) return undefined;
    return (
      this.keys.get(`${h}|${studentKey(id18, name)}`) ??
      (name ? this.keys.get(`${h}|${studentKey(null, name)}`) : undefined)
    );
  }
}

/** A name as compared: full-width forms and spaces removed ("张 三" is 张三). */
export function nameKey(name: string | null | undefined): string {
  return name ? compact(name) : "";
}

function id18Of(record: NormalizedRecord, today: CivilDate): string | null {
  if (!record.idNumber) return null;
  const r = parseId(record.idNumber, today);
  return r.ok ? r.value.id18 : null;
}

/** One data row, read once: its 0-based row, cells, normalised record and the values it could not read. */
export interface ReadRow {
  row: number;
  cells: readonly CellValue[];
  record: NormalizedRecord;
  issues: FieldIssue[];
}

export function readRows(sheet: LedgerSheet): ReadRow[] {
  const read = rowReader(readerColumns(sheet.layout));
  return sheet.layout.dataRows.map((row) => {
    const cells = sheet.grid.rows[row] ?? [];
    return { row, cells, ...read(cells) };
  });
}

export function pairRows(rows: readonly ReadRow[], today: CivilDate): PairRow[] {
  return rows.map(({ row, record: r }) => {
    const id18 = id18Of(r, today);
    return {
      row,
      helper: r.helperName ?? null,
      helperUnit: r.helperUnit ?? null,
      student: r.name ?? null,
      id18,
      idText: id18 ? null : (r.idNumber ?? null),
      school: r.school ?? null,
      registered: r.registered ?? r.hardship?.includes("建档立卡") ?? false,
      mode: r.pairMode ?? null,
      funds: r.amount ?? null,
      visits: r.visits ?? null,
    };
  });
}

export function recordRows(rows: readonly ReadRow[], today: CivilDate): RecordRow[] {
  return rows.map(({ row, record: r }) => ({
    row,
    date: r.recordDate ?? null,
    helper: r.helperName ?? null,
    student: r.name ?? null,
    id18: id18Of(r, today),
    type: r.recordType ?? null,
    amount: r.amount ?? null,
  }));
}

export function scoreRows(rows: readonly ReadRow[], today: CivilDate): ScoreRow[] {
  return rows.flatMap(({ row, record: r }) =>
    r.name
      ? [
          {
            row,
            name: r.name,
            id18: id18Of(r, today),
            subject: r.subject ?? null,
            helper: r.helperName ?? null,
            lastScore: r.lastScore ?? null,
            score: r.score ?? null,
            lastRank: r.lastRank ?? null,
            rank: r.rank ?? null,
          },
        ]
      : [],
  );
}

/** The ledger's year: the first 20xx年 of its title or sheet name ("2026年度帮联台账"), else none. */
export function ledgerYear(layout: RosterLayout): number | null {
  const m = /(20\d{2})\s*(?:年|学年|年度)/.exec(`${layout.title} ${layout.sheet}`);
  return m ? Number(m[1]) : null;
}

/** The days a ledger counts (ISO dates, both included) and how messages name them. */
export interface LedgerPeriod {
  from: string;
  to: string;
  label: { zh: string; en: string };
}

/** A calendar year (方案8 (二)4 每年: the 帮联 default). */
export function calendarYear(y: number): LedgerPeriod {
  return { from: `${y}-01-01`, to: `${y}-12-31`, label: { zh: `${y} 年`, en: `${y}` } };
}

/** A school year, 1 September to 31 August ("2025—2026学年"). */
export function schoolYear(first: number): LedgerPeriod {
  const next = first + 1;
  return {
    from: `${first}-09-01`,
    to: `${next}-08-31`,
    label: { zh: `${first}—${next} 学年`, en: `the ${first}–${next} school year` },
  };
}

/** The period a title names: "2025-2026学年" a school year, "2026年度" a calendar year; else null. */
export function ledgerPeriod(layout: RosterLayout): LedgerPeriod | null {
  const where = `${layout.title} ${layout.sheet}`;
  const range = /(20\d{2})\s*[-—–~至到]\s*(20\d{2})\s*学年/.exec(where);
  if (range && Number(range[2]) === Number(range[1]) + 1) return schoolYear(Number(range[1]));
  const year = ledgerYear(layout);
  return year === null ? null : calendarYear(year);
}

export function inPeriod(iso: string, p: LedgerPeriod): boolean {
  return iso >= p.from && iso <= p.to;
}
