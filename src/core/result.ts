/**
 * Expected failures are values, not exceptions: every function that can meet bad input returns a
 * Result whose problem is data — one shape everywhere, a Problem: a stable `code` and its typed
 * parameters ({ code: "id.checksum", expected, actual }). Text is rendered later, per locale, by
 * the module that owns the code; a host adapter whose failure text is already written (an Office
 * error) returns a HostProblem: a code ("host.failed" or its own) and its `message`. A parse that collects several
 * problems returns a list of them. Only bugs throw.
 */
export type { Locale } from "./locale";

/** The one problem shape: a stable code and its typed parameters. */
export interface Problem {
  readonly code: string;
}

/**
 * A host's failure, already in words (the adapters' Office and file errors): its code
 * ("host.failed", or the adapter's own, e.g. "excel.too-large") and its message.
 */
export interface HostProblem extends Problem {
  readonly message: string;
}

export type Result<T, P extends Problem | readonly Problem[]> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: P };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<P extends Problem | readonly Problem[]>(problem: P): { readonly ok: false; readonly problem: P } {
  return { ok: false, problem };
}

/** A host failure from its words. */
export function hostFailed(message: string): HostProblem & { code: "host.failed" } {
  return { code: "host.failed", message };
}
