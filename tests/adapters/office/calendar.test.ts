/**
 * The imported holiday notices in the workbook: settings (a hand-made fake of
 * Office.context.document.settings, values through JSON as the host stores them, saveAsync
 * counted) and the full recalculation after a change (office-addin-mock, syncs counted) — both
 * directly and through the pane's Office host.
 */
import { OfficeMockObject } from "office-addin-mock";
import {
  CALENDAR_KEY,
  loadWorkbookCalendar,
  recalculateWorkbook,
  saveWorkbookCalendar,
} from "../../../src/adapters/office/calendar";
import { createOfficeHost } from "../../../src/adapters/office/pane-host";
import { installOffice } from "./fake-settings";

interface Calc {
  calls: string[];
  syncs: number;
}

function installExcel(failure?: unknown): Calc {
  const calc: Calc = { calls: [], syncs: 0 };
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        application: {
          calculate: (type: string) => {
            calc.calls.push(type);
          },
        },
      },
      sync: async () => {
        calc.syncs++;
        if (failure) throw failure;
      },
    },
    run: async function (this: OfficeMockObject, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  });
  // A plain enum, as in Office.js (the mock would make its members properties to load).
  Object.assign(excel, { CalculationType: { full: "Full", recalculate: "Recalculate", fullRebuild: "FullRebuild" } });
  Object.assign(globalThis, { Excel: excel });
  return calc;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
});

const STORE = `${JSON.stringify({ format: "zizhu-calendar", version: 1, years: [] }, null, 2)}\n`;

describe("the workbook calendar in the settings", () => {
  it("is stored as text under zizhu.calendar, saved with saveAsync, and removed with null", async () => {
    const fake = installOffice();
    expect(loadWorkbookCalendar()).toBeNull();
    expect((await saveWorkbookCalendar(STORE)).ok).toBe(true);
    expect(fake.saves).toBe(1);
    expect(JSON.parse(fake.store.get(CALENDAR_KEY) ?? "null")).toBe(STORE);
    expect(loadWorkbookCalendar()).toBe(STORE);
    expect((await saveWorkbookCalendar(null)).ok).toBe(true);
    expect(fake.saves).toBe(2);
    expect(fake.store.has(CALENDAR_KEY)).toBe(false);
    expect(loadWorkbookCalendar()).toBeNull();
  });

  it("hands on a value that is not text as JSON, for the pane to check", () => {
    const fake = installOffice();
    fake.store.set(CALENDAR_KEY, JSON.stringify({ format: "zizhu-calendar" }));
    expect(loadWorkbookCalendar()).toBe('{"format":"zizhu-calendar"}');
  });

  it("reports a failed save as a Chinese message", async () => {
    installOffice({ failSave: true });
    const r = await saveWorkbookCalendar(STORE);
    expect(!r.ok && r.problem.message).toContain("文档为只读");
  });

  it("has nothing to load outside Office", () => {
    expect(loadWorkbookCalendar()).toBeNull();
  });
});

describe("recalculating after a change", () => {
  it("is one full calculation in one sync", async () => {
    const calc = installExcel();
    expect((await recalculateWorkbook()).ok).toBe(true);
    expect(calc.calls).toEqual(["Full"]);
    expect(calc.syncs).toBe(1);
  });

  it("turns a host error into a Chinese message", async () => {
    installExcel(Object.assign(new Error("cell edit"), { code: "InvalidOperationInCellEditMode" }));
    const r = await recalculateWorkbook();
    expect(!r.ok && r.problem.message).toContain("重新计算工作簿失败：Excel 正处于单元格编辑状态");
  });

  it("rethrows what is not a host error (a bug)", async () => {
    installExcel(new TypeError("bug"));
    await expect(recalculateWorkbook()).rejects.toThrow("bug");
  });
});

describe("the pane's Office host", () => {
  it("loads, saves and recalculates through the workbook", async () => {
    const fake = installOffice();
    const calc = installExcel();
    const host = createOfficeHost();
    expect(await host.loadCalendar?.()).toBeNull();
    expect(await host.saveCalendar?.(STORE)).toEqual({ ok: true });
    expect(await host.loadCalendar?.()).toBe(STORE);
    expect(await host.recalculate?.()).toEqual({ ok: true });
    // One settings save (saveAsync, not a batch sync) and one Excel sync for the recalculation.
    expect(fake.saves).toBe(1);
    expect(calc.syncs).toBe(1);
  });

  it("returns a failed save as a value", async () => {
    installOffice({ failSave: true });
    const r = await createOfficeHost().saveCalendar?.(STORE);
    expect(r?.ok === false && r.message).toContain("设置未能保存到工作簿（文档为只读）");
  });
});
