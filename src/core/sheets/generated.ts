/**
 * The sheets zizhu makes, by name: the builders' default names (花名册（格式化）, 汇总表, 公示表,
 * 申请表, 报送数据, 校验凭证), the issue list 校验结果 and the masked copies 脱敏副本-…, each also
 * with the " (2)", " (3)"… a writer adds when the name is taken.
 *
 * The ribbon's commands read the ACTIVE sheet, and a builder activates the sheet it made: without
 * this check, 报送前检查 right after 格式化花名册 would check and seal our own copy instead of
 * the user's roster.
 */
import { DEFAULT_FORMAT } from "./export-format";
import { FORMS_SHEET_NAME } from "./forms-sheet";
import { NOTICE_SHEET_NAME } from "./notice-sheet";
import { ROSTER_SHEET_NAME } from "./roster-sheet";
import { SEAL_SHEET } from "./seal";
import { SUMMARY_SHEET_NAME } from "./summary-sheet";

/** The issue list the adapters write (ISSUES_SHEET / ISSUES_SHEET_NAME there; a test keeps them equal). */
export const ISSUES_SHEET_NAME = "校验结果";
/** The masked copies' prefix (MASKED_PREFIX in the add-in's masked-copy writer; a test keeps them equal). */
export const MASKED_SHEET_PREFIX = "脱敏副本-";

/** The exact default names (before any " (2)"). */
export const GENERATED_SHEET_NAMES: readonly string[] = [
  ROSTER_SHEET_NAME,
  SUMMARY_SHEET_NAME,
  NOTICE_SHEET_NAME,
  FORMS_SHEET_NAME,
  DEFAULT_FORMAT.sheetName,
  ISSUES_SHEET_NAME,
  SEAL_SHEET,
];

/** " (2)", " (12)": the suffix writers give a taken name. */
const COPY_SUFFIX = /\s*\(\d+\)$/;

/** Whether the sheet is one zizhu generated (by its name), not a sheet of the user's. */
export function isGeneratedSheetName(name: string): boolean {
  const base = name.trim().replace(COPY_SUFFIX, "").trim();
  if (base.startsWith(MASKED_SHEET_PREFIX)) return true;
  const lower = base.toLowerCase();
  return GENERATED_SHEET_NAMES.some((n) => n.toLowerCase() === lower);
}
