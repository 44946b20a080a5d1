/** 进步奖名单 (方案4 三): the 学困生 who moved up, in the pack's tiers, and the teachers' 爱心工程奖. */
import { AWARD_SHEET_NAME, buildAwardSheet } from "../sheets/award-sheet";
import { COMMAND_NAMES } from "./names";
import { RecipeText, stepSchema } from "./recipe-fields";
import { CommonOptions } from "./options";
import type { SheetCommandDef } from "./types";

const options = CommonOptions.pick({ sheet: true, kind: true, title: true });

export const awards = {
  id: "awards",
  names: COMMAND_NAMES.awards,
  options,
  sheet: AWARD_SHEET_NAME,
  separate: false,
  fellowSheets: true,
  recipe: stepSchema(COMMAND_NAMES.awards.step.name, { title: RecipeText.optional() }),
  // The score sheet is found in the whole workbook; the roster found for the command is used when it is one.
  build: (source, o, { pack, today, workbook, columnOverrides }) =>
    buildAwardSheet(workbook, { pack, today, title: o.title }, { source, columnOverrides }),
} as const satisfies SheetCommandDef<typeof options>;
