import type { ReadProblem } from "./problems";

/**
 * A workbook that our reader read but ExcelJS cannot load to write into (a copy with new sheets, an
 * annotated report): an expected limit with its Chinese message, not a bug. Hosts show the message.
 */
export class WorkbookLoadError extends Error {
  constructor(readonly problem: ReadProblem) {
    super(problem.message);
    this.name = "WorkbookLoadError";
  }
}
