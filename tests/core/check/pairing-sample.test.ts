// The 一对一帮扶 sample (samples/帮扶台账-问题示例.xlsx, written by `npm run samples` from
// samples/pairing.ts): read back through the real .xlsx adapter, checkWorkbook finds each planted
// defect on its sheet at its cell, and no error besides them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { checkWorkbook } from "../../../src/core/check/check";
import { seedPack } from "../../../src/core/policy";
import type { WorkbookData } from "../../../src/core/grid/types";
import { pairingSample } from "../../../samples/pairing";

const FILE = "帮扶台账-问题示例.xlsx";
const SAMPLES = join(__dirname, "..", "..", "..", "samples");
const TODAY = { y: 2026, m: 11, d: 28 };

async function load(): Promise<WorkbookData> {
  const r = await readXlsx(new Uint8Array(readFileSync(join(SAMPLES, FILE))), { fileName: FILE });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

const sample = pairingSample();
const planned = sample.expected as { rule: string; cell: string; sheet: string }[];

describe(FILE, () => {
  test("the sample lists one defect for each pair.* rule and the ledger's check digit", () => {
    expect(planned.map((e) => e.rule).sort()).toEqual([
      "id.checksum",
      "pair.duplicate",
      "pair.funds",
      "pair.idle-helper",
      "pair.record-date",
      "pair.uncovered",
      "pair.unknown",
      "pair.visits",
    ]);
  });

  test("the written .expected.json is the sample's plan", () => {
    const json = JSON.parse(readFileSync(join(SAMPLES, FILE.replace(/\.xlsx$/, ".expected.json")), "utf8")) as unknown;
    expect(json).toEqual({ check: sample.check, expected: sample.expected });
  });

  test("the workbook holds a roster, a 帮联台账 and a 帮扶记录 sheet with real dates", async () => {
    const wb = await load();
    expect(wb.sheets.map((s) => s.name)).toEqual(["资助花名册", "帮联台账", "帮扶记录"]);
    const records = wb.sheets[2]!;
    expect(records.rows[1]![1]).toBe("帮扶日期");
    // Excel serials: 2025-12-18 is 46009.
    expect(records.rows[2]![1]).toBe(46009);
  });

  const run = async () => {
    const { report, sheet } = checkWorkbook(await load(), { pack: seedPack(), today: TODAY });
    return { report, sheet };
  };

  test.each(planted())("%s", async (_name, e) => {
    const { report } = await run();
    expect(report.issues.filter((i) => i.rule === e.rule).map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      `${e.sheet}!${e.cell}`,
    ]);
  });

  test("no error besides the planted ones; every planted one is an error or a warning", async () => {
    const { report, sheet } = await run();
    expect(sheet).toBe("资助花名册");
    const at = (i: { rule: string; sheet: string; cell: string }) => `${i.rule}@${i.sheet}!${i.cell}`;
    const plannedKeys = new Set(planned.map(at));
    const errors = report.issues.filter((i) => i.severity === "error").map(at);
    expect(errors.filter((k) => !plannedKeys.has(k))).toEqual([]);
    const found = new Set(report.issues.filter((i) => i.severity !== "info").map(at));
    expect([...plannedKeys].filter((k) => !found.has(k))).toEqual([]);
  });

  test("every pair.* rule other than the planted ones is silent", async () => {
    const { report } = await run();
    const pairRules = report.issues.filter((i) => i.rule.startsWith("pair.") || i.rule.startsWith("id."));
    expect(pairRules.map((i) => i.rule).sort()).toEqual(
      planted()
        .map(([, e]) => e.rule)
        .sort(),
    );
  });
});

function planted(): [string, { rule: string; cell: string; sheet: string }][] {
  return planned.map((e) => [`${e.rule} at ${e.sheet}!${e.cell}`, e]);
}
