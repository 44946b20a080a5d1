import regionsJson from "../data/regions.json";

/** One name of a code over time: [name, startYear, endYear], 0 meaning open-ended. */
export type Named = readonly [name: string, start: number, end: number];

// The JSON's inferred type is a loose (string | number)[][]; the shape is fixed by
// scripts/build-data.mjs, and lookups below still check each entry before use.
const CODES = (regionsJson as unknown as { codes: Record<string, readonly unknown[]> }).codes;

function isNamed(entry: unknown): entry is Named {
  return (
    Array.isArray(entry) &&
    entry.length === 3 &&
    typeof entry[0] === "string" &&
    typeof entry[1] === "number" &&
    typeof entry[2] === "number"
  );
}

/** Checked timelines, kept once read: a roster looks up the same few hundred codes 100k times. */
const checked = new Map<string, readonly Named[]>();

/** The timeline of a 6-digit code, oldest first; [] for an unknown code. */
export function timeline(code: string): readonly Named[] {
  const known = checked.get(code);
  if (known) return known;
  // hasOwn: a code like "__proto__" or "constructor" must not reach Object.prototype.
  if (!Object.hasOwn(CODES, code)) return [];
  const entries = CODES[code];
  const named = entries ? entries.filter(isNamed) : [];
  checked.set(code, named);
  return named;
}

/** Codes present in the data, for tests and generators. */
export function allRegionCodes(): readonly string[] {
  return Object.keys(CODES);
}
