/**
 * Ribbon command handlers (manifest: ExecuteFunction actions). One click does the job: the request
 * is left for the pane, the pane is shown, and the pane runs the command on the active sheet with
 * default options (格式化花名册, 汇总表, 公示表, 申请表, 报送前检查) or opens the right view (一键校验).
 * The buttons are the registry's (core/commands/names.ts) plus 运行流程: requests.ts.
 */
import { COMMANDS, postCommandRequest, type CommandId } from "./requests";

async function runFromRibbon(command: CommandId, event: Office.AddinCommands.Event): Promise<void> {
  try {
    // Shared runtime: the pane is this same page. Posted first, so a pane that mounts while being
    // shown finds the request; a pane already open gets the event.
    postCommandRequest(window, command, Date.now());
    await Office.addin.showAsTaskpane();
  } catch {
    // An Excel without showAsTaskpane (no shared runtime): the request waits until the user opens
    // the pane from the ribbon's 打开任务窗格 button.
  } finally {
    // Excel waits for completed() before it accepts another click on the ribbon.
    event.completed();
  }
}

void Office.onReady(() => {
  for (const command of Object.keys(COMMANDS) as CommandId[]) {
    Office.actions.associate(command, (event: Office.AddinCommands.Event) => runFromRibbon(command, event));
  }
});
