/**
 * `npm run bench` — rules only, on an in-memory 100,000-row grid (no file reading): where the
 * check spends its time, stage by stage, against a baseline of touching every cell once.
 */
import { makeGrid, type CellValue } from "../src/core/grid/types";
import { checkWorkbook } from "../src/core/check/check";
import { detectRoster } from "../src/core/roster/detect";
import { rowReader } from "../src/core/roster";
import { scanSheet } from "../src/core/privacy";
import { seedPack } from "../src/core/policy";
import { cleanYibu } from "../samples/rosters";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const TODAY = { y: 2026, m: 11, d: 28 };
const sample = cleanYibu(ROWS, 42).sheets[0]!;
const rows: CellValue[][] = [
  [sample.title],
  [sample.subtitle ?? ""],
  sample.headers[0]!,
  ...sample.rows.map((r) => r.map((c) => (c !== null && typeof c === "object" ? c.result : c))),
];
const grid = makeGrid(sample.name, rows);
const wb = { sheets: [grid], properties: {} };

function median(run: () => void, n = 5): number {
  run();
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    run();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(n / 2)] ?? NaN;
}

let sink = 0;
const baseline = median(() => {
  for (const r of rows) for (const c of r) sink += c === null ? 0 : 1;
});
const layout = detectRoster(grid);
if (!layout.ok) throw new Error("no roster");
const read = rowReader(layout.value.columns.map((c) => ({ col: c.col, header: c.headerValue, group: c.group })));
const stages: [string, () => void][] = [
  ["detect layout", () => void (sink += detectRoster(grid).ok ? 1 : 0)],
  ["read rows (rowReader)", () => layout.value.dataRows.forEach((r) => (sink += read(rows[r] ?? []).issues.length))],
  [
    "privacy scan (roster mode)",
    () =>
      void (sink += scanSheet(grid, {
        mode: "roster",
        columnFields: layout.value.columns.map((c) => c.field),
        headerRow: 2,
      }).length),
  ],
  [
    "checkWorkbook (all rules)",
    () => void (sink += checkWorkbook(wb, { pack: seedPack(), today: TODAY }).report.issues.length),
  ],
];
const lines = [
  `rows: ${ROWS}; baseline (touch every cell): ${baseline.toFixed(1)} ms`,
  "",
  "| stage | ms (median of 5) | × baseline |",
  "|---|---:|---:|",
];
for (const [name, run] of stages) {
  const ms = median(run);
  lines.push(`| ${name} | ${ms.toFixed(0)} | ${(ms / baseline).toFixed(0)} |`);
}
process.stdout.write(lines.join("\n") + `\n\n(checksum ${sink})\n`);
