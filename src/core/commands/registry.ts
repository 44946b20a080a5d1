/**
 * The command registry: every command declared once (its module beside this one), in the order the
 * CLI's help, the recipe editor and the ribbon list them. Adding a command: a new module, a row in
 * names.ts, an entry below, then its presenters (CLI text, pane form) where they differ.
 */
import type { z } from "zod";
import type { WorkbookData } from "../grid/types";
import { fail, type Result } from "../result";
import { LAYOUT_SHEET_PREFIX } from "../sheets/form-layouts";
import { findRosterSource, sourceProblemText } from "../sheets/source";
import type { BuildProblem, BuiltSheet } from "../sheets/spec";
import { awards } from "./awards";
import { check } from "./check";
import { exportFormat } from "./export";
import { fixes } from "./fixes";
import { format } from "./format";
import { forms } from "./forms";
import { notice } from "./notice";
import { optionFields, type CommandContext, type OptionField, type OptionValues } from "./options";
import { privacy } from "./privacy";
import { pairSummary } from "./records-summary";
import { seal } from "./seal";
import { summary } from "./summary";
import type { CommandDef, SheetCommandDef } from "./types";
import { verify } from "./verify";
import type { CommandId, RibbonId } from "./names";

export const COMMANDS = {
  check,
  privacy,
  fixes,
  format,
  summary,
  notice,
  forms,
  awards,
  "pair-summary": pairSummary,
  seal,
  export: exportFormat,
  verify,
};

/** Every command, in registry order. */
export const COMMAND_LIST: readonly CommandDef[] = Object.values(COMMANDS);

/** The commands that build one sheet from the roster, by CLI word. */
export const SHEET_BUILDERS = {
  format,
  summary,
  notice,
  forms,
  awards,
  "pair-summary": pairSummary,
  export: exportFormat,
} satisfies Record<string, SheetCommandDef>;
export type SheetBuilderId = keyof typeof SHEET_BUILDERS;

/** The recipe steps' schemas, in registry order (automation/recipes/schema.ts unites them). */
export const RECIPE_STEP_SCHEMAS = [
  check.recipe,
  privacy.recipe,
  fixes.recipe,
  format.recipe,
  summary.recipe,
  notice.recipe,
  forms.recipe,
  awards.recipe,
  pairSummary.recipe,
  seal.recipe,
  exportFormat.recipe,
] as const;

export type StepName = (typeof RECIPE_STEP_SCHEMAS)[number]["shape"]["step"]["value"];

/** Each recipe step's default label ("校验花名册"…), in registry order. */
export const STEP_LABELS = Object.fromEntries(
  COMMAND_LIST.flatMap((c) => (c.names.step ? [[c.names.step.name, c.names.step.label]] : [])),
) as Readonly<Record<StepName, string>>;

/** The sheet builders the pane and the ribbon run by id (格式化花名册, 汇总表, 公示表, 申请表, 进步奖名单, 帮扶记录汇总). */
export type SheetCommand = Extract<
  RibbonId,
  "formatRoster" | "buildSummary" | "buildNotice" | "buildForms" | "buildAwards" | "buildPairSummary"
>;

/** Every ribbon/pane id → its command (from names.ts: the ids are declared once, there). */
const BY_RIBBON = Object.fromEntries(
  COMMAND_LIST.flatMap((c) => (c.names.ribbon ? [[c.names.ribbon.id, c.names.cli as CommandId]] : [])),
) as Readonly<Record<RibbonId, CommandId>>;

/** The ribbon ids of the sheet builders, in registry order. */
export const SHEET_COMMANDS = Object.values(SHEET_BUILDERS).flatMap((b: SheetCommandDef) =>
  b.names.ribbon ? [b.names.ribbon.id as SheetCommand] : [],
);

export function isSheetCommand(command: string): command is SheetCommand {
  return (SHEET_COMMANDS as readonly string[]).includes(command);
}

/** The builder behind a ribbon/pane id. */
export function sheetBuilder(command: SheetCommand): SheetCommandDef {
  return SHEET_BUILDERS[BY_RIBBON[command] as SheetBuilderId];
}

/** The options of all builders as a host passes them; each builder takes the ones it knows. Empty texts mean "default". */
export type SheetCommandOptions = CommandContext & OptionValues;

/** A form's fields for a command (by registry id, or the pane's ribbon id): label, type, default, CLI flag. */
export function commandFields(command: CommandId | RibbonId): OptionField[] {
  const id = command in COMMANDS ? (command as CommandId) : BY_RIBBON[command as RibbonId];
  return optionFields(COMMANDS[id].options as z.ZodObject);
}

/** Non-empty trimmed text, else undefined (the builder's default). */
export function optionalText(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

/**
 * Runs the builder of a pane/ribbon command on the roster sheet of `wb` (`sheet`, else the first
 * roster). For 生成申请表 the user's 申请表模板… sheet in `wb`, when there is one, gives the form.
 * Texts are trimmed, an empty one is left out (the builder's default).
 */
export function buildForCommand(
  wb: WorkbookData,
  command: SheetCommand,
  options: SheetCommandOptions,
): Result<BuiltSheet, BuildProblem> {
  // The roster is never the user's form template, even when it is the first sheet.
  const rosterOnly: WorkbookData =
    options.sheet === undefined
      ? { ...wb, sheets: wb.sheets.filter((g) => !g.name.trim().startsWith(LAYOUT_SHEET_PREFIX)) }
      : wb;
  const found = findRosterSource(rosterOnly, {
    sheet: options.sheet,
    kind: options.kind,
    columnOverrides: options.columnOverrides,
  });
  if (!found.ok) return fail({ code: found.problem.code, message: sourceProblemText(found.problem) });
  const values: OptionValues = {
    ...options,
    program: optionalText(options.program),
    title: optionalText(options.title),
    unit: optionalText(options.unit),
    contact: optionalText(options.contact),
  };
  const { pack, today, calendar, columnOverrides } = options;
  const built = sheetBuilder(command).build(found.value, values, {
    pack,
    today,
    calendar,
    columnOverrides,
    workbook: wb,
  });
  return built;
}

/** The default names of the sheets the commands make (before any " (2)"). */
export const COMMAND_SHEET_NAMES: readonly string[] = COMMAND_LIST.flatMap((c) => (c.sheet ? [c.sheet] : []));
