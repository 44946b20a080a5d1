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

/** For each code of a problem union, its texts from the problem. */
export type ProblemTexts<P extends { readonly code: string }> = {
  readonly [C in P["code"]]: (p: Extract<P, { code: C }>) => Texts;
};

/**
 * A problem union's texts, from its table: what the rules' catalogue entries render. A value that
 * is not a problem object, or whose code the table does not have (callers in shells may pass
 * anything), gets `fallback`.
 */
export function problemTexts<P extends { readonly code: string }>(
  table: ProblemTexts<P>,
  fallback: Texts,
): (problem: P) => Texts {
  return (problem) => {
    const known = typeof problem === "object" && problem !== null && Object.hasOwn(table, problem.code);
    const render = known ? (table[problem.code as P["code"]] as (p: P) => Texts) : null;
    return render ? render(problem) : fallback;
  };
}

/** A problem's message in one locale (zh-CN by default), from its texts. */
export function inLocaleOf<P>(textsFor: (problem: P) => Texts): (problem: P, locale?: Locale) => string {
  return (problem, locale = "zh-CN") => inLocale(locale, textsFor(problem));
}

/** The message function of a problem union, from its table of texts (see problemTexts). */
export function problemMessages<P extends { readonly code: string }>(
  table: ProblemTexts<P>,
  fallback: Texts,
): (problem: P, locale?: Locale) => string {
  return inLocaleOf(problemTexts(table, fallback));
}
