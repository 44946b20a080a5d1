import type { ReactNode } from "react";
import { Button, TableCell, TableRow, Text, type MessageBarIntent } from "@fluentui/react-components";
import { conflictText, daysText, festivalsOf, repairNotes } from "../../src/core";
import type { Strings, UiLocale } from "../strings";
import { HeaderTable } from "../components/HeaderTable";
import { Message } from "../components/Message";
import { useCalendarStyles } from "./calendar-styles";
import type { NoticePreview } from "./read-notice";

type Read = Extract<NoticePreview, { kind: "read" }>;

/** Why a year read cannot be imported, or what importing it replaces; null for a new year. */
function verdictOf(preview: Read, s: Strings, locale: UiLocale): { intent: MessageBarIntent; text: ReactNode } | null {
  const y = preview.year.year;
  switch (preview.verdict) {
    case "conflict":
      if (!preview.conflict) return null;
      return {
        intent: "warning",
        text: (
          <>
            {s.calConflictRead}
            {conflictText(preview.conflict, locale)}
          </>
        ),
      };
    case "redundant":
      return { intent: "info", text: s.calRedundant(y) };
    case "same":
      return { intent: "info", text: s.calSame(y) };
    case "replace":
      if (!preview.replaces) return null;
      return { intent: "warning", text: s.calReplaces(y, preview.replaces.source.titles[0] ?? s.calUntitled) };
    case "new":
      return null;
  }
}

/** The year 读取 found, festival by festival, with its verdict and 导入 when it can be imported. */
export function ReadPreview(props: {
  preview: Read;
  strings: Strings;
  locale: UiLocale;
  busy: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { preview, strings: s, locale } = props;
  const styles = useCalendarStyles();
  const y = preview.year;
  const off = y.days.filter((d) => d.isOffDay).length;
  const work = y.days.length - off;
  const notes = repairNotes(y, locale);
  const importable = preview.verdict === "new" || preview.verdict === "replace";
  const verdict = verdictOf(preview, s, locale);
  return (
    <div className={styles.box} data-testid="calendar-preview">
      <Text size={200} data-testid="calendar-summary">
        {s.calReadSummary(s.calNoticeTitle(y.source.titles), y.year, y.source.festivals.length, off, work)}
        {importable ? s.calReadCheck : ""}
      </Text>
      <HeaderTable
        label={s.calTitle}
        testId="calendar-festivals"
        columns={[s.calColFestival, s.calColOff, s.calColWork]}
      >
        {festivalsOf(y).map((f) => (
          <TableRow key={f.name}>
            <TableCell>{f.name}</TableCell>
            <TableCell>
              {f.off.length > 0 ? s.calOffDays(daysText(f.off, y.year, locale), f.off.length) : s.calNoOff}
            </TableCell>
            <TableCell>{f.work.length > 0 ? daysText(f.work, y.year, locale) : s.calNoWork}</TableCell>
          </TableRow>
        ))}
      </HeaderTable>
      {notes.length > 0 && (
        <Text size={200} className={styles.muted}>
          {s.calRepairs(notes)}
        </Text>
      )}
      {verdict && (
        <Message intent={verdict.intent} bodyTestId="calendar-verdict">
          {verdict.text}
        </Message>
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
