/**
 * The digest keeps a formula's text, not its cached result, so an amount that is a formula can
 * change under a matching digest (an external link, a lookup refreshed, an edited cached value):
 * verifySeal recomputes the people rows and totals the seal records and compares them.
 */
import type { CellValue, Grid, WorkbookData } from "../../../src/core/grid/types";
import { makeGrid } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import { rosterDigest } from "../../../src/core/sheets/digest";
import {
  buildSeal,
  LEGACY_SEAL_FORMAT,
  SEAL_SHEET,
  sealSheetRows,
  verifySeal,
  type LegacySeal,
  type VerifyOptions,
} from "../../../src/core/sheets/seal";
import { loadSample as sample } from "./samples";

const pack = seedPack();
const today = { y: 2026, m: 11, d: 28 };
const NOW = "2026-11-28T10:30:00+08:00";
const ROSTER = "一补花名册";
/** The sample's 金额 column, and a person's row in it. */
const AMOUNT = 12;
const ROW = 3;

/** The roster with the amount of row `row` a formula whose cached result is `value`. */
function withFormula(
  wb: WorkbookData,
  row: number,
  value: CellValue,
  formula = "VLOOKUP(A4,[标准.xlsx]Sheet1!A:B,2,0)",
) {
  return {
    ...wb,
    sheets: wb.sheets.map((g): Grid => {
      if (g.name !== ROSTER) return g;
      const rows = g.rows.map((r) => [...r]);
      (rows[row] as CellValue[])[AMOUNT] = value;
      const formulas = new Map(g.formulas);
      formulas.set(`${row},${AMOUNT}`, formula);
      return { ...g, rows, formulas };
    }),
  };
}

async function sealedWithFormula(): Promise<{ wb: WorkbookData; amount: number }> {
  const base = await sample("一补花名册-示例.xlsx");
  const amount = (base.sheets[0] as Grid).rows[ROW]?.[AMOUNT];
  if (typeof amount !== "number") throw new Error("the sample's amount moved");
  const wb = withFormula(base, ROW, amount);
  const r = buildSeal(wb, { pack, today, now: NOW, tool: "0.1.0" });
  if (!r.ok) throw new Error(r.problem.message);
  const seal = makeGrid(SEAL_SHEET, r.value.built.spec.rows, { state: "veryHidden" });
  return { wb: { ...wb, sheets: [...wb.sheets, seal] }, amount };
}

describe("verifySeal compares the people and totals the seal records", () => {
  test("untouched, with a formula amount: unchanged, with or without the pack", async () => {
    const { wb } = await sealedWithFormula();
    expect(verifySeal(wb).status).toBe("unchanged");
    expect(verifySeal(wb, { pack }).status).toBe("unchanged");
  });

  test.each<[string, VerifyOptions, (amount: number) => CellValue, RegExp[]]>([
    ["the cached result raised", {}, (a) => a + 100, [/金额合计由 18000\.00 元变为 18100\.00 元/]],
    ["the cached result raised (with the pack)", { pack }, (a) => a + 100, [/金额由 18000\.00 元变为 18100\.00 元/]],
    ["the result now text, not a number", {}, () => "#REF!", [/金额合计由 18000\.00 元变为 17500\.00 元/]],
    ["a small change", {}, (a) => a + 0.01, [/变为 18000\.01 元/]],
  ])("%s: modified, kind totals, the program and amounts named", async (_, options, result, says) => {
    const { wb, amount } = await sealedWithFormula();
    const changed = withFormula(wb, ROW, result(amount));
    const v = verifySeal(changed, options);
    expect(v.status).toBe("modified");
    expect(v.message).toMatch(/^校验后已修改/);
    expect(v.changes.map((c) => c.kind)).toEqual(["totals"]);
    expect(v.message).toContain("人数或金额与凭证所记不符");
    expect(v.message).toContain("资助项目“义务教育家庭经济困难学生生活补助（一补）”");
    expect(v.message).toContain("公式");
    for (const s of says) expect(v.message).toMatch(s);
    expect(v.message).not.toMatch(/\d{15,}/);
  });

  test("an older zizhu-seal/1 seal: the same comparison (its totals were computed the same way)", async () => {
    const { wb, amount } = await sealedWithFormula();
    const roster = wb.sheets[0] as Grid;
    const legacy: LegacySeal = {
      format: LEGACY_SEAL_FORMAT,
      pack: { id: pack.id, version: pack.version },
      sealedAt: NOW,
      tool: "0.1.0",
      sheet: ROSTER,
      rows: 40,
      totals: [{ program: "义务教育家庭经济困难学生生活补助（一补）", count: 40, amount: 18000 }],
      total: 18000,
      digest: rosterDigest(roster),
      algorithm: "SHA-256",
    };
    const old = { ...wb, sheets: [roster, makeGrid(SEAL_SHEET, sealSheetRows(legacy), { state: "veryHidden" })] };
    expect(verifySeal(old).status).toBe("unchanged");
    const v = verifySeal(withFormula(old, ROW, amount + 100));
    expect(v.status).toBe("modified");
    expect(v.changes.map((c) => c.kind)).toEqual(["totals"]);
  });

  test("a seal made with column overrides records them and reads the roster with them", async () => {
    const { wb } = await sealedWithFormula();
    const base = { ...wb, sheets: wb.sheets.filter((g) => g.name !== SEAL_SHEET) };
    // 金额 read as nothing: the seal records a total of 0, and verify must read it the same way.
    const columnOverrides = { [ROSTER]: { [AMOUNT]: null } };
    const r = buildSeal(base, { pack, today, now: NOW, tool: "0.1.0", columnOverrides });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.value.seal.columns).toEqual({ [AMOUNT]: null });
    const out = {
      ...base,
      sheets: [...base.sheets, makeGrid(SEAL_SHEET, r.value.built.spec.rows, { state: "veryHidden" })],
    };
    expect(verifySeal(out).status).toBe("unchanged");
  });
});
