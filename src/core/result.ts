/**
 * Expected failures are values, not exceptions: every core function that can meet bad input
 * returns a Result whose problem is data ({ code, …typed fields }). Text is rendered later, per
 * locale, by the module that owns the code. Only bugs throw.
 */
export type Result<T, P> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: P };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<P>(problem: P): { readonly ok: false; readonly problem: P } {
  return { ok: false, problem };
}

export type Locale = "zh-CN" | "en-US";
