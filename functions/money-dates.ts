/**
 * ZIZHU functions for amounts in Chinese capitals and mainland working days (holidays and 调休
 * make-up days from the offline schedule). Dates in and out are Excel serials.
 */
import {
  rmbUppercase,
  moneyMessage,
  addWorkdays,
  countWorkdays,
  noticeEnd,
  calendarMessage,
  type CalendarProblem,
  serialFromCivil,
  isEmptyCell,
} from "../src/core";
import { guard, isBlankArg, valueOr } from "./excel";
import { functionsContext } from "./context";
import { dateArg, integerArg } from "./args";

const describeCalendar = (p: CalendarProblem): string => calendarMessage(p);

/**
 * 人民币金额大写（《支付结算办法》附件一、《会计基础工作规范》）：到元写“元整”，按小数值四舍五入到分，如 1004.5 → 壹仟零肆元伍角。可接受“1,004.50”“￥100”等文本。
 * @customfunction RMB
 * @param amount 金额（元）
 * @param [jiaoZheng] TRUE 时到角为止也写“整”（如 伍角整）；默认不写
 * @returns 大写金额
 */
export function rmb(amount: unknown, jiaoZheng?: unknown): string {
  return guard(() => {
    if (isEmptyCell(amount)) return "";
    return valueOr(rmbUppercase(amount, { jiaoZheng: jiaoZheng === true }), moneyMessage);
  });
}

/**
 * 与 Excel 的 WORKDAY 相同（起始日不计入），但按国务院公布的法定节假日和调休上班日计算。尚未公布放假安排的年份返回错误，绝不按只看周末的规则猜。
 * @customfunction WORKDAY
 * @param start 起始日期
 * @param days 工作日天数（可为负数，向前推）
 * @returns 日期
 */
export function workday(start: unknown, days: unknown): number | string {
  return guard(() => {
    if (isBlankArg(start)) return "";
    const end = valueOr(
      addWorkdays(dateArg(start, "起始日期"), integerArg(days, "天数"), functionsContext().calendar),
      describeCalendar,
    );
    return serialFromCivil(end);
  });
}

/**
 * 两个日期之间（含首尾）的工作日天数，按法定节假日和调休计算。
 * @customfunction NETWORKDAYS
 * @param start 开始日期
 * @param end 结束日期
 * @returns 工作日天数
 */
export function networkdays(start: unknown, end: unknown): number | string {
  return guard(() => {
    if (isBlankArg(start) || isBlankArg(end)) return "";
    return valueOr(
      countWorkdays(dateArg(start, "开始日期"), dateArg(end, "结束日期"), functionsContext().calendar),
      describeCalendar,
    );
  });
}

/**
 * 公示期的最后一天：从 start 开始公示 days 个工作日（起始日是工作日时计入），默认 5 个工作日（方案7：公示不少于5个工作日）。
 * @customfunction NOTICE_END
 * @param start 公示开始日期
 * @param [days] 公示工作日天数，默认 5
 * @returns 公示截止日期
 */
export function noticeEndDate(start: unknown, days?: unknown): number | string {
  return guard(() => {
    if (isBlankArg(start)) return "";
    const n = isBlankArg(days) ? 5 : integerArg(days, "公示天数");
    return serialFromCivil(
      valueOr(noticeEnd(dateArg(start, "公示开始日期"), n, functionsContext().calendar), describeCalendar),
    );
  });
}
