/** The official sheets as SheetSpecs (花名册, 汇总表, 公示表, 申请表, 报送格式) and the seal. */
export * from "./spec";
export * from "./seal";
export { findRosterSource, personRows, sourceProblemText, type RosterSource } from "./source";
export { DEFAULT_FORMAT, PAIRS_FORMAT, defaultFormatFor, parseSubmissionFormat, shippedFormat } from "./export-format";
export { LAYOUT_SHEET_PREFIX } from "./form-layouts";
export { FORMS_SHEET_NAME, findLayoutSheet } from "./forms-sheet";
export { NOTICE_SHEET_NAME } from "./notice-sheet";
export { ROSTER_SHEET_NAME } from "./roster-sheet";
export { SUMMARY_SHEET_NAME } from "./summary-sheet";
