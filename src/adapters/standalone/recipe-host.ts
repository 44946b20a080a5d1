/**
 * The 流程 tab's host on the standalone page: the recipe lives in the page (there is no workbook
 * to store it in), and a run's results are NEW downloaded files — the opened file with the fixes
 * and the new sheets, and the 公示表 / 报送格式 each in a file of its own. The opened file is never
 * written.
 */
import { applyFixesToWorkbook } from "../xlsx/apply-fixes";
import { loadWorkbook } from "../xlsx/read";
import { gridToXlsx } from "../xlsx/write-report";
import { addSpecToWorkbook, SheetConflictError, specsToWorkbook } from "../xlsx/write-sheet";
import { findLibraryRecipe } from "../../automation/recipes/library";
import type { Recipe } from "../../automation/recipes/schema";
import { functionsContext } from "../../../functions/context";
import { downloadBytes } from "./download";
import type { RecipeHost } from "../recipe-host";

export function createStandaloneRecipeHost(
  download: (bytes: Uint8Array, name: string) => void = downloadBytes,
): RecipeHost {
  let kept: Recipe | null = null;
  return {
    loadRecipe() {
      const recipe = kept ?? findLibraryRecipe("学期报送");
      if (!recipe) throw new Error("内置流程“学期报送”缺失");
      return Promise.resolve({ recipe, stored: kept !== null });
    },
    saveRecipe(recipe) {
      kept = recipe;
      return Promise.resolve({ ok: true, message: `已记住流程“${recipe.name}”（仅在本页面打开期间有效）` });
    },
    clock() {
      return { today: functionsContext().today(), now: new Date().toISOString() };
    },
    async saveRecipeOutput(output, input, recipe) {
      const base = input.source.replace(/\.(xlsx|xlsm|csv|txt)$/i, "") || "花名册";
      const lines: string[] = [];
      if (output.fixes.length > 0 || output.sheets.length > 0) {
        // A CSV becomes a new workbook first; an .xlsx is copied from its own bytes (formats kept).
        const bytes =
          input.originalBytes && input.format !== "csv" ? input.originalBytes : await gridToXlsx(input.workbook);
        const loaded = await loadWorkbook(bytes, input.source);
        if (!loaded.ok) return [loaded.problem.message];
        const applied = applyFixesToWorkbook(loaded.value, output.fixes);
        if (applied.missing.length > 0)
          return [`修正未能写入：找不到工作表${applied.missing.map((m) => `“${m}”`).join("、")}，未下载结果文件`];
        for (const spec of output.sheets) {
          try {
            addSpecToWorkbook(loaded.value, spec, { replace: spec.kind === "seal" });
          } catch (e) {
            // A sheet of the user's under our seal's name: kept; no sealed file is offered.
            if (!(e instanceof SheetConflictError)) throw e;
            return [e.message];
          }
        }
        const name = `${base}-${recipe.name}.xlsx`;
        download(new Uint8Array(await loaded.value.xlsx.writeBuffer()), name);
        lines.push(`已下载“${name}”（原文件未改动）`);
      }
      for (const spec of output.separate) {
        const name = `${base}-${spec.name}.xlsx`;
        download(await specsToWorkbook([spec]), name);
        lines.push(`已下载“${name}”`);
      }
      return lines;
    },
  };
}
