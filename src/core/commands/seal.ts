/** 报送前检查 / 封存: check the roster; without errors, the very hidden 校验凭证 (a digest of the workbook). */
import type { Grid, WorkbookData } from "../grid/types";
import { buildSeal, SEAL_SHEET } from "../sheets/seal";
import { COMMAND_NAMES } from "./names";
import { CommonOptions, type CommandContext } from "./options";
import { stepSchema } from "./recipe-fields";
import type { z } from "zod";

const options = CommonOptions.pick({ sheet: true, kind: true, program: true, enrolled: true });

/** What a seal records besides the options: when and by which zizhu. */
export interface SealStamp {
  /** ISO 8601 with offset (passed in: builders are deterministic). */
  now: string;
  /** The zizhu version. */
  tool: string;
  /** Sheets written with the seal (a recipe's new sheets), covered by the digest: see SealOptions. */
  alsoWritten?: readonly Grid[];
}

export const seal = {
  id: "seal",
  names: COMMAND_NAMES.seal,
  options,
  sheet: SEAL_SHEET,
  recipe: stepSchema(COMMAND_NAMES.seal.step.name, {}),
  run(wb: WorkbookData, o: z.infer<typeof options>, ctx: CommandContext & SealStamp) {
    return buildSeal(wb, {
      pack: ctx.pack,
      today: ctx.today,
      now: ctx.now,
      tool: ctx.tool,
      sheet: o.sheet,
      kind: o.kind,
      program: o.program,
      enrolled: o.enrolled,
      columnOverrides: ctx.columnOverrides,
      ...(ctx.alsoWritten ? { alsoWritten: ctx.alsoWritten } : {}),
    });
  },
} as const;
