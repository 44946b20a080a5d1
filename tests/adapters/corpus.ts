/**
 * The .xlsx reader corpus (tests/fixtures/xlsx-corpus, made by scripts/make-xlsx-corpus.mjs):
 * its manifest and a comparison of what a reader gave with what the manifest expects.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CellValue, type Grid, type WorkbookData, cellAddress } from "../../src/core/grid/types";
import { parseRangeRef } from "../../src/adapters/xlsx/cells";

export const CORPUS_DIR = join(__dirname, "..", "fixtures", "xlsx-corpus");

export interface ExpectedSheet {
  name: string;
  state?: Grid["state"];
  /** Every cell showing a value, by A1 address; dates as 1900-system serials. */
  cells: Record<string, string | number | boolean>;
  merges?: string[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
  notes?: { row: number; col: number; text: string }[];
  formulas?: Record<string, string>;
  formats?: Record<string, string>;
  headerFooter?: string[];
}

export interface CorpusEntry {
  file: string;
  writer: string;
  exercises: string;
  sheets: ExpectedSheet[];
  properties?: Record<string, string>;
}

export function corpus(): CorpusEntry[] {
  return JSON.parse(readFileSync(join(CORPUS_DIR, "manifest.json"), "utf8")) as CorpusEntry[];
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return a === b;
}

function cellsOf(grid: Grid): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  grid.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== "") cells[cellAddress(r, c)] = value;
    }),
  );
  return cells;
}

function keyed(map: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of map) {
    const [r, c] = key.split(",").map(Number);
    out[cellAddress(r ?? 0, c ?? 0)] = value;
  }
  return out;
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => sameValue(a[k] as CellValue, b[k] as CellValue));
}

/** What differs between a reader's result and the manifest, as readable lines (empty: all correct). */
export function differences(
  entry: CorpusEntry,
  data: WorkbookData,
  { notes = true, properties = true }: { notes?: boolean; properties?: boolean } = {},
): string[] {
  const out: string[] = [];
  const names = data.sheets.map((g) => g.name);
  const wanted = entry.sheets.map((s) => s.name);
  if (JSON.stringify(names) !== JSON.stringify(wanted))
    out.push(`sheets ${JSON.stringify(names)} ≠ ${JSON.stringify(wanted)}`);
  for (const expected of entry.sheets) {
    const grid = data.sheets.find((g) => g.name === expected.name);
    if (!grid) continue;
    const at = `${expected.name}:`;
    const cells = cellsOf(grid);
    for (const key of new Set([...Object.keys(cells), ...Object.keys(expected.cells)])) {
      if (!sameValue(cells[key], expected.cells[key]))
        out.push(`${at}${key} ${JSON.stringify(cells[key])} ≠ ${JSON.stringify(expected.cells[key])}`);
    }
    if ((expected.state ?? "visible") !== grid.state)
      out.push(`${at} state ${grid.state} ≠ ${expected.state ?? "visible"}`);
    if (expected.merges) {
      const merges = grid.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`);
      const want = expected.merges.map((ref) => {
        const m = parseRangeRef(ref);
        return m ? `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}` : ref;
      });
      if (JSON.stringify(merges) !== JSON.stringify(want))
        out.push(`${at} merges ${merges.join(" ")} ≠ ${want.join(" ")}`);
    }
    if (
      expected.hiddenRows &&
      JSON.stringify([...grid.hiddenRows].sort((a, b) => a - b)) !== JSON.stringify(expected.hiddenRows)
    )
      out.push(`${at} hiddenRows ${JSON.stringify([...grid.hiddenRows])} ≠ ${JSON.stringify(expected.hiddenRows)}`);
    if (
      expected.hiddenColumns &&
      JSON.stringify([...grid.hiddenColumns].sort((a, b) => a - b)) !== JSON.stringify(expected.hiddenColumns)
    )
      out.push(
        `${at} hiddenColumns ${JSON.stringify([...grid.hiddenColumns])} ≠ ${JSON.stringify(expected.hiddenColumns)}`,
      );
    if (notes && expected.notes && JSON.stringify(grid.notes) !== JSON.stringify(expected.notes))
      out.push(`${at} notes ${JSON.stringify(grid.notes)} ≠ ${JSON.stringify(expected.notes)}`);
    if (expected.formulas && !sameRecord(keyed(grid.formulas), expected.formulas))
      out.push(`${at} formulas ${JSON.stringify(keyed(grid.formulas))} ≠ ${JSON.stringify(expected.formulas)}`);
    if (expected.formats && !sameRecord(keyed(grid.formats), expected.formats))
      out.push(`${at} formats ${JSON.stringify(keyed(grid.formats))} ≠ ${JSON.stringify(expected.formats)}`);
    if (expected.headerFooter && JSON.stringify(grid.headerFooter) !== JSON.stringify(expected.headerFooter))
      out.push(`${at} headerFooter ${JSON.stringify(grid.headerFooter)} ≠ ${JSON.stringify(expected.headerFooter)}`);
  }
  if (properties && entry.properties) {
    for (const [key, value] of Object.entries(entry.properties)) {
      if (data.properties[key] !== value)
        out.push(`property ${key} ${JSON.stringify(data.properties[key])} ≠ ${value}`);
    }
  }
  return out;
}
