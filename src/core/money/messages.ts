import { problemMessages, texts } from "../locale";
import type { MoneyProblem } from "./parse";

/** An amount problem's message, zh-CN by default. */
export const moneyMessage = problemMessages<MoneyProblem>(
  {
    "money.empty": () => texts("金额为空", "The amount is empty"),
    "money.not-a-number": (p) =>
      texts(
        `“${p.text}”不是有效的金额（可写作 1004.50、1,004.50 或 ￥1,004.50）`,
        `"${p.text}" is not a valid amount (write it as 1004.50, 1,004.50 or ￥1,004.50)`,
      ),
    "money.too-large": (p) =>
      texts(
        `金额“${p.text}”过大：整数部分最多 16 位（不超过 9999万亿元）`,
        `The amount "${p.text}" is too large: at most 16 digits before the decimal point`,
      ),
  },
  texts("金额无效", "Invalid amount"),
);
