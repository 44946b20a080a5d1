/**
 * Writes a Report's issues into a NEW worksheet (校验结果, or 校验结果 (2)… when taken): a header,
 * one row per issue with a link to the cell, frozen header. Existing sheets are never written to.
 *
 * Text columns are formatted "@" before their values are written: Excel parses a value that starts
 * with "=" (or "+", "-") as a formula, and a roster value or message must never become one — this
 * also keeps masked ID numbers as text. Only the 单元格 column is written as formulas (HYPERLINK).
 *
 * Syncs: 1 to find a free name, then 1 per WRITE_ROWS issues (the sheet creation, header, widths
 * and activation ride with the first batch; a report without issues still gets its header: 1 sync).
 */
import type { Issue, Report, Severity } from "../../core/report/types";
import { type Result, fail, ok } from "../../core/result";
import { formulaString, quoteSheet } from "./address";
import { hostFailure, isHostError } from "./errors";

export const ISSUES_SHEET = "校验结果";
export const ISSUES_HEADER = ["序号", "严重程度", "规则", "工作表", "单元格", "问题", "处理建议", "值(已脱敏)"];
const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
/**
 * Issue rows per request: a row is ~300–600 bytes of JSON (Chinese message and hint, formats), so
 * 2,000 rows stay near 1 MB, well under Excel on the web's ~5 MB request cap.
 */
const WRITE_ROWS = 2000;
/** Candidate names probed in one sync: 校验结果, 校验结果 (2) … 校验结果 (50). */
const NAME_CANDIDATES = 50;
/** Column widths in points (序号 … 值). */
const WIDTHS = [40, 56, 130, 90, 64, 320, 320, 150];

/** 校验结果, 校验结果 (2), 校验结果 (3)… — Excel's own style for a copied sheet's name. */
export function candidateName(index: number): string {
  return index === 0 ? ISSUES_SHEET : `${ISSUES_SHEET} (${index + 1})`;
}

/** The 单元格 column: a link to the cell (or to the row's column A, or the sheet), as a formula. */
export function cellLink(issue: Issue): string {
  if (issue.sheet === "") return "";
  const target = issue.cell !== "" ? issue.cell : issue.row > 0 ? `A${issue.row}` : "A1";
  const label = issue.cell !== "" ? issue.cell : issue.row > 0 ? `第${issue.row}行` : issue.sheet;
  return `=HYPERLINK(${formulaString(`#${quoteSheet(issue.sheet)}!${target}`)},${formulaString(label)})`;
}

function textRow(issue: Issue, index: number): { left: (string | number)[]; right: string[] } {
  return {
    left: [index + 1, SEVERITY_ZH[issue.severity], issue.rule, issue.sheet],
    right: [issue.message, issue.hint, issue.value],
  };
}

export async function writeIssuesSheet(report: Report): Promise<Result<{ sheet: string }, { message: string }>> {
  let chosen = "";
  try {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const probes = Array.from({ length: NAME_CANDIDATES }, (_, i) => {
        const sheet = sheets.getItemOrNullObject(candidateName(i));
        sheet.load("name");
        return { name: candidateName(i), sheet };
      });
      await context.sync();
      chosen = probes.find((p) => p.sheet.isNullObject)?.name ?? "";
      if (chosen === "") return;

      const sheet = sheets.add(chosen);
      const header = sheet.getRangeByIndexes(0, 0, 1, ISSUES_HEADER.length);
      header.values = [ISSUES_HEADER];
      header.format.font.bold = true;
      sheet.freezePanes.freezeRows(1);
      WIDTHS.forEach((width, c) => {
        sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width;
      });

      // Queued now, sent with the first batch of rows.
      sheet.activate();
      const issues = report.issues;
      for (let start = 0; start < issues.length; start += WRITE_ROWS) {
        const part = issues.slice(start, start + WRITE_ROWS);
        const rows = part.map((issue, i) => textRow(issue, start + i));
        const left = sheet.getRangeByIndexes(1 + start, 0, part.length, 4);
        left.numberFormat = part.map(() => ["0", "@", "@", "@"]);
        left.values = rows.map((r) => r.left);
        const link = sheet.getRangeByIndexes(1 + start, 4, part.length, 1);
        link.formulas = part.map((issue) => [cellLink(issue)]);
        const right = sheet.getRangeByIndexes(1 + start, 5, part.length, 3);
        right.numberFormat = part.map(() => ["@", "@", "@"]);
        right.values = rows.map((r) => r.right);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per 2,000 issue rows, under the host's payload cap
        await context.sync();
      }
      if (issues.length === 0) await context.sync();
    });
  } catch (error) {
    if (!isHostError(error)) throw error;
    const where = chosen !== "" ? `（新工作表“${chosen}”可能只写入了一部分，可删除后重试）` : "";
    return fail({ message: hostFailure(`写入校验结果工作表${where}`, error) });
  }
  if (chosen === "") {
    return fail({
      message: `工作簿里已有“${ISSUES_SHEET}”到“${candidateName(NAME_CANDIDATES - 1)}”，无法再新建结果工作表。请删除或重命名旧的结果工作表后重试。`,
    });
  }
  return ok({ sheet: chosen });
}
