import type { Locale } from "../result";
import type { MoneyProblem } from "./parse";

export function moneyMessage(problem: MoneyProblem, locale: Locale = "zh-CN"): string {
  const zh = locale === "zh-CN";
  switch (problem.code) {
    case "money.empty":
      return zh ? "金额为空" : "The amount is empty";
    case "money.not-a-number":
      return zh
        ? `“${problem.text}”不是有效的金额（可写作 1004.50、1,004.50 或 ￥1,004.50）`
        : `"${problem.text}" is not a valid amount (write it as 1004.50, 1,004.50 or ￥1,004.50)`;
    case "money.too-large":
      return zh
        ? `金额“${problem.text}”过大：整数部分最多 16 位（不超过 9999万亿元）`
        : `The amount "${problem.text}" is too large: at most 16 digits before the decimal point`;
  }
}
