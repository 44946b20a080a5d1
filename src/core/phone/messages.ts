import { field } from "../id/messages";
import { inLocaleOf, problemTexts, texts } from "../locale";
import type { PhoneProblem } from "./problems";

/** A phone problem's texts (zh-CN and en-US). */
export const phoneTexts = problemTexts<PhoneProblem>(
  {
    "phone.empty": () => texts("电话号码为空", "The phone number is empty"),
    "phone.format": (p) => {
      const text = field(p.text);
      return p.lostZero
        ? texts(
            `电话号码 ${text} 缺少区号开头的0：区号前的0可能已丢失，请将该列设为文本后重新录入`,
            `The phone number ${text} lacks the 0 of its area code, probably lost because it was stored as a number; format the column as Text and enter it again`,
          )
        : texts(
            `电话号码格式不正确：${text}（手机号为11位，座机为区号-号码，如 0731-5551234）`,
            `Not a valid phone number: ${text} (a mobile has 11 digits, a landline is area code-number, e.g. 0731-5551234)`,
          );
    },
  },
  texts("电话号码无效", "Invalid phone number"),
);

/** A phone problem's message, zh-CN by default. */
export const phoneMessage = inLocaleOf(phoneTexts);
