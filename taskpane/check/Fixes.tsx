/**
 * Safe fixes under the results: what can be fixed without guessing, grouped by kind with a masked
 * preview and a checkbox per group; nothing changes until the user confirms in a dialog. Office
 * changes the sheet in place (Excel's Undo reverts it); standalone downloads a new file. What
 * cannot be fixed (an ID stored as a number has lost digits) is listed with the reason.
 */
import { useMemo, useState } from "react";
import { Button, Checkbox, Spinner, TableCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CellFix, Fix, FixKind, FixPlan, WorkbookData } from "../../src/core";
import type { PaneHost } from "../../src/adapters/pane-host";
import type { Strings } from "../strings";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { HeaderTable } from "../components/HeaderTable";
import { Message } from "../components/Message";
import { useHostAction } from "../hooks/useHostAction";

/** Rows of a group's preview: the rest are counted, not listed. */
const PREVIEW_ROWS = 50;
const KINDS: readonly FixKind[] = ["trim", "half-width", "number", "amount", "text-format"];

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  preview: { maxHeight: "12em", overflowY: "auto" },
  // Spaces are what a trim fix removes: keep them visible in the preview.
  value: { whiteSpace: "pre", fontFamily: tokens.fontFamilyMonospace },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

function groupLabel(s: Strings, kind: FixKind, n: number): string {
  switch (kind) {
    case "trim":
      return s.fixGroupTrim(n);
    case "half-width":
      return s.fixGroupHalfWidth(n);
    case "number":
      return s.fixGroupNumber(n);
    case "amount":
      return s.fixGroupAmount(n);
    case "text-format":
      return s.fixGroupTextFormat(n);
  }
}

function Preview(props: { fixes: readonly Fix[]; strings: Strings; kind: FixKind }) {
  const { fixes, strings: s } = props;
  const styles = useStyles();
  const shown = (text: string) => (text === "" ? s.fixEmpty : `“${text}”`);
  return (
    <div className={styles.preview}>
      <HeaderTable
        label={groupLabel(s, props.kind, fixes.length)}
        testId={`fix-preview-${props.kind}`}
        columns={[s.fixCell, s.fixChange]}
      >
        {fixes.slice(0, PREVIEW_ROWS).map((f) =>
          f.kind === "text-format" ? (
            <TableRow key={`${f.sheet}!${f.column}`}>
              <TableCell>{`${f.column}:${f.column}`}</TableCell>
              <TableCell>{s.fixColumnChange(f.label, f.fromRow + 1, f.toRow + 1)}</TableCell>
            </TableRow>
          ) : (
            <TableRow key={`${f.sheet}!${f.cell}`}>
              <TableCell>{f.cell}</TableCell>
              <TableCell>
                <span className={styles.value}>{`${shown(f.shownBefore)} → ${shown(f.shownAfter)}`}</span>
              </TableCell>
            </TableRow>
          ),
        )}
      </HeaderTable>
      {fixes.length > PREVIEW_ROWS && <Text size={200}>{s.fixMore(fixes.length - PREVIEW_ROWS)}</Text>}
    </div>
  );
}

export function Fixes(props: {
  /** The safe fixes the engine planned with the check (planFixes). */
  plan: FixPlan;
  workbook: WorkbookData;
  host: PaneHost;
  strings: Strings;
  /** Runs the check again (offered after the sheet was changed in place). */
  onRecheck?: () => void;
}) {
  const { host, strings: s } = props;
  const styles = useStyles();
  const { plan } = props;
  const groups = useMemo(
    () =>
      KINDS.map((kind) => ({ kind, fixes: plan.fixes.filter((f) => f.kind === kind) })).filter(
        (g) => g.fixes.length > 0,
      ),
    [plan],
  );
  const [selected, setSelected] = useState<ReadonlySet<FixKind>>(() => new Set(KINDS));
  const [confirming, setConfirming] = useState(false);
  const [applied, setApplied] = useState(false);
  const { busy, status, run } = useHostAction(s.hostFailed);

  if (groups.length === 0 && plan.unfixable.length === 0) return null;

  const chosen = plan.fixes.filter((f) => selected.has(f.kind));
  const cellCount = chosen.filter((f): f is CellFix => f.kind !== "text-format").length;
  const columnCount = chosen.length - cellCount;
  const canApply = !!host.applyFixes && chosen.length > 0 && !busy && !applied;

  function toggle(kind: FixKind, on: boolean): void {
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });
  }

  async function apply(): Promise<void> {
    setConfirming(false);
    const applyFixes = host.applyFixes?.bind(host);
    if (!applyFixes) return;
    await run(s.fixApply, async () => {
      const text = await applyFixes(chosen, props.workbook);
      // In place, the plan no longer matches the sheet: check again before fixing more.
      if (host.mode === "office") setApplied(true);
      return text;
    });
  }

  return (
    <section className={styles.box} aria-label={s.fixesTitle} data-testid="fixes">
      <Text weight="semibold">{s.fixesTitle}</Text>
      {groups.length > 0 && (
        <>
          <Text size={200}>{s.fixesIntro}</Text>
          {groups.map((g) => (
            <div key={g.kind} data-testid={`fix-group-${g.kind}`}>
              <Checkbox
                checked={selected.has(g.kind)}
                disabled={busy || applied}
                label={groupLabel(s, g.kind, g.fixes.length)}
                data-testid={`fix-check-${g.kind}`}
                onChange={(_, d) => toggle(g.kind, d.checked === true)}
              />
              <Preview fixes={g.fixes} strings={s} kind={g.kind} />
            </div>
          ))}
          {host.applyFixes && (
            <div className={styles.actions}>
              <Button
                appearance="primary"
                disabled={!canApply}
                data-testid="fix-apply"
                onClick={() => setConfirming(true)}
              >
                {s.fixApply}
              </Button>
              {busy && <Spinner size="tiny" label={s.working} />}
              {applied && props.onRecheck && (
                <Button data-testid="fix-recheck" onClick={props.onRecheck}>
                  {s.fixRecheck}
                </Button>
              )}
            </div>
          )}
        </>
      )}
      {status && (
        <Message intent={status.intent} bodyTestId="fix-status">
          {status.text}
          {applied && status.intent === "success" && ` ${s.fixRecheckHint}`}
        </Message>
      )}
      {plan.unfixable.length > 0 && (
        <div data-testid="fix-unfixable">
          <Text weight="semibold">{s.fixUnfixableTitle}</Text>
          <Text as="p" size={200}>
            {s.fixUnfixableNote}
          </Text>
          <HeaderTable label={s.fixUnfixableTitle}>
            {plan.unfixable.map((u) => (
              <TableRow key={`${u.sheet}!${u.cell}|${u.rule}`}>
                <TableCell>{u.cell}</TableCell>
                <TableCell>{u.value}</TableCell>
                <TableCell>{u.reason}</TableCell>
              </TableRow>
            ))}
          </HeaderTable>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={s.fixConfirmTitle}
        testId="fix-confirm"
        onDismiss={() => setConfirming(false)}
        yes={{ label: s.fixConfirm, testId: "fix-confirm-ok", onClick: () => void apply() }}
        no={{ label: s.fixCancel, testId: "fix-confirm-cancel", onClick: () => setConfirming(false) }}
      >
        {host.mode === "office" ? s.fixConfirmOffice(cellCount, columnCount) : s.fixConfirmStandalone(chosen.length)}
      </ConfirmDialog>
    </section>
  );
}
