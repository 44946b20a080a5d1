/**
 * highlightIssues / clearHighlights against a hand-made fake: office-addin-mock cannot represent
 * conditional format collections (loading "items/type" needs objects inside an array) or delete().
 * The fake covers only what the adapter uses — worksheets.getItemOrNullObject, getRange(),
 * getRanges(), conditionalFormats.add / load / items, custom.rule.formula, custom.format.fill.color,
 * delete() — and, like Excel, applies queued adds and deletes only at sync and refuses to read a
 * property that was not loaded and synced. Settings are the same JSON fake as in settings.test.ts.
 */
import {
  HIGHLIGHTS_KEY,
  HIGHLIGHT_FILL,
  MAX_ADDRESS_CHARS,
  clearHighlights,
  highlightIssues,
  markerFormula,
  planHighlights,
} from "../../../src/adapters/office/highlight";
import type { Issue, Severity } from "../../../src/core/report/types";

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

/** A property readable only after load() and sync(), as in Office.js. */
class Loadable<T> {
  private loaded = false;
  constructor(
    private readonly context: Context,
    private readonly read: () => T,
    private readonly what: string,
  ) {}
  load(): void {
    this.context.later(() => {
      this.loaded = true;
    });
  }
  get value(): T {
    if (!this.loaded) throw new Error(`${this.what} read before load + sync`);
    return this.read();
  }
}

class FakeFormat {
  static nextId = 1;
  readonly id = String(FakeFormat.nextId++);
  deleted = false;
  formula = "";
  color = "";
  constructor(
    readonly type: Excel.ConditionalFormatType | "Custom" | "DataBar",
    readonly addresses: string,
    owner?: { formula: string; color: string },
  ) {
    if (owner) {
      this.formula = owner.formula;
      this.color = owner.color;
    }
  }
}

class FakeSheet {
  formats: FakeFormat[] = [];
  constructor(
    readonly name: string,
    private readonly context: Context,
  ) {}

  getRange(): unknown {
    const context = this.context;
    const current = (): FakeFormat[] => this.formats.filter((f) => !f.deleted);
    let snapshot: FakeFormat[] = [];
    const items = new Loadable(context, () => snapshot, "conditionalFormats.items");
    return {
      conditionalFormats: {
        load(what: string) {
          expect(what).toBe("items/type");
          context.later(() => {
            snapshot = current();
          });
          items.load();
        },
        get items() {
          return items.value.map((f) => {
            const formula = new Loadable(context, () => f.formula, "rule.formula");
            return {
              type: f.type,
              get custom() {
                if (f.type !== "Custom") throw new Error("not a custom conditional format");
                return {
                  rule: {
                    load: () => formula.load(),
                    get formula() {
                      return formula.value;
                    },
                  },
                };
              },
              delete: () => context.later(() => (f.deleted = true)),
            };
          });
        },
      },
    };
  }

  getRanges(addresses: string): unknown {
    const context = this.context;
    return {
      conditionalFormats: {
        add: (type: string) => {
          expect(type).toBe("Custom");
          const format = new FakeFormat("Custom", addresses);
          context.later(() => this.formats.push(format));
          return {
            custom: {
              rule: {
                set formula(value: string) {
                  format.formula = value;
                },
              },
              format: {
                fill: {
                  set color(value: string) {
                    format.color = value;
                  },
                },
              },
            },
          };
        },
      },
    };
  }

  live(): FakeFormat[] {
    return this.formats.filter((f) => !f.deleted);
  }
}

function fail(message: string): never {
  throw new Error(message);
}

function installExcel(names: string[]): { context: Context; sheets: Map<string, FakeSheet> } {
  const context = new Context();
  const sheets = new Map(names.map((n) => [n, new FakeSheet(n, context)]));
  const workbook = {
    worksheets: {
      getItemOrNullObject(name: string) {
        const sheet = sheets.get(name);
        const isNull = new Loadable(context, () => sheet === undefined, "isNullObject");
        return {
          load: () => isNull.load(),
          get isNullObject() {
            return isNull.value;
          },
          // Excel would fail the batch for a null object's ranges; the adapter must not ask for them.
          getRange: () => (sheet ? sheet.getRange() : fail("getRange on a null worksheet")),
          getRanges: (a: string) => (sheet ? sheet.getRanges(a) : fail("getRanges on a null worksheet")),
        };
      },
    },
  };
  const ctx = Object.assign(context, { workbook });
  Object.assign(globalThis, { Excel: { run: async (cb: (c: unknown) => Promise<unknown>) => cb(ctx) } });
  return { context, sheets };
}

function installSettings(): Map<string, string> {
  const store = new Map<string, string>();
  const settings = {
    get: (key: string): unknown => (store.has(key) ? JSON.parse(store.get(key) as string) : null),
    set: (key: string, value: unknown) => store.set(key, JSON.stringify(value)),
    remove: (key: string) => store.delete(key),
    saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
  };
  Object.assign(globalThis, {
    Office: { context: { document: { settings } }, AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } },
  });
  return store;
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

function issue(sheet: string, cell: string, severity: Severity, rule = "id.checksum"): Issue {
  const row = Number(/\d+/.exec(cell)?.[0] ?? 0);
  return { rule, severity, sheet, row, column: cell.replace(/\d+/g, ""), cell, message: "", hint: "", value: "" };
}

describe("planHighlights", () => {
  it("keeps the worst severity per cell, merges vertical runs and skips cell-less issues", () => {
    const plan = planHighlights([
      issue("花名册", "C5", "warning"),
      issue("花名册", "C5", "error"),
      issue("花名册", "C6", "error"),
      issue("花名册", "C7", "error"),
      issue("花名册", "C9", "error"),
      issue("花名册", "D5", "info"),
      { ...issue("花名册", "", "error"), row: 12 },
    ]);
    expect(plan.cells).toBe(5);
    expect(plan.groups).toEqual([
      { sheet: "花名册", severity: "error", addresses: "C5:C7,C9" },
      { sheet: "花名册", severity: "info", addresses: "D5" },
    ]);
  });

  it("cuts long address lists into several groups", () => {
    const issues = Array.from({ length: 200 }, (_, i) => issue("花名册", `C${i * 2 + 1}`, "error"));
    const plan = planHighlights(issues);
    expect(plan.groups.length).toBeGreaterThan(1);
    for (const g of plan.groups) expect(g.addresses.length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);
    expect(plan.groups.flatMap((g) => g.addresses.split(","))).toHaveLength(200);
  });
});

describe("highlightIssues / clearHighlights", () => {
  it("adds the pane's rules, replaces them on the next run and removes only them", async () => {
    const store = installSettings();
    const { context, sheets } = installExcel(["花名册", "Sheet2"]);
    const roster = sheets.get("花名册") as FakeSheet;
    // The user's own rules: a custom rule on a flagged cell, and a data bar.
    roster.formats.push(new FakeFormat("Custom", "C5", { formula: "=C5>100", color: "#00FF00" }));
    roster.formats.push(new FakeFormat("DataBar", "G3:G100"));

    const first = await highlightIssues([
      issue("花名册", "C5", "error"),
      issue("花名册", "C6", "error"),
      issue("花名册", "E9", "warning"),
      issue("已删除的表", "A1", "error"),
    ]);
    expect(first).toEqual({ ok: true, value: { cells: 3, syncs: 2 } });
    expect(context.syncs).toBe(2);
    const ours = roster.live().filter((f) => f.formula.startsWith("=ISTEXT"));
    expect(ours.map((f) => [f.addresses, f.formula, f.color])).toEqual([
      ["C5:C6", markerFormula("error"), HIGHLIGHT_FILL.error],
      ["E9", markerFormula("warning"), HIGHLIGHT_FILL.warning],
    ]);
    expect(JSON.parse(store.get(HIGHLIGHTS_KEY) as string)).toEqual({
      version: 1,
      groups: [
        { sheet: "花名册", severity: "error", addresses: "C5:C6" },
        { sheet: "花名册", severity: "warning", addresses: "E9" },
      ],
    });

    // A second run removes the first run's rules in the same request that adds the new ones.
    const second = await highlightIssues([issue("花名册", "D7", "info")]);
    expect(second).toEqual({ ok: true, value: { cells: 1, syncs: 4 } });
    expect(roster.live().map((f) => f.addresses)).toEqual(["C5", "G3:G100", "D7"]);

    const cleared = await clearHighlights();
    expect(cleared).toEqual({ ok: true, value: { removed: 1 } });
    expect(roster.live().map((f) => [f.type, f.addresses, f.formula])).toEqual([
      ["Custom", "C5", "=C5>100"],
      ["DataBar", "G3:G100", ""],
    ]);
    expect(store.has(HIGHLIGHTS_KEY)).toBe(false);
    expect((sheets.get("Sheet2") as FakeSheet).live()).toEqual([]);
  });

  it("finds nothing to clear without a record", async () => {
    installSettings();
    const { context } = installExcel(["花名册"]);
    expect(await clearHighlights()).toEqual({ ok: true, value: { removed: 0 } });
    expect(context.syncs).toBe(0);
  });

  it("skips a recorded sheet that was deleted", async () => {
    const store = installSettings();
    store.set(
      HIGHLIGHTS_KEY,
      JSON.stringify({ version: 1, groups: [{ sheet: "旧表", severity: "error", addresses: "A1" }] }),
    );
    const { context } = installExcel(["花名册"]);
    expect(await clearHighlights()).toEqual({ ok: true, value: { removed: 0 } });
    expect(context.syncs).toBe(1);
    expect(store.has(HIGHLIGHTS_KEY)).toBe(false);
  });
});
