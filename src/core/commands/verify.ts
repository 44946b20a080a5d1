/** 核验凭证: whether the workbook is still what its 校验凭证 sealed. */
import { z } from "zod";
import type { WorkbookData } from "../grid/types";
import { verifySeal, type SealVerdict } from "../sheets/seal";
import { COMMAND_NAMES } from "./names";

export const verify = {
  id: "verify",
  names: COMMAND_NAMES.verify,
  options: z.object({}),
  run: (wb: WorkbookData): SealVerdict => verifySeal(wb),
} as const;
