import { useRef, useState } from "react";
import {
  checkWorkbook,
  type CheckOptions,
  type CheckResult,
  type PlanOptions,
  type WorkbookData,
  type Report,
  type ColumnOverrides,
} from "../../src/core";
import { isFileHost, type PaneHost, type ReadResult } from "../../src/adapters/pane-host";
import { errorText } from "../components/error-text";
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
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "running" }
  | { kind: "results"; result: CheckResult; workbook: WorkbookData; options: PlanOptions; run: number }
  | { kind: "error"; message: string };

/** Lets React paint the Spinner before the (synchronous) check starts. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

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
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const runs = useRef(0);
  const fileHost = isFileHost(host) ? host : null;

  function fail(error: unknown): void {
    setPhase({ kind: "error", message: errorText(error) });
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

  async function guarded(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      fail(error);
    }
  }

  async function openFile(file: File): Promise<void> {
    if (!fileHost) return;
    setPhase({ kind: "reading" });
    await guarded(async () => {
      fileHost.openFile(file.name, new Uint8Array(await file.arrayBuffer()));
      accept(await fileHost.read());
    });
  }

  async function loadSample(): Promise<void> {
    if (!fileHost) return;
    setPhase({ kind: "reading" });
    await guarded(async () => accept(await fileHost.loadSample()));
  }

  async function runCheck(setup: CheckSetup): Promise<void> {
    setPhase({ kind: "running" });
    await guarded(async () => {
      const r = await host.read({ companions: true });
      if (!r.ok) {
        accept(r);
        return;
      }
      props.onLoaded(r);
      const overrides = await setup.mappingFor(r);
      await nextFrame();
      const { plan, check } = setup.options(overrides);
      const result = checkWorkbook(r.workbook, withActiveSheet(check, r));
      const missing = result.layout ? undefined : result.report.issues.find((i) => i.rule === "roster.header-missing");
      if (missing) setPhase({ kind: "error", message: missing.message });
      else setPhase({ kind: "results", result, workbook: r.workbook, options: plan, run: ++runs.current });
      props.onReport?.(result.report);
    });
  }

  const busy = phase.kind === "reading" || phase.kind === "running";
  return { phase, busy, fail, openFile, loadSample, runCheck };
}
