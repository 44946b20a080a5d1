/**
 * startLiveCheck against a hand-made fake: office-addin-mock has no events. The fake implements
 * the few members the adapter uses — Excel.run(callback) and Excel.run(context, callback),
 * worksheets.getActiveWorksheet / getItem / onActivated, worksheet.id / name / load / onChanged —
 * with handlers that are removed only through the context they were added in, as in Office.js.
 */
import { changedRows, startLiveCheck } from "../../../src/adapters/office/live";

type Listener<T> = (event: T) => Promise<void>;

class FakeEvent<T> {
  readonly listeners = new Set<Listener<T>>();
  constructor(private readonly context: object) {}
  add(listener: Listener<T>): { context: object; remove: () => void } {
    this.listeners.add(listener);
    return {
      context: this.context,
      remove: () => {
        this.listeners.delete(listener);
      },
    };
  }
  async fire(event: T): Promise<void> {
    await Promise.all([...this.listeners].map((l) => l(event)));
  }
}

type Changed = Pick<Excel.WorksheetChangedEventArgs, "address" | "worksheetId" | "triggerSource">;

interface FakeSheet {
  id: string;
  name: string;
  load: (what: string) => void;
  onChanged: FakeEvent<Changed>;
}

function install(): { sheets: FakeSheet[]; onActivated: FakeEvent<{ worksheetId: string }>; active: () => string } {
  const context = { workbook: {} as object, sync: async () => undefined };
  const sheets: FakeSheet[] = ["花名册", "汇总"].map((name, i) => ({
    id: `{sheet-${i}}`,
    name,
    load: () => undefined,
    onChanged: new FakeEvent<Changed>(context),
  }));
  let active = sheets[0] as FakeSheet;
  const onActivated = new FakeEvent<{ worksheetId: string }>(context);
  context.workbook = {
    worksheets: {
      getActiveWorksheet: () => active,
      getItem: (id: string) => sheets.find((s) => s.id === id),
      onActivated,
    },
  };
  Object.assign(globalThis, {
    Excel: {
      run: async (a: unknown, b?: (c: unknown) => Promise<unknown>) => {
        if (typeof a === "function") return (a as (c: unknown) => Promise<unknown>)(context);
        // Removing a handler must go through the context it was added in.
        expect(a).toBe(context);
        return (b as (c: unknown) => Promise<unknown>)(context);
      },
    },
  });
  return {
    sheets,
    onActivated: {
      fire: async (event: { worksheetId: string }) => {
        active = sheets.find((s) => s.id === event.worksheetId) ?? active;
        await onActivated.fire(event);
      },
      get listeners() {
        return onActivated.listeners;
      },
    } as unknown as FakeEvent<{ worksheetId: string }>,
    active: () => active.name,
  };
}

function change(sheet: FakeSheet, address: string, triggerSource: Changed["triggerSource"] = "Unknown"): Changed {
  return { address, worksheetId: sheet.id, triggerSource };
}

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe("startLiveCheck", () => {
  it("debounces two edits into one report with both rows, and stop() removes the handlers", async () => {
    const { sheets, onActivated } = install();
    const roster = sheets[0] as FakeSheet;
    const calls: [string, number[]][] = [];
    const stop = await startLiveCheck((sheet, rows) => calls.push([sheet, rows]));
    expect(roster.onChanged.listeners.size).toBe(1);

    await roster.onChanged.fire(change(roster, "C9"));
    jest.advanceTimersByTime(300);
    await roster.onChanged.fire(change(roster, "A5:D6"));
    jest.advanceTimersByTime(599);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(calls).toEqual([["花名册", [5, 6, 9]]]);

    await stop();
    expect(roster.onChanged.listeners.size).toBe(0);
    expect(onActivated.listeners.size).toBe(0);
  });

  it("follows the active sheet and ignores the add-in's own writes", async () => {
    const { sheets, onActivated } = install();
    const [roster, summary] = sheets as [FakeSheet, FakeSheet];
    const calls: [string, number[]][] = [];
    const stop = await startLiveCheck((sheet, rows) => calls.push([sheet, rows]), { debounceMs: 100 });

    await roster.onChanged.fire(change(roster, "B3", "ThisLocalAddin"));
    jest.advanceTimersByTime(100);
    expect(calls).toEqual([]);

    await onActivated.fire({ worksheetId: summary.id });
    expect(roster.onChanged.listeners.size).toBe(0);
    expect(summary.onChanged.listeners.size).toBe(1);
    await summary.onChanged.fire(change(summary, "4:5"));
    await summary.onChanged.fire(change(summary, "C:C"));
    jest.advanceTimersByTime(100);
    // A whole-column change means "re-check the whole sheet": an empty row list.
    expect(calls).toEqual([["汇总", []]]);
    await stop();
    expect(summary.onChanged.listeners.size).toBe(0);
  });

  it("drops a pending report when stopped", async () => {
    const { sheets } = install();
    const roster = sheets[0] as FakeSheet;
    const calls: unknown[] = [];
    const stop = await startLiveCheck((sheet, rows) => calls.push([sheet, rows]));
    await roster.onChanged.fire(change(roster, "C9"));
    await stop();
    jest.advanceTimersByTime(1000);
    expect(calls).toEqual([]);
  });
});

describe("changedRows", () => {
  it("lists the 1-based rows of an event address", () => {
    expect(changedRows("C5")).toEqual([5]);
    expect(changedRows("A2:D4")).toEqual([2, 3, 4]);
    expect(changedRows("3:4")).toEqual([3, 4]);
    expect(changedRows("B:B")).toEqual([]);
    expect(changedRows("A1:A200000")).toEqual([]);
  });
});
