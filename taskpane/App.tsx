import { useEffect, useMemo, useRef, useState } from "react";
import {
  FluentProvider,
  Badge,
  CounterBadge,
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
import {
  claimCommandRequest,
  commandClaimed,
  lastCommandRequest,
  onCommandRequest,
  type CommandRequest,
} from "../src/commands/requests";
import { type Report, type Pack, engineContext } from "../src/core";
import type { PaneHost } from "../src/adapters/pane-host";
import { TabPanel } from "./components/TabPanel";
import { CheckTab, type Loaded } from "./check/CheckTab";
import { PrivacyTab, RecipeTab, SheetsTab, ToolsTab } from "./lazy";
import { isSheetsCommand } from "./sheets/sheets-command";
import { PreSubmitReport } from "./sheets/PreSubmitReport";
import type { RecipeHost } from "../src/adapters/recipe-host";
import { currentCalendar, loadPaneCalendar, usesImports, type PaneCalendar } from "./calendar";
import { PaneContextProvider } from "./context";
import { PaneEngineProvider } from "./engine";
import { createEngine } from "../src/adapters/engine";

export type HostMode = PaneHost["mode"];
export type TabId = "check" | "privacy" | "sheets" | "recipes" | "tools";

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
  /** Where recipes and triggers live (the 流程 tab); without it the tab is not shown. */
  recipes?: RecipeHost;
}) {
  const styles = useStyles();
  const { host } = props;
  const s = stringsFor(props.locale);
  // A ribbon request left before the pane mounted decides the first tab.
  const [request, setRequest] = useState<CommandRequest | undefined>(() => lastCommandRequest(window));
  const [tab, setTab] = useState<TabId>(
    () =>
      props.initialTab ??
      (request && !commandClaimed(window, request)
        ? isSheetsCommand(request.command)
          ? "sheets"
          : request.command === "runRecipe" && props.recipes
            ? "recipes"
            : "check"
        : "check"),
  );
  // Tabs are mounted when first opened (their code loads then: see lazy.tsx), then kept.
  const opened = useRef(new Set<TabId>());
  opened.current.add(tab);
  // The policy pack: the host's (the seed pack), or the one the user loaded on 校验; 报表 and 流程 use the same.
  const [pack, setPack] = useState<Pack>(() => host.context().pack);
  // Reading, checking, scanning and building run in the engine worker: the host's (the standalone
  // page reads its file there), else one for this pane.
  const engine = useMemo(() => host.engine ?? createEngine(), [host]);
  // The workbook last read, shared by the 校验 and 隐私 tabs.
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // A 报送前检查 that found errors: its report, shown on the 校验 tab.
  const [preSubmit, setPreSubmit] = useState<Report | null>(null);
  useEffect(
    () =>
      onCommandRequest(window, (r) => {
        setRequest(r);
        if (r.command === "validate") setTab("check");
        else if (isSheetsCommand(r.command)) setTab("sheets");
        else if (r.command === "runRecipe") setTab("recipes");
      }),
    [],
  );
  // The holiday notices imported into the workbook (Excel) or the page (standalone): read at start,
  // so the notice tool, the 公示表 and the recipes count with them from the first click. In Excel
  // the pane's page is the shared runtime, loaded with the workbook even while the pane is hidden.
  const [calendar, setCalendar] = useState<PaneCalendar>(() => currentCalendar(host));
  const [calendarNote, setCalendarNote] = useState<string | null>(null);
  useEffect(() => {
    if (!host.loadCalendar) return;
    let live = true;
    void loadPaneCalendar(host).then(async (state) => {
      if (!live) return;
      setCalendar(state);
      // Excel may have called ZIZHU.NOTICE_END… as the workbook opened, before the calendar was
      // read: count those cells again (only when an import is in use).
      if (!usesImports(state) || !host.recalculate) return;
      const r = await host.recalculate();
      if (live && !r.ok) setCalendarNote(s.calRecalcFailed(r.message));
    });
    return () => {
      live = false;
    };
  }, [host]);
  // 运行流程 from the ribbon: run once per click, even if the pane remounts.
  const [recipeRun, setRecipeRun] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (request?.command === "runRecipe" && claimCommandRequest(window, request)) setRecipeRun(request.at);
  }, [request]);
  // The workbook's opt-in triggers: on open, a check (and a badge with its errors); on edit, the live check.
  const [autoRun, setAutoRun] = useState<number | undefined>(undefined);
  const [liveOn, setLiveOn] = useState(false);
  const [openErrors, setOpenErrors] = useState<number | null>(null);
  const recipes = props.recipes;
  useEffect(() => {
    if (!recipes?.loadTriggers) return;
    let live = true;
    void recipes.loadTriggers().then((t) => {
      if (!live) return;
      if (t.onEdit) setLiveOn(true);
      if (t.onOpen) setAutoRun(Date.now());
    });
    return () => {
      live = false;
    };
  }, [recipes]);
  const onReport = (report: Report): void => {
    if (autoRun === undefined || openErrors !== null) return;
    setOpenErrors(report.stats.errors);
    // The pane may still be hidden (the add-in loaded with the workbook): show it when there are errors.
    if (report.stats.errors > 0) void host.show?.();
  };
  // What every tab computes with: the host's day, this pane's pack and calendar.
  const context = useMemo(
    () => engineContext(() => host.context().today(), { pack, calendar: calendar.calendar }),
    [host, pack, calendar],
  );
  const tabs: { id: TabId; label: string }[] = [
    { id: "check", label: s.tabCheck },
    { id: "sheets", label: s.tabSheets },
    { id: "privacy", label: s.tabPrivacy },
    ...(recipes ? [{ id: "recipes" as const, label: s.tabRecipes }] : []),
    { id: "tools", label: s.tabTools },
  ];
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} lang={props.locale}>
      <PaneEngineProvider value={engine}>
        <PaneContextProvider value={context}>
          <main className={styles.page}>
            <header className={styles.header}>
              <Title2 as="h1">{s.title}</Title2>
              <Text size={200}>{s.subtitle}</Text>
              <Badge appearance="tint" color={host.mode === "office" ? "brand" : "informative"} data-testid="mode">
                {host.mode === "office" ? s.officeBadge : s.standaloneBadge}
              </Badge>
            </header>
            <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
              {tabs.map((t) => (
                <Tab key={t.id} value={t.id} data-testid={`tab-${t.id}`}>
                  {t.label}
                  {t.id === "check" && openErrors !== null && openErrors > 0 && (
                    <CounterBadge
                      count={openErrors}
                      color="danger"
                      size="small"
                      aria-label={s.openCheckBadge(openErrors)}
                      data-testid="open-check-badge"
                    />
                  )}
                </Tab>
              ))}
            </TabList>
            <TabPanel
              hidden={tab !== "check"}
              label={s.tabCheck}
              crashed={s.tabCrashed}
              above={
                preSubmit && (
                  <PreSubmitReport
                    report={preSubmit}
                    host={host}
                    strings={s}
                    locale={props.locale}
                    listHeight={props.listHeight}
                    onClose={() => setPreSubmit(null)}
                  />
                )
              }
            >
              <CheckTab
                host={host}
                strings={s}
                locale={props.locale}
                loaded={loaded}
                onLoaded={setLoaded}
                listHeight={props.listHeight}
                autoRun={autoRun}
                liveOn={liveOn}
                onReport={onReport}
                pack={pack}
                onPackChange={setPack}
              />
            </TabPanel>
            <TabPanel hidden={tab !== "sheets"} label={s.tabSheets} crashed={s.tabCrashed}>
              {opened.current.has("sheets") && (
                <SheetsTab
                  host={host}
                  pack={pack}
                  strings={s}
                  locale={props.locale}
                  loaded={loaded !== null}
                  request={request}
                  onReport={(report) => {
                    setPreSubmit(report);
                    setTab("check");
                  }}
                />
              )}
            </TabPanel>
            <TabPanel hidden={tab !== "privacy"} label={s.tabPrivacy} crashed={s.tabCrashed}>
              {opened.current.has("privacy") && (
                <PrivacyTab
                  host={host}
                  strings={s}
                  locale={props.locale}
                  active={tab === "privacy"}
                  loaded={loaded}
                  onLoaded={setLoaded}
                  listHeight={props.listHeight}
                />
              )}
            </TabPanel>
            {recipes && (
              <TabPanel hidden={tab !== "recipes"} label={s.tabRecipes} crashed={s.tabCrashed}>
                {opened.current.has("recipes") && (
                  <RecipeTab host={host} recipes={recipes} locale={props.locale} runRequest={recipeRun} pack={pack} />
                )}
              </TabPanel>
            )}
            <TabPanel hidden={tab !== "tools"} label={s.tabTools} crashed={s.tabCrashed}>
              {opened.current.has("tools") && (
                <ToolsTab
                  strings={s}
                  locale={props.locale}
                  host={host}
                  calendar={calendar}
                  onCalendarChange={(next) => {
                    setCalendar(next);
                    setCalendarNote(null);
                  }}
                  calendarNote={calendarNote}
                />
              )}
            </TabPanel>
          </main>
        </PaneContextProvider>
      </PaneEngineProvider>
    </FluentProvider>
  );
}
