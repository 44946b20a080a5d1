/**
 * The 流程 tab on the standalone page: a run's results are NEW downloaded files — the opened file
 * with the fixes, the new sheets and the seal (which must verify), and the 公示表 in a file of its
 * own; the opened bytes are never changed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { readCsv } from "../../../src/adapters/csv/read";
import { seedPack } from "../../../src/core/policy";
import { findLibraryRecipe } from "../../../src/automation/recipes/library";
import { runRecipe } from "../../../src/automation/recipes/run";
import type { Recipe } from "../../../src/automation/recipes/schema";
import { verifySeal } from "../../../src/core/sheets/seal";
import { createStandaloneRecipeHost } from "../../../src/adapters/standalone/recipe-host";

const SAMPLES = join(__dirname, "..", "..", "..", "samples");
const OPTIONS = { pack: seedPack(), today: { y: 2026, m: 11, d: 28 }, now: "2026-11-28T10:00:00+08:00", tool: "test" };
const TERM = findLibraryRecipe("学期报送") as Recipe;

function downloads() {
  const files: { name: string; bytes: Uint8Array }[] = [];
  return { files, save: (bytes: Uint8Array, name: string) => files.push({ name, bytes }) };
}

test("学期报送 on an opened .xlsx: a sealed result that verifies and a separate 公示表; the opened bytes untouched", async () => {
  const bytes = new Uint8Array(readFileSync(join(SAMPLES, "一补花名册-示例.xlsx")));
  const before = Buffer.from(bytes);
  const read = await readXlsx(bytes);
  if (!read.ok) throw new Error(read.problem.message);
  const output = runRecipe(TERM, read.value, OPTIONS);
  const d = downloads();
  const lines = await createStandaloneRecipeHost(d.save).saveRecipeOutput(
    output,
    { workbook: read.value, source: "一补花名册-示例.xlsx", originalBytes: bytes, format: "xlsx" },
    TERM,
    () => ({ ok: false, message: "not used on the standalone page" }),
  );
  expect(d.files.map((f) => f.name)).toEqual(["一补花名册-示例-学期报送.xlsx", "一补花名册-示例-公示表.xlsx"]);
  expect(lines.join("\n")).toContain("原文件未改动");
  expect(Buffer.from(bytes).equals(before)).toBe(true);
  const result = await readXlsx(d.files[0]?.bytes ?? new Uint8Array());
  if (!result.ok) throw new Error(result.problem.message);
  expect(verifySeal(result.value).status).toBe("unchanged");
  const notice = await readXlsx(d.files[1]?.bytes ?? new Uint8Array());
  if (!notice.ok) throw new Error(notice.problem.message);
  expect(notice.value.sheets.map((s) => s.name)).toEqual(["公示表"]);
});

test("an opened CSV: the fixes land and the seal verifies in the workbook made from it", async () => {
  const bytes = new Uint8Array(readFileSync(join(SAMPLES, "一补花名册-GBK.csv")));
  const read = readCsv(bytes, "一补花名册-GBK");
  if (!read.ok) throw new Error(read.problem.message);
  const output = runRecipe(TERM, read.value, OPTIONS);
  expect(output.ok).toBe(true);
  const d = downloads();
  await createStandaloneRecipeHost(d.save).saveRecipeOutput(
    output,
    { workbook: read.value, source: "一补花名册-GBK.csv", originalBytes: bytes, format: "csv" },
    TERM,
    () => ({ ok: false, message: "unused" }),
  );
  const result = await readXlsx(d.files[0]?.bytes ?? new Uint8Array());
  if (!result.ok) throw new Error(result.problem.message);
  expect(verifySeal(result.value).status).toBe("unchanged");
});
