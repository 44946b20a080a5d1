/**
 * Cell values → canonical values. The canonical values are the Chinese labels the policy packs
 * are written in. Every normaliser takes any value and never throws: what it cannot read is
 * null (or an empty list), and the caller decides whether that is a problem.
 *
 * Speed: these run on every cell of 100k-row rosters, and a column holds a handful of distinct
 * values. So each lookup first tries the raw text as it is (是, 寄宿, 小学 …) in a Map built at
 * load; only a miss pays for NFKC, white space removal and lower-casing, and then for the
 * bracket and prefix rules.
 */
import { parseAmount } from "../money";
import { civilFromSerial, parseDateInput } from "../date/serial";
import { compact, tidy, toHalfWidth } from "../text/normalize";
import type { IdDocument } from "../id/problems";
import type { Unit } from "./header";

export type Stage = "学前" | "小学" | "初中" | "普通高中" | "中职" | "高职" | "本科" | "研究生";
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
export type Destination = "省内" | "省外";
export type Status = "在职" | "退休";
export type Cause = "患病" | "自然灾害" | "其他";
export type TeacherType = "专任教师" | "职工" | "其他";
export type Post = "村小" | "教学点" | "乡镇" | "县城";
export type KindergartenType = "公办" | "普惠性民办" | "民办";
export type Gender = "男" | "女";

// ---------------------------------------------------------------------------------------------
// Shared text handling

/** Variation selectors (✔️ is ✔ + U+FE0F) and ASCII upper case do not change a value's meaning. */
const VARIATION_SELECTORS = /[\uFE0E\uFE0F]/g;
const HAS_UPPER = /[A-Z]/;
/** Printable ASCII without spaces, 、 and the CJK Unified Ideographs block: unchanged by NFKC. */
const STABLE_NO_SPACE = /^[\x21-\x7e\u3001\u4e00-\u9fff]*$/;
/** Bracketed notes in a value: "建档立卡（脱贫户）", "特别困难(A)", "否【自采集】". */
const BRACKETED = /[([{【〔][^()[\]{}【】〔〕]*[)\]}】〕]/g;

/** The lookup form of a text: half-width, no white space or variation selectors, ASCII lower case. */
export function valueKey(text: string): string {
  // Common CJK ideographs and printable ASCII are NFKC-stable: such text skips normalisation.
  let s = STABLE_NO_SPACE.test(text) ? text : compact(text);
  if (s.includes("\uFE0F") || s.includes("\uFE0E")) s = s.replace(VARIATION_SELECTORS, "");
  return HAS_UPPER.test(s) ? s.toLowerCase() : s;
}

/** Text of a primitive cell value to look up; null for empty cells and for non-primitive values. */
function primitiveText(value: unknown): string | null {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return Number.isFinite(value) ? String(value) : null;
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "true" : "false";
    default:
      return null;
  }
}

/** A table from many spellings to a canonical value, keyed by their lookup forms. */
function table<T>(entries: readonly (readonly [T, readonly string[]])[]): Map<string, T> {
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

/**
 * Look a value up: the raw text first (fast path), then its lookup form, then that form without
 * bracketed notes. Non-text values use their text form (numbers as digits).
 */
function lookup<T>(map: ReadonlyMap<string, T>, value: unknown): T | null {
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
function bareKey(value: unknown): string | null {
  const raw = primitiveText(value);
  if (raw === null) return null;
  return valueKey(raw).replace(BRACKETED, "");
}

// ---------------------------------------------------------------------------------------------
// Yes / no

const YES_NO = table<boolean>([
  [true, ["是", "y", "yes", "√", "✓", "✔", "☑", "✅", "有", "true", "1", "对", "已", "是的", "正确", "真"]],
  [
    false,
    [
      "否",
      "n",
      "no",
      "×",
      "✗",
      "✘",
      "x",
      "☒",
      "❌",
      "无",
      "false",
      "0",
      "错",
      "未",
      "不是",
      "没有",
      "非",
      "不",
      "没",
      "假",
    ],
  ],
]);
/** Non-answers: "不详" starts with 不 but says nothing. */
const UNKNOWN_ANSWERS: ReadonlySet<string> = new Set([
  "不详",
  "不清楚",
  "不确定",
  "不知道",
  "未知",
  "待定",
  "待核实",
  "待确认",
]);
const YES_PREFIXES = ["已", "有"];
const NO_PREFIXES = ["未", "没有", "没", "不", "非", "无"];

/**
 * 是/否 in every form a roster uses: 是 否 Y N yes no √ ✓ ✔ × ✗ ✘ 有 无 TRUE FALSE 1 0 对 错,
 * booleans, full-width forms, and past-tense answers (已比对 → true, 未比对 → false).
 */
export function normalizeYesNo(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  const hit = lookup(YES_NO, v);
  if (hit !== null) return hit;
  const key = bareKey(v);
  if (key === null || key === "" || UNKNOWN_ANSWERS.has(key)) return null;
  const exact = YES_NO.get(key);
  if (exact !== undefined) return exact;
  if (key.length > 1) {
    for (const p of YES_PREFIXES) if (key.startsWith(p)) return true;
    for (const p of NO_PREFIXES) if (key.startsWith(p)) return false;
  }
  return null;
}

const BOARDING = table<boolean>([
  [true, ["寄宿", "住校", "住宿", "寄宿生", "住读", "寄读", "寄宿学生", "住校生", "住宿生", "在校住宿"]],
  [
    false,
    [
      "走读",
      "非寄宿",
      "非寄宿生",
      "不住校",
      "走读生",
      "走读学生",
      "不寄宿",
      "非住校",
      "不住宿",
      "非住宿",
      "未寄宿",
      "通校",
      "通学",
    ],
  ],
]);

/** 寄宿/住校/住宿/寄宿生/是 → true; 走读/非寄宿/非寄宿生/不住校/否 → false. */
export function normalizeBoarding(v: unknown): boolean | null {
  return lookup(BOARDING, v) ?? normalizeYesNo(v);
}

const VERIFIED = table<boolean>([
  [true, ["系统比对", "比对", "系统", "已比对", "比对一致", "比对成功", "系统比对一致", "比对通过", "一致"]],
  [false, ["自采集", "自行采集", "人工采集", "学校采集", "未比对", "比对不一致", "比对失败", "非系统比对", "不一致"]],
]);

/** 系统比对: yes/no, or where the data came from (系统比对 → true, 自采集 → false). */
export function normalizeVerified(v: unknown): boolean | null {
  return lookup(VERIFIED, v) ?? normalizeYesNo(v);
}

const IN_POST = table<boolean>([
  [true, ["在岗", "在职", "在编在岗", "在职在岗", "正常在岗"]],
  [false, ["离岗", "不在岗", "退休", "调离", "离职", "病休", "长期病休"]],
]);

/** 是否在岗: yes/no, or 在岗 / 离岗. */
export function normalizeInPost(v: unknown): boolean | null {
  return lookup(IN_POST, v) ?? normalizeYesNo(v);
}

const GENDER = table<Gender>([
  ["男", ["男", "男性", "男生", "m", "male", "1"]],
  ["女", ["女", "女性", "女生", "f", "female", "2"]],
]);

/** 男 / 女 (also 男性, M, male, and GB/T 2261.1 codes 1 = 男, 2 = 女). */
export function normalizeGender(v: unknown): Gender | null {
  return lookup(GENDER, v);
}

// ---------------------------------------------------------------------------------------------
// Stage and grade

const STAGE = table<Stage>([
  [
    "学前",
    [
      "学前",
      "学前教育",
      "幼儿园",
      "幼儿",
      "学前班",
      "小班",
      "中班",
      "大班",
      "托班",
      "幼儿园大班",
      "幼儿园中班",
      "幼儿园小班",
      "学前阶段",
    ],
  ],
  ["小学", ["小学", "小学阶段", "小学教育", "小学生", "初等教育"]],
  ["初中", ["初中", "初级中学", "初中阶段", "初中教育", "初中生"]],
  ["普通高中", ["普通高中", "高中", "普高", "高级中学", "高中阶段", "普通高中教育", "高中生", "普通高级中学"]],
  [
    "中职",
    [
      "中职",
      "中专",
      "技校",
      "职高",
      "职中",
      "中等职业",
      "中等职业学校",
      "中等职业教育",
      "中职学校",
      "技工学校",
      "技工院校",
      "职业高中",
      "职业中专",
      "中等专业学校",
      "中职生",
    ],
  ],
  [
    "高职",
    [
      "高职",
      "大专",
      "专科",
      "高等职业",
      "高等职业教育",
      "高等职业学校",
      "高职院校",
      "高职高专",
      "高专",
      "全日制普通大专",
      "普通大专",
      "普通专科",
      "大学专科",
      "技师学院",
    ],
  ],
  ["本科", ["本科", "大学", "大学本科", "普通本科", "本科生", "大学生"]],
  ["研究生", ["研究生", "硕士", "博士", "硕士研究生", "博士研究生", "硕士生", "博士生"]],
]);

/** School-name endings that say the stage: "城关镇中心小学", "县第二初级中学", "XX职业技术学院". */
const STAGE_BY_SUFFIX: readonly (readonly [string, Stage])[] = [
  ["幼儿园", "学前"],
  ["小学", "小学"],
  ["初级中学", "初中"],
  ["高级中学", "普通高中"],
  ["中等职业学校", "中职"],
  ["中等专业学校", "中职"],
  ["职业中专", "中职"],
  ["职业高中", "中职"],
  ["技工学校", "中职"],
  ["职业技术学院", "高职"],
  ["职业学院", "高职"],
  ["高等专科学校", "高职"],
  ["技师学院", "高职"],
];

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

const ORDINALS: ReadonlyMap<string, number> = new Map([
  ["一", 1],
  ["二", 2],
  ["三", 3],
  ["四", 4],
  ["五", 5],
  ["六", 6],
  ["七", 7],
  ["八", 8],
  ["九", 9],
  ["1", 1],
  ["2", 2],
  ["3", 3],
  ["4", 4],
  ["5", 5],
  ["6", 6],
  ["7", 7],
  ["8", 8],
  ["9", 9],
]);

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

// ---------------------------------------------------------------------------------------------
// Hardship, level, tier

const HARDSHIP = table<Hardship>([
  [
    "建档立卡",
    [
      "建档立卡",
      "建档立卡户",
      "建档户",
      "建卡户",
      "脱贫户",
      "脱贫家庭",
      "已脱贫户",
      "脱贫人口",
      "贫困户",
      "建档立卡贫困户",
      "建档立卡贫困家庭",
      "建档立卡家庭",
      "建档立卡学生",
      "建档立卡贫困学生",
      "建档立卡脱贫户",
      "精准扶贫户",
    ],
  ],
  [
    "低保",
    [
      "低保",
      "低保户",
      "低保家庭",
      "低保对象",
      "低保学生",
      "最低生活保障",
      "最低生活保障家庭",
      "城乡低保",
      "农村低保",
      "农村低保户",
      "城市低保",
      "城市低保户",
      "城镇低保",
    ],
  ],
  [
    "特困供养",
    [
      "特困",
      "特困供养",
      "特困人员",
      "特困供养人员",
      "特困供养学生",
      "特困户",
      "五保",
      "五保户",
      "农村特困",
      "城市特困",
    ],
  ],
  ["事实无人抚养儿童", ["事实无人抚养儿童", "事实无人抚养", "事实孤儿", "无人抚养儿童"]],
  ["孤残", ["孤残", "孤儿", "孤残学生", "孤残儿童", "孤儿学生"]],
  ["烈士子女", ["烈士子女", "烈士家庭", "烈属", "烈士遗孤"]],
  [
    "残疾",
    ["残疾", "残疾学生", "残疾儿童", "残疾幼儿", "残疾生", "家庭经济困难残疾学生", "残疾人", "残障", "残障学生"],
  ],
  ["残疾人子女", ["残疾人子女", "残疾人家庭", "残疾家庭", "残疾人家庭子女", "父母残疾", "残疾人员子女"]],
  ["见义勇为", ["见义勇为", "见义勇为学生", "见义勇为人员子女", "见义勇为子女", "见义勇为家庭", "见义勇为人员"]],
  [
    "新冠影响",
    [
      "新冠",
      "新冠影响",
      "受新冠影响",
      "新冠疫情",
      "受新冠疫情影响",
      "受新冠肺炎疫情影响",
      "疫情",
      "疫情影响",
      "受疫情影响",
    ],
  ],
  [
    "其他困难",
    [
      "其他困难",
      "其他",
      "其它",
      "一般困难",
      "家庭经济困难",
      "家庭经济困难学生",
      "其他家庭经济困难",
      "经济困难",
      "家庭困难",
      "困难",
      "困难学生",
      "特别困难",
      "比较困难",
    ],
  ],
  ["非困难", ["非困难", "不困难", "无", "否", "非困难学生", "不是"]],
]);
const LIST_SEPARATORS = /[、,;/|+\s和及与]+/;
const SEPARATOR_CHARS = /[、,;/|+\s和及与]/g;
/** A private-use character standing for a separator inside brackets while the list is split. */
const PROTECTED = "\uE000";
const PROTECTED_ALL = /\uE000/g;

function splitList(text: string): string[] {
  // Split before white space is removed ("低保 孤儿"), and outside brackets only: "低保(城市,农村)" is one item.
  const outside = toHalfWidth(text).replace(BRACKETED, (m) => m.replace(SEPARATOR_CHARS, PROTECTED));
  const items: string[] = [];
  for (const part of outside.split(LIST_SEPARATORS)) {
    const item = valueKey(part.replace(PROTECTED_ALL, ","));
    if (item !== "") items.push(item);
  }
  return items;
}

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

const LEVEL = table<Level>([
  [
    "特别困难",
    ["特别困难", "特困", "特殊困难", "特别贫困", "非常困难", "极度困难", "特别困难学生", "a", "a类", "a档", "a级"],
  ],
  // 教育部's three levels are 特别困难 / 比较困难 / 一般困难: 比较困难 is the middle one.
  ["困难", ["困难", "比较困难", "较困难", "困难学生", "比较困难学生", "b", "b类", "b档", "b级"]],
  ["一般困难", ["一般困难", "一般", "一般困难学生", "c", "c类", "c档", "c级"]],
]);

/** 困难程度: 特别困难 (特困, A); 困难 (比较困难, B); 一般困难 (一般, C). Numbers are null (tier or level?). */
export function normalizeLevel(v: unknown): Level | null {
  if (typeof v !== "string") return null;
  return lookup(LEVEL, v);
}

/** Every spelling of a tier number: 1, 一, I (from Ⅰ), 第一档, 1档次, 一等, 一级, 一类. */
function tierSpellings(names: readonly string[]): string[] {
  return names.flatMap((n) =>
    ["", "第"].flatMap((p) => ["", "档", "档次", "等", "级", "类"].map((s) => `${p}${n}${s}`)),
  );
}
const TIER = table<Tier>([
  ["一档", tierSpellings(["1", "一", "i"])],
  ["二档", tierSpellings(["2", "二", "ii"])],
  ["三档", tierSpellings(["3", "三", "iii"])],
]);

/** 档次: 一档/1/1档/一/Ⅰ/I/第一档/一等 → 一档, likewise 2 and 3. */
export function normalizeTier(v: unknown): Tier | null {
  if (typeof v === "number") return v === 1 ? "一档" : v === 2 ? "二档" : v === 3 ? "三档" : null;
  if (typeof v !== "string") return null;
  // NFKC turns Ⅰ Ⅱ Ⅲ into I II III.
  return lookup(TIER, v);
}

// ---------------------------------------------------------------------------------------------
// Other enumerations

const DESTINATION = table<Destination>([
  ["省内", ["省内", "本省", "区内", "省内高校", "省内院校", "本省高校", "本省院校", "省内就读", "省内录取"]],
  ["省外", ["省外", "外省", "区外", "省外高校", "省外院校", "外省高校", "外省院校", "省外就读", "省外录取"]],
]);

/** 录取地: 省内/本省/区内 → 省内; 省外/外省/区外 → 省外. */
export function normalizeDestination(v: unknown): Destination | null {
  return lookup(DESTINATION, v);
}

const STATUS = table<Status>([
  ["在职", ["在职", "在岗", "在编", "在职在岗", "在编在岗", "在职教师", "在职职工", "在职人员"]],
  ["退休", ["退休", "离退休", "已退休", "离休", "退休教师", "退休职工", "退休人员", "退休教职工"]],
]);

/** 人员状态: 在职/在岗/在编 → 在职; 退休/离退休/已退休 → 退休. */
export function normalizeStatus(v: unknown): Status | null {
  return lookup(STATUS, v);
}

const ILLNESS = /病|癌|瘤|白血|尿毒|透析|手术|住院|医|伤残|车祸|意外伤|重症|瘫/;
const DISASTER = /灾|地震|泥石流|冰雹|洪|水毁|台风|滑坡|塌方|旱|雪|风暴|龙卷|山体/;
const NO_CAUSE: ReadonlySet<string> = new Set(["无", "否", "没有", "-", "—", "/"]);

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

const TEACHER_TYPE = table<TeacherType>([
  ["专任教师", ["专任教师", "专任", "教师", "专职教师", "任课教师", "教学人员", "专任老师", "一线教师"]],
  [
    "职工",
    [
      "职工",
      "工勤",
      "工勤人员",
      "工勤技能",
      "工勤技能人员",
      "后勤",
      "后勤人员",
      "教辅",
      "教辅人员",
      "行政",
      "行政人员",
      "管理人员",
      "职员",
    ],
  ],
  ["其他", ["其他", "其它"]],
]);

/** 教师类别: 专任教师 (专任, 教师, 任课教师); 职工 (工勤, 教辅, 后勤, 行政); 其他. */
export function normalizeTeacherType(v: unknown): TeacherType | null {
  return lookup(TEACHER_TYPE, v);
}

const POST = table<Post>([
  ["村小", ["村小", "村小学", "村级小学", "村完小", "村级学校", "村校", "村完全小学"]],
  ["教学点", ["教学点", "村教学点", "教学点学校"]],
  [
    "乡镇",
    [
      "乡镇",
      "乡镇学校",
      "乡中心校",
      "中心学校",
      "中心校",
      "乡镇中学",
      "乡镇小学",
      "乡镇中心学校",
      "乡镇中心小学",
      "乡中学",
      "镇中学",
      "乡镇中心校",
      "中心小学",
      "乡镇初中",
      "乡镇幼儿园",
    ],
  ],
  ["县城", ["县城", "县直", "城区", "县城学校", "县直学校", "城区学校", "县城区", "县直中学", "县城中学", "城镇"]],
]);

/** 任教学校类型: 村小 (村小学, 村级小学); 教学点; 乡镇 (乡中心校, 中心学校, 乡镇中学); 县城 (县直, 城区). */
export function normalizePost(v: unknown): Post | null {
  const hit = lookup(POST, v);
  if (hit !== null) return hit;
  // A school name: "王家村教学点", "李庄村小学".
  const key = bareKey(v);
  if (key === null) return null;
  if (key.endsWith("教学点")) return "教学点";
  if (key.endsWith("村小学") || key.endsWith("村小")) return "村小";
  return null;
}

const KINDERGARTEN_TYPE = table<KindergartenType>([
  [
    "公办",
    [
      "公办",
      "公办园",
      "公办幼儿园",
      "公立",
      "公立园",
      "公立幼儿园",
      "教育部门办",
      "教育部门办园",
      "机关办",
      "事业单位办",
    ],
  ],
  [
    "普惠性民办",
    [
      "普惠性民办",
      "普惠",
      "普惠性",
      "普惠园",
      "普惠性民办园",
      "普惠性民办幼儿园",
      "民办普惠",
      "民办普惠园",
      "普惠性幼儿园",
    ],
  ],
  [
    "民办",
    [
      "民办",
      "民办园",
      "民办幼儿园",
      "非普惠",
      "非普惠性民办",
      "民办非普惠",
      "非普惠性民办园",
      "私立",
      "私立园",
      "营利性民办",
    ],
  ],
]);

/** 幼儿园类型: 公办 (公办园); 普惠性民办 (普惠, 普惠园); 民办 (民办园, 非普惠). */
export function normalizeKindergarten(v: unknown): KindergartenType | null {
  return lookup(KINDERGARTEN_TYPE, v);
}

const ID_DOCUMENT = table<IdDocument>([
  [
    "居民身份证",
    [
      "居民身份证",
      "身份证",
      "二代身份证",
      "第二代居民身份证",
      "中华人民共和国居民身份证",
      "大陆居民身份证",
      "内地居民身份证",
      "公民身份证",
      "公民身份号码",
      "身份证号",
      "身份证号码",
      "临时居民身份证",
      "临时身份证",
    ],
  ],
  [
    "港澳台居民居住证",
    ["港澳台居民居住证", "港澳台居住证", "港澳居民居住证", "台湾居民居住证", "香港居民居住证", "澳门居民居住证"],
  ],
  [
    "外国人永久居留身份证",
    [
      "外国人永久居留身份证",
      "永久居留身份证",
      "外国人永居证",
      "永居证",
      "新版永居证",
      "外国人永久居留身份证(2023版)",
      "外国人永久居留身份证(2017版)",
      "五星卡",
      "中国绿卡",
    ],
  ],
  ["外国人永久居留证", ["外国人永久居留证", "永久居留证", "旧版永居证"]],
  [
    "港澳居民来往内地通行证",
    [
      "港澳居民来往内地通行证",
      "港澳居民往来内地通行证",
      "港澳居民来往内地通行证(回乡证)",
      "回乡证",
      "回乡卡",
      "港澳同胞回乡证",
      "港澳通行证",
      "港澳居民通行证",
      "香港居民来往内地通行证",
      "澳门居民来往内地通行证",
    ],
  ],
  [
    "台湾居民来往大陆通行证",
    ["台湾居民来往大陆通行证", "台湾居民往来大陆通行证", "台胞证", "台湾同胞证", "台湾通行证", "台湾居民通行证"],
  ],
  ["护照", ["护照", "外国护照", "中国护照", "普通护照", "外国人护照", "passport"]],
  [
    "其他",
    [
      "其他",
      "其它",
      "其他证件",
      "户口簿",
      "户口本",
      "出生医学证明",
      "出生证明",
      "军官证",
      "士兵证",
      "境外永久居住证",
      "香港特区护照/身份证明",
      "澳门特区护照/身份证明",
    ],
  ],
]);

/**
 * 证件类型 (身份证件类型): 居民身份证 (身份证, 二代身份证); 港澳台居民居住证; 外国人永久居留身份证
 * (永居证); 外国人永久居留证 (the 15-character one of 2004–2017); 港澳居民来往内地通行证 (回乡证,
 * 港澳通行证); 台湾居民来往大陆通行证 (台胞证); 护照; 其他 (户口簿, 军官证 … : no format to check).
 * A bare 居住证 is null: the mainland 居住证 carries a 居民身份证 number, the 港澳台 one its own.
 */
export function normalizeIdDocument(v: unknown): IdDocument | null {
  return lookup(ID_DOCUMENT, v);
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** An amount that states its own unit: "6万", "6万元", "6万元整". */
const WAN_TEXT = /^(.+?)万元?整?$/;
const YUAN_TEXT = /元整?$/;

/**
 * An amount in 元 (a number rounded to 分), via parseAmount: "1,004.50", "¥1004.5元", full-width
 * digits. The header's unit applies (万元 × 10000) unless the cell states its own ("6万元", "500元").
 * Negative amounts are returned as such; rules decide about them.
 */
export function normalizeMoney(v: unknown, unit?: Unit): number | null {
  // The common case, a number of yuan with at most 2 decimals, needs no decimal parsing.
  if (
    typeof v === "number" &&
    unit !== "万元" &&
    Number.isFinite(v) &&
    v >= 0 &&
    v < 1e12 &&
    Number.isInteger(Math.round(v * 100)) &&
    Math.abs(Math.round(v * 100) - v * 100) < 1e-6
  ) {
    return Math.round(v * 100) / 100;
  }
  let scale = unit === "万元" ? 10000n : 1n;
  let input: unknown = v;
  if (typeof v === "string") {
    const s = compact(v);
    const wan = WAN_TEXT.exec(s);
    if (wan) {
      input = wan[1];
      scale = 10000n;
    } else {
      if (YUAN_TEXT.test(s)) scale = 1n;
      input = s;
    }
  } else if (typeof v !== "number" && typeof v !== "bigint") {
    return null;
  }
  const r = parseAmount(input);
  if (!r.ok) return null;
  if (scale !== 1n) {
    // 万元 → 元 before rounding to the fen: 4.996万 is 49960 元, not 5.00万 = 50000 元.
    const exact = Number(String(input).replace(/[^\d.]/g, ""));
    if (Number.isFinite(exact)) {
      const yuan = Math.round(exact * Number(scale) * 100) / 100;
      return r.value.negative ? -yuan : yuan;
    }
  }
  const yuan = Number(r.value.fen * scale) / 100;
  return r.value.negative ? -yuan : yuan;
}

const COUNT_TEXT = /^(\d{1,9})(?:\.0+)?(?:天|日|次|人次|回|趟|个|人)?$/;

/** A non-negative whole count: 20, "20", "20天", "20 次", "２０". */
export function normalizeCount(v: unknown): number | null {
  if (typeof v === "number") return Number.isSafeInteger(v) && v >= 0 ? v + 0 : null;
  if (typeof v !== "string") return null;
  const m = COUNT_TEXT.exec(compact(v));
  return m ? Number(m[1]) : null;
}

/** 2024, "2024年", "2024年度", "2024-05", "2024.5", "2024年5月", "2024-05-01", "2024/5/1". */
const YEAR_TEXT = /^(\d{4})(?:年度?|(?:[-/.]|年)\d{1,2}(?:月|(?:[-/.]|月)\d{1,2}日?)?)?$/;
const SHORT_DIGITS = /^\d{1,7}$/;
const MIN_YEAR = 1900;
/** 1927-05-18: below this a number in a year column is a mistake, not a date cell. */
const MIN_SERIAL = 10000;
const MAX_YEAR = 2100;

function inYearRange(y: number): number | null {
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

/**
 * A year from 1900 to 2100: 2024, "2024年", "2024-05", any full date, or a date cell's serial
 * (the column was formatted as a date).
 */
export function normalizeYear(v: unknown): number | null {
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return null;
    if (v >= MIN_YEAR && v <= MAX_YEAR) return v;
    // Small numbers are not dates: serial 2101 would be a day in 1905.
    if (v < MIN_SERIAL) return null;
    const date = civilFromSerial(v);
    return date ? inYearRange(date.y) : null;
  }
  if (typeof v !== "string") return null;
  const s = compact(v);
  const m = YEAR_TEXT.exec(s);
  if (m) return inYearRange(Number(m[1]));
  // (parseDateInput is given the tidied text: it needs the space before a time of day.)
  // Digits alone are a year (above) or a packed date (20240501); parseDateInput would read
  // shorter ones as serials.
  if (SHORT_DIGITS.test(s)) return null;
  const date = parseDateInput(tidy(v));
  return date.ok ? inYearRange(date.date.y) : null;
}
