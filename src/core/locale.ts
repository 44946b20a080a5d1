/**
 * Locales and the one way text is chosen by locale: every message is written as its zh-CN and
 * en-US texts side by side (`texts`), and the caller picks one (`inLocale`).
 */
export type Locale = "zh-CN" | "en-US";

/** A text in both locales. */
export type Texts = Readonly<Record<Locale, string>>;

export function texts(zh: string, en: string): Texts {
  return { "zh-CN": zh, "en-US": en };
}

/** zh-CN unless the locale is en-US (a shell may pass anything). */
export function inLocale(locale: Locale, t: Texts): string {
  return locale === "en-US" ? t["en-US"] : t["zh-CN"];
}

/** Both locales' texts of a message function (a problem's message, rendered twice). */
export function textsOf<A>(message: (a: A, locale: Locale) => string, a: A): Texts {
  return texts(message(a, "zh-CN"), message(a, "en-US"));
}

/** For each code of a problem union, its texts from the problem. */
export type ProblemTexts<P extends { readonly code: string }> = {
  readonly [C in P["code"]]: (p: Extract<P, { code: C }>) => Texts;
};

/**
 * The message function of a problem union, from its table of texts: the problem's message in the
 * locale (zh-CN by default). A value that is not a problem object, or whose code the table does
 * not have (callers in shells may pass anything), gets `fallback`.
 */
export function problemMessages<P extends { readonly code: string }>(
  table: ProblemTexts<P>,
  fallback: Texts,
): (problem: P, locale?: Locale) => string {
  return (problem, locale = "zh-CN") => {
    const known = typeof problem === "object" && problem !== null && Object.hasOwn(table, problem.code);
    const render = known ? (table[problem.code as P["code"]] as (p: P) => Texts) : null;
    return inLocale(locale, render ? render(problem) : fallback);
  };
}
