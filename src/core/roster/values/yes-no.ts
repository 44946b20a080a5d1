/**
 * 是/否 columns: plain yes/no, and columns whose own words also mean yes or no (寄宿/走读,
 * 系统比对/自采集; 在岗/离岗 is in teacher.ts).
 */
import synonyms from "./synonyms.json";
import { bareKey, lookup, yesNoTable } from "./lookup";

const YES_NO = yesNoTable(synonyms.yesNo);
/** Non-answers: "不详" starts with 不 but says nothing. */
const UNKNOWN_ANSWERS: ReadonlySet<string> = new Set(synonyms.unknownAnswers);
const YES_PREFIXES: readonly string[] = synonyms.yesPrefixes;
const NO_PREFIXES: readonly string[] = synonyms.noPrefixes;

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

const BOARDING = yesNoTable(synonyms.boarding);

/** 寄宿/住校/住宿/寄宿生/是 → true; 走读/非寄宿/非寄宿生/不住校/否 → false. */
export function normalizeBoarding(v: unknown): boolean | null {
  return lookup(BOARDING, v) ?? normalizeYesNo(v);
}

const VERIFIED = yesNoTable(synonyms.verified);

/** 系统比对: yes/no, or where the data came from (系统比对 → true, 自采集 → false). */
export function normalizeVerified(v: unknown): boolean | null {
  return lookup(VERIFIED, v) ?? normalizeYesNo(v);
}
