import { Divider, makeStyles, tokens } from "@fluentui/react-components";
import type { Strings, UiLocale } from "../strings";
import { IdTool } from "./IdTool";
import { CardTool } from "./CardTool";
import { RmbTool } from "./RmbTool";
import { NoticeTool } from "./NoticeTool";
import { CalendarTool } from "./CalendarTool";
import type { PaneHost } from "../../src/adapters/pane-host";
import type { PaneCalendar } from "../calendar";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/**
 * The single-value tools (ID number, bank card, amount in capitals, notice end date) and the
 * holiday notices imported for the years the shipped data does not have yet.
 */
export function ToolsTab(props: {
  strings: Strings;
  locale: UiLocale;
  /** With host, calendar and onCalendarChange, the 导入放假通知 section is shown. */
  host?: PaneHost;
  calendar?: PaneCalendar;
  onCalendarChange?: (next: PaneCalendar) => void;
  /** What went wrong when the stored calendar was applied at start (a failed recalculation). */
  calendarNote?: string | null;
}) {
  const { host, calendar, onCalendarChange } = props;
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
      {host && calendar && onCalendarChange && (
        <>
          <Divider />
          <CalendarTool
            host={host}
            strings={props.strings}
            locale={props.locale}
            calendar={calendar}
            onCalendarChange={onCalendarChange}
            note={props.calendarNote ?? null}
          />
        </>
      )}
    </div>
  );
}
