import { useEffect, useState } from "react";
import {
  FluentProvider,
  Badge,
  Divider,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
  webDarkTheme,
} from "@fluentui/react-components";
import { stringsFor, type UiLocale } from "./strings";
import { COMMANDS, lastCommandRequest, onCommandRequest, type CommandRequest } from "../src/commands/requests";
import { IdTool } from "./tools/IdTool";
import { CardTool } from "./tools/CardTool";
import { RmbTool } from "./tools/RmbTool";
import { NoticeTool } from "./tools/NoticeTool";

export type HostMode = "office" | "standalone";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export function App(props: { mode: HostMode; locale: UiLocale; dark?: boolean }) {
  const styles = useStyles();
  const s = stringsFor(props.locale);
  const [request, setRequest] = useState<CommandRequest | undefined>(() => lastCommandRequest(window));
  useEffect(() => onCommandRequest(window, setRequest), []);
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} lang={props.locale}>
      <main className={styles.page}>
        <header className={styles.header}>
          <Title2 as="h1">{s.title}</Title2>
          <Text size={200}>{s.subtitle}</Text>
          <Badge appearance="tint" color={props.mode === "office" ? "brand" : "informative"} data-testid="mode">
            {props.mode === "office" ? s.officeBadge : s.standaloneBadge}
          </Badge>
        </header>
        {request && (
          <MessageBar intent="info">
            <MessageBarBody>{s.commandPending(COMMANDS[request.command])}</MessageBarBody>
          </MessageBar>
        )}
        <IdTool strings={s} locale={props.locale} />
        <Divider />
        <CardTool strings={s} locale={props.locale} />
        <Divider />
        <RmbTool strings={s} locale={props.locale} />
        <Divider />
        <NoticeTool strings={s} locale={props.locale} />
      </main>
    </FluentProvider>
  );
}
