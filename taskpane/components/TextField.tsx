import { Field as FluentField, Input } from "@fluentui/react-components";
import { useLayoutStyles } from "./layout";

/** A labelled text (or number) input that shrinks with a narrow pane. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  type?: "number";
  min?: number;
  placeholder?: string;
  /** On the field (its place in a row of filters). */
  className?: string;
}) {
  const styles = useLayoutStyles();
  const { type, min, placeholder } = props;
  // Only what is set: an explicit `type: undefined` would replace Fluent's default "text".
  const optional = {
    ...(type ? { type } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(placeholder ? { placeholder } : {}),
  };
  return (
    <FluentField label={props.label} className={props.className}>
      <Input
        className={styles.fill}
        {...optional}
        value={props.value}
        data-testid={props.testId}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </FluentField>
  );
}
