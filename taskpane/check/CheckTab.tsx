/**
 * The 校验 tab: the roster (a file on the standalone page, the active sheet in Excel), the policy
 * pack and the check's options; the check, its results, safe fixes and header mapping; the live
 * check on edit. The state machine, the mapping and the live check are hooks of their own.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, Switch } from "@fluentui/react-components";
import type { Pack, Report } from "../../src/core";
import { isFileHost, type PaneHost } from "../../src/adapters/pane-host";
import type { Strings, UiLocale } from "../strings";
import { usePaneContext } from "../context";
import { Message } from "../components/Message";
import { useLayoutStyles } from "../components/layout";
import { checkOptions, DEFAULT_CHOICES, kindOption, type CheckChoices } from "./check-options";
import { CheckOptionsForm } from "./CheckOptionsForm";
import { FileDrop } from "./FileDrop";
import { CheckResults, HeaderMapping } from "../lazy";
import { LiveResultBar } from "./LiveResultBar";
import { PackPicker } from "./PackPicker";
import { ProgressLine } from "./ProgressLine";
import { previewLayout, useColumnMapping, type Loaded } from "./useColumnMapping";
import { useCheckRun, type CheckSetup } from "./useCheckRun";
import { useLiveCheck } from "./useLiveCheck";

export type { Loaded } from "./useColumnMapping";

export function CheckTab(props: {
  host: PaneHost;
  strings: Strings;
  locale: UiLocale;
  loaded: Loaded | null;
  onLoaded: (loaded: Loaded | null) => void;
  listHeight?: number;
  /** A new number runs the check once (the on-open trigger). */
  autoRun?: number;
  /** Turns the live check on (the on-edit trigger). */
  liveOn?: boolean;
  /** Every finished check's report (the on-open badge). */
  onReport?: (report: Report) => void;
  /** The policy pack, when the pane shares it with the other tabs (else this tab keeps its own). */
  pack?: Pack;
  onPackChange?: (pack: Pack) => void;
}) {
  const { host, strings: s, loaded, locale } = props;
  const layout = useLayoutStyles();
  const context = usePaneContext();
  const [ownPack, setOwnPack] = useState<Pack>(context.pack);
  const pack = props.pack ?? ownPack;
  const [choices, setChoices] = useState<CheckChoices>(DEFAULT_CHOICES);
  const fileHost = isFileHost(host) ? host : null;
  const kind = kindOption(choices.kind);
  const mapping = useColumnMapping(host, kind);
  const check = useCheckRun({ host, onLoaded: props.onLoaded, onReport: props.onReport });
  const { phase } = check;
  const live = useLiveCheck({
    host,
    liveOn: props.liveOn,
    pack,
    locale,
    options: () =>
      checkOptions(choices, { pack, today: context.today(), locale, columnOverrides: mapping.columnOverrides }).check,
    onError: check.fail,
  });

  const setup: CheckSetup = {
    mappingFor: async (r) => {
      const overrides = await mapping.mappingFor(r);
      mapping.setEdited(false);
      return overrides;
    },
    options: (columnOverrides) => checkOptions(choices, { pack, today: context.today(), locale, columnOverrides }),
  };
  const runCheck = (): Promise<void> => check.runCheck(setup);

  // Only a new read can change the sheet; mappingFor keeps what is already loaded for it.
  useEffect(() => {
    if (loaded) mapping.mappingFor(loaded).catch(check.fail);
  }, [loaded]);

  // The on-open trigger: one check per new request number (it reads the current options itself).
  const autoRan = useRef(0);
  useEffect(() => {
    if (!props.autoRun || props.autoRun === autoRan.current) return;
    autoRan.current = props.autoRun;
    void runCheck();
  }, [props.autoRun]);

  const results = phase.kind === "results" ? phase : null;
  const preview = useMemo(
    () =>
      loaded && (!results || mapping.edited) ? previewLayout(loaded.workbook, kind, mapping.columnOverrides) : null,
    [loaded, phase.kind, kind, mapping.columnOverrides, mapping.edited],
  );
  const shown = results && !mapping.edited ? results.result.layout : preview;
  const table = shown && <HeaderMapping layout={shown} strings={s} locale={locale} {...mapping.tableProps(shown)} />;

  return (
    <div className={layout.box}>
      {fileHost && (
        <FileDrop
          strings={s}
          busy={check.busy}
          loaded={loaded}
          onFile={(file) => void check.openFile(file)}
          onSample={() => void check.loadSample()}
        />
      )}
      <PackPicker strings={s} pack={pack} onChange={props.onPackChange ?? setOwnPack} />
      <CheckOptionsForm
        host={host}
        strings={s}
        pack={pack}
        choices={choices}
        onChange={(change) => setChoices((c) => ({ ...c, ...change }))}
      />
      <div className={layout.row}>
        <Button
          appearance="primary"
          disabled={check.busy || (fileHost !== null && loaded === null)}
          onClick={() => void runCheck()}
          data-testid="run-check"
        >
          {fileHost ? s.runCheck : s.checkSheet}
        </Button>
        {phase.kind === "running" && (
          <ProgressLine strings={s} progress={phase.progress} fallback={s.running} onCancel={check.cancel} />
        )}
        {host.watchEdits && (
          <Switch
            checked={live.live}
            label={s.liveCheck}
            onChange={(_, d) => live.setLive(d.checked)}
            data-testid="live-check"
          />
        )}
        {phase.kind === "reading" && (
          <ProgressLine strings={s} progress={phase.progress} fallback={s.reading} onCancel={check.cancel} />
        )}
      </div>
      {phase.kind === "idle" && !loaded && (
        <Message intent="info" testId="empty">
          {fileHost ? s.emptyStandalone : s.emptyOffice}
        </Message>
      )}
      {live.live && live.result && <LiveResultBar result={live.result} strings={s} />}
      {phase.kind === "idle" && phase.note === "cancelled" && (
        <Message intent="info" testId="check-cancelled">
          {s.cancelled}
        </Message>
      )}
      {phase.kind === "error" && (
        <Message intent="error" bodyTestId="check-error">
          {phase.message}
        </Message>
      )}
      {results ? (
        <CheckResults
          phase={results}
          host={host}
          strings={s}
          locale={locale}
          listHeight={props.listHeight}
          onRecheck={() => void runCheck()}
          mappingEdited={mapping.edited}
          mapping={table}
        />
      ) : (
        table
      )}
    </div>
  );
}
