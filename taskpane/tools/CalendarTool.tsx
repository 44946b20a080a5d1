import { useRef, useState } from "react";
import {
  Button,
  Field as FluentField,
  Input,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  conflictText,
  createCalendar,
  noticeProblemText,
  parseHolidayNotice,
  shippedAsImported,
  shippedCalendar,
  storeProblemText,
  withYear,
  type CalendarConflict,
  type ImportedYear,
  type NoticeProblem,
} from "../../src/core/calendar";
import { daysText, festivalsOf, repairNotes } from "../../src/core/calendar/describe";
import { localIsoTimestamp } from "../../src/core/date/timestamp";
import { decodeText } from "../../src/adapters/csv/read";
import type { PaneHost } from "../../src/adapters/pane-host";
import { savePaneCalendar, type PaneCalendar } from "../calendar";
import type { Strings, UiLocale } from "../strings";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  year: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** What 读取 found: problems, or a year and what importing it would do. */
type Preview =
  | { kind: "invalid"; text: string }
  | { kind: "problems"; problems: readonly NoticeProblem[] }
  | {
      kind: "read";
      year: ImportedYear;
      /** new / replace: can be imported; the others say why not. */
      verdict: "new" | "replace" | "same" | "redundant" | "conflict";
      conflict?: CalendarConflict;
      replaces?: ImportedYear;
    };

type Status = { intent: "success" | "warning" | "error" | "info"; text: string };

function sameDays(a: ImportedYear, b: ImportedYear): boolean {
  const key = (y: ImportedYear): string => y.days.map((d) => `${d.date}${d.isOffDay ? 1 : 0}${d.name}`).join("|");
  return key(a) === key(b);
}

/** A 4-digit year in the range the store accepts, undefined when empty, null when invalid. */
function yearOption(text: string): number | undefined | null {
  const t = text.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return /^\d{4}$/.test(t) && n >= 1949 && n <= 2200 ? n : null;
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
  const styles = useStyles();
  const [text, setText] = useState("");
  const [yearText, setYearText] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [fileNote, setFileNote] = useState<Status | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const shipped = shippedCalendar().years;
  const office = host.mode === "office";

  function read(notice: string = text): void {
    setStatus(null);
    const year = yearOption(yearText);
    if (year === null) {
      setPreview({ kind: "invalid", text: s.calBadYear(yearText.trim()) });
      return;
    }
    let parsed = parseHolidayNotice(notice, year === undefined ? {} : { year });
    // A supplementary notice alone (调整/延长…假期) applies to the year as already known.
    if (!parsed.ok && parsed.problem.length > 0 && parsed.problem.every((p) => p.code === "notice.no-base")) {
      const first = parsed.problem[0] as Extract<NoticeProblem, { code: "notice.no-base" }>;
      const base = calendar.years.find((y) => y.year === first.year) ?? shippedAsImported(first.year);
      if (base) parsed = parseHolidayNotice(notice, { year: first.year, base });
    }
    if (!parsed.ok) {
      setPreview({ kind: "problems", problems: parsed.problem });
      return;
    }
    const got = parsed.value;
    const check = createCalendar([got]);
    const conflict = check.conflicts[0];
    const existing = calendar.years.find((y) => y.year === got.year);
    if (conflict) setPreview({ kind: "read", year: got, verdict: "conflict", conflict });
    else if (check.redundant.includes(got.year)) setPreview({ kind: "read", year: got, verdict: "redundant" });
    else if (existing && sameDays(existing, got)) setPreview({ kind: "read", year: got, verdict: "same" });
    else if (existing) setPreview({ kind: "read", year: got, verdict: "replace", replaces: existing });
    else setPreview({ kind: "read", year: got, verdict: "new" });
  }

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
      setStatus({ intent: "error", text: error instanceof Error ? error.message : String(error) });
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
    setRemoving(null);
    await keep(
      calendar.years.filter((y) => y.year !== year),
      s.calRemoved(year),
    );
    setPreview(null);
  }

  function stateOf(y: ImportedYear): string {
    // The store holds one entry a year, so a conflict of the year is this entry's.
    if (calendar.conflicts.some((c) => c.year === y.year)) return s.calStateConflict;
    const source = calendar.calendar.sources.get(y.year);
    return source?.kind === "imported" ? s.calStateUsed : s.calStateShipped;
  }

  return (
    <section aria-label={s.calTitle} className={styles.box} data-testid="calendar-tool">
      <Text weight="semibold">{s.calTitle}</Text>
      <Text size={200}>
        {s.calIntro(shipped[0] ?? 0, shipped[shipped.length - 1] ?? 0, office)}
        {office ? s.calKeptOffice : s.calKeptStandalone}
      </Text>
      {props.note && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="calendar-note">{props.note}</MessageBarBody>
        </MessageBar>
      )}
      {calendar.broken && (
        <MessageBar intent="error" data-testid="calendar-broken">
          <MessageBarBody>
            {s.calBroken}
            <ul className={styles.list}>
              {calendar.broken.slice(0, 5).map((p, i) => (
                <li key={i}>{storeProblemText(p, locale)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {calendar.conflicts.length > 0 && (
        <MessageBar intent="warning" data-testid="calendar-conflicts">
          <MessageBarBody>
            {s.calConflictsTitle}
            <ul className={styles.list}>
              {calendar.conflicts.map((c, i) => (
                <li key={i}>{conflictText(c, locale)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <FluentField label={s.calTextLabel}>
        <Textarea
          value={text}
          placeholder={s.calTextPlaceholder}
          rows={6}
          resize="vertical"
          onChange={(_, d) => {
            setText(d.value);
            setPreview(null);
          }}
          data-testid="calendar-text"
        />
      </FluentField>
      <div className={styles.row}>
        <FluentField label={s.calYearLabel}>
          <Input
            value={yearText}
            placeholder={s.calYearPlaceholder}
            inputMode="numeric"
            onChange={(_, d) => {
              setYearText(d.value);
              setPreview(null);
            }}
            data-testid="calendar-year"
          />
        </FluentField>
        <Button disabled={busy} onClick={() => fileInput.current?.click()} data-testid="calendar-pick-file">
          {s.calPickFile}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,text/plain"
          hidden
          data-testid="calendar-file-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) void readFile(file);
          }}
        />
        <Button appearance="primary" disabled={busy} onClick={() => read()} data-testid="calendar-read">
          {s.calRead}
        </Button>
      </div>
      {fileNote && (
        <MessageBar intent={fileNote.intent}>
          <MessageBarBody data-testid="calendar-file-note">{fileNote.text}</MessageBarBody>
        </MessageBar>
      )}
      {preview?.kind === "invalid" && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="calendar-problems">{preview.text}</MessageBarBody>
        </MessageBar>
      )}
      {preview?.kind === "problems" && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="calendar-problems">
            {s.calRefused}
            <ul className={styles.list}>
              {preview.problems.map((p, i) => {
                const t = noticeProblemText(p, locale);
                return (
                  <li key={i}>
                    {t.message}
                    <br />
                    <span className={styles.muted}>
                      {s.calCheck}
                      {t.hint}
                    </span>
                  </li>
                );
              })}
            </ul>
          </MessageBarBody>
        </MessageBar>
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
        <MessageBar intent={status.intent}>
          <MessageBarBody data-testid="calendar-status" style={{ whiteSpace: "pre-wrap" }}>
            {status.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.box} data-testid="calendar-list">
        <Text weight="semibold" size={200}>
          {s.calListTitle}
        </Text>
        {calendar.years.length === 0 && (
          <Text size={200} className={styles.muted}>
            {s.calListEmpty}
          </Text>
        )}
        {calendar.years.map((y) => (
          <div key={y.year} className={styles.year} data-testid={`calendar-year-${y.year}`}>
            <Text size={200}>
              {s.calYear(y.year)} {y.source.titles[0] ?? s.calUntitled} · {stateOf(y)}
              {y.source.importedAt ? ` · ${s.calImportedAt(y.source.importedAt)}` : ""}
            </Text>
            {removing === y.year ? (
              <>
                <Button
                  size="small"
                  appearance="primary"
                  disabled={busy}
                  onClick={() => void remove(y.year)}
                  data-testid={`calendar-remove-confirm-${y.year}`}
                >
                  {s.calRemoveConfirm(y.year)}
                </Button>
                <Button size="small" appearance="subtle" onClick={() => setRemoving(null)}>
                  {s.calCancel}
                </Button>
              </>
            ) : (
              <Button
                size="small"
                disabled={busy}
                onClick={() => setRemoving(y.year)}
                data-testid={`calendar-remove-${y.year}`}
              >
                {s.calRemove}
              </Button>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function ReadPreview(props: {
  preview: Extract<Preview, { kind: "read" }>;
  strings: Strings;
  locale: UiLocale;
  busy: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { preview, strings: s, locale } = props;
  const styles = useStyles();
  const y = preview.year;
  const off = y.days.filter((d) => d.isOffDay).length;
  const work = y.days.length - off;
  const notes = repairNotes(y, locale);
  const importable = preview.verdict === "new" || preview.verdict === "replace";
  return (
    <div className={styles.box} data-testid="calendar-preview">
      <Text size={200} data-testid="calendar-summary">
        {s.calReadSummary(s.calNoticeTitle(y.source.titles), y.year, y.source.festivals.length, off, work)}
        {importable ? s.calReadCheck : ""}
      </Text>
      <Table size="extra-small" aria-label={s.calTitle} data-testid="calendar-festivals">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{s.calColFestival}</TableHeaderCell>
            <TableHeaderCell>{s.calColOff}</TableHeaderCell>
            <TableHeaderCell>{s.calColWork}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {festivalsOf(y).map((f) => (
            <TableRow key={f.name}>
              <TableCell>{f.name}</TableCell>
              <TableCell>
                {f.off.length > 0 ? s.calOffDays(daysText(f.off, y.year, locale), f.off.length) : s.calNoOff}
              </TableCell>
              <TableCell>{f.work.length > 0 ? daysText(f.work, y.year, locale) : s.calNoWork}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {notes.length > 0 && (
        <Text size={200} className={styles.muted}>
          {s.calRepairs(notes)}
        </Text>
      )}
      {preview.verdict === "conflict" && preview.conflict && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="calendar-verdict">
            {s.calConflictRead}
            {conflictText(preview.conflict, locale)}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview.verdict === "redundant" && (
        <MessageBar intent="info">
          <MessageBarBody data-testid="calendar-verdict">{s.calRedundant(y.year)}</MessageBarBody>
        </MessageBar>
      )}
      {preview.verdict === "same" && (
        <MessageBar intent="info">
          <MessageBarBody data-testid="calendar-verdict">{s.calSame(y.year)}</MessageBarBody>
        </MessageBar>
      )}
      {preview.verdict === "replace" && preview.replaces && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="calendar-verdict">
            {s.calReplaces(y.year, preview.replaces.source.titles[0] ?? s.calUntitled)}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        {importable && (
          <Button appearance="primary" disabled={props.busy} onClick={props.onImport} data-testid="calendar-import">
            {preview.verdict === "replace" ? s.calImportReplace(y.year) : s.calImport}
          </Button>
        )}
        <Button appearance="subtle" disabled={props.busy} onClick={props.onCancel}>
          {s.calCancel}
        </Button>
      </div>
    </div>
  );
}
