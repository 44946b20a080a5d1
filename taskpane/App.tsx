import { useEffect, useState } from "react";
import {
  FluentProvider,
  Badge,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
  webDarkTheme,
} from "@fluentui/react-components";
import { stringsFor, type UiLocale } from "./strings";
import { COMMANDS, lastCommandRequest, onCommandRequest, type CommandRequest } from "../src/commands/requests";
import type { PaneHost } from "./host";
import { ErrorBoundary } from "./ErrorBoundary";
import { CheckTab, type Loaded } from "./check/CheckTab";
import { PrivacyTab } from "./privacy/PrivacyTab";
import { ToolsTab } from "./tools/ToolsTab";

export type HostMode = PaneHost["mode"];
export type TabId = "check" | "privacy" | "tools";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    boxSizing: "border-box",
    maxWidth: "960px",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-start" },
});

export function App(props: {
  host: PaneHost;
  locale: UiLocale;
  dark?: boolean;
  initialTab?: TabId;
  /** Issue list height in px (tests and small panes). */
  listHeight?: number;
}) {
  const styles = useStyles();
  const { host } = props;
  const s = stringsFor(props.locale);
  const [tab, setTab] = useState<TabId>(props.initialTab ?? "check");
  // The workbook last read, shared by the 校验 and 隐私 tabs.
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [request, setRequest] = useState<CommandRequest | undefined>(() => lastCommandRequest(window));
  useEffect(
    () =>
      onCommandRequest(window, (r) => {
        setRequest(r);
        if (r.command === "validate") setTab("check");
      }),
    [],
  );
  const tabs: { id: TabId; label: string }[] = [
    { id: "check", label: s.tabCheck },
    { id: "privacy", label: s.tabPrivacy },
    { id: "tools", label: s.tabTools },
  ];
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} lang={props.locale}>
      <main className={styles.page}>
        <header className={styles.header}>
          <Title2 as="h1">{s.title}</Title2>
          <Text size={200}>{s.subtitle}</Text>
          <Badge appearance="tint" color={host.mode === "office" ? "brand" : "informative"} data-testid="mode">
            {host.mode === "office" ? s.officeBadge : s.standaloneBadge}
          </Badge>
        </header>
        {request && request.command !== "validate" && (
          <MessageBar intent="info">
            <MessageBarBody>{s.commandPending(COMMANDS[request.command])}</MessageBarBody>
          </MessageBar>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
          {tabs.map((t) => (
            <Tab key={t.id} value={t.id} data-testid={`tab-${t.id}`}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        {/* Panels stay mounted (hidden) so results survive a look at another tab. */}
        <div role="tabpanel" hidden={tab !== "check"} aria-label={s.tabCheck}>
          <ErrorBoundary message={s.tabCrashed}>
            <CheckTab
              host={host}
              strings={s}
              locale={props.locale}
              loaded={loaded}
              onLoaded={setLoaded}
              listHeight={props.listHeight}
            />
          </ErrorBoundary>
        </div>
        <div role="tabpanel" hidden={tab !== "privacy"} aria-label={s.tabPrivacy}>
          <ErrorBoundary message={s.tabCrashed}>
            <PrivacyTab
              host={host}
              strings={s}
              locale={props.locale}
              active={tab === "privacy"}
              loaded={loaded}
              onLoaded={setLoaded}
              listHeight={props.listHeight}
            />
          </ErrorBoundary>
        </div>
        <div role="tabpanel" hidden={tab !== "tools"} aria-label={s.tabTools}>
          <ErrorBoundary message={s.tabCrashed}>
            <ToolsTab strings={s} locale={props.locale} />
          </ErrorBoundary>
        </div>
      </main>
    </FluentProvider>
  );
}
