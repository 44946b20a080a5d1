// The catalogue assembled from the rule modules: every code once, every entry renders in both
// locales, and the six rules whose text used to be pre-rendered Chinese now render English too.
import type { RuleEntries } from "../../../src/core/findings/types";
import { inLocale } from "../../../src/core/locale";
import { AMOUNT_RULES } from "../../../src/core/rules/amounts";
import { BANK_RULES } from "../../../src/core/rules/bank";
import { CATALOGUE, isRuleCode, RULE_CODES, type RuleCode, type RuleData } from "../../../src/core/rules/catalogue";
import { DUPLICATE_RULES } from "../../../src/core/rules/duplicates";
import { ELIGIBILITY_RULES } from "../../../src/core/rules/eligibility";
import { FIELD_RULES } from "../../../src/core/rules/fields";
import { HYGIENE_RULES } from "../../../src/core/rules/hygiene";
import { ID_RULES } from "../../../src/core/rules/id";
import { ID_DOCUMENT_RULES } from "../../../src/core/rules/id-document";
import { PAIRING_RULES } from "../../../src/core/rules/pairing";
import { PHONE_RULES } from "../../../src/core/rules/phone";
import { PRIVACY_ENTRIES } from "../../../src/core/rules/privacy";
import { PROGRAM_RULES } from "../../../src/core/rules/program";
import { QUOTA_RULES } from "../../../src/core/rules/quotas";
import { ROSTER_RULES } from "../../../src/core/rules/roster";
import { STUDENTNO_RULES } from "../../../src/core/rules/studentno";

const HAN = /[\u4e00-\u9fff]/;

const MODULES: Record<string, RuleEntries<object>> = {
  AMOUNT_RULES,
  BANK_RULES,
  DUPLICATE_RULES,
  ELIGIBILITY_RULES,
  FIELD_RULES,
  HYGIENE_RULES,
  ID_RULES,
  ID_DOCUMENT_RULES,
  PAIRING_RULES,
  PHONE_RULES,
  PRIVACY_ENTRIES,
  PROGRAM_RULES,
  QUOTA_RULES,
  ROSTER_RULES,
  STUDENTNO_RULES,
};

test("every code has one home: no two rule modules define the same code", () => {
  const codes = Object.values(MODULES).flatMap((m) => Object.keys(m));
  expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  expect([...codes].sort()).toEqual([...RULE_CODES].sort());
});

test("RULE_CODES lists the catalogue's codes, and isRuleCode knows exactly those", () => {
  expect(RULE_CODES.length).toBe(Object.keys(CATALOGUE).length);
  for (const code of RULE_CODES) expect(isRuleCode(code)).toBe(true);
  expect(isRuleCode("no.such-rule")).toBe(false);
  expect(isRuleCode("toString")).toBe(false);
});

test.each(RULE_CODES)("%s has a severity, a source and a title in both locales (English without Chinese)", (code) => {
  const e = CATALOGUE[code];
  expect(["error", "warning", "info"]).toContain(e.severity);
  expect(e.source).not.toBe("");
  expect(e.title["zh-CN"]).toMatch(HAN);
  expect(e.title["en-US"]).not.toMatch(HAN);
});

type Case = { [K in RuleCode]: [K, RuleData[K], string, string] }[RuleCode];

// Data with ASCII labels, so an English text must have no Chinese at all.
const CASES: Case[] = [
  [
    "id.format",
    { field: "ID", problem: { code: "id.format", reason: "length", length: 17 }, like: null, hasColumn: false },
    "ID：身份证号应为18位（旧版15位），实际为17位",
    "ID: The ID number must have 18 characters (15 for the old form), not 17",
  ],
  [
    "id.format",
    { field: "ID", problem: { code: "id.format", reason: "chars", bad: "#" }, like: "护照", hasColumn: true },
    "ID：身份证号含有无效字符：#（只能是数字，第18位可以是 X）（如为护照号码，请在“证件类型”列注明）",
    "ID: The ID number contains invalid characters: # (only digits, with X allowed as the 18th) (if this is a passport number, fill in the document type column)",
  ],
  [
    "id.birthdate",
    { field: "ID", problem: { code: "id.birthdate", reason: "invalid", text: "20110230" } },
    "身份证号中的出生日期 2011-02-30 不是有效日期",
    "The birth date in the ID number, 2011-02-30, is not a real date",
  ],
  [
    "id.birthdate",
    { field: "ID", problem: { code: "id.birthdate", reason: "future", text: "" } },
    "ID中的出生日期晚于今天",
    "ID: the birth date is after today",
  ],
  [
    "id.birthdate",
    { field: "ID", problem: { code: "id.birthdate", reason: "too-early", text: "" } },
    "ID中的出生日期早于1870年，不可能是持证人的出生日期",
    "ID: the birth date is before 1870, so it cannot be the holder's",
  ],
  [
    "id.document-format",
    { document: "护照", problem: { code: "doc.format", format: "护照" } },
    "护照号码应为 5–17 位字母和数字",
    "A passport number has 5-17 letters and digits",
  ],
  [
    "bank.format",
    { problem: { code: "bank.format", reason: "length", length: 12 } },
    "银行卡号应为 16–19 位数字，实际为 12 位",
    "A bank card number has 16–19 digits, not 12",
  ],
  [
    "phone.format",
    { problem: { code: "phone.format", text: "12345", lostZero: false } },
    "电话号码格式不正确：12345（手机号为11位，座机为区号-号码，如 0731-5551234）",
    "Not a valid phone number: 12345 (a mobile has 11 digits, a landline is area code-number, e.g. 0731-5551234)",
  ],
  [
    "studentno.format",
    { problem: "g-other-id" },
    "学籍号“G”后的号码与本人身份证号不一致",
    'The number after the "G" of the student number is not the person\'s ID number',
  ],
  [
    "studentno.format",
    { problem: "g-not-id" },
    "学籍号“G”后应为 18 位身份证号",
    'The "G" of a student number is followed by an 18-character ID number',
  ],
  [
    "studentno.format",
    { problem: "shape" },
    "学籍号应为 G + 身份证号，或 L、J 开头的临时学籍号",
    "A student number is G + the ID number, or a temporary number starting with L or J",
  ],
];

test.each(CASES)("%s renders its typed data in both locales", (code, data, zh, en) => {
  const entry = CATALOGUE[code] as unknown as RuleEntries<Record<string, typeof data>>[string];
  expect(inLocale("zh-CN", entry.message(data))).toBe(zh);
  expect(inLocale("en-US", entry.message(data))).toBe(en);
  expect(en).not.toMatch(HAN);
  expect(inLocale("en-US", entry.hint(data))).not.toBe("");
});
