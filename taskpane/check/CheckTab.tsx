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
import { seedPack } from "../../src/core/policy";
import { detectRoster, type RosterLayout } from "../../src/core/roster/detect";
import type { Issue, RosterKind } from "../../src/core/report/types";
import type { WorkbookData } from "../../src/core/grid/types";
import { today } from "../../functions/clock";
import { isFileHost, type PaneHost, type ReadResult } from "../host";
import type { Strings, UiLocale } from "../strings";
import { HeaderMapping } from "./HeaderMapping";
import { Results } from "./Results";

export type Loaded = Extract<ReadResult, { ok: true }>;

type Phase =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "running" }
  | { kind: "results"; result: CheckResult }
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
function previewLayout(wb: WorkbookData, kind: RosterKind | undefined): RosterLayout | null {
  const ordered = [
    ...wb.sheets.filter((g) => g.state === "visible"),
    ...wb.sheets.filter((g) => g.state !== "visible"),
  ];
  for (const grid of ordered) {
    const d = detectRoster(grid, { kind });
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
}) {
  const { host, strings: s, loaded } = props;
  const styles = useStyles();
  const pack = useMemo(() => seedPack(), []);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [program, setProgram] = useState<string>("");
  const [programText, setProgramText] = useState<string>(s.optProgramByColumn);
  const [enrolled, setEnrolled] = useState("");
  const [kind, setKind] = useState<KindChoice>("auto");
  const [dragging, setDragging] = useState(false);
  const [live, setLive] = useState(false);
  const [liveResult, setLiveResult] = useState<{ rows: number[]; issues: Issue[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileHost = isFileHost(host) ? host : null;
  const busy = phase.kind === "reading" || phase.kind === "running";
  const kindOption: RosterKind | undefined = kind === "auto" ? undefined : kind;

  const preview = useMemo(
    () => (loaded && phase.kind !== "results" ? previewLayout(loaded.workbook, kindOption) : null),
    [loaded, phase.kind, kindOption],
  );

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
      await nextFrame();
      const n = Number(enrolled);
      const result = checkWorkbook(r.workbook, {
        pack,
        today: today(),
        program: program === "" ? undefined : program,
        kind: kindOption,
        enrolled: enrolled.trim() !== "" && Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined,
        locale: props.locale,
      });
      const missing = result.layout ? undefined : result.report.issues.find((i) => i.rule === "roster.header-missing");
      if (missing) setPhase({ kind: "error", message: missing.message });
      else setPhase({ kind: "results", result });
    });
  }

  // Live check: on each (debounced) edit, read the sheet again and show the issues of the changed
  // rows only; the full result list stays as it was until the user runs the check again.
  const liveOptions = useRef({ program, enrolled, kindOption });
  liveOptions.current = { program, enrolled, kindOption };
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
  const layout = phase.kind === "results" ? phase.result.layout : preview;

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
      {phase.kind !== "results" && layout && <HeaderMapping layout={layout} strings={s} locale={props.locale} />}
      {phase.kind === "results" && (
        <Results
          report={phase.result.report}
          host={host}
          strings={s}
          locale={props.locale}
          listHeight={props.listHeight}
        />
      )}
      {/* With results, the mapping goes below them: the issues are what the user came for. */}
      {phase.kind === "results" && layout && <HeaderMapping layout={layout} strings={s} locale={props.locale} />}
    </div>
  );
}
