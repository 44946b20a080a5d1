/**
 * Recipes: the steps a finance officer repeats every term (check → fix → format → 汇总 → 公示 →
 * seal), written down once as data and run the same way inside Excel and by `zizhu run`. This zod
 * schema is the single definition of a valid recipe; a bad one is rejected whole, every problem
 * named by its step ("第 3 步（notice）：days …").
 */
import { z } from "zod";
import {
  RECIPE_STEP_SCHEMAS,
  RecipeText as Text,
  ROSTER_KINDS,
  STEP_LABELS,
  type FixKindName,
  type StepName,
  fail,
  ok,
  type Result,
} from "../../core";

const zhCN = z.locales.zhCN();

/** One step per command that is a recipe step, as its module declares it (core/commands). */
export const StepSchema = z.discriminatedUnion("step", RECIPE_STEP_SCHEMAS);

export type RecipeStep = z.infer<typeof StepSchema>;
export type { FixKindName, StepName };
export { STEP_LABELS };

export const RecipeSchema = z.strictObject({
  name: Text,
  description: z.string().max(500).optional(),
  /** Options for every step: the roster sheet, program, enrolment (as for zizhu check). */
  options: z
    .strictObject({
      sheet: Text.optional(),
      program: Text.optional(),
      kind: z.enum(ROSTER_KINDS).optional(),
      enrolled: z.number().int().positive().optional(),
    })
    .optional(),
  steps: z.array(StepSchema).min(1, "至少需要一个步骤").max(30),
});

export type Recipe = z.infer<typeof RecipeSchema>;

export interface RecipeProblem {
  code: "recipe.invalid";
  /** One line per problem, naming the step: "第 3 步（notice）：days：…". */
  problems: string[];
  message: string;
}

function stepName(data: unknown, index: number): string {
  const steps = (data as { steps?: unknown } | null)?.steps;
  const s = Array.isArray(steps) ? (steps[index] as { step?: unknown } | undefined)?.step : undefined;
  return typeof s === "string" ? s : "?";
}

function describe(path: readonly PropertyKey[], data: unknown): string {
  if (path[0] === "steps" && typeof path[1] === "number") {
    const rest = path.slice(2).map(String).join(".");
    return `第 ${path[1] + 1} 步（${stepName(data, path[1])}）${rest ? `：${rest}` : ""}`;
  }
  return path.map(String).join(".") || "流程";
}

/** Validates a recipe (parsed JSON/YAML). */
export function parseRecipe(data: unknown): Result<Recipe, RecipeProblem> {
  const r = RecipeSchema.safeParse(data, { error: zhCN.localeError });
  if (r.success) return ok(r.data);
  const problems = r.error.issues.map((i) => {
    // An unknown step name: say which steps exist instead of zod's generic union message.
    const last = i.path[i.path.length - 1];
    const message =
      i.code === "invalid_union" && last === "step"
        ? `未知步骤，可用的步骤：${Object.keys(STEP_LABELS).join("、")}`
        : i.message;
    return `${describe(i.path, data)}：${message}`;
  });
  return fail({
    code: "recipe.invalid",
    problems,
    message: `流程定义有 ${problems.length} 处错误：\n${problems.join("\n")}`,
  });
}
