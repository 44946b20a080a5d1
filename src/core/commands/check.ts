/** 校验花名册 / 一键校验: the roster against the policy pack and the privacy rules. */
import { checkWorkbook, type CheckOptions, type CheckResult } from "../check/check";
import type { WorkbookData } from "../grid/types";
import { COMMAND_NAMES } from "./names";
import { CommonOptions, type CommandContext } from "./options";
import { stepSchema } from "./recipe-fields";
import type { z } from "zod";

/** The issue list the adapters write (ISSUES_SHEET / ISSUES_SHEET_NAME there; a test keeps them equal). */
export const ISSUES_SHEET_NAME = "校验结果";

const options = CommonOptions.pick({ sheet: true, kind: true, program: true, enrolled: true });

export const check = {
  id: "check",
  names: COMMAND_NAMES.check,
  options,
  sheet: ISSUES_SHEET_NAME,
  recipe: stepSchema(COMMAND_NAMES.check.step.name, {}),
  /**
   * `inputs`: what a host reads beside the workbook — aid rosters from other files whose 建档立卡
   * students a pairing ledger must cover (--against), and the ledger's year (--year).
   */
  run(
    wb: WorkbookData,
    o: z.infer<typeof options>,
    ctx: CommandContext,
    inputs: Pick<CheckOptions, "against" | "year"> = {},
  ): CheckResult {
    return checkWorkbook(wb, {
      ...inputs,
      pack: ctx.pack,
      today: ctx.today,
      sheet: o.sheet,
      kind: o.kind,
      program: o.program,
      enrolled: o.enrolled,
      columnOverrides: ctx.columnOverrides,
    });
  },
} as const;
