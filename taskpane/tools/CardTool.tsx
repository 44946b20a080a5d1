import { useState } from "react";
import { Field as FluentField, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { parseCard, cardIssuer, cardMessage } from "../../src/core/bank";
import { maskCard } from "../../src/core/mask";
import type { Strings, UiLocale } from "../strings";
import { Field } from "./Field";

export function CardTool(props: { strings: Strings; locale: UiLocale }) {
  const { strings: s, locale } = props;
  const [text, setText] = useState("");
  const result = text.trim() === "" ? null : parseCard(text);
  const issuer = result?.ok ? cardIssuer(result.value.digits) : null;
  return (
    <section aria-label={s.cardLabel}>
      <FluentField label={s.cardLabel}>
        <Input
          value={text}
          placeholder={s.cardPlaceholder}
          onChange={(_, d) => setText(d.value)}
          data-testid="card-input"
        />
      </FluentField>
      {result && !result.ok && result.problem.code !== "bank.empty" && (
        <MessageBar intent="error">
          <MessageBarBody>{cardMessage(result.problem, locale)}</MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && (
        <div>
          <MessageBar intent={result.value.luhnOk ? "success" : "warning"}>
            <MessageBarBody>{result.value.luhnOk ? s.cardLuhnOk : s.cardLuhnBad}</MessageBarBody>
          </MessageBar>
          <Field label={s.bank} value={issuer?.name ?? s.bankUnknown} testId="card-bank" />
          <Field label={s.masked} value={maskCard(result.value.digits)} />
        </div>
      )}
    </section>
  );
}
