/**
 * The pane's host inside Excel, on the Office.js adapter: reads the active sheet in chunks,
 * selects an issue's cell, marks flagged cells with conditional formats the pane owns, writes a
 * new 校验结果 sheet, saves a masked copy as a new sheet, and watches edits for the live check.
 */
import { readRosterFromExcel } from "../../src/adapters/office/read";
import { selectCell } from "../../src/adapters/office/navigate";
import { clearHighlights, highlightIssues } from "../../src/adapters/office/highlight";
import { writeIssuesSheet } from "../../src/adapters/office/export";
import { startLiveCheck } from "../../src/adapters/office/live";
import type { PaneHost, ReadResult } from "../host";

export function createOfficeHost(): PaneHost {
  return {
    mode: "office",
    async read(): Promise<ReadResult> {
      const r = await readRosterFromExcel({ scope: "active-sheet" });
      if (!r.ok) return { ok: false, message: r.problem.message };
      return { ok: true, workbook: r.value.workbook, source: `${r.value.sheet}（${r.value.syncs} 次同步读取）` };
    },
    async reveal(issue) {
      if (!issue.cell && issue.row <= 0) return;
      await selectCell(issue.sheet, issue.cell || `A${issue.row}`);
    },
    async highlight(issues) {
      const r = await highlightIssues(issues);
      return r.ok ? `已标出 ${r.value.cells} 个单元格（可一键清除，不改动您的格式）` : r.problem.message;
    },
    async clearHighlight() {
      const r = await clearHighlights();
      return r.ok ? `已清除 ${r.value.removed} 处标记` : r.problem.message;
    },
    async exportResults(report) {
      const r = await writeIssuesSheet(report);
      return r.ok ? `已写入新工作表“${r.value.sheet}”` : r.problem.message;
    },
    watchEdits(onEdit) {
      // Our own 校验结果 sheets are written by the pane: edits there are not the roster's.
      return startLiveCheck((sheet, rows) => {
        if (!sheet.startsWith("校验结果")) onEdit(sheet, rows);
      });
    },
  };
}
