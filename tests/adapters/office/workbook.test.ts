/**
 * readWorkbookFromExcel against a hand-made fake: worksheets.items (name, visibility), each
 * sheet's used range, getRangeByIndexes with values / numberFormat / rowHidden / columnHidden,
 * merged areas and the document properties. Like Excel, a property reads only after load + sync
 * (reading it earlier throws), and sync() counts itself.
 */
import { readWorkbookFromExcel } from "../../../src/adapters/office/workbook";
import type { CellValue } from "../../../src/core/grid/types";

class Context {
  syncs = 0;
  private queue: (() => void)[] = [];
  later(action: () => void): void {
    this.queue.push(action);
  }
  async sync(): Promise<void> {
    this.syncs++;
    for (const action of this.queue.splice(0)) action();
    await Promise.resolve();
  }
}

/** An object whose `fields` read only after load(name) + sync; `isNullObject` after any load + sync. */
function loadable<T extends object>(ctx: Context, fields: Record<string, unknown>, rest: T): T {
  const loaded = new Set<string>();
  const target = {
    ...rest,
    load(what: string) {
      const names = what.split(",").map((n) => n.trim());
      ctx.later(() => {
        for (const n of names) loaded.add(n);
        loaded.add("isNullObject");
      });
    },
  };
  return new Proxy(target, {
    get(t, p) {
      if (typeof p === "string" && p in fields) {
        if (!loaded.has(p)) throw new Error(`${p} read before load + sync`);
        return fields[p];
      }
      return (t as Record<string | symbol, unknown>)[p];
    },
  });
}

/** properties.custom: items read only after load("items/key, items/value") + sync. */
function customCollection(ctx: Context, items: { key: string; value: unknown }[]) {
  let loaded = false;
  return {
    load(what: string) {
      expect(what).toBe("items/key, items/value");
      ctx.later(() => (loaded = true));
    },
    get items() {
      if (!loaded) throw new Error("custom.items read before load + sync");
      return items;
    },
  };
}

interface SheetModel {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  rows: CellValue[][];
}

function install(
  models: SheetModel[],
  properties: Record<string, string>,
  custom?: { key: string; value: unknown }[],
): Context {
  const ctx = new Context();
  const sheets = models.map((m) => {
    const cols = Math.max(0, ...m.rows.map((r) => r.length));
    const empty = m.rows.length === 0;
    const range = (row: number, col: number, rows: number, ncols: number) => {
      const values = Array.from({ length: rows }, (_, i) =>
        Array.from({ length: ncols }, (_, j) => m.rows[row + i]?.[col + j] ?? ""),
      );
      return loadable(
        ctx,
        {
          values,
          numberFormat: values.map((r) => r.map(() => "General")),
          rowHidden: false,
          columnHidden: false,
        },
        {},
      );
    };
    const sheet: Record<string, unknown> = loadable(
      ctx,
      { name: m.name, visibility: m.visibility },
      {
        getUsedRangeOrNullObject: (valuesOnly: boolean) => {
          expect(valuesOnly).toBe(true);
          return loadable(
            ctx,
            {
              isNullObject: empty,
              address: `${m.name}!A1`,
              rowIndex: 0,
              columnIndex: 0,
              rowCount: m.rows.length,
              columnCount: cols,
            },
            {
              getMergedAreasOrNullObject: () => loadable(ctx, { isNullObject: true, address: "" }, {}),
            },
          );
        },
        getRangeByIndexes: range,
      },
    );
    return sheet;
  });
  const worksheets = loadable(ctx, { items: sheets }, {});
  const origLoad = (worksheets as unknown as { load(w: string): void }).load;
  Object.assign(worksheets, {
    load(what: string) {
      expect(what).toBe("items/name, items/visibility");
      origLoad("items");
      for (const s of sheets) (s as unknown as { load(w: string): void }).load("name, visibility");
    },
  });
  const props = loadable(
    ctx,
    {
      title: "",
      subject: "",
      author: "",
      keywords: "",
      comments: "",
      category: "",
      company: "",
      manager: "",
      lastAuthor: "",
      ...properties,
    },
    custom ? { custom: customCollection(ctx, custom) } : {},
  );
  Object.assign(globalThis, {
    Excel: {
      run: (callback: (context: unknown) => Promise<unknown>) =>
        callback({ workbook: { worksheets, properties: props }, sync: () => ctx.sync() }),
    },
  });
  return ctx;
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

test("reads every sheet, a very hidden one included, and the document properties, in three syncs", async () => {
  const ctx = install(
    [
      {
        name: "花名册",
        visibility: "Visible",
        rows: [
          ["姓名", "身份证号"],
          ["张三", "110105194912310021"],
        ],
      },
      { name: "说明", visibility: "Visible", rows: [["联系电话 13800138000"]] },
      { name: "底稿", visibility: "VeryHidden", rows: [["李四", "11010519491231002X"]] },
      { name: "空表", visibility: "Hidden", rows: [] },
    ],
    { title: "2026 花名册", author: "王老师", comments: "联系 13912345678", company: "一中" },
  );
  const r = await readWorkbookFromExcel();
  if (!r.ok) throw new Error(r.problem.message);
  const { workbook, syncs, notes } = r.value;
  expect(workbook.sheets.map((g) => [g.name, g.state])).toEqual([
    ["花名册", "visible"],
    ["说明", "visible"],
    ["底稿", "veryHidden"],
  ]);
  expect(workbook.sheets[0]?.rows).toEqual([
    ["姓名", "身份证号"],
    ["张三", "110105194912310021"],
  ]);
  expect(workbook.sheets[2]?.rows).toEqual([["李四", "11010519491231002X"]]);
  expect(workbook.properties).toEqual({
    title: "2026 花名册",
    creator: "王老师",
    description: "联系 13912345678",
    company: "一中",
  });
  expect(notes).toEqual([]);
  // Sheets + properties, used ranges, then the chunks of all three sheets in one shared sync.
  expect(syncs).toBe(3);
  expect(ctx.syncs).toBe(3);
});

test("custom document properties (ExcelApi 1.7) are read in the first sync, keyed custom:NAME", async () => {
  Object.assign(globalThis, { Office: { context: { requirements: { isSetSupported: () => true } } } });
  try {
    const ctx = install([{ name: "公示", visibility: "Visible", rows: [["姓名"], ["张三"]] }], {}, [
      { key: "联系电话", value: "13812345678" },
      { key: "份数", value: 3 },
      { key: "空", value: "" },
    ]);
    const r = await readWorkbookFromExcel();
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.value.workbook.properties).toEqual({ "custom:联系电话": "13812345678", "custom:份数": "3" });
    expect(ctx.syncs).toBe(3);
  } finally {
    delete (globalThis as { Office?: unknown }).Office;
  }
});

test("turns a host error into a Chinese message", async () => {
  Object.assign(globalThis, {
    Excel: { run: () => Promise.reject(Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" })) },
  });
  const r = await readWorkbookFromExcel();
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problem.message).toContain("读取工作簿失败");
});
