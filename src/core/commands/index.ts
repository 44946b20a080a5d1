/**
 * The command registry's public entry. Presenters import from here:
 *   - COMMANDS / COMMAND_LIST: every command's names, options schema and implementation;
 *   - commandFields(id): a form's fields for a command (label zh/en, type, placeholder, default);
 *   - parseOptionTexts(schema, flags): CLI flag texts → typed options, with the CLI's messages;
 *   - buildForCommand: a pane/ribbon sheet command on a workbook (pure).
 */
export * from "./names";
export * from "./options";
export * from "./registry";
export type { CommandDef, SheetCommandDef, SheetContext } from "./types";
export { ISSUES_SHEET_NAME } from "./check";
export { RecipeDate, RecipeText } from "./recipe-fields";
export { FIX_KINDS, type FixKindName } from "./fixes";
export type { SealStamp } from "./seal";
export { GENERATED_SHEET_NAMES, MASKED_SHEET_PREFIX, isGeneratedSheetName } from "./generated";
