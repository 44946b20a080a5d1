// The pane's list of sheet commands (kept apart from the builders so App loads without them) is
// the core registry's.
import { SHEET_COMMANDS } from "../../../src/core/commands/registry";
import { PANE_SHEET_COMMANDS, isSheetsCommand } from "../../../taskpane/sheets/sheets-command";

test("the pane knows exactly the registry's sheet commands", () => {
  expect([...PANE_SHEET_COMMANDS].sort()).toEqual([...SHEET_COMMANDS].sort());
});

test.each([
  ["formatRoster", true],
  ["buildPairSummary", true],
  ["preSubmitCheck", true],
  ["validate", false],
  ["runRecipe", false],
])("isSheetsCommand(%s) is %s", (command, expected) => {
  expect(isSheetsCommand(command)).toBe(expected);
});
