/**
 * `npm run bench` — reading .xlsx files: Zizhu's parts reader (readXlsx, in memory) against
 * ExcelJS's `xlsx.load` (what readXlsx used before) on the same bytes in the same run, on the
 * corpus of other writers' files (tests/fixtures/xlsx-corpus) and on a 20,000-row roster.
 * Reported: files read, time, and the ratio ExcelJS ÷ ours (> 1: ours is faster).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readXlsx } from "../src/adapters/xlsx/read";
import { gridToXlsx } from "../src/adapters/xlsx/write-report";
import { makeGrid } from "../src/core/grid/types";
import { cleanYibu } from "../samples/rosters";

const CORPUS = join(__dirname, "..", "..", "tests", "fixtures", "xlsx-corpus");

async function timeAll(files: readonly Uint8Array[], read: (b: Uint8Array) => Promise<boolean>) {
  let ok = 0;
  const t0 = performance.now();
  for (const bytes of files) if (await read(bytes)) ok++;
  return { ok, ms: performance.now() - t0 };
}

const ours = async (b: Uint8Array): Promise<boolean> => (await readXlsx(b)).ok;
const exceljs = async (b: Uint8Array): Promise<boolean> => {
  try {
    await new ExcelJS.Workbook().xlsx.load(b as unknown as ArrayBuffer);
    return true;
  } catch {
    return false;
  }
};

async function main(): Promise<void> {
  const corpus = readdirSync(CORPUS)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => new Uint8Array(readFileSync(join(CORPUS, f))));
  const sample = cleanYibu(20_000, 7).sheets[0]!;
  const rows = [
    [sample.title],
    ...sample.headers,
    ...sample.rows.map((r) => r.map((c) => (c !== null && typeof c === "object" ? c.result : c))),
  ];
  const roster = await gridToXlsx({ sheets: [makeGrid(sample.name, rows)], properties: {} });

  // One warm-up of each, then the measured runs alternate so load drift hits both alike.
  await timeAll(corpus, ours);
  await timeAll(corpus, exceljs);
  const a = await timeAll(corpus, ours);
  const b = await timeAll(corpus, exceljs);
  process.stdout.write(
    `corpus (${corpus.length} files from other writers): ours read ${a.ok}/${corpus.length} in ${a.ms.toFixed(0)} ms; ` +
      `ExcelJS loaded ${b.ok}/${corpus.length} in ${b.ms.toFixed(0)} ms (loading is not reading: ExcelJS "loads" some files it then misreads); ` +
      `time ExcelJS ÷ ours ${(b.ms / a.ms).toFixed(2)}\n`,
  );
  const c = await timeAll([roster], ours);
  const d = await timeAll([roster], exceljs);
  process.stdout.write(
    `20,000-row roster (${(roster.length / 1024).toFixed(0)} KB): ours ${c.ms.toFixed(0)} ms, ExcelJS ${d.ms.toFixed(0)} ms, ` +
      `ExcelJS ÷ ours ${(d.ms / c.ms).toFixed(2)}\n`,
  );
}

void main();
