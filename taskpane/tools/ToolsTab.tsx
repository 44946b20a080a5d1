import { Divider, makeStyles, tokens } from "@fluentui/react-components";
import type { Strings, UiLocale } from "../strings";
import { IdTool } from "./IdTool";
import { CardTool } from "./CardTool";
import { RmbTool } from "./RmbTool";
import { NoticeTool } from "./NoticeTool";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/** The single-value tools: ID number, bank card, amount in capitals, notice end date. */
export function ToolsTab(props: { strings: Strings; locale: UiLocale }) {
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <IdTool strings={props.strings} locale={props.locale} />
      <Divider />
      <CardTool strings={props.strings} locale={props.locale} />
      <Divider />
      <RmbTool strings={props.strings} locale={props.locale} />
      <Divider />
      <NoticeTool strings={props.strings} locale={props.locale} />
    </div>
  );
}
