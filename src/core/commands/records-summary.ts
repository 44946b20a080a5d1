/** 帮扶记录汇总 (方案8 (二)4): each pair of the 帮联台账 with its year's visits and money against the plan's minimums. */
import { buildRecordsSummarySheet, RECORDS_SUMMARY_SHEET_NAME } from "../sheets/records-summary-sheet";
import { COMMAND_NAMES } from "./names";
import { RecipeText, stepSchema } from "./recipe-fields";
import { CommonOptions } from "./options";
import type { SheetCommandDef } from "./types";

const options = CommonOptions.pick({ sheet: true, kind: true, title: true });

export const pairSummary = {
  id: "pair-summary",
  names: COMMAND_NAMES["pair-summary"],
  options,
  sheet: RECORDS_SUMMARY_SHEET_NAME,
  separate: false,
  fellowSheets: true,
  recipe: stepSchema(COMMAND_NAMES["pair-summary"].step.name, { title: RecipeText.optional() }),
  // The ledger and its records are found in the whole workbook; the roster found for the command is used when it is a ledger.
  build: (source, o, { pack, today, workbook, columnOverrides }) =>
    buildRecordsSummarySheet(workbook, { pack, today, title: o.title }, { source, columnOverrides }),
} as const satisfies SheetCommandDef<typeof options>;
