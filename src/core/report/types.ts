/**
 * The Report: the findings of a check rendered in one locale (see build.ts). The finding types
 * live in ../findings, shared with the rules.
 */
import type { RosterKind, Severity } from "../findings/types";

export type { Finding, FindingData, RosterKind, Severity } from "../findings/types";

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
