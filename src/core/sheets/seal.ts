/**
 * 校验凭证 (the seal): after a roster passes the check, a very-hidden sheet records what was
 * checked — the policy pack, when, how many rows, the totals per program — and a SHA-256 digest of
 * the roster sheet's values (digest.ts). `verifySeal` later tells whether the roster still has
 * exactly those values.
 *
 * This is an INTEGRITY CHECK, NOT A SIGNATURE: it detects edits made after sealing, by mistake or
 * otherwise, but anyone with this tool can edit the roster and seal it again. It proves nothing
 * about who sealed it.
 */
import { checkWorkbook } from "../check/check";
import type { CivilDate } from "../date/civil";
import { cellKey, type Grid, type WorkbookData } from "../grid/types";
import type { Pack } from "../policy";
import type { Report, RosterKind } from "../report/types";
import { detectRoster, type ColumnOverrides } from "../roster/detect";
import { isDateFormat } from "../privacy/birth";
import { fail, ok, type Result } from "../result";
import { rosterDigest } from "./digest";
import { findRosterSource, personRows, sourceProblemText } from "./source";
import { emptySpec, type BuildProblem, type BuiltSheet, type SheetSpec } from "./spec";
import { STYLE } from "./styles";

export const SEAL_SHEET = "校验凭证";
export const SEAL_FORMAT = "zizhu-seal/1";
/** Column A label of the row whose column B holds the whole seal as JSON (what readSeal parses). */
export const SEAL_JSON_LABEL = "凭证数据（JSON）";

export interface SealTotal {
  /** The program's name as the pack names it; "（未注明项目）" for rows without one. */
  program: string;
  count: number;
  /** 元. */
  amount: number;
}

export interface Seal {
  format: "zizhu-seal/1";
  pack: { id: string; version: string };
  /** ISO 8601 with offset, e.g. 2026-11-28T10:30:00+08:00. */
  sealedAt: string;
  /** The zizhu version that sealed. */
  tool: string;
  /** The roster sheet the digest covers. */
  sheet: string;
  /** People rows (data rows) of the roster. */
  rows: number;
  totals: SealTotal[];
  /** Sum of all amounts, 元. */
  total: number;
  digest: string;
  algorithm: "SHA-256";
}

export interface SealOptions {
  pack: Pack;
  today: CivilDate;
  /** The sealing time, ISO 8601 with offset (passed in: builders are deterministic). */
  now: string;
  /** The zizhu version. */
  tool: string;
  sheet?: string;
  kind?: RosterKind;
  program?: string;
  enrolled?: number;
  columnOverrides?: Record<string, ColumnOverrides>;
}

export type SealProblem = BuildProblem & { report?: Report };

/**
 * Why a writer refused to replace a sheet named like ours: it is not our very hidden seal. The
 * writers (the adapters) never delete a user's sheet.
 */
export function sheetConflictMessage(name: string): string {
  return `工作簿中已有名为“${name}”的工作表，不是资助助手写入的凭证，未覆盖；请改名后再试`;
}

/**
 * Thrown by the adapters' writers when `replace` meets a sheet that is not our seal (message:
 * sheetConflictMessage). Callers catch it and show the message; nothing was written.
 */
export class SheetConflictError extends Error {
  readonly sheet: string;
  constructor(sheet: string) {
    super(sheetConflictMessage(sheet));
    this.name = "SheetConflictError";
    this.sheet = sheet;
  }
}

const NO_PROGRAM = "（未注明项目）";

/** Sums in whole fen so that 0.1 + 0.2 stays 0.3. */
const fen = (yuan: number) => Math.round(yuan * 100);

function sealSpec(seal: Seal): SheetSpec {
  const spec = emptySpec(SEAL_SHEET, "seal");
  const rows: [string, string | number][] = [
    [
      "说明",
      "资助助手生成的校验凭证：记录花名册校验通过时的内容摘要，用于发现校验之后的改动。这是完整性校验，不是电子签名：任何人都可以修改花名册后重新生成凭证。请勿手工修改本表。",
    ],
    ["格式", seal.format],
    ["政策包", `${seal.pack.id} ${seal.pack.version}`],
    ["校验时间", seal.sealedAt],
    ["工具版本", `资助助手 ${seal.tool}`],
    ["花名册工作表", seal.sheet],
    ["人数（行）", seal.rows],
    ...seal.totals.flatMap((t): [string, number][] => [
      [`${t.program} 人数`, t.count],
      [`${t.program} 金额（元）`, t.amount],
    ]),
    ["金额合计（元）", seal.total],
    ["摘要算法", seal.algorithm],
    ["内容摘要", seal.digest],
    [SEAL_JSON_LABEL, JSON.stringify(seal)],
  ];
  const body = rows.map(([k, v]) => [k, v]);
  const title = [SEAL_SHEET, null];
  const all = [title, ...body];
  const last = all.length - 1;
  return {
    ...spec,
    rows: all,
    styles: {
      title: STYLE.title,
      label: { ...STYLE.cell, font: { ...STYLE.cell.font, bold: true } },
      value: { ...STYLE.cell, numFmt: "@", wrap: true },
    },
    styleRanges: [
      { range: { top: 0, left: 0, bottom: 0, right: 1 }, style: "title" },
      { range: { top: 1, left: 0, bottom: last, right: 0 }, style: "label" },
      { range: { top: 1, left: 1, bottom: last, right: 1 }, style: "value" },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    columnWidths: [24, 80],
    state: "veryHidden",
  };
}

/**
 * Checks the workbook and, when it has no errors, makes the seal of its roster sheet and the
 * very-hidden 校验凭证 sheet to write. With errors: a problem carrying the report (nothing to write).
 */
export function buildSeal(
  wb: WorkbookData,
  options: SealOptions,
): Result<{ seal: Seal; built: BuiltSheet; report: Report }, SealProblem> {
  const found = findRosterSource(wb, options);
  if (!found.ok) return fail({ code: found.problem.code, message: sourceProblemText(found.problem) });
  const source = found.value;
  const { report } = checkWorkbook(wb, {
    pack: options.pack,
    today: options.today,
    sheet: source.grid.name,
    kind: options.kind,
    program: options.program,
    enrolled: options.enrolled,
    columnOverrides: options.columnOverrides,
  });
  if (!report.valid) {
    return fail({
      code: "seal.has-errors",
      message: `工作表“${source.grid.name}”有 ${report.stats.errors} 个错误，未写入校验凭证。请按校验结果逐条修改（zizhu check 或任务窗格“校验”），没有错误后再生成校验凭证。`,
      report,
    });
  }
  const byProgram = new Map<string, { count: number; fen: number }>();
  let totalFen = 0;
  for (const p of personRows(source, options.pack, options.program)) {
    const name = p.program?.name ?? NO_PROGRAM;
    const t = byProgram.get(name) ?? { count: 0, fen: 0 };
    const amount = fen(p.record.amount ?? 0);
    t.count += 1;
    t.fen += amount;
    totalFen += amount;
    byProgram.set(name, t);
  }
  const seal: Seal = {
    format: SEAL_FORMAT,
    pack: { id: options.pack.id, version: options.pack.version },
    sealedAt: options.now,
    tool: options.tool,
    sheet: source.grid.name,
    rows: source.layout.dataRows.length,
    totals: [...byProgram].map(([program, t]) => ({ program, count: t.count, amount: t.fen / 100 })),
    total: totalFen / 100,
    digest: rosterDigest(source.grid),
    algorithm: "SHA-256",
  };
  const notes = [
    `已为工作表“${seal.sheet}”生成校验凭证（深度隐藏的工作表“${SEAL_SHEET}”）：${seal.rows} 行，金额合计 ${seal.total.toFixed(2)} 元。之后对花名册的任何改动都会被 zizhu verify 发现；这是完整性校验，不是电子签名。`,
  ];
  return ok({ seal, built: { spec: sealSpec(seal), notes }, report });
}

export type ReadSealProblem = { code: "seal.missing" | "seal.unreadable"; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** What is wrong with a parsed seal, or null when it has every field with the right type. */
function sealShapeProblem(v: unknown): string | null {
  if (!isObject(v)) return "不是对象";
  if (v["format"] !== SEAL_FORMAT) return `格式应为 ${SEAL_FORMAT}，实际为 ${String(v["format"])}`;
  const pack = v["pack"];
  if (!isObject(pack) || typeof pack["id"] !== "string" || typeof pack["version"] !== "string") return "缺少政策包";
  for (const key of ["sealedAt", "tool", "sheet"] as const) if (typeof v[key] !== "string") return `缺少 ${key}`;
  for (const key of ["rows", "total"] as const) if (typeof v[key] !== "number") return `缺少 ${key}`;
  const totals = v["totals"];
  if (
    !Array.isArray(totals) ||
    !totals.every(
      (t) =>
        isObject(t) &&
        typeof t["program"] === "string" &&
        typeof t["count"] === "number" &&
        typeof t["amount"] === "number",
    )
  )
    return "项目合计不完整";
  if (v["algorithm"] !== "SHA-256") return "摘要算法不是 SHA-256";
  if (typeof v["digest"] !== "string" || !/^[0-9a-f]{64}$/.test(v["digest"])) return "内容摘要不是 64 位十六进制";
  return null;
}

function sealSheet(wb: WorkbookData): Grid | undefined {
  return wb.sheets.find((s) => s.name === SEAL_SHEET);
}

/** The seal stored in the workbook's 校验凭证 sheet. */
export function readSeal(wb: WorkbookData): Result<Seal, ReadSealProblem> {
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
  return ok(parsed as Seal);
}

export interface SealVerdict {
  status: "unchanged" | "modified" | "unsealed";
  seal?: Seal;
  /** The verdict in Chinese, starting with 已校验且未改动 / 校验后已修改 / 未校验. */
  message: string;
  /** What differs, or why the seal could not be read. */
  detail?: string;
}

/** Days between the 1900 and 1904 date systems' serials of the same date. */
const DATE1904_DAYS = 1462;

/** The grid with every date-formatted number moved by `days`. */
function shiftDates(grid: Grid, days: number): Grid {
  const rows = grid.rows.map((row, r) =>
    row.map((v, c) => (typeof v === "number" && isDateFormat(grid.formats.get(cellKey(r, c))) ? v + days : v)),
  );
  return { ...grid, rows };
}

/**
 * Whether the digest matches once date cells are moved between the 1900 and 1904 date systems: a
 * 1904-system workbook sealed by one host and read by another (the add-in gives stored serials, a
 * file library converts them), not an edit.
 */
function onlyDateSystemDiffers(grid: Grid, digest: string): boolean {
  let dated = false;
  for (const [key, format] of grid.formats) {
    if (!isDateFormat(format)) continue;
    const [r, c] = key.split(",").map(Number);
    if (typeof grid.rows[r ?? -1]?.[c ?? -1] === "number") {
      dated = true;
      break;
    }
  }
  if (!dated) return false;
  return [DATE1904_DAYS, -DATE1904_DAYS].some((days) => rosterDigest(shiftDates(grid, days)) === digest);
}

/** Whether the roster sheet still holds exactly the values it held when sealed. */
export function verifySeal(wb: WorkbookData): SealVerdict {
  const read = readSeal(wb);
  if (!read.ok) {
    const missing = read.problem.code === "seal.missing";
    return {
      status: "unsealed",
      message: missing
        ? `未校验：${read.problem.message}（可用 zizhu seal 在校验通过后生成）。`
        : `未校验：校验凭证无法读取——${read.problem.message}。请重新校验并生成凭证。`,
      detail: read.problem.message,
    };
  }
  const seal = read.value;
  const when = `${seal.sealedAt} 由资助助手 ${seal.tool} 按政策包 ${seal.pack.id} ${seal.pack.version} 校验`;
  const grid = wb.sheets.find((s) => s.name === seal.sheet);
  if (!grid) {
    const detail = `校验时的花名册工作表“${seal.sheet}”已不存在（被删除或改名）`;
    return { status: "modified", seal, message: `校验后已修改：${detail}。请重新校验。`, detail };
  }
  if (rosterDigest(grid) === seal.digest) {
    return {
      status: "unchanged",
      seal,
      message: `已校验且未改动：工作表“${seal.sheet}”（${seal.rows} 行，金额合计 ${seal.total.toFixed(2)} 元）于 ${when}，此后内容未改动。`,
    };
  }
  if (onlyDateSystemDiffers(grid, seal.digest)) {
    const detail = `工作表“${seal.sheet}”中只有日期单元格与凭证相差 ${DATE1904_DAYS} 天，其余内容与凭证一致：这个工作簿使用 1904 日期系统，Excel 加载项与命令行（或独立页面）读出的日期相差 ${DATE1904_DAYS} 天`;
    return {
      status: "modified",
      seal,
      message: `校验后已修改（很可能只是日期系统的差异）：${detail}。请用生成凭证时所用的同一工具核验，或在当前工具中重新校验并生成凭证。`,
      detail,
    };
  }
  const parts = [`工作表“${seal.sheet}”的内容摘要与凭证不符（有单元格的值被改动、添加或删除）`];
  const layout = detectRoster(grid);
  if (layout.ok && layout.value.dataRows.length !== seal.rows)
    parts.push(`人数行由 ${seal.rows} 行变为 ${layout.value.dataRows.length} 行`);
  const detail = parts.join("；");
  return {
    status: "modified",
    seal,
    message: `校验后已修改：${detail}。凭证只保存摘要，无法指出改动的单元格；请重新校验（zizhu check）后再生成凭证。`,
    detail,
  };
}
