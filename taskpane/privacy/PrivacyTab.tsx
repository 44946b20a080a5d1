import { useEffect, useState } from "react";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../src/core";
import { isFileHost, type PaneHost } from "../../src/adapters/pane-host";
import { EngineCancelled } from "../../src/adapters/engine";
import type { Strings, UiLocale } from "../strings";
import { VirtualList } from "../VirtualList";
import { ISSUE_ROW_HEIGHT, IssueRow } from "../check/IssueRow";
import type { Loaded } from "../check/CheckTab";
import { derivedName } from "../../src/adapters/standalone/download";
import { bookOf, usePaneEngine } from "../engine";
import { Message } from "../components/Message";
import { errorText } from "../components/error-text";
import { useLayoutStyles } from "../components/layout";
import { useHostAction } from "../hooks/useHostAction";

const useStyles = makeStyles({
  list: { border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
});

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
  const layout = useLayoutStyles();
  // Scan only once the tab has been opened: a big roster's inventory is not free.
  const [visited, setVisited] = useState(props.active);
  if (props.active && !visited) setVisited(true);
  const { busy, status, setStatus, run } = useHostAction(s.hostFailed);
  const engine = usePaneEngine();

  // The inventory of what was read, scanned in the engine (off the pane's thread) once per read.
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const [scanning, setScanning] = useState(false);
  useEffect(() => {
    setIssues(null);
    if (!visited || !loaded) return;
    let live = true;
    setScanning(true);
    bookOf(engine, loaded)
      .then((ref) => engine.call("scan", { book: ref.book, locale: props.locale }))
      .then((found) => live && setIssues(found))
      .catch((error: unknown) => {
        if (live && !(error instanceof EngineCancelled)) setStatus({ intent: "error", text: errorText(error) });
      })
      .finally(() => live && setScanning(false));
    return () => {
      live = false;
    };
  }, [visited, loaded, props.locale, engine]);

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
      const name = derivedName(loaded.source, "脱敏");
      // The standalone page masks and writes the file in the engine; Excel writes the masked data as new sheets.
      if (isFileHost(host) && host.saveMaskedFile) return host.saveMaskedFile(name);
      const ref = await bookOf(engine, loaded);
      const copy = await engine.call("masked", { book: ref.book });
      return host.saveMaskedCopy(copy.workbook, name);
    });

  return (
    <div className={layout.box}>
      <Text size={200}>{s.privacyIntro}</Text>
      <div className={layout.row}>
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
        {(busy || scanning) && <Spinner size="tiny" label={s.working} data-testid="privacy-working" />}
      </div>
      {host.saveMaskedCopy && <Text size={200}>{s.maskedCopyNote}</Text>}
      {!loaded && host.mode === "standalone" && <Message intent="info">{s.privacyNeedFile}</Message>}
      {status && (
        <Message intent={status.intent} bodyTestId="privacy-status">
          {status.text}
        </Message>
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
                        .catch((error: unknown) => setStatus({ intent: "error", text: errorText(error) }))
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
