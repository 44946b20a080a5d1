import { field } from "../id/messages";
import type { Locale } from "../result";
import { looksLikeLandlineWithoutZero } from "./landline";
import type { PhoneProblem } from "./problems";

function zh(p: PhoneProblem): string {
  switch (p.code) {
    case "phone.empty":
      return "电话号码为空";
    case "phone.format": {
      const text = field(p.text);
      if (looksLikeLandlineWithoutZero(text)) {
        return `电话号码 ${text} 缺少区号开头的0：区号前的0可能已丢失，请将该列设为文本后重新录入`;
      }
      return `电话号码格式不正确：${text}（手机号为11位，座机为区号-号码，如 0731-5551234）`;
    }
    default:
      return unknownProblem(p, "电话号码无效");
  }
}

function en(p: PhoneProblem): string {
  switch (p.code) {
    case "phone.empty":
      return "The phone number is empty";
    case "phone.format": {
      const text = field(p.text);
      if (looksLikeLandlineWithoutZero(text)) {
        return `The phone number ${text} lacks the 0 of its area code, probably lost because it was stored as a number; format the column as Text and enter it again`;
      }
      return `Not a valid phone number: ${text} (a mobile has 11 digits, a landline is area code-number, e.g. 0731-5551234)`;
    }
    default:
      return unknownProblem(p, "Invalid phone number");
  }
}

/** `never` keeps the switches exhaustive at compile time; at run time a stray value still gets text. */
function unknownProblem(_p: never, text: string): string {
  return text;
}

export function phoneMessage(problem: PhoneProblem, locale: Locale = "zh-CN"): string {
  if (typeof problem !== "object" || problem === null)
    return locale === "en-US" ? "Invalid phone number" : "电话号码无效";
  return locale === "en-US" ? en(problem) : zh(problem);
}
