import { useState } from "react";
import { Field as FluentField, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { parseId, idMessage, idNotice, idRegionText } from "../../src/core/id";
import { maskId } from "../../src/core/mask";
import { formatIso, wholeYearsBetween } from "../../src/core/date/civil";
import { today } from "../../functions/clock";
import type { Strings, UiLocale } from "../strings";
import { Field } from "./Field";

export function IdTool(props: { strings: Strings; locale: UiLocale }) {
  const { strings: s, locale } = props;
  const [text, setText] = useState("");
  const result = text.trim() === "" ? null : parseId(text, today());
  return (
    <section aria-label={s.idLabel}>
      <FluentField label={s.idLabel}>
        <Input
          value={text}
          placeholder={s.idPlaceholder}
          onChange={(_, d) => setText(d.value)}
          data-testid="id-input"
        />
      </FluentField>
      {result && !result.ok && result.problem.code !== "id.empty" && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="id-error">{idMessage(result.problem, locale)}</MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && idNotice(result.value, locale) !== "" && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="id-notice">{idNotice(result.value, locale)}</MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && (
        <div data-testid="id-details">
          <Field label={s.idValid} value="✓" />
          <Field label={s.birth} value={formatIso(result.value.birth)} />
          <Field label={s.gender} value={result.value.gender} />
          <Field label={s.age} value={String(wholeYearsBetween(result.value.birth, today()))} />
          <Field label={s.region} value={idRegionText(result.value) ?? result.value.regionCode} testId="id-region" />
          {result.value.digits === 15 && <Field label={s.upgraded} value={result.value.id18} />}
          <Field label={s.masked} value={maskId(result.value.value)} />
        </div>
      )}
    </section>
  );
}
