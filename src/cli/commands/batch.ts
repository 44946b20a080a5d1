/**
 * `zizhu batch DIR --out DIR [--pack FILE] [--jobs N] [--enrolment FILE.csv] [--today …]`: the
 * county's run over every school file in a folder (see src/cli/batch/run.ts).
 */
import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseEnrolment, type CivilDate, type Pack } from "../../core";
import { CACHE_FILE, defaultKeyFile, sha256 } from "../batch/cache";
import { REPORT_FILE, runBatch, type BatchOutcome } from "../batch/run";
import { isWithin, realOrResolved, rostersInside } from "../batch/scan";
import { SUMMARY_FILE } from "../batch/summary";
import { assertSafeOutputDir, readRegularFile } from "../files";
import { readWorkbookFile } from "../read-workbook";
import { UsageError } from "./fn";

export interface BatchArgs {
  /** The folder of school files (searched recursively). */
  dir: string | undefined;
  /** --out: the folder for 县级汇总.xlsx, report.json and the cache (made when missing). */
  out: string | undefined;
  pack: Pack;
  today: CivilDate;
  /** --jobs: worker threads (default: os.availableParallelism()); 1 checks in-process. */
  jobs?: string;
  /** --enrolment: a CSV (GB18030 or UTF-8) or .xlsx of 学校,在校人数. */
  enrolment?: string;
  /** The worker bundle; default batch-worker.cjs beside the CLI bundle. */
  workerScript?: string;
  /** Where the ID-key secret is kept; default ~/.zizhu/batch-key (or $ZIZHU_BATCH_KEY). */
  keyFile?: string;
  /** false: ignore and do not write the cache. */
  cache?: boolean;
}

const SHOW_AT_MOST = 30;

function parseJobs(text: string | undefined): number {
  if (text === undefined) return Math.max(1, availableParallelism());
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs 应为 1 到 256 之间的整数，收到：${text}`);
  return n;
}

async function readEnrolment(file: string): Promise<{ table: Map<string, number>; hash: string }> {
  const read = await readWorkbookFile(file);
  const grid = read.data.sheets[0];
  if (!grid) throw new UsageError(`在校人数表 ${file} 中没有工作表`);
  const parsed = parseEnrolment(grid);
  if (!parsed.ok) throw new UsageError(parsed.problem.message);
  return { table: parsed.value, hash: sha256(readRegularFile(file, { what: "在校人数表" })) };
}

function folder(path: string | undefined, flag: string): string {
  if (path === undefined || path === "")
    throw new UsageError(
      flag === "DIR"
        ? "请给出各校花名册所在的文件夹，如 zizhu batch 各校花名册 --out 县级汇总"
        : "请用 --out 指定输出文件夹（县级汇总.xlsx、report.json 写在这里），如 --out 县级汇总",
    );
  return resolve(path);
}

/** The text printed after a run: counts, the problem schools and files, where the outputs are. */
export function batchText(o: BatchOutcome): string {
  const errors = o.checked.reduce((n, f) => n + f.report.stats.errors, 0);
  const warnings = o.checked.reduce((n, f) => n + f.report.stats.warnings, 0);
  const countyErrors = o.issues.filter((i) => i.severity === "error").length;
  const lines = [
    `共 ${o.total} 个文件：已校验 ${o.checked.length} 个（其中 ${o.skipped} 个内容未改动，沿用上次结果、已跳过），无法读取 ${o.unreadable.length} 个。`,
    `各校文件内：${errors} 个错误，${warnings} 个警告；跨校问题 ${o.issues.length} 个（其中错误 ${countyErrors} 个）。`,
  ];
  const problem = o.checked.filter((f) => f.report.stats.errors > 0);
  if (problem.length > 0) {
    lines.push("", "有错误的学校文件：");
    for (const f of problem.slice(0, SHOW_AT_MOST))
      lines.push(`  ${f.file}（${f.school}）：${f.report.stats.errors} 个错误，${f.report.stats.warnings} 个警告`);
    if (problem.length > SHOW_AT_MOST) lines.push(`  ……另有 ${problem.length - SHOW_AT_MOST} 个，见县级汇总.xlsx`);
  }
  if (o.issues.length > 0) {
    lines.push("", "跨校问题：");
    for (const i of o.issues.slice(0, SHOW_AT_MOST))
      lines.push(`  ${i.severity === "error" ? "错误" : "警告"}  ${i.message}\n      → ${i.hint}`);
    if (o.issues.length > SHOW_AT_MOST)
      lines.push(`  ……另有 ${o.issues.length - SHOW_AT_MOST} 个，见县级汇总.xlsx“跨校问题”表`);
  }
  if (o.unreadable.length > 0) {
    lines.push("", "无法读取的文件：");
    for (const u of o.unreadable.slice(0, SHOW_AT_MOST)) lines.push(`  ${u.file}：${u.reason}`);
    if (o.unreadable.length > SHOW_AT_MOST)
      lines.push(`  ……另有 ${o.unreadable.length - SHOW_AT_MOST} 个，见县级汇总.xlsx“无法读取”表`);
  }
  if (o.ignored.length > 0) {
    lines.push("", `未读取（${o.ignored.length} 项，不计入上面的文件数）：`);
    for (const i of o.ignored.slice(0, SHOW_AT_MOST)) lines.push(`  ${i.file}：${i.reason}`);
    if (o.ignored.length > SHOW_AT_MOST)
      lines.push(`  ……另有 ${o.ignored.length - SHOW_AT_MOST} 项，见 report.json 的 ignored`);
  }
  const notRead = o.ignored.length > 0 ? `（另有 ${o.ignored.length} 项未读取，见上）` : "";
  lines.push(
    "",
    `输出：${o.outputs.summary}`,
    `      ${o.outputs.report}`,
    o.hasErrors ? `✘ 有错误，请通知相关学校修改后重新报送。${notRead}` : `✔ 没有发现错误。${notRead}`,
  );
  return lines.join("\n");
}

export async function batchCommand(args: BatchArgs): Promise<{ out: string; code: number }> {
  const dir = folder(args.dir, "DIR");
  const out = folder(args.out, "--out");
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(`找不到文件夹：${args.dir}（zizhu batch 需要一个存放各校花名册的文件夹）`);
  // Compared as real paths: another spelling of the folder, or a symbolic link to it, is the folder.
  const realDir = realOrResolved(dir);
  const realOut = realOrResolved(out);
  if (realOut === realDir)
    throw new UsageError(
      `--out 不能就是 ${basename(dir)} 本身：输出文件不能与各校花名册放在一起（县级汇总.xlsx 可能与某个报送文件同名）。` +
        `请另指定一个文件夹（可以是其中的子文件夹，如 --out ${join(args.dir ?? "", "县级汇总")}）`,
    );
  assertSafeOutputDir(out, "--out");
  // An output folder inside the school folder is never scanned: a roster already kept there would
  // be left out of the batch without a word. Our own earlier summary is the one exception.
  if (existsSync(out) && isWithin(realOut, realDir)) {
    const inside = rostersInside(out, { cache: CACHE_FILE, report: REPORT_FILE, summary: SUMMARY_FILE });
    if (inside.length > 0)
      throw new UsageError(
        `--out ${args.out} 中已有 ${inside.length} 个花名册文件（如 ${inside[0]}）：输出文件夹不作为输入读取，这些文件会漏校，` +
          "输出文件也不应与报送文件混放。请用一个新的（或空的）文件夹作为 --out",
      );
  }
  const jobs = parseJobs(args.jobs);
  const enrolment = args.enrolment === undefined ? null : await readEnrolment(args.enrolment);
  const script = args.workerScript ?? join(__dirname, "batch-worker.cjs");
  // --jobs 1 checks in this thread: no worker start-up, and the same code path as the workers run.
  const workerScript = jobs > 1 && existsSync(script) ? script : null;
  const outcome = await runBatch({
    dir,
    out,
    pack: args.pack,
    today: args.today,
    jobs,
    workerScript,
    enrolment: enrolment?.table ?? null,
    enrolmentHash: enrolment?.hash ?? "",
    keyFile: args.keyFile ?? defaultKeyFile(),
    skip: args.enrolment === undefined ? [] : [args.enrolment],
    useCache: args.cache !== false,
  });
  const fallback = jobs > 1 && workerScript === null ? `\n（未找到 ${script}，已改为在本线程逐个校验）` : "";
  return { out: batchText(outcome) + fallback, code: outcome.hasErrors ? 1 : 0 };
}
