/** The committed sample workbooks, read as the engine reads them, for the sheet builders' tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import type { WorkbookData } from "../../../src/core/grid/types";
import { findRosterSource, type RosterSource } from "../../../src/core/sheets/source";

const SAMPLES = join(__dirname, "..", "..", "..", "samples");

export async function loadSample(file: string): Promise<WorkbookData> {
  const r = await readXlsx(new Uint8Array(readFileSync(join(SAMPLES, file))), { fileName: file });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

export function sourceOf(wb: WorkbookData): RosterSource {
  const s = findRosterSource(wb);
  if (!s.ok) throw new Error(s.problem.code);
  return s.value;
}

export async function sampleSource(file: string): Promise<RosterSource> {
  return sourceOf(await loadSample(file));
}
