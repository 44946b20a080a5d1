import type { CivilDate } from "../date/civil";
import type { CellValue, Grid } from "../grid/types";
import type { Pack, Program } from "../policy";
import type { FieldKey, NormalizedRecord } from "../roster";
import type { RosterLayout } from "../roster/detect";
import type { Finding } from "../findings/types";

/** What every rule of one sheet sees. */
export interface SheetContext {
  grid: Grid;
  layout: RosterLayout;
  pack: Pack;
  today: CivilDate;
  /** The program the whole sheet is for (--program), or null: then each row's 资助项目 column. */
  sheetProgram: Program | null;
  enrolled?: number;
  /** Findings are collected here. */
  out: Finding[];
}

/** One data row, read once and shared by the rules. */
export interface RowContext {
  row: number;
  cells: readonly CellValue[];
  record: NormalizedRecord;
  program: Program | null;
}

export function colOf(ctx: SheetContext, field: FieldKey): number {
  return ctx.layout.fieldColumns[field] ?? -1;
}

export function rawOf(ctx: SheetContext, row: RowContext, field: FieldKey): CellValue {
  const col = colOf(ctx, field);
  return col >= 0 ? (row.cells[col] ?? null) : null;
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** What the sheet-wide rules need of each data row, collected while the rows are read. */
export interface RowSummary {
  row: number;
  program: Program | null;
  id18: string | null;
  /** The ID cell's compact text when it is not a valid ID (so the same typo twice is still a duplicate). */
  idText: string | null;
  eligible: boolean;
  amount: number | undefined;
  retired: boolean;
  school: string | undefined;
}

/** Amounts compare to the fen. */
export const money = (n: number): number => Math.round(n * 100) / 100;
