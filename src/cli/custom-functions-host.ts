/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime provides, so that the CLI runs
 * the very functions module Excel runs (functions/*.ts, with the `associate` calls that
 * custom-functions-metadata-plugin appends to it at build time).
 *
 * It mirrors the documented surface the functions use: `associate(id, fn)`, `ErrorCode` (whose
 * values are the strings Excel shows) and `Error(code, message)`.
 */
export const ErrorCode = {
  divisionByZero: "#DIV/0!",
  invalidName: "#NAME?",
  invalidNumber: "#NUM!",
  invalidReference: "#REF!",
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  nullReference: "#NULL!",
} as const;

export class CustomFunctionError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.code = code;
  }
}

type AnyFunction = (...args: unknown[]) => unknown;
export const associations = new Map<string, AnyFunction>();

function associate(idOrMap: string | Record<string, AnyFunction>, fn?: AnyFunction): void {
  if (typeof idOrMap === "string") {
    if (fn) associations.set(idOrMap.toUpperCase(), fn);
    return;
  }
  for (const [id, f] of Object.entries(idOrMap)) associations.set(id.toUpperCase(), f);
}

const host = { associate, ErrorCode, Error: CustomFunctionError };
(globalThis as unknown as { CustomFunctions: typeof host }).CustomFunctions = host;
