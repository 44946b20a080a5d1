import { parseId, idMessage, idNotice, idRegionText, maskId, formatIso, wholeYearsBetween } from "../../src/core";
import { usePaneContext } from "../context";
import type { Strings, UiLocale } from "../strings";
import { Message } from "../components/Message";
import { Field } from "./Field";
import { SingleValueTool } from "./SingleValueTool";

export function IdTool(props: { strings: Strings; locale: UiLocale }) {
  const { strings: s, locale } = props;
  const context = usePaneContext();
  return (
    <SingleValueTool label={s.idLabel} placeholder={s.idPlaceholder} testId="id-input">
      {(text) => {
        const result = parseId(text, context.today());
        if (!result.ok) {
          return result.problem.code === "id.empty" ? null : (
            <Message intent="error" bodyTestId="id-error">
              {idMessage(result.problem, locale)}
            </Message>
          );
        }
        const id = result.value;
        const notice = idNotice(id, locale);
        return (
          <>
            {notice !== "" && (
              <Message intent="warning" bodyTestId="id-notice">
                {notice}
              </Message>
            )}
            <div data-testid="id-details">
              <Field label={s.idValid} value="✓" />
              <Field label={s.birth} value={formatIso(id.birth)} />
              <Field label={s.gender} value={id.gender} />
              <Field label={s.age} value={String(wholeYearsBetween(id.birth, context.today()))} />
              <Field label={s.region} value={idRegionText(id) ?? id.regionCode} testId="id-region" />
              {id.digits === 15 && <Field label={s.upgraded} value={id.id18} />}
              <Field label={s.masked} value={maskId(id.value)} />
            </div>
          </>
        );
      }}
    </SingleValueTool>
  );
}
