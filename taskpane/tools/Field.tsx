import { Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  label: { color: tokens.colorNeutralForeground3, minWidth: "7em" },
});

/** One labelled result line. */
export function Field(props: { label: string; value: string; testId?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Text size={200} className={styles.label}>
        {props.label}
      </Text>
      <Text size={300} data-testid={props.testId}>
        {props.value}
      </Text>
    </div>
  );
}
