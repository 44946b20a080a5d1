/**
 * Findings are data; text comes later. A rule reports a Finding (rule code, place, typed data);
 * the report builder renders its message and hint from the rule catalogue, per locale, and masks
 * the value it shows, so a Report can travel without raw ID or card numbers in it.
 */
export type Severity = "error" | "warning" | "info";

export type FindingData = Readonly<Record<string, string | number | boolean>>;

export interface Finding {
  rule: string;
  /** The sheet's name. */
  sheet: string;
  /** 0-based row and column of the cell; -1 for a finding about the whole sheet / row / column. */
  row: number;
  col: number;
  /** The value to show, already masked where it is personal data ("" when none). */
  value: string;
  data: FindingData;
  /** Overrides the catalogue's severity (e.g. every privacy finding is an error on a notice sheet). */
  severity?: Severity;
}

export interface Issue {
  rule: string;
  severity: Severity;
  sheet: string;
  /** The sheet's own row number (1-based); 0 when the issue is about the whole sheet. */
  row: number;
  /** Column letter ("C"), or "" when the issue is about a whole row or sheet. */
  column: string;
  /** A1 address ("C5"), or "" when there is no single cell. */
  cell: string;
  /** What is wrong, in Chinese (or the report's locale). */
  message: string;
  /** How to fix it. */
  hint: string;
  /** The offending value, masked: reports never carry raw ID or card numbers. */
  value: string;
}

export type RosterKind = "students" | "teachers" | "notice";

export interface ReportStats {
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
  byRule: Record<string, number>;
}

export interface Report {
  valid: boolean;
  pack: { id: string; version: string };
  kind: RosterKind;
  stats: ReportStats;
  issues: Issue[];
}
