import type { Locale } from "../result";
import type { IdProblem } from "./problems";

/** The exact wording other parts (functions, pane) show for a rounded-off 18-digit number. */
export const STORED_AS_NUMBER_ZH = "身份证号被存为数字，后几位已丢失，请将该列设为文本后重新录入";

/** A field as text; a malformed problem (a bug upstream) prints "" rather than "undefined" or throwing. */
export function field(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** "19491231" → "1949-12-31", "491231" → "49-12-31"; other text unchanged. */
function dashedDate(text: string): string {
  return /^\d{6}(\d{2})?$/.test(text) ? `${text.slice(0, -4)}-${text.slice(-4, -2)}-${text.slice(-2)}` : text;
}

function zh(p: IdProblem): string {
  switch (p.code) {
    case "id.empty":
      return "身份证号为空";
    case "id.stored-as-number":
      return STORED_AS_NUMBER_ZH;
    case "id.format":
      return p.reason === "chars"
        ? `身份证号含有无效字符：${field(p.bad)}（只能是数字，第18位可以是 X）`
        : `身份证号应为18位（旧版15位），实际为${field(p.length)}位`;
    case "id.region":
      return `身份证号前两位 ${field(p.province)} 不是有效的省级行政区划代码`;
    case "id.birthdate": {
      const date = dashedDate(field(p.text));
      if (p.reason === "future") return `身份证号中的出生日期 ${date} 晚于今天`;
      if (p.reason === "too-early") return `身份证号中的出生日期 ${date} 早于1900年`;
      return `身份证号中的出生日期 ${date} 不是有效日期`;
    }
    case "id.checksum":
      return `校验码错误：第18位应为 ${field(p.expected)}，实际为 ${field(p.actual)}`;
    default:
      return unknownProblem(p, "身份证号无效");
  }
}

function en(p: IdProblem): string {
  switch (p.code) {
    case "id.empty":
      return "The ID number is empty";
    case "id.stored-as-number":
      return `The ID number was stored as a number, so its last digits are lost (shown as ${field(p.shown)}); format the column as Text and enter it again`;
    case "id.format":
      return p.reason === "chars"
        ? `The ID number contains invalid characters: ${field(p.bad)} (only digits, with X allowed as the 18th)`
        : `The ID number must have 18 characters (15 for the old form), not ${field(p.length)}`;
    case "id.region":
      return `The first two digits of the ID number, ${field(p.province)}, are not a valid province code`;
    case "id.birthdate": {
      const date = dashedDate(field(p.text));
      if (p.reason === "future") return `The birth date in the ID number, ${date}, is after today`;
      if (p.reason === "too-early") return `The birth date in the ID number, ${date}, is before 1900`;
      return `The birth date in the ID number, ${date}, is not a real date`;
    }
    case "id.checksum":
      return `Wrong check digit: the 18th character should be ${field(p.expected)}, not ${field(p.actual)}`;
    default:
      return unknownProblem(p, "Invalid ID number");
  }
}

/** `never` keeps the switches exhaustive at compile time; at run time a stray value still gets text. */
function unknownProblem(_p: never, text: string): string {
  return text;
}

/** The message for an id problem, zh-CN by default. */
export function idMessage(problem: IdProblem, locale: Locale = "zh-CN"): string {
  // Callers in shells may pass anything; only a problem-shaped object reaches the switches.
  if (typeof problem !== "object" || problem === null) return locale === "en-US" ? "Invalid ID number" : "身份证号无效";
  return locale === "en-US" ? en(problem) : zh(problem);
}
