/**
 * The seal's format: what a 校验凭证 records (the statement, the coverage, the digest) and the
 * sheet's readable rows. buildSeal (build.ts) makes one; readSeal (read.ts) reads it back.
 */
import type { CivilDate } from "../../date/civil";
import type { CellValue, Grid } from "../../grid/types";
import type { Pack } from "../../policy";
import type { Report, RosterKind } from "../../report/types";
import type { ColumnOverrides } from "../../roster/detect";
import type { WORKBOOK_DIGEST_FORMAT } from "../digest";
import type { BuildProblem } from "../spec";

export const SEAL_SHEET = "校验凭证";
/** The format buildSeal writes: the workbook digest "zizhu-digest/3" and what it covered. */
export const SEAL_FORMAT = "zizhu-seal/2";
/** The first format: its digest ("zizhu-digest/2") covers the roster sheet's values only. */
export const LEGACY_SEAL_FORMAT = "zizhu-seal/1";
/** Column A label of the row whose column B holds the whole seal as JSON (what readSeal parses). */
export const SEAL_JSON_LABEL = "凭证数据（JSON）";

export interface SealTotal {
  /** The program's name as the pack names it; "（未注明项目）" for rows without one. */
  program: string;
  count: number;
  /** 元. */
  amount: number;
}

export type SheetState = Grid["state"];

/** A sheet of the workbook as sealed (the seal sheet itself is never listed). */
export interface SealedSheet {
  name: string;
  state: SheetState;
  /** The first 16 hex digits of the sheet's "zizhu-digest/2" digest: tells which sheet's values changed. */
  content: string;
}

/**
 * What the digest covered, in the clear, so that verifySeal can say what changed. The digest
 * decides; this only explains (and must agree with the workbook whenever the digest does).
 */
export interface SealCoverage {
  /** Every sheet but the seal sheet, in tab order. */
  sheets: SealedSheet[];
  /** The roster's hidden rows inside its data, as 1-based row numbers and ranges: "5,9-12"; "" for none. */
  hiddenRows: string;
  /** The roster's hidden columns inside its data, as letters and ranges: "C,F-H"; "" for none. */
  hiddenColumns: string;
}

export interface SealFields {
  pack: { id: string; version: string };
  /** ISO 8601 with offset, e.g. 2026-11-28T10:30:00+08:00. */
  sealedAt: string;
  /** The zizhu version that sealed. */
  tool: string;
  /** The roster sheet. */
  sheet: string;
  /** People rows (data rows) of the roster. */
  rows: number;
  totals: SealTotal[];
  /** Sum of all amounts, 元. */
  total: number;
  digest: string;
  algorithm: "SHA-256";
}

/** What a seal states, before its digest. */
export type SealStatement = Omit<SealFields, "digest" | "algorithm">;

/** A seal as buildSeal makes it now. */
export interface Seal extends SealFields {
  format: typeof SEAL_FORMAT;
  digestFormat: typeof WORKBOOK_DIGEST_FORMAT;
  coverage: SealCoverage;
  /**
   * The roster's column overrides the seal was made with (SealOptions.columnOverrides for its
   * sheet), when there were any: verifySeal reads the roster with them to recompute the totals.
   */
  columns?: ColumnOverrides;
}

/** A seal of the first format: `digest` is the roster sheet's "zizhu-digest/2" digest. */
export interface LegacySeal extends SealFields {
  format: typeof LEGACY_SEAL_FORMAT;
}

/** What readSeal may find in a workbook. */
export type StoredSeal = Seal | LegacySeal;

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
  /**
   * Sheets the host writes together with the seal, after the workbook's own (a recipe's
   * 花名册（格式化）, 汇总表…), as a reader will read them back (gridsAsWritten): covered by the
   * digest, as they will be in the file, but not checked.
   */
  alsoWritten?: readonly Grid[];
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

export const STATE_WORD: Readonly<Record<SheetState, string>> = {
  visible: "可见",
  hidden: "隐藏",
  veryHidden: "深度隐藏",
};

const NOTE_LEGACY =
  "资助助手生成的校验凭证：记录花名册校验通过时的内容摘要，用于发现校验之后的改动。这是完整性校验，不是电子签名：任何人都可以修改花名册后重新生成凭证。请勿手工修改本表。";
const NOTE =
  "资助助手生成的校验凭证：记录花名册校验通过时工作簿的内容摘要（全部工作表的名称、顺序、可见性和内容，花名册中隐藏的行和列，以及本凭证所记的人数和金额；不含格式），用于发现校验之后的改动。这是完整性校验，不是电子签名：任何人都可以修改花名册后重新生成凭证。请勿手工修改本表。";

/**
 * What the seal states, as the one-line JSON the workbook digest covers (digest.ts, STATEMENT):
 * [pack id, pack version, sealedAt, tool, rows, [[program, count, amount]…], total]. The roster's
 * name is covered by the digest's roster line.
 */
export function sealStatement(seal: SealStatement): string {
  return JSON.stringify([
    seal.pack.id,
    seal.pack.version,
    seal.sealedAt,
    seal.tool,
    seal.rows,
    seal.totals.map((t) => [t.program, t.count, t.amount]),
    seal.total,
  ]);
}

/** The seal sheet's rows below its title, as labels (column A) and values (column B). */
function sealRows(seal: StoredSeal): [string, string | number][] {
  const current = seal.format === SEAL_FORMAT;
  const coverage: [string, string][] = current
    ? [
        [
          "覆盖的工作表（不含本表）",
          seal.coverage.sheets.map((s) => `${s.name}（${STATE_WORD[s.state]}）`).join("、") || "无",
        ],
        ["花名册中隐藏的行", seal.coverage.hiddenRows || "无"],
        ["花名册中隐藏的列", seal.coverage.hiddenColumns || "无"],
        ["摘要格式", seal.digestFormat],
      ]
    : [];
  return [
    ["说明", current ? NOTE : NOTE_LEGACY],
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
    ...coverage,
    ["摘要算法", seal.algorithm],
    ["内容摘要", seal.digest],
    [SEAL_JSON_LABEL, JSON.stringify(seal)],
  ];
}

/**
 * The 校验凭证 sheet's cells for a seal of either format: the title row, then one label/value row
 * per statement — what the writers write and what verifySeal expects to read back.
 */
export function sealSheetRows(seal: StoredSeal): CellValue[][] {
  return [[SEAL_SHEET, null], ...sealRows(seal).map(([k, v]): CellValue[] => [k, v])];
}
