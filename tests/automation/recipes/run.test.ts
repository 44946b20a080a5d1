import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import type { WorkbookData } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import { findLibraryRecipe } from "../../../src/automation/recipes/library";
import { runRecipe, type RecipeRunOptions } from "../../../src/automation/recipes/run";
import type { Recipe } from "../../../src/automation/recipes/schema";
import { rosterDigest } from "../../../src/core/sheets/digest";
import { makeGrid } from "../../../src/core/grid/types";
import { scanWorkbook } from "../../../src/core/privacy";

const OPTIONS: RecipeRunOptions = {
  pack: seedPack(),
  today: { y: 2026, m: 11, d: 28 },
  now: "2026-11-28T10:00:00+08:00",
  tool: "zizhu test",
};

async function sample(name: string): Promise<WorkbookData> {
  const r = await readXlsx(readFileSync(join(__dirname, "../../../samples", name)), { fileName: name });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

function library(name: string): Recipe {
  const r = findLibraryRecipe(name);
  if (!r) throw new Error(name);
  return r;
}

test("学期报送 on a clean roster: every step done, sheets for the workbook, the notice apart, a seal", async () => {
  const wb = await sample("一补花名册-示例.xlsx");
  const out = runRecipe(library("学期报送"), wb, OPTIONS);
  expect(out.steps.map((s) => [s.step, s.status])).toEqual([
    ["check", "done"],
    ["fix", "done"],
    ["check", "done"],
    ["format", "done"],
    ["summary", "done"],
    ["notice", "done"],
    ["seal", "done"],
  ]);
  expect(out.ok).toBe(true);
  expect(out.stopped).toBe(false);
  expect(out.sheets.map((s) => s.kind)).toEqual(["roster", "summary", "seal"]);
  expect(out.separate.map((s) => s.kind)).toEqual(["notice"]);
  expect(out.seal?.rows).toBe(40);
  // The notice that leaves the workbook carries nothing private.
  const notice = out.separate[0];
  if (!notice) throw new Error("no notice");
  expect(scanWorkbook({ sheets: [makeGrid(notice.name, notice.rows)], properties: {} }, { mode: "notice" })).toEqual(
    [],
  );
});

test("a roster with errors: the first check may fail, fixes run, the second check stops the recipe", async () => {
  const wb = await sample("一补花名册-问题示例.xlsx");
  const out = runRecipe(library("学期报送"), wb, OPTIONS);
  const status = out.steps.map((s) => s.status);
  expect(status).toEqual(["failed", "done", "failed", "skipped", "skipped", "skipped", "skipped"]);
  expect(out.ok).toBe(false);
  expect(out.stopped).toBe(true);
  expect(out.fixes.length).toBeGreaterThan(0);
  expect(out.seal).toBeNull();
  expect(out.steps[0]?.notes.length).toBeGreaterThan(0);
  expect(out.steps[0]?.notes.join("\n")).not.toMatch(/\d{11,}/);
  // The input workbook is never changed: fixes make new grids.
  const again = await sample("一补花名册-问题示例.xlsx");
  expect(wb).toEqual(again);
  expect(out.workbook).not.toBe(wb);
});

test("the seal describes the roster after the fixes", async () => {
  const wb = await sample("一补花名册-示例.xlsx");
  // A stray space in a name: a safe fix, then a seal over the fixed sheet.
  const sheet = wb.sheets[0];
  if (!sheet) throw new Error("no sheet");
  const rows = sheet.rows.map((r) => [...r]);
  const nameCol = rows.findIndex((r) => r.includes("姓名"));
  const col = rows[nameCol]?.indexOf("姓名") ?? -1;
  const target = rows[nameCol + 1];
  if (!target) throw new Error("no row");
  target[col] = ` ${String(target[col])} `;
  const edited: WorkbookData = { ...wb, sheets: [{ ...sheet, rows }, ...wb.sheets.slice(1)] };
  const out = runRecipe(
    { name: "修正并封存", steps: [{ step: "check", continueOnError: true }, { step: "fix" }, { step: "seal" }] },
    edited,
    OPTIONS,
  );
  expect(out.ok).toBe(true);
  expect(out.fixes.some((f) => f.kind === "trim")).toBe(true);
  const fixed = out.workbook.sheets.find((g) => g.name === sheet.name);
  if (!fixed) throw new Error("no fixed sheet");
  const covered = out.seal?.coverage.sheets.find((s) => s.name === sheet.name)?.content;
  expect(covered).toBe(rosterDigest(fixed).slice(0, 16));
  expect(covered).not.toBe(rosterDigest({ ...sheet, rows }).slice(0, 16));
});

test("continueOnError lets a recipe go past a failing step", async () => {
  const wb = await sample("一补花名册-问题示例.xlsx");
  const out = runRecipe(
    { name: "x", steps: [{ step: "check", continueOnError: true }, { step: "format" }] },
    wb,
    OPTIONS,
  );
  expect(out.steps.map((s) => s.status)).toEqual(["failed", "done"]);
  expect(out.ok).toBe(true);
  expect(out.sheets).toHaveLength(1);
});

test("公示前检查 on a leaky notice stops at the privacy step, naming masked places", async () => {
  const wb = await sample("公示表-问题示例.xlsx");
  const out = runRecipe(library("公示前检查"), wb, OPTIONS);
  expect(out.steps.map((s) => s.status)).toEqual(["failed", "skipped"]);
  expect(out.steps[0]?.message).toMatch(/发现 \d+ 处个人信息/);
  expect(out.steps[0]?.notes.join("\n")).not.toMatch(/\d{11,}/);
  expect(out.separate).toEqual([]);
});

test("a workbook without a roster fails the builders with the Chinese reason", () => {
  const wb: WorkbookData = { sheets: [makeGrid("说明", [["本工作簿只有说明文字"]])], properties: {} };
  const out = runRecipe({ name: "x", steps: [{ step: "format" }] }, wb, OPTIONS);
  expect(out.steps[0]?.status).toBe("failed");
  expect(out.steps[0]?.message).toContain("没有找到花名册的表头");
});
