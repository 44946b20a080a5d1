import { toHalfWidth } from "../text/normalize";
import type { Pack, Program } from "./schema";

/** Program names as users type them: full-width, spaces, brackets of either width, any case. */
function key(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/[()（）“”"']/g, "")
    .toLowerCase();
}

const indexes = new WeakMap<Pack, Map<string, Program>>();

function indexOf(pack: Pack): Map<string, Program> {
  let index = indexes.get(pack);
  if (!index) {
    index = new Map();
    // Codes first, for every program, so a code always wins over another program's alias; then
    // names and aliases, the first program to claim one keeping it.
    for (const p of pack.programs) index.set(key(p.code), p);
    for (const p of pack.programs) {
      for (const name of [p.name, ...p.aliases]) {
        const k = key(name);
        if (!index.has(k)) index.set(k, p);
      }
    }
    indexes.set(pack, index);
  }
  return index;
}

/** Answers by query as typed, per pack: a roster names its few programs on every row. */
const answers = new WeakMap<Pack, Map<string, Program | null>>();
const ANSWERS_LIMIT = 1024;

/** The program a code, name or alias names (一补, yibu, 义务教育家庭经济困难学生生活补助…), or null. */
export function findProgram(pack: Pack, query: unknown): Program | null {
  if (typeof query !== "string") return null;
  let known = answers.get(pack);
  if (!known) answers.set(pack, (known = new Map()));
  const answer = known.get(query);
  if (answer !== undefined) return answer;
  const found = indexOf(pack).get(key(query)) ?? null;
  if (known.size < ANSWERS_LIMIT) known.set(query, found);
  return found;
}
