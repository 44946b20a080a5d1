/**
 * The standalone page's host: the roster is a file the user opened or dropped, or the sample the
 * page fetches from its own origin (./samples/sample-roster.xlsx, copied there by the build).
 * Results leave as downloads; nothing is uploaded. Imported holiday notices are kept for the page
 * in its localStorage (CALENDAR_STORAGE_KEY), on this machine and in this browser only.
 */
import { readXlsx } from "../xlsx/read";
import { readCsv } from "../csv/read";
import { ISSUES_SHEET_NAME, gridToXlsx, writeAnnotatedReport } from "../xlsx/write-report";
import { addSheetsToCopy, SheetConflictError, specsToWorkbook } from "../xlsx/write-sheet";
import { WorkbookLoadError } from "../xlsx/load-error";
import {
  buildForCommand,
  buildSeal,
  verifySeal,
  applyFixesToGrid,
  type WorkbookData,
  type Report,
  type ColumnOverrides,
} from "../../core";
import { isoNow, sealSummary, toolVersion } from "../office/sheets";
import type { FileHost, ReadResult } from "../pane-host";
import { derivedName, downloadBytes } from "./download";
import { functionsContext, provideImportedYears } from "../../../functions/context";

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

async function fetchSame(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function formatOf(name: string): "xlsx" | "csv" | null {
  if (/\.(csv|txt|tsv)$/i.test(name)) return "csv";
  if (/\.(xlsx|xlsm)$/i.test(name)) return "xlsx";
  return null;
}

export function createStandaloneHost(deps: StandaloneDeps = {}): FileHost {
  const fetchBytes = deps.fetchBytes ?? fetchSame;
  const download = deps.download ?? ((bytes: Uint8Array, name: string) => downloadBytes(bytes, name));
  const storage = deps.storage ?? pageStorage;
  let file: { name: string; bytes: Uint8Array } | null = null;
  // The parsed workbook of the current file: the pane reads again for every check, parse once.
  let cached: ReadResult | null = null;
  let last: { workbook: WorkbookData; source: string; bytes: Uint8Array; format: "xlsx" | "csv" } | null = null;
  // A plain page has no workbook settings: a remembered mapping lives in this page's memory only,
  // by file name and sheet, until the page is closed. Nothing is stored outside the page.
  const mappings = new Map<string, ColumnOverrides>();
  const mappingKey = (sheet: string): string => `${file?.name ?? ""}\u0001${sheet}`;

  async function parse(name: string, bytes: Uint8Array): Promise<ReadResult> {
    const format = formatOf(name);
    if (format === null) {
      return {
        ok: false,
        message: `“${name}”不是 .xlsx 或 .csv 文件。.xls 请先用 Excel 或 WPS“另存为 Excel 工作簿(*.xlsx)”。`,
      };
    }
    const read =
      format === "csv" ? readCsv(bytes, name.replace(/\.[^.]+$/, "")) : await readXlsx(bytes, { fileName: name });
    if (!read.ok) return { ok: false, message: read.problem.message };
    last = { workbook: read.value, source: name, bytes, format };
    return { ok: true, workbook: read.value, source: name, originalBytes: bytes, format };
  }

  /** The opened file as .xlsx bytes (a .csv is converted): the base of every downloaded copy. */
  async function originalXlsx(r: Extract<ReadResult, { ok: true }>): Promise<Uint8Array> {
    return r.format === "xlsx" && r.originalBytes ? r.originalBytes : gridToXlsx(r.workbook);
  }

  const host: FileHost = {
    mode: "standalone",
    // The page's context; no custom functions run here, but one provider keeps every host alike.
    context: functionsContext,
    provideCalendar: provideImportedYears,
    openFile(name, bytes) {
      file = { name, bytes };
      cached = null;
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
    async read() {
      if (!file) return { ok: false, message: "请先选择或拖入一个花名册文件（.xlsx 或 .csv）。" };
      cached ??= await parse(file.name, file.bytes);
      return cached;
    },
    async exportResults(report: Report) {
      if (!last) return "请先选择花名册并完成校验。";
      // The original file is never written: the annotated copy is a new download.
      const original = last.format === "xlsx" ? last.bytes : await gridToXlsx(last.workbook);
      let bytes: Uint8Array;
      try {
        bytes = await writeAnnotatedReport(original, report);
      } catch (e) {
        // A file from another writer that the writer library cannot load: say so, the check stands.
        if (e instanceof WorkbookLoadError) return `未生成带标注的副本：${e.problem.message}`;
        throw e;
      }
      const name = derivedName(last.source, ISSUES_SHEET_NAME);
      download(bytes, name);
      return `已下载“${name}”：问题单元格已标色并加批注，另有“校验结果”工作表。原文件未改动。`;
    },
    async saveMaskedCopy(workbook: WorkbookData, suggestedName: string) {
      const bytes = await gridToXlsx(workbook);
      download(bytes, suggestedName);
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
      const r = await host.read();
      if (!r.ok) return { ok: false, message: r.message, notes: [] };
      const built = buildForCommand(r.workbook, command, { ...options, sheet: undefined });
      if (!built.ok) return { ok: false, message: built.problem.message, notes: [] };
      const { spec, notes } = built.value;
      const fileName = derivedName(r.source, spec.name);
      if (command === "buildNotice") {
        // A notice is posted and passed around: a workbook of its own, without the roster's IDs.
        download(await specsToWorkbook([spec]), fileName);
        return {
          ok: true,
          message: `已下载“${fileName}”：只含工作表“${spec.name}”的新工作簿（不带花名册中的身份证号、银行卡号等）。原文件未改动。`,
          notes,
          sheet: fileName,
        };
      }
      let out: Awaited<ReturnType<typeof addSheetsToCopy>>;
      try {
        out = await addSheetsToCopy(await originalXlsx(r), [spec]);
      } catch (e) {
        if (e instanceof WorkbookLoadError) return { ok: false, message: e.problem.message, notes: [] };
        throw e;
      }
      download(out.bytes, fileName);
      return {
        ok: true,
        message: `已下载“${fileName}”：原工作簿加上新工作表“${out.names[0] ?? spec.name}”。原文件未改动。`,
        notes,
        sheet: fileName,
      };
    },
    async preSubmitCheck(options) {
      const r = await host.read();
      if (!r.ok) return { ok: false, message: r.message, notes: [] };
      const sealed = buildSeal(r.workbook, {
        pack: options.pack,
        today: options.today,
        now: isoNow(),
        tool: toolVersion(),
        kind: options.kind,
        program: options.program?.trim() || undefined,
        enrolled: options.enrolled,
        columnOverrides: options.columnOverrides,
      });
      if (!sealed.ok) {
        const report = sealed.problem.report;
        return { ok: false, message: sealed.problem.message, notes: [], ...(report ? { report } : {}) };
      }
      const { seal, built } = sealed.value;
      // Our own 校验凭证 sheet is replaced in the copy; the opened file is never written.
      let out: Awaited<ReturnType<typeof addSheetsToCopy>>;
      try {
        out = await addSheetsToCopy(await originalXlsx(r), [built.spec], { replace: true });
      } catch (e) {
        // A sheet of the user's under our seal's name: kept, and no sealed copy is offered.
        if (e instanceof SheetConflictError) return { ok: false, message: e.message, notes: [] };
        if (e instanceof WorkbookLoadError) return { ok: false, message: e.problem.message, notes: [] };
        throw e;
      }
      const fileName = derivedName(r.source, "含校验凭证");
      download(out.bytes, fileName);
      return {
        ok: true,
        message: `${sealSummary(seal)}。已下载带凭证的新文件“${fileName}”，原文件未改动。`,
        notes: built.notes,
        seal,
        sheet: fileName,
      };
    },
    async verifySeal() {
      const r = await host.read();
      if (!r.ok) return { status: "unsealed", message: r.message };
      const verdict = verifySeal(r.workbook);
      return {
        status: verdict.status,
        message: verdict.message,
        ...(verdict.detail ? { detail: verdict.detail } : {}),
      };
    },
    async applyFixes(fixes, workbook) {
      // A new file with the fixes: the grids are copied, the opened file is never written.
      const fixed: WorkbookData = { ...workbook, sheets: workbook.sheets.map((g) => applyFixesToGrid(g, fixes)) };
      const bytes = await gridToXlsx(fixed);
      const name = derivedName(last?.source ?? "花名册", "已修正");
      download(bytes, name);
      return `已下载修改后的新文件“${name}”（${fixes.length} 处修改）。原文件未改动。`;
    },
  };
  return host;
}
