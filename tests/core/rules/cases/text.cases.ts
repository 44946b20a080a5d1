/**
 * text.* — hygiene of the cells where it does harm: spaces and invisible characters in names
 * and identifiers, full-width digits and letters in identifiers and amounts.
 */
import { fullWidth, kid, pupil, yibu } from "./fixtures";
import { finding, type RosterCase } from "./harness";

const id = kid(2);

export const textCases: RosterCase[] = [
  {
    name: "text.whitespace: a trailing space after a name",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 姓名: "王欣怡 ", 持卡人: "王欣怡" })) },
    findings: [finding("text.whitespace", "B3", "warning", "姓名含有多余的空格或不可见字符")],
  },
  {
    name: "text.whitespace: a space inside an ID number, a zero-width space in a guardian's name",
    verdict: "ng",
    roster: {
      rows: yibu(
        pupil(1, { 身份证号: `${id.slice(0, 6)} ${id.slice(6)}`, 学籍号: `G${id}`, 监护人姓名: "王建\u200b国" }),
      ),
    },
    findings: [
      finding("text.whitespace", "D3", "warning", "身份证号含有多余的空格或不可见字符"),
      finding("text.whitespace", "L3", "warning", "监护人姓名含有多余的空格或不可见字符"),
    ],
  },
  {
    name: "text.whitespace: one space inside a two-part name is a name",
    verdict: "ok",
    roster: { rows: yibu(pupil(1, { 姓名: "阿依 古丽", 持卡人: "阿依 古丽" })) },
    absent: ["text.whitespace"],
  },
  {
    name: "text.fullwidth: full-width digits in an ID number and in an amount",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 身份证号: fullWidth(id), 学籍号: `G${id}`, "补助金额（元）": "５００" })) },
    findings: [
      finding("text.fullwidth", "D3", "warning", "身份证号含有全角数字或字母"),
      finding("text.fullwidth", "K3", "warning", "金额含有全角数字或字母"),
    ],
    absent: ["id.format", "amount.text"],
  },
  {
    name: "text.fullwidth: full-width letters in a name are left alone",
    verdict: "ok",
    roster: { rows: yibu(pupil(1, { 姓名: "ＡＮＮＡ", 持卡人: "ＡＮＮＡ" })) },
    absent: ["text.fullwidth"],
  },
];
