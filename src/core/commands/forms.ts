/** 生成申请表: one form per person, on the workbook's 申请表模板 sheet when it has one. */
import { buildFormsSheet, FORMS_SHEET_NAME, findLayoutSheet } from "../sheets/forms-sheet";
import { COMMAND_NAMES } from "./names";
import { RosterOptions } from "./options";
import { stepSchema } from "./recipe-fields";
import type { SheetCommandDef } from "./types";

const options = RosterOptions;

export const forms = {
  id: "forms",
  names: COMMAND_NAMES.forms,
  options,
  sheet: FORMS_SHEET_NAME,
  separate: false,
  recipe: stepSchema(COMMAND_NAMES.forms.step.name, {}),
  build: (source, o, { pack, today, workbook }) =>
    buildFormsSheet(source, { pack, today, program: o.program, layout: findLayoutSheet(workbook) ?? undefined }),
} as const satisfies SheetCommandDef<typeof options>;
