/**
 * Workbook settings: a hand-made fake of Office.context.document.settings (office-addin-mock has
 * no settings store). Values go through JSON on set(), as the host stores them, so numeric keys
 * come back as strings.
 */
import { COLUMN_OVERRIDES_KEY, loadColumnOverrides, saveColumnOverrides } from "../../../src/adapters/office/settings";
import { installOffice } from "./fake-settings";

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("column overrides in workbook settings", () => {
  it("round-trips per sheet and saves with saveAsync", async () => {
    const fake = installOffice();
    expect(loadColumnOverrides()).toEqual({});
    expect((await saveColumnOverrides("花名册", { 2: "idNumber", 7: null })).ok).toBe(true);
    expect((await saveColumnOverrides("教师", { 0: "name" })).ok).toBe(true);
    expect(fake.saves).toBe(2);
    expect(loadColumnOverrides()).toEqual({ 花名册: { 2: "idNumber", 7: null }, 教师: { 0: "name" } });
    // Replacing a sheet's overrides with {} removes that sheet; removing the last removes the key.
    await saveColumnOverrides("花名册", {});
    expect(loadColumnOverrides()).toEqual({ 教师: { 0: "name" } });
    await saveColumnOverrides("教师", {});
    expect(fake.store.has(COLUMN_OVERRIDES_KEY)).toBe(false);
  });

  it("ignores malformed stored values", () => {
    const fake = installOffice();
    fake.store.set(
      COLUMN_OVERRIDES_KEY,
      JSON.stringify({ 花名册: { "-1": "name", x: "name", 3: 5, 4: "bankAccount" }, 坏: 7 }),
    );
    expect(loadColumnOverrides()).toEqual({ 花名册: { 4: "bankAccount" } });
  });

  it("reports a failed save as a Chinese message", async () => {
    installOffice({ failSave: true });
    const result = await saveColumnOverrides("花名册", { 1: "name" });
    expect(!result.ok && result.problem.message).toContain("文档为只读");
  });

  it("has nothing to load outside Office", () => {
    expect(loadColumnOverrides()).toEqual({});
  });
});
