/** 格式化花名册: the roster as a print-ready sheet (A4 landscape, header repeated on every page). */
import { buildRosterSheet, ROSTER_SHEET_NAME } from "../sheets/roster-sheet";
import { COMMAND_NAMES } from "./names";
import { CommonOptions } from "./options";
import { stepSchema, titleUnitFields } from "./recipe-fields";
import type { SheetCommandDef } from "./types";

const options = CommonOptions.pick({ sheet: true, kind: true, program: true, title: true, unit: true });

export const format = {
  id: "format",
  names: COMMAND_NAMES.format,
  options,
  sheet: ROSTER_SHEET_NAME,
  separate: false,
  recipe: stepSchema(COMMAND_NAMES.format.step.name, titleUnitFields),
  build: (source, o, { pack, today }) =>
    buildRosterSheet(source, { pack, today, program: o.program, title: o.title, unit: o.unit }),
} as const satisfies SheetCommandDef<typeof options>;
