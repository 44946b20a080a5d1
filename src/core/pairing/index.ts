/**
 * 一对一帮扶: pairing ledgers read into rows, the check of their pairs and records against the
 * pack's pairing plan, and the progress awards of 方案4 (rank, rank change, tiers by proportion).
 */
export * from "./awards";
export { checkPairing, type CoverageRoster, type PairingInput, type PairingSummary } from "./check";
export {
  calendarYear,
  inPeriod,
  ledgerPeriod,
  schoolYear,
  type LedgerPeriod,
  ledgerYear,
  nameKey,
  pairRows,
  readRows,
  recordRows,
  scoreRows,
  studentKey,
  type LedgerSheet,
  type PairRow,
  type ReadRow,
  type RecordRow,
  type ScoreRow,
} from "./ledger";
export { fileCoverage, type FileCoverage, type NeededStudent } from "./coverage";
export { findPairingPlan, pairingPlanByName } from "./plan";
