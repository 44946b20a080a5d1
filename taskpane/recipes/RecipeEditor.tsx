/** The recipe as a form (never raw JSON): a list of steps, each with its own options. */
import { Button, Checkbox, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { STEP_LABELS, type Recipe, type RecipeStep, type StepName } from "../../src/automation/recipes/schema";
import type { RecipeStrings } from "./recipe-strings";

const useStyles = makeStyles({
  steps: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  step: {
    listStyleType: "none",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

const FIX_KINDS = ["trim", "half-width", "number", "amount", "text-format"] as const;

/** A fresh step of a kind, with no options (the defaults). */
export function newStep(step: StepName): RecipeStep {
  return { step } as RecipeStep;
}

/** Sets an option; an empty text removes it (the step's default applies). */
function withOption(step: RecipeStep, key: string, value: unknown): RecipeStep {
  const next: Record<string, unknown> = { ...step };
  if (value === "" || value === undefined) delete next[key];
  else next[key] = value;
  return next as RecipeStep;
}

function TextOption(props: {
  label: string;
  value: string | undefined;
  onChange: (v: string) => void;
  testId: string;
}) {
  return (
    <Input
      size="small"
      aria-label={props.label}
      placeholder={props.label}
      value={props.value ?? ""}
      onChange={(_, d) => props.onChange(d.value)}
      data-testid={props.testId}
    />
  );
}

function StepOptions(props: { step: RecipeStep; index: number; s: RecipeStrings; onChange: (s: RecipeStep) => void }) {
  const { step, s, index } = props;
  const set = (key: string, value: unknown) => props.onChange(withOption(step, key, value));
  const id = (k: string) => `step-${index}-${k}`;
  switch (step.step) {
    case "format":
    case "summary":
      return (
        <div>
          <TextOption label={s.title} value={step.title} onChange={(v) => set("title", v)} testId={id("title")} />
          <TextOption label={s.unit} value={step.unit} onChange={(v) => set("unit", v)} testId={id("unit")} />
        </div>
      );
    case "notice":
      return (
        <div>
          <TextOption label={s.start} value={step.start} onChange={(v) => set("start", v)} testId={id("start")} />
          <TextOption
            label={s.days}
            value={step.days === undefined ? undefined : String(step.days)}
            onChange={(v) => set("days", v === "" ? undefined : Number(v))}
            testId={id("days")}
          />
          <TextOption
            label={s.contact}
            value={step.contact}
            onChange={(v) => set("contact", v)}
            testId={id("contact")}
          />
        </div>
      );
    case "fix": {
      const kinds = new Set<string>(step.kinds ?? FIX_KINDS);
      return (
        <div role="group" aria-label={s.fixKinds}>
          {FIX_KINDS.map((k) => (
            <Checkbox
              key={k}
              label={s.fixKind[k]}
              checked={kinds.has(k)}
              onChange={(_, d) => {
                const next = FIX_KINDS.filter((x) => (x === k ? d.checked === true : kinds.has(x)));
                set("kinds", next.length === FIX_KINDS.length ? undefined : next);
              }}
            />
          ))}
        </div>
      );
    }
    default:
      return null;
  }
}

export function RecipeEditor(props: { recipe: Recipe; s: RecipeStrings; onChange: (r: Recipe) => void }) {
  const { recipe, s } = props;
  const styles = useStyles();
  const setSteps = (steps: RecipeStep[]) => props.onChange({ ...recipe, steps });
  const move = (i: number, by: number) => {
    const steps = [...recipe.steps];
    const [item] = steps.splice(i, 1);
    if (item) steps.splice(i + by, 0, item);
    setSteps(steps);
  };
  return (
    <div>
      <Text weight="semibold">{s.steps}</Text>
      <ol className={styles.steps} data-testid="recipe-steps">
        {recipe.steps.map((step, i) => (
          <li className={styles.step} key={i} data-testid={`step-${i}`}>
            <div className={styles.row}>
              <Text>{i + 1}.</Text>
              <Select
                size="small"
                aria-label={`${s.steps} ${i + 1}`}
                value={step.step}
                onChange={(_, d) => setSteps(recipe.steps.map((x, j) => (j === i ? newStep(d.value as StepName) : x)))}
                data-testid={`step-${i}-kind`}
              >
                {(Object.keys(STEP_LABELS) as StepName[]).map((k) => (
                  <option key={k} value={k}>
                    {STEP_LABELS[k]}
                  </option>
                ))}
              </Select>
              <Checkbox
                label={s.continueOnError}
                checked={step.continueOnError === true}
                onChange={(_, d) =>
                  setSteps(
                    recipe.steps.map((x, j) =>
                      j === i ? withOption(x, "continueOnError", d.checked ? true : undefined) : x,
                    ),
                  )
                }
              />
              <Button size="small" disabled={i === 0} onClick={() => move(i, -1)}>
                {s.up}
              </Button>
              <Button size="small" disabled={i === recipe.steps.length - 1} onClick={() => move(i, 1)}>
                {s.down}
              </Button>
              <Button
                size="small"
                disabled={recipe.steps.length === 1}
                onClick={() => setSteps(recipe.steps.filter((_, j) => j !== i))}
                data-testid={`step-${i}-remove`}
              >
                {s.remove}
              </Button>
            </div>
            <StepOptions
              step={step}
              index={i}
              s={s}
              onChange={(next) => setSteps(recipe.steps.map((x, j) => (j === i ? next : x)))}
            />
          </li>
        ))}
      </ol>
      <Button size="small" onClick={() => setSteps([...recipe.steps, newStep("check")])} data-testid="add-step">
        {s.addStep}
      </Button>
    </div>
  );
}
