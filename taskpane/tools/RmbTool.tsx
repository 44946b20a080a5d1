import { useState } from "react";
import { Field as FluentField, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { rmbUppercase, moneyMessage } from "../../src/core/money";
import type { Strings, UiLocale } from "../strings";
import { Field } from "./Field";

export function RmbTool(props: { strings: Strings; locale: UiLocale }) {
  const { strings: s, locale } = props;
  const [text, setText] = useState("");
  const result = text.trim() === "" ? null : rmbUppercase(text);
  return (
    <section aria-label={s.rmbLabel}>
      <FluentField label={s.rmbLabel}>
        <Input
          value={text}
          placeholder={s.rmbPlaceholder}
          onChange={(_, d) => setText(d.value)}
          data-testid="rmb-input"
        />
      </FluentField>
      {result && !result.ok && result.problem.code !== "money.empty" && (
        <MessageBar intent="error">
          <MessageBarBody>{moneyMessage(result.problem, locale)}</MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && <Field label={s.rmbResult} value={result.value} testId="rmb-result" />}
    </section>
  );
}
