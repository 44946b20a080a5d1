/**
 * The workbook's triggers (on open, on edit), kept in its settings. Apart from the recipe (recipe.ts):
 * the pane reads them as it starts, without loading the recipe schemas and the builders behind them.
 */
import { readTriggers, type Triggers } from "../../automation/triggers/triggers";
import { fail, hostFailed, type HostProblem, ok, type Result } from "../../core";
import { readSetting, writeSetting } from "./settings";

export const TRIGGERS_KEY = "zizhu.triggers";

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
