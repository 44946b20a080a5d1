import { rmbUppercase, moneyMessage } from "../../src/core";
import type { Strings, UiLocale } from "../strings";
import { Message } from "../components/Message";
import { Field } from "./Field";
import { SingleValueTool } from "./SingleValueTool";

export function RmbTool(props: { strings: Strings; locale: UiLocale }) {
  const { strings: s, locale } = props;
  return (
    <SingleValueTool label={s.rmbLabel} placeholder={s.rmbPlaceholder} testId="rmb-input">
      {(text) => {
        const result = rmbUppercase(text);
        if (result.ok) return <Field label={s.rmbResult} value={result.value} testId="rmb-result" />;
        return result.problem.code === "money.empty" ? null : (
          <Message intent="error">{moneyMessage(result.problem, locale)}</Message>
        );
      }}
    </SingleValueTool>
  );
}
