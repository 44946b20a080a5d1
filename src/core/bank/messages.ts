import type { Locale } from "../result";
import { MAX_CARD_LENGTH, MIN_CARD_LENGTH, type CardProblem } from "./card";

export function cardMessage(problem: CardProblem, locale: Locale = "zh-CN"): string {
  const zh = locale === "zh-CN";
  switch (problem.code) {
    case "bank.empty":
      return zh ? "银行卡号为空" : "The bank card number is empty";
    case "bank.stored-as-number":
      return zh
        ? "银行卡号被存为数字，后几位已丢失，请将该列设为文本后重新录入"
        : "The bank card number was stored as a number and its last digits are lost; format the column as text and enter it again";
    case "bank.format":
      if (problem.reason === "chars") {
        return zh
          ? `银行卡号只能包含数字（可含空格或横线），含有无效字符“${problem.bad}”`
          : `A bank card number may contain only digits (spaces and dashes allowed); found "${problem.bad}"`;
      }
      return zh
        ? `银行卡号应为 ${MIN_CARD_LENGTH}–${MAX_CARD_LENGTH} 位数字，实际为 ${problem.length} 位`
        : `A bank card number has ${MIN_CARD_LENGTH}–${MAX_CARD_LENGTH} digits, not ${problem.length}`;
  }
}
