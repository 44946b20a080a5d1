/**
 * The county summary workbook (县级汇总.xlsx): 学校汇总 (one row per school file, totals by program,
 * a 总计 row and the grand total in 大写), 跨校问题 (every cross-school issue with all its places)
 * and 无法读取 (files and reasons, and what was seen but not read: symbolic links and the like). A
 * new file in the output folder; school files are only read.
 */
import ExcelJS from "exceljs";
import { type CountyIssue, columnName, rmbUppercase } from "../../core";
import type { CheckedFile, UnreadableFile } from "./types";

export const SUMMARY_FILE = "县级汇总.xlsx";

const SEAL_ZH = { unchanged: "已封存，未改动", modified: "封存后被改动", unsealed: "未封存" } as const;
const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" } as const;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const ERROR_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
const WARN_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function header(ws: ExcelJS.Worksheet, titles: string[], widths: number[]): void {
  const row = ws.addRow(titles);
  row.font = { bold: true };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = THIN;
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

/** Issues per file counted from the county issues' places. */
function countyCounts(issues: readonly CountyIssue[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of issues) for (const f of new Set(i.places.map((p) => p.file))) m.set(f, (m.get(f) ?? 0) + 1);
  return m;
}

export async function writeSummaryWorkbook(
  checked: readonly CheckedFile[],
  unreadable: readonly UnreadableFile[],
  issues: readonly CountyIssue[],
  meta: { pack: { id: string; version: string }; today: string; ignored?: readonly { file: string; reason: string }[] },
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "资助助手 zizhu batch";
  const programs = [...new Set(checked.flatMap((f) => f.totals.map((t) => t.program)))].sort((a, b) =>
    a.localeCompare(b, "zh-CN"),
  );
  const perFile = countyCounts(issues);

  // 学校汇总
  const ws = wb.addWorksheet("学校汇总");
  const fixed = ["文件", "学校", "工作表", "行数", "错误", "警告", "跨校问题", "凭证状态"];
  header(
    ws,
    [...fixed, ...programs.map((p) => `${p}（元）`), "合计（元）"],
    [28, 24, 14, 8, 8, 8, 10, 16, ...programs.map(() => 16), 16],
  );
  const firstData = 2;
  let grandFen = 0;
  for (const f of checked) {
    const amounts = programs.map((p) => f.totals.find((t) => t.program === p)?.amount ?? 0);
    const fen = amounts.reduce((a, b) => a + Math.round(b * 100), 0);
    grandFen += fen;
    const row = ws.addRow([
      f.file,
      f.school,
      f.sheet,
      f.report.stats.rows,
      f.report.stats.errors,
      f.report.stats.warnings,
      perFile.get(f.file) ?? 0,
      SEAL_ZH[f.seal.status],
      ...amounts,
      fen / 100,
    ]);
    if (f.report.stats.errors > 0 || (perFile.get(f.file) ?? 0) > 0) row.getCell(1).fill = ERROR_FILL;
    if (f.seal.status !== "unchanged") row.getCell(8).fill = WARN_FILL;
  }
  const lastData = firstData + checked.length - 1;
  const sumCols = [4, 5, 6, 7, ...programs.map((_, i) => fixed.length + 1 + i), fixed.length + programs.length + 1];
  const totalValues: (string | number | ExcelJS.CellFormulaValue | null)[] = Array.from(
    { length: fixed.length + programs.length + 1 },
    () => null,
  );
  totalValues[0] = "总计";
  for (const c of sumCols) {
    let result = 0;
    for (let r = firstData; r <= lastData; r++) result += Number(ws.getRow(r).getCell(c).value ?? 0);
    const letter = columnName(c - 1);
    totalValues[c - 1] =
      checked.length > 0
        ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result: Math.round(result * 100) / 100 }
        : 0;
  }
  const total = ws.addRow(totalValues);
  total.font = { bold: true };
  const upper = rmbUppercase(grandFen / 100);
  const words = ws.addRow([`合计金额（大写）：${upper.ok ? upper.value : ""}（¥${(grandFen / 100).toFixed(2)}）`]);
  ws.mergeCells(words.number, 1, words.number, fixed.length + programs.length + 1);
  words.font = { bold: true };
  const ignored = meta.ignored ?? [];
  const notRead = ignored.length > 0 ? `，未读取的链接等 ${ignored.length} 项` : "";
  ws.addRow([
    `政策包 ${meta.pack.id} ${meta.pack.version}；校验日期 ${meta.today}；无法读取的文件 ${unreadable.length} 个${notRead}（见“无法读取”表）`,
  ]);
  for (let r = 1; r <= total.number; r++)
    ws.getRow(r).eachCell({ includeEmpty: true }, (c, col) => {
      if (col <= fixed.length + programs.length + 1) c.border = THIN;
    });
  for (let i = 0; i <= programs.length; i++) ws.getColumn(fixed.length + 1 + i).numFmt = "#,##0.00";

  // 跨校问题
  const cross = wb.addWorksheet("跨校问题");
  header(
    cross,
    [
      "序号",
      "级别",
      "问题",
      "位置（文件 › 工作表!单元格）",
      "涉及学校",
      "身份证号（已脱敏）",
      "如何修改",
      "依据",
      "规则",
    ],
    [6, 8, 60, 50, 28, 22, 50, 36, 22],
  );
  issues.forEach((i, n) => {
    const row = cross.addRow([
      n + 1,
      SEVERITY_ZH[i.severity],
      i.message,
      i.places.map((p) => `${p.file} › ${p.sheet}${p.cell ? `!${p.cell}` : ""}`).join("\n"),
      [...new Set(i.places.map((p) => p.school))].join("\n"),
      i.value,
      i.hint,
      i.source,
      i.rule,
    ]);
    row.alignment = { vertical: "top", wrapText: true };
    row.getCell(2).fill = i.severity === "error" ? ERROR_FILL : WARN_FILL;
  });
  if (issues.length === 0) cross.addRow(["", "", "没有发现跨校问题"]);

  // 无法读取
  const bad = wb.addWorksheet("无法读取");
  header(bad, ["文件", "原因"], [36, 100]);
  for (const u of unreadable) bad.addRow([u.file, u.reason]).alignment = { vertical: "top", wrapText: true };
  for (const i of ignored) bad.addRow([i.file, `未读取：${i.reason}`]).alignment = { vertical: "top", wrapText: true };
  if (unreadable.length === 0 && ignored.length === 0) bad.addRow(["", "所有文件都已读取"]);

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
