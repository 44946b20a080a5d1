/**
 * Host errors (OfficeExtension.Error and the like) as Chinese messages that name the action and
 * say what to do. Only the host's own failures (OfficeExtension.Error, which always carries a
 * code) become values; anything else is a bug in our code and is rethrown by the callers.
 */
export function errorCode(error: unknown): string {
  if (error !== null && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return "";
}

/** An error raised by the host (it has a code such as "ItemNotFound"), as opposed to a bug of ours. */
export function isHostError(error: unknown): boolean {
  return errorCode(error) !== "";
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A host error as a Chinese message that says what to do. Shared by the other office adapters. */
export function hostFailure(action: string, error: unknown): string {
  const code = errorCode(error);
  // Host quirk: while a cell is being edited Excel rejects every API call with this code.
  if (code === "InvalidOperationInCellEditMode") {
    return `${action}失败：Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。`;
  }
  if (code === "InvalidSelection") {
    return `${action}失败：当前选中的不是一个连续的单元格区域。请只选中一个区域（不要按住 Ctrl 多选，也不要选中图表或图片），再重试。`;
  }
  if (code === "AccessDenied") {
    return `${action}失败：工作簿或工作表受保护，或处于只读状态。请撤销保护后重试。`;
  }
  const detail = code !== "" ? `${code}：${errorText(error)}` : errorText(error);
  return `${action}失败（Excel 返回：${detail}）。请稍后重试；如问题持续，可将工作簿另存为 .xlsx 后用独立页面校验。`;
}
