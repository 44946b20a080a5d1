/** 生成公示表: the public notice (no ID, card, phone or address), with its 公示期 in working days. */
import { z } from "zod";
import { buildNoticeSheet, NOTICE_SHEET_NAME } from "../sheets/notice-sheet";
import { COMMAND_NAMES } from "./names";
import { CommonOptions, NoticeOnlyOptions } from "./options";
import { RecipeDate, RecipeText, stepSchema, titleUnitFields } from "./recipe-fields";
import type { SheetCommandDef } from "./types";

const options = CommonOptions.pick({ sheet: true, kind: true, program: true, title: true, unit: true }).extend(
  NoticeOnlyOptions.shape,
);

export const notice = {
  id: "notice",
  names: COMMAND_NAMES.notice,
  options,
  sheet: NOTICE_SHEET_NAME,
  separate: true,
  recipe: stepSchema(COMMAND_NAMES.notice.step.name, {
    /** 公示 start; default: the run's date. */
    start: RecipeDate.optional(),
    /** Working days; the pack's minimum (5 in the seed pack, 方案7 三.2) is enforced when the notice is built. */
    days: z.number().int().min(1, "公示天数至少为 1 个工作日").max(60).optional(),
    contact: RecipeText.optional(),
    ...titleUnitFields,
  }),
  build: (source, o, { pack, today, calendar }) =>
    buildNoticeSheet(source, {
      pack,
      today,
      program: o.program,
      title: o.title,
      unit: o.unit,
      start: o.start,
      days: o.days,
      calendar,
      contact: o.contact,
    }),
} as const satisfies SheetCommandDef<typeof options>;
