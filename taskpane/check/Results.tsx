import { useDeferredValue, useMemo, useState } from "react";
import {
  Badge,
  Button,
  Field as FluentField,
  Select,
  Spinner,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Issue, Report, Severity } from "../../src/core";
import type { PaneHost } from "../../src/adapters/pane-host";
import type { Strings, UiLocale } from "../strings";
import { VirtualList } from "../VirtualList";
import { ISSUE_ROW_HEIGHT, IssueRow, SEVERITY_COLOR, severityLabel } from "./IssueRow";
import { HeaderTable } from "../components/HeaderTable";
import { Message } from "../components/Message";
import { TextField } from "../components/TextField";
import { errorText } from "../components/error-text";
import { useLayoutStyles } from "../components/layout";
import { useHostAction } from "../hooks/useHostAction";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  badges: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  filters: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "flex-end" },
  filter: { minWidth: "8em", flex: "1 1 8em" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: { border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  ruleTable: { maxHeight: "12em", overflowY: "auto" },
});

type SeverityFilter = Severity | "all";

export function filterIssues(
  issues: readonly Issue[],
  filter: { severity: SeverityFilter; rule: string; text: string },
): readonly Issue[] {
  const text = filter.text.trim().toLowerCase();
  if (filter.severity === "all" && filter.rule === "" && text === "") return issues;
  return issues.filter(
    (i) =>
      (filter.severity === "all" || i.severity === filter.severity) &&
      (filter.rule === "" || i.rule === filter.rule) &&
      (text === "" || `${i.sheet}!${i.cell} ${i.message} ${i.hint} ${i.value} ${i.rule}`.toLowerCase().includes(text)),
  );
}

/** "身份证号校验码错误" for id.checksum: the catalogue's title (the engine sends those in use), or the code itself. */
function ruleTitle(code: string, titles: Readonly<Record<string, string>> | undefined): string {
  return titles?.[code] ?? code;
}

export function Results(props: {
  report: Report;
  host: PaneHost;
  strings: Strings;
  locale?: UiLocale;
  listHeight?: number;
  /** The rules' titles by code, from the engine (the rule catalogue is not loaded in the pane). */
  titles?: Readonly<Record<string, string>>;
}) {
  const { report, host, strings: s } = props;
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [severity, setSeverity] = useState<SeverityFilter>("all");
  const [rule, setRule] = useState("");
  const [text, setText] = useState("");
  const deferredText = useDeferredValue(text);
  // A host method that throws is a bug or a host failure: said in the pane, not a crash.
  const { busy, status, setStatus, run } = useHostAction(s.hostFailed);
  const filtered = useMemo(
    () => filterIssues(report.issues, { severity, rule, text: deferredText }),
    [report.issues, severity, rule, deferredText],
  );
  const rules = useMemo(
    () => Object.entries(report.stats.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    [report.stats.byRule],
  );

  function reveal(issue: Issue): void {
    if (!host.reveal) return;
    host.reveal(issue).catch((error: unknown) => setStatus({ intent: "error", text: errorText(error) }));
  }

  // The host's actions on these results; highlighting needs a host that can mark cells.
  const actions = [
    ...(host.highlight
      ? [
          {
            what: s.highlight,
            testId: "highlight",
            disabled: filtered.length === 0,
            task: host.highlight.bind(host, filtered),
          },
        ]
      : []),
    ...(host.clearHighlight
      ? [{ what: s.clearHighlight, testId: "clear-highlight", disabled: false, task: host.clearHighlight.bind(host) }]
      : []),
  ];
  const counts: [Severity, number][] = [
    ["error", report.stats.errors],
    ["warning", report.stats.warnings],
    ["info", report.stats.infos],
  ];
  return (
    <section className={styles.box} aria-label={s.issueList} data-testid="results">
      <div className={styles.badges}>
        <Text data-testid="summary">{s.summary(report.stats.rows, report.issues.length)}</Text>
        {counts.map(([sev, n]) => (
          <Badge key={sev} appearance="tint" color={SEVERITY_COLOR[sev]} data-testid={`count-${sev}`}>
            {`${severityLabel(s, sev)} ${n}`}
          </Badge>
        ))}
      </div>
      {report.issues.length === 0 ? (
        <Message intent="success">{s.noIssues}</Message>
      ) : (
        <>
          <div className={styles.ruleTable}>
            <HeaderTable label={s.byRuleTitle} testId="by-rule" columns={[s.ruleColumn, s.countColumn]}>
              {rules.map(([code, n]) => (
                <TableRow key={code}>
                  <TableCell title={code}>{`${ruleTitle(code, props.titles)} (${code})`}</TableCell>
                  <TableCell>{n}</TableCell>
                </TableRow>
              ))}
            </HeaderTable>
          </div>
          <div className={styles.filters}>
            <FluentField label={s.filterSeverity} className={styles.filter}>
              <Select
                className={layout.fill}
                value={severity}
                data-testid="filter-severity"
                onChange={(_, d) => setSeverity(d.value as SeverityFilter)}
              >
                <option value="all">{s.filterAll}</option>
                <option value="error">{s.severityError}</option>
                <option value="warning">{s.severityWarning}</option>
                <option value="info">{s.severityInfo}</option>
              </Select>
            </FluentField>
            <FluentField label={s.filterRule} className={styles.filter}>
              <Select
                className={layout.fill}
                value={rule}
                data-testid="filter-rule"
                onChange={(_, d) => setRule(d.value)}
              >
                <option value="">{s.filterAllRules}</option>
                {rules.map(([code, n]) => (
                  <option key={code} value={code}>{`${ruleTitle(code, props.titles)} (${n})`}</option>
                ))}
              </Select>
            </FluentField>
            <TextField
              label={s.filterText}
              className={styles.filter}
              value={text}
              placeholder={s.filterTextPlaceholder}
              testId="filter-text"
              onChange={setText}
            />
          </div>
          <Text size={200} data-testid="shown">
            {s.shown(filtered.length, report.issues.length)}
          </Text>
          <div className={styles.list}>
            <VirtualList
              items={filtered}
              rowHeight={ISSUE_ROW_HEIGHT}
              height={props.listHeight ?? Math.min(440, Math.max(1, filtered.length) * ISSUE_ROW_HEIGHT)}
              label={s.issueList}
              testId="issue-list"
              renderRow={(issue) => <IssueRow issue={issue} strings={s} onClick={reveal} />}
            />
          </div>
        </>
      )}
      <div className={styles.actions}>
        {actions.map((a) => (
          <Button
            key={a.testId}
            disabled={busy || a.disabled}
            data-testid={a.testId}
            onClick={() => void run(a.what, a.task)}
          >
            {a.what}
          </Button>
        ))}
        <Button
          appearance="primary"
          disabled={busy}
          data-testid="export"
          onClick={() => void run(s.exportResults, () => host.exportResults(report))}
        >
          {s.exportResults}
        </Button>
        {busy && <Spinner size="tiny" label={s.working} />}
      </div>
      {status && (
        <Message intent={status.intent} bodyTestId="action-status">
          {status.text}
        </Message>
      )}
    </section>
  );
}
