/**
 * 校验凭证 (the seal): after a roster passes the check, a very-hidden sheet records what was
 * checked — the policy pack, when, how many rows, the totals per program — and a SHA-256 digest of
 * the workbook as it was (digest.ts, "zizhu-digest/3"): every sheet's name, order, visibility and
 * values, the roster's hidden rows and columns, and what the seal itself states. `verifySeal`
 * later tells whether the workbook is still exactly that and, if not, what kind of change it
 * found: a sheet added, removed, renamed, moved, hidden or shown; values changed; roster rows or
 * columns hidden or shown; the seal sheet unhidden; its readable rows edited. Formatting (styles,
 * widths, number formats, merges, notes) is outside the digest. The digest keeps a formula's text,
 * not its result, so verifySeal also recomputes the people rows and the totals per program the
 * seal records, as buildSeal computed them (tally), and says when they differ ("totals").
 *
 * Seals of the first format, zizhu-seal/1 (digest "zizhu-digest/2": the roster's values only), are
 * still verified the old way, and the verdict says what such a seal does not cover.
 *
 * This is an INTEGRITY CHECK, NOT A SIGNATURE: it detects edits made after sealing, by mistake or
 * otherwise, but anyone with this tool can edit the roster and seal it again. It proves nothing
 * about who sealed it.
 */
export {
  LEGACY_SEAL_FORMAT,
  SEAL_FORMAT,
  SEAL_JSON_LABEL,
  SEAL_SHEET,
  SheetConflictError,
  sealSheetRows,
  sealStatement,
  sheetConflictMessage,
  type LegacySeal,
  type Seal,
  type SealCoverage,
  type SealOptions,
  type SealProblem,
  type SealTotal,
  type SealedSheet,
  type SheetState,
  type StoredSeal,
} from "./format";
export { buildSeal, gridsAsWritten } from "./build";
export { readSeal, type ReadSealProblem } from "./read";
export type { SealChange, SealChangeKind } from "./changes";
export type { VerifyOptions } from "./totals";
export { verifySeal, type SealVerdict } from "./verify";
