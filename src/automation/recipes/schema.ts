/**
 * Recipes: the steps a finance officer repeats every term (check → fix → format → 汇总 → 公示 →
 * seal), written down once as data and run the same way inside Excel and by `zizhu run`. This zod
 * schema is the single definition of a valid recipe; a bad one is rejected whole, every problem
 * named by its step ("第 3 步（notice）：days …").
 */
import { z } from "zod";
import { fail, ok, type Result } from "../../core/result";

const zhCN = z.locales.zhCN();

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应写成 YYYY-MM-DD");
const Text = z.string().trim().min(1).max(200);

/** Every step may say that the recipe goes on after it finds errors (default: stop). */
const common = { continueOnError: z.boolean().optional(), label: Text.optional() };

const FIX_KINDS = ["trim", "half-width", "number", "amount", "text-format"] as const;

export const StepSchema = z.discriminatedUnion("step", [
  z.strictObject({ step: z.literal("check"), ...common }),
  z.strictObject({ step: z.literal("privacy"), ...common }),
  z.strictObject({
    step: z.literal("fix"),
    /** Which safe fixes to apply (default: all of them). */
    kinds: z.array(z.enum(FIX_KINDS)).min(1).optional(),
    ...common,
  }),
  z.strictObject({ step: z.literal("format"), title: Text.optional(), unit: Text.optional(), ...common }),
  z.strictObject({ step: z.literal("summary"), title: Text.optional(), unit: Text.optional(), ...common }),
  z.strictObject({
    step: z.literal("notice"),
    /** 公示 start; default: the run's date. */
    start: IsoDate.optional(),
    /** Working days; the pack's minimum (5 in the seed pack, 方案7 三.2) is enforced when the notice is built. */
    days: z.number().int().min(1, "公示天数至少为 1 个工作日").max(60).optional(),
    contact: Text.optional(),
    title: Text.optional(),
    unit: Text.optional(),
    ...common,
  }),
  z.strictObject({ step: z.literal("forms"), ...common }),
  z.strictObject({ step: z.literal("seal"), ...common }),
  z.strictObject({
    step: z.literal("export"),
    /** A 报送格式 (JSON object, see zizhu export --mapping); default: the built-in one. */
    mapping: z.unknown().optional(),
    ...common,
  }),
]);

export type RecipeStep = z.infer<typeof StepSchema>;
export type StepName = RecipeStep["step"];
export type FixKindName = (typeof FIX_KINDS)[number];

export const STEP_LABELS: Readonly<Record<StepName, string>> = {
  check: "校验花名册",
  privacy: "隐私检查",
  fix: "安全修正",
  format: "格式化花名册",
  summary: "生成汇总表",
  notice: "生成公示表",
  forms: "生成申请表",
  seal: "报送前检查并封存",
  export: "导出报送格式",
};

export const RecipeSchema = z.strictObject({
  name: Text,
  description: z.string().max(500).optional(),
  /** Options for every step: the roster sheet, program, enrolment (as for zizhu check). */
  options: z
    .strictObject({
      sheet: Text.optional(),
      program: Text.optional(),
      kind: z.enum(["students", "teachers", "notice"]).optional(),
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
