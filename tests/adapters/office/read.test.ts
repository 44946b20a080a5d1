/**
 * readRosterFromExcel against office-addin-mock. The mock keeps loaded values and checks
 * load-before-read / sync-before-read (an unloaded or unsynced property reads as an error string,
 * so a missing load shows up as a wrong Grid), but it has no range arithmetic: the ranges that
 * getRangeByIndexes, getUsedRangeOrNullObject, getSelectedRange and getIntersectionOrNullObject
 * return are built here from a model sheet, as new OfficeMockObjects. context.sync is overridden
 * to count the calls, sync those ranges too, and (optionally) refuse a request that is too big
 * the way Excel on the web does.
 */
import { OfficeMockObject } from "office-addin-mock";
import { type CellRange, type CellValue, type Grid, cellKey, columnName, makeGrid } from "../../../src/core/grid/types";
import { readRosterFromExcel } from "../../../src/adapters/office/read";
import { parseAreas } from "../../../src/adapters/office/address";

interface Model {
  grid: Grid;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Null: an empty sheet. */
  used: CellRange | null;
  selection?: CellRange;
  /** Refuse a sync whose new ranges hold more cells than this (Excel on the web's payload cap). */
  maxCellsPerSync?: number;
  properties?: Record<string, string>;
}

interface MockHandle {
  excel: OfficeMockObject;
  syncs: () => number;
  failedSyncs: () => number;
}

/** The mock has no public way to give a property the value null (populate() treats null as an object). */
function setScalar(mock: OfficeMockObject, name: string, value: unknown): void {
  (mock as unknown as { setValue(n: string, v: unknown): void }).setValue(name, value);
}

function a1(r: CellRange): string {
  const tl = `${columnName(r.left)}${r.top + 1}`;
  const br = `${columnName(r.right)}${r.bottom + 1}`;
  return tl === br ? tl : `${tl}:${br}`;
}

function intersect(a: CellRange, b: CellRange): CellRange | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

function flag(set: ReadonlySet<number>, from: number, count: number): boolean | null {
  let hidden = 0;
  for (let i = from; i < from + count; i++) if (set.has(i)) hidden++;
  return hidden === 0 ? false : hidden === count ? true : null;
}

function buildExcelMock(model: Model): MockHandle {
  const { grid } = model;
  const pending: OfficeMockObject[] = [];
  const dims = new Map<object, CellRange>();
  let pendingCells = 0;
  let syncs = 0;
  let failed = 0;

  /** `data`: only ranges from getRangeByIndexes (the chunks and probes) carry values and count as payload. */
  const makeRange = (r: CellRange | null, data = false): OfficeMockObject => {
    const box = r ?? { top: 0, left: 0, bottom: 0, right: 0 };
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    const small = data && rows * cols <= 200_000;
    const values: (string | number | boolean)[][] = [];
    const numberFormat: string[][] = [];
    if (r && small) {
      for (let i = r.top; i <= r.bottom; i++) {
        const vrow: (string | number | boolean)[] = [];
        const frow: string[] = [];
        for (let j = r.left; j <= r.right; j++) {
          const v = grid.rows[i]?.[j] ?? null;
          vrow.push(v === null ? "" : v);
          frow.push(grid.formats.get(cellKey(i, j)) ?? "General");
        }
        values.push(vrow);
        numberFormat.push(frow);
      }
    }
    const mock = new OfficeMockObject({
      address: r ? `${grid.name}!${a1(r)}` : "",
      rowIndex: box.top,
      columnIndex: box.left,
      rowCount: rows,
      columnCount: cols,
      values,
      numberFormat,
      rowHidden: false,
      columnHidden: false,
      getMergedAreasOrNullObject: () => {
        const merges = grid.merges.filter((m) => intersect(m, box) !== null);
        const areas = new OfficeMockObject({ address: merges.map((m) => `${grid.name}!${a1(m)}`).join(", ") });
        areas.isNullObject = merges.length === 0;
        pending.push(areas);
        return areas;
      },
      getIntersectionOrNullObject: (other: object) => {
        const o = dims.get(other);
        return makeRange(r && o ? intersect(r, o) : null);
      },
    });
    setScalar(mock, "rowHidden", flag(grid.hiddenRows, box.top, rows));
    setScalar(mock, "columnHidden", flag(grid.hiddenColumns, box.left, cols));
    mock.isNullObject = r === null;
    dims.set(mock, box);
    pending.push(mock);
    if (small) pendingCells += rows * cols;
    return mock;
  };

  const excel = new OfficeMockObject({
    context: {
      workbook: {
        properties: {
          title: "",
          subject: "",
          author: "",
          keywords: "",
          comments: "",
          category: "",
          company: "",
          manager: "",
          lastAuthor: "",
          ...model.properties,
        },
        worksheets: {
          active: {
            name: grid.name,
            visibility: model.visibility,
            getUsedRangeOrNullObject: () => makeRange(model.used),
            getRangeByIndexes: (row: number, col: number, rows: number, cols: number) =>
              makeRange({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }, true),
          },
          getActiveWorksheet: function (this: OfficeMockObject) {
            return this.active;
          },
        },
        getSelectedRange: () => makeRange(model.selection ?? null),
      },
      sync: async function (this: OfficeMockObject) {
        syncs++;
        const cells = pendingCells;
        pendingCells = 0;
        if (model.maxCellsPerSync !== undefined && cells > model.maxCellsPerSync) {
          failed++;
          pending.length = 0;
          throw Object.assign(new Error("The response payload size has exceeded the limit."), {
            code: "ResponsePayloadSizeLimitExceeded",
          });
        }
        await OfficeMockObject.prototype.sync.call(this);
        for (const m of pending.splice(0)) await m.sync();
        // The mock copies synced values into place in queued microtasks: let them run.
        await Promise.resolve();
      },
    },
    run: async function (this: OfficeMockObject, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  });
  return { excel, syncs: () => syncs, failedSyncs: () => failed };
}

/** A synthetic roster: a merged title row, a header row, `n` people; ragged rows, text IDs, date serials. */
function roster(n: number): Grid {
  const rows: CellValue[][] = [
    ["XX县第一中学2026年春季学期国家助学金发放花名册"],
    ["序号", "姓名", "身份证号", "性别", "出生日期", "年级", "金额（元）", "备注"],
  ];
  const formats = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const row: CellValue[] = [
      i + 1,
      `学生${i}`,
      `1101012008${String(i % 10000).padStart(4, "0")}12${i % 10}`,
      i % 2 === 0 ? "男" : "女",
      39448 + (i % 700),
      "高一",
      1000,
    ];
    formats.set(cellKey(r, 2), "@");
    formats.set(cellKey(r, 4), "yyyy-mm-dd");
    formats.set(cellKey(r, 6), "0.00");
    if (i % 97 === 0) row.push("脱贫户");
    if (i % 211 === 5) row[3] = null; // a gap inside the row
    rows.push(row);
  }
  return makeGrid("花名册", rows, {
    formats,
    merges: [{ top: 0, left: 0, bottom: 0, right: 7 }],
    hiddenRows: new Set([5, 4999, 5000, 5001, 11000].filter((r) => r < n + 2)),
    hiddenColumns: new Set([7]),
  });
}

function usedOf(grid: Grid): CellRange {
  return { top: 0, left: 0, bottom: grid.rows.length - 1, right: 7 };
}

function install(handle: MockHandle): void {
  Object.assign(globalThis, { Excel: handle.excel });
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

function sortedFormats(grid: Grid): [string, string][] {
  return [...grid.formats.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function expectSameGrid(actual: Grid, expected: Grid): void {
  expect(actual.name).toBe(expected.name);
  expect(actual.rows.length).toBe(expected.rows.length);
  expect(actual.rows).toEqual(expected.rows);
  expect(sortedFormats(actual)).toEqual(sortedFormats(expected));
  expect(actual.merges).toEqual(expected.merges);
  expect([...actual.hiddenRows].sort((a, b) => a - b)).toEqual([...expected.hiddenRows].sort((a, b) => a - b));
  expect([...actual.hiddenColumns].sort((a, b) => a - b)).toEqual([...expected.hiddenColumns].sort((a, b) => a - b));
  expect(actual.state).toBe(expected.state);
}

describe("readRosterFromExcel", () => {
  it("reads a 12,000-row roster in chunks into the same Grid, in 4 syncs", async () => {
    const grid = roster(12_000);
    const handle = buildExcelMock({
      grid,
      visibility: "Visible",
      used: usedOf(grid),
      properties: { title: "助学金花名册", author: "张老师" },
    });
    install(handle);
    const result = await readRosterFromExcel({ scope: "active-sheet" });
    if (!result.ok) throw new Error(result.problem.message);
    const read = result.value;
    expect(read.sheet).toBe("花名册");
    expect(read.workbook.sheets).toHaveLength(1);
    expectSameGrid(read.workbook.sheets[0] as Grid, grid);
    expect(read.workbook.properties).toEqual({ title: "助学金花名册", creator: "张老师" });
    // used range · all three chunks (96,016 cells) in one batch · two levels of hidden-row refinement
    expect(read.syncs).toBe(4);
    expect(handle.syncs()).toBe(read.syncs);
  });

  it("reads 10,000 rows without hidden rows in 2 syncs, and keeps a hidden sheet's state", async () => {
    const base = roster(10_000);
    const grid = { ...base, hiddenRows: new Set<number>(), hiddenColumns: new Set<number>(), state: "hidden" as const };
    const handle = buildExcelMock({ grid, visibility: "Hidden", used: usedOf(grid) });
    install(handle);
    const result = await readRosterFromExcel({ scope: "active-sheet" });
    if (!result.ok) throw new Error(result.problem.message);
    expectSameGrid(result.value.workbook.sheets[0] as Grid, grid);
    expect(result.value.syncs).toBe(2);
    expect(handle.syncs()).toBe(2);
  });

  it("reads 10,000 rows with hidden rows in 4 syncs; smaller chunks only add batches past 120,000 cells", async () => {
    const grid = roster(10_000);
    const handle = buildExcelMock({ grid, visibility: "Visible", used: usedOf(grid) });
    install(handle);
    const result = await readRosterFromExcel({ scope: "active-sheet", chunkRows: 1000 });
    if (!result.ok) throw new Error(result.problem.message);
    expectSameGrid(result.value.workbook.sheets[0] as Grid, grid);
    // 11 chunks of ≤ 1,000 rows (8,000 cells each) still travel in one request
    expect(result.value.syncs).toBe(4);
  });

  it("halves a batch the host refuses as too big and retries", async () => {
    const grid = roster(12_000);
    const handle = buildExcelMock({ grid, visibility: "Visible", used: usedOf(grid), maxCellsPerSync: 50_000 });
    install(handle);
    const result = await readRosterFromExcel({ scope: "active-sheet" });
    if (!result.ok) throw new Error(result.problem.message);
    expectSameGrid(result.value.workbook.sheets[0] as Grid, grid);
    // 96k refused → [40k+40k] refused → 40k · 40k · 16k, plus used range and two refinement levels
    expect(handle.failedSyncs()).toBe(2);
    expect(result.value.syncs).toBe(8);
    expect(handle.syncs()).toBe(8);
  });

  it("reads a selection with the sheet's own row and column positions", async () => {
    const grid = roster(500);
    const selection = { top: 1, left: 1, bottom: 300, right: 3 };
    const handle = buildExcelMock({ grid, visibility: "Visible", used: usedOf(grid), selection });
    install(handle);
    const result = await readRosterFromExcel({ scope: "selection" });
    if (!result.ok) throw new Error(result.problem.message);
    const got = result.value.workbook.sheets[0] as Grid;
    expect(got.rows[0]).toEqual([]);
    expect(got.rows[1]).toEqual([null, "姓名", "身份证号", "性别"]);
    expect(got.rows[2]).toEqual([null, "学生0", grid.rows[2]?.[2], "男"]);
    expect(got.rows).toHaveLength(301);
    expect(got.formats.get(cellKey(2, 2))).toBe("@");
    expect(got.formats.has(cellKey(2, 4))).toBe(false); // column E is outside the selection
    expect([...got.hiddenRows]).toEqual([5]);
    expect(got.hiddenColumns.size).toBe(0);
    expect(got.merges).toEqual([]);
  });

  it("cuts a whole-column selection down to the used range", async () => {
    const grid = roster(300);
    const selection = { top: 0, left: 1, bottom: 1_048_575, right: 2 };
    const handle = buildExcelMock({ grid, visibility: "Visible", used: usedOf(grid), selection });
    install(handle);
    const result = await readRosterFromExcel({ scope: "selection" });
    if (!result.ok) throw new Error(result.problem.message);
    const got = result.value.workbook.sheets[0] as Grid;
    expect(got.rows).toHaveLength(302);
    expect(got.rows[301]).toEqual([null, "学生299", grid.rows[301]?.[2]]);
    // The title's merge A1:H1 overlaps the selection: reported with the sheet's own addresses.
    expect(got.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
  });

  it("says in Chinese that an empty sheet is empty", async () => {
    const grid = makeGrid("Sheet3", []);
    install(buildExcelMock({ grid, visibility: "Visible", used: null }));
    const result = await readRosterFromExcel({ scope: "active-sheet" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe("excel.empty");
    expect(result.problem.message).toContain("Sheet3");
    expect(result.problem.message).toMatch(/是空的.*请切换到花名册所在的工作表/);
  });

  it("says when a selection holds no data", async () => {
    const grid = roster(10);
    const selection = { top: 100, left: 20, bottom: 120, right: 22 };
    install(buildExcelMock({ grid, visibility: "Visible", used: usedOf(grid), selection }));
    const result = await readRosterFromExcel({ scope: "selection" });
    expect(!result.ok && result.problem.code).toBe("excel.empty");
    expect(!result.ok && result.problem.message).toContain("选中的区域里没有数据");
  });

  it("refuses a used range beyond 2.5 million cells before reading it", async () => {
    const grid = roster(10);
    const handle = buildExcelMock({
      grid,
      visibility: "Visible",
      used: { top: 0, left: 0, bottom: 1_048_575, right: 7 },
    });
    install(handle);
    const result = await readRosterFromExcel({ scope: "active-sheet" });
    expect(!result.ok && result.problem.code).toBe("excel.too-large");
    expect(!result.ok && result.problem.message).toContain("花名册");
    expect(!result.ok && result.problem.message).toContain("A1:H1048576");
    expect(handle.syncs()).toBe(1);
  });

  it("turns a host error into a Chinese message, not a throw", async () => {
    Object.assign(globalThis, {
      Excel: {
        run: async () => {
          throw Object.assign(new Error("edit mode"), { code: "InvalidOperationInCellEditMode" });
        },
      },
    });
    const result = await readRosterFromExcel({ scope: "active-sheet" });
    expect(!result.ok && result.problem.code).toBe("excel.failed");
    expect(!result.ok && result.problem.message).toContain("单元格编辑状态");
  });
});

describe("office addresses", () => {
  it("parses RangeAreas address lists, quoted sheet names included", () => {
    expect(parseAreas("Sheet1!A1:H1, 'a,b''c'!B3, C5:C9")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 7 },
      { top: 2, left: 1, bottom: 2, right: 1 },
      { top: 4, left: 2, bottom: 8, right: 2 },
    ]);
    expect(parseAreas("3:5")).toEqual([{ top: 2, left: 0, bottom: 4, right: 16_383 }]);
    expect(parseAreas("$B:$C")).toEqual([{ top: 0, left: 1, bottom: 1_048_575, right: 2 }]);
  });
});
