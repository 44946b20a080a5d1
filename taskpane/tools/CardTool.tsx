import { parseCard, cardIssuer, cardMessage, maskCard } from "../../src/core";
import type { Strings, UiLocale } from "../strings";
import { Message } from "../components/Message";
import { Field } from "./Field";
import { SingleValueTool } from "./SingleValueTool";

export function CardTool(props: { strings: Strings; locale: UiLocale }) {
  const { strings: s, locale } = props;
  return (
    <SingleValueTool label={s.cardLabel} placeholder={s.cardPlaceholder} testId="card-input">
      {(text) => {
        const result = parseCard(text);
        if (!result.ok) {
          return result.problem.code === "bank.empty" ? null : (
            <Message intent="error">{cardMessage(result.problem, locale)}</Message>
          );
        }
        const issuer = cardIssuer(result.value.digits);
        return (
          <div>
            <Message intent={result.value.luhnOk ? "success" : "warning"}>
              {result.value.luhnOk ? s.cardLuhnOk : s.cardLuhnBad}
            </Message>
            <Field label={s.bank} value={issuer?.name ?? s.bankUnknown} testId="card-bank" />
            <Field label={s.masked} value={maskCard(result.value.digits)} />
          </div>
        );
      }}
    </SingleValueTool>
  );
}
