/**
 * writeMaskedCopy against a hand-made fake: getItemOrNullObject answers from the existing sheet
 * names (case-insensitively, as Excel), add() creates a sheet whose ranges record what is
 * assigned to them — applied at sync, in the order queued, so "format before value" is visible.
 */
import { writeMaskedCopy } from "../../../src/adapters/office/masked-copy";
import { sheetCandidate } from "../../../src/adapters/office/export";
import { makeGrid, type CellValue } from "../../../src/core/grid/types";

type Write = { sheet: string; row: number; col: number; what: "values" | "numberFormat"; value: unknown[][] };

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

function install(existing: string[]) {
  const ctx = new Context();
  const writes: Write[] = [];
  const added: string[] = [];
  let activated = "";
  const worksheets = {
    getItemOrNullObject(name: string) {
      let synced = false;
      return {
        load(what: string) {
          expect(what).toBe("name");
          ctx.later(() => (synced = true));
        },
        get isNullObject(): boolean {
          if (!synced) throw new Error("isNullObject read before sync");
          return !existing.some((e) => e.toLowerCase() === name.toLowerCase());
        },
      };
    },
    add(name: string) {
      ctx.later(() => {
        added.push(name);
        existing.push(name);
      });
      return {
        activate: () => ctx.later(() => (activated = name)),
        getRangeByIndexes(row: number, col: number) {
          const record = (what: Write["what"], value: unknown[][]) =>
            ctx.later(() => writes.push({ sheet: name, row, col, what, value }));
          return {
            set numberFormat(value: unknown[][]) {
              record("numberFormat", value);
            },
            set values(value: unknown[][]) {
              record("values", value);
            },
          };
        },
      };
    },
  };
  Object.assign(globalThis, {
    Excel: {
      run: (callback: (context: unknown) => Promise<unknown>) =>
        callback({ workbook: { worksheets }, sync: () => ctx.sync() }),
    },
  });
  return { ctx, writes, added, activated: () => activated };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

const MASKED: CellValue[][] = [
  ["姓名", "身份证号", "联系电话", "金额"],
  ["张*", "110105********0021", "138****8000", 1000],
  ["=李*", null, "139****5678", 500],
];

test("writes new 脱敏副本- sheets with unique names, '@' before values, the originals untouched", async () => {
  const fake = install(["花名册", "脱敏副本-花名册", "说明"]);
  const r = await writeMaskedCopy({
    sheets: [makeGrid("花名册", MASKED), makeGrid("说明", [["电话 139****5678"]])],
    properties: {},
  });
  if (!r.ok) throw new Error(r.problem.message);
  expect(r.value.sheets).toEqual(["脱敏副本-花名册 (2)", "脱敏副本-说明"]);
  expect(fake.added).toEqual(["脱敏副本-花名册 (2)", "脱敏副本-说明"]);
  expect(fake.activated()).toBe("脱敏副本-花名册 (2)");
  // Nothing is written to the original sheets.
  expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(new Set(["脱敏副本-花名册 (2)", "脱敏副本-说明"]));

  const roster = fake.writes.filter((w) => w.sheet === "脱敏副本-花名册 (2)");
  expect(roster.map((w) => w.what)).toEqual(["numberFormat", "values"]);
  expect(roster[0]?.value).toEqual([
    ["@", "@", "@", "@"],
    ["@", "@", "@", "General"],
    ["@", "@", "@", "General"],
  ]);
  expect(roster[1]?.value).toEqual([
    ["姓名", "身份证号", "联系电话", "金额"],
    ["张*", "110105********0021", "138****8000", 1000],
    ["=李*", "", "139****5678", 500],
  ]);
  // 1 sync for the names, then one per sheet (a chunk each).
  expect(fake.ctx.syncs).toBe(3);
});

test("sheet names stay legal: no []:*?/\\ and at most 31 characters with the suffix", () => {
  expect(sheetCandidate("脱敏副本-a[1]:b*c?d/e\\f", 0)).toBe("脱敏副本-a_1__b_c_d_e_f");
  const long = sheetCandidate(`脱敏副本-${"学".repeat(40)}`, 2);
  expect(Array.from(long)).toHaveLength(31);
  expect(long.endsWith(" (3)")).toBe(true);
});

test("big sheets are written in several chunks, each formatted before its values", async () => {
  const rows: CellValue[][] = [["身份证号"]];
  for (let i = 0; i < 45_000; i++) rows.push([`110105********${String(i % 10000).padStart(4, "0")}`]);
  const fake = install([]);
  const r = await writeMaskedCopy({ sheets: [makeGrid("花名册", rows)], properties: {} });
  expect(r.ok).toBe(true);
  expect(fake.writes.map((w) => `${w.what}@${w.row}`)).toEqual([
    "numberFormat@0",
    "values@0",
    "numberFormat@40000",
    "values@40000",
  ]);
});
