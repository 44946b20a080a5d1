/** A whole-workbook check: pick the roster sheet(s), run the rules, return findings and layout. */
export { checkWorkbook, pickSheet, type CheckOptions, type CheckResult } from "./check";
