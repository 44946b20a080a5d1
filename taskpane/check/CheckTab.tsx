import { useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import {
  Button,
  Combobox,
  Field as FluentField,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Select,
  Spinner,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { checkWorkbook, type CheckResult } from "../../src/core/check/check";
import { loadPack, packProblemText, seedPack, type Pack } from "../../src/core/policy";
import { detectRoster, type RosterLayout } from "../../src/core/roster/detect";
import type { ColumnOverrides } from "../../src/core/roster/detect";
import type { Issue, Report, RosterKind } from "../../src/core/report/types";
import type { WorkbookData } from "../../src/core/grid/types";
import { today } from "../../functions/clock";
import { isFileHost, type PaneHost, type ReadResult } from "../../src/adapters/pane-host";
import type { Strings, UiLocale } from "../strings";
import { HeaderMapping } from "./HeaderMapping";
import { Results } from "./Results";
import { Fixes } from "./Fixes";
import type { PlanOptions } from "../../src/core/fixes/plan";

export type Loaded = Extract<ReadResult, { ok: true }>;

type Phase =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "running" }
  | { kind: "results"; result: CheckResult; workbook: WorkbookData; options: PlanOptions; run: number }
  | { kind: "error"; message: string };

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  drop: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignItems: "flex-start",
    padding: tokens.spacingHorizontalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  options: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(14em, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  // Fluent's Combobox and Input have a 250px minimum width; in a narrow pane they must shrink.
  fill: { minWidth: 0, width: "100%", boxSizing: "border-box" },
});

const KINDS = ["auto", "students", "teachers", "notice"] as const;
type KindChoice = (typeof KINDS)[number];

/** The roster the check would pick (the first visible sheet with a header), for the mapping preview. */
function previewLayout(
  wb: WorkbookData,
  kind: RosterKind | undefined,
  columnOverrides?: Record<string, ColumnOverrides>,
): RosterLayout | null {
  const ordered = [
    ...wb.sheets.filter((g) => g.state === "visible"),
    ...wb.sheets.filter((g) => g.state !== "visible"),
  ];
  for (const grid of ordered) {
    const d = detectRoster(grid, { kind, overrides: columnOverrides?.[grid.name] });
    if (d.ok) return d.value;
  }
  return null;
}

/** Lets React paint the Spinner before the (synchronous) check starts. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function CheckTab(props: {
  host: PaneHost;
  strings: Strings;
  locale: UiLocale;
  loaded: Loaded | null;
  onLoaded: (loaded: Loaded | null) => void;
  listHeight?: number;
  /** A new number runs the check once (the on-open trigger). */
  autoRun?: number;
  /** Turns the live check on (the on-edit trigger). */
  liveOn?: boolean;
  /** Every finished check's report (the on-open badge). */
  onReport?: (report: Report) => void;
  /** The policy pack, when the pane shares it with the other tabs (else this tab keeps its own). */
  pack?: Pack;
  onPackChange?: (pack: Pack) => void;
}) {
  const { host, strings: s, loaded } = props;
  const styles = useStyles();
  // The seed pack unless the user loads their own (validated whole; a broken pack is not used).
  const [ownPack, setOwnPack] = useState<Pack>(() => seedPack());
  const pack = props.pack ?? ownPack;
  const setPack = props.onPackChange ?? setOwnPack;
  const [packMessage, setPackMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const packInput = useRef<HTMLInputElement>(null);

  async function loadPackFile(file: File): Promise<void> {
    const loadedPack = loadPack(new TextDecoder().decode(await file.arrayBuffer()), [seedPack()]);
    if (loadedPack.ok) {
      setPack(loadedPack.value);
      setPackMessage({ intent: "success", text: s.packLoaded(loadedPack.value.name, loadedPack.value.version) });
    } else {
      setPackMessage({ intent: "error", text: `${s.packBroken(file.name)}\n${packProblemText(loadedPack.problem)}` });
    }
  }
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [program, setProgram] = useState<string>("");
  const [programText, setProgramText] = useState<string>(s.optProgramByColumn);
  const [enrolled, setEnrolled] = useState("");
  const [kind, setKind] = useState<KindChoice>("auto");
  const [scope, setScope] = useState<"active-sheet" | "selection">("active-sheet");
  const [dragging, setDragging] = useState(false);
  const [live, setLive] = useState(props.liveOn === true);
  useEffect(() => {
    if (props.liveOn) setLive(true);
  }, [props.liveOn]);
  const [liveResult, setLiveResult] = useState<{ rows: number[]; issues: Issue[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const runs = useRef(0);
  const fileHost = isFileHost(host) ? host : null;
  const busy = phase.kind === "reading" || phase.kind === "running";
  const kindOption: RosterKind | undefined = kind === "auto" ? undefined : kind;
  // The header mapping corrections of the roster sheet read (by file and sheet), loaded from the
  // host when a sheet is read; edited in the mapping table, passed to every check.
  const [mapping, setMapping] = useState<{ key: string; sheet: string; overrides: ColumnOverrides } | null>(null);
  const [mappingEdited, setMappingEdited] = useState(false);
  const mappingRef = useRef(mapping);
  const pendingMapping = useRef<{ key: string; overrides: Promise<ColumnOverrides> } | null>(null);
  mappingRef.current = mapping;
  const columnOverrides = useMemo(() => (mapping ? { [mapping.sheet]: mapping.overrides } : undefined), [mapping]);

  const preview = useMemo(
    () =>
      loaded && (phase.kind !== "results" || mappingEdited)
        ? previewLayout(loaded.workbook, kindOption, columnOverrides)
        : null,
    [loaded, phase.kind, kindOption, columnOverrides, mappingEdited],
  );

  /** The overrides for the roster sheet of what was read: kept when it is the same sheet, else the host's. */
  async function mappingFor(r: Loaded): Promise<Record<string, ColumnOverrides> | undefined> {
    const sheet = previewLayout(r.workbook, kindOption)?.sheet;
    if (sheet === undefined) return undefined;
    const key = `${isFileHost(host) ? r.source : ""}\u0001${sheet}`;
    const current = mappingRef.current;
    if (current?.key === key) return { [sheet]: current.overrides };
    // The check and the effect on a new read ask at once: one load from the host.
    if (pendingMapping.current?.key !== key) {
      pendingMapping.current = { key, overrides: host.loadColumnOverrides?.(sheet) ?? Promise.resolve({}) };
    }
    const next = { key, sheet, overrides: await pendingMapping.current.overrides };
    if (mappingRef.current?.key === key) return { [sheet]: mappingRef.current.overrides };
    mappingRef.current = next;
    setMapping(next);
    setMappingEdited(false);
    return { [sheet]: next.overrides };
  }

  useEffect(() => {
    if (!loaded) return;
    mappingFor(loaded).catch((error: unknown) =>
      setPhase({ kind: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    // Only a new read can change the sheet; mappingFor keeps what is already loaded for it.
  }, [loaded]);

  function changeMapping(overrides: ColumnOverrides): void {
    if (!mapping) return;
    setMapping({ ...mapping, overrides });
    setMappingEdited(true);
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
      // Only bugs throw; show them rather than leave the pane spinning.
      setPhase({ kind: "error", message: error instanceof Error ? error.message : String(error) });
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

  async function runCheck(): Promise<void> {
    setPhase({ kind: "running" });
    await guarded(async () => {
      const r = await host.read();
      if (!r.ok) {
        accept(r);
        return;
      }
      props.onLoaded(r);
      const overridesNow = await mappingFor(r);
      setMappingEdited(false);
      await nextFrame();
      const n = Number(enrolled);
      const options: PlanOptions = { pack, today: today(), program: program === "" ? undefined : program };
      const result = checkWorkbook(r.workbook, {
        ...options,
        kind: kindOption,
        enrolled: enrolled.trim() !== "" && Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined,
        locale: props.locale,
        columnOverrides: overridesNow,
      });
      const missing = result.layout ? undefined : result.report.issues.find((i) => i.rule === "roster.header-missing");
      if (missing) setPhase({ kind: "error", message: missing.message });
      else setPhase({ kind: "results", result, workbook: r.workbook, options, run: ++runs.current });
      props.onReport?.(result.report);
    });
  }

  // The on-open trigger: one check per new request number.
  const autoRan = useRef(0);
  useEffect(() => {
    if (!props.autoRun || props.autoRun === autoRan.current) return;
    autoRan.current = props.autoRun;
    void runCheck();
    // runCheck reads the current options itself; only a new request number runs it again.
  }, [props.autoRun]);

  // Live check: on each (debounced) edit, read the sheet again and show the issues of the changed
  // rows only; the full result list stays as it was until the user runs the check again.
  const liveOptions = useRef({ program, enrolled, kindOption });
  liveOptions.current = { program, enrolled, kindOption };
  const liveOverrides = useRef(columnOverrides);
  liveOverrides.current = columnOverrides;
  useEffect(() => {
    if (!live || !host.watchEdits) return;
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    void host
      .watchEdits(async (_sheet, rows) => {
        const r = await host.read();
        if (!r.ok || cancelled) return;
        const o = liveOptions.current;
        const n = Number(o.enrolled);
        const result = checkWorkbook(r.workbook, {
          pack,
          today: today(),
          program: o.program === "" ? undefined : o.program,
          kind: o.kindOption,
          enrolled: o.enrolled.trim() !== "" && Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined,
          locale: props.locale,
          columnOverrides: liveOverrides.current,
        });
        const changed = new Set(rows);
        setLiveResult({ rows, issues: result.report.issues.filter((i) => rows.length === 0 || changed.has(i.row)) });
      })
      .then((s2) => {
        if (cancelled) void s2();
        else stop = s2;
      })
      .catch((error: unknown) =>
        setPhase({ kind: "error", message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      cancelled = true;
      if (stop) void stop();
    };
  }, [live, host, pack, props.locale]);

  function onDrop(e: DragEvent<HTMLDivElement>): void {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void openFile(file);
  }

  const kindLabels: Record<KindChoice, string> = {
    auto: s.kindAuto,
    students: s.kindStudents,
    teachers: s.kindTeachers,
    notice: s.kindNotice,
  };
  const layout = phase.kind === "results" && !mappingEdited ? phase.result.layout : preview;
  const saveMapping = host.saveColumnOverrides?.bind(host);
  const mappingProps = {
    overrides: mapping && layout?.sheet === mapping.sheet ? mapping.overrides : {},
    onChange: mapping && layout?.sheet === mapping.sheet ? changeMapping : undefined,
    onRemember: saveMapping && mapping ? () => saveMapping(mapping.sheet, mapping.overrides) : undefined,
  };

  return (
    <div className={styles.box}>
      {fileHost ? (
        <div
          className={mergeClasses(styles.drop, dragging && styles.dropActive)}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <div className={styles.row}>
            <Button disabled={busy} onClick={() => fileInput.current?.click()} data-testid="pick-file">
              {s.pickFile}
            </Button>
            <Button disabled={busy} onClick={() => void loadSample()} data-testid="load-sample">
              {s.loadSample}
            </Button>
          </div>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,.xlsm,.csv,.txt"
            hidden
            data-testid="file-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = "";
              if (file) void openFile(file);
            }}
          />
          <Text size={200}>{s.dropHere}</Text>
          {loaded && (
            <Text size={200} data-testid="loaded">
              {s.fileLoaded(loaded.source, loaded.workbook.sheets.length)}
            </Text>
          )}
        </div>
      ) : null}

      <div className={styles.row}>
        <Text size={200} data-testid="pack-name">
          {s.packLabel(pack.name, pack.version)}
        </Text>
        <Button size="small" onClick={() => packInput.current?.click()} data-testid="load-pack">
          {s.packLoad}
        </Button>
        {pack !== seedPack() && (
          <Button
            size="small"
            appearance="subtle"
            onClick={() => {
              setPack(seedPack());
              setPackMessage(null);
            }}
          >
            {s.packReset}
          </Button>
        )}
        <input
          ref={packInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="pack-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) void loadPackFile(file);
          }}
        />
      </div>
      {packMessage && (
        <MessageBar intent={packMessage.intent}>
          <MessageBarBody data-testid="pack-message" style={{ whiteSpace: "pre-wrap" }}>
            {packMessage.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.options}>
        <FluentField label={s.optProgram}>
          <Combobox
            className={styles.fill}
            value={programText}
            selectedOptions={[program]}
            data-testid="opt-program"
            onOptionSelect={(_, d) => {
              setProgram(d.optionValue ?? "");
              setProgramText(d.optionText ?? s.optProgramByColumn);
            }}
            onChange={(e) => setProgramText(e.currentTarget.value)}
          >
            <Option value="" text={s.optProgramByColumn}>
              {s.optProgramByColumn}
            </Option>
            {pack.programs.map((p) => (
              <Option key={p.code} value={p.code} text={p.name}>
                {p.name}
              </Option>
            ))}
          </Combobox>
        </FluentField>
        <FluentField label={s.optEnrolled}>
          <Input
            className={styles.fill}
            type="number"
            min={1}
            value={enrolled}
            data-testid="opt-enrolled"
            onChange={(_, d) => setEnrolled(d.value)}
          />
        </FluentField>
        {host.setScope && (
          <FluentField label={s.scopeLabel}>
            <Select
              className={styles.fill}
              value={scope}
              data-testid="opt-scope"
              onChange={(_, d) => {
                const next = d.value === "selection" ? "selection" : "active-sheet";
                setScope(next);
                host.setScope?.(next);
              }}
            >
              <option value="active-sheet">{s.scopeSheet}</option>
              <option value="selection">{s.scopeSelection}</option>
            </Select>
          </FluentField>
        )}
        <FluentField label={s.optKind}>
          <Select
            className={styles.fill}
            value={kind}
            data-testid="opt-kind"
            onChange={(_, d) => setKind(d.value as KindChoice)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </Select>
        </FluentField>
      </div>

      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy || (fileHost !== null && loaded === null)}
          onClick={() => void runCheck()}
          data-testid="run-check"
        >
          {fileHost ? s.runCheck : s.checkSheet}
        </Button>
        {phase.kind === "running" && <Spinner size="tiny" label={s.running} data-testid="spinner" />}
        {host.watchEdits && (
          <Switch checked={live} label={s.liveCheck} onChange={(_, d) => setLive(d.checked)} data-testid="live-check" />
        )}
        {phase.kind === "reading" && <Spinner size="tiny" label={s.reading} data-testid="spinner" />}
      </div>

      {phase.kind === "idle" && !loaded && (
        <MessageBar intent="info" data-testid="empty">
          <MessageBarBody>{fileHost ? s.emptyStandalone : s.emptyOffice}</MessageBarBody>
        </MessageBar>
      )}
      {live && liveResult && (
        <MessageBar intent={liveResult.issues.length > 0 ? "warning" : "success"} data-testid="live-result">
          <MessageBarBody>
            {liveResult.issues.length > 0
              ? `${s.liveFound(s.liveRows(liveResult.rows), liveResult.issues.length)}：${liveResult.issues
                  .slice(0, 3)
                  .map((i) => `${i.cell || i.row} ${i.message}`)
                  .join("；")}`
              : s.liveClean(s.liveRows(liveResult.rows))}
          </MessageBarBody>
        </MessageBar>
      )}
      {phase.kind === "error" && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="check-error">{phase.message}</MessageBarBody>
        </MessageBar>
      )}
      {phase.kind !== "results" && layout && (
        <HeaderMapping layout={layout} strings={s} locale={props.locale} {...mappingProps} />
      )}
      {phase.kind === "results" && (
        <Results
          report={phase.result.report}
          host={host}
          strings={s}
          locale={props.locale}
          listHeight={props.listHeight}
        />
      )}
      {phase.kind === "results" && <FixesFor phase={phase} host={host} strings={s} onRecheck={() => void runCheck()} />}
      {/* With results, the mapping goes below them: the issues are what the user came for. */}
      {phase.kind === "results" && mappingEdited && (
        <Text size={200} data-testid="mapping-edited">
          {s.mappingEdited}
        </Text>
      )}
      {phase.kind === "results" && layout && (
        <HeaderMapping layout={layout} strings={s} locale={props.locale} {...mappingProps} />
      )}
    </div>
  );
}

/** The safe fixes of a finished check, on the sheet it checked. */
function FixesFor(props: {
  phase: Extract<Phase, { kind: "results" }>;
  host: PaneHost;
  strings: Strings;
  onRecheck: () => void;
}) {
  const { result, workbook, options } = props.phase;
  const grid = workbook.sheets.find((g) => g.name === result.sheet);
  if (!grid || !result.layout) return null;
  return (
    <Fixes
      // A new check is a new plan: selections and status start afresh.
      key={props.phase.run}
      grid={grid}
      layout={result.layout}
      report={result.report}
      workbook={workbook}
      options={options}
      host={props.host}
      strings={props.strings}
      onRecheck={props.onRecheck}
    />
  );
}
