/** Personal data detectors and the 公示 privacy rules (POLICY.md §3). */
export {
  PRIVACY_RULES,
  ruleOf,
  type PiiContext,
  type PiiHit,
  type PiiKind,
  type PrivacyRule,
  type ScanMode,
  type ScanOptions,
  type SheetScanOptions,
  type WorkbookScanOptions,
} from "./types";
export { detectPii } from "./detect";
export { scanSheet, scanWorkbook } from "./scan";
export { maskAddress } from "./address";
export { maskBirth, isDateFormat } from "./birth";
