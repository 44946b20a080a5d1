import type { SheetCommand } from "../../src/adapters/pane-host";

/**
 * The sheet commands the 报表 tab and the ribbon run, by id. Listed here rather than taken from the
 * core's registry, which carries every builder: App needs the ids before the tab (and the builders)
 * load. tests/taskpane/sheets/sheets-command.test.ts keeps this list equal to the registry's.
 */
export const PANE_SHEET_COMMANDS: readonly SheetCommand[] = [
  "formatRoster",
  "buildSummary",
  "buildNotice",
  "buildForms",
  "buildAwards",
  "buildPairSummary",
];

/** What the 报表 tab runs: the sheet builders and 报送前检查. */
export type SheetsCommand = SheetCommand | "preSubmitCheck";

export function isSheetsCommand(command: string): command is SheetsCommand {
  return command === "preSubmitCheck" || (PANE_SHEET_COMMANDS as readonly string[]).includes(command);
}
