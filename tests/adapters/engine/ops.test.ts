// The engine's operations without a worker: the preview the pane keeps, and the few workbooks held.
import { EngineSession, PREVIEW_ROWS, previewOf, runOp } from "../../../src/adapters/engine/ops";
import { EngineRefusal } from "../../../src/adapters/engine/protocol";
import { cellKey, makeGrid, type CellValue, type WorkbookData } from "../../../src/core/grid/types";

function bigBook(rows: number): WorkbookData {
  const data: CellValue[][] = Array.from({ length: rows }, (_, r) => [`行${r}`, r]);
  const grid = makeGrid("花名册", data, {
    formats: new Map([
      [cellKey(1, 0), "@"],
      [cellKey(rows - 1, 0), "@"],
    ]),
    merges: [
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: rows - 2, left: 0, bottom: rows - 1, right: 0 },
    ],
    hiddenRows: new Set([3, rows - 1]),
    notes: [
      { row: 2, col: 0, text: "前" },
      { row: rows - 1, col: 0, text: "后" },
    ],
  });
  return { sheets: [grid, makeGrid("说明", [["x"]])], properties: { title: "t" } };
}

test("the preview keeps the first rows of each sheet and only what belongs to them", () => {
  const wb = bigBook(PREVIEW_ROWS + 500);
  const preview = previewOf(wb);
  const [grid, small] = preview.sheets;
  expect(grid?.rows).toHaveLength(PREVIEW_ROWS);
  expect([...(grid?.formats.keys() ?? [])]).toEqual([cellKey(1, 0)]);
  expect(grid?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  expect([...(grid?.hiddenRows ?? [])]).toEqual([3]);
  expect(grid?.notes.map((n) => n.text)).toEqual(["前"]);
  // A small sheet is the same object: nothing to cut.
  expect(small).toBe(wb.sheets[1]);
  expect(preview.properties).toEqual({ title: "t" });
  // The workbook itself is untouched.
  expect(wb.sheets[0]?.rows).toHaveLength(PREVIEW_ROWS + 500);
});

test("the session keeps the three latest workbooks; an older one is a Chinese refusal", async () => {
  const s = new EngineSession();
  const ids = [1, 2, 3, 4].map(() => s.hold({ workbook: bigBook(2), source: "x", format: "xlsx" }));
  expect(() => s.get(ids[0] ?? 0)).toThrow(EngineRefusal);
  expect(s.get(ids[3] ?? 0).source).toBe("x");
  await expect(runOp(s, "workbook", { book: ids[0] ?? 0 }, () => undefined)).rejects.toThrow("请重新读取");
});
