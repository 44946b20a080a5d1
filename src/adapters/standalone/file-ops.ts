/**
 * What the standalone page does with the file the user opened, as plain functions from the held
 * workbook to NEW files' bytes: they run in the engine worker (src/adapters/engine), and the page
 * only downloads what they return. The opened file is never written.
 */
import { loadWorkbook, readXlsx } from "../xlsx/read";
import { applyFixesToWorkbook } from "../xlsx/apply-fixes";
import { readCsv } from "../csv/read";
import { ISSUES_SHEET_NAME, gridToXlsx, writeAnnotatedReport } from "../xlsx/write-report";
import { addSheetsToCopy, addSpecToWorkbook, SheetConflictError, specsToWorkbook } from "../xlsx/write-sheet";
import { WorkbookLoadError } from "../xlsx/load-error";
import {
  buildForCommand,
  buildSeal,
  applyFixesToGrid,
  type Fix,
  type WorkbookData,
  type Report,
  type SealOptions,
  type SheetSpec,
} from "../../core";
import { sealSummary } from "../seal-info";
import type { PreSubmitOutcome, SheetCommand, SheetCommandOptions, SheetOutcome } from "../pane-host";
import { derivedName } from "./download";

/** A workbook the engine holds: what was read, and the file's own bytes (the base of every copy). */
export interface HeldFile {
  workbook: WorkbookData;
  source: string;
  bytes?: Uint8Array;
  format: "xlsx" | "csv";
}

/** A new file for the page to download, with the Chinese status line that says what it is. */
export interface NewFile {
  bytes: Uint8Array;
  fileName: string;
}

export type ParseOutcome = { ok: true; file: HeldFile } | { ok: false; message: string };

function formatOf(name: string): "xlsx" | "csv" | null {
  if (/\.(csv|txt|tsv)$/i.test(name)) return "csv";
  if (/\.(xlsx|xlsm)$/i.test(name)) return "xlsx";
  return null;
}

/** Reads an opened file (.xlsx or .csv) with the same readers as the CLI; a bad file is a Chinese message. */
export async function parseFile(
  name: string,
  bytes: Uint8Array,
  onRows?: (rowsRead: number) => void,
): Promise<ParseOutcome> {
  const format = formatOf(name);
  if (format === null) {
    return {
      ok: false,
      message: `“${name}”不是 .xlsx 或 .csv 文件。.xls 请先用 Excel 或 WPS“另存为 Excel 工作簿(*.xlsx)”。`,
    };
  }
  const read =
    format === "csv"
      ? readCsv(bytes, name.replace(/\.[^.]+$/, ""))
      : await readXlsx(bytes, { fileName: name, ...(onRows ? { onProgress: onRows } : {}) });
  if (!read.ok) return { ok: false, message: read.problem.message };
  return { ok: true, file: { workbook: read.value, source: name, bytes, format } };
}

/** The opened file as .xlsx bytes (a .csv is converted): the base of every downloaded copy. */
async function originalXlsx(file: HeldFile): Promise<Uint8Array> {
  return file.format === "xlsx" && file.bytes ? file.bytes : gridToXlsx(file.workbook);
}

export type FileResult = { ok: true; file: NewFile; message: string } | { ok: false; message: string };

/** The annotated copy (问题单元格标色加批注 + 校验结果 sheet). */
export async function annotatedFile(file: HeldFile, report: Report): Promise<FileResult> {
  try {
    const bytes = await writeAnnotatedReport(await originalXlsx(file), report);
    const fileName = derivedName(file.source, ISSUES_SHEET_NAME);
    return {
      ok: true,
      file: { bytes, fileName },
      message: `已下载“${fileName}”：问题单元格已标色并加批注，另有“校验结果”工作表。原文件未改动。`,
    };
  } catch (e) {
    // A file from another writer that the writer library cannot load: say so, the check stands.
    if (e instanceof WorkbookLoadError) return { ok: false, message: `未生成带标注的副本：${e.problem.message}` };
    throw e;
  }
}

/** A new workbook with the confirmed fixes applied to copies of the grids. */
export async function fixedFile(file: HeldFile, fixes: readonly Fix[]): Promise<NewFile> {
  const fixed: WorkbookData = {
    ...file.workbook,
    sheets: file.workbook.sheets.map((g) => applyFixesToGrid(g, fixes)),
  };
  return { bytes: await gridToXlsx(fixed), fileName: derivedName(file.source, "已修正") };
}

export type BuiltFile = SheetOutcome & { file?: NewFile };

/** 格式化花名册 / 汇总表 / 公示表 / 申请表… as a new file: the original plus the sheet, the 公示表 alone. */
export async function builtFile(
  file: HeldFile,
  command: SheetCommand,
  options: SheetCommandOptions,
): Promise<BuiltFile> {
  const built = buildForCommand(file.workbook, command, { ...options, sheet: undefined });
  if (!built.ok) return { ok: false, message: built.problem.message, notes: [] };
  const { spec, notes } = built.value;
  const fileName = derivedName(file.source, spec.name);
  if (command === "buildNotice") {
    // A notice is posted and passed around: a workbook of its own, without the roster's IDs.
    return {
      ok: true,
      message: `已下载“${fileName}”：只含工作表“${spec.name}”的新工作簿（不带花名册中的身份证号、银行卡号等）。原文件未改动。`,
      notes,
      sheet: fileName,
      file: { bytes: await specsToWorkbook([spec]), fileName },
    };
  }
  try {
    const out = await addSheetsToCopy(await originalXlsx(file), [spec]);
    return {
      ok: true,
      message: `已下载“${fileName}”：原工作簿加上新工作表“${out.names[0] ?? spec.name}”。原文件未改动。`,
      notes,
      sheet: fileName,
      file: { bytes: out.bytes, fileName },
    };
  } catch (e) {
    if (e instanceof WorkbookLoadError) return { ok: false, message: e.problem.message, notes: [] };
    throw e;
  }
}

export type SealedFile = PreSubmitOutcome & { file?: NewFile };

/** 报送前检查: errors → the report; else a copy with the 校验凭证 sheet. */
export async function sealedFile(file: HeldFile, options: SealOptions): Promise<SealedFile> {
  const sealed = buildSeal(file.workbook, options);
  if (!sealed.ok) {
    const report = sealed.problem.report;
    return { ok: false, message: sealed.problem.message, notes: [], ...(report ? { report } : {}) };
  }
  const { seal, built } = sealed.value;
  try {
    // Our own 校验凭证 sheet is replaced in the copy; the opened file is never written.
    const out = await addSheetsToCopy(await originalXlsx(file), [built.spec], { replace: true });
    const fileName = derivedName(file.source, "含校验凭证");
    return {
      ok: true,
      message: `${sealSummary(seal)}。已下载带凭证的新文件“${fileName}”，原文件未改动。`,
      notes: built.notes,
      seal,
      sheet: fileName,
      file: { bytes: out.bytes, fileName },
    };
  } catch (e) {
    // A sheet of the user's under our seal's name: kept, and no sealed copy is offered.
    if (e instanceof SheetConflictError) return { ok: false, message: e.message, notes: [] };
    if (e instanceof WorkbookLoadError) return { ok: false, message: e.problem.message, notes: [] };
    throw e;
  }
}

/** What a recipe run made, for the page to download: the file with fixes and sheets, and files of their own. */
export interface RecipeOutputFiles {
  fixes: readonly Fix[];
  sheets: readonly SheetSpec[];
  separate: readonly SheetSpec[];
}

/**
 * A recipe's results as NEW files: the opened file (a CSV becomes a new workbook first; an .xlsx
 * is copied from its own bytes, formats kept) with the fixes and the new sheets, then the 公示表
 * and 报送格式 each in a file of its own. Returns the files and one Chinese line each, or the one
 * line saying why nothing was written.
 */
export async function recipeFiles(
  file: HeldFile,
  output: RecipeOutputFiles,
  recipeName: string,
): Promise<{ files: NewFile[]; lines: string[] }> {
  const base = file.source.replace(/\.(xlsx|xlsm|csv|txt)$/i, "") || "花名册";
  const files: NewFile[] = [];
  const lines: string[] = [];
  if (output.fixes.length > 0 || output.sheets.length > 0) {
    const loaded = await loadWorkbook(await originalXlsx(file), file.source);
    if (!loaded.ok) return { files: [], lines: [loaded.problem.message] };
    const applied = applyFixesToWorkbook(loaded.value, output.fixes);
    if (applied.missing.length > 0) {
      const missing = applied.missing.map((m) => `“${m}”`).join("、");
      return { files: [], lines: [`修正未能写入：找不到工作表${missing}，未下载结果文件`] };
    }
    for (const spec of output.sheets) {
      try {
        addSpecToWorkbook(loaded.value, spec, { replace: spec.kind === "seal" });
      } catch (e) {
        // A sheet of the user's under our seal's name: kept; no sealed file is offered.
        if (!(e instanceof SheetConflictError)) throw e;
        return { files: [], lines: [e.message] };
      }
    }
    const fileName = `${base}-${recipeName}.xlsx`;
    files.push({ bytes: new Uint8Array(await loaded.value.xlsx.writeBuffer()), fileName });
    lines.push(`已下载“${fileName}”（原文件未改动）`);
  }
  for (const spec of output.separate) {
    const fileName = `${base}-${spec.name}.xlsx`;
    files.push({ bytes: await specsToWorkbook([spec]), fileName });
    lines.push(`已下载“${fileName}”`);
  }
  return { files, lines };
}
