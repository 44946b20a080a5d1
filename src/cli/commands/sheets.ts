import {
  type Calendar,
  localIsoTimestamp,
  COMMANDS,
  SHEET_BUILDERS,
  type SheetBuilderId,
  type CivilDate,
  type WorkbookData,
  type Pack,
  shippedFormat,
  parseSubmissionFormat,
  SEAL_SHEET,
  verifySeal,
  findRosterSource,
  sourceProblemText,
  type BuiltSheet,
} from "../../core";
/**
 * The official sheets from the command line: `zizhu format | summary | notice | forms | seal |
 * export FILE --out OUT.xlsx`, and `zizhu verify FILE`.
 *
 * format / summary / forms / seal write a COPY of the input workbook with the new sheet added (the
 * 汇总表's COUNTIFS refer to the roster sheet, so it must be in the same file); notice and export
 * write a NEW workbook holding only that sheet (a 公示表 must not carry the roster's ID numbers).
 * The input file is never written: an --out equal to it is refused.
 */
import { existsSync } from "node:fs";
import { readXlsx } from "../../adapters/xlsx/read";
import { addSheetsToCopy, SheetConflictError, specsToWorkbook } from "../../adapters/xlsx/write-sheet";
import { readAsXlsx, readWorkbookFile } from "../read-workbook";
import { summaryText } from "./check";
import { UsageError } from "./fn";
import { assertSafeOutput, readTextFile, writeFileAtomic } from "../files";
import { cliOptions, type Flags } from "../args";

/** The CLI's sheet commands: the registry's sheet builders and the seal. */
export const SHEET_WORDS = [...(Object.keys(SHEET_BUILDERS) as SheetBuilderId[]), "seal"] as const;
export type SheetCommand = (typeof SHEET_WORDS)[number];

/**
 * The flags every sheet command reads (the help says so: 以上命令都可用 …): the options of all
 * of them, so a bad --days is refused by `zizhu format` too.
 */
const SHEET_FLAGS = Object.values(SHEET_BUILDERS).reduce(
  (all, b) => all.extend(b.options.shape),
  COMMANDS.seal.options.extend({}),
);

export interface SheetsArgs {
  command: SheetCommand;
  file: string;
  /** The option flags' texts, by flag name (out, mapping and the registry's options). */
  flags: Flags;
  pack: Pack;
  today: CivilDate;
  /** The zizhu version (recorded in the seal). */
  tool: string;
  /** The sealing time, ISO 8601 with offset; default: now, in the machine's time zone. */
  now?: string;
  /** Holiday schedules for the 公示期 (data package plus imported notices). */
  calendar?: Calendar;
}

export interface CommandOutput {
  out: string;
  err: string;
  code: number;
}

type SheetOptions = ReturnType<typeof parsed>;
function parsed(args: SheetsArgs) {
  return cliOptions(SHEET_FLAGS, args.flags);
}

/** "2026-11-28T10:30:05+08:00": local time with its offset. */
export function localIsoNow(date = new Date()): string {
  return localIsoTimestamp(date);
}

/** What each command makes, for messages (汇总表, 公示表…). */
function made(command: SheetCommand): string {
  return COMMANDS[command].names.made;
}

function checkOut(args: SheetsArgs): string {
  const { out, mapping } = args.flags;
  if (out === undefined || out === "")
    throw new UsageError(
      `请用 --out 指定输出文件，如 zizhu ${args.command} 花名册.xlsx --out ${made(args.command)}.xlsx`,
    );
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`输出文件应为 .xlsx 文件，收到：${out}`);
  // The file itself (device + inode), so another spelling, a symbolic link or a hard link is caught too.
  assertSafeOutput(out, [args.file], "--out");
  if (mapping !== undefined) assertSafeOutput(out, [mapping], "--out");
  return out;
}

function writeOut(args: SheetsArgs, path: string, data: Uint8Array): void {
  const mapping = args.flags["mapping"];
  writeFileAtomic(path, data, mapping === undefined ? [args.file] : [args.file, mapping]);
}

/** --mapping: a 报送格式 file, or the name of a shipped one (帮联台账) when no such file exists. */
function readMapping(file: string | undefined) {
  if (file === undefined) return undefined;
  const shipped = existsSync(file) ? null : shippedFormat(file);
  if (shipped) return shipped;
  const text = readTextFile(file, "报送格式文件");
  const parsed = parseSubmissionFormat(text);
  if (!parsed.ok) throw new UsageError(`${file}：${parsed.problem.message}`);
  return parsed.value;
}

function builtText(what: string, name: string, out: string, built: BuiltSheet, extra = ""): string {
  const rows = built.spec.rows.length;
  const head = `已生成${what}：工作表“${name}”（${rows} 行）${extra} → ${out}`;
  return [head, ...built.notes.map((n) => `  · ${n}`)].join("\n");
}

async function sealCommand(
  args: SheetsArgs,
  options: SheetOptions,
  out: string,
  data: WorkbookData,
  bytes: Uint8Array,
): Promise<CommandOutput> {
  const r = COMMANDS.seal.run(data, options, {
    pack: args.pack,
    today: args.today,
    now: args.now ?? localIsoNow(),
    tool: args.tool,
  });
  if (!r.ok) {
    const report = r.problem.report;
    const found = findRosterSource(data, { sheet: options.sheet, kind: options.kind });
    const sheet = found.ok ? found.value.grid.name : (options.sheet ?? "");
    const listing = report ? `${summaryText(args.file, sheet, report)}\n\n` : "";
    return { out: listing, err: `zizhu: ${r.problem.message}（未生成 ${out}）`, code: 1 };
  }
  const { seal, built } = r.value;
  let written: Awaited<ReturnType<typeof addSheetsToCopy>>;
  try {
    written = await addSheetsToCopy(bytes, [built.spec], { replace: true });
  } catch (error) {
    // A sheet called 校验凭证 that is not our seal: the user's, never replaced.
    if (error instanceof SheetConflictError)
      return { out: "", err: `zizhu: ${error.message}（未生成 ${out}）`, code: 1 };
    throw error;
  }
  // Never hand out a seal that would not verify: read the new file back as anyone would.
  const back = await readXlsx(written.bytes);
  const verdict = back.ok ? verifySeal(back.value) : null;
  if (verdict?.status !== "unchanged")
    throw new UsageError(
      `写出的校验凭证未能通过自检（${verdict?.message ?? "文件无法读回"}），未生成 ${out}。` +
        `这通常说明该工作簿含有本工具无法原样写回的内容；请用 Excel 或 WPS 另存为 .xlsx 后再试。`,
    );
  writeOut(args, out, written.bytes);
  const checked = summaryText(args.file, seal.sheet, r.value.report).replace(/\n{3,}/g, "\n\n");
  const text = builtText("校验凭证", written.names[0] ?? SEAL_SHEET, out, built, "，深度隐藏");
  return { out: `${checked}\n\n${text}\n  · 内容摘要（SHA-256）：${seal.digest}`, err: "", code: 0 };
}

/** `zizhu format|summary|notice|forms|seal|export FILE --out OUT.xlsx`. */
export async function sheetsCommand(args: SheetsArgs): Promise<CommandOutput> {
  const out = checkOut(args);
  // Option mistakes first, before reading a big file.
  const options = parsed(args);
  const { data, bytes } = await readAsXlsx(args.file, `zizhu ${args.command}`);
  if (options.sheet !== undefined && !data.sheets.some((s) => s.name === options.sheet)) {
    throw new UsageError(
      `没有名为“${options.sheet}”的工作表；文件中的工作表：${data.sheets.map((s) => s.name).join("、")}`,
    );
  }
  if (args.command === "seal") return sealCommand(args, options, out, data, bytes);

  const found = findRosterSource(data, { sheet: options.sheet, kind: options.kind });
  if (!found.ok) return { out: "", err: `zizhu: ${sourceProblemText(found.problem)}`, code: 1 };
  const builder = SHEET_BUILDERS[args.command];
  const format = args.command === "export" ? readMapping(args.flags["mapping"]) : undefined;
  const context = { pack: args.pack, today: args.today, calendar: args.calendar, workbook: data, format };
  const built = builder.build(found.value, options, context);
  if (!built.ok) return { out: "", err: `zizhu: ${built.problem.message}`, code: 1 };
  const what = made(args.command);
  if (builder.separate) {
    writeOut(args, out, await specsToWorkbook([built.value.spec]));
    return { out: builtText(what, built.value.spec.name, out, built.value, "，新工作簿"), err: "", code: 0 };
  }
  const written = await addSheetsToCopy(bytes, [built.value.spec]);
  writeOut(args, out, written.bytes);
  const name = written.names[0] ?? built.value.spec.name;
  return { out: builtText(what, name, out, built.value, "，已加入原工作簿的副本"), err: "", code: 0 };
}

/** `zizhu verify FILE`: 0 unchanged since sealed; 1 modified or unsealed; 2 (thrown) unreadable. */
export async function verifyCommand(args: { file: string }): Promise<CommandOutput> {
  // Every sheet counts for the seal; a big file is streamed sheet by sheet rather than loaded whole.
  const read = await readWorkbookFile(args.file, { allSheets: true });
  const v = COMMANDS.verify.run(read.data);
  const lines = [`${args.file}：${v.message}`];
  if (v.seal) {
    lines.push(
      ...v.seal.totals.map((t) => `  · ${t.program}：${t.count} 人，${t.amount.toFixed(2)} 元`),
      `  · 这是完整性校验（发现校验之后的改动），不是电子签名：任何人都可以修改后重新生成凭证。`,
    );
  }
  return { out: lines.join("\n"), err: "", code: v.status === "unchanged" ? 0 : 1 };
}
