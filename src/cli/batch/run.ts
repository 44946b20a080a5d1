/**
 * The county batch: find the school files, check the changed ones in parallel (worker threads)
 * or in-process, run the county rules across all of them, and write 县级汇总.xlsx, report.json
 * and the cache into the output folder.
 */
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { UsageError } from "../commands/fn";
import { join } from "node:path";
import { countyIssues, type CountyFile, type CountyIssue } from "../../core/county";
import { formatIso, type CivilDate } from "../../core/date/civil";
import type { Pack } from "../../core/policy";
import { BatchCache, CACHE_FILE, loadSecret, sha256 } from "./cache";
import { WorkerPool } from "./pool";
import { processFile } from "./process-file";
import { progressBar } from "./progress";
import { scanFolder } from "./scan";
import { SUMMARY_FILE, writeSummaryWorkbook } from "./summary";
import type { CheckedFile, FileResult, FileTask, UnreadableFile, WorkerContext } from "./types";

export const REPORT_FILE = "report.json";

export interface RunOptions {
  dir: string;
  out: string;
  pack: Pack;
  today: CivilDate;
  /** Worker threads; ignored in-process. */
  jobs: number;
  /** The worker bundle (batch-worker.cjs), or null to check in this thread. */
  workerScript: string | null;
  enrolment: Map<string, number> | null;
  /** Hash of the enrolment table's bytes ("" without one): part of the cache's validity. */
  enrolmentHash: string;
  /** Where the ID-key secret lives (see cache.ts). */
  keyFile: string;
  /** Paths not to scan besides the output folder (the enrolment table). */
  skip?: string[];
  useCache?: boolean;
}

export interface BatchOutcome {
  total: number;
  /** Files whose cached result was used. */
  skipped: number;
  checked: CheckedFile[];
  unreadable: UnreadableFile[];
  issues: CountyIssue[];
  outputs: { summary: string; report: string; cache: string };
  /** Whether anything is wrong: a file error, a county error, or an unreadable file. */
  hasErrors: boolean;
  /** Milliseconds per phase (for the benchmark): scan and hash, check, county rules, writing. */
  timings: { scan: number; check: number; county: number; write: number };
}

const toCountyFile = (f: CheckedFile): CountyFile => ({
  file: f.file,
  school: f.school,
  sheet: f.sheet,
  people: f.people,
  seal: f.seal,
});

/** The merged Report JSON: each file's Report and the county issues; no ID keys, values masked. */
export function batchReportJson(
  outcome: Omit<BatchOutcome, "outputs" | "hasErrors" | "timings">,
  pack: Pack,
  today: CivilDate,
) {
  const fileErrors = outcome.checked.reduce((n, f) => n + f.report.stats.errors, 0);
  const fileWarnings = outcome.checked.reduce((n, f) => n + f.report.stats.warnings, 0);
  return {
    format: "zizhu-batch/1",
    pack: { id: pack.id, version: pack.version },
    today: formatIso(today),
    stats: {
      files: outcome.total,
      checked: outcome.checked.length,
      skipped: outcome.skipped,
      unreadable: outcome.unreadable.length,
      errors: fileErrors,
      warnings: fileWarnings,
      countyErrors: outcome.issues.filter((i) => i.severity === "error").length,
      countyWarnings: outcome.issues.filter((i) => i.severity === "warning").length,
    },
    files: outcome.checked.map((f) => ({
      file: f.file,
      school: f.school,
      sheet: f.sheet,
      format: f.format,
      seal: f.seal,
      totals: f.totals,
      report: f.report,
    })),
    unreadable: outcome.unreadable,
    county: { issues: outcome.issues },
  };
}

/** Writes an output file; a locked or read-only one is a usage problem with a Chinese reason. */
function writeOut(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    const code = (e as { code?: string }).code ?? "未知原因";
    const hint = code === "EBUSY" || code === "EPERM" ? "，该文件可能正在 Excel 中打开，请关闭后重试" : "";
    throw new UsageError(`无法写入输出文件 ${path}（${code}${hint}）`);
  }
}

declare const ZIZHU_VERSION: string | undefined;

export async function runBatch(options: RunOptions): Promise<BatchOutcome> {
  const t0 = performance.now();
  const files = scanFolder(options.dir, [options.out, ...(options.skip ?? [])], {
    marker: CACHE_FILE,
    file: SUMMARY_FILE,
  });
  const { secret, persistent } = loadSecret(options.keyFile);
  // A new zizhu (new rules) or pack, another day or enrolment table: every file is checked again.
  const tool = typeof ZIZHU_VERSION === "string" ? ZIZHU_VERSION : "dev";
  const context = `zizhu@${tool}|${options.pack.id}@${options.pack.version}|${formatIso(options.today)}|${options.enrolmentHash}`;
  const cachePath = join(options.out, CACHE_FILE);
  const cache = new BatchCache(
    cachePath,
    sha256(secret).slice(0, 16),
    context,
    persistent && options.useCache !== false,
  );

  const results: FileResult[] = new Array<FileResult>(files.length);
  const todo: { index: number; task: FileTask; hash: string }[] = [];
  let skipped = 0;
  files.forEach((f, index) => {
    let hash: string;
    try {
      hash = sha256(readFileSync(f.path));
    } catch (e) {
      const code = (e as { code?: string }).code ?? "未知原因";
      results[index] = { kind: "unreadable", file: f.file, reason: `无法打开该文件（${code}），请检查文件权限` };
      return;
    }
    const hit = cache.get(f.file, hash);
    if (hit) {
      results[index] = hit;
      cache.set(f.file, hash, hit);
      skipped++;
    } else todo.push({ index, task: f, hash });
  });

  const t1 = performance.now();
  const bar = progressBar(files.length);
  let done = files.length - todo.length;
  bar.tick(done, skipped);
  const finish = (job: (typeof todo)[number], r: FileResult): void => {
    results[job.index] = r;
    if (r.kind === "checked" || !r.internal) cache.set(job.task.file, job.hash, r);
    bar.tick(++done, skipped);
  };
  const ctx: WorkerContext = {
    pack: options.pack,
    today: options.today,
    enrolment: options.enrolment ? [...options.enrolment.entries()] : null,
    idKeySecret: secret,
  };
  if (options.workerScript === null || todo.length === 0) {
    for (const job of todo) finish(job, await processFile(job.task, ctx));
  } else {
    const pool = new WorkerPool(options.workerScript, Math.max(1, Math.min(options.jobs, todo.length)), ctx);
    try {
      await Promise.all(todo.map((job) => pool.run(job.task).then((r) => finish(job, r))));
    } finally {
      await pool.close();
    }
  }
  bar.done();
  const t2 = performance.now();

  const checked = results.filter((r): r is CheckedFile => r.kind === "checked");
  const unreadable = results.filter((r): r is UnreadableFile => r.kind === "unreadable");
  const issues = countyIssues(checked.map(toCountyFile), { pack: options.pack, enrolment: options.enrolment });

  const t3 = performance.now();
  try {
    mkdirSync(options.out, { recursive: true });
  } catch (e) {
    throw new UsageError(`无法创建输出文件夹 ${options.out}（${(e as { code?: string }).code ?? "未知原因"}）`);
  }
  const outputs = {
    summary: join(options.out, SUMMARY_FILE),
    report: join(options.out, REPORT_FILE),
    cache: cachePath,
  };
  const base = { total: files.length, skipped, checked, unreadable, issues };
  writeOut(
    outputs.summary,
    await writeSummaryWorkbook(checked, unreadable, issues, {
      pack: { id: options.pack.id, version: options.pack.version },
      today: formatIso(options.today),
    }),
  );
  writeOut(outputs.report, JSON.stringify(batchReportJson(base, options.pack, options.today), null, 2) + "\n");
  if (persistent && options.useCache !== false) cache.save();
  const hasErrors =
    unreadable.length > 0 || checked.some((f) => !f.report.valid) || issues.some((i) => i.severity === "error");
  const timings = { scan: t1 - t0, check: t2 - t1, county: t3 - t2, write: performance.now() - t3 };
  return { ...base, outputs, hasErrors, timings };
}
