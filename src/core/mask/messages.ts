import { field } from "../id/messages";
import type { Locale } from "../result";
import type { MaskProblem } from "./problems";

function zh(p: MaskProblem): string {
  switch (p.code) {
    case "mask.empty":
      return "内容为空，无需脱敏";
    case "mask.unknown-kind":
      return `不认识的脱敏类型：${field(p.kind)}（可用：身份证、银行卡、电话、姓名）`;
    case "mask.undetected":
      // The value itself is not repeated: it may be personal data the user wanted hidden.
      return "无法识别内容的类型，请指定脱敏类型（身份证、银行卡、电话、姓名）";
    case "mask.stored-as-number":
      return `数字已丢失精度（Excel 只保留15位有效数字，显示为 ${field(p.shown)}），请将该列设为文本后重新录入`;
    default:
      return unknownProblem(p, "无法脱敏");
  }
}

function en(p: MaskProblem): string {
  switch (p.code) {
    case "mask.empty":
      return "The value is empty: nothing to mask";
    case "mask.unknown-kind":
      return `Unknown masking kind: ${field(p.kind)} (use id, card, phone or name)`;
    case "mask.undetected":
      return "Cannot tell what the value is; give the masking kind (id, card, phone or name)";
    case "mask.stored-as-number":
      return `The number has lost digits (Excel keeps 15 significant digits; shown as ${field(p.shown)}); format the column as Text and enter it again`;
    default:
      return unknownProblem(p, "Cannot mask the value");
  }
}

/** `never` keeps the switches exhaustive at compile time; at run time a stray value still gets text. */
function unknownProblem(_p: never, text: string): string {
  return text;
}

export function maskMessage(problem: MaskProblem, locale: Locale = "zh-CN"): string {
  if (typeof problem !== "object" || problem === null) return locale === "en-US" ? "Cannot mask the value" : "无法脱敏";
  return locale === "en-US" ? en(problem) : zh(problem);
}
