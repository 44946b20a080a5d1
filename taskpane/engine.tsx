/**
 * The engine the pane's tabs use (src/adapters/engine): the host's, so a file the standalone page
 * read into the worker is found there; else one App makes. Components rendered outside App (tests)
 * share one made on first use.
 */
import { createContext, useContext, type ReactNode } from "react";
import { createEngine, EngineRefusal, type BookRef, type CallOptions, type Engine } from "../src/adapters/engine";
import type { ReadResult } from "../src/adapters/pane-host";

const PaneEngine = createContext<Engine | null>(null);
let shared: Engine | null = null;

export function PaneEngineProvider(props: { value: Engine; children: ReactNode }) {
  return <PaneEngine.Provider value={props.value}>{props.children}</PaneEngine.Provider>;
}

export function usePaneEngine(): Engine {
  const engine = useContext(PaneEngine);
  if (engine) return engine;
  shared ??= createEngine();
  return shared;
}

/** The engine's book of what the host read: the one it holds already, else the workbook handed over. */
export async function bookOf(
  engine: Engine,
  read: Extract<ReadResult, { ok: true }>,
  options: CallOptions = {},
): Promise<BookRef> {
  if (read.held) {
    if (engine.holds(read.held)) return read.held;
    // `workbook` is only the preview of what the engine held before a 取消: never hand that over.
    throw new EngineRefusal("上次的读取已取消，请重新读取文件后再试。");
  }
  return engine.hold(read.workbook, read.source, options);
}
