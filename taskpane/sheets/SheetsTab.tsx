/**
 * The 报表 tab: 格式化花名册, 生成汇总表, 生成公示表, 生成申请表, 进步奖名单, 帮扶记录汇总, 报送前检查
 * and 核验凭证, with their options. A ribbon button lands here: the command runs at once with default
 * options, and the result says how to run it again with changed ones. In Excel the results are new sheets; on the
 * standalone page, downloaded new workbooks. The roster itself is never written.
 */
import { useEffect, useRef, useState } from "react";
import { Button, Spinner, Text } from "@fluentui/react-components";
import { SHEET_COMMANDS, type Pack, type Report } from "../../src/core";
import { claimCommandRequest, type CommandRequest } from "../../src/commands/requests";
import { isFileHost, type PaneHost, type SheetRunOptions } from "../../src/adapters/pane-host";
import type { Strings, UiLocale } from "../strings";
import { usePaneContext } from "../context";
import { Message } from "../components/Message";
import { errorText } from "../components/error-text";
import { useLayoutStyles } from "../components/layout";
import { EMPTY_FORM, SheetsOptionsForm, sheetsOptions, type SheetsForm } from "./SheetsOptionsForm";
import { SheetsResult, type Intent, type SheetsDone } from "./SheetsResult";

import { isSheetsCommand, type SheetsCommand } from "./sheets-command";

export { isSheetsCommand, type SheetsCommand };

type Phase = { kind: "idle" } | { kind: "running"; label: string } | ({ kind: "done" } & SheetsDone<SheetsCommand>);

export function SheetsTab(props: {
  host: PaneHost;
  strings: Strings;
  locale: UiLocale;
  /** Whether a roster has been read (the standalone page needs an opened file). */
  loaded: boolean;
  /** The last ribbon request: run once, with default options. */
  request?: CommandRequest;
  /** 报送前检查 found errors: the pane shows the report on the 校验 tab. */
  onReport: (report: Report) => void;
  pack?: Pack;
}) {
  const { host, strings: s } = props;
  const layout = useLayoutStyles();
  const context = usePaneContext();
  const pack = props.pack ?? context.pack;
  const [form, setForm] = useState<SheetsForm>(EMPTY_FORM);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  // Office: the roster the last run read. After a run the new sheet is the active one, so "run
  // again" names the roster instead of reading the active sheet.
  const lastRoster = useRef<string | undefined>(undefined);
  const fileHost = isFileHost(host);
  const busy = phase.kind === "running";
  const needFile = fileHost && !props.loaded;

  const labels: Record<SheetsCommand, string> = {
    formatRoster: s.cmdFormatRoster,
    buildSummary: s.cmdSummary,
    buildNotice: s.cmdNotice,
    buildForms: s.cmdForms,
    buildAwards: s.cmdAwards,
    buildPairSummary: s.cmdPairSummary,
    preSubmitCheck: s.cmdPreSubmit,
  };

  /** The form as builder options; a Chinese message when a field cannot be read. */
  function options(defaults: boolean, again: boolean): SheetRunOptions | string {
    // The 公示期 counts with the pane's calendar: the shipped data plus the notices imported on 工具.
    const base: SheetRunOptions = {
      pack,
      today: context.today(),
      calendar: context.calendar,
      ...(again ? { sheet: lastRoster.current } : {}),
    };
    if (defaults) return base;
    const chosen = sheetsOptions(form, s);
    return typeof chosen === "string" ? chosen : { ...base, ...chosen };
  }

  const done = (d: Omit<SheetsDone<SheetsCommand>, "ribbon"> & { ribbon?: boolean }): void =>
    setPhase({ kind: "done", ribbon: false, ...d });
  const failed = (error: unknown): void => done({ intent: "error", message: errorText(error), notes: [] });

  async function run(command: SheetsCommand, how: { ribbon?: boolean; again?: boolean } = {}): Promise<void> {
    const ribbon = how.ribbon ?? false;
    const opts = options(ribbon, how.again ?? false);
    if (typeof opts === "string") return done({ intent: "error", message: opts, notes: [] });
    setPhase({ kind: "running", label: s.sheetsRunning(labels[command]) });
    try {
      if (command === "preSubmitCheck") {
        if (!host.preSubmitCheck) throw new Error(s.sheetsUnavailable);
        const r = await host.preSubmitCheck(opts);
        if (r.ok) return done({ intent: "success", message: r.message, notes: r.notes, again: command, ribbon });
        if (!r.report) return done({ intent: "error", message: r.message, notes: r.notes, again: command, ribbon });
        props.onReport(r.report);
        return done({
          intent: "error",
          message: s.preSubmitErrors(r.report.stats.errors),
          notes: [],
          again: command,
          ribbon,
        });
      }
      if (!host.buildSheet) throw new Error(s.sheetsUnavailable);
      const r = await host.buildSheet(command, opts);
      if (r.roster !== undefined) lastRoster.current = r.roster;
      done({ intent: r.ok ? "success" : "error", message: r.message, notes: r.notes, again: command, ribbon });
    } catch (error) {
      // Only bugs throw; shown rather than leaving the pane spinning.
      failed(error);
    }
  }

  async function verify(): Promise<void> {
    if (!host.verifySeal) return;
    setPhase({ kind: "running", label: s.sheetsRunning(s.cmdVerify) });
    try {
      const r = await host.verifySeal();
      const intent: Intent = r.status === "unchanged" ? "success" : r.status === "modified" ? "warning" : "info";
      done({ intent, message: r.message, notes: r.detail ? [r.detail] : [] });
    } catch (error) {
      failed(error);
    }
  }

  // A ribbon click: run once (a request is claimed, so a remount does not run it again).
  const request = props.request;
  useEffect(() => {
    if (!request || !isSheetsCommand(request.command)) return;
    if (!claimCommandRequest(window, request)) return;
    void run(request.command, { ribbon: true });
    // Only a new request runs; the form's state is read when it does.
  }, [request]);

  const available = (command: SheetsCommand): boolean =>
    command === "preSubmitCheck" ? host.preSubmitCheck !== undefined : host.buildSheet !== undefined;

  return (
    <div className={layout.box}>
      <Text size={200}>{fileHost ? s.sheetsIntroStandalone : s.sheetsIntroOffice}</Text>
      {needFile && (
        <Message intent="info" testId="sheets-need-file">
          {s.sheetsNeedFile}
        </Message>
      )}
      <SheetsOptionsForm
        strings={s}
        locale={props.locale}
        pack={pack}
        form={form}
        onChange={(change) => setForm((f) => ({ ...f, ...change }))}
      />
      <div className={layout.row}>
        {([...SHEET_COMMANDS, "preSubmitCheck"] as const).map((command) => (
          <Button
            key={command}
            appearance={command === "preSubmitCheck" ? "primary" : "secondary"}
            disabled={busy || needFile || !available(command)}
            onClick={() => void run(command)}
            data-testid={`sheets-${command}`}
          >
            {labels[command]}
          </Button>
        ))}
        {host.verifySeal && (
          <Button disabled={busy || needFile} onClick={() => void verify()} data-testid="sheets-verify">
            {s.cmdVerify}
          </Button>
        )}
      </div>
      {phase.kind === "running" && <Spinner size="tiny" label={phase.label} data-testid="sheets-spinner" />}
      {phase.kind === "done" && (
        <SheetsResult
          done={phase}
          strings={s}
          label={(command) => labels[command]}
          busy={busy}
          onAgain={(command) => void run(command, { again: true })}
        />
      )}
    </div>
  );
}
