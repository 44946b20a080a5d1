/**
 * Amounts (K, 补助金额（元）): against the program's standard (exact, at least, 就高不就低), typed
 * as text, and 合计 / 小计 rows against the rows they sum.
 */
import type { CellValue } from "../../../../src/core/grid/types";
import { kid, pupil, sheet, yibu, YIBU } from "./fixtures";
import { finding, type RosterCase } from "./harness";

const GAOZHONG = ["序号", "姓名", "身份证号", "学段", "困难程度", "档次", "资助项目", "资助金额"];
const senior = (level: string, tier: string, amount: number) => ({
  姓名: "张浩然",
  身份证号: kid(1, 2009),
  学段: "普通高中",
  困难程度: level,
  档次: tier,
  资助项目: "普高助学金",
  资助金额: amount,
});
const BANGLIAN = ["序号", "姓名", "身份证号", "困难类型", "资助项目", "资助金额"];
const helped = (amount: number) => ({
  姓名: "赵思彤",
  身份证号: kid(2, 2012),
  困难类型: "建档立卡",
  资助项目: "干部帮联",
  资助金额: amount,
});

/** A 合计 row (A) with `total` in the amount column (K). */
const totalRow = (label: string, total: CellValue): CellValue[] =>
  YIBU.map((h, i) => (i === 0 ? label : h === "补助金额（元）" ? total : null));

export const amountCases: RosterCase[] = [
  {
    name: "policy.amount-mismatch: a 小学 boarder paid the 初中 standard",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { "补助金额（元）": 625 })) },
    findings: [
      finding(
        "policy.amount-mismatch",
        "K3",
        "error",
        "金额 625 元与义务教育家庭经济困难学生生活补助（一补）标准 500 元（每学期）不符",
      ),
    ],
  },
  {
    name: "policy.amount-mismatch: 帮联 below its 'at least 1000 a school year'",
    verdict: "ng",
    roster: { rows: sheet(BANGLIAN, [helped(800)], { title: "县乡干部帮联贫困家庭学生资助花名册" }) },
    findings: [
      finding(
        "policy.amount-mismatch",
        "F3",
        "error",
        "金额 800 元与县乡干部帮联贫困家庭学生标准不少于 1000 元（每学年）不符",
      ),
    ],
  },
  {
    name: "policy.amount-mismatch: each standard of the 一补 table (312.5 for a 初中 day pupil), and 帮联 above 1000",
    verdict: "ok",
    roster: {
      rows: yibu(
        pupil(1),
        pupil(2, { 是否寄宿: "否", "补助金额（元）": 250 }),
        pupil(3, { 学段: "初中", 身份证号: kid(6, 2012), 学籍号: null, "补助金额（元）": 625 }),
        pupil(4, { 学段: "初中", 身份证号: kid(8, 2012), 学籍号: null, 是否寄宿: "否", "补助金额（元）": 312.5 }),
      ),
    },
    absent: ["policy.amount-mismatch", "policy.higher-standard"],
  },
  {
    name: "policy.amount-mismatch: 帮联 paid more than the minimum",
    verdict: "ok",
    roster: { rows: sheet(BANGLIAN, [helped(1500)], { title: "县乡干部帮联贫困家庭学生资助花名册" }) },
    absent: ["policy.amount-mismatch"],
  },
  {
    name: "policy.higher-standard: 特别困难 paid the 三档 amount (就高不就低)",
    verdict: "ng",
    roster: { rows: sheet(GAOZHONG, [senior("特别困难", "三档", 1000)], { title: "普通高中国家助学金花名册" }) },
    findings: [
      finding("policy.higher-standard", "H3", "error", "此人符合多个标准，应就高按 4000 元发放，现为 1000 元"),
    ],
    absent: ["policy.amount-mismatch"],
  },
  {
    name: "policy.higher-standard: 特别困难 paid the 一档 amount",
    verdict: "ok",
    roster: { rows: sheet(GAOZHONG, [senior("特别困难", "一档", 4000)], { title: "普通高中国家助学金花名册" }) },
    absent: ["policy.higher-standard", "policy.amount-mismatch"],
  },
  {
    name: "amount.text: 500 typed as text",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { "补助金额（元）": "500" })) },
    findings: [finding("amount.text", "K3", "warning", "金额是文本而不是数字，合计公式（SUM、SUMIFS）不会计入")],
  },
  {
    name: "amount.text: a number, and full-width digits (reported as text.fullwidth instead)",
    verdict: "ok",
    roster: { rows: yibu(pupil(1), pupil(2, { "补助金额（元）": "５００" })) },
    absent: ["amount.text"],
  },
  {
    name: "total.mismatch: a 合计 typed by hand, 100 off",
    verdict: "ng",
    roster: { rows: sheet(YIBU, [pupil(1), pupil(2)], { footer: [totalRow("合计", 1100)] }) },
    findings: [finding("total.mismatch", "K5", "error", "合计 1100 元，但 2 行明细之和为 1000 元")],
  },
  {
    name: "total.mismatch: a 小计 is compared with its own group only",
    verdict: "ng",
    roster: {
      rows: [
        ...sheet(YIBU, [pupil(1)], { footer: [totalRow("小计", 500)] }),
        ...sheet(YIBU, [pupil(2, { 是否寄宿: "否", "补助金额（元）": 250 })], {
          title: null,
          footer: [totalRow("小计", 300)],
        }).slice(1),
        totalRow("合计", 750),
      ],
    },
    findings: [finding("total.mismatch", "K6", "error", "合计 300 元，但 1 行明细之和为 250 元")],
  },
  {
    name: "total.mismatch: 小计 per group and the 合计 of all agree",
    verdict: "ok",
    roster: {
      rows: [
        ...sheet(YIBU, [pupil(1)], { footer: [totalRow("小计", 500)] }),
        ...sheet(YIBU, [pupil(2, { 是否寄宿: "否", "补助金额（元）": 250 })], {
          title: null,
          footer: [totalRow("小计", 250)],
        }).slice(1),
        totalRow("合 计", 750),
      ],
    },
    absent: ["total.mismatch"],
  },
];
