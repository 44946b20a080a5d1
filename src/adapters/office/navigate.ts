/**
 * Jumps to a flagged cell from the task pane: activates its sheet and selects the cell, in one sync.
 */
import { fail, hostFailed, type HostProblem, ok, type Result } from "../../core";
import { errorCode, hostFailure, isHostError } from "./errors";

export async function selectCell(sheet: string, address: string): Promise<Result<void, HostProblem>> {
  try {
    await Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      // activate() brings the sheet to the front, select() then moves the cursor: both queued, one sync.
      worksheet.getRange(address).select();
      await context.sync();
    });
    return ok(undefined);
  } catch (error) {
    if (!isHostError(error)) throw error;
    const code = errorCode(error);
    if (code === "ItemNotFound") {
      return fail(hostFailed(`找不到工作表“${sheet}”：它可能已被重命名或删除。请重新校验后再定位。`));
    }
    if (code === "InvalidArgument") {
      return fail(hostFailed(`工作表“${sheet}”中没有单元格“${address}”。请重新校验后再定位。`));
    }
    return fail(hostFailed(hostFailure(`定位到“${sheet}”的 ${address}`, error)));
  }
}
