/**
 * The workbook's own automation, kept in its settings (they travel with the file): the recipe the
 * 运行流程 button runs, and the opt-in triggers (src/automation/triggers: on open, on edit). This is
 * only their settings I/O; what they mean and do lives in src/automation.
 */
import { findLibraryRecipe } from "../../automation/recipes/library";
import { parseRecipe, type Recipe } from "../../automation/recipes/schema";
import { readTriggers, type Triggers } from "../../automation/triggers/triggers";
import { fail, hostFailed, type HostProblem, ok, type Result } from "../../core";
import { readSetting, writeSetting } from "./settings";

export const RECIPE_KEY = "zizhu.recipe";
export const TRIGGERS_KEY = "zizhu.triggers";

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

export function loadTriggers(): Triggers {
  return readTriggers(readSetting(TRIGGERS_KEY));
}

/**
 * Stores the triggers. On-open also tells Office to load the add-in with this document
 * (StartupBehavior.load; document scope) — or no longer to (none).
 */
export async function saveTriggers(triggers: Triggers): Promise<Result<Triggers, HostProblem>> {
  const clean = readTriggers(triggers);
  const saved = await writeSetting(TRIGGERS_KEY, clean);
  if (!saved.ok) return saved;
  try {
    await Office.addin.setStartupBehavior(clean.onOpen ? Office.StartupBehavior.load : Office.StartupBehavior.none);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail(
      hostFailed(
        `触发器已保存，但 Excel 未接受“打开时加载”设置（${detail}）。此版本的 Excel 可能不支持共享运行时，请手动打开任务窗格。`,
      ),
    );
  }
  return ok(clean);
}
