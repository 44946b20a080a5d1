/**
 * Rules on identity numbers (the person's and the guardian's): format, check digit, region,
 * birth date, a number Excel rounded off, and the gender and age the number implies.
 */
import { wholeYearsBetween } from "../date/civil";
import type { RuleEntries } from "../findings/types";
import type { CellValue } from "../grid/types";
import {
  idTexts,
  lookalikeMessage,
  MIN_BIRTH_YEAR,
  regionName,
  type IdDocument,
  type IdInfo,
  type IdProblem,
} from "../id";
import { plainText } from "../id/cell-text";
import { timeline } from "../id/region-data";
import { texts, type Texts } from "../locale";
import { maskId } from "../mask";
import type { Stage } from "../roster";
import { compact } from "../text/normalize";
import { colOf, type RowContext, type SheetContext } from "./context";
import { finding } from "./finding";

type Of<C extends IdProblem["code"]> = Extract<IdProblem, { code: C }>;

export interface IdRuleData {
  /** `like`: the document the value weakly resembles (named in the message), or null. */
  "id.format": { field: string; problem: Of<"id.format">; like: IdDocument | null; hasColumn: boolean };
  "id.checksum": { expected: string; actual: string };
  "id.region": { level: "province" | "county" | "foreign-province" | "permit-region"; code: string };
  /** The problem's date digits are kept only for an impossible date (a real one is personal data). */
  "id.birthdate": { field: string; problem: Of<"id.birthdate"> };
  "id.birthdate-implausible": { field: string };
  "id.stored-as-number": { field: string };
  "id.gender-mismatch": { fromId: string; given: string };
  "id.age-stage": { age: number; stage: string; min: number; max: number };
}

function formatTexts(d: IdRuleData["id.format"]): Texts {
  const like = d.like;
  const problem = idTexts(d.problem);
  if (like === null) return texts(`${d.field}：${problem["zh-CN"]}`, `${d.field}: ${problem["en-US"]}`);
  return texts(
    `${d.field}：${problem["zh-CN"]}（${lookalikeMessage(like, false, "zh-CN", d.hasColumn)}）`,
    `${d.field}: ${problem["en-US"]} (${lookalikeMessage(like, false, "en-US", d.hasColumn)})`,
  );
}

function birthdateTexts(d: IdRuleData["id.birthdate"]): Texts {
  // An impossible date (02-30) is no one's birth date and helps to find the typo; a real date in
  // the future or before MIN_BIRTH_YEAR is personal data, so the message does not repeat it.
  switch (d.problem.reason) {
    case "future":
      return texts(`${d.field}中的出生日期晚于今天`, `${d.field}: the birth date is after today`);
    case "too-early":
      return texts(
        `${d.field}中的出生日期早于${MIN_BIRTH_YEAR}年，不可能是持证人的出生日期`,
        `${d.field}: the birth date is before ${MIN_BIRTH_YEAR}, so it cannot be the holder's`,
      );
    default:
      return idTexts(d.problem);
  }
}

function regionTexts(d: IdRuleData["id.region"]): Texts {
  switch (d.level) {
    case "province":
      return texts(`身份证号前两位 ${d.code} 不是有效的省级代码`, `${d.code} is not a province code`);
    case "foreign-province":
      return texts(
        `外国人永久居留身份证号第2、3位 ${d.code} 不是有效的受理地省级代码`,
        `Digits 2–3 of the foreign permanent resident ID number, ${d.code}, are not a province code`,
      );
    case "permit-region":
      return texts(
        `港澳台居民居住证号前6位应为 810000、820000 或 830000，实为 ${d.code}`,
        `A residence permit number starts with 810000, 820000 or 830000, not ${d.code}`,
      );
    default:
      return texts(
        `地区代码 ${d.code} 不在行政区划数据中（可能是已撤销或新设的县区）`,
        `Region code ${d.code} is not in the data`,
      );
  }
}

export const ID_RULES: RuleEntries<IdRuleData> = {
  "id.format": {
    severity: "error",
    source: "GB 11643-1999",
    title: texts("身份证号格式错误", "Malformed ID number"),
    message: (d) => formatTexts(d),
    hint: () =>
      texts("核对身份证原件，18 位号码最后一位可以是 X", "Check against the ID card; the 18th character may be X"),
  },
  "id.checksum": {
    severity: "error",
    source: "GB 11643-1999（ISO 7064 MOD 11-2）",
    title: texts("身份证号校验码错误", "Wrong ID check digit"),
    message: (d) =>
      texts(
        `身份证号校验码错误：第18位应为 ${d.expected}，实为 ${d.actual}（前17位可能有误录）`,
        `Wrong check digit: should be ${d.expected}, not ${d.actual}`,
      ),
    hint: () =>
      texts("对照身份证原件逐位核对；校验码不符通常是前 17 位中有一位录错", "Compare digit by digit with the ID card"),
  },
  "id.region": {
    severity: "error",
    source:
      "GB/T 2260；GB 11643-1999（港澳台居民居住证地址码 810000/820000/830000）；外国人永久居留身份证（2023版）号码规则",
    title: texts("地区代码不存在", "Unknown region code"),
    message: (d) => regionTexts(d),
    hint: (d) =>
      d.level === "county"
        ? texts("通常无需处理；若为新设县区请以身份证原件为准", "Usually fine; check the ID card")
        : texts("核对证件原件前 6 位", "Check the first 6 digits"),
  },
  "id.birthdate": {
    severity: "error",
    source: "GB 11643-1999",
    title: texts("出生日期无效", "Invalid birth date"),
    message: (d) => birthdateTexts(d),
    hint: () => texts("核对身份证号第 7–14 位（出生日期）", "Check digits 7–14 (the birth date)"),
  },
  "id.birthdate-implausible": {
    severity: "warning",
    source: "资助助手（在册人员出生于1900年以后；号码结构本身有效）",
    title: texts("出生日期不合常理", "Implausible birth date"),
    message: (d) =>
      texts(
        `${d.field}中的出生日期早于1900年，作为在册人员不合常理（号码本身的结构和校验码有效）`,
        `${d.field}: the birth date is before 1900, implausible for a person on a roster (the number itself is well-formed)`,
      ),
    hint: () =>
      texts(
        "对照证件原件核对第 7–14 位（出生日期）；确实如此可忽略",
        "Check digits 7–14 (the birth date) against the card; ignore if it is right",
      ),
  },
  "id.stored-as-number": {
    severity: "error",
    source: "Excel 只保留 15 位有效数字",
    title: texts("证件号被存为数字", "ID stored as a number"),
    message: (d) =>
      texts(
        `${d.field}被存为数字，后几位已丢失（Excel 只保留 15 位有效数字），无法修复`,
        `${d.field} was stored as a number and its last digits are lost`,
      ),
    hint: () =>
      texts(
        "将该列设为文本格式，再从原始资料重新录入（不要从这里复制）",
        "Format the column as text and re-enter the numbers from the source",
      ),
  },
  "id.gender-mismatch": {
    severity: "error",
    source: "GB 11643-1999（第17位奇数为男）",
    title: texts("性别与身份证号不符", "Gender does not match the ID"),
    message: (d) =>
      texts(`性别填为“${d.given}”，身份证号显示为“${d.fromId}”`, `Gender is ${d.given}; the ID says ${d.fromId}`),
    hint: () => texts("核对性别或身份证号", "Check the gender or the ID number"),
  },
  "id.age-stage": {
    severity: "warning",
    source: "资助助手（学段的常见年龄）",
    title: texts("年龄与学段不符", "Age unusual for the stage"),
    message: (d) =>
      texts(
        `按身份证号今年 ${d.age} 岁，就读${d.stage}少见（通常 ${d.min}–${d.max} 岁）`,
        `Age ${d.age} is unusual for ${d.stage} (${d.min}–${d.max})`,
      ),
    hint: () =>
      texts("核对身份证号或学段；可能录入的是家长的身份证号", "Check the ID or the stage: it may be a parent's ID"),
  },
};

/** Typical ages per stage (a wide band: late entry and repeated years are common). */
const AGE_BANDS: Record<Stage, [number, number]> = {
  学前: [2, 8],
  小学: [5, 16],
  初中: [10, 19],
  普通高中: [13, 22],
  中职: [13, 26],
  高职: [15, 32],
  本科: [15, 35],
  研究生: [19, 55],
};

/** An ID cell as the report shows it: masked. */
export function shownId(v: CellValue): string {
  return maskId(compact(plainText(v)));
}

/** Findings for a valid identity number: an unknown county, a birth date before 1900. */
export function reportValidId(
  ctx: SheetContext,
  row: RowContext,
  col: number,
  raw: CellValue,
  id: IdInfo,
  label: string,
): void {
  const sheet = ctx.grid.name;
  // An unknown county code is only a warning (codes are retired and re-used); the timeline
  // lookup is cheap, regionName only runs for the rare unknown code.
  const code = id.regionCode;
  if (!code.endsWith("00") && timeline(code).length === 0 && regionName(code, id.birth.y)?.county === "") {
    ctx.out.push(
      finding("id.region", sheet, row.row, col, shownId(raw), { level: "county", code: id.regionCode }, "warning"),
    );
  }
  // A real date before 1900 is a well-formed number with an implausible birth date, not a broken number.
  if (id.bornBefore1900)
    ctx.out.push(finding("id.birthdate-implausible", sheet, row.row, col, shownId(raw), { field: label }));
}

/** Findings for a value that is not a valid identity number; `like`: the document it weakly resembles. */
export function reportIdProblem(
  ctx: SheetContext,
  row: RowContext,
  col: number,
  raw: CellValue,
  label: string,
  p: IdProblem,
  like: { document: IdDocument; hasColumn: boolean } | null = null,
): void {
  const sheet = ctx.grid.name;
  switch (p.code) {
    case "id.empty":
      return;
    case "id.stored-as-number":
      ctx.out.push(finding("id.stored-as-number", sheet, row.row, col, shownId(raw), { field: label }));
      return;
    case "id.region": {
      const level =
        p.document === "外国人永久居留身份证"
          ? "foreign-province"
          : p.document === "港澳台居民居住证"
            ? "permit-region"
            : "province";
      const code = level === "permit-region" ? (p.region ?? p.province) : p.province;
      ctx.out.push(finding("id.region", sheet, row.row, col, shownId(raw), { level, code }));
      return;
    }
    case "id.checksum":
      ctx.out.push(
        finding("id.checksum", sheet, row.row, col, shownId(raw), { expected: p.expected, actual: p.actual }),
      );
      return;
    case "id.birthdate": {
      const problem = p.reason === "invalid" ? p : { ...p, text: "" };
      ctx.out.push(finding("id.birthdate", sheet, row.row, col, shownId(raw), { field: label, problem }));
      return;
    }
    case "id.format":
      ctx.out.push(
        finding("id.format", sheet, row.row, col, shownId(raw), {
          field: label,
          problem: p,
          like: like?.document ?? null,
          hasColumn: like?.hasColumn ?? false,
        }),
      );
      return;
  }
}

/** The gender and the age (for the stage) the person's valid number implies. */
export function checkGenderAndAge(ctx: SheetContext, row: RowContext, id: IdInfo): void {
  const sheet = ctx.grid.name;
  const { gender, stage } = row.record;
  if (gender && gender !== id.gender) {
    ctx.out.push(
      finding("id.gender-mismatch", sheet, row.row, colOf(ctx, "gender"), gender, { fromId: id.gender, given: gender }),
    );
  }
  // A birth date before 1900 has its own warning; an age of 126 for the stage would repeat it.
  if (stage && ctx.layout.kind === "students" && !id.bornBefore1900) {
    const age = wholeYearsBetween(id.birth, ctx.today);
    const [min, max] = AGE_BANDS[stage];
    if (age < min || age > max) {
      ctx.out.push(
        finding("id.age-stage", sheet, row.row, colOf(ctx, "idNumber"), maskId(id.value), { age, stage, min, max }),
      );
    }
  }
}
