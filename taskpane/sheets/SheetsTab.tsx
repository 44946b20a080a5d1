/**
 * The 报表 tab: 格式化花名册, 生成汇总表, 生成公示表, 生成申请表, 报送前检查 and 核验凭证, with their
 * options. A ribbon button lands here: the command runs at once with default options, and the
 * result says how to run it again with changed ones. In Excel the results are new sheets; on the
 * standalone page, downloaded new workbooks. The roster itself is never written.
 */
import { useEffect, useRef, useState } from "react";
import {
  Button,
  Field as FluentField,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { today } from "../../functions/clock";
import { activeCalendar } from "../../functions/calendar-context";
import { parseDateInput } from "../../src/core/date/serial";
import { seedPack, type Pack } from "../../src/core/policy";
import type { Report } from "../../src/core/report/types";
import { claimCommandRequest, type CommandRequest } from "../../src/commands/requests";
import { isFileHost, type PaneHost, type SheetCommand, type SheetRunOptions } from "../../src/adapters/pane-host";
import type { Strings, UiLocale } from "../strings";

export type SheetsCommand = SheetCommand | "preSubmitCheck";

const SHEETS: readonly SheetCommand[] = ["formatRoster", "buildSummary", "buildNotice", "buildForms"];

export function isSheetsCommand(command: string): command is SheetsCommand {
  return command === "preSubmitCheck" || (SHEETS as readonly string[]).includes(command);
}

type Intent = "success" | "warning" | "error" | "info";

type Phase =
  | { kind: "idle" }
  | { kind: "running"; label: string }
  | {
      kind: "done";
      intent: Intent;
      message: string;
      notes: string[];
      /** The command to run again with changed options (none after 核验凭证). */
      again?: SheetsCommand;
      ribbon: boolean;
    };

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  options: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(14em, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  fill: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

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
  const styles = useStyles();
  const pack = props.pack ?? seedPack();
  const [title, setTitle] = useState("");
  const [unit, setUnit] = useState("");
  const [program, setProgram] = useState("");
  const [enrolled, setEnrolled] = useState("");
  const [start, setStart] = useState("");
  const [days, setDays] = useState("");
  const [contact, setContact] = useState("");
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
    preSubmitCheck: s.cmdPreSubmit,
  };

  /** The form as builder options; a Chinese message when a field cannot be read. */
  function options(defaults: boolean, again: boolean): SheetRunOptions | string {
    // The 公示期 counts with the active calendar: the shipped data plus the notices imported on 工具.
    const base: SheetRunOptions = {
      pack,
      today: today(),
      calendar: activeCalendar(),
      ...(again ? { sheet: lastRoster.current } : {}),
    };
    if (defaults) return base;
    const n = Number(enrolled);
    const out: SheetRunOptions = {
      ...base,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(unit.trim() ? { unit: unit.trim() } : {}),
      ...(program ? { program } : {}),
      ...(enrolled.trim() !== "" && Number.isFinite(n) && n > 0 ? { enrolled: Math.floor(n) } : {}),
      ...(contact.trim() ? { contact: contact.trim() } : {}),
    };
    if (start.trim() !== "") {
      const d = parseDateInput(start);
      if (!d.ok) return s.sheetsBadDate(start.trim());
      out.start = d.date;
    }
    if (days.trim() !== "") {
      const d = Number(days.trim());
      if (!Number.isInteger(d) || d <= 0) return s.sheetsBadDays(days.trim());
      out.days = d;
    }
    return out;
  }

  async function run(command: SheetsCommand, how: { ribbon?: boolean; again?: boolean } = {}): Promise<void> {
    const ribbon = how.ribbon ?? false;
    const opts = options(ribbon, how.again ?? false);
    if (typeof opts === "string") {
      setPhase({ kind: "done", intent: "error", message: opts, notes: [], ribbon: false });
      return;
    }
    setPhase({ kind: "running", label: s.sheetsRunning(labels[command]) });
    try {
      if (command === "preSubmitCheck") {
        if (!host.preSubmitCheck) throw new Error(s.sheetsUnavailable);
        const r = await host.preSubmitCheck(opts);
        if (r.ok) {
          setPhase({ kind: "done", intent: "success", message: r.message, notes: r.notes, again: command, ribbon });
        } else if (r.report) {
          props.onReport(r.report);
          const message = s.preSubmitErrors(r.report.stats.errors);
          setPhase({ kind: "done", intent: "error", message, notes: [], again: command, ribbon });
        } else {
          setPhase({ kind: "done", intent: "error", message: r.message, notes: r.notes, again: command, ribbon });
        }
        return;
      }
      if (!host.buildSheet) throw new Error(s.sheetsUnavailable);
      const r = await host.buildSheet(command, opts);
      if (r.roster !== undefined) lastRoster.current = r.roster;
      setPhase({
        kind: "done",
        intent: r.ok ? "success" : "error",
        message: r.message,
        notes: r.notes,
        again: command,
        ribbon,
      });
    } catch (error) {
      // Only bugs throw; shown rather than leaving the pane spinning.
      const message = error instanceof Error ? error.message : String(error);
      setPhase({ kind: "done", intent: "error", message, notes: [], ribbon: false });
    }
  }

  async function verify(): Promise<void> {
    if (!host.verifySeal) return;
    setPhase({ kind: "running", label: s.sheetsRunning(s.cmdVerify) });
    try {
      const r = await host.verifySeal();
      const intent: Intent = r.status === "unchanged" ? "success" : r.status === "modified" ? "warning" : "info";
      setPhase({ kind: "done", intent, message: r.message, notes: r.detail ? [r.detail] : [], ribbon: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setPhase({ kind: "done", intent: "error", message, notes: [], ribbon: false });
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
    <div className={styles.box}>
      <Text size={200}>{fileHost ? s.sheetsIntroStandalone : s.sheetsIntroOffice}</Text>
      {needFile && (
        <MessageBar intent="info" data-testid="sheets-need-file">
          <MessageBarBody>{s.sheetsNeedFile}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.options}>
        <FluentField label={s.optTitle}>
          <Input className={styles.fill} value={title} data-testid="opt-title" onChange={(_, d) => setTitle(d.value)} />
        </FluentField>
        <FluentField label={s.optUnit}>
          <Input className={styles.fill} value={unit} data-testid="opt-unit" onChange={(_, d) => setUnit(d.value)} />
        </FluentField>
        <FluentField label={s.optProgram}>
          <Select
            className={styles.fill}
            value={program}
            data-testid="opt-sheets-program"
            onChange={(_, d) => setProgram(d.value)}
          >
            <option value="">{s.optProgramByColumn}</option>
            {pack.programs.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </Select>
        </FluentField>
        <FluentField label={s.optEnrolled}>
          <Input
            className={styles.fill}
            type="number"
            min={1}
            value={enrolled}
            data-testid="opt-sheets-enrolled"
            onChange={(_, d) => setEnrolled(d.value)}
          />
        </FluentField>
      </div>
      <Text weight="semibold">{s.noticeOptions}</Text>
      <div className={styles.options}>
        <FluentField label={s.optNoticeStart}>
          <Input
            className={styles.fill}
            value={start}
            placeholder="2026-09-28"
            data-testid="opt-notice-start"
            onChange={(_, d) => setStart(d.value)}
          />
        </FluentField>
        <FluentField label={s.optNoticeDays}>
          <Input
            className={styles.fill}
            type="number"
            min={5}
            value={days}
            placeholder="5"
            data-testid="opt-notice-days"
            onChange={(_, d) => setDays(d.value)}
          />
        </FluentField>
        <FluentField label={s.optContact}>
          <Input
            className={styles.fill}
            value={contact}
            data-testid="opt-contact"
            onChange={(_, d) => setContact(d.value)}
          />
        </FluentField>
      </div>
      <div className={styles.row}>
        {([...SHEETS, "preSubmitCheck"] as const).map((command) => (
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
        <MessageBar intent={phase.intent} data-testid="sheets-result" data-intent={phase.intent}>
          <MessageBarBody>
            <div data-testid="sheets-message" style={{ whiteSpace: "pre-wrap" }}>
              {phase.message}
            </div>
            {phase.notes.length > 0 && (
              <>
                <Text weight="semibold">{s.sheetsNotes}</Text>
                <ul className={styles.notes} data-testid="sheets-notes">
                  {phase.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </>
            )}
            {phase.ribbon && phase.intent !== "error" && (
              <Text size={200} data-testid="sheets-ribbon-hint">
                {s.sheetsFromRibbon(phase.again ? labels[phase.again] : "")}
              </Text>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {phase.kind === "done" && phase.again && (
        <div className={styles.row}>
          <Button
            disabled={busy}
            onClick={() => void run(phase.again ?? "formatRoster", { again: true })}
            data-testid="sheets-again"
          >
            {s.sheetsRunAgain}
          </Button>
        </div>
      )}
    </div>
  );
}
