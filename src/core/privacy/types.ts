/**
 * Personal data (个人敏感信息) a 公示 must not show (POLICY.md §3, 方案7 三.2): 身份证号码,
 * 电话号码, 银行卡号, 出生日期, 家庭住址. Detectors find them in one cell value; the scanner turns
 * hits into Findings for a sheet or a whole workbook.
 */
import type { FieldKey } from "../roster/fields";

export type PiiKind = "id-number" | "phone" | "bank-card" | "birth-date" | "address";

export interface PiiHit {
  kind: PiiKind;
  /** The value as a report may show it: masked, never the raw number or address. */
  masked: string;
  /** How it was found: by its own shape, or because the column is meant to hold it. */
  by: "content" | "column";
  /** A number Excel stored with 15 significant digits: its last digits are gone. */
  precisionLost?: boolean;
  /** ID: whether the check digit is right; bank card: whether Luhn passes (absent when unknown). */
  checksumOk?: boolean;
}

export interface PiiContext {
  /** The canonical field of the cell's column, or null. */
  field?: FieldKey | null;
  /** The column's header text, used when `field` is not given. */
  headerText?: string;
  /** The cell's number format ("yyyy-mm-dd"…), for date serials. */
  format?: string;
}

export type ScanMode = "notice" | "roster" | "inventory";

export interface ScanOptions {
  mode: ScanMode;
  /**
   * For the sheet being scanned: canonical field of each column (index = 0-based column), from the
   * roster's header mapping; absent → found from the header row if given, else content only.
   */
  columnFields?: readonly (FieldKey | null)[];
  /** 0-based header row (cells at or above it are headers/titles: scanned for content only, not by column meaning). */
  headerRow?: number;
  /** Rows to skip (e.g. rows already outside the table). */
  skipRows?: ReadonlySet<number>;
}

export interface SheetScanOptions {
  columnFields?: readonly (FieldKey | null)[];
  headerRow?: number;
  mode?: ScanMode;
}

export interface WorkbookScanOptions {
  mode: ScanMode;
  /** Per sheet (by name): its column meanings, header row and, if different, its mode. */
  sheets?: Map<string, SheetScanOptions>;
}

export const PRIVACY_RULES = [
  "privacy.id-number",
  "privacy.phone",
  "privacy.bank-card",
  "privacy.birth-date",
  "privacy.address",
] as const;

export type PrivacyRule = (typeof PRIVACY_RULES)[number];

export function ruleOf(kind: PiiKind): PrivacyRule {
  return `privacy.${kind}`;
}
