/**
 * Findings are data; text comes later. A rule reports a Finding (rule code, place, typed data);
 * the report builder renders its message and hint from the rule's catalogue entry, per locale,
 * and the value it shows is masked, so a Report can travel without raw ID or card numbers in it.
 * These types sit apart from both the rules and the report, which both use them.
 */
import type { Texts } from "../locale";

export type Severity = "error" | "warning" | "info";

/** What a roster lists: students, teachers, or the people of a 公示 notice. */
export type RosterKind = "students" | "teachers" | "notice" | LedgerKind;

/** 一对一帮扶 sheets: the pairing ledger (帮联台账), its records (帮扶记录) and 学困生 scores. */
export type LedgerKind = "pairs" | "records" | "scores";

/** What a finding's data may hold: plain values, and problems (objects) made of them. */
export type FindingValue =
  string | number | boolean | null | undefined | readonly FindingValue[] | { readonly [key: string]: FindingValue };

export type FindingData = { readonly [key: string]: FindingValue };

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

/**
 * One rule's catalogue entry, the same shape for the roster rules and the county rules: its
 * default severity, where it comes from, its title, and its message and hint in both locales
 * from the finding's typed data. A finding whose data names a `source` (the pack's clause for
 * this case) is from there rather than from the entry's general `source`.
 */
export interface RuleEntry<D> {
  severity: Severity;
  /** Where the rule comes from (a standard, a plan, the pack). */
  source: string;
  title: Texts;
  message: (d: D) => Texts;
  hint: (d: D) => Texts;
}

/** A family's entries, one per code of its data map. */
export type RuleEntries<Data> = { [K in keyof Data]: RuleEntry<Data[K]> };
