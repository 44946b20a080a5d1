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
import {
  type Issue,
  type Report,
  type Severity,
  fail,
  hostFailed,
  type HostProblem,
  ok,
  type Result,
  ISSUES_SHEET_NAME,
} from "../../core";
import { formulaString, quoteSheet } from "./address";
import { hostFailure, isHostError } from "./errors";

/** The issue list's sheet (its name is the check command's, in the core). */
export const ISSUES_SHEET = ISSUES_SHEET_NAME;
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

/** Excel's limit on a sheet name's length, and the characters a sheet name may not hold. */
const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * `base`, `base (2)`, `base (3)`… — Excel's own style for a copied sheet's name — made legal: the
 * characters []:*?/\ are replaced and `base` is shortened so the whole name fits in 31 characters.
 */
export function sheetCandidate(base: string, index: number): string {
  const suffix = index === 0 ? "" : ` (${index + 1})`;
  const clean = Array.from(base.replace(FORBIDDEN, "_"))
    .slice(0, MAX_SHEET_NAME - suffix.length)
    .join("");
  return `${clean}${suffix}`;
}

/** 校验结果, 校验结果 (2), 校验结果 (3)… */
export function candidateName(index: number): string {
  return sheetCandidate(ISSUES_SHEET, index);
}

/**
 * A free sheet name for each base (null when all NAME_CANDIDATES candidates are taken), probing all
 * candidates in one sync; the names chosen are distinct from each other too (case-insensitively,
 * as Excel compares sheet names).
 */
export async function freeSheetNames(
  context: Excel.RequestContext,
  bases: readonly string[],
): Promise<(string | null)[]> {
  const probes = bases.map((base) =>
    Array.from({ length: NAME_CANDIDATES }, (_, i) => {
      const name = sheetCandidate(base, i);
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("name");
      return { name, sheet };
    }),
  );
  await context.sync();
  const taken = new Set<string>();
  return probes.map((candidates) => {
    const free = candidates.find((p) => p.sheet.isNullObject && !taken.has(p.name.toLowerCase()));
    if (!free) return null;
    taken.add(free.name.toLowerCase());
    return free.name;
  });
}

/**
 * Calls `write(start, count)` for each slice of `total` rows (at most `rowsPer` each) and sends each
 * slice in its own sync, so no request goes over the host's payload cap; at least one sync, so what
 * the caller queued before is sent even when there are no rows.
 */
export async function writeInChunks(
  context: Excel.RequestContext,
  total: number,
  rowsPer: number,
  write: (start: number, count: number) => void,
): Promise<void> {
  const step = Math.max(1, Math.floor(rowsPer));
  for (let start = 0; start < total; start += step) {
    write(start, Math.min(step, total - start));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per slice, under the host's payload cap
    await context.sync();
  }
  if (total === 0) await context.sync();
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

export async function writeIssuesSheet(report: Report): Promise<Result<{ sheet: string }, HostProblem>> {
  let chosen = "";
  try {
    await Excel.run(async (context) => {
      chosen = (await freeSheetNames(context, [ISSUES_SHEET]))[0] ?? "";
      if (chosen === "") return;

      const sheet = context.workbook.worksheets.add(chosen);
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
      await writeInChunks(context, issues.length, WRITE_ROWS, (start, count) => {
        const part = issues.slice(start, start + count);
        const rows = part.map((issue, i) => textRow(issue, start + i));
        const left = sheet.getRangeByIndexes(1 + start, 0, part.length, 4);
        left.numberFormat = part.map(() => ["0", "@", "@", "@"]);
        left.values = rows.map((r) => r.left);
        const link = sheet.getRangeByIndexes(1 + start, 4, part.length, 1);
        link.formulas = part.map((issue) => [cellLink(issue)]);
        const right = sheet.getRangeByIndexes(1 + start, 5, part.length, 3);
        right.numberFormat = part.map(() => ["@", "@", "@"]);
        right.values = rows.map((r) => r.right);
      });
    });
  } catch (error) {
    if (!isHostError(error)) throw error;
    const where = chosen !== "" ? `（新工作表“${chosen}”可能只写入了一部分，可删除后重试）` : "";
    return fail(hostFailed(hostFailure(`写入校验结果工作表${where}`, error)));
  }
  if (chosen === "") {
    return fail(
      hostFailed(
        `工作簿里已有“${ISSUES_SHEET}”到“${candidateName(NAME_CANDIDATES - 1)}”，无法再新建结果工作表。请删除或重命名旧的结果工作表后重试。`,
      ),
    );
  }
  return ok({ sheet: chosen });
}
