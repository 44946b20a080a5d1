/**
 * The county batch: find the school files, check the changed ones in parallel (worker threads)
 * or in-process, run the county rules across all of them, and write 县级汇总.xlsx, report.json
 * and the cache into the output folder.
 */
import { mkdirSync } from "node:fs";
import { UsageError } from "../commands/fn";
import { join } from "node:path";
import { assertSafeOutput, assertSafeOutputDir, readRegularFile, writeFileAtomic } from "../files";
import { countyIssues, type CountyFile, type CountyIssue, formatIso, type CivilDate, type Pack } from "../../core";
import { BatchCache, CACHE_FILE, loadSecret, sha256 } from "./cache";
import { WorkerPool } from "./pool";
import { processFile } from "./process-file";
import { progressBar } from "./progress";
import { ROSTER_TYPES_ZH, scanFolder, type IgnoredEntry } from "./scan";
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
  /** Seen but not read, with the reason: symbolic links, pipes, rosters in an old output folder. */
  ignored: IgnoredEntry[];
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
  coverage: f.coverage,
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
      ignored: outcome.ignored.length,
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
    ignored: outcome.ignored,
    county: { issues: outcome.issues },
  };
}

/**
 * Writes an output file through a temporary file renamed into place (files.ts), never onto one of
 * the inputs; a locked or read-only one is a usage problem with a Chinese reason.
 */
function writeOut(path: string, data: string | Uint8Array, inputs: readonly string[]): void {
  try {
    writeFileAtomic(path, data, inputs);
  } catch (e) {
    // Windows: a file open in Excel cannot be replaced.
    if (e instanceof UsageError && /没有写入权限|EBUSY/.test(e.message))
      throw new UsageError(`${e.message}，该文件可能正在 Excel 中打开，请关闭后重试`);
    throw e;
  }
}

/** No roster in the folder: say which folder, what is read, and what was seen but not read. */
function noRosterMessage(dir: string, ignored: readonly IgnoredEntry[]): string {
  const lines = [
    `在文件夹 ${dir} 中没有找到花名册文件。zizhu batch 读取该文件夹及其子文件夹中的 ${ROSTER_TYPES_ZH}；` +
      "请确认文件夹是否正确、各校报送的文件是否已放入。",
  ];
  if (ignored.length > 0) {
    lines.push(`以下 ${ignored.length} 项未读取：`);
    for (const i of ignored.slice(0, 30)) lines.push(`  ${i.file}：${i.reason}`);
    if (ignored.length > 30) lines.push(`  ……另有 ${ignored.length - 30} 项`);
  }
  return lines.join("\n");
}

declare const ZIZHU_VERSION: string | undefined;

export async function runBatch(options: RunOptions): Promise<BatchOutcome> {
  const t0 = performance.now();
  const own = { cache: CACHE_FILE, report: REPORT_FILE, summary: SUMMARY_FILE };
  const { files, ignored } = scanFolder(options.dir, [options.out, ...(options.skip ?? [])], own);
  if (files.length === 0) throw new UsageError(noRosterMessage(options.dir, ignored));
  // What must never be written over, by any name: every roster and the enrolment table.
  const inputs = [...files.map((f) => f.path), ...(options.skip ?? [])];
  const outputs = {
    summary: join(options.out, SUMMARY_FILE),
    report: join(options.out, REPORT_FILE),
    cache: join(options.out, CACHE_FILE),
  };
  // Before any work: the output folder is a folder, and none of its three names is an input.
  assertSafeOutputDir(options.out, "--out");
  for (const path of Object.values(outputs)) assertSafeOutput(path, inputs, "--out");
  const { secret, persistent } = loadSecret(options.keyFile);
  // A new zizhu (new rules) or pack, another day or enrolment table: every file is checked again.
  const tool = typeof ZIZHU_VERSION === "string" ? ZIZHU_VERSION : "dev";
  const context = `zizhu@${tool}|${options.pack.id}@${options.pack.version}|${formatIso(options.today)}|${options.enrolmentHash}`;
  const cache = new BatchCache(
    outputs.cache,
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
      // A regular file, opened without blocking, within the size limit (files.ts).
      hash = sha256(readRegularFile(f.path, { what: "花名册文件" }));
    } catch (e) {
      const reason =
        e instanceof UsageError
          ? e.message
          : `无法打开该文件（${(e as { code?: string }).code ?? "未知原因"}），请检查文件权限`;
      results[index] = { kind: "unreadable", file: f.file, reason };
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
    // Only checked files are cached: an unreadable one is read again (and reported again, with
    // its reason) on every run, never counted as "unchanged, skipped".
    if (r.kind === "checked") cache.set(job.task.file, job.hash, r);
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
  const base = { total: files.length, skipped, checked, unreadable, ignored, issues };
  writeOut(
    outputs.summary,
    await writeSummaryWorkbook(checked, unreadable, issues, {
      pack: { id: options.pack.id, version: options.pack.version },
      today: formatIso(options.today),
      ignored,
    }),
    inputs,
  );
  writeOut(outputs.report, JSON.stringify(batchReportJson(base, options.pack, options.today), null, 2) + "\n", inputs);
  if (persistent && options.useCache !== false) cache.save(inputs);
  const hasErrors =
    unreadable.length > 0 || checked.some((f) => !f.report.valid) || issues.some((i) => i.severity === "error");
  const timings = { scan: t1 - t0, check: t2 - t1, county: t3 - t2, write: performance.now() - t3 };
  return { ...base, outputs, hasErrors, timings };
}
