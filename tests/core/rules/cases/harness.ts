/**
 * The shared runner of the rule cases: every case is a row of a table (a name, a small roster or
 * a batch of county files, options, and what must or must not be found), run through the public
 * entry points only — checkWorkbook for the roster and privacy rules, countyIssues for the county
 * rules — so the cases survive any reshaping of the rule modules behind them.
 */
import { checkWorkbook, type CheckOptions } from "../../../../src/core/check/check";
import { countyIssues, type CountyFile, type CountyIssue } from "../../../../src/core/county";
import type { CivilDate } from "../../../../src/core/date/civil";
import { makeGrid, type CellValue, type Grid } from "../../../../src/core/grid/types";
import { seedPack, type Pack } from "../../../../src/core/policy";
import type { Issue, Severity } from "../../../../src/core/report/types";
import type { Locale } from "../../../../src/core/result";

/** Every case runs on this day, so ages and "in the future" never depend on the machine's clock. */
export const TODAY: CivilDate = { y: 2026, m: 11, d: 28 };

const PACK = seedPack();

/** A finding a `ng` case must produce. */
export interface Expected {
  rule: string;
  /** The A1 cell ("D4"); "" for a finding about a whole row or sheet. */
  cell: string;
  severity: Severity;
  /** The Chinese message, or a distinctive part of it. */
  message: string | RegExp;
  /** For a finding about a whole row (cell ""): its sheet row number. */
  row?: number;
}

/** `rule` at `cell` with `severity` whose message contains (or matches) `message`. */
export function finding(
  rule: string,
  cell: string,
  severity: Severity,
  message: string | RegExp,
  row?: number,
): Expected {
  return row === undefined ? { rule, cell, severity, message } : { rule, cell, severity, message, row };
}

export interface Roster {
  /** The roster sheet's rows, title rows included. */
  rows: CellValue[][];
  /** The sheet's name (default 花名册). */
  sheet?: string;
  /** Number formats, hidden rows, notes, headers and footers, sheet state… */
  grid?: Partial<Omit<Grid, "name" | "rows">>;
  /** Further sheets of the workbook, after the roster. */
  others?: Grid[];
  properties?: Record<string, string>;
}

export type RosterOptions = Partial<CheckOptions>;

interface RosterCaseBase {
  name: string;
  roster: Roster;
  options?: RosterOptions;
  /**
   * A known bug: the case states the behaviour as it should be and runs as `test.failing`
   * (it starts failing the day the bug is fixed; then drop this).
   */
  bug?: string;
}

/** The roster must produce these findings: each at its cell, and no other finding of their codes. */
export interface RosterNg extends RosterCaseBase {
  verdict: "ng";
  findings: Expected[];
  /** Codes that must not appear besides. */
  absent?: string[];
}

/** The roster must produce no finding of these codes. */
export interface RosterOk extends RosterCaseBase {
  verdict: "ok";
  absent: string[];
}

export type RosterCase = RosterNg | RosterOk;

/** Runs a case's roster through checkWorkbook (the seed pack and TODAY unless the case says otherwise). */
export function checkRoster(roster: Roster, options: RosterOptions = {}): Issue[] {
  const grid = makeGrid(roster.sheet ?? "花名册", roster.rows, roster.grid);
  const { report } = checkWorkbook(
    { sheets: [grid, ...(roster.others ?? [])], properties: roster.properties ?? {} },
    { pack: PACK, today: TODAY, ...options },
  );
  return report.issues;
}

const brief = (i: { rule: string; cell: string; row: number }): string =>
  `${i.rule}@${i.cell || (i.row > 0 ? `row ${i.row}` : "sheet")}`;

/** Invariants of every issue: rendered text, masked values. */
function expectWellFormed(issues: readonly Issue[]): void {
  for (const i of issues) {
    expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    expect(`${i.message} ${i.hint}`).not.toMatch(/undefined|NaN|\[object/);
    // Reports never carry a raw ID or card number.
    expect(i.value).not.toMatch(/\d{15,}/);
  }
}

function matches(i: Issue, e: Expected): boolean {
  return i.rule === e.rule && i.cell === e.cell && (e.row === undefined || i.row === e.row);
}

export function expectRosterCase(c: RosterCase): void {
  const issues = checkRoster(c.roster, c.options);
  expectWellFormed(issues);
  const absent = new Set(c.absent ?? []);
  expect(issues.filter((i) => absent.has(i.rule)).map(brief)).toEqual([]);
  if (c.verdict === "ok") return;
  // Every finding of the expected codes, and exactly those (in the order the report lists them).
  const codes = new Set(c.findings.map((e) => e.rule));
  const expected = c.findings.map((e) => brief({ rule: e.rule, cell: e.cell, row: e.row ?? 0 }));
  const actual = issues.filter((i) => codes.has(i.rule));
  expect(actual.map(brief).sort()).toEqual(expected.sort());
  for (const e of c.findings) {
    const i = actual.find((a) => matches(a, e));
    expect({ rule: i?.rule, cell: i?.cell, severity: i?.severity }).toEqual({
      rule: e.rule,
      cell: e.cell,
      severity: e.severity,
    });
    if (typeof e.message === "string") expect(i?.message).toContain(e.message);
    else expect(i?.message).toMatch(e.message);
  }
}

/** One test per case; known bugs as `test.failing`. */
export function runRosterCases(cases: readonly RosterCase[]): void {
  for (const c of cases) {
    const title = `${c.verdict} · ${c.name}`;
    if (c.bug) test.failing(`${title} — known bug: ${c.bug}`, () => expectRosterCase(c));
    else test(title, () => expectRosterCase(c));
  }
}

/** A county finding a `ng` case must produce. */
export interface CountyExpected {
  rule: string;
  severity: Severity;
  message: string | RegExp;
  /** Where: "file › sheet!cell" (or "file › sheet" for a whole file), in order. */
  places: string[];
}

interface CountyCaseBase {
  name: string;
  files: CountyFile[];
  /** 学校 → 在校人数, keys as schoolKey makes them (quotas are checked only with it). */
  enrolment?: Map<string, number>;
  pack?: Pack;
  bug?: string;
}

export interface CountyNg extends CountyCaseBase {
  verdict: "ng";
  findings: CountyExpected[];
  absent?: string[];
}

export interface CountyOk extends CountyCaseBase {
  verdict: "ok";
  absent: string[];
}

export type CountyCase = CountyNg | CountyOk;

/** Runs a case's files through countyIssues (the seed pack unless the case says otherwise). */
export function checkCounty(c: CountyCase, locale?: Locale): CountyIssue[] {
  return countyIssues(c.files, { pack: c.pack ?? PACK, enrolment: c.enrolment ?? null, locale });
}

export function expectCountyCase(c: CountyCase): void {
  const issues = checkCounty(c);
  for (const i of issues) {
    expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    expect(`${i.message} ${i.hint} ${i.source}`).not.toMatch(/undefined|NaN|\[object/);
    expect(i.value).not.toMatch(/\d{15,}/);
  }
  const absent = new Set(c.absent ?? []);
  expect(issues.filter((i) => absent.has(i.rule)).map((i) => i.rule)).toEqual([]);
  if (c.verdict === "ok") return;
  const codes = new Set(c.findings.map((e) => e.rule));
  const actual = issues
    .filter((i) => codes.has(i.rule))
    .map((i) => ({
      rule: i.rule,
      severity: i.severity,
      message: i.message,
      places: i.places.map((p) => `${p.file} › ${p.sheet}${p.cell ? `!${p.cell}` : ""}`),
    }));
  expect(actual.map(({ rule, severity, places }) => ({ rule, severity, places }))).toEqual(
    c.findings.map(({ rule, severity, places }) => ({ rule, severity, places })),
  );
  c.findings.forEach((e, k) => {
    const message = actual[k]?.message;
    if (typeof e.message === "string") expect(message).toContain(e.message);
    else expect(message).toMatch(e.message);
  });
}

export function runCountyCases(cases: readonly CountyCase[]): void {
  for (const c of cases) {
    const title = `${c.verdict} · ${c.name}`;
    if (c.bug) test.failing(`${title} — known bug: ${c.bug}`, () => expectCountyCase(c));
    else test(title, () => expectCountyCase(c));
  }
}

/** The codes a case is about: those it expects (ng) or rules out (ok). */
export function codesOf(c: RosterCase | CountyCase): { ng: string[]; ok: string[] } {
  return c.verdict === "ng" ? { ng: c.findings.map((f) => f.rule), ok: [] } : { ng: [], ok: c.absent };
}
