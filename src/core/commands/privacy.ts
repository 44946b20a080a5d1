/** 隐私检查: ID numbers, phones, cards, birth dates and addresses anywhere in the workbook. */
import { z } from "zod";
import type { WorkbookData } from "../grid/types";
import { scanWorkbook, type SheetScanOptions } from "../privacy";
import type { Finding } from "../report/types";
import { COMMAND_NAMES } from "./names";
import { stepSchema } from "./recipe-fields";

export const privacy = {
  id: "privacy",
  names: COMMAND_NAMES.privacy,
  options: z.object({}),
  recipe: stepSchema(COMMAND_NAMES.privacy.step.name, {}),
  /** The inventory scan; `sheets` tells how to read some sheets (the roster's own columns, a 公示表). */
  run(wb: WorkbookData, sheets?: Map<string, SheetScanOptions>): Finding[] {
    return scanWorkbook(wb, sheets ? { mode: "inventory", sheets } : { mode: "inventory" });
  },
} as const;
