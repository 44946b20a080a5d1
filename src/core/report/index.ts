/** The report: findings of a check rendered in one locale, sorted, with totals. */
export * from "./types";
export { buildReport, sortIssues, toIssue } from "./build";
