/**
 * What the 流程 tab needs from its host, beyond reading the workbook (PaneHost.read/readAll):
 * where the recipe and the triggers are kept, and how a run's results are written — in Excel the
 * fixes in place (after the pane's confirmation) and new sheets; on the standalone page NEW
 * downloaded files.
 */
import type { CivilDate, WorkbookData, SheetSpec } from "../core";
import type { RecipeOutput } from "../automation/recipes/run";
import type { BookRef } from "./engine";
import type { Recipe } from "../automation/recipes/schema";
import type { Triggers } from "../automation/triggers/triggers";

/**
 * Builds the seal again over `workbook` — the whole workbook as the host re-reads it after writing
 * the fixes and the new sheets — for the roster `sheet` (the one the run sealed).
 */
export type Reseal = (
  workbook: WorkbookData,
  sheet?: string,
) => { ok: true; spec: SheetSpec } | { ok: false; message: string };

/** What the run read: the workbook as the engine saw it, and (standalone) the file it came from. */
export interface RecipeInput {
  workbook: WorkbookData;
  /** The opened file's name ("花名册.xlsx"); in Excel a description of what was read. */
  source: string;
  originalBytes?: Uint8Array;
  format?: "xlsx" | "csv";
  /** The engine holds the file read (the standalone page): its results are written there. */
  held?: BookRef;
}

export interface StoredRecipe {
  recipe: Recipe;
  /** The recipe came from the workbook (false: the shipped default). */
  stored: boolean;
  /** Why a stored recipe was not used. */
  problem?: string;
}

export interface RecipeHost {
  loadRecipe(): Promise<StoredRecipe>;
  /** Validated already; returns a Chinese status line. */
  saveRecipe(recipe: Recipe): Promise<{ ok: boolean; message: string }>;
  /** Office only. */
  loadTriggers?(): Promise<Triggers>;
  saveTriggers?(triggers: Triggers): Promise<{ ok: boolean; message: string }>;
  /** "today" (the engine context's, as PaneHost.context()) and "now" for the run (the seal records the time). */
  clock(): { today: CivilDate; now: string };
  /**
   * Writes a run's results; returns Chinese lines saying what was written where. `reseal` builds
   * the seal again on the workbook as the host re-reads it after writing the fixes and the new
   * sheets (Excel may store a fixed value differently, e.g. "3" as a number, and the seal — which
   * covers every sheet — must match what is in the file).
   */
  saveRecipeOutput(output: RecipeOutput, input: RecipeInput, recipe: Recipe, reseal: Reseal): Promise<string[]>;
}
