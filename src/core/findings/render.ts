import { inLocale, type Locale } from "../locale";
import type { FindingData, RuleEntry } from "./types";

export interface RenderedFinding {
  message: string;
  hint: string;
  /** The finding's own source when its data names one, else the rule's. */
  source: string;
}

/** A finding's texts in the locale, from its rule's entry and its data. */
export function renderFinding(entry: RuleEntry<never>, data: FindingData, locale: Locale): RenderedFinding {
  const e = entry as unknown as RuleEntry<FindingData>;
  const own = data["source"];
  return {
    message: inLocale(locale, e.message(data)),
    hint: inLocale(locale, e.hint(data)),
    source: typeof own === "string" && own !== "" ? own : e.source,
  };
}
