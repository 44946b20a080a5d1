/**
 * The workbook's own automation, kept in its settings (they travel with the file): the recipe the
 * 运行流程 button runs, and the opt-in triggers (src/automation/triggers: on open, on edit). This is
 * only their settings I/O; what they mean and do lives in src/automation.
 */
import { findLibraryRecipe } from "../../automation/recipes/library";
import { parseRecipe, type Recipe } from "../../automation/recipes/schema";
import { fail, hostFailed, type HostProblem, ok, type Result } from "../../core";
import { readSetting, writeSetting } from "./settings";

export const RECIPE_KEY = "zizhu.recipe";
export { TRIGGERS_KEY } from "./triggers";

/**
 * The recipe stored in this workbook; the shipped 学期报送 when none is. A stored recipe that no
 * longer validates (edited by hand, from a newer version) is reported, never half-run.
 */
export function loadWorkbookRecipe(): { recipe: Recipe; stored: boolean; problem?: string } {
  const fallback = findLibraryRecipe("学期报送");
  if (!fallback) throw new Error("内置流程“学期报送”缺失");
  const stored = readSetting(RECIPE_KEY);
  if (stored === undefined) return { recipe: fallback, stored: false };
  const r = parseRecipe(stored);
  if (r.ok) return { recipe: r.value, stored: true };
  return {
    recipe: fallback,
    stored: false,
    problem: `工作簿中保存的流程无法使用，已改用内置“学期报送”：\n${r.problem.problems.join("\n")}`,
  };
}

/** Validates and stores the recipe in the workbook's settings. */
export async function saveWorkbookRecipe(recipe: unknown): Promise<Result<Recipe, HostProblem>> {
  const r = parseRecipe(recipe);
  if (!r.ok) return fail(hostFailed(r.problem.message));
  const saved = await writeSetting(RECIPE_KEY, r.value);
  return saved.ok ? ok(r.value) : saved;
}

export { loadTriggers, saveTriggers } from "./triggers";
