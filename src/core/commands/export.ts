/** 导出报送格式: the roster in the receiving office's import layout (a 报送格式; default the built-in one). */
import { z } from "zod";
import { pickSheet } from "../check/check";
import type { WorkbookData } from "../grid/types";
import { buildExportSheet, DEFAULT_FORMAT, defaultFormatFor } from "../sheets/export-format";
import type { RosterSource } from "../sheets/source";
import { COMMAND_NAMES } from "./names";
import { RosterOptions } from "./options";
import { stepSchema } from "./recipe-fields";
import type { SheetCommandDef } from "./types";

const options = RosterOptions;

/** The workbook's 帮联台账, or null. */
function ledgerSource(wb: WorkbookData | undefined): RosterSource | null {
  const picked = wb ? pickSheet(wb, { kind: "pairs" }) : null;
  return picked?.layout && picked.layout.detected === "pairs" ? { grid: picked.grid, layout: picked.layout } : null;
}

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
  build: (source, o, { pack, today, format, workbook }) => {
    const f = format ?? defaultFormatFor(source);
    // A 帮联 format exports the workbook's pairing ledger, whichever sheet the command started from.
    const from = f.source === "pairs" && source.layout.kind !== "pairs" ? ledgerSource(workbook) : source;
    if (!from)
      return {
        ok: false,
        problem: {
          code: "export.no-ledger",
          message: `报送格式“${f.name}”导出帮联台账，但工作簿中没有找到帮联台账（帮扶人、帮扶对象等列）；请先建立帮联台账。`,
        },
      };
    return buildExportSheet(from, f, { pack, today, program: o.program });
  },
} as const satisfies SheetCommandDef<typeof options>;
