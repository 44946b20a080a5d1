/**
 * The 流程 tab's host inside Excel: the recipe and triggers in the workbook's settings; a run's
 * fixes written into the original cells (the pane has asked first; Excel's Undo restores them) and
 * its sheets as NEW worksheets — the 公示表 too, since in Excel it is printed from its own sheet —
 * and, last, the seal, made again from the whole workbook as Excel then holds it.
 */
import { applyFixes } from "./fixes";
import { loadTriggers, saveTriggers } from "./triggers";

// The recipe schemas and the builders behind them load with the 流程 tab, not with the pane.
const loadRecipes = () => import("./recipe");
import { writeSheetSpec } from "./write-sheet";
import { functionsContext } from "../../../functions/context";
import { SheetConflictError, type SheetSpec } from "../../core";
import type { RecipeHost } from "../recipe-host";

/** Writes one spec as a new sheet (our seal replacing our older one); the Chinese line saying so. */
async function write(spec: SheetSpec): Promise<string> {
  try {
    const w = await Excel.run((context) => writeSheetSpec(context, spec, { replace: spec.kind === "seal" }));
    return spec.kind === "seal" ? `校验凭证（隐藏工作表“${w.name}”）` : `新工作表“${w.name}”`;
  } catch (e) {
    // A sheet of the user's under our seal's name: kept, and said so.
    if (!(e instanceof SheetConflictError)) throw e;
    return e.message;
  }
}

export function createOfficeRecipeHost(): RecipeHost {
  return {
    async loadRecipe() {
      return (await loadRecipes()).loadWorkbookRecipe();
    },
    async saveRecipe(recipe) {
      const r = await (await loadRecipes()).saveWorkbookRecipe(recipe);
      return r.ok
        ? { ok: true, message: `已把流程“${recipe.name}”保存到本工作簿（保存工作簿后随文件保留）` }
        : { ok: false, message: r.problem.message };
    },
    loadTriggers() {
      return Promise.resolve(loadTriggers());
    },
    async saveTriggers(triggers) {
      const r = await saveTriggers(triggers);
      if (!r.ok) return { ok: false, message: r.problem.message };
      const on = [triggers.onOpen ? "打开时校验" : "", triggers.onEdit ? "编辑时实时校验" : ""].filter(Boolean);
      return { ok: true, message: on.length ? `本工作簿已开启：${on.join("、")}` : "本工作簿的触发器已全部关闭" };
    },
    clock() {
      return { today: functionsContext().today(), now: new Date().toISOString() };
    },
    async saveRecipeOutput(output, _input, _recipe, reseal) {
      const lines: string[] = [];
      const specs = [...output.sheets, ...output.separate];
      if (output.fixes.length > 0) {
        const r = await applyFixes(output.fixes);
        if (!r.ok) return [r.problem.message];
        lines.push(
          `原表修正 ${r.value.cells} 个单元格、${r.value.columns} 列设为文本` +
            (r.value.skipped ? `；${r.value.skipped} 个单元格在校验后已被改动，未修改` : ""),
        );
      }
      const seal = specs.find((x) => x.kind === "seal");
      for (const spec of specs) {
        if (spec === seal) continue;
        const line = await write(spec);
        lines.push(line);
      }
      // The seal covers the workbook as Excel holds it now — after the fixes and with the new
      // sheets (the 公示表 too), formulas by their text, as the county's verify reads it: read every
      // sheet again, seal that, and write the seal last (the pane's copy is never sealed).
      if (seal) {
        const again = await (await import("./sheets")).readWorkbookForSeal();
        const resealed = again.ok
          ? reseal(again.value.workbook, output.seal?.sheet)
          : { ok: false as const, message: again.problem.message };
        lines.push(resealed.ok ? await write(resealed.spec) : `未写入校验凭证：${resealed.message}`);
      }
      return lines;
    },
  };
}
