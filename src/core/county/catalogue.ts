/**
 * The county rules' catalogue, in the one shape every rule has (../findings/types RuleEntry): its
 * severity, where it comes from, its title, and its message and hint in both locales from the
 * finding's data. A source the pack states (a limit's, a quota's) travels in the data as `source`.
 */
import type { RuleEntries } from "../findings/types";
import { texts } from "../locale";

export interface CountyRuleData {
  /** The same person aided in two or more files. */
  "county.dup-id": { id: string; where: string; programs: string; sameSchool: boolean };
  /** The same teacher aided twice in a year (方案14 一). */
  "county.teacher-repeat": { id: string; where: string; programs: string; reason: string; source: string };
  "county.nominees": {
    school: string;
    program: string;
    count: number;
    min: number;
    max: number;
    files: string;
    source: string;
  };
  "county.quota": {
    school: string;
    program: string;
    count: number;
    allowed: number;
    enrolled: number;
    share: string;
    files: string;
    source: string;
  };
  "county.no-enrolment": { school: string; file: string };
  /** A 建档立卡 student no ledger of the batch pairs (方案8 (二)3). */
  "county.uncovered": { id: string; school: string; where: string; plan: string; source: string };
  /** `detail`: the seal check's own words on the file. */
  "county.unsealed": { file: string; detail: string };
  "county.modified": { file: string; detail: string };
}

export type CountyRuleCode = keyof CountyRuleData;

const SEAL_SOURCE = "校验凭证（zizhu seal）";

export const COUNTY_CATALOGUE: RuleEntries<CountyRuleData> = {
  "county.dup-id": {
    severity: "error",
    source: "县级交叉核对：同一身份证号只能由一所学校、一份名单申报",
    title: texts("同一人多处申报", "Same person in several files"),
    message: (d) =>
      d.sameSchool
        ? texts(
            `身份证号 ${d.id} 在同一学校的多个文件中重复申报（${d.programs}）：${d.where}`,
            `ID ${d.id} is listed in several files of the same school (${d.programs}): ${d.where}`,
          )
        : texts(
            `身份证号 ${d.id} 同时在不同学校的名单中（${d.programs}）：${d.where}`,
            `ID ${d.id} is on the lists of different schools (${d.programs}): ${d.where}`,
          ),
    hint: () =>
      texts(
        "同一人只能由一所学校申报一次：核对学籍，删除重复的一行或更正身份证号后重新报送",
        "One person is listed once, by one school: check the enrolment, delete the duplicate or fix the ID, and submit again",
      ),
  },
  "county.teacher-repeat": {
    severity: "error",
    source: "政策包",
    title: texts("教师年度内重复受助", "Teacher aided twice in a year"),
    message: (d) =>
      texts(
        `教师（身份证号 ${d.id}）本年度在多个名单中受助（${d.programs}）：${d.where}`,
        `A teacher (ID ${d.id}) is aided on several lists this year (${d.programs}): ${d.where}`,
      ),
    hint: (d) =>
      texts(
        `${d.reason}（${d.source}）：保留一处，删除其余名单中的该教师`,
        `${d.reason} (${d.source}): keep one, delete the teacher from the other lists`,
      ),
  },
  "county.nominees": {
    severity: "error",
    source: "政策包",
    title: texts("推荐人数不符", "Nominees per school"),
    message: (d) =>
      texts(
        `${d.school}在 ${d.files} 中共推荐${d.program} ${d.count} 名，要求每校 ${d.min}–${d.max} 名`,
        `${d.school} nominated ${d.count} for ${d.program} in ${d.files}; ${d.min}–${d.max} per school allowed`,
      ),
    hint: (d) =>
      texts(
        `每校推荐 ${d.min}–${d.max} 名（${d.source}）：合并为一份名单并调整人数`,
        `Nominate ${d.min}–${d.max} per school (${d.source}): merge into one list and adjust`,
      ),
  },
  "county.quota": {
    severity: "error",
    source: "政策包",
    title: texts("超出名额", "Over quota"),
    message: (d) =>
      texts(
        `${d.school}${d.program}共 ${d.count} 人（${d.files}），超出名额 ${d.allowed} 人（在校 ${d.enrolled} 人 × ${d.share}）`,
        `${d.count} people in ${d.program} at ${d.school} (${d.files}), over the quota of ${d.allowed} (${d.share} of ${d.enrolled})`,
      ),
    hint: (d) =>
      texts(
        `按在校人数的 ${d.share} 核定名额（${d.source}），请调减人数或核对在校人数表`,
        `The quota is ${d.share} of the enrolment (${d.source}): reduce the list or check the enrolment table`,
      ),
  },
  "county.no-enrolment": {
    severity: "warning",
    source: "在校人数表（--enrolment）",
    title: texts("在校人数表中没有该校", "School not in the enrolment table"),
    message: (d) =>
      texts(
        `在校人数表中没有“${d.school}”（${d.file}），未核对该校名额`,
        `"${d.school}" (${d.file}) is not in the enrolment table: its quota was not checked`,
      ),
    hint: () =>
      texts(
        "在在校人数表中补上该校（学校名称与花名册填报单位一致），再运行一次",
        "Add the school to the enrolment table (named as on its roster) and run again",
      ),
  },
  "county.uncovered": {
    severity: "error",
    source: "方案8 (二)3",
    title: texts("学生未结对帮联", "Student paired nowhere"),
    message: (d) =>
      texts(
        `${d.school}的学生（身份证号 ${d.id}）应纳入${d.plan}，但全县所有帮联台账中都没有该生：${d.where}`,
        `A student of ${d.school} (ID ${d.id}) must be covered by ${d.plan} but no ledger of the batch pairs them: ${d.where}`,
      ),
    hint: () =>
      texts(
        "由该生所在乡镇或后盾单位安排帮联干部，并在帮联台账中登记（全覆盖）",
        "The student's township or supporting unit assigns a cadre and lists the pair in its ledger",
      ),
  },
  "county.unsealed": {
    severity: "warning",
    source: SEAL_SOURCE,
    title: texts("未生成校验凭证", "Not sealed"),
    message: (d) => texts(`${d.file}：${d.detail}`, `${d.file}: ${d.detail}`),
    hint: () =>
      texts(
        "学校校验通过后用 zizhu seal 生成凭证再报送，县里可据此确认报送后未被改动",
        "Schools seal a checked file (zizhu seal) before submitting, so the county can tell it was not changed",
      ),
  },
  "county.modified": {
    severity: "warning",
    source: SEAL_SOURCE,
    title: texts("校验后被改动", "Changed after sealing"),
    message: (d) => texts(`${d.file}：${d.detail}`, `${d.file}: ${d.detail}`),
    hint: () =>
      texts(
        "请学校重新校验（zizhu check）并生成凭证后再报送；以改动后的内容为准核对",
        "Ask the school to check (zizhu check) and seal it again; the changed content is what counts",
      ),
  },
};

export const COUNTY_RULE_CODES = Object.keys(COUNTY_CATALOGUE) as CountyRuleCode[];
