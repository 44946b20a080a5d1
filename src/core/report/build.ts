/**
 * Findings → Report: each finding rendered by its catalogue entry in the report's locale (the
 * only place rule text is produced), then sorted and counted.
 */
import { renderFinding } from "../findings/render";
import { columnName } from "../grid/types";
import type { Locale } from "../locale";
import { CATALOGUE, isRuleCode } from "../rules/catalogue";
import type { Finding, Issue, Report, RosterKind, Severity } from "./types";

/** A finding rendered through the catalogue: message and hint in the locale, place as the sheet shows it. */
export function toIssue(f: Finding, locale: Locale = "zh-CN"): Issue {
  const code = f.rule;
  if (!isRuleCode(code)) {
    // A rule code outside the catalogue is a bug in the rule that emitted it.
    throw new Error(`unknown rule code ${code}`);
  }
  const entry = CATALOGUE[code];
  const { message, hint } = renderFinding(entry, f.data, locale);
  const hasCell = f.row >= 0 && f.col >= 0;
  return {
    rule: code,
    severity: f.severity ?? entry.severity,
    sheet: f.sheet,
    row: f.row >= 0 ? f.row + 1 : 0,
    column: f.col >= 0 ? columnName(f.col) : "",
    cell: hasCell ? `${columnName(f.col)}${f.row + 1}` : "",
    message,
    hint,
    value: f.value,
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Issues in reading order: sheet-level first, then by row and column. */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort(
    (a, b) =>
      a.sheet.localeCompare(b.sheet) ||
      a.row - b.row ||
      a.column.length - b.column.length ||
      a.column.localeCompare(b.column) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}

/** The Report: stats are counted from the issue list itself, so they always agree with it. */
export function buildReport(
  findings: readonly Finding[],
  options: { pack: { id: string; version: string }; kind: RosterKind; rows: number; locale?: Locale },
): Report {
  const issues = sortIssues(findings.map((f) => toIssue(f, options.locale)));
  const byRule: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const i of issues) {
    byRule[i.rule] = (byRule[i.rule] ?? 0) + 1;
    if (i.severity === "error") errors++;
    else if (i.severity === "warning") warnings++;
    else infos++;
  }
  return {
    valid: errors === 0,
    pack: options.pack,
    kind: options.kind,
    stats: { rows: options.rows, errors, warnings, infos, byRule },
    issues,
  };
}
