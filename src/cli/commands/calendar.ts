/**
 * `zizhu calendar import FILE [--year YYYY] [--out FILE]` and `zizhu calendar list`: the holiday
 * schedules the commands count working days with — the data package, plus State Council notices the
 * user imports for the years it does not have yet (the next year's notice comes out in November or
 * December; a data package with it comes weeks later).
 *
 * Imported years live in the user calendar folder (~/.zizhu/calendar, or ZIZHU_CALENDAR_DIR), one
 * file a year (2027.json), which every command reads; `--calendar FILE` adds a file of its own
 * (it wins over the folder for a year both have). A year the data package has is always taken
 * from the package: an import that contradicts it is reported and not used.
 */
import { mkdirSync, readdirSync, statSync, type Stats } from "node:fs";
import { homedir } from "node:os";
import { extname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { decodeText } from "../../adapters/csv/read";
import {
  conflictText,
  createCalendar,
  deserializeCalendar,
  noticeProblemsText,
  parseHolidayNotice,
  serializeCalendar,
  shippedAsImported,
  shippedYears,
  storeProblemText,
  type Calendar,
  type CalendarConflict,
  type ImportedYear,
  type NoticeProblem,
  describeYear,
  repairNotes,
  localIsoTimestamp,
} from "../../core";
import { assertSafeOutput, readRegularFile, readStdin, readTextFile, releaseInput, writeFileAtomic } from "../files";
import { UsageError } from "./fn";

/** The user calendar folder: ZIZHU_CALENDAR_DIR, else ~/.zizhu/calendar. */
export function defaultCalendarDir(env: Record<string, string | undefined>): string {
  const dir = env["ZIZHU_CALENDAR_DIR"];
  return dir !== undefined && dir !== "" ? dir : join(homedir(), ".zizhu", "calendar");
}

export interface CalendarFile {
  readonly file: string;
  readonly years: readonly ImportedYear[];
}

export interface UserCalendar {
  /** The data package plus the imported years that may be used. */
  readonly calendar: Calendar;
  readonly conflicts: readonly CalendarConflict[];
  /** Imported years the data package has too (and agrees with). */
  readonly redundant: readonly number[];
  /** The imported years in use. */
  readonly used: readonly ImportedYear[];
  /** The files read, `--calendar FILE` first, then the folder's by name. */
  readonly files: readonly CalendarFile[];
  /** Folder files that could not be read (skipped), in Chinese, for stderr. */
  readonly warnings: readonly string[];
  readonly dir: string;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function readCalendarFile(file: string): { ok: true; years: ImportedYear[] } | { ok: false; why: string } {
  const r = deserializeCalendar(readTextFile(file, "放假安排文件"));
  return r.ok ? { ok: true, years: r.value } : { ok: false, why: r.problem.map((p) => storeProblemText(p)).join("；") };
}

/**
 * The calendar for a command: the data package, `--calendar FILE` (must be valid: a broken file
 * stops the command), and the folder's files (a broken one is skipped with a warning).
 */
export function loadUserCalendar(options: { dir: string; file?: string | undefined }): UserCalendar {
  const files: CalendarFile[] = [];
  const warnings: string[] = [];
  if (options.file !== undefined) {
    const r = readCalendarFile(options.file);
    if (!r.ok) throw new UsageError(`--calendar ${options.file} 无法使用：${r.why}`);
    files.push({ file: options.file, years: r.years });
  }
  const st = statOrNull(options.dir);
  if (st?.isDirectory()) {
    const names = readdirSync(options.dir)
      .filter((n) => n.toLowerCase().endsWith(".json") && !n.startsWith("."))
      .sort();
    for (const name of names) {
      const file = join(options.dir, name);
      if (!statOrNull(file)?.isFile()) continue;
      try {
        const r = readCalendarFile(file);
        if (r.ok) files.push({ file, years: r.years });
        else warnings.push(`已跳过放假安排文件 ${file}：${r.why}`);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        warnings.push(`已跳过放假安排文件 ${file}：${e.message}`);
      }
    }
  } else if (st) warnings.push(`放假安排文件夹 ${options.dir} 不是文件夹，已忽略`);
  const combined = createCalendar(files.flatMap((f) => f.years));
  return {
    calendar: combined.calendar,
    conflicts: combined.conflicts,
    redundant: combined.redundant,
    used: combined.used,
    files,
    warnings,
    dir: options.dir,
  };
}

/** The text of a Word document: its paragraphs, one a line. */
function docxText(bytes: Uint8Array, file: string): string {
  let xml: Uint8Array | undefined;
  try {
    xml = unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" })["word/document.xml"];
  } catch {
    xml = undefined;
  }
  if (!xml) throw new UsageError(`${file} 不是 Word 文档（.docx）；请把通知的文字复制到 .txt 文件中再导入`);
  return strFromU8(xml)
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:(?:br|cr)\b[^>]*\/>/g, "\n")
    .replace(/<w:tab\b[^>]*\/>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

/** The notice text of FILE (- for standard input): UTF-8, GBK or UTF-16 text, or a .docx. */
export function readNoticeFile(file: string): string {
  if (file === "-") return decodeText(readStdin("通知文字", 8 * 1024 * 1024)).text;
  const ext = extname(file).toLowerCase();
  if (ext === ".doc" || ext === ".wps")
    throw new UsageError(`${file} 是旧版 Word/WPS 文档，无法直接读取：请另存为 .docx，或把通知文字复制到 .txt 文件`);
  const bytes = readRegularFile(file, { what: "通知文件", maxBytes: 8 * 1024 * 1024 });
  if (ext === ".docx" || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return docxText(bytes, file);
  return decodeText(bytes).text;
}

function repairNote(y: ImportedYear): string {
  const notes = repairNotes(y);
  return notes.length > 0 ? `\n（${notes.join("；")}，请对照通知核对上面的日期）` : "";
}

function sameDays(a: ImportedYear, b: ImportedYear): boolean {
  const key = (y: ImportedYear): string => y.days.map((d) => `${d.date}${d.isOffDay ? 1 : 0}${d.name}`).join("|");
  return key(a) === key(b);
}

export interface CalendarCommandOptions {
  /** The user calendar folder (defaultCalendarDir(env)). */
  readonly dir: string;
  /** --calendar FILE, for `list`. */
  readonly calendarFile?: string | undefined;
  readonly year?: string | undefined;
  readonly out?: string | undefined;
  /** The import's timestamp (default: now). */
  readonly now?: string | undefined;
}

function importCommand(file: string, options: CalendarCommandOptions): { out: string; err: string; code: number } {
  let year: number | undefined;
  if (options.year !== undefined) {
    if (!/^\d{4}$/.test(options.year) || Number(options.year) < 1949 || Number(options.year) > 2200)
      throw new UsageError(`--year 应为四位年份，如 --year 2027，收到：${options.year}`);
    year = Number(options.year);
  }
  const text = readNoticeFile(file);
  const user = loadUserCalendar({ dir: options.dir });
  let parsed = parseHolidayNotice(text, year === undefined ? {} : { year });
  // A supplementary notice alone (调整/延长…假期) applies to the year as already known.
  const baseYear = !parsed.ok ? parsed.problem.find((p) => p.code === "notice.no-base") : undefined;
  if (baseYear && !parsed.ok && parsed.problem.every((p) => p.code === "notice.no-base")) {
    const y = (baseYear as Extract<NoticeProblem, { code: "notice.no-base" }>).year;
    const base = user.files.flatMap((f) => f.years).find((x) => x.year === y) ?? shippedAsImported(y);
    if (base) parsed = parseHolidayNotice(text, { year: y, base });
  }
  if (!parsed.ok) {
    return { out: `未导入：通知中有无法确定的内容。\n${noticeProblemsText(parsed.problem)}`, err: "", code: 1 };
  }
  const read: ImportedYear = {
    ...parsed.value,
    source: { ...parsed.value.source, importedAt: options.now ?? localIsoTimestamp() },
  };
  const title = read.source.titles.length > 0 ? read.source.titles.map((t) => `《${t}》`).join("及") : "通知";
  const summary =
    `已读取${title}：${read.year}年，${read.source.festivals.length}个节日，` +
    `放假${read.days.filter((d) => d.isOffDay).length}天、调休上班${read.days.filter((d) => !d.isOffDay).length}天：\n` +
    `${describeYear(read)}${repairNote(read)}`;

  const check = createCalendar([read]);
  const clash = check.conflicts[0];
  if (clash) return { out: `${summary}\n\n未导入：${conflictText(clash)}`, err: "", code: 1 };

  if (options.out !== undefined) {
    if (options.out === "") throw new UsageError("--out 后面缺少输出文件名");
    const inputs = file === "-" ? [] : [file];
    assertSafeOutput(options.out, inputs, "--out");
    // Only a .json name: a roster or a notice given by mistake is never turned into a calendar file.
    if (!/\.json$/i.test(options.out))
      throw new UsageError(`--out 应为 .json 文件（放假安排文件），收到：${options.out}`);
    writeFileAtomic(options.out, serializeCalendar([read]), inputs);
    return {
      out: `${summary}\n\n已写入 ${options.out}（用 --calendar ${options.out} 让命令使用它，或放入 ${options.dir}）`,
      err: "",
      code: 0,
    };
  }
  if (check.redundant.includes(read.year)) {
    return {
      out: `${summary}\n\n与内置数据一致：${read.year}年已在离线数据包中，无需导入（未保存）。`,
      err: "",
      code: 0,
    };
  }
  const target = join(options.dir, `${read.year}.json`);
  const existing = user.files.find((f) => f.file === target)?.years.find((y) => y.year === read.year);
  if (existing && sameDays(existing, read)) {
    return { out: `${summary}\n\n${target} 中已有相同的${read.year}年放假安排，无需再次导入。`, err: "", code: 0 };
  }
  const supplement =
    read.source.titles.some((t) => /调整|延长/.test(t)) && !/部分节假日/.test(read.source.titles[0] ?? "");
  if (existing && !supplement) {
    throw new UsageError(
      `${target} 中已有不同的${read.year}年放假安排（${existing.source.titles[0] ?? "来源不明"}）。` +
        `资助助手不会覆盖它：确认本次的通知无误后请先删除该文件，或用 --out 另存为新文件`,
    );
  }
  const elsewhere = user.files.find((f) => f.file !== target && f.years.some((y) => y.year === read.year));
  const st = statOrNull(options.dir);
  if (st && !st.isDirectory()) throw new UsageError(`放假安排文件夹 ${options.dir} 已存在且不是文件夹`);
  try {
    mkdirSync(options.dir, { recursive: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(`无法创建放假安排文件夹 ${options.dir}（${code ?? "未知原因"}）；可用 --out 另存到其他位置`);
  }
  // The folder's own year file is ours to update (a supplement to the year read from it); every
  // other file this run read stays protected.
  releaseInput(target);
  writeFileAtomic(target, serializeCalendar([read]), file === "-" ? [] : [file]);
  const note = elsewhere
    ? `\n注意：${elsewhere.file} 中也有${read.year}年的放假安排，两者不一致时使用先读到的文件。`
    : "";
  return {
    out: `${summary}\n\n已${existing ? "更新" : "保存"}到 ${target}；此后的命令都会按它计算${read.year}年的工作日（zizhu calendar list 查看）。${note}`,
    err: "",
    code: 0,
  };
}

function listCommand(options: CalendarCommandOptions): { out: string; err: string; code: number } {
  const user = loadUserCalendar({ dir: options.dir, file: options.calendarFile });
  const shipped = shippedYears().filter((y) => y.published);
  const first = shipped[0]?.year;
  const last = shipped[shipped.length - 1]?.year;
  const lines = [
    `内置数据（离线数据包，来自 NateScarlet/holiday-cn，依据国务院办公厅各年通知）：${first}—${last}年，共${shipped.length}年`,
  ];
  const imported = user.files.flatMap((f) => f.years.map((y) => ({ file: f.file, year: y })));
  lines.push(
    "",
    `导入的放假安排（文件夹 ${user.dir}${options.calendarFile ? `，以及 --calendar ${options.calendarFile}` : ""}）：`,
  );
  if (imported.length === 0) lines.push("  无");
  for (const { file, year } of imported) {
    const clash = user.conflicts.some((c) => c.year === year.year && c.titles === year.source.titles);
    const state = user.used.includes(year)
      ? "使用中"
      : clash
        ? "未使用：有不一致之处（见下方冲突）"
        : user.calendar.sources.get(year.year)?.kind === "shipped"
          ? "与内置数据一致（按内置数据计算）"
          : "未使用：与先读到的同年文件相同";
    lines.push(
      `  ${year.year}年  ${year.source.titles[0] ?? "（无标题）"}  ${year.source.festivals.length}个节日  ${state}`,
      `         ${file}${year.source.importedAt ? `  导入于 ${year.source.importedAt}` : ""}`,
    );
  }
  if (user.conflicts.length > 0) {
    lines.push("", "冲突：");
    for (const c of user.conflicts) lines.push(`  ${conflictText(c)}`);
  }
  const known = new Set(user.calendar.years);
  let next = (last ?? 2026) + 1;
  while (known.has(next)) next++;
  lines.push("", `尚未收录：${next}年起。发布后可用 zizhu calendar import 通知.txt 导入国务院办公厅的放假通知。`);
  return {
    out: lines.join("\n"),
    err: user.warnings.map((w) => `zizhu: ${w}`).join("\n"),
    code: 0,
  };
}

export function calendarCommand(
  words: readonly string[],
  options: CalendarCommandOptions,
): { out: string; err: string; code: number } {
  const [sub, file, extra] = words;
  if (sub === "list" || sub === undefined) {
    if (file !== undefined) throw new UsageError(`calendar list 不接受参数：${file}`);
    return listCommand(options);
  }
  if (sub === "import") {
    if (file === undefined)
      throw new UsageError("请给出通知文件，如 zizhu calendar import 通知.txt [--year 2027] [--out 文件.json]");
    if (extra !== undefined) throw new UsageError(`一次只能导入一个通知文件，多出的参数：${extra}`);
    return importCommand(file, options);
  }
  throw new UsageError(`未知的 calendar 子命令：${sub}（可用：import、list）`);
}
