import { useState } from "react";
import { Field as FluentField, Input, MessageBar, MessageBarBody, SpinButton } from "@fluentui/react-components";
import { noticeEnd, calendarMessage, parseDateInput, formatIso } from "../../src/core";
import { usePaneContext } from "../context";
import type { Strings, UiLocale } from "../strings";
import { Field } from "./Field";

/** The notice period's last day, counted with the pane's calendar (the shipped data plus imported notices). */
export function NoticeTool(props: { strings: Strings; locale: UiLocale }) {
  const { strings: s, locale } = props;
  const context = usePaneContext();
  const [start, setStart] = useState(formatIso(context.today()));
  const [days, setDays] = useState(5);
  const parsed = parseDateInput(start);
  const result = parsed.ok ? noticeEnd(parsed.date, days, context.calendar) : null;
  return (
    <section aria-label={s.noticeLabel}>
      <FluentField label={s.noticeLabel}>
        <Input type="date" value={start} onChange={(_, d) => setStart(d.value)} data-testid="notice-start" />
      </FluentField>
      <FluentField label={s.noticeDays}>
        <SpinButton
          value={days}
          min={1}
          max={60}
          onChange={(_, d) => setDays(Number(d.value ?? d.displayValue ?? 5) || 5)}
        />
      </FluentField>
      {result && !result.ok && (
        <MessageBar intent="error">
          <MessageBarBody>{calendarMessage(result.problem, locale)}</MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && <Field label={s.noticeResult} value={formatIso(result.value)} testId="notice-end" />}
    </section>
  );
}
