/**
 * The browser-safe adapters: .xlsx and .csv bytes in, WorkbookData out; a Report back into an
 * annotated .xlsx. The Node-only streaming reader is imported from "./xlsx/stream.node" directly,
 * so that browser bundles never pull in node:fs.
 */
export { readXlsx, type ReadProblem, type ReadProblemCode, type ReadXlsxOptions } from "./xlsx/read";
export { sniffXlsx } from "./xlsx/problems";
export { readCsv, detectEncoding, parseDelimited, type CsvEncoding } from "./csv/read";
export {
  writeAnnotatedReport,
  gridToXlsx,
  safeSheetName,
  ISSUES_SHEET_NAME,
  type WriteReportOptions,
} from "./xlsx/write-report";
