import { inLocaleOf, problemTexts, texts } from "../locale";
import { MAX_CARD_LENGTH, MIN_CARD_LENGTH, type CardProblem } from "./card";

/** A card problem's texts (zh-CN and en-US). */
export const cardTexts = problemTexts<CardProblem>(
  {
    "bank.empty": () => texts("银行卡号为空", "The bank card number is empty"),
    "bank.stored-as-number": () =>
      texts(
        "银行卡号被存为数字，后几位已丢失，请将该列设为文本后重新录入",
        "The bank card number was stored as a number and its last digits are lost; format the column as text and enter it again",
      ),
    "bank.format": (p) =>
      p.reason === "chars"
        ? texts(
            `银行卡号只能包含数字（可含空格或横线），含有无效字符“${p.bad}”`,
            `A bank card number may contain only digits (spaces and dashes allowed); found "${p.bad}"`,
          )
        : texts(
            `银行卡号应为 ${MIN_CARD_LENGTH}–${MAX_CARD_LENGTH} 位数字，实际为 ${p.length} 位`,
            `A bank card number has ${MIN_CARD_LENGTH}–${MAX_CARD_LENGTH} digits, not ${p.length}`,
          ),
  },
  texts("银行卡号无效", "Invalid bank card number"),
);

/** A card problem's message, zh-CN by default. */
export const cardMessage = inLocaleOf(cardTexts);
