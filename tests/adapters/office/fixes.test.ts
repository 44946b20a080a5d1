/**
 * applyFixes against a hand-made fake: worksheets.getItemOrNullObject, getRange(address),
 * range.load("values") / values / numberFormat — and, like Excel, reads only after load + sync and
 * writes applied only at sync, in the order they were queued (so "format before value" is visible).
 */
import { applyFixes } from "../../../src/adapters/office/fixes";
import type { CellFix, ColumnFix, Fix } from "../../../src/core/fixes/plan";
import type { CellValue } from "../../../src/core/grid/types";

type Write = { sheet: string; address: string; what: "values" | "numberFormat"; value: unknown };

class Context {
  syncs = 0;
  private queue: (() => void)[] = [];
  later(action: () => void): void {
    this.queue.push(action);
  }
  async sync(): Promise<void> {
    this.syncs++;
    for (const action of this.queue.splice(0)) action();
  }
}

function install(sheets: Record<string, Record<string, CellValue>>, failWith?: { code: string }) {
  const context = new Context();
  const writes: Write[] = [];
  const range = (sheet: string, address: string) => {
    let loaded = false;
    return {
      load(what: string) {
        expect(what).toBe("values");
        context.later(() => (loaded = true));
      },
      get values(): unknown[][] {
        if (!loaded) throw new Error(`${address}.values read before load + sync`);
        return [[sheets[sheet]?.[address] ?? ""]];
      },
      set values(value: unknown[][]) {
        context.later(() => {
          writes.push({ sheet, address, what: "values", value });
          const cells = sheets[sheet];
          if (cells) cells[address] = value[0]?.[0] as CellValue;
        });
      },
      set numberFormat(value: unknown[][]) {
        context.later(() => writes.push({ sheet, address, what: "numberFormat", value }));
      },
    };
  };
  const workbook = {
    worksheets: {
      getItemOrNullObject(name: string) {
        const exists = name in sheets;
        let loaded = false;
        return {
          load: () => context.later(() => (loaded = true)),
          get isNullObject() {
            if (!loaded) throw new Error("isNullObject read before load + sync");
            return !exists;
          },
          getRange: (address: string) => {
            if (!exists) throw new Error("getRange on a null worksheet");
            return range(name, address);
          },
        };
      },
    },
  };
  const ctx = Object.assign(context, { workbook });
  Object.assign(globalThis, {
    Excel: {
      run: async (cb: (c: unknown) => Promise<unknown>) => {
        if (failWith) throw Object.assign(new Error("host says no"), failWith);
        return cb(ctx);
      },
    },
  });
  return { context, writes };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

function cell(sheet: string, address: string, before: CellValue, after: CellValue, asText = false): CellFix {
  const col = address.charCodeAt(0) - 65;
  const row = Number(address.slice(1)) - 1;
  return {
    kind: "trim",
    sheet,
    row,
    col,
    cell: address,
    field: "name",
    before,
    after,
    shownBefore: "",
    shownAfter: "",
    asText,
  };
}

function column(sheet: string, letter: string, fromRow: number, toRow: number): ColumnFix {
  return {
    kind: "text-format",
    sheet,
    col: letter.charCodeAt(0) - 65,
    column: letter,
    field: "idNumber",
    label: "身份证号",
    fromRow,
    toRow,
  };
}

test("writes only the planned cells, formats before values, in three syncs", async () => {
  const { context, writes } = install({
    花名册: { A2: " 张三", B2: "４３０３８１２０１４０５０１００１１ ", F3: 400, G9: "别碰我" },
    Sheet2: { A1: "李四 " },
  });
  const fixes: Fix[] = [
    cell("花名册", "A2", " 张三", "张三"),
    column("花名册", "B", 0, 2),
    cell("花名册", "B2", "４３０３８１２０１４０５０１００１１ ", "430381201405010011", true),
    { ...cell("花名册", "F3", 400, 500), kind: "amount", field: "amount" },
    cell("Sheet2", "A1", "李四 ", "李四"),
  ];
  const r = await applyFixes(fixes);
  expect(r).toEqual({ ok: true, value: { cells: 4, columns: 1, skipped: 0, syncs: 3 } });
  expect(context.syncs).toBe(3);
  expect(writes).toEqual([
    { sheet: "花名册", address: "B1:B3", what: "numberFormat", value: [["@"], ["@"], ["@"]] },
    { sheet: "花名册", address: "A2", what: "values", value: [["张三"]] },
    { sheet: "花名册", address: "B2", what: "numberFormat", value: [["@"]] },
    { sheet: "花名册", address: "B2", what: "values", value: [["430381201405010011"]] },
    { sheet: "花名册", address: "F3", what: "values", value: [[500]] },
    { sheet: "Sheet2", address: "A1", what: "values", value: [["李四"]] },
  ]);
});

test("a cell changed since the check is skipped, an empty one is filled", async () => {
  const { writes } = install({ 表: { A2: "已被用户改过", F2: "" } });
  const r = await applyFixes([
    cell("表", "A2", " 张三", "张三"),
    { ...cell("表", "F2", null, 500), kind: "amount", field: "amount" },
  ]);
  expect(r).toEqual({ ok: true, value: { cells: 1, columns: 0, skipped: 1, syncs: 3 } });
  expect(writes).toEqual([{ sheet: "表", address: "F2", what: "values", value: [[500]] }]);
});

test("a sheet renamed since the check: nothing is written, and the message says so", async () => {
  const { writes, context } = install({ 表: { A2: " 张三" } });
  const r = await applyFixes([cell("表", "A2", " 张三", "张三"), cell("旧表", "A2", " 李四", "李四")]);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problem.message).toContain("找不到工作表“旧表”");
  expect(writes).toEqual([]);
  expect(context.syncs).toBe(1);
});

test("no fixes: no Excel call at all", async () => {
  const { context } = install({});
  expect(await applyFixes([])).toEqual({ ok: true, value: { cells: 0, columns: 0, skipped: 0, syncs: 0 } });
  expect(context.syncs).toBe(0);
});

test("a host error becomes a Chinese message", async () => {
  install({ 表: {} }, { code: "InvalidOperationInCellEditMode" });
  const r = await applyFixes([cell("表", "A2", " 张三", "张三")]);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problem.message).toContain("应用修改失败：Excel 正处于单元格编辑状态");
});
