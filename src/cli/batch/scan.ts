/** The school files under the batch folder: .xlsx and .csv (and old .xls/.et, to say why they cannot be read). */
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { readHead } from "../files";

export const ROSTER_EXT = /\.(xlsx|csv|xls|et)$/i;

/** What the batch reads, in words: for the "no roster found" message. */
export const ROSTER_TYPES_ZH = ".xlsx 和 .csv（旧版 .xls、.et 也会列出，并提示另存为 .xlsx）";

/** A file or folder the scan saw but did not read, and why: printed and kept in report.json. */
export interface IgnoredEntry {
  /** Path relative to the batch folder, "/" separated. */
  file: string;
  reason: string;
}

export interface ScanResult {
  files: { path: string; file: string }[];
  ignored: IgnoredEntry[];
}

/** The names zizhu batch writes into an output folder. */
export interface OwnFiles {
  cache: string;
  report: string;
  summary: string;
}

/** Excel's and WPS's lock files (~$名单.xlsx, .~名单.xlsx): never rosters, never worth a word. */
const isLockFile = (name: string): boolean => name.startsWith("~$") || name.startsWith(".~");

const REPORT_FORMAT = '"format": "zizhu-batch/';

/**
 * An earlier run's output folder: it holds our cache, or our report.json (written on every run,
 * also with --no-cache). report.json is a common name, so its first bytes must be ours.
 */
export function isOutputFolder(d: string, names: readonly string[], own: OwnFiles): boolean {
  if (names.includes(own.cache)) return true;
  if (!names.includes(own.report)) return false;
  try {
    // Peek only, and only at a regular file: a FIFO or a link to /dev/zero named report.json must not hang the scan.
    const head = readHead(join(d, own.report), 200);
    return head !== null && new TextDecoder().decode(head).includes(REPORT_FORMAT);
  } catch {
    return false;
  }
}

/** The real path when it exists (symbolic links and other spellings resolved), else the resolved one. */
export function realOrResolved(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    // Not there yet (an output folder made later): resolve the part that exists.
    const parent = dirname(abs);
    return parent === abs ? abs : join(realOrResolved(parent), abs.slice(parent.length + 1));
  }
}

/** Whether `inner` is `outer` or lies under it (both real paths). */
export function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function linkReason(p: string, name: string): string | null {
  let target = "";
  try {
    target = readlinkSync(p);
  } catch {
    // Unreadable link text: name it without its target.
  }
  const to = target ? `（指向 ${target}）` : "";
  const why = "zizhu batch 不跟随符号链接，以免同一文件被校验两次或读到文件夹以外的文件";
  try {
    const st = statSync(p);
    if (st.isDirectory()) return `是指向文件夹的符号链接${to}，其中的文件未读取：${why}。如需校验，请把文件夹本身放入`;
    if (st.isFile() && ROSTER_EXT.test(name)) return `是符号链接${to}，未读取：${why}。如需校验，请放入文件本身`;
    return null;
  } catch {
    return ROSTER_EXT.test(name) ? `是指向不存在文件的符号链接${to}，未读取` : null;
  }
}

function specialReason(e: Dirent): string {
  if (e.isFIFO()) return "是命名管道（FIFO），不是普通文件，未读取";
  if (e.isSocket()) return "是套接字，不是普通文件，未读取";
  if (e.isCharacterDevice() || e.isBlockDevice()) return "是设备文件，不是普通文件，未读取";
  return "不是普通文件，未读取";
}

/**
 * Every roster file under dir, recursively, sorted by relative path. Skipped without a word:
 * Excel's ~$ lock files, hidden folders, and the paths in `skip` (the output folder,
 * the enrolment table — compared as real paths, so another spelling or a link to them is skipped
 * too). Skipped and listed in `ignored`, with the reason: symbolic links (to a roster or to a
 * folder; they are never followed), pipes and devices with a roster's name, folders that cannot
 * be opened, and roster files inside an earlier run's output folder (see isOutputFolder).
 */
export function scanFolder(dir: string, skip: readonly string[], own: OwnFiles): ScanResult {
  const root = realpathSync(resolve(dir));
  const skipped = new Set(skip.map(realOrResolved));
  // Files are compared by identity too: a hard link to the enrolment table is still the table.
  const skippedIds = new Set<string>();
  for (const s of skipped) {
    try {
      const st = statSync(s);
      if (st.isFile()) skippedIds.add(`${st.dev}:${st.ino}`);
    } catch {
      // Not there (an output folder not made yet).
    }
  }
  const files: ScanResult["files"] = [];
  const ignored: IgnoredEntry[] = [];
  const rel = (p: string): string => relative(root, p).split(sep).join("/");

  /** In an earlier run's output folder: roster files there are listed, never read. */
  const listOutputFolder = (d: string): void => {
    for (const { path, folder } of rosterFilesIn(d, own))
      ignored.push({
        file: rel(path),
        reason: `位于先前 zizhu batch 的输出文件夹 ${rel(folder)} 中，未作为花名册读取；如确是学校报送的文件，请移出该文件夹`,
      });
  };

  const walk = (d: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      if (d === root) throw e;
      const code = (e as { code?: string }).code;
      ignored.push({
        file: `${rel(d)}/`,
        reason: `无法打开该文件夹（${code === "EACCES" || code === "EPERM" ? "没有读取权限" : (code ?? "未知原因")}），其中的文件未读取`,
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    if (
      d !== root &&
      isOutputFolder(
        d,
        entries.map((e) => e.name),
        own,
      )
    ) {
      listOutputFolder(d);
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (isLockFile(e.name) || skipped.has(p)) continue;
      if (e.isSymbolicLink()) {
        const reason = linkReason(p, e.name);
        if (reason) ignored.push({ file: rel(p), reason });
      } else if (e.isDirectory()) {
        if (!e.name.startsWith(".")) walk(p);
      } else if (!ROSTER_EXT.test(e.name)) continue;
      else if (!e.isFile()) ignored.push({ file: rel(p), reason: specialReason(e) });
      else {
        if (skippedIds.size > 0) {
          const st = lstatSync(p);
          if (skippedIds.has(`${st.dev}:${st.ino}`)) continue;
        }
        files.push({ path: p, file: rel(p) });
      }
    }
  };
  walk(root);
  const byFile = (a: { file: string }, b: { file: string }): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return { files: files.sort(byFile), ignored: ignored.sort(byFile) };
}

/**
 * Roster files in a folder and its subfolders (not dot folders; no lock files), except our own
 * summary at its top, each with the folder holding it; in the order the folders list them.
 */
function rosterFilesIn(d: string, own: OwnFiles): { path: string; folder: string }[] {
  const found: { path: string; folder: string }[] = [];
  const walk = (at: string, top: boolean): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (isLockFile(e.name)) continue;
      const p = join(at, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith(".")) walk(p, false);
      } else if (ROSTER_EXT.test(e.name) && !(top && e.name === own.summary)) found.push({ path: p, folder: at });
    }
  };
  walk(d, true);
  return found;
}

/**
 * Roster files already inside a folder (recursively), except our own summary at its top: an
 * output folder inside the batch folder is never scanned, so a roster kept there would be left
 * out of the batch without a word.
 */
export function rostersInside(d: string, own: OwnFiles): string[] {
  return rosterFilesIn(d, own)
    .map((f) => f.path)
    .sort();
}
