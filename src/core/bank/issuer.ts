import banks from "../data/banks.json";

export interface Issuer {
  code: string;
  name: string;
  type: "DC" | "CC" | "SCC" | "PC" | string;
}

interface Index {
  /** Prefix lengths present in the data, longest first. */
  readonly lengths: readonly number[];
  /** `${prefix}:${card length}` → issuer. */
  readonly byKey: ReadonlyMap<string, Issuer>;
}

let cache: Index | null = null;

function build(): Index {
  const names: Record<string, string | undefined> = banks.names;
  const byKey = new Map<string, Issuer>();
  const lengths = new Set<number>();
  for (const row of banks.bins as unknown[]) {
    if (!Array.isArray(row)) continue;
    const [prefix, code, type, length] = row as unknown[];
    if (typeof prefix !== "string" || typeof code !== "string" || typeof length !== "number") continue;
    lengths.add(prefix.length);
    byKey.set(`${prefix}:${length}`, { code, name: names[code] ?? code, type: typeof type === "string" ? type : "" });
  }
  return { lengths: [...lengths].sort((a, b) => b - a), byKey };
}

/**
 * The issuing bank of a card number from the offline BIN table: the longest prefix listed for
 * cards of exactly this length. null when no prefix matches (the table is not exhaustive).
 */
export function cardIssuer(digits: string): Issuer | null {
  if (typeof digits !== "string" || !/^\d+$/.test(digits)) return null;
  cache ??= build();
  for (const n of cache.lengths) {
    if (n > digits.length) continue;
    const issuer = cache.byKey.get(`${digits.slice(0, n)}:${digits.length}`);
    if (issuer) return { ...issuer };
  }
  return null;
}
