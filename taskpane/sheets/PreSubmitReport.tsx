/**
 * On the 校验 tab: the report of a 报送前检查 that found errors (no seal was written), with the
 * same issue list, filters and jumps as a check's results. Closed by the user or by the next check.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Report } from "../../src/core";
import { usePaneEngine } from "../engine";
import { Results } from "../check/Results";
import type { PaneHost } from "../../src/adapters/pane-host";
import type { Strings, UiLocale } from "../strings";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export function PreSubmitReport(props: {
  report: Report;
  host: PaneHost;
  strings: Strings;
  locale: UiLocale;
  listHeight?: number;
  onClose: () => void;
}) {
  const { report, strings: s } = props;
  const styles = useStyles();
  const engine = usePaneEngine();
  // The rules' titles come from the engine's catalogue; until they do, the codes are shown.
  const [titles, setTitles] = useState<Record<string, string> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    engine.call("titles", { issues: report.issues, locale: props.locale }).then(
      (t) => live && setTitles(t),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [engine, report, props.locale]);
  return (
    <section className={styles.box} data-testid="presubmit-report">
      <MessageBar intent="error">
        <MessageBarBody data-testid="presubmit-title">{s.preSubmitReportTitle(report.stats.errors)}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={props.onClose} data-testid="presubmit-close">
            {s.preSubmitClose}
          </Button>
        </MessageBarActions>
      </MessageBar>
      <Results
        report={report}
        host={props.host}
        strings={s}
        locale={props.locale}
        listHeight={props.listHeight}
        titles={titles}
      />
    </section>
  );
}
