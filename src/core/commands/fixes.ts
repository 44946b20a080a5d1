/** 安全修正: the fixes that cannot change what a cell means (spaces, full-width digits, text amounts…). */
import { z } from "zod";
import { planFixes, type FixPlan } from "../fixes/plan";
import type { Grid } from "../grid/types";
import type { Report } from "../report/types";
import type { RosterLayout } from "../roster/detect";
import { COMMAND_NAMES } from "./names";
import { RosterOptions, type CommandContext } from "./options";
import { stepSchema } from "./recipe-fields";

export const FIX_KINDS = ["trim", "half-width", "number", "amount", "text-format"] as const;
export type FixKindName = (typeof FIX_KINDS)[number];

export const fixes = {
  id: "fixes",
  names: COMMAND_NAMES.fixes,
  options: RosterOptions,
  recipe: stepSchema(COMMAND_NAMES.fixes.step.name, {
    /** Which safe fixes to apply (default: all of them). */
    kinds: z.array(z.enum(FIX_KINDS)).min(1).optional(),
  }),
  /** The fixes for a roster sheet, from its check report. */
  run(grid: Grid, layout: RosterLayout, report: Report, o: { program?: string }, ctx: CommandContext): FixPlan {
    return planFixes(grid, layout, report, { pack: ctx.pack, today: ctx.today, program: o.program });
  },
} as const;
