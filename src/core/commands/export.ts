/** 导出报送格式: the roster in the receiving office's import layout (a 报送格式; default the built-in one). */
import { z } from "zod";
import { buildExportSheet, DEFAULT_FORMAT } from "../sheets/export-format";
import { COMMAND_NAMES } from "./names";
import { RosterOptions } from "./options";
import { stepSchema } from "./recipe-fields";
import type { SheetCommandDef } from "./types";

const options = RosterOptions;

export const exportFormat = {
  id: "export",
  names: COMMAND_NAMES.export,
  options,
  sheet: DEFAULT_FORMAT.sheetName,
  separate: true,
  recipe: stepSchema(COMMAND_NAMES.export.step.name, {
    /** A 报送格式 (JSON object, see zizhu export --mapping); default: the built-in one. */
    mapping: z.unknown().optional(),
  }),
  build: (source, o, { pack, today, format }) =>
    buildExportSheet(source, format ?? DEFAULT_FORMAT, { pack, today, program: o.program }),
} as const satisfies SheetCommandDef<typeof options>;
