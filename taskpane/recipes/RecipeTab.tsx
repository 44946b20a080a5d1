/**
 * 流程: the workbook's recipe, edited as a form, run in one click (the 运行流程 ribbon button
 * lands here too), and the opt-in triggers. The run itself is the pure runner from src/core; the
 * host writes what it produced. In Excel the fixes change the original cells, so the pane asks
 * first.
 */
import { useEffect, useState } from "react";
import { Button, Select, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type Pack, buildSeal } from "../../src/core";
import { RECIPE_LIBRARY } from "../../src/automation/recipes/library";
import { runRecipe, type StepOutcome } from "../../src/automation/recipes/run";
import { parseRecipe, type Recipe } from "../../src/automation/recipes/schema";
import type { Triggers } from "../../src/automation/triggers/triggers";
import type { PaneHost, ReadResult } from "../../src/adapters/pane-host";
import type { UiLocale } from "../strings";
import { recipeStrings } from "./recipe-strings";
import type { RecipeHost, Reseal } from "../../src/adapters/recipe-host";
import { usePaneContext } from "../context";
import { usePaneEngine } from "../engine";
import type { Engine } from "../../src/adapters/engine";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Message, type Status } from "../components/Message";
import { errorText } from "../components/error-text";
import { RecipeEditor } from "./RecipeEditor";

declare const ZIZHU_VERSION: string;

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  outcome: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

/**
 * The roster as the check reads it (the whole active sheet, however big) and, when a step needs
 * the rest of the workbook (privacy: every sheet; forms: a 申请表模板 sheet), the other sheets too.
 */
export async function readForRecipe(host: PaneHost, recipe: Recipe, engine: Engine): Promise<ReadResult> {
  const first = await host.read();
  // The steps compose in the pane: a workbook the engine holds comes back whole (not its preview).
  const main =
    first.ok && first.held ? { ...first, workbook: await engine.call("workbook", { book: first.held.book }) } : first;
  const needsAll = recipe.steps.some((st) => st.step === "privacy" || st.step === "forms");
  if (!main.ok || !needsAll || !host.readAll) return main;
  const all = await host.readAll();
  if (!all.ok) return main;
  const roster = main.workbook.sheets[0];
  const sheets = all.workbook.sheets.map((g) => (roster && g.name === roster.name ? roster : g));
  return { ...main, workbook: { properties: all.workbook.properties, sheets } };
}

function toolName(): string {
  return `zizhu ${typeof ZIZHU_VERSION === "string" ? ZIZHU_VERSION : "dev"}`;
}

export function RecipeTab(props: {
  host: PaneHost;
  recipes: RecipeHost;
  locale: UiLocale;
  pack?: Pack;
  /** Bumped by the 运行流程 ribbon button: run the stored recipe once more. */
  runRequest?: number;
}) {
  const { host, recipes } = props;
  const s = recipeStrings(props.locale);
  const context = usePaneContext();
  const engine = usePaneEngine();
  const styles = useStyles();
  const [recipe, setRecipe] = useState<Recipe | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<StepOutcome[]>([]);
  const [written, setWritten] = useState<string[]>([]);
  const [triggers, setTriggers] = useState<Triggers | null>(null);
  const [confirm, setConfirm] = useState<{ cells: number; resolve: (yes: boolean) => void } | null>(null);

  useEffect(() => {
    let live = true;
    void recipes.loadRecipe().then((r) => {
      if (!live) return;
      setRecipe(r.recipe);
      if (r.problem) setStatus({ intent: "warning", text: `${s.storedProblem}：${r.problem}` });
    });
    if (recipes.loadTriggers) void recipes.loadTriggers().then((t) => live && setTriggers(t));
    return () => {
      live = false;
    };
  }, [recipes]);

  function askFixes(cells: number): Promise<boolean> {
    return new Promise((resolve) => setConfirm({ cells, resolve }));
  }

  function answer(yes: boolean): void {
    confirm?.resolve(yes);
    setConfirm(null);
  }

  async function run(current: Recipe): Promise<void> {
    const valid = parseRecipe(current);
    if (!valid.ok) {
      setStatus({ intent: "error", text: valid.problem.message });
      return;
    }
    setBusy(true);
    setStatus(null);
    setOutcomes([]);
    setWritten([]);
    try {
      const read = await readForRecipe(host, valid.value, engine);
      if (!read.ok) {
        setStatus({ intent: "error", text: read.message });
        return;
      }
      const { today, now } = recipes.clock();
      // The header mapping the user remembered for the roster sheet, as the check uses it.
      const sheet = read.workbook.sheets[0]?.name;
      const remembered = sheet && host.loadColumnOverrides ? await host.loadColumnOverrides(sheet) : {};
      const columnOverrides = sheet && Object.keys(remembered).length > 0 ? { [sheet]: remembered } : undefined;
      // The 公示 step counts with the pane's calendar (the shipped data plus imported notices), as
      // it is now: a notice imported while the workbook was being read counts too.
      const runOptions = {
        pack: props.pack ?? context.pack,
        today,
        now,
        tool: toolName(),
        columnOverrides,
        calendar: host.context().calendar,
      };
      const output = runRecipe(valid.value, read.workbook, runOptions);
      const reseal: Reseal = (workbook, roster) => {
        // The whole re-read workbook may hold other rosters (花名册（格式化）…): seal the one the run sealed.
        const r = buildSeal(workbook, { ...runOptions, ...valid.value.options, ...(roster ? { sheet: roster } : {}) });
        return r.ok ? { ok: true, spec: r.value.built.spec } : { ok: false, message: r.problem.message };
      };
      setOutcomes(output.steps);
      const cells = output.fixes.filter((f) => f.kind !== "text-format").length;
      if (host.mode === "office" && output.fixes.length > 0 && !(await askFixes(Math.max(cells, 1)))) {
        setStatus({ intent: "warning", text: s.cancelled });
        return;
      }
      setWritten(await recipes.saveRecipeOutput(output, read, valid.value, reseal));
      setStatus(output.ok ? { intent: "success", text: s.ranOk } : { intent: "error", text: s.ranFailed });
    } catch (error) {
      setStatus({ intent: "error", text: `运行流程失败：${errorText(error)}` });
    } finally {
      setBusy(false);
    }
  }

  // The ribbon's 运行流程: run once the recipe is loaded, once per click.
  const [handled, setHandled] = useState(0);
  useEffect(() => {
    if (recipe && props.runRequest && props.runRequest !== handled && !busy) {
      setHandled(props.runRequest);
      void run(recipe);
    }
  }, [props.runRequest, recipe]);

  async function save(): Promise<void> {
    if (!recipe) return;
    const valid = parseRecipe(recipe);
    if (!valid.ok) {
      setStatus({ intent: "error", text: valid.problem.message });
      return;
    }
    const r = await recipes.saveRecipe(valid.value);
    setStatus({ intent: r.ok ? "success" : "error", text: r.message });
  }

  async function toggle(key: keyof Triggers, on: boolean): Promise<void> {
    if (!triggers || !recipes.saveTriggers) return;
    const next = { ...triggers, [key]: on };
    const r = await recipes.saveTriggers(next);
    if (r.ok) setTriggers(next);
    setStatus({ intent: r.ok ? "success" : "error", text: r.message });
  }

  if (!recipe) return <Spinner size="tiny" label={s.running} />;
  return (
    <div className={styles.box} data-testid="recipe-tab">
      <Text>{s.intro}</Text>
      <div className={styles.row}>
        <Select
          size="small"
          aria-label={s.library}
          value=""
          onChange={(_, d) => {
            const picked = RECIPE_LIBRARY.find((r) => r.name === d.value);
            if (picked) setRecipe(structuredClone(picked));
          }}
          data-testid="recipe-library"
        >
          <option value="">{s.library}</option>
          {RECIPE_LIBRARY.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
            </option>
          ))}
        </Select>
        <Text weight="semibold" data-testid="recipe-name">
          {recipe.name}
        </Text>
      </div>
      <RecipeEditor recipe={recipe} s={s} onChange={setRecipe} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void run(recipe)} data-testid="run-recipe">
          {busy ? s.running : s.run}
        </Button>
        <Button disabled={busy} onClick={() => void save()} data-testid="save-recipe">
          {host.mode === "office" ? s.save : s.saveStandalone}
        </Button>
      </div>
      {triggers && (
        <div role="group" aria-label={s.triggers}>
          <Text weight="semibold">{s.triggers}</Text>
          <Switch
            label={s.onOpen}
            checked={triggers.onOpen}
            onChange={(_, d) => void toggle("onOpen", d.checked)}
            data-testid="trigger-open"
          />
          <Switch
            label={s.onEdit}
            checked={triggers.onEdit}
            onChange={(_, d) => void toggle("onEdit", d.checked)}
            data-testid="trigger-edit"
          />
        </div>
      )}
      {status && (
        <Message intent={status.intent} testId="recipe-status" wrap>
          {status.text}
        </Message>
      )}
      {outcomes.length > 0 && (
        <ol className={styles.outcome} data-testid="recipe-outcomes">
          {outcomes.map((o) => (
            <li key={o.index} data-status={o.status}>
              <Text weight="semibold">
                {o.label}（{s.status[o.status]}）
              </Text>
              ：<Text>{o.message}</Text>
              {o.notes.length > 0 && (
                <ul className={styles.notes}>
                  {o.notes.slice(0, 10).map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {written.length > 0 && (
        <ul className={styles.notes} data-testid="recipe-written">
          {written.map((w, i) => (
            <li key={i}>
              {s.wrote}
              {w}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={s.run}
        yes={{ label: s.confirmYes, testId: "confirm-fixes", onClick: () => answer(true) }}
        no={{ label: s.confirmNo, testId: "cancel-fixes", onClick: () => answer(false) }}
      >
        {confirm ? s.confirmFixes(confirm.cells) : ""}
      </ConfirmDialog>
    </div>
  );
}
