/** Family hardship: 困难类型 (a list), 困难程度, 档次 and 致困原因. */
import synonyms from "./synonyms.json";
import { labelTable, lookup, primitiveText, splitList } from "./lookup";

export type Hardship =
  | "建档立卡"
  | "低保"
  | "特困供养"
  | "事实无人抚养儿童"
  | "孤残"
  | "烈士子女"
  | "残疾"
  | "残疾人子女"
  | "见义勇为"
  | "新冠影响"
  | "其他困难"
  | "非困难";
export type Level = "特别困难" | "困难" | "一般困难";
export type Tier = "一档" | "二档" | "三档";
export type Cause = "患病" | "自然灾害" | "其他";

const HARDSHIP = labelTable<Hardship>(synonyms.hardship);

/**
 * 困难类型 as a list: 建档立卡 (脱贫户, 建档户…), 低保, 特困供养 (五保…), 事实无人抚养儿童, 孤残, 烈士子女,
 * 残疾, 残疾人子女, 见义勇为, 新冠影响, 其他困难 (一般困难, 家庭经济困难…), 非困难 (无, 否). Items are
 * split on 、,;/ 和 及 and spaces; duplicates are dropped, order kept; unread items are returned as text.
 */
export function normalizeHardship(v: unknown): { values: Hardship[]; unknown: string[] } {
  const whole = lookup(HARDSHIP, v);
  if (whole !== null) return { values: [whole], unknown: [] };
  const raw = primitiveText(v);
  if (raw === null) return { values: [], unknown: [] };
  if (typeof v === "boolean") return { values: [], unknown: [raw] };
  const values: Hardship[] = [];
  const unknown: string[] = [];
  for (const item of splitList(raw)) {
    const hit = lookup(HARDSHIP, item);
    if (hit === null) unknown.push(item);
    else if (!values.includes(hit)) values.push(hit);
  }
  return { values, unknown };
}

// 教育部's three levels are 特别困难 / 比较困难 / 一般困难: 比较困难 is the middle one (困难).
const LEVEL = labelTable<Level>(synonyms.level);

/** 困难程度: 特别困难 (特困, A); 困难 (比较困难, B); 一般困难 (一般, C). Numbers are null (tier or level?). */
export function normalizeLevel(v: unknown): Level | null {
  if (typeof v !== "string") return null;
  return lookup(LEVEL, v);
}

/** Every spelling of a tier number: 1, 一, I (from Ⅰ), 第一档, 1档次, 一等, 一级, 一类. */
function tierSpellings(numbers: readonly string[]): string[] {
  return numbers.flatMap((n) => synonyms.tierPrefixes.flatMap((p) => synonyms.tierSuffixes.map((s) => `${p}${n}${s}`)));
}
const TIER = labelTable<Tier>({
  一档: tierSpellings(synonyms.tierNumbers.一档),
  二档: tierSpellings(synonyms.tierNumbers.二档),
  三档: tierSpellings(synonyms.tierNumbers.三档),
});

/** 档次: 一档/1/1档/一/Ⅰ/I/第一档/一等 → 一档, likewise 2 and 3. */
export function normalizeTier(v: unknown): Tier | null {
  if (typeof v === "number") return v === 1 ? "一档" : v === 2 ? "二档" : v === 3 ? "三档" : null;
  if (typeof v !== "string") return null;
  // NFKC turns Ⅰ Ⅱ Ⅲ into I II III.
  return lookup(TIER, v);
}

const ILLNESS = /病|癌|瘤|白血|尿毒|透析|手术|住院|医|伤残|车祸|意外伤|重症|瘫/;
const DISASTER = /灾|地震|泥石流|冰雹|洪|水毁|台风|滑坡|塌方|旱|雪|风暴|龙卷|山体/;
const NO_CAUSE: ReadonlySet<string> = new Set(synonyms.noCause);

/**
 * 致困原因 as a list: 患病 (重大疾病, 癌症, 白血病, 尿毒症…), 自然灾害 (火灾, 洪灾, 地震, 泥石流, 冰雹…),
 * anything else written → 其他. Empty, 无, and values that are not text give [].
 */
export function normalizeCause(v: unknown): Cause[] {
  if (typeof v !== "string") return [];
  const causes: Cause[] = [];
  for (const item of splitList(v)) {
    if (NO_CAUSE.has(item)) continue;
    const cause: Cause = ILLNESS.test(item) ? "患病" : DISASTER.test(item) ? "自然灾害" : "其他";
    if (!causes.includes(cause)) causes.push(cause);
  }
  return causes;
}
