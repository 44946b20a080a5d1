/**
 * The 流程 tab's Excel host: fixes go into the original cells through the fixes adapter, the new
 * sheets are written, and the seal is made again — last — from the whole workbook as Excel holds
 * it after them (a fixed "3" may have become a number; the seal covers every sheet), never from the
 * pane's own copy.
 */
import { emptySpec, type SheetSpec } from "../../../src/core/sheets/spec";
import type { RecipeOutput } from "../../../src/automation/recipes/run";
import { makeGrid, type WorkbookData } from "../../../src/core/grid/types";
import type { CellFix } from "../../../src/core/fixes/plan";

const applyFixes = jest.fn();
const writeSheetSpec = jest.fn();
const readWorkbookForSeal = jest.fn();
jest.mock("../../../src/adapters/office/fixes", () => ({ applyFixes: (...a: unknown[]) => applyFixes(...a) }));
jest.mock("../../../src/adapters/office/write-sheet", () => ({
  writeSheetSpec: (...a: unknown[]) => writeSheetSpec(...a),
}));
jest.mock("../../../src/adapters/office/sheets", () => ({
  readWorkbookForSeal: (...a: unknown[]) => readWorkbookForSeal(...a),
}));

import { createOfficeRecipeHost } from "../../../src/adapters/office/recipe-host";

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

test("after the fixes and the new sheets the seal is built again from the re-read workbook, written last", async () => {
  applyFixes.mockResolvedValue({ ok: true, value: { cells: 1, columns: 0, skipped: 0, syncs: 3 } });
  const reread: WorkbookData = {
    sheets: [makeGrid("花名册", [["姓名"], ["张三"]]), makeGrid("花名册（格式化）", [["姓名"], ["张三"]])],
    properties: {},
  };
  readWorkbookForSeal.mockResolvedValue({ ok: true, value: { workbook: reread, syncs: 3 } });
  const fresh = { ...emptySpec("校验凭证", "seal"), state: "veryHidden" as const };
  const reseal = jest.fn(() => ({ ok: true as const, spec: fresh }));
  const stale = emptySpec("校验凭证", "seal");
  const roster = emptySpec("花名册（格式化）", "roster");
  const notice = emptySpec("公示表", "notice");
  const lines = await createOfficeRecipeHost().saveRecipeOutput(
    { ...output([roster, stale], [notice]), seal: { sheet: "花名册" } as RecipeOutput["seal"] },
    input,
    recipe,
    reseal,
  );
  expect(applyFixes).toHaveBeenCalledWith([FIX]);
  // The whole workbook, for the roster the run sealed (the re-read one holds the formatted copy too).
  expect(reseal).toHaveBeenCalledWith(reread, "花名册");
  // Read after the new sheets were written: the seal covers them.
  const readAt = readWorkbookForSeal.mock.invocationCallOrder[0] ?? 0;
  const writtenAt = writeSheetSpec.mock.invocationCallOrder;
  expect(writtenAt.slice(0, 2).every((at) => at < readAt)).toBe(true);
  expect((writtenAt[2] ?? 0) > readAt).toBe(true);
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
  readWorkbookForSeal.mockResolvedValue({ ok: true, value: { workbook: WB, syncs: 3 } });
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

test("without fixes the seal is still made from a fresh read of the workbook, not from the pane's copy", async () => {
  readWorkbookForSeal.mockResolvedValue({ ok: true, value: { workbook: WB, syncs: 3 } });
  const fresh = emptySpec("校验凭证", "seal");
  const reseal = jest.fn(() => ({ ok: true as const, spec: fresh }));
  await createOfficeRecipeHost().saveRecipeOutput(
    output([emptySpec("校验凭证", "seal")], [], []),
    input,
    recipe,
    reseal,
  );
  expect(applyFixes).not.toHaveBeenCalled();
  expect(readWorkbookForSeal).toHaveBeenCalledTimes(1);
  expect(reseal).toHaveBeenCalledWith(WB, undefined);
  expect(writeSheetSpec.mock.calls.map((c) => c[1])).toEqual([fresh]);
});

test("a workbook the add-in cannot read whole: no seal, the reason shown; the other sheets still written", async () => {
  readWorkbookForSeal.mockResolvedValue({ ok: false, problem: { message: "工作簿的数据区域共有约 300 万个单元格" } });
  const reseal = jest.fn();
  const lines = await createOfficeRecipeHost().saveRecipeOutput(
    output([emptySpec("汇总表", "summary"), emptySpec("校验凭证", "seal")], [], []),
    input,
    recipe,
    reseal,
  );
  expect(reseal).not.toHaveBeenCalled();
  expect(writeSheetSpec.mock.calls.map((c) => (c[1] as SheetSpec).name)).toEqual(["汇总表"]);
  expect(lines.join("\n")).toContain("未写入校验凭证：工作簿的数据区域共有约 300 万个单元格");
});
