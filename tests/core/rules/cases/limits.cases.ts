/**
 * Limits over all rows of a sheet (the pack states each one): quotas against the enrolment
 * (--enrolled), the share of retired teachers, nominees per school.
 */
import { adult, kid, sheet } from "./fixtures";
import { finding, type RosterCase } from "./harness";

const GAOZHONG = ["序号", "姓名", "身份证号", "学段", "资助档次", "资助项目"];
const seniors = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    姓名: `学生${i + 1}`,
    身份证号: kid(100 + i * 2, 2009),
    学段: "普通高中",
    资助档次: "二档",
    资助项目: "普高助学金",
  }));
const GAOZHONG_TITLE = "某某县第一中学2026年秋季学期普通高中国家助学金花名册";

const PROVINCE = ["序号", "姓名", "身份证号", "人员状态", "教师类别", "致困原因", "负债金额", "资助项目", "资助金额"];
const provinceTeacher = (seq: number, status: string) => ({
  姓名: `教师${seq}`,
  身份证号: adult(seq),
  人员状态: status,
  教师类别: "专任教师",
  致困原因: "患病",
  负债金额: 80000,
  资助项目: "省级特困教师",
  资助金额: 10000,
});
const PROVINCE_TITLE = "某某县2026年省级特困教师资助对象汇总表";

const AIZHU = ["序号", "姓名", "身份证号", "学校", "致困原因", "负债金额", "本年度已获救助", "资助项目"];
const nominee = (seq: number, school: string) => ({
  姓名: `教师${seq}`,
  身份证号: adult(seq),
  学校: school,
  致困原因: "患病",
  负债金额: 40000,
  本年度已获救助: "否",
  资助项目: "爱烛行动",
});
const AIZHU_TITLE = "某某县2026年爱烛行动救助特困教师推荐名单";

export const limitCases: RosterCase[] = [
  {
    name: "policy.quota: 15 普高助学金 students, 14% of 100 enrolled allows 14",
    verdict: "ng",
    roster: { rows: sheet(GAOZHONG, seniors(15), { title: GAOZHONG_TITLE }) },
    options: { enrolled: 100 },
    findings: [finding("policy.quota", "", "error", "普通高中国家助学金共 15 人，超过名额 14 人（在校 100 人 × 14%）")],
  },
  {
    name: "policy.quota: 15 is within 14% of 200",
    verdict: "ok",
    roster: { rows: sheet(GAOZHONG, seniors(15), { title: GAOZHONG_TITLE }) },
    options: { enrolled: 200 },
    absent: ["policy.quota"],
  },
  {
    name: "policy.quota: not checked without the enrolment",
    verdict: "ok",
    roster: { rows: sheet(GAOZHONG, seniors(15), { title: GAOZHONG_TITLE }) },
    absent: ["policy.quota"],
  },
  {
    name: "policy.retired-share: 1 retired teacher of 2 is over 5% (方案12 二)",
    verdict: "ng",
    roster: {
      rows: sheet(PROVINCE, [provinceTeacher(1, "在职"), provinceTeacher(3, "退休")], { title: PROVINCE_TITLE }),
    },
    findings: [
      finding("policy.retired-share", "", "error", "省级特困教师资助名单中退休教师 1 人，占 2 人的比例超过 5%"),
    ],
  },
  {
    name: "policy.retired-share: only teachers in post",
    verdict: "ok",
    roster: {
      rows: sheet(PROVINCE, [provinceTeacher(1, "在职"), provinceTeacher(3, "在职")], { title: PROVINCE_TITLE }),
    },
    absent: ["policy.retired-share"],
  },
  {
    name: "policy.nominees-per-school: 3 nominees of one school, 1–2 allowed (方案14 四)",
    verdict: "ng",
    roster: {
      rows: sheet(
        AIZHU,
        [nominee(1, "某某镇中学"), nominee(3, "某某镇中学"), nominee(5, "某某镇中学"), nominee(7, "某某县第一中学")],
        { title: AIZHU_TITLE },
      ),
    },
    findings: [
      finding(
        "policy.nominees-per-school",
        "D3",
        "error",
        "某某镇中学推荐了 3 名，爱烛行动救助特困教师要求每校 1–2 名",
      ),
    ],
  },
  {
    name: "policy.nominees-per-school: 2 and 1 per school",
    verdict: "ok",
    roster: {
      rows: sheet(AIZHU, [nominee(1, "某某镇中学"), nominee(3, "某某镇中学"), nominee(5, "某某县第一中学")], {
        title: AIZHU_TITLE,
      }),
    },
    absent: ["policy.nominees-per-school"],
  },
];
