/**
 * The boundary between core Results and Excel: expected problems become a
 * CustomFunctions.Error carrying a Chinese message (shown in the cell's error indicator), and
 * an empty cell gives "" rather than an error.
 *
 * `CustomFunctions` is the global the Excel runtime provides; the `zizhu fn` CLI installs a
 * faithful stand-in (src/cli/custom-functions-host.ts) so it runs this very code.
 */
import { type Problem, type Result, isEmptyCell } from "../src/core";

export type ExcelErrorKind = "invalidValue" | "notAvailable" | "invalidNumber";

export function excelError(message: string, kind: ExcelErrorKind = "invalidValue"): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[kind], message);
}

/** The value of an ok Result, or throw the Excel error whose message `describe` renders. */
export function valueOr<T, P extends Problem | readonly Problem[]>(
  result: Result<T, P>,
  describe: (problem: P) => string,
): T {
  if (result.ok) return result.value;
  throw excelError(describe(result.problem));
}

/**
 * Runs a function body so that nothing but a CustomFunctions.Error ever reaches Excel: a bug
 * (any other exception) becomes #VALUE! with a message that asks for a report, not a bare #VALUE!.
 */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof CustomFunctions.Error) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw excelError(`资助助手内部错误，请将此单元格的公式和参数报告给开发者：${detail}`);
  }
}

/**
 * An argument that refers to an empty cell. Host quirk: Excel on the web passes an empty cell as
 * null, Excel on Windows passes it as 0 (office-js issue #4702). No ID, card, phone number or
 * date is 0, so for those arguments 0 is read as "empty" too.
 */
export function isBlankArg(value: unknown): boolean {
  return value === 0 || isEmptyCell(value);
}
