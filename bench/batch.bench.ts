/**
 * `npm run bench` — the county batch: 200 synthetic school workbooks × 500 rows (一补 rosters,
 * written into a temp folder), checked by `zizhu batch` in-process (--jobs 1), with one worker
 * thread, and with two (--jobs 2). Reports files per second, the speed-up of 2 workers over the
 * in-process run, and the peak RSS of each run (each run in a fresh process; the process's
 * maxRSS, which counts the worker threads too).
 * BENCH_BATCH_FILES / BENCH_BATCH_ROWS change the size.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runBatch } from "../src/cli/batch/run";
import { seedPack } from "../src/core/policy";
import { cleanYibu } from "../samples/rosters";

const FILES = Number(process.env.BENCH_BATCH_FILES ?? 200);
const ROWS = Number(process.env.BENCH_BATCH_ROWS ?? 500);
const TODAY = { y: 2026, m: 11, d: 28 };

async function writeSchool(path: string, n: number): Promise<void> {
  const sheet = cleanYibu(ROWS, 1000 + n).sheets[0]!;
  const school = `某某县第${n + 1}小学`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet(sheet.name);
  ws.addRow([`${school}2026年秋季学期义务教育家庭经济困难学生生活补助花名册`]).commit();
  ws.addRow([`填报单位：${school}（盖章）`]).commit();
  ws.addRow(sheet.headers[0]!).commit();
  for (const r of sheet.rows)
    ws.addRow(
      r.map((c) => (c !== null && typeof c === "object" ? { formula: c.formula, result: c.result } : c)),
    ).commit();
  await wb.commit();
}

type Mode = "in-process" | "1 worker" | "2 workers";

async function measure(dir: string, mode: Mode): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), "zizhu-bench-out-"));
  try {
    const t0 = performance.now();
    const outcome = await runBatch({
      dir,
      out,
      pack: seedPack(),
      today: TODAY,
      jobs: mode === "2 workers" ? 2 : 1,
      workerScript: mode === "in-process" ? null : join(__dirname, "batch-worker.cjs"),
      enrolment: null,
      enrolmentHash: "",
      keyFile: join(out, "key"),
      useCache: false,
    });
    const ms = performance.now() - t0;
    const peak = process.resourceUsage().maxRSS * 1024;
    process.stdout.write(
      JSON.stringify({
        mode,
        ms,
        files: outcome.checked.length,
        issues: outcome.issues.length,
        peak,
        t: outcome.timings,
      }) + "\n",
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--measure");
  if (at >= 0) return measure(process.argv[at + 1] ?? "", (process.argv[at + 2] ?? "in-process") as Mode);
  const dir = mkdtempSync(join(tmpdir(), "zizhu-bench-batch-"));
  try {
    const t0 = performance.now();
    for (let i = 0; i < FILES; i++) await writeSchool(join(dir, `学校${String(i + 1).padStart(3, "0")}.xlsx`), i);
    const genMs = performance.now() - t0;
    type Timings = { scan: number; check: number; county: number; write: number };
    const runs: { mode: Mode; ms: number; files: number; issues: number; peak: number; t: Timings }[] = [];
    for (const mode of ["in-process", "1 worker", "2 workers"] as const) {
      const r = spawnSync(process.execPath, [process.argv[1] ?? "", "--measure", dir, mode], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`batch bench (${mode}) failed: ${r.stderr}`);
      runs.push(JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}"));
    }
    const mb = (b: number): string => `${Math.round(b / 1024 / 1024)} MB`;
    const phases = (t: Timings): string =>
      `${[t.scan, t.check, t.county, t.write].map((x) => (x / 1000).toFixed(1)).join(" / ")} s`;
    const rate = (r: (typeof runs)[number]): number => (r.files / r.ms) * 1000;
    const base = runs[0]!;
    process.stdout.write(
      [
        `files: ${FILES} school workbooks × ${ROWS} rows (一补; generated in ${(genMs / 1000).toFixed(1)} s); ${base.issues} county issues`,
        "",
        "| run | time | files/s | speed-up vs --jobs 1 | peak RSS | scan+hash / check / county / write |",
        "|---|---:|---:|---:|---:|---|",
        ...runs.map(
          (r) =>
            `| ${r.mode === "in-process" ? "--jobs 1 (in-process)" : r.mode === "1 worker" ? "1 worker thread" : "--jobs 2 (2 worker threads)"} | ${(r.ms / 1000).toFixed(1)} s | ${rate(r).toFixed(1)} | ${(rate(r) / rate(base)).toFixed(2)}× | ${mb(r.peak)} | ${phases(r.t)} |`,
        ),
        "",
        `cores: ${availableParallelism()}; load average at the end: ${loadavg()[0]?.toFixed(1)} (other processes share the cores)`,
        "",
      ].join("\n"),
    );
  } finally {
    // BENCH_BATCH_KEEP=1 keeps the generated folder (to profile a run with --measure DIR MODE).
    if (process.env.BENCH_BATCH_KEEP) process.stdout.write(`folder kept: ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

void main();
