/**
 * Turns what a command produced into stable JSON for the golden tests: the cells of a workbook
 * (value, formula, number format, a digest of the style), its sheets' settings, and texts with the
 * run's temporary folder, the repository and the clock's time taken out.
 */
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";

const SHA256 = /\b[0-9a-f]{64}\b/g;
const DIGEST_HEAD = /内容摘要 [0-9a-f]{12}…/g;
const NOW = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;

export function normaliseText(text: string, replace: Record<string, string>): string {
  let out = text;
  for (const [from, to] of Object.entries(replace)) out = out.split(from).join(to);
  // The seal's digest covers its own time, so it changes every run; `zizhu verify` on the sealed
  // copy (one of the golden runs) proves the digest is still right.
  return out.replace(NOW, "<NOW>").replace(SHA256, "<SHA256>").replace(DIGEST_HEAD, "内容摘要 <SHA256>…");
}

function short(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 12);
}

function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { date: value.toISOString() };
  if (typeof value === "object") {
    if ("richText" in value) return { rich: value.richText.map((r) => r.text).join("") };
    if ("formula" in value || "sharedFormula" in value) {
      const f = value as ExcelJS.CellFormulaValue;
      return { formula: f.formula ?? null, result: cellValue((f.result ?? null) as ExcelJS.CellValue) };
    }
    if ("error" in value) return { error: value.error };
    if ("hyperlink" in value) return { text: value.text, link: value.hyperlink };
  }
  return value;
}

export interface SheetDump {
  name: string;
  state: string;
  merges: string[];
  page: unknown;
  views: unknown;
  columns: unknown;
  cells: Record<string, unknown>;
}

export async function dumpWorkbook(bytes: Buffer, replace: Record<string, string>): Promise<SheetDump[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cellValue(cell.value);
        cells[cell.address] = {
          v: typeof v === "string" ? normaliseText(v, replace) : v,
          fmt: cell.numFmt ?? null,
          style: short(cell.style),
        };
      }),
    );
    const model = ws.model as unknown as { merges?: string[] };
    return {
      name: ws.name,
      state: ws.state,
      merges: [...(model.merges ?? [])].sort(),
      page: { setup: ws.pageSetup, headerFooter: ws.headerFooter },
      views: ws.views,
      columns: (ws.columns ?? []).map((c) => c.width ?? null),
      cells,
    };
  });
}
