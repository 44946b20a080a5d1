// 帮联结对情况 (方案8 (二)3): the shipped ledger format exports the workbook's 帮联台账 — chosen by
// default when the ledger is the sheet exported, or named (帮联台账) from a roster — with IDs and
// phones as text, and a clear message when the workbook has no ledger.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { findRosterSource } from "../../../src/core/sheets/source";
import { COMMANDS } from "../../../src/core/commands";
import { PAIRS_FORMAT, DEFAULT_FORMAT, shippedFormat } from "../../../src/core/sheets/export-format";
import { seedPack } from "../../../src/core/policy";
import type { WorkbookData } from "../../../src/core/grid/types";

const FILE = "帮扶台账-问题示例.xlsx";
const TODAY = { y: 2026, m: 11, d: 28 };
const pack = seedPack();

async function load(file: string): Promise<WorkbookData> {
  const r = await readXlsx(new Uint8Array(readFileSync(join(__dirname, "..", "..", "..", "samples", file))), {
    fileName: file,
  });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

function exportWith(wb: WorkbookData, kind: "pairs" | undefined, format?: typeof PAIRS_FORMAT) {
  const src = findRosterSource(wb, kind ? { kind } : {});
  if (!src.ok) throw new Error("no source");
  return COMMANDS.export.build(src.value, {}, { pack, today: TODAY, workbook: wb, ...(format ? { format } : {}) });
}

test("shipped formats by name", () => {
  expect(shippedFormat("帮联台账")).toBe(PAIRS_FORMAT);
  expect(shippedFormat("帮联结对情况")).toBe(PAIRS_FORMAT);
  expect(shippedFormat("generic-county")).toBe(DEFAULT_FORMAT);
  expect(shippedFormat("没有")).toBeNull();
});

test("the ledger exported by default in its own format: one row per pair, helper and student, IDs as text", async () => {
  const wb = await load(FILE);
  const built = exportWith(wb, "pairs");
  if (!built.ok) throw new Error(built.problem.message);
  const { spec } = built.value;
  expect(spec.name).toBe("帮联结对情况");
  const header = spec.rows.find((r) => r[0] === "序号");
  expect(header).toEqual(PAIRS_FORMAT.columns.map((c) => c.header));
  const body = spec.rows.slice(spec.rows.indexOf(header as never) + 1).filter((r) => typeof r[0] === "number");
  expect(body).toHaveLength(18);
  // Every ID and phone is text (never a number that loses digits).
  for (const r of body) {
    expect(typeof r[4] === "string" || r[4] === null).toBe(true);
    expect(typeof r[6] === "string" || r[6] === null).toBe(true);
  }
});

test("named from the aid roster, the ledger format still exports the ledger", async () => {
  const wb = await load(FILE);
  const built = exportWith(wb, undefined, PAIRS_FORMAT);
  expect(built.ok && built.value.spec.name).toBe("帮联结对情况");
});

test("a workbook without a ledger: a Chinese message, no sheet", async () => {
  const wb = await load("一补花名册-示例.xlsx");
  const built = exportWith(wb, undefined, PAIRS_FORMAT);
  expect(built.ok).toBe(false);
  if (!built.ok) expect(built.problem.message).toContain("工作簿中没有找到帮联台账");
});
