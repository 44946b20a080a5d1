/** 人民币 amounts: parsing cell values exactly (in 分) and writing them in uppercase (大写). */
export type { MoneyProblem, Amount } from "./parse";
export { parseAmount } from "./parse";
export { rmbUppercase } from "./uppercase";
export { moneyMessage } from "./messages";
