/**
 * Parts loaded when first used: the first screen (校验, before a file is read) needs none of the
 * 报表 builders' forms, the 流程 editor, the privacy inventory, the tools or the result tables, so
 * the bundler puts each in a chunk of its own and the pane fetches it the first time it shows
 * (a tab opened, a ribbon button, a file read).
 * `preloadParts()` fetches them all at once (tests; a pane that wants them ready).
 */
import { useEffect, useState, type ComponentType } from "react";
import { Spinner } from "@fluentui/react-components";

interface Lazy<P> {
  Component: ComponentType<P>;
  preload: () => Promise<ComponentType<P>>;
}

function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): Lazy<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then((c) => (loaded = c));
    return pending;
  };
  function Component(props: P) {
    const [ready, setReady] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (ready) return;
      let live = true;
      preload().then(
        (c) => live && setReady(() => c),
        // A chunk that cannot be fetched (the add-in's server gone meanwhile): said, not a blank tab.
        (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
      );
      return () => {
        live = false;
      };
    }, [ready]);
    if (failed) throw new Error(`载入此页面失败（${failed}）。请关闭任务窗格后重新打开。`);
    if (!ready) return <Spinner size="tiny" data-testid="tab-loading" />;
    const Ready = ready;
    return <Ready {...props} />;
  }
  return { Component, preload };
}

// On the 校验 tab, what shows only once a file is read or checked: the header mapping table, the
// results with their filters, and the safe fixes (with the tables, checkboxes and dialogs they use).
const mappingTable = lazyComponent(() => import("./check/HeaderMapping").then((m) => m.HeaderMapping));
const checkResults = lazyComponent(() => import("./check/CheckResults").then((m) => m.CheckResults));
const sheets = lazyComponent(() => import("./sheets/SheetsTab").then((m) => m.SheetsTab));
const privacy = lazyComponent(() => import("./privacy/PrivacyTab").then((m) => m.PrivacyTab));
const recipes = lazyComponent(() => import("./recipes/RecipeTab").then((m) => m.RecipeTab));
const tools = lazyComponent(() => import("./tools/ToolsTab").then((m) => m.ToolsTab));

export const HeaderMapping = mappingTable.Component;
export const CheckResults = checkResults.Component;
export const SheetsTab = sheets.Component;
export const PrivacyTab = privacy.Component;
export const RecipeTab = recipes.Component;
export const ToolsTab = tools.Component;

export function preloadParts(): Promise<unknown> {
  return Promise.all(
    [mappingTable, checkResults, sheets, privacy, recipes, tools].map((lazy) => lazy.preload() as Promise<unknown>),
  );
}
