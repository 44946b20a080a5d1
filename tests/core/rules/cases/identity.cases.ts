/**
 * id.* — identity numbers of the person (D, 身份证号) and, where a case adds the column, the
 * guardian: every problem of parseId (characters, length, region, birth date, check digit, the
 * 15-digit form, stored as a number), other documents with and without a 证件类型 column, and
 * what a valid number says against 性别 and 学段.
 */
import type { CellValue } from "../../../../src/core/grid/types";
import { checkDigit } from "../../../../src/core/id";
import { adult, fullWidth, kid, pupil, sheet, typo, yibu, YIBU } from "./fixtures";
import { finding, type RosterCase } from "./harness";

const ID_CODES = [
  "id.format",
  "id.checksum",
  "id.region",
  "id.birthdate",
  "id.birthdate-implausible",
  "id.document-format",
  "id.document-mismatch",
  "id.other-document",
  "id.stored-as-number",
  "id.gender-mismatch",
  "id.age-stage",
];

/** A girl's ID (born 2016) whose check digit is X, the first from sequence `from` on. */
function withX(from: number): string {
  for (let seq = from; ; seq += 2) {
    const body = kid(seq).slice(0, 17);
    if (checkDigit(body) === "X") return `${body}X`;
  }
}
const x1 = withX(2);
const x2 = withX(Number(x1.slice(14, 17)) + 2);

/** The 17 first characters and a check digit computed for them. */
const complete = (body17: string): string => body17 + checkDigit(body17);

const girl = kid(2);
/** Her number read as a number: Excel kept 15 significant digits. */
const asNumber = Number(girl.slice(0, 15)) * 1000;

/** A roster with a 监护人身份证号 column after 身份证号 (E). */
const withGuardian = (guardianId: CellValue): CellValue[][] =>
  sheet(
    ["序号", "姓名", "性别", "身份证号", "监护人身份证号", "学段", "是否寄宿", "困难类型", "资助项目"],
    [{ ...pupil(1), 监护人身份证号: guardianId }],
  );

/** A roster with a 证件类型 column (C) before the number (D). */
const withType = (type: CellValue, number: CellValue): CellValue[][] =>
  sheet(
    ["序号", "姓名", "证件类型", "身份证件号码", "学段", "是否寄宿", "困难类型", "资助项目"],
    [{ ...pupil(1), 证件类型: type, 身份证件号码: number }],
  );

const person = (overrides: Record<string, CellValue>): CellValue[][] => yibu(pupil(1, overrides));

export const identityCases: RosterCase[] = [
  // ── characters and length ────────────────────────────────────────────────────────────────
  {
    name: "id.format: a letter inside the number",
    verdict: "ng",
    roster: { rows: person({ 身份证号: `${girl.slice(0, 10)}O${girl.slice(11)}` }) },
    findings: [finding("id.format", "D3", "error", "身份证号：身份证号含有无效字符：O")],
  },
  {
    name: "id.format: 17 characters (one digit dropped)",
    verdict: "ng",
    roster: { rows: person({ 身份证号: girl.slice(0, 17) }) },
    findings: [finding("id.format", "D3", "error", "身份证号应为18位（旧版15位），实际为17位")],
  },
  {
    name: "id.format: 15 digits ending in X (the old form has no check digit)",
    verdict: "ng",
    roster: { rows: withGuardian("43032182061800X") },
    findings: [finding("id.format", "E3", "error", "监护人身份证号：身份证号含有无效字符：X")],
  },
  {
    name: "id.format: 8 digits, with the 台胞证 hint",
    verdict: "ng",
    roster: { rows: person({ 身份证号: "12345678" }) },
    findings: [finding("id.format", "D3", "error", "如为台湾居民来往大陆通行证号码，请增加“证件类型”列注明")],
  },
  {
    name: "id.format / id.checksum: a check digit X, and a lower-case x, are fine",
    verdict: "ok",
    roster: { rows: yibu(pupil(1, { 身份证号: x1 }), pupil(2, { 身份证号: `${x2.slice(0, 17)}x` })) },
    absent: ["id.format", "id.checksum"],
  },
  {
    name: "id.format: full-width digits are text hygiene, not a malformed number",
    verdict: "ok",
    roster: { rows: person({ 身份证号: fullWidth(girl) }) },
    absent: ["id.format", "id.checksum"],
  },
  {
    name: "id.format: a valid 15-digit number of the old form (a guardian's)",
    verdict: "ok",
    roster: { rows: withGuardian("430321820618003") },
    absent: ["id.format", "id.checksum", "id.birthdate", "id.region"],
  },
  // ── check digit ───────────────────────────────────────────────────────────────────────────
  {
    name: "id.checksum: the 18th character does not match the first 17",
    verdict: "ng",
    roster: { rows: person({ 身份证号: typo(girl) }) },
    findings: [
      finding(
        "id.checksum",
        "D3",
        "error",
        `第18位应为 ${girl.charAt(17)}，实为 ${typo(girl).charAt(17)}（前17位可能有误录）`,
      ),
    ],
  },
  {
    name: "id.checksum: a guardian's number is checked too",
    verdict: "ng",
    roster: { rows: withGuardian(typo(adult(1))) },
    findings: [finding("id.checksum", "E3", "error", "身份证号校验码错误")],
  },
  // ── region ────────────────────────────────────────────────────────────────────────────────
  {
    name: "id.region: province 70 does not exist",
    verdict: "ng",
    roster: { rows: person({ 身份证号: complete(`70${girl.slice(2, 17)}`) }) },
    findings: [finding("id.region", "D3", "error", "身份证号前两位 70 不是有效的省级代码")],
  },
  {
    name: "id.region: an unknown county in a known province is only a warning",
    verdict: "ng",
    roster: { rows: person({ 身份证号: complete(`430399${girl.slice(6, 17)}`) }) },
    findings: [finding("id.region", "D3", "warning", "地区代码 430399 不在行政区划数据中")],
  },
  {
    name: "id.region: a 外国人永久居留身份证 whose accepting province (digits 2–3) is 99",
    verdict: "ng",
    roster: { rows: person({ 身份证号: kid(1, 2016, "999682") }) },
    findings: [finding("id.region", "D3", "error", "外国人永久居留身份证号第2、3位 99 不是有效的受理地省级代码")],
  },
  {
    name: "id.region: a 港澳台居民居住证 must start 810000 / 820000 / 830000",
    verdict: "ng",
    roster: { rows: person({ 身份证号: kid(2, 2016, "810105"), 性别: "女" }) },
    findings: [
      finding("id.region", "D3", "error", "港澳台居民居住证号前6位应为 810000、820000 或 830000，实为 810105"),
    ],
  },
  {
    name: "id.region: 居民身份证, 港澳台居民居住证 and 外国人永久居留身份证 of known places",
    verdict: "ok",
    roster: {
      rows: yibu(
        pupil(1),
        pupil(2, { 身份证号: kid(4, 2016, "810000") }),
        pupil(3, { 身份证号: kid(6, 2016, "932682") }),
        pupil(4, { 身份证号: kid(8, 2016, "410725") }),
      ),
    },
    absent: ["id.region", "id.other-document"],
  },
  // ── birth date ────────────────────────────────────────────────────────────────────────────
  {
    name: "id.birthdate: 30 February",
    verdict: "ng",
    roster: { rows: person({ 身份证号: kid(2, 2016, "430381", 2, 30) }) },
    findings: [finding("id.birthdate", "D3", "error", "身份证号中的出生日期 2016-02-30 不是有效日期")],
  },
  {
    name: "id.birthdate: born after today (the date is not repeated: it is personal data)",
    verdict: "ng",
    roster: { rows: person({ 身份证号: kid(2, 2027, "430381", 1, 5) }) },
    findings: [finding("id.birthdate", "D3", "error", /^身份证号中的出生日期晚于今天$/)],
  },
  {
    name: "id.birthdate: born before 1870, no holder's birth date",
    verdict: "ng",
    roster: { rows: person({ 身份证号: kid(2, 1869, "430381", 1, 1) }) },
    findings: [finding("id.birthdate", "D3", "error", "身份证号中的出生日期早于1870年，不可能是持证人的出生日期")],
  },
  {
    name: "id.birthdate: a leap day, and a child born today",
    verdict: "ok",
    roster: {
      rows: yibu(
        pupil(1, { 身份证号: kid(2, 2016, "430381", 2, 29) }),
        pupil(2, { 身份证号: kid(4, 2026, "430381", 11, 28), 学段: null }),
      ),
    },
    absent: ["id.birthdate", "id.birthdate-implausible"],
  },
  {
    name: "id.birthdate-implausible: born 1899 (a warning; no age-for-stage warning on top)",
    verdict: "ng",
    roster: { rows: person({ 身份证号: kid(2, 1899, "430381", 12, 31) }) },
    findings: [finding("id.birthdate-implausible", "D3", "warning", "身份证号中的出生日期早于1900年")],
    absent: ["id.age-stage", "id.birthdate"],
  },
  {
    name: "id.birthdate-implausible: born on 1 January 1900 is plausible",
    verdict: "ok",
    roster: { rows: withGuardian(adult(1, 1900)) },
    absent: ["id.birthdate-implausible", "id.birthdate"],
  },
  // ── stored as a number ────────────────────────────────────────────────────────────────────
  {
    name: "id.stored-as-number: an 18-digit number in a General cell has lost its last digits",
    verdict: "ng",
    roster: { rows: person({ 身份证号: asNumber }) },
    findings: [
      finding("id.stored-as-number", "D3", "error", "身份证号被存为数字，后几位已丢失（Excel 只保留 15 位有效数字）"),
    ],
    absent: ["id.format", "id.checksum"],
  },
  {
    name: "id.stored-as-number: the exponent text a CSV export shows",
    verdict: "ng",
    roster: { rows: withGuardian("4.30321E+17") },
    findings: [finding("id.stored-as-number", "E3", "error", "监护人身份证号被存为数字")],
  },
  {
    name: "id.stored-as-number: a 15-digit number is exact, and an 18-digit one as text is fine",
    verdict: "ok",
    roster: { rows: withGuardian(430321820618003) },
    absent: ["id.stored-as-number", "id.format"],
  },
  // ── other documents ───────────────────────────────────────────────────────────────────────
  {
    name: "id.other-document: a 回乡证 number without a 证件类型 column",
    verdict: "ng",
    roster: { rows: person({ 身份证号: "H12345678" }) },
    findings: [
      finding(
        "id.other-document",
        "D3",
        "warning",
        "身份证号看起来是港澳居民来往内地通行证号码，不是居民身份证号；如确为通行证，请增加“证件类型”列注明",
      ),
    ],
    absent: ["id.format"],
  },
  {
    name: "id.other-document: a guardian's old 港澳通行证",
    verdict: "ng",
    roster: { rows: withGuardian("M1234567801") },
    findings: [finding("id.other-document", "E3", "warning", /^监护人身份证号看起来是港澳居民来往内地通行证号码/)],
  },
  {
    name: "id.other-document: the row's 证件类型 says 回乡证",
    verdict: "ok",
    roster: { rows: withType("回乡证", "H12345678") },
    absent: ["id.other-document", "id.document-format", "id.document-mismatch", "id.format"],
  },
  {
    name: "id.document-format: a 回乡证 with 7 digits",
    verdict: "ng",
    roster: { rows: withType("回乡证", "H1234567") },
    findings: [
      finding(
        "id.document-format",
        "D3",
        "error",
        "港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（旧证为 H 或 M 加 10 位数字）",
      ),
    ],
  },
  {
    name: "id.document-format: a 15-character 外国人永久居留证 with a wrong check digit",
    verdict: "ng",
    roster: { rows: withType("外国人永久居留证", "USA320112031512") },
    findings: [finding("id.document-format", "D3", "error", "外国人永久居留证号码校验位错误：第15位应为 1，实际为 2")],
  },
  {
    name: "id.document-format: a 护照 number and a 15-character 永居证 of the right shape",
    verdict: "ok",
    roster: {
      rows: sheet(
        ["姓名", "证件类型", "证件号码", "学段"],
        [
          { 姓名: "甲", 证件类型: "护照", 证件号码: "X1234567", 学段: "小学" },
          { 姓名: "乙", 证件类型: "永居证", 证件号码: "USA320112031511", 学段: "小学" },
        ],
        { title: null },
      ),
    },
    absent: ["id.document-format", "id.document-mismatch"],
  },
  {
    name: "id.document-mismatch: 居民身份证 declared, a 回乡证 number given (an error)",
    verdict: "ng",
    roster: { rows: withType("居民身份证", "H12345678") },
    findings: [
      finding(
        "id.document-mismatch",
        "D3",
        "error",
        "证件类型填为“居民身份证”，但号码不符合居民身份证的格式，看起来是港澳居民来往内地通行证号码",
      ),
    ],
  },
  {
    name: "id.document-mismatch: a valid 港澳台居民居住证 number under 居民身份证 (the number is right: a warning)",
    verdict: "ng",
    roster: { rows: withType("居民身份证", kid(3, 2015, "810000")) },
    findings: [
      finding("id.document-mismatch", "D3", "warning", "证件类型填为“居民身份证”，但号码是有效的港澳台居民居住证号码"),
    ],
  },
  {
    name: "id.document-mismatch: 身份证 (a usual spelling) with a resident ID",
    verdict: "ok",
    roster: { rows: withType("身份证", girl) },
    absent: ["id.document-mismatch", "id.document-format"],
  },
  // ── against the row ───────────────────────────────────────────────────────────────────────
  {
    name: "id.gender-mismatch: 性别 男, the ID's 17th digit is even",
    verdict: "ng",
    roster: { rows: person({ 性别: "男" }) },
    findings: [finding("id.gender-mismatch", "C3", "error", "性别填为“男”，身份证号显示为“女”")],
  },
  {
    name: "id.gender-mismatch: a girl's ID with 女, a boy's with 男",
    verdict: "ok",
    roster: { rows: yibu(pupil(1, { 性别: "女" }), pupil(2, { 性别: "男", 身份证号: kid(5) })) },
    absent: ["id.gender-mismatch"],
  },
  {
    name: "id.age-stage: 3 years old and in 初中 (perhaps a sibling's ID)",
    verdict: "ng",
    roster: { rows: person({ 身份证号: kid(2, 2023), 学段: "初中", "补助金额（元）": 625 }) },
    findings: [finding("id.age-stage", "D3", "warning", "按身份证号今年 3 岁，就读初中少见（通常 10–19 岁）")],
  },
  {
    name: "id.age-stage: 10 in 小学, 14 in 初中",
    verdict: "ok",
    roster: { rows: yibu(pupil(1), pupil(2, { 身份证号: kid(4, 2012), 学段: "初中", "补助金额（元）": 625 })) },
    absent: ["id.age-stage"],
  },
  {
    name: "a clean 一补 roster has no identity finding",
    verdict: "ok",
    roster: { rows: sheet(YIBU, [pupil(1), pupil(2), pupil(3)]) },
    absent: ID_CODES,
  },
];
