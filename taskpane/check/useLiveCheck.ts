import { useEffect, useRef, useState } from "react";
import type { CheckOptions, Issue, Pack } from "../../src/core";
import type { PaneHost } from "../../src/adapters/pane-host";
import { EngineCancelled } from "../../src/adapters/engine";
import { bookOf, usePaneEngine } from "../engine";
import type { UiLocale } from "../strings";

/** What the last edit changed: its rows (1-based; [] = the whole sheet) and their issues. */
export interface LiveResult {
  rows: number[];
  issues: Issue[];
}

/**
 * The live check (the on-edit trigger, or the switch): on each (debounced) edit the sheet is read
 * again and the issues of the changed rows only are kept; the full result list stays as it was
 * until the user runs the check again. `options` gives the current form's options at each edit;
 * the watch starts again when the host, the pack or the locale changes.
 */
export function useLiveCheck(props: {
  host: PaneHost;
  liveOn?: boolean;
  options: () => CheckOptions;
  pack: Pack;
  locale: UiLocale;
  onError: (error: unknown) => void;
}) {
  const { host } = props;
  const engine = usePaneEngine();
  const [live, setLive] = useState(props.liveOn === true);
  useEffect(() => {
    if (props.liveOn) setLive(true);
  }, [props.liveOn]);
  const [result, setResult] = useState<LiveResult | null>(null);
  // Read at each edit: the options of the latest render, not those of when the watch started.
  const options = useRef(props.options);
  options.current = props.options;
  const onError = useRef(props.onError);
  onError.current = props.onError;

  useEffect(() => {
    if (!live || !host.watchEdits) return;
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    void host
      .watchEdits(async (_sheet, rows) => {
        const r = await host.read();
        if (!r.ok || cancelled) return;
        // The check runs in the engine; a 取消 of the main check meanwhile drops this one silently.
        let report;
        try {
          const ref = await bookOf(engine, r);
          const out = await engine.call("check", { book: ref.book, check: options.current() });
          // Each edit reads the sheet anew: this copy is not needed again.
          await engine.release(r.workbook);
          report = out.result.report;
        } catch (error) {
          if (!(error instanceof EngineCancelled)) onError.current(error);
          return;
        }
        if (cancelled) return;
        const changed = new Set(rows);
        setResult({ rows, issues: report.issues.filter((i) => rows.length === 0 || changed.has(i.row)) });
      })
      .then((stopWatching) => {
        if (cancelled) void stopWatching();
        else stop = stopWatching;
      })
      .catch((error: unknown) => onError.current(error));
    return () => {
      cancelled = true;
      if (stop) void stop();
    };
  }, [live, host, props.pack, props.locale]);

  return { live, setLive, result };
}
