/**
 * The standalone page's host: the roster is a file the user opened or dropped, or the sample the
 * page fetches from its own origin (./samples/sample-roster.xlsx, copied there by the build).
 * Results leave as downloads; nothing is uploaded. Imported holiday notices are kept for the page
 * in its localStorage (CALENDAR_STORAGE_KEY), on this machine and in this browser only.
 */
import { isoNow, toolVersion } from "../seal-info";
import { createEngine, type BookRef, type Engine, type EngineProgress } from "../engine";
import type { FileHost, ReadResult } from "../pane-host";
import type { NewFile } from "./file-ops";
import { downloadBytes } from "./download";
import { functionsContext, provideImportedYears } from "../../../functions/context";
import type { ColumnOverrides } from "../../core";

export const SAMPLE_URL = "./samples/sample-roster.xlsx";
export const SAMPLE_NAME = "一补花名册-问题示例.xlsx";
export const CALENDAR_STORAGE_KEY = "zizhu.calendar";

/** The part of Web Storage the host uses. */
export type PageStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface StandaloneDeps {
  /** Fetches the sample's bytes (default: fetch() on the page's own origin). */
  fetchBytes?: (url: string) => Promise<Uint8Array>;
  /** Saves a new file (default: an <a download> link). */
  download?: (bytes: Uint8Array, fileName: string) => void;
  /** Where imported holiday notices are kept (default: the page's localStorage). */
  storage?: () => PageStorage;
  /** Where the file is read, checked and built (default: the engine worker). */
  engine?: Engine;
}

function pageStorage(): PageStorage {
  return window.localStorage;
}

function storageError(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  return name === "QuotaExceededError"
    ? "浏览器的本地存储已满。"
    : `浏览器不允许本页面保存数据（${error instanceof Error ? error.message : String(error)}）。请关闭无痕模式或允许本站存储数据后重新导入。`;
}

/** The id of the element that carries the sample roster (base64) in the single offline file. */
export const INLINE_SAMPLE_ID = "zizhu-sample-roster";

/** The sample's bytes: carried inline by the single offline file (file:// pages cannot fetch), else from the page's origin. */
async function fetchSame(url: string): Promise<Uint8Array> {
  const inline = typeof document !== "undefined" ? document.getElementById(INLINE_SAMPLE_ID)?.textContent : null;
  if (inline) return Uint8Array.from(atob(inline.trim()), (c) => c.charCodeAt(0));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export function createStandaloneHost(deps: StandaloneDeps = {}): FileHost {
  const fetchBytes = deps.fetchBytes ?? fetchSame;
  const download = deps.download ?? ((bytes: Uint8Array, name: string) => downloadBytes(bytes, name));
  const storage = deps.storage ?? pageStorage;
  const engine = deps.engine ?? createEngine();
  let file: { name: string; bytes: Uint8Array } | null = null;
  // What the engine made of the current file: read once, again only when the engine lost it (取消).
  let opened: { ref: BookRef | null; result: ReadResult } | null = null;
  // A plain page has no workbook settings: a remembered mapping lives in this page's memory only,
  // by file name and sheet, until the page is closed. Nothing is stored outside the page.
  const mappings = new Map<string, ColumnOverrides>();
  const mappingKey = (sheet: string): string => `${file?.name ?? ""}\u0001${sheet}`;

  // The read in progress, for the file it reads: a second caller meanwhile waits for the same one.
  let reading: { file: { name: string; bytes: Uint8Array }; result: Promise<ReadResult> } | null = null;

  /** The current file, held by the engine (a failed read is kept too: the same file fails the same way). */
  async function ensure(onProgress?: (p: EngineProgress) => void): Promise<ReadResult> {
    if (!file) return { ok: false, message: "请先选择或拖入一个花名册文件（.xlsx 或 .csv）。" };
    if (opened && (opened.ref === null || engine.holds(opened.ref))) return opened.result;
    if (reading?.file === file) return reading.result;
    const current = file;
    const result = openInEngine(current, onProgress);
    reading = { file: current, result };
    try {
      const r = await result;
      // Another file chosen meanwhile: this result is not its.
      return file === current ? r : ensure(onProgress);
    } finally {
      if (reading?.result === result) reading = null;
    }
  }

  async function openInEngine(
    current: { name: string; bytes: Uint8Array },
    onProgress?: (p: EngineProgress) => void,
  ): Promise<ReadResult> {
    const out = await engine.call(
      "open",
      { name: current.name, bytes: current.bytes },
      onProgress ? { onProgress } : {},
    );
    if (file !== current) return { ok: false, message: "已改选其他文件。" };
    if (!out.ok) {
      opened = { ref: null, result: out };
      return out;
    }
    const ref = { book: out.book, generation: engine.generation };
    const result: ReadResult = {
      ok: true,
      workbook: out.preview,
      held: ref,
      source: out.source,
      originalBytes: current.bytes,
      format: out.format,
    };
    opened = { ref, result };
    return result;
  }

  /** The engine's book of the current file, or the Chinese message why there is none. */
  async function book(): Promise<{ ok: true; book: number; source: string } | { ok: false; message: string }> {
    const r = await ensure();
    if (!r.ok) return r;
    if (!r.held) throw new Error("standalone read without a held book");
    return { ok: true, book: r.held.book, source: r.source };
  }

  function save(f: NewFile): void {
    download(f.bytes, f.fileName);
  }

  const host: FileHost = {
    mode: "standalone",
    // The page's context; no custom functions run here, but one provider keeps every host alike.
    context: functionsContext,
    provideCalendar: provideImportedYears,
    engine,
    openFile(name, bytes) {
      file = { name, bytes };
      opened = null;
    },
    async loadSample() {
      let bytes: Uint8Array;
      try {
        bytes = await fetchBytes(SAMPLE_URL);
      } catch (error) {
        return {
          ok: false,
          message: `示例花名册载入失败（${error instanceof Error ? error.message : String(error)}）。请用“选择文件”打开本机的花名册。`,
        };
      }
      host.openFile(SAMPLE_NAME, bytes);
      return host.read();
    },
    read(options) {
      return ensure(options?.onProgress);
    },
    async exportResults(report) {
      const b = await book();
      if (!b.ok) return "请先选择花名册并完成校验。";
      const out = await engine.call("annotatedFile", { book: b.book, report });
      if (!out.ok) return out.message;
      save(out.file);
      return out.message;
    },
    async saveMaskedCopy(workbook, suggestedName) {
      const bytes = await engine.call("gridFile", { workbook });
      download(bytes, suggestedName);
      return `已下载脱敏副本“${suggestedName}”。原文件未改动。`;
    },
    async saveMaskedFile(suggestedName) {
      const b = await book();
      if (!b.ok) return b.message;
      const out = await engine.call("maskedFile", { book: b.book });
      download(out.bytes, suggestedName);
      return `已下载脱敏副本“${suggestedName}”。原文件未改动。`;
    },
    loadColumnOverrides(sheet: string) {
      return Promise.resolve({ ...(mappings.get(mappingKey(sheet)) ?? {}) });
    },
    saveColumnOverrides(sheet: string, overrides: ColumnOverrides) {
      if (Object.keys(overrides).length > 0) mappings.set(mappingKey(sheet), { ...overrides });
      else mappings.delete(mappingKey(sheet));
      return Promise.resolve(
        `已记住工作表“${sheet}”的列对应关系（仅在本页面打开期间有效；独立页面无法写入工作簿设置）`,
      );
    },
    loadCalendar() {
      try {
        return Promise.resolve(storage().getItem(CALENDAR_STORAGE_KEY));
      } catch {
        // Storage blocked (a private window, a sandboxed frame): nothing kept can be read, and a
        // save will say why it failed.
        return Promise.resolve(null);
      }
    },
    saveCalendar(serialized) {
      try {
        if (serialized === null) storage().removeItem(CALENDAR_STORAGE_KEY);
        else storage().setItem(CALENDAR_STORAGE_KEY, serialized);
        return Promise.resolve({ ok: true });
      } catch (error) {
        // Host quirk: a full or forbidden localStorage throws (QuotaExceededError, SecurityError).
        return Promise.resolve({ ok: false, message: storageError(error) });
      }
    },
    async buildSheet(command, options) {
      const b = await book();
      if (!b.ok) return { ok: false, message: b.message, notes: [] };
      const { file: made, ...outcome } = await engine.call("builtFile", {
        book: b.book,
        command,
        options: { ...options, sheet: undefined },
      });
      if (made) save(made);
      return outcome;
    },
    async preSubmitCheck(options) {
      const b = await book();
      if (!b.ok) return { ok: false, message: b.message, notes: [] };
      const { file: made, ...outcome } = await engine.call("sealedFile", {
        book: b.book,
        options: {
          pack: options.pack,
          today: options.today,
          now: isoNow(),
          tool: toolVersion(),
          kind: options.kind,
          program: options.program?.trim() || undefined,
          enrolled: options.enrolled,
          columnOverrides: options.columnOverrides,
        },
      });
      if (made) save(made);
      return outcome;
    },
    async verifySeal() {
      const b = await book();
      if (!b.ok) return { status: "unsealed", message: b.message };
      return engine.call("verifySeal", { book: b.book });
    },
    async applyFixes(fixes) {
      // A new file with the fixes: the engine fixes copies of the grids, the opened file is never written.
      const b = await book();
      if (!b.ok) return b.message;
      const made = await engine.call("fixedFile", { book: b.book, fixes });
      save(made);
      return `已下载修改后的新文件“${made.fileName}”（${fixes.length} 处修改）。原文件未改动。`;
    },
  };
  return host;
}
