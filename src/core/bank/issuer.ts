import banks from "../data/banks.json";

export interface Issuer {
  code: string;
  name: string;
  type: "DC" | "CC" | "SCC" | "PC" | string;
}

/** The BINs of one card length: by prefix length, longest first, each keyed by the prefix's value. */
interface ByCardLength {
  readonly lengths: readonly number[];
  /** byPrefix[n]: prefix of n digits (as a number) → issuer. */
  readonly byPrefix: readonly (ReadonlyMap<number, Issuer> | undefined)[];
}

interface Index {
  /** Card length → its BINs. */
  readonly byCardLength: ReadonlyMap<number, ByCardLength>;
  /** The longest prefix in the data. */
  readonly maxPrefix: number;
}

let cache: Index | null = null;

const DIGITS = /^\d+$/;

function build(): Index {
  const names: Record<string, string | undefined> = banks.names;
  const maps = new Map<number, Map<number, Map<number, Issuer>>>();
  let maxPrefix = 0;
  for (const row of banks.bins as unknown[]) {
    if (!Array.isArray(row)) continue;
    const [prefix, code, type, length] = row as unknown[];
    if (typeof prefix !== "string" || typeof code !== "string" || typeof length !== "number") continue;
    // Only digits can ever match a card's digits; a prefix beyond 15 digits would not be exact as a number.
    if (!DIGITS.test(prefix) || prefix.length > 15) continue;
    let byPrefixLength = maps.get(length);
    if (!byPrefixLength) maps.set(length, (byPrefixLength = new Map()));
    let byValue = byPrefixLength.get(prefix.length);
    if (!byValue) byPrefixLength.set(prefix.length, (byValue = new Map()));
    byValue.set(Number(prefix), { code, name: names[code] ?? code, type: typeof type === "string" ? type : "" });
    maxPrefix = Math.max(maxPrefix, prefix.length);
  }
  const byCardLength = new Map<number, ByCardLength>();
  for (const [length, byPrefixLength] of maps) {
    const byPrefix: (Map<number, Issuer> | undefined)[] = [];
    for (const [n, byValue] of byPrefixLength) byPrefix[n] = byValue;
    byCardLength.set(length, { lengths: [...byPrefixLength.keys()].sort((a, b) => b - a), byPrefix });
  }
  return { byCardLength, maxPrefix };
}

/** The values of a card's first 0…maxPrefix digits, reused between calls (no string per prefix). */
const prefixValues = new Float64Array(16);

/**
 * The issuing bank of a card number from the offline BIN table: the longest prefix listed for
 * cards of exactly this length. null when no prefix matches (the table is not exhaustive).
 */
export function cardIssuer(digits: string): Issuer | null {
  if (typeof digits !== "string" || !DIGITS.test(digits)) return null;
  cache ??= build();
  const bins = cache.byCardLength.get(digits.length);
  if (!bins) return null;
  const top = Math.min(cache.maxPrefix, digits.length);
  let value = 0;
  for (let i = 0; i < top; i++) {
    value = value * 10 + (digits.charCodeAt(i) - 48);
    prefixValues[i + 1] = value;
  }
  for (const n of bins.lengths) {
    if (n > digits.length) continue;
    const issuer = bins.byPrefix[n]?.get(prefixValues[n] ?? -1);
    if (issuer) return { ...issuer };
  }
  return null;
}
