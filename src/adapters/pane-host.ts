/**
 * What the pane needs from the place it runs in. The Office host (active sheet, selection,
 * highlights, a new 校验结果 sheet) and the standalone host (a file the user opened, downloads)
 * both implement it; the pane never touches Office.js, files or the network itself.
 *
 * Expected failures are values (`{ ok: false, message }`, a Chinese status line); a method that
 * throws is a bug, and the pane shows it in an error MessageBar rather than crashing.
 */
import type {
  CalendarConflict,
  ImportedYear,
  EngineContext,
  Fix,
  WorkbookData,
  Issue,
  Report,
  ColumnOverrides,
  SheetCommand,
  SheetCommandOptions,
} from "../core";
import type { PreSubmitOutcome, SealCheckOutcome, SheetOutcome } from "./office/sheets";
import type { BookRef, Engine, EngineProgress } from "./engine";

export type { PreSubmitOutcome, SealCheckOutcome, SheetCommand, SheetCommandOptions, SheetOutcome };

/** The builders' options as the pane passes them; `sheet` names the roster for "run again" (Office). */
export type SheetRunOptions = SheetCommandOptions & { sheet?: string };

export type ReadResult =
  | {
      ok: true;
      workbook: WorkbookData;
      source: string;
      originalBytes?: Uint8Array;
      format?: "xlsx" | "csv";
      /** A Chinese note about what was left out (e.g. a sheet too large to read); shown as a warning. */
      note?: string;
      /** Office: the sheet the user is on, when the workbook read holds others beside it (checked first). */
      activeSheet?: string;
      /**
       * The engine holds the whole workbook (the standalone page read the file in the engine worker):
       * `workbook` is then only its preview, the first PREVIEW_ROWS rows of each sheet — enough for the
       * header mapping; whatever needs every row asks the engine with this ref.
       */
      held?: BookRef;
    }
  | { ok: false; message: string };

export interface PaneHost {
  mode: "office" | "standalone";
  /**
   * Where the pane's heavy work runs (src/adapters/engine: a Web Worker where one can start). The
   * pane uses the host's engine, so a workbook the host read into it is found there; without one
   * the pane makes its own.
   */
  engine?: Engine;
  /**
   * The day, the policy pack and the holiday calendar the pane computes with (src/core/context.ts;
   * the pane reads `today()`, `calendar` and, until a pack is loaded on 校验, `pack`). Office and
   * standalone answer with the custom functions' provider (functions/context.ts), a live view: the
   * pane, the ribbon and ZIZHU.* count with the same day and calendar.
   */
  context(): EngineContext;
  /**
   * Makes these imported holiday years (with the shipped data; none: the shipped data alone) the
   * calendar of `context()` — and, in Excel, of ZIZHU.NOTICE_END…. Returns the conflicting years
   * (the shipped data is used for them). Keeping them is `saveCalendar`'s job.
   */
  provideCalendar(years: readonly ImportedYear[]): readonly CalendarConflict[];
  /** Office: shows the task pane (it may be loaded but hidden when the workbook opened). */
  show?(): Promise<void>;
  /** Reads the roster to check: in Office the active sheet; standalone the opened file. */
  /**
   * `companions`: Office reads the active sheet's fellow sheets too (a 帮扶 ledger's records and
   * roster), for the check; the file hosts read every sheet anyway.
   */
  read(options?: { companions?: boolean; onProgress?: (progress: EngineProgress) => void }): Promise<ReadResult>;
  /**
   * Reads the WHOLE workbook (every sheet, hidden ones included, and the document properties) for
   * the privacy inventory. Optional: without it the privacy tab scans what `read()` returns.
   */
  readAll?(): Promise<ReadResult>;
  /** Office: what `read()` reads — the whole active sheet (the default) or the selected range. */
  setScope?(scope: "active-sheet" | "selection"): void;
  /** Jump to an issue's cell (Office: select it; standalone: no-op or scroll). */
  reveal?(issue: Issue): Promise<void>;
  /** Marks the issues' cells; returns a Chinese status line. */
  highlight?(issues: readonly Issue[]): Promise<string>;
  /** Removes the marks; returns a Chinese status line. */
  clearHighlight?(): Promise<string>;
  /**
   * Office: a new 校验结果 sheet; standalone: downloads the annotated workbook (a new file; the
   * original is untouched). Returns a Chinese status line.
   */
  exportResults(report: Report): Promise<string>;
  /**
   * Saves a masked copy the pane built (ID, phone, card and name columns masked) as a NEW file or
   * sheet; never overwrites the original. Returns a Chinese status line. Optional: without it the
   * privacy tab only lists what it found.
   */
  saveMaskedCopy?(workbook: WorkbookData, suggestedName: string): Promise<string>;
  /**
   * Applies the safe fixes the user confirmed. Office: in place (undoable with Excel's Undo);
   * standalone: a NEW downloaded workbook with the fixes, the original file untouched (made in the
   * engine from the file it holds). `workbook` is what the host read for the check (on the
   * standalone page only its preview). Returns a Chinese status line. Optional: without it the pane
   * only lists what could be fixed.
   */
  applyFixes?(fixes: readonly Fix[], workbook: WorkbookData): Promise<string>;
  /**
   * The live check (Office only): calls `onEdit` with the sheet and its changed rows (1-based;
   * [] = the whole sheet) as the user edits, debounced. Resolves to a function that stops it.
   */
  watchEdits?(onEdit: (sheet: string, rows: number[]) => void): Promise<() => Promise<void>>;
  /** The header mapping corrections remembered for a sheet ({} when none). */
  loadColumnOverrides?(sheet: string): Promise<ColumnOverrides>;
  /** Remembers a sheet's header mapping corrections ({} forgets them); returns a Chinese status line. */
  saveColumnOverrides?(sheet: string, overrides: ColumnOverrides): Promise<string>;
  /**
   * 格式化花名册 / 生成汇总表 / 生成公示表 / 生成申请表. Office: a NEW sheet next to the active roster;
   * standalone: a downloaded NEW workbook (the original plus the sheet; the 公示表 alone, without the
   * roster's IDs). The roster is never written. Optional: without it the 报表 tab says so.
   */
  buildSheet?(command: SheetCommand, options: SheetRunOptions): Promise<SheetOutcome>;
  /**
   * 报送前检查: the check; with errors `{ ok: false, report }` (the pane shows it on the 校验 tab),
   * else the very hidden 校验凭证 sheet (Office) or a downloaded sealed copy (standalone).
   */
  preSubmitCheck?(options: SheetRunOptions): Promise<PreSubmitOutcome>;
  /** 核验凭证: whether the roster still holds what the 校验凭证 recorded. */
  verifySeal?(): Promise<SealCheckOutcome>;
  /**
   * The holiday notices imported on the 工具 tab, as serializeCalendar wrote them (null: none).
   * Office: the workbook's settings (they travel with the file); standalone: this page's
   * localStorage. The pane checks the text (deserializeCalendar); the host only keeps it.
   */
  loadCalendar?(): Promise<string | null>;
  /** Keeps the serialized years (null: removes them). A failed save is a value with a Chinese message. */
  saveCalendar?(serialized: string | null): Promise<CalendarOutcome>;
  /** Office: recalculates the workbook, so cells with ZIZHU.NOTICE_END… count with the new calendar. */
  recalculate?(): Promise<CalendarOutcome>;
}

export type CalendarOutcome = { ok: true } | { ok: false; message: string };

/** The standalone host can also be handed a file (picker, drop) or load the bundled sample. */
export interface FileHost extends PaneHost {
  mode: "standalone";
  openFile(name: string, bytes: Uint8Array): void;
  loadSample(): Promise<ReadResult>;
  /** The masked copy of the opened file, made and written in the engine; downloaded as a NEW file. */
  saveMaskedFile?(suggestedName: string): Promise<string>;
}

export function isFileHost(host: PaneHost): host is FileHost {
  return host.mode === "standalone" && typeof (host as Partial<FileHost>).openFile === "function";
}
