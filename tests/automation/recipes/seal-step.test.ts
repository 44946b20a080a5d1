/**
 * The recipe's seal covers the workbook the host writes: the fixed roster AND the recipe's own new
 * sheets (花名册（格式化）, 汇总表…), named as a file writer names them — whatever the step order.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { makeGrid, type WorkbookData } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import { findLibraryRecipe } from "../../../src/automation/recipes/library";
import { runRecipe, type RecipeOutput, type RecipeRunOptions } from "../../../src/automation/recipes/run";
import type { Recipe } from "../../../src/automation/recipes/schema";
import { gridsAsWritten, SEAL_SHEET, verifySeal } from "../../../src/core/sheets/seal";

const OPTIONS: RecipeRunOptions = {
  pack: seedPack(),
  today: { y: 2026, m: 11, d: 28 },
  now: "2026-11-28T10:00:00+08:00",
  tool: "zizhu test",
};

async function sample(): Promise<WorkbookData> {
  const name = "一补花名册-示例.xlsx";
  const r = await readXlsx(readFileSync(join(__dirname, "../../../samples", name)), { fileName: name });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

/** The workbook as a host writes the output: fixed sheets, the new sheets, the seal sheet. */
function written(out: RecipeOutput): WorkbookData {
  const seal = out.sheets.find((s) => s.kind === "seal");
  if (!seal) throw new Error("no seal");
  return {
    ...out.workbook,
    sheets: [
      ...out.workbook.sheets,
      ...gridsAsWritten(out.workbook, out.sheets),
      makeGrid(SEAL_SHEET, seal.rows, { state: "veryHidden" }),
    ],
  };
}

test("学期报送: the seal covers the new sheets; without them, or with one more, it would not verify", async () => {
  const out = runRecipe(findLibraryRecipe("学期报送") as Recipe, await sample(), OPTIONS);
  expect(out.ok).toBe(true);
  expect(out.seal?.coverage.sheets.map((s) => s.name)).toEqual(["一补花名册", "花名册（格式化）", "汇总表"]);
  const wb = written(out);
  expect(verifySeal(wb).status).toBe("unchanged");
  const without = verifySeal({ ...wb, sheets: wb.sheets.filter((g) => g.name !== "汇总表") });
  expect(without.message).toContain("删除了工作表“汇总表”");
});

test("the new sheets' names are the writer's: a taken name gets (2)", async () => {
  const wb = await sample();
  const taken = { ...wb, sheets: [...wb.sheets, makeGrid("汇总表", [["旧的汇总"]])] };
  const out = runRecipe({ name: "汇总并封存", steps: [{ step: "summary" }, { step: "seal" }] }, taken, OPTIONS);
  expect(out.seal?.coverage.sheets.map((s) => s.name)).toEqual(["一补花名册", "汇总表", "汇总表 (2)"]);
  expect(verifySeal(written(out)).status).toBe("unchanged");
});

test("a seal step before other steps: the seal is made again at the end, written last, covering them", async () => {
  const out = runRecipe(
    { name: "先封存", steps: [{ step: "seal" }, { step: "format" }, { step: "summary" }] },
    await sample(),
    OPTIONS,
  );
  expect(out.ok).toBe(true);
  expect(out.sheets.map((s) => s.kind)).toEqual(["roster", "summary", "seal"]);
  expect(out.steps[0]?.status).toBe("done");
  expect(out.seal?.coverage.sheets.map((s) => s.name)).toEqual(["一补花名册", "花名册（格式化）", "汇总表"]);
  expect(verifySeal(written(out)).status).toBe("unchanged");
});
