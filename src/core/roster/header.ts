/**
 * Roster headers → canonical fields. A header is cleaned first (full-width forms, spaces and line
 * breaks, required-field marks, a trailing colon, notes in brackets — keeping a money unit found
 * there), then looked up among the aliases, then among a few obvious variants (身份证 / 身份证号 /
 * 身份证号码, 学生身份证号, 是否寄宿 / 寄宿, 寄宿情况 …). A merged group header above the cell
 * (监护人, 持卡人 …) says whose name, ID number or phone a column holds.
 */
import { toHalfWidth } from "../text/normalize";
import { FIELDS, type FieldKey } from "./fields";

export type Unit = "元" | "万元" | null;

export interface ResolvedField {
  key: FieldKey;
  unit: Unit;
}

const WHITE_SPACE = /\s+/g;
/** Required-field marks at either end, a trailing colon (NFKC has already made "：" ":"). */
const EDGE_MARKS = /^[*★☆※]+|[*★☆※:]+$/g;
/** One innermost bracketed part; NFKC has made （）［］｛｝ ASCII, 【】〔〕 stay as they are. */
const BRACKETED = /[([{【〔]([^()[\]{}【】〔〕]*)[)\]}】〕]/g;
/** A bracket opened and never closed: "补助金额(元". */
const UNCLOSED = /[([{【〔]([^()[\]{}【】〔〕]*)$/;
/** A unit after a slash or dash: "补助金额/元", "负债-万元". */
const SLASH_UNIT = /[/\\_-](万元|元)$/;
/** A bare unit glued to a money word: "负债万元", "补助金额元", "资助标准元". */
const GLUED_WAN = /^(.+?)万元$/;
const GLUED_YUAN = /^(.*(?:金额|额|标准|负债|资金|助|金))元$/;
const MAX_PASSES = 16;
/** Words around a unit inside brackets: "(单位：元)", "(人民币元/人)". */
const UNIT_NOISE = /单位|人民币|金额|[:：]/g;

function unitOf(inner: string): Unit {
  const s = inner.replace(UNIT_NOISE, "");
  if (s === "万" || s.startsWith("万元")) return "万元";
  if (s.startsWith("元")) return "元";
  return null;
}

/** Header text of a cell value; other values (objects, booleans…) are no header. */
function headerText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint") return value.toString();
  return "";
}

function clean(raw: string): { label: string; unit: Unit } {
  let s = toHalfWidth(raw).replace(WHITE_SPACE, "");
  let unit: Unit = null;
  const noteUnit = (_match: string, inner: string): string => {
    unit ??= unitOf(inner);
    return "";
  };
  // Marks and brackets nest in any order ("*姓名(必填)", "姓名(必填)*", "((元))"): repeat until
  // stable, but not forever on a pathological header (each pass removes one level of nesting).
  for (let previous = "", passes = 0; previous !== s && passes < MAX_PASSES; passes++) {
    previous = s;
    s = s.replace(EDGE_MARKS, "").replace(BRACKETED, noteUnit);
  }
  // An unclosed bracket cuts the rest; so does one left before it ("姓名((" is 姓名), so cleaning twice changes nothing.
  for (let unclosed = UNCLOSED.exec(s); unclosed; unclosed = UNCLOSED.exec(s)) {
    unit ??= unitOf(unclosed[1] ?? "");
    s = s.slice(0, unclosed.index).replace(EDGE_MARKS, "");
  }
  const slash = SLASH_UNIT.exec(s);
  if (slash && slash.index > 0) {
    unit ??= slash[1] === "万元" ? "万元" : "元";
    s = s.slice(0, slash.index);
  }
  const wan = GLUED_WAN.exec(s);
  if (wan) {
    unit ??= "万元";
    s = wan[1] ?? s;
  } else {
    const yuan = GLUED_YUAN.exec(s);
    if (yuan) {
      unit ??= "元";
      s = yuan[1] ?? s;
    }
  }
  // What was removed may have joined combining marks into an order NFKC would change ("𝅗𝅥ﹴ": the
  // space of ﹴ's decomposition, removed, leaves its mark after the note's stem): normalized once
  // more, so cleaning the label again changes nothing.
  return { label: PLAIN_LABEL.test(s) ? s : s.normalize("NFKC"), unit };
}

/** Labels NFKC cannot change (ASCII and CJK ideographs): most headers skip the second pass. */
const PLAIN_LABEL = /^[\x20-\x7e\u4e00-\u9fff]*$/;

/**
 * The cleaned header: NFKC, no white space, no required-field marks (* ★) or trailing colon, no
 * bracketed notes. A money unit is kept apart: "补助金额（元）" → 补助金额 / 元, "负债(万元)" and
 * "负债万元" → 负债 / 万元.
 */
export function normalizeHeader(text: unknown): { label: string; unit: Unit } {
  return clean(headerText(text));
}

/** Alias (cleaned, ASCII lower-cased) → field: the Chinese name, the aliases, the key, the English name. */
const ALIASES: ReadonlyMap<string, FieldKey> = (() => {
  const map = new Map<string, FieldKey>();
  const add = (text: string, key: FieldKey) => {
    const label = clean(text).label.toLowerCase();
    if (label !== "" && !map.has(label)) map.set(label, key);
  };
  for (const f of FIELDS) {
    add(f.zh, f.key);
    for (const alias of f.aliases) add(alias, f.key);
  }
  for (const f of FIELDS) {
    add(f.key, f.key);
    add(f.en, f.key);
  }
  return map;
})();

/** Every alias the lookup accepts exactly, as cleaned text (for documentation and tests). */
export function headerAliases(): ReadonlyMap<string, FieldKey> {
  return ALIASES;
}

/** Words in front of a field that name the student or teacher themself: 学生身份证号, 教师姓名. */
const SELF_PREFIXES = [
  "受助学生",
  "学生本人",
  "学生",
  "受助人",
  "受助对象",
  "申请人",
  "幼儿",
  "儿童",
  "教职工",
  "教师",
  "本人",
  "个人",
];
/** Words naming the guardian: 监护人身份证号, 家长电话, 父亲姓名. */
const GUARDIAN_PREFIXES = ["法定监护人", "监护人", "家长", "父母", "父亲", "母亲", "抚养人"];
/** Words naming the bank account or its holder: 持卡人身份证号, 收款人电话. */
const HOLDER_PREFIXES = ["持卡人", "开户人", "收款人", "领款人", "账户", "收款"];

/** Words naming the helper of a 帮扶 pair: 帮扶人电话, 帮联干部单位. */
const HELPER_PREFIXES = ["帮扶责任人", "帮联干部", "帮扶干部", "帮扶教师", "结对干部", "结对教师", "帮扶人", "帮联人"];

/**
 * Whose data a column is, from a group header or a prefix: the student/teacher, a guardian, the
 * card holder, or the helper of a 帮扶 pair (帮扶人 › 姓名, 单位, 电话).
 */
type Context = "self" | "guardian" | "holder" | "helper";

const GUARDIAN_WORDS = /监护人|家长|父母|父亲|母亲|抚养人|法定代理人/;
const HOLDER_WORDS = /持卡人|银行|账户|账号|收款|存折|领款|开户|社保卡|一卡通|户名/;
const HELPER_WORDS = /帮扶人|帮扶干部|帮联干部|帮扶教师|帮扶责任人|结对干部|结对教师|帮联人|帮扶者/;

function groupContext(group: unknown): Context {
  const label = normalizeHeader(group).label;
  if (label === "") return "self";
  // The holder first: "监护人银行卡信息" is about the card, and its 姓名 is the account name.
  if (HOLDER_WORDS.test(label)) return "holder";
  if (GUARDIAN_WORDS.test(label)) return "guardian";
  if (HELPER_WORDS.test(label)) return "helper";
  return "self";
}

/**
 * A field seen in another person's context. Under 监护人, 姓名 is the guardian's name and 身份证号
 * the guardian's ID; the student's own fields (性别, 学校, 出生日期 …) there are the guardian's, not
 * a field of ours. Under 持卡人 / 银行卡, 姓名 is the account name; the holder's ID number has no field.
 */
function inContext(key: FieldKey, context: Context): FieldKey | null {
  if (context === "self") return key;
  if (context === "helper") return helperField(key);
  switch (key) {
    case "name":
      return context === "guardian" ? "guardianName" : "holder";
    case "idNumber":
      return context === "guardian" ? "guardianId" : null;
    case "phone":
    case "account":
    case "bank":
    case "holder":
    case "remarks":
    case "serial":
      return key;
    case "guardianName":
    case "guardianId":
    case "address":
      return context === "guardian" ? key : null;
    default:
      return null;
  }
}

/** A field under 帮扶人: the helper's name, unit, post and phone; the helped student's fields are not the helper's. */
function helperField(key: FieldKey): FieldKey | null {
  switch (key) {
    case "name":
    case "holder":
      return "helperName";
    case "school":
    case "helperUnit":
      return "helperUnit";
    case "phone":
    case "helperPhone":
      return "helperPhone";
    case "helperName":
    case "helperTitle":
    case "remarks":
    case "serial":
      return key;
    default:
      return null;
  }
}

const SUFFIXES_TO_DROP = ["情况", "状态", "名称", "信息"];

/** The label itself, then obvious variants of it: 号码/号/none, 是否…, …情况, 类型/类别. */
function lookupVariants(label: string): FieldKey | null {
  const exact = ALIASES.get(label);
  if (exact) return exact;
  const candidates: string[] = [];
  if (label.endsWith("号码")) candidates.push(label.slice(0, -1), label.slice(0, -2));
  else if (label.endsWith("号")) candidates.push(`${label}码`, label.slice(0, -1));
  else if (label.length >= 2) candidates.push(`${label}号`, `${label}号码`);
  for (const suffix of SUFFIXES_TO_DROP) {
    if (label.length > suffix.length + 1 && label.endsWith(suffix)) candidates.push(label.slice(0, -suffix.length));
  }
  if (label.startsWith("是否")) candidates.push(label.slice(2));
  else candidates.push(`是否${label}`);
  if (label.endsWith("类型")) candidates.push(`${label.slice(0, -2)}类别`);
  else if (label.endsWith("类别")) candidates.push(`${label.slice(0, -2)}类型`);
  for (const c of candidates) {
    const key = c === "" ? undefined : ALIASES.get(c);
    if (key) return key;
  }
  return null;
}

function resolveLabel(label: string, group: Context): FieldKey | null {
  if (label === "") return null;
  const direct = lookupVariants(label);
  if (direct) return inContext(direct, group);
  const prefixed: readonly [readonly string[], Context | null][] = [
    [SELF_PREFIXES, null],
    [GUARDIAN_PREFIXES, "guardian"],
    [HOLDER_PREFIXES, "holder"],
    [HELPER_PREFIXES, "helper"],
  ];
  for (const [prefixes, context] of prefixed) {
    for (const prefix of prefixes) {
      if (label.length <= prefix.length || !label.startsWith(prefix)) continue;
      const key = lookupVariants(label.slice(prefix.length));
      // A prefix naming a person is more specific than the group above it.
      if (key) return inContext(key, context ?? group);
    }
  }
  return null;
}

const MONEY_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(["amount", "debt"]);

/** Headers repeat on every row of a roster: resolve each (group, header) pair once. */
const CACHE = new Map<string, ResolvedField | null>();
const CACHE_LIMIT = 4096;
/** Real headers are short; a pathological one is resolved but not kept. */
const CACHEABLE_LENGTH = 256;

/**
 * The canonical field a header means, with the money unit it states (for amount and debt only),
 * or null when it is not a roster field or is ambiguous. `group` is the merged group header above
 * it, if any (监护人 › 姓名 is guardianName).
 */
export function resolveField(header: unknown, group?: unknown): ResolvedField | null {
  const headerKey = headerText(header);
  if (headerKey === "") return null;
  const groupKey = headerText(group);
  const cacheKey = `${groupKey}\u0001${headerKey}`;
  const cached = CACHE.get(cacheKey);
  if (cached !== undefined) return cached;
  const { label, unit } = clean(headerKey);
  const key = resolveLabel(label.toLowerCase(), groupKey === "" ? "self" : groupContext(groupKey));
  const resolved: ResolvedField | null = key ? Object.freeze({ key, unit: MONEY_FIELDS.has(key) ? unit : null }) : null;
  if (cacheKey.length <= CACHEABLE_LENGTH) {
    if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
    CACHE.set(cacheKey, resolved);
  }
  return resolved;
}
