/** Reading a seal back from its 校验凭证 sheet (the JSON row), checking every field's type. */
import type { Grid, WorkbookData } from "../../grid/types";
import { fail, ok, type Result } from "../../result";
import { WORKBOOK_DIGEST_FORMAT } from "../digest";
import { LEGACY_SEAL_FORMAT, SEAL_FORMAT, SEAL_JSON_LABEL, SEAL_SHEET, type StoredSeal } from "./format";

export type ReadSealProblem = { code: "seal.missing" | "seal.unreadable"; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const STATES: readonly unknown[] = ["visible", "hidden", "veryHidden"];

/** Whether `v` is a list of objects that each pass `fits`. */
const isListOf = (v: unknown, fits: (item: Record<string, unknown>) => boolean): boolean =>
  Array.isArray(v) && v.every((item) => isObject(item) && fits(item));

/** The field types of a sealed sheet and of a program's total. */
const isSealedSheet = (s: Record<string, unknown>): boolean =>
  typeof s["name"] === "string" &&
  STATES.includes(s["state"]) &&
  typeof s["content"] === "string" &&
  /^[0-9a-f]{16}$/.test(s["content"]);
const isTotal = (t: Record<string, unknown>): boolean =>
  typeof t["program"] === "string" && typeof t["count"] === "number" && typeof t["amount"] === "number";

/** What is wrong with the coverage of a zizhu-seal/2 seal, or null. */
function coverageProblem(v: unknown): string | null {
  if (!isObject(v)) return "缺少覆盖范围";
  if (!isListOf(v["sheets"], isSealedSheet)) return "工作表列表不完整";
  if (typeof v["hiddenRows"] !== "string" || typeof v["hiddenColumns"] !== "string") return "缺少隐藏的行列";
  return null;
}

/** What is wrong with a parsed seal, or null when it has every field with the right type. */
function sealShapeProblem(v: unknown): string | null {
  if (!isObject(v)) return "不是对象";
  const format = v["format"];
  if (format !== SEAL_FORMAT && format !== LEGACY_SEAL_FORMAT)
    return `格式应为 ${SEAL_FORMAT}（或旧版 ${LEGACY_SEAL_FORMAT}），实际为 ${String(format)}`;
  const pack = v["pack"];
  if (!isObject(pack) || typeof pack["id"] !== "string" || typeof pack["version"] !== "string") return "缺少政策包";
  for (const key of ["sealedAt", "tool", "sheet"] as const) if (typeof v[key] !== "string") return `缺少 ${key}`;
  for (const key of ["rows", "total"] as const) if (typeof v[key] !== "number") return `缺少 ${key}`;
  if (!isListOf(v["totals"], isTotal)) return "项目合计不完整";
  if (v["algorithm"] !== "SHA-256") return "摘要算法不是 SHA-256";
  if (typeof v["digest"] !== "string" || !/^[0-9a-f]{64}$/.test(v["digest"])) return "内容摘要不是 64 位十六进制";
  if (format === SEAL_FORMAT) {
    if (v["digestFormat"] !== WORKBOOK_DIGEST_FORMAT)
      return `摘要格式应为 ${WORKBOOK_DIGEST_FORMAT}，实际为 ${String(v["digestFormat"])}`;
    const coverage = coverageProblem(v["coverage"]);
    if (coverage !== null) return coverage;
    const columns = v["columns"];
    if (
      columns !== undefined &&
      (!isObject(columns) || !Object.values(columns).every((f) => f === null || typeof f === "string"))
    )
      return "列对应关系不完整";
  }
  return null;
}

export function sealSheet(wb: WorkbookData): Grid | undefined {
  return wb.sheets.find((s) => s.name === SEAL_SHEET);
}

/** The seal stored in the workbook's 校验凭证 sheet (either format). */
export function readSeal(wb: WorkbookData): Result<StoredSeal, ReadSealProblem> {
  const grid = sealSheet(wb);
  if (!grid) return fail({ code: "seal.missing", message: `工作簿中没有“${SEAL_SHEET}”工作表` });
  const r = grid.rows.findIndex((row) => row[0] === SEAL_JSON_LABEL);
  if (r < 0)
    return fail({
      code: "seal.unreadable",
      message: `“${SEAL_SHEET}”工作表中找不到“${SEAL_JSON_LABEL}”一行（A 列），凭证已损坏`,
    });
  const text = grid.rows[r]?.[1];
  const where = `“${SEAL_SHEET}”工作表 B${r + 1} 单元格`;
  if (typeof text !== "string") return fail({ code: "seal.unreadable", message: `${where}没有凭证数据` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail({ code: "seal.unreadable", message: `${where}的凭证数据不是有效的 JSON` });
  }
  const shape = sealShapeProblem(parsed);
  if (shape !== null) return fail({ code: "seal.unreadable", message: `${where}的凭证数据不完整：${shape}` });
  return ok(parsed as StoredSeal);
}
