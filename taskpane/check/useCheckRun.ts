import { useRef, useState } from "react";
import type {
  CheckOptions,
  CheckResult,
  FixPlan,
  PlanOptions,
  WorkbookData,
  Report,
  ColumnOverrides,
} from "../../src/core";
import { isFileHost, type PaneHost, type ReadResult } from "../../src/adapters/pane-host";
import { EngineCancelled, EngineRefusal, type EngineProgress } from "../../src/adapters/engine";
import { errorText } from "../components/error-text";
import { bookOf, usePaneEngine } from "../engine";
import type { Loaded } from "./useColumnMapping";

/** Where the 校验 tab is: nothing yet, reading a file, checking, showing results, or an error. */
/**
 * The check options for what the host read: with no sheet chosen, the sheet the user is on is the
 * one checked first, and its fellow sheets (a ledger's records and roster) are checked with it.
 */
export function withActiveSheet(check: CheckOptions, read: Extract<ReadResult, { ok: true }>): CheckOptions {
  return check.sheet === undefined && read.activeSheet ? { ...check, sheet: read.activeSheet } : check;
}

export type Phase =
  | { kind: "idle"; note?: string }
  | { kind: "reading"; progress?: EngineProgress }
  | { kind: "running"; progress?: EngineProgress }
  | {
      kind: "results";
      result: CheckResult;
      /** The safe fixes the engine planned on the sheet checked (null: no roster there). */
      plan: FixPlan | null;
      /** The rules' titles by code (from the engine's catalogue). */
      titles: Record<string, string>;
      /** What the host read (the standalone page: a preview; the engine holds the rest). */
      workbook: WorkbookData;
      options: PlanOptions;
      run: number;
    }
  | { kind: "error"; message: string };

/** How one check gets its options: the mapping of what was read, then the options with it. */
export interface CheckSetup {
  mappingFor: (r: Loaded) => Promise<Record<string, ColumnOverrides> | undefined>;
  options: (columnOverrides: Record<string, ColumnOverrides> | undefined) => { plan: PlanOptions; check: CheckOptions };
}

/**
 * The 校验 tab's state machine: open a file or the sample (standalone), read and check, and the
 * phase each step leaves. Only bugs throw; they end in the error phase rather than a spinning pane.
 */
export function useCheckRun(props: {
  host: PaneHost;
  onLoaded: (loaded: Loaded | null) => void;
  onReport?: (report: Report) => void;
}) {
  const { host } = props;
  const engine = usePaneEngine();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const runs = useRef(0);
  const fileHost = isFileHost(host) ? host : null;

  function fail(error: unknown, run?: number): void {
    // A run the user cancelled, or one a newer run replaced, says nothing more.
    if (run !== undefined && runs.current !== run) return;
    if (error instanceof EngineCancelled) setPhase({ kind: "idle", note: "cancelled" });
    else if (error instanceof EngineRefusal) setPhase({ kind: "error", message: error.message });
    else setPhase({ kind: "error", message: errorText(error) });
  }

  /** Progress of the running step, shown while it lasts (a late message of a finished step is dropped). */
  function progressOf(kind: "reading" | "running", run: number) {
    return (progress: EngineProgress): void => {
      if (runs.current === run) setPhase((p) => (p.kind === kind ? { kind, progress } : p));
    };
  }

  function accept(r: ReadResult): void {
    if (r.ok) {
      props.onLoaded(r);
      setPhase({ kind: "idle" });
    } else {
      props.onLoaded(null);
      setPhase({ kind: "error", message: r.message });
    }
  }

  async function guarded(run: number, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      fail(error, run);
    }
  }

  async function openFile(file: File): Promise<void> {
    if (!fileHost) return;
    const run = ++runs.current;
    setPhase({ kind: "reading" });
    await guarded(run, async () => {
      fileHost.openFile(file.name, new Uint8Array(await file.arrayBuffer()));
      const r = await fileHost.read({ onProgress: progressOf("reading", run) });
      if (runs.current === run) accept(r);
    });
  }

  async function loadSample(): Promise<void> {
    if (!fileHost) return;
    const run = ++runs.current;
    setPhase({ kind: "reading" });
    await guarded(run, async () => {
      const r = await fileHost.loadSample();
      if (runs.current === run) accept(r);
    });
  }

  async function runCheck(setup: CheckSetup): Promise<void> {
    const run = ++runs.current;
    const onProgress = progressOf("running", run);
    setPhase({ kind: "running" });
    await guarded(run, async () => {
      const r = await host.read({ companions: true, onProgress });
      // Cancelled (or replaced) while Excel was still reading: nothing more of this run.
      if (runs.current !== run) return;
      if (!r.ok) {
        accept(r);
        return;
      }
      props.onLoaded(r);
      const overrides = await setup.mappingFor(r);
      if (runs.current !== run) return;
      const { plan, check } = setup.options(overrides);
      const ref = await bookOf(engine, r, { onProgress });
      const {
        result,
        plan: fixes,
        titles,
      } = await engine.call("check", { book: ref.book, check: withActiveSheet(check, r), plan }, { onProgress });
      if (runs.current !== run) return;
      const missing = result.layout ? undefined : result.report.issues.find((i) => i.rule === "roster.header-missing");
      if (missing) setPhase({ kind: "error", message: missing.message });
      else setPhase({ kind: "results", result, plan: fixes, titles, workbook: r.workbook, options: plan, run });
      props.onReport?.(result.report);
    });
  }

  /** 取消: stops the read or the check in the engine; the pane goes back to where it was before it. */
  function cancel(): void {
    runs.current++;
    engine.cancel();
    // A file being opened is not open: the page shows no file rather than the one before it.
    if (phase.kind === "reading" && fileHost) props.onLoaded(null);
    setPhase({ kind: "idle", note: "cancelled" });
  }

  const busy = phase.kind === "reading" || phase.kind === "running";
  return { phase, busy, fail, openFile, loadSample, runCheck, cancel };
}
