/**
 * A1 references and formula literals for the formulas the builders write: sheet names quoted as
 * Excel quotes them, absolute ranges on the roster sheet, COUNTIFS criteria that match a text
 * exactly, and string literals.
 */
import { columnName } from "../grid/types";

/** 'Sheet name' with any apostrophe doubled: always quoted, which Excel accepts for every name. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "$E$5" (0-based row and column). */
export function absAddress(row: number, col: number): string {
  return `$${columnName(col)}$${row + 1}`;
}

/** "'花名册'!$E$5"; without a sheet (null), "$E$5". */
export function absCell(sheet: string | null, row: number, col: number): string {
  const cell = absAddress(row, col);
  return sheet === null ? cell : `${quoteSheet(sheet)}!${cell}`;
}

/** "'花名册'!$E$5:$E$104" (0-based, inclusive); without a sheet (null), "$E$5:$E$104". */
export function absRange(sheet: string | null, top: number, left: number, bottom: number, right: number): string {
  const range = `${absAddress(top, left)}:${absAddress(bottom, right)}`;
  return sheet === null ? range : `${quoteSheet(sheet)}!${range}`;
}

/** "G4:G43": a relative range on the same sheet (0-based, inclusive). */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  return `${columnName(left)}${top + 1}:${columnName(right)}${bottom + 1}`;
}

/** Escapes the COUNTIFS wildcards * ? and the escape character ~ itself. */
export function escapeCriteria(value: string): string {
  return value.replace(/[*?~]/g, (ch) => `~${ch}`);
}

/**
 * A COUNTIFS/SUMIFS criterion that matches exactly this text (case-insensitively, as Excel
 * compares): wildcards escaped, and an explicit "=" so a value like "<5" or "=x" is a literal, not
 * an operator. The empty text gives "" — the criterion that matches blank cells (and cells
 * holding an empty string); "=" alone would match truly empty cells only. (A text that reads as a
 * number, "=2026", also matches the number 2026 in Excel; the texts summarized — 资助项目, 学段,
 * 困难类型 — are words.)
 */
export function criteriaText(value: string): string {
  return value === "" ? "" : `=${escapeCriteria(value)}`;
}

/** A criterion matching every cell except this exact text (blank cells included). */
export function notCriteriaText(value: string): string {
  return `<>${escapeCriteria(value)}`;
}

/** An Excel string literal: "text" with inner quotes doubled. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
