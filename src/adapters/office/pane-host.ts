/**
 * The pane's host inside Excel, on the Office.js adapter: reads the active sheet in chunks,
 * selects an issue's cell, marks flagged cells with conditional formats the pane owns, writes a
 * new 校验结果 sheet, saves a masked copy as a new sheet, and watches edits for the live check.
 * Imported holiday notices are kept in the workbook's settings (calendar.ts).
 */
import { readRosterFromExcel } from "./read";
import { readWorkbookFromExcel } from "./workbook";
import { writeMaskedCopy } from "./masked-copy";
import { selectCell } from "./navigate";
import { clearHighlights, highlightIssues } from "./highlight";
import { writeIssuesSheet } from "./export";
import { startLiveCheck } from "./live";
import { applyFixes } from "./fixes";
import { loadColumnOverrides, saveColumnOverrides } from "./settings";
import { loadWorkbookCalendar, recalculateWorkbook, saveWorkbookCalendar } from "./calendar";
// The sheet builders load with the first 报表 command, not with the pane.
const loadSheets = () => import("./sheets");
import { isFieldKey, type ColumnOverrides } from "../../core";
import type { PaneHost, ReadResult } from "../pane-host";
import { functionsContext, provideImportedYears } from "../../../functions/context";

export function createOfficeHost(): PaneHost {
  let scope: "active-sheet" | "selection" = "active-sheet";
  return {
    mode: "office",
    // The shared runtime's one provider: what the pane provides, ZIZHU.* compute with.
    context: functionsContext,
    provideCalendar: provideImportedYears,
    async show() {
      await Office.addin.showAsTaskpane();
    },
    async read(options = {}): Promise<ReadResult> {
      const r = await readRosterFromExcel({ scope, companions: options.companions === true });
      if (!r.ok) return { ok: false, message: r.problem.message };
      const { workbook, sheet, syncs } = r.value;
      const more = workbook.sheets.length > 1 ? `及同一工作簿的另外 ${workbook.sheets.length - 1} 个工作表，` : "";
      return {
        ok: true,
        workbook,
        source: `${sheet}（${more}${syncs} 次同步读取）`,
        ...(workbook.sheets.length > 1 ? { activeSheet: sheet } : {}),
        ...(r.value.skipped && r.value.skipped.length > 0
          ? {
              note: `工作表${r.value.skipped.map((n) => `“${n}”`).join("")}太大，未与当前工作表一起读取，其中的帮扶台账或花名册未参与核对；可用独立页面或命令行校验整个工作簿。`,
            }
          : {}),
      };
    },
    async readAll(): Promise<ReadResult> {
      const r = await readWorkbookFromExcel();
      if (!r.ok) return { ok: false, message: r.problem.message };
      const { workbook, syncs, notes } = r.value;
      return {
        ok: true,
        workbook,
        source: `整个工作簿（${workbook.sheets.length} 个工作表，${syncs} 次同步读取）`,
        ...(notes.length > 0 ? { note: notes.join("") } : {}),
      };
    },
    setScope(next) {
      scope = next;
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
    async saveMaskedCopy(workbook) {
      const r = await writeMaskedCopy(workbook);
      return r.ok ? `已新建脱敏副本工作表“${r.value.sheets.join("”“")}”，原工作表未改动` : r.problem.message;
    },
    async applyFixes(fixes) {
      const r = await applyFixes(fixes);
      if (!r.ok) return r.problem.message;
      const { cells, columns, skipped } = r.value;
      const parts = [`已修改 ${cells} 个单元格`];
      if (columns > 0) parts.push(`${columns} 列设为文本格式`);
      const skippedText = skipped > 0 ? `；${skipped} 个单元格在校验后已被改动，未修改` : "";
      return `${parts.join("，")}（可用 Excel 的撤销恢复）${skippedText}。建议重新校验。`;
    },
    watchEdits(onEdit) {
      // Edits on our own sheets (校验结果, the built 报表, 校验凭证) are not the roster's: the trigger skips them.
      return startLiveCheck(onEdit);
    },
    async buildSheet(command, options) {
      return (await loadSheets()).runSheetCommand(command, options);
    },
    async preSubmitCheck(options) {
      return (await loadSheets()).runPreSubmitCheck(options);
    },
    async verifySeal() {
      return (await loadSheets()).verifyWorkbookSeal();
    },
    // The mapping is kept in the workbook's settings, so it travels with the file.
    loadColumnOverrides(sheet) {
      const out: ColumnOverrides = {};
      for (const [col, field] of Object.entries(loadColumnOverrides()[sheet] ?? {})) {
        if (field === null || isFieldKey(field)) out[Number(col)] = field;
      }
      return Promise.resolve(out);
    },
    async saveColumnOverrides(sheet, overrides) {
      const r = await saveColumnOverrides(sheet, overrides);
      if (!r.ok) return r.problem.message;
      return Object.keys(overrides).length > 0
        ? `已在工作簿中记住工作表“${sheet}”的列对应关系（保存工作簿后随文件保留）`
        : `已清除工作表“${sheet}”记住的列对应关系`;
    },
    // The imported notices travel with the workbook: every colleague who opens it gets the same days.
    loadCalendar() {
      return Promise.resolve(loadWorkbookCalendar());
    },
    async saveCalendar(serialized) {
      const r = await saveWorkbookCalendar(serialized);
      return r.ok ? { ok: true } : { ok: false, message: r.problem.message };
    },
    async recalculate() {
      const r = await recalculateWorkbook();
      return r.ok ? { ok: true } : { ok: false, message: r.problem.message };
    },
  };
}
