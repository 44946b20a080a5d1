/**
 * The sheet as a whole and its fields: finding the roster (roster.header-missing), hidden rows,
 * required and unreadable values, columns a program needs, the same person twice (dup.id).
 */
import { makeGrid } from "../../../../src/core/grid/types";
import { checkDigit } from "../../../../src/core/id";
import { kid, pupil, sheet, typo, yibu, YIBU } from "./fixtures";
import { finding, type RosterCase } from "./harness";

const YIBU_NAME = "义务教育家庭经济困难学生生活补助（一补）";
const NO_BOARDING = YIBU.filter((h) => h !== "是否寄宿");

export const sheetCases: RosterCase[] = [
  {
    name: "roster.header-missing: three rows of text and no header",
    verdict: "ng",
    roster: { rows: [["关于做好2026年秋季学期资助工作的通知"], ["各学校："], ["请于11月30日前报送花名册。"]] },
    findings: [finding("roster.header-missing", "", "error", "前 3 行中找不到花名册表头")],
  },
  {
    name: "roster.header-missing: --sheet names a sheet the workbook does not have",
    verdict: "ng",
    roster: { rows: yibu(pupil(1)) },
    options: { sheet: "一补花名册" },
    findings: [finding("roster.header-missing", "", "error", "前 0 行中找不到花名册表头")],
  },
  {
    name: "roster.header-missing: the header under a title and a 填报单位 row",
    verdict: "ok",
    roster: {
      rows: [
        ["某某县某某镇中心学校2026年秋季学期一补花名册"],
        ["填报单位：某某镇中心学校（盖章）"],
        ...yibu(pupil(1)).slice(1),
      ],
    },
    absent: ["roster.header-missing"],
  },
  {
    name: "roster.header-missing: the roster is on the second sheet",
    verdict: "ok",
    roster: {
      rows: [["填表说明"], ["第二张表为花名册，请勿改动表头。"]],
      sheet: "说明",
      others: [makeGrid("一补花名册", yibu(pupil(1)))],
    },
    absent: ["roster.header-missing"],
  },
  {
    name: "roster.hidden-row: a hidden person is still submitted",
    verdict: "ng",
    roster: { rows: yibu(pupil(1), pupil(2), pupil(3)), grid: { hiddenRows: new Set([3]) } },
    findings: [finding("roster.hidden-row", "", "warning", "这一行被隐藏了，但仍会随文件报送并被计入", 4)],
  },
  {
    name: "roster.hidden-row: a hidden title row is no person",
    verdict: "ok",
    roster: { rows: yibu(pupil(1), pupil(2)), grid: { hiddenRows: new Set([0]) } },
    absent: ["roster.hidden-row"],
  },
  {
    name: "field.required: an empty 姓名 and an empty 身份证号",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 姓名: null }), pupil(2, { 身份证号: "  ", 学籍号: null })) },
    findings: [
      finding("field.required", "B3", "error", "姓名为空"),
      finding("field.required", "D4", "error", "身份证号为空"),
    ],
  },
  {
    name: "field.required: an empty 资助项目 cell and an empty amount of someone who qualifies",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 资助项目: null }), pupil(2, { "补助金额（元）": null })) },
    findings: [
      finding("field.required", "J3", "error", "资助项目为空"),
      finding("field.required", "K4", "error", "金额为空"),
    ],
  },
  {
    name: "field.required: an empty cell the program's standard needs (是否寄宿)",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 是否寄宿: null })) },
    findings: [finding("field.required", "G3", "error", "是否寄宿为空")],
  },
  {
    name: "field.required: every needed cell filled",
    verdict: "ok",
    roster: { rows: yibu(pupil(1), pupil(2)) },
    absent: ["field.required"],
  },
  {
    name: "field.required: a notice needs only 姓名 (an empty 身份证号 is no matter there)",
    verdict: "ok",
    roster: {
      rows: sheet(
        ["序号", "姓名", "年级", "身份证号", "资助金额"],
        [{ 姓名: "王欣怡", 年级: "四年级", 资助金额: 500 }],
        {
          title: "某某镇中心学校2026年秋季学期受助学生名单公示",
        },
      ),
    },
    absent: ["field.required"],
  },
  {
    name: "field.column-missing: 一补 without a 是否寄宿 column (once for the sheet)",
    verdict: "ng",
    roster: { rows: sheet(NO_BOARDING, [pupil(1), pupil(2)]) },
    findings: [finding("field.column-missing", "", "info", `花名册没有“是否寄宿”列，无法按${YIBU_NAME}的条件逐人核对`)],
  },
  {
    name: "field.column-missing: every column 一补 needs",
    verdict: "ok",
    roster: { rows: yibu(pupil(1)) },
    absent: ["field.column-missing"],
  },
  {
    name: "field.unreadable: 是否寄宿 半寄宿",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 是否寄宿: "半寄宿" })) },
    findings: [finding("field.unreadable", "G3", "warning", "是否寄宿的值“半寄宿”无法识别")],
    absent: ["field.required"],
  },
  {
    name: "field.unreadable: an unreadable birth date is shown with its digits masked",
    verdict: "ng",
    roster: {
      rows: sheet(
        ["序号", "姓名", "出生日期", "身份证号", "学段"],
        [{ 姓名: "王欣怡", 出生日期: "2016年13月", 身份证号: kid(2), 学段: "小学" }],
      ),
    },
    findings: [finding("field.unreadable", "C3", "warning", "出生日期的值“****年**月”无法识别")],
  },
  {
    name: "field.unreadable: 是/否, 寄宿/走读 and 1/0 are read",
    verdict: "ok",
    roster: {
      rows: yibu(
        pupil(1, { 是否寄宿: "寄宿" }),
        pupil(2, { 是否寄宿: "走读", "补助金额（元）": 250 }),
        pupil(3, { 是否寄宿: "否", "补助金额（元）": 250 }),
      ),
    },
    absent: ["field.unreadable"],
  },
  {
    name: "dup.id: the same child twice in 一补",
    verdict: "ng",
    roster: { rows: yibu(pupil(1), pupil(2), pupil(1)) },
    findings: [finding("dup.id", "D5", "error", `同一身份证号在${YIBU_NAME}中重复出现（首次在 D3）`)],
  },
  {
    name: "dup.id: the same mistyped ID twice (compared as typed)",
    verdict: "ng",
    roster: {
      rows: yibu(
        pupil(1, { 身份证号: typo(kid(2)), 学籍号: null }),
        pupil(1, { 身份证号: typo(kid(2)), 学籍号: null }),
      ),
    },
    findings: [finding("dup.id", "D4", "error", "首次在 D3")],
  },
  {
    name: "dup.id: a 15-digit and an 18-digit number of the same person (compared in 18-digit form)",
    verdict: "ng",
    roster: {
      rows: sheet(
        ["序号", "姓名", "身份证号", "人员状态", "资助项目"],
        [
          { 姓名: "李建国", 身份证号: "430321820618003", 人员状态: "在职", 资助项目: "乡村教师补助" },
          { 姓名: "李建国", 身份证号: upgrade("430321820618003"), 人员状态: "在职", 资助项目: "乡村教师补助" },
        ],
        { title: "某某县2026年乡村教师生活补助花名册" },
      ),
    },
    findings: [finding("dup.id", "C4", "error", "同一身份证号在乡村教师生活补助中重复出现（首次在 C3）")],
  },
  {
    name: "dup.id: the same child in two programs is no duplicate",
    verdict: "ok",
    roster: { rows: yibu(pupil(1), pupil(1, { 资助项目: "营养餐", "补助金额（元）": null })) },
    absent: ["dup.id"],
  },
];

/** The 18-digit form of a 15-digit number: 19 inserted before the year, a check digit appended. */
function upgrade(id15: string): string {
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + checkDigit(body);
}
