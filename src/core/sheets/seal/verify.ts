/** verifySeal: the verdict on a sealed workbook, from its changes (changes.ts) and totals (totals.ts). */
import type { Grid, WorkbookData } from "../../grid/types";
import { legacyChanges, quoted, sealSheetChanges, workbookChanges, type SealChange } from "./changes";
import { LEGACY_SEAL_FORMAT, type StoredSeal } from "./format";
import { readSeal, sealSheet } from "./read";
import { totalsChanges, type VerifyOptions } from "./totals";

export interface SealVerdict {
  status: "unchanged" | "modified" | "unsealed";
  seal?: StoredSeal;
  /** The verdict in Chinese, starting with 已校验且未改动 / 校验后已修改 / 未校验. */
  message: string;
  /** What differs, or why the seal could not be read. */
  detail?: string;
  /** What changed since sealing, kind by kind ([] when unchanged or unsealed). */
  changes: SealChange[];
}

/**
 * Whether the workbook is still what it was when sealed, and if not, what kind of change was found:
 * the digest, the seal sheet, and the people rows and totals the seal records recomputed from the
 * roster (options: the pack and options the seal was made with, for the totals per program).
 */
export function verifySeal(wb: WorkbookData, options: VerifyOptions = {}): SealVerdict {
  const read = readSeal(wb);
  if (!read.ok) {
    const missing = read.problem.code === "seal.missing";
    return {
      status: "unsealed",
      message: missing
        ? `未校验：${read.problem.message}（可用 zizhu seal 在校验通过后生成）。`
        : `未校验：校验凭证无法读取——${read.problem.message}。请重新校验并生成凭证。`,
      detail: read.problem.message,
      changes: [],
    };
  }
  const seal = read.value;
  const when = `${seal.sealedAt} 由资助助手 ${seal.tool} 按政策包 ${seal.pack.id} ${seal.pack.version} 校验`;
  const legacy = seal.format === LEGACY_SEAL_FORMAT;
  const found = legacy ? legacyChanges(wb, seal) : workbookChanges(wb, seal);
  // A changed roster is reported as such, and seal data that no longer match the digest cannot be
  // trusted to compare with: the totals are compared only when neither was found.
  const rosterChanged = found.some(
    (c) => c.kind === "roster-missing" || c.kind === "roster-content" || c.kind === "seal-data",
  );
  const changes = [
    ...sealSheetChanges(sealSheet(wb) as Grid, seal),
    ...found,
    ...(rosterChanged ? [] : totalsChanges(wb, seal, options)),
  ];
  const what = `工作表${quoted(seal.sheet)}（${seal.rows} 行，金额合计 ${seal.total.toFixed(2)} 元）`;
  if (changes.length === 0) {
    return {
      status: "unchanged",
      seal,
      message: legacy
        ? `已校验且未改动：${what}于 ${when}，此后内容未改动。注意：这是旧版凭证（${LEGACY_SEAL_FORMAT}，摘要格式 zizhu-digest/2），只覆盖花名册工作表的值和公式，不覆盖工作表列表、可见性和隐藏的行列；建议用当前版本重新校验并生成凭证。`
        : `已校验且未改动：${what}于 ${when}，此后工作簿未改动（凭证覆盖全部工作表的名称、顺序、可见性和内容，以及花名册中隐藏的行和列；格式不在校验范围内）。`,
      changes,
    };
  }
  const detail = changes.map((c) => c.message).join("；");
  if (changes.every((c) => c.kind === "date-system")) {
    return {
      status: "modified",
      seal,
      message: `校验后已修改（很可能只是日期系统的差异）：${detail}。请用生成凭证时所用的同一工具核验，或在当前工具中重新校验并生成凭证。`,
      detail,
      changes,
    };
  }
  const onlyDigest = changes.some((c) => c.kind === "roster-content" || c.kind === "sheet-content");
  return {
    status: "modified",
    seal,
    message: `校验后已修改：${detail}。${onlyDigest ? "凭证只保存摘要，无法指出改动的单元格；" : ""}请重新校验（zizhu check）后再生成凭证。`,
    detail,
    changes,
  };
}
