/**
 * bank.* — the card number (O, 银行卡号): its format, Luhn digit, a number Excel has rounded,
 * the issuer a program's payment requires (by the card's BIN and by 开户行, N), and the holder
 * (M, 持卡人) against the student and the guardian.
 */
import { badLuhn, ccb, icbc, pupil, yibu } from "./fixtures";
import { finding, type RosterCase } from "./harness";

const card = ccb(4242);

export const bankCases: RosterCase[] = [
  {
    name: "bank.format: 15 digits",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 银行卡号: card.slice(0, 15) })) },
    findings: [finding("bank.format", "O3", "error", "银行卡号应为 16–19 位数字，实际为 15 位")],
  },
  {
    name: "bank.format: a letter O typed for a zero",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 银行卡号: `${card.slice(0, 8)}O${card.slice(9)}` })) },
    findings: [finding("bank.format", "O3", "error", "银行卡号只能包含数字（可含空格或横线），含有无效字符“O”")],
  },
  {
    name: "bank.format: groups of four with spaces or dashes, and full-width digits, are a card",
    verdict: "ok",
    roster: {
      rows: yibu(
        pupil(1, { 银行卡号: card.replace(/(\d{4})(?=\d)/g, "$1 ") }),
        pupil(2, { 银行卡号: card.replace(/(\d{4})(?=\d)/g, "$1-") }),
        pupil(3, { 银行卡号: card.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) }),
      ),
    },
    absent: ["bank.format", "bank.luhn", "bank.stored-as-number"],
  },
  {
    name: "bank.luhn: one digit off (a warning: a few real cards fail it too)",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 银行卡号: badLuhn(card) })) },
    findings: [finding("bank.luhn", "O3", "warning", "银行卡号未通过 Luhn 校验，可能录错")],
  },
  {
    name: "bank.luhn: a Luhn-valid 建行 card",
    verdict: "ok",
    roster: { rows: yibu(pupil(1, { 银行卡号: card })) },
    absent: ["bank.luhn"],
  },
  {
    name: "bank.stored-as-number: a 19-digit card in a General cell",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 银行卡号: Number(card) })) },
    findings: [
      finding(
        "bank.stored-as-number",
        "O3",
        "error",
        "银行卡号被存为数字，后几位已丢失（Excel 只保留 15 位有效数字），无法修复",
      ),
    ],
    absent: ["bank.format", "bank.luhn"],
  },
  {
    name: "bank.stored-as-number: the exponent text of a CSV export",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 银行卡号: "6.217E+18" })) },
    findings: [finding("bank.stored-as-number", "O3", "error", "银行卡号被存为数字")],
  },
  {
    name: "bank.stored-as-number: a card as text",
    verdict: "ok",
    roster: { rows: yibu(pupil(1, { 银行卡号: card })) },
    absent: ["bank.stored-as-number"],
  },
  {
    name: "bank.issuer: 一补 is paid to 建行 cards; this is a 工商银行 card",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 银行卡号: icbc(4242) })) },
    findings: [finding("bank.issuer", "O3", "error", "要求中国建设银行的卡，此卡为中国工商银行")],
  },
  {
    name: "bank.issuer: a 建行 card, but 开户行 says 农业银行",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 开户行: "中国农业银行湘乡支行" })) },
    findings: [finding("bank.issuer", "N3", "error", "要求中国建设银行的卡，此卡为中国农业银行湘乡支行")],
  },
  {
    name: "bank.issuer: 建行 for 一补 (开户行 as 建行), any bank for 营养餐 (no payment rule)",
    verdict: "ok",
    roster: {
      rows: yibu(
        pupil(1, { 开户行: "建行湘乡支行" }),
        pupil(2, { 资助项目: "营养餐", 银行卡号: icbc(4343), 开户行: "工商银行", "补助金额（元）": null }),
      ),
    },
    absent: ["bank.issuer"],
  },
  {
    name: "bank.holder-mismatch: the holder is neither the student nor the guardian (names masked)",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 持卡人: "李秀英" })) },
    findings: [finding("bank.holder-mismatch", "M3", "error", /^持卡人“李\*+”既不是本人“王\*+”，也不是监护人“王\*+”$/)],
  },
  {
    name: "bank.holder-mismatch: no guardian given",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 持卡人: "李秀英", 监护人姓名: null })) },
    findings: [finding("bank.holder-mismatch", "M3", "error", "也不是监护人“（未填）”")],
  },
  {
    name: "bank.holder-mismatch: the card is the student's own, or the guardian's",
    verdict: "ok",
    roster: { rows: yibu(pupil(1, { 持卡人: "王欣怡" }), pupil(2)) },
    absent: ["bank.holder-mismatch"],
  },
];
