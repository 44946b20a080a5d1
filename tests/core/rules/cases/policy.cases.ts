/**
 * policy.* of a row and of the sheet's program: which program a sheet is checked as (its
 * 资助项目 column, --program, or its title), who qualifies, proof for 自采集 students, aid
 * received before, and 帮联 visits.
 */
import { adult, kid, pupil, sheet, yibu, YIBU } from "./fixtures";
import { finding, type RosterCase } from "./harness";

/** The 一补 columns without 资助项目. */
const NO_PROGRAM = YIBU.filter((h) => h !== "资助项目");
const YIBU_NAME = "义务教育家庭经济困难学生生活补助（一补）";

const TEACHERS = ["序号", "姓名", "身份证号", "致困原因", "负债金额", "上次省级资助年份", "本年度已获救助", "资助项目"];
const teacher = (seq: number, overrides: Record<string, string | number | null> = {}) => ({
  姓名: `教师${seq}`,
  身份证号: adult(seq),
  致困原因: "患病",
  负债金额: 60000,
  上次省级资助年份: null,
  本年度已获救助: "否",
  资助项目: "爱烛行动",
  ...overrides,
});
const TEACHER_TITLE = "某某县2026年特困教师救助对象推荐名单";

const BANGLIAN = ["序号", "姓名", "身份证号", "困难类型", "走访次数", "资助项目", "资助金额"];

export const policyCases: RosterCase[] = [
  // ── which program ─────────────────────────────────────────────────────────────────────────
  {
    name: "policy.no-program: no 资助项目 column, no --program, a title that names none",
    verdict: "ng",
    roster: { rows: sheet(NO_PROGRAM, [pupil(1)], { title: "某某镇中心学校学生名单" }), sheet: "Sheet1" },
    findings: [finding("policy.no-program", "", "info", "没有“资助项目”列，也未指定项目，跳过资格、金额和名额核对")],
    absent: ["policy.program-inferred"],
  },
  {
    name: "policy.no-program: a 资助项目 column, --program, or a title naming the program",
    verdict: "ok",
    roster: { rows: sheet(NO_PROGRAM, [pupil(1)], { title: "某某镇中心学校学生名单" }) },
    options: { program: "一补" },
    absent: ["policy.no-program", "policy.program-inferred"],
  },
  {
    name: "policy.no-program: a notice needs no program",
    verdict: "ok",
    roster: {
      rows: sheet(["序号", "姓名", "学段", "年级"], [{ 姓名: "王欣怡", 学段: "小学", 年级: "四年级" }], {
        title: "某某镇中心学校2026年秋季学期受助学生名单公示",
      }),
    },
    absent: ["policy.no-program", "policy.program-inferred"],
  },
  {
    name: "policy.program-inferred: no 资助项目 column, the title names 一补",
    verdict: "ng",
    roster: { rows: sheet(NO_PROGRAM, [pupil(1)], { title: "某某镇中心学校2026年秋季学期一补花名册" }) },
    findings: [
      finding(
        "policy.program-inferred",
        "",
        "info",
        `没有“资助项目”列，按标题“某某镇中心学校2026年秋季学期一补花名册”按${YIBU_NAME}核对`,
      ),
    ],
    absent: ["policy.no-program"],
  },
  {
    name: "policy.program-inferred: from the sheet's name when there is no title row",
    verdict: "ng",
    roster: { rows: sheet(NO_PROGRAM, [pupil(1)], { title: null }), sheet: "营养餐" },
    findings: [finding("policy.program-inferred", "", "info", "按标题“营养餐”按农村义务教育学生营养改善计划核对")],
  },
  {
    name: "policy.program-inferred: the rows' 资助项目 column wins over the title",
    verdict: "ok",
    roster: { rows: sheet(YIBU, [pupil(1)], { title: "某某镇中心学校2026年秋季学期一补花名册" }) },
    absent: ["policy.program-inferred", "policy.no-program"],
  },
  {
    name: "policy.program-inferred: --program wins over the title",
    verdict: "ok",
    roster: { rows: sheet(NO_PROGRAM, [pupil(1)], { title: "某某镇中心学校2026年秋季学期营养餐花名册" }) },
    options: { program: "yibu" },
    absent: ["policy.program-inferred", "policy.unknown-program"],
  },
  {
    name: "policy.unknown-program: --program names no program of the pack",
    verdict: "ng",
    roster: { rows: sheet(NO_PROGRAM, [pupil(1)]) },
    options: { program: "火星补助" },
    findings: [finding("policy.unknown-program", "", "error", "政策包中没有资助项目“火星补助”")],
  },
  {
    name: "policy.unknown-program: a 资助项目 cell nobody knows, reported once per value",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 资助项目: "火星补助" }), pupil(2, { 资助项目: "火星补助" })) },
    findings: [finding("policy.unknown-program", "J3", "error", "政策包中没有资助项目“火星补助”")],
  },
  {
    name: "policy.unknown-program: a program's name, alias or code",
    verdict: "ok",
    roster: {
      rows: yibu(pupil(1, { 资助项目: YIBU_NAME }), pupil(2, { 资助项目: "生活补助" }), pupil(3, { 资助项目: "yibu" })),
    },
    absent: ["policy.unknown-program"],
  },
  // ── who qualifies ─────────────────────────────────────────────────────────────────────────
  {
    name: "policy.ineligible: a 普通高中 student in 一补",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 学段: "普通高中", 身份证号: kid(2, 2010), 学籍号: null })) },
    findings: [
      finding(
        "policy.ineligible",
        "F3",
        "error",
        `不符合${YIBU_NAME}的条件：“一补”只面向义务教育阶段（小学、初中）学生（方案7 二.1）`,
      ),
    ],
  },
  {
    name: "policy.ineligible: 非困难",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 困难类型: "非困难" })) },
    findings: [finding("policy.ineligible", "H3", "error", "受资助学生必须是在校在籍家庭经济困难学生（方案7 二.2）")],
  },
  {
    name: "policy.ineligible: 小学 and 初中 students in need",
    verdict: "ok",
    roster: {
      rows: yibu(pupil(1), pupil(2, { 学段: "初中", 身份证号: kid(4, 2012), 学籍号: null, "补助金额（元）": 625 })),
    },
    absent: ["policy.ineligible"],
  },
  {
    name: "policy.needs-proof: 自采集 (系统比对 否) and no 证明材料 column",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 系统比对: "否" })) },
    findings: [
      finding("policy.needs-proof", "I3", "error", "未通过系统比对（自采集），需要：申请表（附件1）、有效证明材料"),
    ],
  },
  {
    name: "policy.needs-proof: 自采集 with 证明材料 无",
    verdict: "ng",
    roster: {
      rows: sheet([...YIBU, "证明材料"], [pupil(1, { 系统比对: "否", 证明材料: "无" })]),
    },
    findings: [finding("policy.needs-proof", "R3", "error", "未通过系统比对（自采集）")],
  },
  {
    name: "policy.needs-proof: verified by the system, or 自采集 with its proof",
    verdict: "ok",
    roster: {
      rows: sheet([...YIBU, "证明材料"], [pupil(1), pupil(2, { 系统比对: "否", 证明材料: "低保证" })]),
    },
    absent: ["policy.needs-proof"],
  },
  // ── aid before, visits ────────────────────────────────────────────────────────────────────
  {
    name: "policy.repeat-aid: province aid last year (方案12 五.2), aided this year already (方案14 一)",
    verdict: "ng",
    roster: {
      rows: sheet(
        TEACHERS,
        [teacher(1, { 上次省级资助年份: 2025, 资助项目: "省级特困教师" }), teacher(3, { 本年度已获救助: "是" })],
        { title: TEACHER_TITLE },
      ),
    },
    findings: [
      finding("policy.repeat-aid", "F3", "error", "省级特困教师资助：前两年内已接受过省级资助"),
      finding(
        "policy.repeat-aid",
        "G4",
        "error",
        "爱烛行动救助特困教师：今年已受中央、省、市、县基金会救助的对象不重复救助",
      ),
    ],
  },
  {
    name: "policy.repeat-aid: province aid three years ago; not aided this year",
    verdict: "ok",
    roster: {
      rows: sheet(TEACHERS, [teacher(1, { 上次省级资助年份: 2023, 资助项目: "省级特困教师" }), teacher(3)], {
        title: TEACHER_TITLE,
      }),
    },
    absent: ["policy.repeat-aid"],
  },
  {
    name: "policy.visits: 干部帮联 visited twice a year (a warning)",
    verdict: "ng",
    roster: {
      rows: sheet(
        BANGLIAN,
        [
          {
            姓名: "赵思彤",
            身份证号: kid(2, 2012),
            困难类型: "建档立卡",
            走访次数: 2,
            资助项目: "干部帮联",
            资助金额: 1200,
          },
        ],
        {
          title: "某某县县乡干部帮联贫困家庭学生花名册",
        },
      ),
    },
    findings: [finding("policy.visits", "E3", "warning", "每年走访 2 次，少于 4 次")],
  },
  {
    name: "policy.visits: four visits",
    verdict: "ok",
    roster: {
      rows: sheet(
        BANGLIAN,
        [
          {
            姓名: "赵思彤",
            身份证号: kid(2, 2012),
            困难类型: "建档立卡",
            走访次数: 4,
            资助项目: "干部帮联",
            资助金额: 1200,
          },
        ],
        {
          title: "某某县县乡干部帮联贫困家庭学生花名册",
        },
      ),
    },
    absent: ["policy.visits"],
  },
];
