/** 生成汇总表: people and amounts by program, 学段 and 困难类型, with COUNTIFS into the roster. */
import { buildSummarySheet, SUMMARY_SHEET_NAME } from "../sheets/summary-sheet";
import { COMMAND_NAMES } from "./names";
import { CommonOptions } from "./options";
import { stepSchema, titleUnitFields } from "./recipe-fields";
import type { SheetCommandDef } from "./types";

const options = CommonOptions;

export const summary = {
  id: "summary",
  names: COMMAND_NAMES.summary,
  options,
  sheet: SUMMARY_SHEET_NAME,
  separate: false,
  recipe: stepSchema(COMMAND_NAMES.summary.step.name, titleUnitFields),
  build: (source, o, { pack, today }) =>
    buildSummarySheet(source, { pack, today, program: o.program, title: o.title, unit: o.unit, enrolled: o.enrolled }),
} as const satisfies SheetCommandDef<typeof options>;
