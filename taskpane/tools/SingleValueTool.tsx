import { useState, type ReactNode } from "react";
import { Field as FluentField, Input } from "@fluentui/react-components";

/**
 * One value typed in and read at once (ID number, bank card, amount): the input, then what
 * `children` makes of the text — nothing while it is empty.
 */
export function SingleValueTool(props: {
  label: string;
  placeholder: string;
  testId: string;
  children: (text: string) => ReactNode;
}) {
  const [text, setText] = useState("");
  return (
    <section aria-label={props.label}>
      <FluentField label={props.label}>
        <Input
          value={text}
          placeholder={props.placeholder}
          onChange={(_, d) => setText(d.value)}
          data-testid={props.testId}
        />
      </FluentField>
      {text.trim() === "" ? null : props.children(text)}
    </section>
  );
}
