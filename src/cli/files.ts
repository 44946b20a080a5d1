/**
 * The CLI's file safety: what it reads must be a regular file, and what it writes never lands on
 * one of its inputs — by any path (the same name, another spelling, a symbolic link, a hard link) —
 * and never leaves a half-written file under the user's name.
 *
 * Identity is the file itself (device + inode, after following links), not its path: `ln 原.xlsx
 * 硬.xlsx` makes two names for one file, and writing to either rewrites both.
 *
 * Writes go to a temporary file in the destination's folder, then rename() replaces the name in one
 * step (same folder, so the same file system). rename() replaces the directory entry — a symbolic
 * link or a hard link at the destination is replaced, never written through.
 */
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import type { Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "./commands/fn";

/** What a path is, in words a user understands. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return "文件夹";
  if (st.isFIFO()) return "命名管道（FIFO）";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "设备文件";
  if (st.isSocket()) return "套接字";
  return "特殊文件";
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * A file the user asked us to read: it must exist and be a regular file (after following links).
 * Devices (/dev/zero), pipes and folders are refused with a message before anything is opened — a
 * FIFO would block the open() itself, /dev/zero would never end.
 */
/**
 * Every file this run was given to read (rosters, packs, calendars, mappings, recipes, notices),
 * by device and inode: no output may land on any of them, whatever option names it.
 */
const inputsRead = new Map<string, string>();

function identity(st: Stats): string {
  return `${st.dev}:${st.ino}`;
}

/** The tool's own file, read and now deliberately updated (the user calendar folder's year file). */
export function releaseInput(path: string): void {
  const st = statOrNull(path);
  if (st) inputsRead.delete(identity(st));
}

export function assertReadableFile(path: string, what = "文件", remember = true): Stats {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") {
      // A dangling symbolic link exists as a name but points nowhere.
      const link = (() => {
        try {
          return lstatSync(path).isSymbolicLink();
        } catch {
          return false;
        }
      })();
      throw new UsageError(link ? `${path} 是指向不存在文件的符号链接` : `找不到${what}：${path}`);
    }
    if (code === "EACCES") throw new UsageError(`没有权限读取${what}：${path}`);
    if (code === "ELOOP") throw new UsageError(`${path} 是循环的符号链接，无法读取`);
    if (code === "ENOTDIR") throw new UsageError(`找不到${what}：${path}（路径中有一段不是文件夹）`);
    throw new UsageError(`无法读取${what} ${path}（${code ?? "未知原因"}）`);
  }
  if (!st.isFile()) {
    const roster = what === "文件" || what === "花名册文件";
    throw new UsageError(
      `${path} 是${kindOf(st)}，不是普通文件。` +
        (roster ? "请给出花名册文件本身（.xlsx 或 .csv）" : `请给出${what}本身`) +
        (roster && st.isDirectory() ? "；要检查整个文件夹请用 zizhu batch 文件夹 --out 输出文件夹" : ""),
    );
  }
  if (remember) inputsRead.set(identity(st), path);
  return st;
}

/** Whole files read into memory (rosters, packs, recipes, mappings) stop here: beyond it, say so. */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

function megabytes(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

/**
 * Reads a whole regular file into memory. Opened non-blocking and checked on the open descriptor
 * (fstat), so a FIFO swapped in after the path check still cannot block, and a device is never read.
 */
export function readRegularFile(
  path: string,
  /** remember: false for the tool's own files (a cache, a key), which it may rewrite. */
  options: { what?: string; maxBytes?: number; remember?: boolean } = {},
): Uint8Array {
  const what = options.what ?? "文件";
  const max = options.maxBytes ?? MAX_READ_BYTES;
  assertReadableFile(path, what, options.remember ?? true);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(
      code === "EACCES" ? `没有权限读取${what}：${path}` : `无法打开${what} ${path}（${code ?? "未知原因"}）`,
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`${path} 是${kindOf(st)}，不是普通文件`);
    if (st.size > max)
      throw new UsageError(
        `${what} ${path} 有 ${megabytes(st.size)}，超过可整体读入的上限 ${megabytes(max)}。` +
          `请确认选对了文件；花名册过大时请按学校或年级拆分后分别处理。`,
      );
    const bytes = new Uint8Array(st.size);
    let offset = 0;
    while (offset < bytes.length) {
      const n = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return offset === bytes.length ? bytes : bytes.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}

/** A small text file (pack, recipe, mapping, enrolment list): UTF-8, byte order mark removed. */
export function readTextFile(path: string, what: string): string {
  const bytes = readRegularFile(path, { what, maxBytes: 32 * 1024 * 1024 });
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

/** The same file (device and inode), whatever the two paths look like. */
export function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Refuses an output path that is one of the inputs (through any name), or a folder, device or pipe.
 * `flag` names the option in the message (--out, --json, --report).
 */
export function assertSafeOutput(out: string, given: readonly string[], flag: string): void {
  let inputs = given;
  const target = statOrNull(out);
  if (target === null) {
    // A dangling symlink at the destination: rename() replaces the link itself, which is fine.
    return;
  }
  if (target.isDirectory()) throw new UsageError(`${flag} ${out} 是文件夹，请给出输出文件名`);
  if (!target.isFile()) throw new UsageError(`${flag} ${out} 是${kindOf(target)}，不能作为输出文件`);
  const read = inputsRead.get(identity(target));
  if (read !== undefined && !inputs.includes(read)) inputs = [...inputs, read];
  for (const input of inputs) {
    const st = statOrNull(input);
    if (st && sameFile(st, target)) {
      const how = basename(out) === basename(input) ? "" : "（另一个名称、链接或硬链接指向同一文件）";
      throw new UsageError(
        `${flag} ${out} 就是输入文件 ${input}${how}：资助助手从不覆盖您的原文件，请换一个输出文件名。`,
      );
    }
  }
}

/** A folder a command writes into (run --out, batch --out) must not be an input file or inside one's name. */
export function assertSafeOutputDir(out: string, flag: string): void {
  const st = statOrNull(out);
  if (st === null) return;
  if (!st.isDirectory())
    throw new UsageError(`${flag} ${out} 已存在且不是文件夹：请给出一个文件夹（不存在时会自动创建）`);
}

let counter = 0;

/**
 * Writes `data` to `path` through a temporary file in the same folder renamed into place, so a crash
 * never leaves half a file under the user's name. `inputs`: files that must never be replaced (a
 * last check right before the rename, for a name that appeared meanwhile).
 */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  inputs: readonly string[] = [],
  /** The new file's permissions (0o600 for a secret: never readable by others, not even briefly). */
  mode = 0o644,
): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.zizhu-${process.pid}-${Date.now()}-${counter++}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, "wx", mode);
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    if (inputs.length > 0) assertSafeOutput(path, inputs, "输出");
    renameSync(temp, path);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // The temporary file was never created, or is already renamed.
    }
    if (e instanceof UsageError) throw e;
    const code = (e as { code?: string }).code;
    const why =
      code === "ENOENT"
        ? "文件夹不存在"
        : code === "EACCES" || code === "EPERM"
          ? "没有写入权限"
          : code === "ENOSPC"
            ? "磁盘已满"
            : code === "EISDIR"
              ? "这是一个文件夹"
              : (code ?? "未知原因");
    throw new UsageError(`无法写入输出文件 ${path}（${why}）`);
  }
}

/**
 * The first `length` bytes of a file, or null when it is not a regular file (a FIFO, a device, a
 * folder, a dangling link) or cannot be read: for peeking at files the user did not name (an
 * earlier run's report.json), which must never hang or be read whole.
 */
export function readHead(path: string, length: number): Uint8Array | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    if (!fstatSync(fd).isFile()) return null;
    const bytes = new Uint8Array(length);
    const n = readSync(fd, bytes, 0, length, 0);
    return bytes.subarray(0, n);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Standard input, read to its end but never past `maxBytes` (`- < /dev/zero` must not eat the machine). */
export function readStdin(what: string, maxBytes = 32 * 1024 * 1024): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const chunk = new Uint8Array(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "EAGAIN") {
        // A non-blocking standard input with nothing yet: wait a little rather than spin.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === "EOF") break;
      throw new UsageError(`无法读取标准输入中的${what}（${code ?? "未知原因"}）`);
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes)
      throw new UsageError(`标准输入中的${what}超过 ${megabytes(maxBytes)}，已停止读取。请确认输入的是${what}。`);
    chunks.push(chunk.slice(0, n));
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
