/**
 * 一对一帮扶 (方案8 (二), 方案4, 方案5): who helps whom, how often, with what. The numbers (the
 * yearly minimum of money and visits, how many students a helper takes, who must be covered) are
 * the pairing plan's in the policy pack; this module only compares.
 */
import type { RuleEntries } from "../findings/types";
import { texts } from "../locale";

export interface PairingRuleData {
  "pair.uncovered": { student: string; school: string; plan: string; source: string };
  "pair.idle-helper": { helper: string; plan: string };
  "pair.load": { helper: string; count: number; max: number; plan: string; source: string };
  "pair.funds": {
    student: string;
    helper: string;
    amount: number;
    min: number;
    period: { zh: string; en: string };
    fromRecords: boolean;
    source: string;
  };
  "pair.visits": {
    student: string;
    helper: string;
    count: number;
    min: number;
    period: { zh: string; en: string };
    fromRecords: boolean;
    source: string;
  };
  "pair.duplicate": { student: string; helper: string; first: string; oneToOne: boolean };
  "pair.unknown": { who: "helper" | "student" | "pair"; name: string; helper: string };
  "pair.record-date": { date: string; period: { zh: string; en: string }; future: boolean };
}

/** Yuan as a ledger writes them: 1000, 312.5 (to the 分, no trailing zeros). */
const yuan = (n: number): string => String(Math.round(n * 100) / 100);

export const PAIRING_RULES: RuleEntries<PairingRuleData> = {
  "pair.uncovered": {
    severity: "error",
    source: "方案8 (二)1、(二)3",
    title: texts("学生未结对帮扶", "Student not paired"),
    message: (d) =>
      texts(
        `${d.student}${d.school ? `（${d.school}）` : ""}应纳入${d.plan}，但帮扶台账中没有帮扶人`,
        `${d.student}${d.school ? ` (${d.school})` : ""} must be covered by ${d.plan} but has no helper in the ledger`,
      ),
    hint: () =>
      texts(
        "在帮扶台账中为该生安排帮扶人（确保全覆盖）",
        "Add a helper for this student to the ledger (full coverage)",
      ),
  },
  "pair.idle-helper": {
    severity: "warning",
    source: "方案8 (二)1",
    title: texts("帮扶人未结对", "Helper with nobody"),
    message: (d) =>
      texts(`帮扶人${d.helper}在台账中没有结对的学生`, `Helper ${d.helper} is listed with no student to help`),
    hint: (d) =>
      texts(`${d.plan}要求每名帮扶人至少帮扶1名学生：补上结对学生或删去此行`, `Add the student or remove the row`),
  },
  "pair.load": {
    severity: "error",
    source: "方案4 二.6",
    title: texts("帮扶人数超过上限", "Too many students for one helper"),
    message: (d) =>
      texts(
        `${d.helper}帮扶 ${d.count} 名学生，超过${d.plan}每人最多 ${d.max} 名`,
        `${d.helper} helps ${d.count} students, more than the ${d.max} a helper may take in ${d.plan}`,
      ),
    hint: () => texts("把多出的学生分给其他帮扶人", "Give the extra students to other helpers"),
  },
  "pair.funds": {
    severity: "warning",
    source: "方案8 (二)4",
    title: texts("帮扶资金不足", "Yearly funds below the minimum"),
    message: (d) =>
      texts(
        `${d.helper}对${d.student} ${d.period.zh}资助 ${yuan(d.amount)} 元${d.fromRecords ? "（按帮扶记录合计）" : ""}，少于每年 ${yuan(d.min)} 元`,
        `${d.helper} gave ${d.student} ${yuan(d.amount)} yuan in ${d.period.en}${d.fromRecords ? " (summed from the records)" : ""}, less than the ${yuan(d.min)} a year required`,
      ),
    hint: () => texts("补足资助金额，或补录已发放的资助记录", "Pay the rest, or record the payments already made"),
  },
  "pair.visits": {
    severity: "warning",
    source: "方案8 (二)4",
    title: texts("走访次数不足", "Too few visits"),
    message: (d) =>
      texts(
        `${d.helper}对${d.student} ${d.period.zh}走访 ${d.count} 次${d.fromRecords ? "（按帮扶记录统计）" : ""}，少于每年 ${d.min} 次`,
        `${d.helper} visited ${d.student} ${d.count} times in ${d.period.en}${d.fromRecords ? " (counted from the records)" : ""}, fewer than ${d.min} a year`,
      ),
    hint: () => texts("安排走访并在民情日记中记载，或补录已有的走访记录", "Plan the visits and record them"),
  },
  "pair.duplicate": {
    severity: "error",
    source: "方案8 (二)1（一帮一或一帮多）",
    title: texts("重复结对", "Pair listed twice"),
    message: (d) =>
      d.oneToOne
        ? texts(
            `${d.student}按“一帮一”结对，却有第二名帮扶人${d.helper}（另见 ${d.first}）`,
            `${d.student} is paired one-to-one but has a second helper, ${d.helper} (see also ${d.first})`,
          )
        : texts(
            `${d.helper}与${d.student}的结对重复出现（首次在 ${d.first}）`,
            `The pair ${d.helper}–${d.student} is listed twice (first at ${d.first})`,
          ),
    hint: (d) =>
      d.oneToOne
        ? texts(
            "一帮一只能有一名帮扶人：保留一行，或把结对方式改为一帮多",
            "Keep one helper, or mark the pairing 一帮多",
          )
        : texts("删除重复的一行", "Delete the duplicate row"),
  },
  "pair.unknown": {
    severity: "warning",
    source: "资助助手",
    title: texts("记录对不上台账", "Record not in the ledger"),
    message: (d) =>
      d.who === "helper"
        ? texts(`帮扶记录中的帮扶人${d.name}不在帮扶台账中`, `The record's helper ${d.name} is not in the ledger`)
        : d.who === "student"
          ? texts(`帮扶记录中的学生${d.name}不在帮扶台账中`, `The record's student ${d.name} is not in the ledger`)
          : texts(
              `帮扶记录写的是${d.helper}帮扶${d.name}，台账中没有这一结对`,
              `The record pairs ${d.helper} with ${d.name}, which the ledger does not`,
            ),
    hint: () =>
      texts("核对姓名是否写错，或先在台账中登记该结对", "Check the names, or add the pair to the ledger first"),
  },
  "pair.record-date": {
    severity: "warning",
    source: "资助助手",
    title: texts("记录日期不对", "Record date out of range"),
    message: (d) =>
      d.future
        ? texts(`帮扶记录日期 ${d.date} 晚于今天`, `The record is dated ${d.date}, after today`)
        : texts(
            `帮扶记录日期 ${d.date} 不在台账年度 ${d.period.zh}内`,
            `The record is dated ${d.date}, outside ${d.period.en}`,
          ),
    hint: () =>
      texts("核对日期，或把记录放到对应年度的台账中", "Check the date, or file the record in its year's ledger"),
  },
};
