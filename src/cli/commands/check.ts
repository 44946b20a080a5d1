import { basename, resolve } from "node:path";
import {
  COMMANDS,
  buildReport,
  type Issue,
  type Report,
  type CivilDate,
  type Pack,
  type WorkbookData,
} from "../../core";
import { gridToXlsx, writeAnnotatedReport } from "../../adapters/xlsx/write-report";
import { readWorkbookFile } from "../read-workbook";
import { progressLine } from "../progress";
import { UsageError } from "./fn";
import { WorkbookLoadError } from "../../adapters/xlsx/load-error";
import { assertSafeOutput, writeFileAtomic } from "../files";
import { cliOptions, type Flags } from "../args";

export interface CheckArgs {
  file: string;
  /** The option flags' texts (the registry's check options: sheet, kind, program, enrolled). */
  flags: Flags;
  json?: string;
  report?: string;
  pack: Pack;
  today: CivilDate;
  /** Aid roster files whose 建档立卡 students the pairing ledger must cover (--against, comma-separated). */
  against?: string;
  /** The pairing ledger's year (--year). */
  year?: string;
}

/** --year for a ledger: a four-digit year. */
function ledgerYearFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`--year 应为四位年份，如 --year 2026，收到：${text}`);
  return Number(text.trim());
}

/** The --against files, read whole (every sheet: the aid rosters may be anywhere in them). */
async function againstFiles(
  list: string | undefined,
  input: string,
): Promise<{ label: string; workbook: WorkbookData }[]> {
  if (list === undefined) return [];
  const files = list
    .split(/[,，]/)
    .map((f) => f.trim())
    .filter((f) => f !== "");
  if (files.length === 0) throw new UsageError("--against 应给出花名册文件，如 --against 资助花名册.xlsx");
  const out: { label: string; workbook: WorkbookData }[] = [];
  for (const f of files) {
    if (resolve(f) === resolve(input)) continue;
    const read = await readWorkbookFile(f, { allSheets: true });
    out.push({ label: basename(f), workbook: read.data });
  }
  return out;
}

const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" } as const;
const SHOW_AT_MOST = 200;

function issueLine(i: Issue): string {
  const place = i.cell || (i.row > 0 ? `第${i.row}行` : "整表");
  const value = i.value ? `  [${i.value}]` : "";
  return `${SEVERITY_ZH[i.severity]}  ${i.sheet}!${place}  ${i.message}${value}\n      → ${i.hint}（${i.rule}）`;
}

export function summaryText(file: string, sheet: string, report: Report): string {
  const s = report.stats;
  const head = `${file} › ${sheet}：${s.rows} 行，${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示（政策包 ${report.pack.id} ${report.pack.version}）`;
  const lines = report.issues.slice(0, SHOW_AT_MOST).map(issueLine);
  if (report.issues.length > SHOW_AT_MOST)
    lines.push(`……另有 ${report.issues.length - SHOW_AT_MOST} 条，完整列表请用 --json 或 --report`);
  const verdict = report.valid ? "✔ 没有错误，可以报送。" : "✘ 有错误，请修改后再报送。";
  return [head, "", ...lines, "", verdict].join("\n");
}

/**
 * --json and --report never name the input (by any path) nor each other: checked before reading,
 * so a mistake costs nothing, and again right before each rename.
 */
function checkOutputs(args: { file: string; json?: string; report?: string }): void {
  if (args.json !== undefined && args.json !== "-") {
    // Only a .json name: a roster, pack or calendar given by mistake is never turned into a report.
    assertSafeOutput(args.json, [args.file], "--json");
    if (!/\.json$/i.test(args.json))
      throw new UsageError(`--json 应为 .json 文件（或 - 表示输出到屏幕），收到：${args.json}`);
  }
  if (args.report !== undefined) {
    if (!/\.xlsx$/i.test(args.report)) throw new UsageError(`--report 应为 .xlsx 文件，收到：${args.report}`);
    assertSafeOutput(args.report, [args.file], "--report");
  }
  if (args.json !== undefined && args.json !== "-" && args.report !== undefined) {
    if (resolve(args.json) === resolve(args.report))
      throw new UsageError(`--json 与 --report 是同一个文件（${args.json}），请分别给出两个文件名`);
  }
}

async function writeOutputs(
  args: { file: string; json?: string; report?: string },
  report: Report,
  read: Awaited<ReturnType<typeof readWorkbookFile>>,
): Promise<string> {
  let stdout = "";
  if (args.json === "-") stdout = JSON.stringify(report, null, 2);
  else if (args.json) writeFileAtomic(args.json, JSON.stringify(report, null, 2) + "\n", [args.file]);
  if (args.report) {
    const original = read.format === "csv" ? await gridToXlsx(read.data) : read.bytes;
    if (!original) throw new UsageError("内部错误：缺少原始文件内容");
    writeFileAtomic(args.report, await writeAnnotatedReport(original, report), [args.file]);
  }
  return stdout;
}

export async function checkCommand(args: CheckArgs): Promise<{ out: string; err: string; code: number }> {
  const options = cliOptions(COMMANDS.check.options, args.flags);
  const year = ledgerYearFlag(args.year);
  checkOutputs(args);
  const progress = progressLine("读取");
  const read = await readWorkbookFile(args.file, {
    sheet: options.sheet,
    onProgress: progress.update,
    needBytes: args.report !== undefined,
    command: "zizhu check --report",
  });
  progress.done();
  if (options.sheet !== undefined && !read.data.sheets.some((s) => s.name === options.sheet)) {
    throw new UsageError(
      `没有名为“${options.sheet}”的工作表；文件中的工作表：${read.data.sheets.map((s) => s.name).join("、")}`,
    );
  }
  const against = await againstFiles(args.against, args.file);
  const { report, sheet } = COMMANDS.check.run(
    read.data,
    options,
    { pack: args.pack, today: args.today },
    { against, ...(year !== undefined ? { year } : {}) },
  );
  let stdout: string;
  try {
    stdout = await writeOutputs(args, report, read);
  } catch (e) {
    // The check itself is done: show it, and say why the annotated copy could not be written.
    if (!(e instanceof WorkbookLoadError)) throw e;
    return {
      out: args.json === "-" ? "" : summaryText(args.file, sheet, report),
      err: `zizhu: 未生成 --report ${args.report ?? ""}：${e.problem.message}`,
      code: 2,
    };
  }
  const streamedNote = read.streamed
    ? "\n（文件较大，已流式读取所检查的工作表：未检查其他工作表、批注和文档属性；如需全部检查请用 zizhu privacy）"
    : "";
  const out = args.json === "-" ? stdout : summaryText(args.file, sheet, report) + streamedNote;
  return { out, err: "", code: report.valid ? 0 : 1 };
}

/** `zizhu privacy FILE`: every sheet, notes, headers/footers, properties; exit 1 when anything is found. */
export async function privacyCommand(args: {
  file: string;
  json?: string;
  pack: Pack;
}): Promise<{ out: string; code: number }> {
  checkOutputs(args);
  // Privacy looks everywhere (hidden sheets, notes, headers/footers, properties): a big file is
  // streamed sheet by sheet with all of them, never the one-sheet read of check.
  const read = await readWorkbookFile(args.file, { allSheets: true });
  const findings = COMMANDS.privacy.run(read.data);
  const report = buildReport(findings, {
    pack: { id: args.pack.id, version: args.pack.version },
    kind: "notice",
    rows: read.data.sheets.reduce((n, s) => n + s.rows.length, 0),
  });
  const stdout = await writeOutputs({ file: args.file, json: args.json }, report, read);
  if (args.json === "-") return { out: stdout, code: findings.length > 0 ? 1 : 0 };
  const lines = report.issues.slice(0, SHOW_AT_MOST).map(issueLine);
  const head =
    findings.length === 0
      ? `${args.file}：未发现身份证号、电话、银行卡号、出生日期或住址。`
      : `${args.file}：发现 ${findings.length} 处个人信息`;
  return { out: [head, ...(lines.length ? ["", ...lines] : [])].join("\n"), code: findings.length > 0 ? 1 : 0 };
}
