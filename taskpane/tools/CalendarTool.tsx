import { useState, type ReactNode } from "react";
import { Button, Field as FluentField, Input, Text, Textarea, type MessageBarIntent } from "@fluentui/react-components";
import {
  conflictText,
  noticeProblemText,
  shippedCalendar,
  storeProblemText,
  withYear,
  type ImportedYear,
  localIsoTimestamp,
} from "../../src/core";
import { decodeText } from "../../src/adapters/csv/read";
import type { PaneHost } from "../../src/adapters/pane-host";
import { savePaneCalendar, type PaneCalendar } from "../calendar";
import type { Strings, UiLocale } from "../strings";
import { FileButton } from "../components/FileButton";
import { Message, type Status } from "../components/Message";
import { errorText } from "../components/error-text";
import { useCalendarStyles } from "./calendar-styles";
import { ReadPreview } from "./ReadPreview";
import { readNotice, type NoticePreview } from "./read-notice";
import { YearList } from "./YearList";

/** A message with a list under its first line (problems, conflicts). */
function ListMessage(props: {
  intent: MessageBarIntent;
  testId?: string;
  bodyTestId?: string;
  title: string;
  items: readonly ReactNode[];
}) {
  const styles = useCalendarStyles();
  return (
    <Message intent={props.intent} testId={props.testId} bodyTestId={props.bodyTestId}>
      {props.title}
      <ul className={styles.list}>
        {props.items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </Message>
  );
}

/**
 * 导入放假通知: paste the State Council notice (or pick a .txt), 读取 shows what was read — or every
 * problem with the line it comes from — and 导入 keeps it through the host (the workbook in Excel,
 * the page on the standalone page). A year the shipped data has must agree with it; the shipped
 * data is used when it does not.
 */
export function CalendarTool(props: {
  host: PaneHost;
  strings: Strings;
  locale: UiLocale;
  calendar: PaneCalendar;
  onCalendarChange: (next: PaneCalendar) => void;
  /** A warning from start-up (the stored calendar applied, the recalculation failed). */
  note?: string | null;
  /** The import's timestamp (tests fix it). */
  now?: () => string;
}) {
  const { host, strings: s, locale, calendar } = props;
  const styles = useCalendarStyles();
  const [text, setText] = useState("");
  const [yearText, setYearText] = useState("");
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const [fileNote, setFileNote] = useState<Status | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const shipped = shippedCalendar().years;
  const office = host.mode === "office";

  function read(notice: string = text): void {
    setStatus(null);
    setPreview(readNotice(notice, yearText, calendar.years, s));
  }

  /** An edit of the notice or its year: what was read no longer applies. */
  const edit = (set: (value: string) => void) => (_: unknown, d: { value: string }) => {
    set(d.value);
    setPreview(null);
  };

  async function readFile(file: File): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // A Word document (.docx is a zip) or another binary format: its text must be copied out.
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    if (zip || /\.(docx?|wps|pdf|xlsx?)$/i.test(file.name)) {
      setFileNote({ intent: "error", text: s.calFileNotText(file.name) });
      return;
    }
    // UTF-8, or GBK/GB18030 (Windows Notepad on a Chinese system), or UTF-16 with a BOM: as the CLI reads it.
    const decoded = decodeText(bytes).text;
    setText(decoded);
    setFileNote({ intent: "info", text: s.calFileLoaded(file.name) });
    read(decoded);
  }

  /** Keeps these years through the host, makes them active, recalculates (Excel); `done` on success. */
  async function keep(years: readonly ImportedYear[], done: string): Promise<boolean> {
    setBusy(true);
    setStatus(null);
    try {
      const { state, saved } = await savePaneCalendar(host, years);
      props.onCalendarChange(state);
      const parts: string[] = [];
      let intent: Status["intent"] = "success";
      if (saved === null) {
        parts.push(s.calNoStore);
        intent = "warning";
      } else if (!saved.ok) {
        parts.push(s.calNotSaved(saved.message));
        intent = "warning";
      } else parts.push(done);
      if (host.recalculate) {
        const recalc = await host.recalculate();
        if (recalc.ok) parts.push(s.calRecalculated);
        else {
          parts.push(s.calRecalcFailed(recalc.message));
          intent = "warning";
        }
      }
      setStatus({ intent, text: parts.join("\n") });
      return true;
    } catch (error) {
      // Only bugs throw; shown rather than leaving the tool busy.
      setStatus({ intent: "error", text: errorText(error) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function importYear(got: ImportedYear): Promise<void> {
    const stamped: ImportedYear = {
      ...got,
      source: { ...got.source, importedAt: (props.now ?? localIsoTimestamp)() },
    };
    const done = office ? s.calImportedOffice(got.year) : s.calImportedStandalone(got.year);
    if (await keep(withYear(calendar.years, stamped), done)) {
      setPreview(null);
      setText("");
      setYearText("");
      setFileNote(null);
    }
  }

  async function remove(year: number): Promise<void> {
    await keep(
      calendar.years.filter((y) => y.year !== year),
      s.calRemoved(year),
    );
    setPreview(null);
  }

  return (
    <section aria-label={s.calTitle} className={styles.box} data-testid="calendar-tool">
      <Text weight="semibold">{s.calTitle}</Text>
      <Text size={200}>
        {s.calIntro(shipped[0] ?? 0, shipped[shipped.length - 1] ?? 0, office)}
        {office ? s.calKeptOffice : s.calKeptStandalone}
      </Text>
      {props.note && (
        <Message intent="warning" bodyTestId="calendar-note">
          {props.note}
        </Message>
      )}
      {calendar.broken && (
        <ListMessage
          intent="error"
          testId="calendar-broken"
          title={s.calBroken}
          items={calendar.broken.slice(0, 5).map((p) => storeProblemText(p, locale))}
        />
      )}
      {calendar.conflicts.length > 0 && (
        <ListMessage
          intent="warning"
          testId="calendar-conflicts"
          title={s.calConflictsTitle}
          items={calendar.conflicts.map((c) => conflictText(c, locale))}
        />
      )}
      <FluentField label={s.calTextLabel}>
        <Textarea
          value={text}
          placeholder={s.calTextPlaceholder}
          rows={6}
          resize="vertical"
          onChange={edit(setText)}
          data-testid="calendar-text"
        />
      </FluentField>
      <div className={styles.row}>
        <FluentField label={s.calYearLabel}>
          <Input
            value={yearText}
            placeholder={s.calYearPlaceholder}
            inputMode="numeric"
            onChange={edit(setYearText)}
            data-testid="calendar-year"
          />
        </FluentField>
        <FileButton
          disabled={busy}
          data-testid="calendar-pick-file"
          accept=".txt,text/plain"
          inputTestId="calendar-file-input"
          onFile={(file) => void readFile(file)}
        >
          {s.calPickFile}
        </FileButton>
        <Button appearance="primary" disabled={busy} onClick={() => read()} data-testid="calendar-read">
          {s.calRead}
        </Button>
      </div>
      {fileNote && (
        <Message intent={fileNote.intent} bodyTestId="calendar-file-note">
          {fileNote.text}
        </Message>
      )}
      {preview?.kind === "invalid" && (
        <Message intent="error" bodyTestId="calendar-problems">
          {preview.text}
        </Message>
      )}
      {preview?.kind === "problems" && (
        <ListMessage
          intent="error"
          bodyTestId="calendar-problems"
          title={s.calRefused}
          items={preview.problems.map((p) => {
            const t = noticeProblemText(p, locale);
            return (
              <>
                {t.message}
                <br />
                <span className={styles.muted}>
                  {s.calCheck}
                  {t.hint}
                </span>
              </>
            );
          })}
        />
      )}
      {preview?.kind === "read" && (
        <ReadPreview
          preview={preview}
          strings={s}
          locale={locale}
          busy={busy}
          onImport={() => void importYear(preview.year)}
          onCancel={() => setPreview(null)}
        />
      )}
      {busy && <Text size={200}>{s.calSaving}</Text>}
      {status && (
        <Message intent={status.intent} bodyTestId="calendar-status" wrap>
          {status.text}
        </Message>
      )}
      <YearList calendar={calendar} strings={s} busy={busy} onRemove={(year) => void remove(year)} />
    </section>
  );
}
