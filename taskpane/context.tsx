/**
 * The engine context the pane computes with (src/core/context.ts), as a React context: App builds
 * it from the host (`host.context()`: its day) with the pack chosen on 校验 and the calendar the
 * 工具 tab keeps, and the tabs read it with `usePaneContext()` — no tab reads a clock or a global.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { EngineContext } from "../src/core";

const PaneContext = createContext<EngineContext | null>(null);

export function PaneContextProvider(props: { value: EngineContext; children: ReactNode }) {
  return <PaneContext.Provider value={props.value}>{props.children}</PaneContext.Provider>;
}

export function usePaneContext(): EngineContext {
  const context = useContext(PaneContext);
  // A bug, not a user's problem: every tab is rendered inside App's provider (tests give their own).
  if (!context) throw new Error("usePaneContext() outside a PaneContextProvider");
  return context;
}
