/**
 * The building blocks of recipe steps (the recipe file format, automation/recipes/schema.ts): a
 * step is `{ step: NAME, …its own fields, continueOnError?, label? }`, strict. Each command that
 * is a step declares its schema with `stepSchema`.
 */
import { z } from "zod";

export const RecipeText = z.string().trim().min(1).max(200);
export const RecipeDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应写成 YYYY-MM-DD");

/** Every step may say that the recipe goes on after it finds errors (default: stop). */
const stepCommon = { continueOnError: z.boolean().optional(), label: RecipeText.optional() };

export function stepSchema<N extends string, F extends z.ZodRawShape>(name: N, fields: F) {
  return z.strictObject({ step: z.literal(name), ...fields, ...stepCommon });
}

/** A step's title and unit (格式化花名册, 汇总表, 公示表). */
export const titleUnitFields = { title: RecipeText.optional(), unit: RecipeText.optional() };
