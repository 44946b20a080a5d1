/**
 * The workbook's recipe and triggers in its settings, and the on-open trigger's startup behaviour.
 * The Office namespace is a small hand-made fake (office-addin-mock models the Excel object model
 * with load/sync, not the common Office.context API): a settings store that keeps values as JSON,
 * as the host does, and an addin.setStartupBehavior that records what it was told. The on-edit
 * trigger is the live check (live.test.ts; office-addin-mock has no events, so a fake there too).
 */
import {
  RECIPE_KEY,
  TRIGGERS_KEY,
  loadTriggers,
  loadWorkbookRecipe,
  saveTriggers,
  saveWorkbookRecipe,
} from "../../../src/adapters/office/recipe";

interface Host {
  store: Map<string, string>;
  startup: string[];
}

function install(options: { startupFails?: boolean; readOnly?: boolean } = {}): Host {
  const host: Host = { store: new Map(), startup: [] };
  const office = {
    context: {
      document: {
        settings: {
          get: (key: string): unknown => {
            const raw = host.store.get(key);
            return raw === undefined ? null : JSON.parse(raw);
          },
          set: (key: string, value: unknown) => host.store.set(key, JSON.stringify(value)),
          remove: (key: string) => host.store.delete(key),
          saveAsync: (callback: (r: { status: string; error?: { message: string } }) => void) =>
            options.readOnly
              ? callback({ status: "failed", error: { message: "文档为只读" } })
              : callback({ status: "succeeded" }),
        },
      },
    },
    addin: {
      setStartupBehavior: async (behavior: string) => {
        if (options.startupFails) throw new Error("此版本不支持共享运行时");
        host.startup.push(behavior);
      },
    },
    StartupBehavior: { load: "Load", none: "None" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  Object.assign(globalThis, { Office: office });
  return host;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("the workbook's recipe", () => {
  it("is the shipped 学期报送 until one is saved, then the saved one", async () => {
    const host = install();
    expect(loadWorkbookRecipe()).toMatchObject({ stored: false, recipe: { name: "学期报送" } });
    const saved = await saveWorkbookRecipe({
      name: "只做公示",
      steps: [{ step: "privacy" }, { step: "notice", days: 7 }],
    });
    expect(saved.ok).toBe(true);
    expect(JSON.parse(host.store.get(RECIPE_KEY) ?? "null")).toMatchObject({ name: "只做公示" });
    expect(loadWorkbookRecipe()).toMatchObject({ stored: true, recipe: { name: "只做公示" } });
  });

  it("refuses to save an invalid recipe, naming the step, and stores nothing", async () => {
    const host = install();
    const r = await saveWorkbookRecipe({ name: "坏", steps: [{ step: "notice", start: "明天" }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/第 1 步（notice）：start/);
    expect(host.store.has(RECIPE_KEY)).toBe(false);
  });

  it("a stored recipe that no longer validates is reported, and the shipped one is used", () => {
    const host = install();
    host.store.set(RECIPE_KEY, JSON.stringify({ name: "旧", steps: [{ step: "mail" }] }));
    const r = loadWorkbookRecipe();
    expect(r.stored).toBe(false);
    expect(r.recipe.name).toBe("学期报送");
    expect(r.problem).toMatch(/第 1 步（mail）.*未知步骤/);
  });

  it("a read-only workbook: the save fails with a Chinese message", async () => {
    install({ readOnly: true });
    const r = await saveWorkbookRecipe({ name: "x", steps: [{ step: "check" }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain("只读");
  });
});

describe("the triggers", () => {
  it("are off until turned on, per workbook", () => {
    install();
    expect(loadTriggers()).toEqual({ onOpen: false, onEdit: false });
  });

  it("on-open makes the add-in load with this document; turning it off stops that", async () => {
    const host = install();
    expect((await saveTriggers({ onOpen: true, onEdit: false })).ok).toBe(true);
    expect(host.startup).toEqual(["Load"]);
    expect(loadTriggers()).toEqual({ onOpen: true, onEdit: false });
    expect((await saveTriggers({ onOpen: false, onEdit: true })).ok).toBe(true);
    expect(host.startup).toEqual(["Load", "None"]);
    expect(JSON.parse(host.store.get(TRIGGERS_KEY) ?? "null")).toEqual({ onOpen: false, onEdit: true });
  });

  it("junk in the settings reads as off", () => {
    const host = install();
    host.store.set(TRIGGERS_KEY, JSON.stringify({ onOpen: "yes", onEdit: 1 }));
    expect(loadTriggers()).toEqual({ onOpen: false, onEdit: false });
  });

  it("an Excel without the shared runtime: saved, with a Chinese message saying the pane must be opened by hand", async () => {
    install({ startupFails: true });
    const r = await saveTriggers({ onOpen: true, onEdit: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain("手动打开任务窗格");
    expect(loadTriggers()).toEqual({ onOpen: true, onEdit: false });
  });
});
