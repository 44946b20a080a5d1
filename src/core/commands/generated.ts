/**
 * The sheets zizhu makes, by name: the default names of the registry's commands (core/commands:
 * 校验结果, 花名册（格式化）, 汇总表, 公示表, 申请表, 校验凭证, 报送数据) and the masked copies
 * 脱敏副本-…, each also with the " (2)", " (3)"… a writer adds when the name is taken.
 *
 * The ribbon's commands read the ACTIVE sheet, and a builder activates the sheet it made: without
 * this check, 报送前检查 right after 格式化花名册 would check and seal our own copy instead of
 * the user's roster.
 */
import { ISSUES_SHEET_NAME } from "./check";
import { COMMAND_SHEET_NAMES } from "./registry";

export { ISSUES_SHEET_NAME };
/** The masked copies' prefix (the add-in's masked-copy writer names its sheets with it). */
export const MASKED_SHEET_PREFIX = "脱敏副本-";

/** The exact default names (before any " (2)"): those the registry's commands make, 校验结果 among them. */
export const GENERATED_SHEET_NAMES: readonly string[] = COMMAND_SHEET_NAMES;

/** " (2)", " (12)": the suffix writers give a taken name. */
const COPY_SUFFIX = /\s*\(\d+\)$/;

/** Whether the sheet is one zizhu generated (by its name), not a sheet of the user's. */
export function isGeneratedSheetName(name: string): boolean {
  const base = name.trim().replace(COPY_SUFFIX, "").trim();
  if (base.startsWith(MASKED_SHEET_PREFIX)) return true;
  const lower = base.toLowerCase();
  return GENERATED_SHEET_NAMES.some((n) => n.toLowerCase() === lower);
}
