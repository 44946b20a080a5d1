/**
 * The canonical roster fields (shared/FIELDS.md): every header a roster uses maps to one of
 * these, and every custom function that takes field names accepts the same names. Their names and
 * aliases are data (fields.json), the aliases written as a finance officer types them; header.ts
 * cleans a header (brackets, units, marks, full-width forms, spaces) before it looks it up, and
 * tries a few obvious variants.
 */
import type { Locale } from "../result";
import fieldsJson from "./fields.json";

/** Every canonical field key, in FIELDS.md order (the policy pack schema uses the same list). */
export const FIELD_KEYS = [
  "name",
  "gender",
  "idNumber",
  "idType",
  "studentNo",
  "school",
  "stage",
  "grade",
  "class",
  "boarding",
  "hardship",
  "hardshipLevel",
  "tier",
  "verified",
  "proof",
  "program",
  "amount",
  "days",
  "destination",
  "guardianName",
  "guardianId",
  "holder",
  "bank",
  "account",
  "phone",
  "address",
  "birthDate",
  "remarks",
  "status",
  "teacherType",
  "cause",
  "debt",
  "lastProvinceAidYear",
  "aidedThisYear",
  "post",
  "hardshipTier",
  "kindergartenType",
  "visits",
  "dropoutRisk",
  "inPost",
  "serial",
  // 一对一帮扶 ledgers (帮联台账, 帮扶记录, 学困生成绩): the helper, the pairing, the records, the scores.
  "helperName",
  "helperUnit",
  "helperTitle",
  "helperPhone",
  "registered",
  "reason",
  "pairMode",
  "recordDate",
  "recordType",
  "content",
  "subject",
  "lastScore",
  "score",
  "lastRank",
  "rank",
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

export interface FieldDef {
  key: FieldKey;
  /** The Chinese name: the header a generated sheet uses and the label in messages. */
  zh: string;
  en: string;
  /** Other headers meaning this field (the Chinese name itself is not repeated here). */
  aliases: readonly string[];
  /** "pairing": the fields of 一对一帮扶 ledgers (who helps whom, records, scores). */
  audience: "students" | "teachers" | "both" | "pairing";
}

/** A field's names and audience as fields.json lists them, in FIELD_KEYS order. */
interface FieldData {
  readonly zh: string;
  readonly en: string;
  readonly audience: string;
  readonly aliases: readonly string[];
}

const AUDIENCES: readonly string[] = ["students", "teachers", "both", "pairing"] satisfies FieldDef["audience"][];

function def(key: FieldKey, data: FieldData): FieldDef {
  // A wrong audience is a bug in fields.json, not user input.
  if (!AUDIENCES.includes(data.audience)) throw new Error(`fields.json: ${key} has audience ${data.audience}`);
  const audience = data.audience as FieldDef["audience"];
  return Object.freeze({ key, zh: data.zh, en: data.en, aliases: Object.freeze([...data.aliases]), audience });
}

const DATA: Readonly<Record<FieldKey, FieldData>> = fieldsJson;

export const FIELDS: readonly FieldDef[] = Object.freeze(FIELD_KEYS.map((key) => def(key, DATA[key])));

const BY_KEY: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.key, f]));

export function isFieldKey(key: unknown): key is FieldKey {
  return typeof key === "string" && BY_KEY.has(key);
}

/** The definition of a field. A key that is not a field (only possible from untyped callers)
 * gets a placeholder named by the key, so callers never meet undefined. */
export function fieldDef(key: FieldKey): FieldDef {
  const found = typeof key === "string" ? BY_KEY.get(key) : undefined;
  if (found) return found;
  const text = typeof key === "string" ? key : typeof key;
  return { key, zh: text, en: text, aliases: [], audience: "both" };
}

/** The field's name for messages and generated headers: Chinese by default. */
export function fieldLabel(key: FieldKey, locale: Locale = "zh-CN"): string {
  const f = fieldDef(key);
  return locale === "en-US" ? f.en : f.zh;
}
