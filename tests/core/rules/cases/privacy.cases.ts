/**
 * privacy.* — the five kinds of personal data a 公示 must not show (方案7 三.2), through the
 * check's privacy scan: on a notice every hit is an error; on a roster the data belongs in its
 * own column and is a warning anywhere else (a remark, a note, a page header, a document
 * property, a hidden sheet).
 */
import { makeGrid, type CellValue } from "../../../../src/core/grid/types";
import { adult, ccb, kid, mobile, pupil, sheet, yibu } from "./fixtures";
import { finding, type RosterCase } from "./harness";

const NOTICE_TITLE = "某某镇中心学校2026年秋季学期义务教育家庭经济困难学生生活补助受助学生名单公示";

/** A notice (公示) with these columns after 序号, 姓名, 年级 (so the first extra column is D). */
const notice = (extra: Record<string, CellValue>, footer: CellValue[][] = []): CellValue[][] =>
  sheet(["序号", "姓名", "年级", ...Object.keys(extra)], [{ 姓名: "王欣怡", 年级: "四年级", ...extra }], {
    title: NOTICE_TITLE,
    footer,
  });

const remark = (text: CellValue): CellValue[][] => yibu(pupil(1, { 备注: text }));

export const privacyCases: RosterCase[] = [
  // ── on a notice: errors ───────────────────────────────────────────────────────────────────
  {
    name: "privacy.id-number: an ID column on a notice",
    verdict: "ng",
    roster: { rows: notice({ 身份证号: kid(2) }) },
    findings: [finding("privacy.id-number", "D3", "error", /^含有身份证号$/)],
  },
  {
    name: "privacy.id-number: an ID stored as a number on a notice has lost digits but is still one",
    verdict: "ng",
    roster: { rows: notice({ 身份证号: Number(kid(2).slice(0, 15)) * 1000 }) },
    findings: [finding("privacy.id-number", "D3", "error", "含有身份证号；该号码被存为数字，末几位已丢失")],
  },
  {
    name: "privacy.phone: a 联系电话 column on a notice",
    verdict: "ng",
    roster: { rows: notice({ 联系电话: mobile(12) }) },
    findings: [finding("privacy.phone", "D3", "error", /^含有电话号码$/)],
  },
  {
    name: "privacy.bank-card: a 银行卡号 column on a notice",
    verdict: "ng",
    roster: { rows: notice({ 银行卡号: ccb(77) }) },
    findings: [finding("privacy.bank-card", "D3", "error", /^含有银行卡号$/)],
  },
  {
    name: "privacy.birth-date: a 出生日期 column on a notice",
    verdict: "ng",
    roster: { rows: notice({ 出生日期: "2016-03-12" }) },
    findings: [finding("privacy.birth-date", "D3", "error", /^含有出生日期$/)],
  },
  {
    name: "privacy.address: a 家庭住址 column on a notice",
    verdict: "ng",
    roster: { rows: notice({ 家庭住址: "湖南省湘乡市某某镇某某村3组" }) },
    findings: [finding("privacy.address", "D3", "error", /^含有家庭住址$/)],
  },
  {
    name: "privacy.*: a notice of names, grades, amounts, masked IDs and the office's 监督电话",
    verdict: "ok",
    roster: {
      rows: notice({ 学校: "某某县第一中学", 身份证号: "430381********0022", 资助金额: 500 }, [
        ["监督电话：", "0731-5551234"],
        ["公示时间：2026年11月20日至11月27日"],
      ]),
    },
    absent: ["privacy.id-number", "privacy.phone", "privacy.bank-card", "privacy.birth-date", "privacy.address"],
  },
  // ── on a roster: warnings outside the data's own column ───────────────────────────────────
  {
    name: "privacy.id-number: a mother's ID in 备注",
    verdict: "ng",
    roster: { rows: remark(`母亲身份证号${adult(2)}`) },
    findings: [finding("privacy.id-number", "Q3", "warning", "含有身份证号")],
  },
  {
    name: "privacy.phone: a second phone in 备注",
    verdict: "ng",
    roster: { rows: remark("家长另一电话 13800009876") },
    findings: [finding("privacy.phone", "Q3", "warning", "含有电话号码")],
  },
  {
    name: "privacy.bank-card: a spare card in 备注",
    verdict: "ng",
    roster: { rows: remark(`备用卡号 ${ccb(88)}`) },
    findings: [finding("privacy.bank-card", "Q3", "warning", "含有银行卡号")],
  },
  {
    name: "privacy.birth-date: a birthday in 备注",
    verdict: "ng",
    roster: { rows: remark("出生日期：2016年3月12日") },
    findings: [finding("privacy.birth-date", "Q3", "warning", "含有出生日期")],
  },
  {
    name: "privacy.address: a home address in 备注",
    verdict: "ng",
    roster: { rows: remark("家住湖南省湘乡市某某镇某某村3组") },
    findings: [finding("privacy.address", "Q3", "warning", "含有家庭住址")],
  },
  {
    name: "privacy.*: a roster's IDs, phones and cards in their own columns, an address column, a school in 备注",
    verdict: "ok",
    roster: {
      rows: sheet(
        ["序号", "姓名", "身份证号", "出生日期", "学段", "家庭住址", "银行卡号", "联系电话", "备注"],
        [
          {
            姓名: "王欣怡",
            身份证号: kid(2),
            出生日期: "2016-03-12",
            学段: "小学",
            家庭住址: "湖南省湘乡市某某镇某某村3组",
            银行卡号: ccb(99),
            联系电话: mobile(3),
            备注: "转入某某县第一中学",
          },
        ],
      ),
    },
    absent: ["privacy.id-number", "privacy.phone", "privacy.bank-card", "privacy.birth-date", "privacy.address"],
  },
  // ── where else personal data hides ────────────────────────────────────────────────────────
  {
    name: "privacy.phone: in a cell note",
    verdict: "ng",
    roster: { rows: yibu(pupil(1)), grid: { notes: [{ row: 2, col: 1, text: "家长电话13800002468" }] } },
    findings: [finding("privacy.phone", "B3", "warning", "含有电话号码（在单元格批注中）")],
  },
  {
    name: "privacy.id-number: in a page header",
    verdict: "ng",
    roster: { rows: yibu(pupil(1)), grid: { headerFooter: [`&L经办人身份证号 ${adult(4)}`] } },
    findings: [finding("privacy.id-number", "", "warning", "含有身份证号（在页眉页脚中）")],
  },
  {
    name: "privacy.phone: in a document property",
    verdict: "ng",
    roster: { rows: yibu(pupil(1)), properties: { 联系电话: mobile(55) } },
    findings: [finding("privacy.phone", "", "warning", "含有电话号码（在文档属性中）（属性“联系电话”）")],
  },
  {
    name: "privacy.id-number: a hidden sheet travels with the notice",
    verdict: "ng",
    roster: {
      rows: notice({ 资助金额: 500 }),
      others: [
        makeGrid(
          "底稿",
          [
            ["姓名", "身份证号"],
            ["王欣怡", kid(2)],
          ],
          { state: "hidden" },
        ),
      ],
    },
    findings: [
      finding(
        "privacy.id-number",
        "B2",
        "error",
        "含有身份证号（在隐藏工作表中）（该工作表已隐藏，但文件发出后仍可被看到）",
      ),
    ],
  },
  {
    name: "privacy.*: a clean notice with clean properties and page footer",
    verdict: "ok",
    roster: {
      rows: notice({ 资助金额: 500 }),
      grid: { headerFooter: ["&C第 &P 页"] },
      properties: { title: "受助学生名单公示", creator: "某某镇中心学校" },
    },
    absent: ["privacy.id-number", "privacy.phone", "privacy.bank-card", "privacy.birth-date", "privacy.address"],
  },
];
