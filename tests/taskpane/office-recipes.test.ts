/**
 * The 流程 tab's Excel host: fixes go into the original cells through the fixes adapter, and the
 * seal is made again from the sheet as Excel holds it after them (a fixed "3" may have become a
 * number), never from the pane's own copy.
 */
import { emptySpec, type SheetSpec } from "../../src/core/sheets/spec";
import type { RecipeOutput } from "../../src/core/recipes/run";
import { makeGrid, type WorkbookData } from "../../src/core/grid/types";
import type { CellFix } from "../../src/core/fixes/plan";

const applyFixes = jest.fn();
const writeSheetSpec = jest.fn();
const readRosterFromExcel = jest.fn();
jest.mock("../../src/adapters/office/fixes", () => ({ applyFixes: (...a: unknown[]) => applyFixes(...a) }));
jest.mock("../../src/adapters/office/write-sheet", () => ({
  writeSheetSpec: (...a: unknown[]) => writeSheetSpec(...a),
}));
jest.mock("../../src/adapters/office/read", () => ({
  readRosterFromExcel: (...a: unknown[]) => readRosterFromExcel(...a),
}));

import { createOfficeRecipeHost } from "../../taskpane/recipes/office-recipes";

const FIX: CellFix = {
  kind: "trim",
  sheet: "花名册",
  row: 1,
  col: 0,
  cell: "A2",
  field: "name",
  before: " 张三",
  after: "张三",
  shownBefore: " 张*",
  shownAfter: "张*",
  asText: false,
};
const WB: WorkbookData = { sheets: [makeGrid("花名册", [["姓名"], ["张三"]])], properties: {} };

function output(sheets: SheetSpec[], separate: SheetSpec[] = [], fixes = [FIX]): RecipeOutput {
  return { workbook: WB, fixes, sheets, separate, seal: null, report: null, steps: [], stopped: false, ok: true };
}

beforeEach(() => {
  jest.resetAllMocks();
  Object.assign(globalThis, { Excel: { run: (cb: (c: unknown) => unknown) => cb({}) } });
  writeSheetSpec.mockImplementation((_c: unknown, spec: SheetSpec) =>
    Promise.resolve({ name: spec.name, syncs: 2, notes: [] }),
  );
});
afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

const input = { workbook: WB, source: "花名册" };
const recipe = { name: "x", steps: [{ step: "seal" as const }] };

test("after the fixes the seal is built again from the re-read sheet, and written replacing only our seal", async () => {
  applyFixes.mockResolvedValue({ ok: true, value: { cells: 1, columns: 0, skipped: 0, syncs: 3 } });
  const reread: WorkbookData = { sheets: [makeGrid("花名册", [["姓名"], ["张三"]])], properties: {} };
  readRosterFromExcel.mockResolvedValue({ ok: true, value: { workbook: reread, sheet: "花名册", syncs: 2 } });
  const fresh = { ...emptySpec("校验凭证", "seal"), state: "veryHidden" as const };
  const reseal = jest.fn(() => ({ ok: true as const, spec: fresh }));
  const stale = emptySpec("校验凭证", "seal");
  const roster = emptySpec("花名册（格式化）", "roster");
  const notice = emptySpec("公示表", "notice");
  const lines = await createOfficeRecipeHost().saveRecipeOutput(
    output([roster, stale], [notice]),
    input,
    recipe,
    reseal,
  );
  expect(applyFixes).toHaveBeenCalledWith([FIX]);
  expect(reseal).toHaveBeenCalledWith(reread);
  // Formulas by their text, as the county's verify reads them.
  expect(readRosterFromExcel).toHaveBeenCalledWith({ scope: "active-sheet", formulas: true });
  const written = writeSheetSpec.mock.calls.map((c) => [(c[1] as SheetSpec).name, c[2]]);
  expect(written).toEqual([
    ["花名册（格式化）", { replace: false }],
    ["公示表", { replace: false }],
    ["校验凭证", { replace: true }],
  ]);
  expect(writeSheetSpec.mock.calls.some((c) => c[1] === stale)).toBe(false);
  expect(lines[0]).toContain("原表修正 1 个单元格");
});

test("a seal the re-read sheet no longer passes is not written, and the reason is shown", async () => {
  applyFixes.mockResolvedValue({ ok: true, value: { cells: 1, columns: 0, skipped: 1, syncs: 3 } });
  readRosterFromExcel.mockResolvedValue({ ok: true, value: { workbook: WB, sheet: "花名册", syncs: 2 } });
  const reseal = jest.fn(() => ({ ok: false as const, message: "有 1 个错误，未写入校验凭证" }));
  const lines = await createOfficeRecipeHost().saveRecipeOutput(
    output([emptySpec("校验凭证", "seal")]),
    input,
    recipe,
    reseal,
  );
  expect(writeSheetSpec).not.toHaveBeenCalled();
  expect(lines.join("\n")).toContain("1 个单元格在校验后已被改动，未修改");
  expect(lines.join("\n")).toContain("未写入校验凭证：有 1 个错误");
});

test("a failed write of the fixes stops everything with its message", async () => {
  applyFixes.mockResolvedValue({ ok: false, problem: { message: "工作簿受保护，无法修改" } });
  const lines = await createOfficeRecipeHost().saveRecipeOutput(
    output([emptySpec("花名册（格式化）", "roster")]),
    input,
    recipe,
    jest.fn(),
  );
  expect(lines).toEqual(["工作簿受保护，无法修改"]);
  expect(writeSheetSpec).not.toHaveBeenCalled();
});

test("without fixes the seal is still made from a read with formulas, not from the pane's copy", async () => {
  readRosterFromExcel.mockResolvedValue({ ok: true, value: { workbook: WB, sheet: "花名册", syncs: 2 } });
  const fresh = emptySpec("校验凭证", "seal");
  const reseal = jest.fn(() => ({ ok: true as const, spec: fresh }));
  await createOfficeRecipeHost().saveRecipeOutput(
    output([emptySpec("校验凭证", "seal")], [], []),
    input,
    recipe,
    reseal,
  );
  expect(applyFixes).not.toHaveBeenCalled();
  expect(readRosterFromExcel).toHaveBeenCalledWith({ scope: "active-sheet", formulas: true });
  expect(writeSheetSpec.mock.calls.map((c) => c[1])).toEqual([fresh]);
});
