/** 学段 from its names, from a grade (初二, 三年级, 大班) or from the ending of a school's name. */
import synonyms from "./synonyms.json";
import { BRACKETED, bareKey, labelTable, lookup, valueKey } from "./lookup";

export type Stage = "学前" | "小学" | "初中" | "普通高中" | "中职" | "高职" | "本科" | "研究生";

const STAGE = labelTable<Stage>(synonyms.stage);

/** School-name endings that say the stage: "城关镇中心小学", "县第二初级中学", "XX职业技术学院". */
const STAGE_BY_SUFFIX: readonly (readonly [string, Stage])[] = (
  Object.entries(synonyms.stageBySuffix) as [Stage, readonly string[]][]
).flatMap(([stage, suffixes]) => suffixes.map((suffix) => [suffix, stage] as const));

/**
 * 学段 from its many names (学前/幼儿园/大班 → 学前, 高中/普高 → 普通高中, 中专/技校/职高 → 中职,
 * 大专/专科 → 高职, 大学 → 本科, 硕士/博士 → 研究生), from a grade (初二 → 初中), or from a school name
 * ending (…中心小学 → 小学). Ambiguous words (中学, 高等教育, 义务教育) are null.
 */
export function normalizeStage(v: unknown): Stage | null {
  const hit = lookup(STAGE, v);
  if (hit !== null) return hit;
  const fromGrade = stageFromGrade(v);
  if (fromGrade !== null) return fromGrade;
  const key = bareKey(v);
  if (key === null) return null;
  for (const [suffix, stage] of STAGE_BY_SUFFIX) if (key.length > suffix.length && key.endsWith(suffix)) return stage;
  return null;
}

/** The grade numbers a grade may be written with: 一…九 and 1…9. */
const ORDINALS: ReadonlyMap<string, number> = new Map(
  [..."一二三四五六七八九"].flatMap((c, i) => [
    [c, i + 1],
    [String(i + 1), i + 1],
  ]),
);

/** "三年级", "高中一年级", "初2年级", "中职二年级" (the rest of the text, such as a class, may follow). */
const NTH_YEAR = /^(小学|初中|初|高中|普高|高|中职|职高|中专|高职|大专|大学|本科|研究生)?([一二三四五六七八九1-9])年级/;
/** "初一", "高三", "小六", "大二", "职一" (五四制 has 初四; five-year 本科 has 大五). */
const SHORT_GRADE = /^(初|高|小|大|职|研)([一二三四五六1-6])(?![0-9年级])/;
const KINDERGARTEN = /^(?:幼儿园)?(?:小班|中班|大班|托班|学前班)/;
const NTH_STAGE: Readonly<Record<string, Stage>> = {
  小学: "小学",
  初中: "初中",
  初: "初中",
  高中: "普通高中",
  普高: "普通高中",
  高: "普通高中",
  中职: "中职",
  职高: "中职",
  中专: "中职",
  高职: "高职",
  大专: "高职",
  大学: "本科",
  本科: "本科",
  研究生: "研究生",
};
/** The stage of a short grade's first character, and the highest grade it has. */
const SHORT_STAGE: Readonly<Record<string, readonly [Stage, number]>> = {
  初: ["初中", 4],
  高: ["普通高中", 3],
  小: ["小学", 6],
  大: ["本科", 5],
  职: ["中职", 3],
  研: ["研究生", 3],
};

const GRADE_CACHE = new Map<string, Stage | null>();

function gradeStage(key: string): Stage | null {
  const nth = NTH_YEAR.exec(key);
  if (nth) {
    const n = ORDINALS.get(nth[2] ?? "") ?? 0;
    const prefix = nth[1];
    if (prefix !== undefined) return NTH_STAGE[prefix] ?? null;
    // A bare 一…六年级 is primary school, 七…九年级 lower secondary (九年一贯制 counting).
    return n <= 6 ? "小学" : "初中";
  }
  const short = SHORT_GRADE.exec(key);
  if (short) {
    const entry = SHORT_STAGE[short[1] ?? ""];
    const n = ORDINALS.get(short[2] ?? "") ?? 0;
    return entry && n <= entry[1] ? entry[0] : null;
  }
  return KINDERGARTEN.test(key) ? "学前" : null;
}

/**
 * 学段 from a grade: 一…六年级, 1年级, 小一…小六 → 小学; 七/八/九年级, 初一…初三 → 初中; 高一…高三 →
 * 普通高中; 大一…大四 → 本科; 小班/中班/大班 → 学前; 中职一年级 → 中职. Text may follow the grade
 * ("三年级2班"). A bare number is null: 3 may be 三年级 or 高三.
 */
export function stageFromGrade(v: unknown): Stage | null {
  if (typeof v !== "string") return null;
  const cached = GRADE_CACHE.get(v);
  if (cached !== undefined) return cached;
  const key = valueKey(v).replace(BRACKETED, "");
  const stage = key === "" ? null : gradeStage(key);
  if (GRADE_CACHE.size >= 2048) GRADE_CACHE.clear();
  GRADE_CACHE.set(v, stage);
  return stage;
}
