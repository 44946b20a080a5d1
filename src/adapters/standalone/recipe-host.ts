/**
 * The 流程 tab's host on the standalone page: the recipe lives in the page (there is no workbook
 * to store it in), and a run's results are NEW downloaded files — the opened file with the fixes
 * and the new sheets, and the 公示表 / 报送格式 each in a file of its own. The opened file is never
 * written.
 */
import type { Recipe } from "../../automation/recipes/schema";
import { functionsContext } from "../../../functions/context";
import { createEngine, type Engine } from "../engine";
import { downloadBytes } from "./download";
import type { RecipeHost } from "../recipe-host";

export function createStandaloneRecipeHost(
  download: (bytes: Uint8Array, name: string) => void = downloadBytes,
  engine: Engine = createEngine(),
): RecipeHost {
  let kept: Recipe | null = null;
  return {
    async loadRecipe() {
      // The recipe library (and the schemas under it) loads with the 流程 tab, not with the page.
      const recipe = kept ?? (await import("../../automation/recipes/library")).findLibraryRecipe("学期报送");
      if (!recipe) throw new Error("内置流程“学期报送”缺失");
      return { recipe, stored: kept !== null };
    },
    saveRecipe(recipe) {
      kept = recipe;
      return Promise.resolve({ ok: true, message: `已记住流程“${recipe.name}”（仅在本页面打开期间有效）` });
    },
    clock() {
      return { today: functionsContext().today(), now: new Date().toISOString() };
    },
    async saveRecipeOutput(output, input, recipe) {
      // The files are made in the engine, from the file it holds (else from what the run read).
      const ref = engine.holds(input.held)
        ? input.held
        : await engine.hold(input.workbook, input.source, {
            ...(input.originalBytes ? { file: { bytes: input.originalBytes, format: input.format ?? "xlsx" } } : {}),
          });
      const { fixes, sheets, separate } = output;
      const made = await engine.call("recipeFiles", {
        book: ref.book,
        output: { fixes, sheets, separate },
        recipe: recipe.name,
      });
      for (const f of made.files) download(f.bytes, f.fileName);
      return made.lines;
    },
  };
}
