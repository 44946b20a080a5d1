/**
 * Writes findings back into a copy of the user's workbook: the offending cells filled and noted,
 * and a new sheet "校验结果" listing every issue with a link to its cell. Never destroys: the
 * original bytes are only read, and a new file's bytes are returned. Browser-safe (no node:*).
 *
 * Also gridToXlsx, which turns WorkbookData (e.g. read from a CSV) into a new .xlsx so that a
 * CSV original can be annotated the same way.
 */
import ExcelJS from "exceljs";
import { type WorkbookData, cellKey, type Issue, type Report, type Severity, ISSUES_SHEET_NAME } from "../../core";
import { parseCellRef } from "./cells";
import { loadWorkbook } from "./read";
import { WorkbookLoadError } from "./load-error";
import { safeSheetName } from "../sheet-name";

export interface WriteReportOptions {
  /** Default: the 校验结果 sheet comes first and is the active tab; "issues-last" appends it and keeps the selection. */
  sheetOrder?: "issues-last";
}

const FILL_ARGB: Readonly<Record<Severity, string>> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export { ISSUES_SHEET_NAME };

const HEADERS = ["序号", "严重程度", "规则", "工作表", "单元格", "问题", "处理建议", "值(已脱敏)"] as const;
const WIDTHS = [7, 10, 22, 16, 10, 50, 50, 26] as const;

function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

export { safeSheetName } from "../sheet-name";

export function uniqueSheetName(workbook: ExcelJS.Workbook, base: string): string {
  // Excel compares sheet names case-insensitively.
  const taken = new Set(workbook.worksheets.map((ws) => ws.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** `'Sheet Name'!C5` as Excel writes a reference: the name quoted, apostrophes doubled. */
export function sheetReference(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** =HYPERLINK("#'Sheet'!C5","C5"): double quotes inside a formula string are doubled. */
function hyperlinkFormula(sheet: string, address: string, text: string): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `HYPERLINK(${quote(`#${sheetReference(sheet, address)}`)},${quote(text)})`;
}

function noteLine(issue: Issue): string {
  const hint = issue.hint.trim();
  return `[${issue.rule}] ${issue.message}${hint ? ` — ${hint}` : ""}`;
}

function appendNote(cell: ExcelJS.Cell, lines: readonly string[]): void {
  const text = lines.join("\n");
  const existing = cell.note;
  if (existing === undefined || existing === null || existing === "") {
    cell.note = text;
  } else if (typeof existing === "string") {
    cell.note = `${existing}\n${text}`;
  } else {
    // A formatted note: keep its runs (and margins, protection) and add ours after them.
    cell.note = { ...existing, texts: [...(existing.texts ?? []), { text: `\n${text}` }] };
  }
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.getWorksheet(name) ?? workbook.getWorksheet(safeSheetName(name));
}

/** Fills and notes the cells the issues point at; the worst severity of a cell decides its colour. */
function annotateCells(workbook: ExcelJS.Workbook, issues: readonly Issue[]): void {
  const byCell = new Map<
    string,
    { worksheet: ExcelJS.Worksheet; row: number; col: number; severity: Severity; lines: string[] }
  >();
  for (const issue of issues) {
    if (issue.cell === "") continue;
    const worksheet = findSheet(workbook, issue.sheet);
    const ref = parseCellRef(issue.cell);
    if (!worksheet || !ref) continue;
    let cell = worksheet.getCell(ref.row + 1, ref.col + 1);
    // A covered cell of a merge is invisible: mark the merge's top-left cell instead.
    if (cell.isMerged && cell.master !== cell) cell = cell.master;
    const key = `${worksheet.id}|${cellKey(Number(cell.row) - 1, Number(cell.col) - 1)}`;
    const entry = byCell.get(key);
    if (entry) {
      entry.lines.push(noteLine(issue));
      if (SEVERITY_RANK[issue.severity] > SEVERITY_RANK[entry.severity]) entry.severity = issue.severity;
    } else {
      byCell.set(key, {
        worksheet,
        row: Number(cell.row),
        col: Number(cell.col),
        severity: issue.severity,
        lines: [noteLine(issue)],
      });
    }
  }
  for (const { worksheet, row, col, severity, lines } of byCell.values()) {
    const cell = worksheet.getCell(row, col);
    // Host quirk: after load, ExcelJS shares one style object among all cells of the same style
    // id, so `cell.fill = …` would recolour every such cell. Give this cell its own style object.
    cell.style = { ...cell.style, fill: solidFill(FILL_ARGB[severity]) };
    appendNote(cell, lines);
  }
}

/** Header row frozen. `tabSelected` is read and written by exceljs 4.4 (sheet-view-xform) but missing from its .d.ts. */
function frozenHeaderView(selected: boolean): Partial<ExcelJS.WorksheetView> {
  const view = { state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2", tabSelected: selected };
  return view as Partial<ExcelJS.WorksheetView>;
}

function addIssuesSheet(workbook: ExcelJS.Workbook, report: Report, first: boolean): void {
  const name = uniqueSheetName(workbook, ISSUES_SHEET_NAME);
  const ws = workbook.addWorksheet(name, {
    views: [frozenHeaderView(first)],
  });
  ws.columns = WIDTHS.map((width, i) => ({ width, key: String(i) }));
  // Masked values (ID and card numbers with stars, or digits) stay text when edited.
  ws.getColumn(8).numFmt = "@";
  const header = ws.getRow(1);
  HEADERS.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = solidFill("FFD9D9D9");
    cell.alignment = { vertical: "middle", horizontal: "center" };
  });

  report.issues.forEach((issue, index) => {
    const row = ws.getRow(index + 2);
    row.getCell(1).value = index + 1;
    const severity = row.getCell(2);
    severity.value = SEVERITY_LABEL[issue.severity];
    severity.fill = solidFill(FILL_ARGB[issue.severity]);
    row.getCell(3).value = issue.rule;
    row.getCell(4).value = issue.sheet;
    const target = findSheet(workbook, issue.sheet);
    const where = row.getCell(5);
    const address = issue.cell !== "" ? issue.cell : issue.row > 0 ? `A${issue.row}` : "";
    const text = issue.cell !== "" ? issue.cell : issue.row > 0 ? `第 ${issue.row} 行` : "";
    if (target && address !== "") {
      // A HYPERLINK formula rather than ExcelJS's hyperlink value: exceljs 4.4 writes internal
      // links as an external relationship plus a `location`, which Excel joins into a broken
      // "#'S'!C5#'S'!C5" (exceljs issue #3027). The formula works in Excel and WPS alike.
      where.value = { formula: hyperlinkFormula(target.name, address, text), result: text };
      where.font = { color: { argb: "FF0563C1" }, underline: true };
    } else {
      where.value = text === "" ? null : text;
    }
    row.getCell(6).value = issue.message;
    row.getCell(7).value = issue.hint;
    const value = row.getCell(8);
    value.value = issue.value === "" ? null : issue.value;
    value.numFmt = "@";
    row.getCell(6).alignment = { wrapText: true, vertical: "top" };
    row.getCell(7).alignment = { wrapText: true, vertical: "top" };
  });
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, report.issues.length + 1), column: HEADERS.length },
  };

  if (first) {
    // Put the results first and show them: no other tab stays selected (two selected tabs would
    // put Excel into group-edit mode).
    // Host quirk: ExcelJS orders sheets by the undeclared `orderNo` (workbook.worksheets sorts by it).
    const order = (sheet: ExcelJS.Worksheet) => sheet as unknown as { orderNo: number };
    const minOrder = Math.min(
      ...workbook.worksheets.filter((other) => other !== ws).map((other) => order(other).orderNo),
    );
    order(ws).orderNo = (Number.isFinite(minOrder) ? minOrder : 0) - 1;
    for (const other of workbook.worksheets) {
      if (other === ws) continue;
      for (const view of other.views ?? []) (view as { tabSelected?: boolean }).tabSelected = false;
    }
    const views = workbook.views && workbook.views.length > 0 ? workbook.views : [{} as ExcelJS.WorkbookView];
    workbook.views = views.map((view) => ({ ...view, activeTab: 0, firstSheet: 0, visibility: "visible" }));
  }
}

/**
 * The original workbook with the report's issues marked, plus the 校验结果 sheet; returns the new
 * file's bytes. The original must be an .xlsx (the CLI turns a CSV into one with gridToXlsx
 * first); the caller has read it with readXlsx already, so bytes that do not load are a bug and throw.
 */
export async function writeAnnotatedReport(
  original: ArrayBuffer | Uint8Array,
  report: Report,
  options: WriteReportOptions = {},
): Promise<Uint8Array> {
  const loaded = await loadWorkbook(original);
  if (!loaded.ok) throw new WorkbookLoadError(loaded.problem);
  const workbook = loaded.value;
  annotateCells(workbook, report.issues);
  addIssuesSheet(workbook, report, options.sheetOrder !== "issues-last");
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Long digit strings (IDs, card and account numbers) get the "@" text format so editing keeps them text. */
const DIGITS = /^\d{11,}[\dXx]?$/;

/** A new .xlsx holding the grids' values, formats, formulas, merges, hidden rows/columns, states and notes. */
export async function gridToXlsx(data: WorkbookData): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const props = data.properties;
  for (const key of [
    "title",
    "subject",
    "creator",
    "keywords",
    "description",
    "category",
    "company",
    "manager",
  ] as const) {
    const value = props[key];
    if (value !== undefined) workbook[key] = value;
  }
  if (props.lastModifiedBy !== undefined) workbook.lastModifiedBy = props.lastModifiedBy;
  for (const grid of data.sheets) {
    const ws = workbook.addWorksheet(uniqueSheetName(workbook, safeSheetName(grid.name)), { state: grid.state });
    grid.rows.forEach((values, r) => {
      if (values.length === 0 && !grid.hiddenRows.has(r)) return;
      const row = ws.getRow(r + 1);
      values.forEach((value, c) => {
        if (value === null) return;
        const cell = row.getCell(c + 1);
        const key = cellKey(r, c);
        const formula = grid.formulas.get(key);
        cell.value = formula !== undefined ? { formula, result: value } : value;
        const format = grid.formats.get(key) ?? (typeof value === "string" && DIGITS.test(value) ? "@" : undefined);
        if (format !== undefined) cell.numFmt = format;
      });
    });
    for (const [key, format] of grid.formats) {
      const [r, c] = key.split(",").map(Number);
      if (r === undefined || c === undefined) continue;
      const cell = ws.getCell(r + 1, c + 1);
      if (cell.numFmt !== format) cell.numFmt = format;
    }
    for (const r of grid.hiddenRows) ws.getRow(r + 1).hidden = true;
    for (const c of grid.hiddenColumns) ws.getColumn(c + 1).hidden = true;
    for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const note of grid.notes) ws.getCell(note.row + 1, note.col + 1).note = note.text;
  }
  if (data.sheets.length === 0) workbook.addWorksheet("Sheet1");
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
