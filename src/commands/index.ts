/**
 * Ribbon command handlers (manifest: ExecuteFunction actions). Each opens the task pane on the
 * view for its command; the pane then does the work against the active workbook.
 */
import { COMMANDS, postCommandRequest, type CommandId } from "./requests";

async function openPaneFor(command: CommandId, event: Office.AddinCommands.Event): Promise<void> {
  try {
    // Shared runtime: the pane is the same page, so showing it keeps all state.
    await Office.addin.showAsTaskpane();
    postCommandRequest(window, command, Date.now());
  } finally {
    // Excel waits for completed() before it accepts another click on the ribbon.
    event.completed();
  }
}

void Office.onReady(() => {
  for (const command of Object.keys(COMMANDS) as CommandId[]) {
    Office.actions.associate(command, (event: Office.AddinCommands.Event) => openPaneFor(command, event));
  }
});
