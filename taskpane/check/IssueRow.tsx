import { Badge, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Issue, Severity } from "../../src/core";
import type { Strings } from "../strings";

export const ISSUE_ROW_HEIGHT = 76;

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    width: "100%",
    height: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    background: "transparent",
    color: tokens.colorNeutralForeground1,
    textAlign: "start",
    cursor: "pointer",
    font: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  line: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0, display: "block" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export function severityLabel(s: Strings, severity: Severity): string {
  return severity === "error" ? s.severityError : severity === "warning" ? s.severityWarning : s.severityInfo;
}

/** 工作表!C5, 工作表!第 5 行, or the sheet alone. */
export function issuePlace(s: Strings, issue: Issue): string {
  const sheet = issue.sheet || s.wholeSheet;
  if (issue.cell) return `${sheet}!${issue.cell}`;
  if (issue.row > 0) return `${sheet}!${s.wholeRow(issue.row)}`;
  return sheet;
}

export function IssueRow(props: { issue: Issue; strings: Strings; onClick?: (issue: Issue) => void }) {
  const { issue, strings: s } = props;
  const styles = useStyles();
  const place = issuePlace(s, issue);
  return (
    <button
      type="button"
      className={styles.row}
      data-testid="issue-row"
      title={`${place} ${issue.message}\n${issue.hint}`}
      onClick={() => props.onClick?.(issue)}
    >
      <span className={styles.head}>
        <Badge size="small" appearance="filled" color={SEVERITY_COLOR[issue.severity]}>
          {severityLabel(s, issue.severity)}
        </Badge>
        <Text size={200} weight="semibold" data-testid="issue-place">
          {place}
        </Text>
        {issue.value && (
          <Text size={200} className={styles.line}>
            {issue.value}
          </Text>
        )}
      </span>
      <Text size={300} className={styles.line} data-testid="issue-message">
        {issue.message}
      </Text>
      <Text size={200} className={mergeClasses(styles.line, styles.hint)}>
        {issue.hint}
      </Text>
    </button>
  );
}
