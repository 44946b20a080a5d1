// The sample rosters (samples/, written by `npm run samples` from samples/rosters.ts): the clean
// ones give no error and no warning; the defective ones give exactly the planted defects, each at
// its cell. Read through the real .xlsx/.csv adapters.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { readCsv } from "../../../src/adapters/csv/read";
import { checkWorkbook } from "../../../src/core/check/check";
import { seedPack } from "../../../src/core/policy";
import type { RosterKind } from "../../../src/core/report/types";
import type { WorkbookData } from "../../../src/core/grid/types";
import { allSamples } from "../../../samples/rosters";

const SAMPLES = join(__dirname, "..", "..", "..", "samples");
const TODAY = { y: 2026, m: 11, d: 28 };

async function load(file: string): Promise<WorkbookData> {
  const bytes = new Uint8Array(readFileSync(join(SAMPLES, file)));
  const r = file.endsWith(".csv") ? readCsv(bytes, "花名册") : await readXlsx(bytes, { fileName: file });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

describe.each(allSamples().map((s) => [s.file, s] as const))("%s", (file, sample) => {
  test("finds exactly the planted defects, each at its cell", async () => {
    const wb = await load(file);
    const { report } = checkWorkbook(wb, {
      pack: seedPack(),
      today: TODAY,
      program: sample.check.program,
      kind: sample.check.kind as RosterKind | undefined,
      enrolled: sample.check.enrolled,
    });
    const found = report.issues
      .filter((i) => i.severity !== "info")
      .map((i) => `${i.rule}@${i.cell || (i.row > 0 ? `row ${i.row}` : "sheet")}`)
      .sort();
    const planned = sample.expected.map((e) => `${e.rule}@${e.cell || (e.row ? `row ${e.row}` : "sheet")}`).sort();
    expect(found).toEqual(planned);
  });

  test("every message is Chinese and every value is masked", async () => {
    const wb = await load(file);
    const { report } = checkWorkbook(wb, {
      pack: seedPack(),
      today: TODAY,
      program: sample.check.program,
      kind: sample.check.kind as RosterKind | undefined,
    });
    for (const i of report.issues) {
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
      expect(i.hint).toMatch(/[\u4e00-\u9fff]/);
      // No full ID number or card number travels in a report.
      expect(i.value).not.toMatch(/\d{11,}/);
      expect(i.message).not.toMatch(/\d{11,}/);
    }
  });
});

test("the GBK CSV export of the clean roster is clean too", async () => {
  const { report, layout } = checkWorkbook(await load("一补花名册-GBK.csv"), { pack: seedPack(), today: TODAY });
  expect(layout?.dataRows).toHaveLength(40);
  expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
});

test("stats always equal the issue list", async () => {
  const { report } = checkWorkbook(await load("一补花名册-问题示例.xlsx"), { pack: seedPack(), today: TODAY });
  const count = (s: string) => report.issues.filter((i) => i.severity === s).length;
  expect(report.stats.errors).toBe(count("error"));
  expect(report.stats.warnings).toBe(count("warning"));
  expect(report.stats.infos).toBe(count("info"));
  expect(Object.values(report.stats.byRule).reduce((a, b) => a + b, 0)).toBe(report.issues.length);
});
