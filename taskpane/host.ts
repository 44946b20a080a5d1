/**
 * What the pane needs from the place it runs in. The Office host (active sheet, selection,
 * highlights, a new 校验结果 sheet) and the standalone host (a file the user opened, downloads)
 * both implement it; the pane never touches Office.js, files or the network itself.
 *
 * Expected failures are values (`{ ok: false, message }`, a Chinese status line); a method that
 * throws is a bug, and the pane shows it in an error MessageBar rather than crashing.
 */
import type { WorkbookData } from "../src/core/grid/types";
import type { Issue, Report } from "../src/core/report/types";

export type ReadResult =
  | { ok: true; workbook: WorkbookData; source: string; originalBytes?: Uint8Array; format?: "xlsx" | "csv" }
  | { ok: false; message: string };

export interface PaneHost {
  mode: "office" | "standalone";
  /** Reads the roster to check: in Office the active sheet; standalone the opened file. */
  read(): Promise<ReadResult>;
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
   * The live check (Office only): calls `onEdit` with the sheet and its changed rows (1-based;
   * [] = the whole sheet) as the user edits, debounced. Resolves to a function that stops it.
   */
  watchEdits?(onEdit: (sheet: string, rows: number[]) => void): Promise<() => Promise<void>>;
}

/** The standalone host can also be handed a file (picker, drop) or load the bundled sample. */
export interface FileHost extends PaneHost {
  mode: "standalone";
  openFile(name: string, bytes: Uint8Array): void;
  loadSample(): Promise<ReadResult>;
}

export function isFileHost(host: PaneHost): host is FileHost {
  return host.mode === "standalone" && typeof (host as Partial<FileHost>).openFile === "function";
}
