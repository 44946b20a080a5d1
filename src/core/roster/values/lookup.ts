/**
 * How a cell value is looked up in a table of spellings (synonyms.json).
 *
 * Speed: the normalisers run on every cell of 100k-row rosters, and a column holds a handful of
 * distinct values. So each lookup first tries the raw text as it is (是, 寄宿, 小学 …) in a Map built
 * at load; only a miss pays for NFKC, white space removal and lower-casing, and then for the
 * bracket and prefix rules.
 */
import { compact, toHalfWidth } from "../../text/normalize";
import { primitiveText as textOf } from "../../text/primitive-text";

/** Variation selectors (✔️ is ✔ + U+FE0F) and ASCII upper case do not change a value's meaning. */
const VARIATION_SELECTORS = /[\uFE0E\uFE0F]/g;
const HAS_UPPER = /[A-Z]/;
/** Printable ASCII without spaces, 、 and the CJK Unified Ideographs block: unchanged by NFKC. */
const STABLE_NO_SPACE = /^[\x21-\x7e\u3001\u4e00-\u9fff]*$/;
/** Bracketed notes in a value: "建档立卡（脱贫户）", "特别困难(A)", "否【自采集】". */
export const BRACKETED = /[([{【〔][^()[\]{}【】〔〕]*[)\]}】〕]/g;

/** The lookup form of a text: half-width, no white space or variation selectors, ASCII lower case. */
export function valueKey(text: string): string {
  // Common CJK ideographs and printable ASCII are NFKC-stable: such text skips normalisation.
  let s = STABLE_NO_SPACE.test(text) ? text : compact(text);
  if (s.includes("\uFE0F") || s.includes("\uFE0E")) s = s.replace(VARIATION_SELECTORS, "");
  return HAS_UPPER.test(s) ? s.toLowerCase() : s;
}

/** Text of a primitive cell value to look up (numbers as String() writes them, booleans as true/false). */
export function primitiveText(value: unknown): string | null {
  return textOf(value, String, "true", "false");
}

/** A table from many spellings to a canonical value, keyed by their lookup forms. */
export function table<T>(entries: readonly (readonly [T, readonly string[]])[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, spellings] of entries) {
    for (const spelling of spellings) {
      const key = valueKey(spelling);
      if (!map.has(key)) map.set(key, value);
      // The raw spelling too, so exact cells hit without normalising (it may differ in case).
      if (!map.has(spelling)) map.set(spelling, value);
    }
  }
  return map;
}

/** A table of the spellings of each canonical value, listed in synonyms.json as value → spellings. */
export function labelTable<T extends string>(
  spellings: Readonly<Partial<Record<T, readonly string[]>>>,
): Map<string, T> {
  return table(Object.entries(spellings) as [T, readonly string[]][]);
}

/** A normaliser that reads a value by its spellings alone: the canonical value, or null. */
export function labelReader<T extends string>(
  spellings: Readonly<Partial<Record<T, readonly string[]>>>,
): (v: unknown) => T | null {
  const map = labelTable<T>(spellings);
  return (v) => lookup(map, v);
}

/** A table of the spellings of yes (true) and no (false). */
export function yesNoTable(spellings: {
  readonly yes: readonly string[];
  readonly no: readonly string[];
}): Map<string, boolean> {
  return table<boolean>([
    [true, spellings.yes],
    [false, spellings.no],
  ]);
}

/**
 * Look a value up: the raw text first (fast path), then its lookup form, then that form without
 * bracketed notes. Non-text values use their text form (numbers as digits).
 */
export function lookup<T>(map: ReadonlyMap<string, T>, value: unknown): T | null {
  const raw = primitiveText(value);
  if (raw === null) return null;
  const hit = map.get(raw);
  if (hit !== undefined) return hit;
  const key = valueKey(raw);
  const byKey = map.get(key);
  if (byKey !== undefined) return byKey;
  if (key.length > 2 && key !== key.replace(BRACKETED, "")) {
    const bare = key.replace(BRACKETED, "");
    const byBare = map.get(bare);
    if (byBare !== undefined) return byBare;
  }
  return null;
}

/** The lookup form of a value with bracketed notes removed, for rules that look inside text. */
export function bareKey(value: unknown): string | null {
  const raw = primitiveText(value);
  if (raw === null) return null;
  return valueKey(raw).replace(BRACKETED, "");
}

const LIST_SEPARATORS = /[、,;/|+\s和及与]+/;
const SEPARATOR_CHARS = /[、,;/|+\s和及与]/g;
/** A private-use character standing for a separator inside brackets while the list is split. */
const PROTECTED = "\uE000";
const PROTECTED_ALL = /\uE000/g;

/** The lookup forms of the items of a written list ("低保、孤儿", "火灾 洪灾"). */
export function splitList(text: string): string[] {
  // Split before white space is removed ("低保 孤儿"), and outside brackets only: "低保(城市,农村)" is one item.
  const outside = toHalfWidth(text).replace(BRACKETED, (m) => m.replace(SEPARATOR_CHARS, PROTECTED));
  const items: string[] = [];
  for (const part of outside.split(LIST_SEPARATORS)) {
    const item = valueKey(part.replace(PROTECTED_ALL, ","));
    if (item !== "") items.push(item);
  }
  return items;
}
