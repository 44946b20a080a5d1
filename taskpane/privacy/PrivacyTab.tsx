import { useMemo, useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { scanWorkbook } from "../../src/core/privacy";
import { buildReport } from "../../src/core/report/build";
import type { Issue } from "../../src/core/report/types";
import type { PaneHost } from "../../src/adapters/pane-host";
import type { Strings, UiLocale } from "../strings";
import { VirtualList } from "../VirtualList";
import { ISSUE_ROW_HEIGHT, IssueRow } from "../check/IssueRow";
import type { Loaded } from "../check/CheckTab";
import { derivedName } from "../../src/adapters/standalone/download";
import { maskedCopy } from "./mask-copy";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: { border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
});

type Status = { intent: "success" | "error" | "warning"; text: string } | null;

/** Every piece of personal data in the workbook (inventory scan), masked; and a masked copy. */
export function PrivacyTab(props: {
  host: PaneHost;
  strings: Strings;
  locale: UiLocale;
  active: boolean;
  loaded: Loaded | null;
  onLoaded: (loaded: Loaded | null) => void;
  listHeight?: number;
}) {
  const { host, strings: s, loaded } = props;
  const styles = useStyles();
  // Scan only once the tab has been opened: a big roster's inventory is not free.
  const [visited, setVisited] = useState(props.active);
  if (props.active && !visited) setVisited(true);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const issues = useMemo<Issue[] | null>(() => {
    if (!visited || !loaded) return null;
    const findings = scanWorkbook(loaded.workbook, { mode: "inventory" });
    return buildReport(findings, {
      pack: { id: "", version: "" },
      kind: "notice",
      rows: 0,
      locale: props.locale,
    }).issues;
  }, [visited, loaded, props.locale]);

  async function run(what: string, task: () => Promise<void>): Promise<void> {
    setBusy(true);
    setStatus(null);
    try {
      await task();
    } catch (error) {
      setStatus({ intent: "error", text: s.hostFailed(what, error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  }

  const scan = () =>
    run(s.privacyScan, async () => {
      // Office: the whole workbook, hidden sheets and document properties included.
      const r = await (host.readAll ?? host.read).call(host);
      if (r.ok) {
        props.onLoaded(r);
        if (r.note) setStatus({ intent: "warning", text: r.note });
      } else setStatus({ intent: "warning", text: host.mode === "standalone" ? s.privacyNeedFile : r.message });
    });

  const saveCopy = () =>
    run(s.maskedCopy, async () => {
      if (!loaded || !host.saveMaskedCopy) return;
      const copy = maskedCopy(loaded.workbook);
      setStatus({
        intent: "success",
        text: await host.saveMaskedCopy(copy.workbook, derivedName(loaded.source, "脱敏")),
      });
    });

  return (
    <div className={styles.box}>
      <Text size={200}>{s.privacyIntro}</Text>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void scan()} data-testid="privacy-scan">
          {s.privacyScan}
        </Button>
        {host.saveMaskedCopy && (
          <Button
            appearance="primary"
            disabled={busy || !loaded}
            onClick={() => void saveCopy()}
            data-testid="masked-copy"
          >
            {s.maskedCopy}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={s.working} />}
      </div>
      {host.saveMaskedCopy && <Text size={200}>{s.maskedCopyNote}</Text>}
      {!loaded && host.mode === "standalone" && (
        <MessageBar intent="info">
          <MessageBarBody>{s.privacyNeedFile}</MessageBarBody>
        </MessageBar>
      )}
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody data-testid="privacy-status">{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {issues && (
        <>
          <Text data-testid="privacy-summary">
            {issues.length === 0 ? s.privacyNone : s.privacyFound(issues.length)}
          </Text>
          {issues.length > 0 && (
            <div className={styles.list}>
              <VirtualList
                items={issues}
                rowHeight={ISSUE_ROW_HEIGHT}
                height={props.listHeight ?? Math.min(440, issues.length * ISSUE_ROW_HEIGHT)}
                label={s.privacyFound(issues.length)}
                testId="privacy-list"
                renderRow={(issue) => (
                  <IssueRow
                    issue={issue}
                    strings={s}
                    onClick={(i) =>
                      void host
                        .reveal?.(i)
                        .catch((error: unknown) =>
                          setStatus({ intent: "error", text: error instanceof Error ? error.message : String(error) }),
                        )
                    }
                  />
                )}
              />
            </div>
          )}
        </>
      )}
    </div>
  );
}
