/**
 * The county rules' catalogue: one entry per rule code with its severity, where it comes from and
 * how its Chinese message and hint are rendered from the issue's data (as src/core/rules does for
 * the per-file rules). Sources that the pack states (limits, quotas) are passed in as data.
 */
import type { Severity } from "../report/types";

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
  "county.unsealed": { file: string; detail: string };
  "county.modified": { file: string; detail: string };
}

export type CountyRuleCode = keyof CountyRuleData;

interface Entry<K extends CountyRuleCode> {
  severity: Severity;
  source: (d: CountyRuleData[K]) => string;
  message: (d: CountyRuleData[K]) => string;
  hint: (d: CountyRuleData[K]) => string;
}

export const COUNTY_CATALOGUE: { [K in CountyRuleCode]: Entry<K> } = {
  "county.dup-id": {
    severity: "error",
    source: () => "县级交叉核对：同一身份证号只能由一所学校、一份名单申报",
    message: (d) =>
      d.sameSchool
        ? `身份证号 ${d.id} 在同一学校的多个文件中重复申报（${d.programs}）：${d.where}`
        : `身份证号 ${d.id} 同时在不同学校的名单中（${d.programs}）：${d.where}`,
    hint: () => "同一人只能由一所学校申报一次：核对学籍，删除重复的一行或更正身份证号后重新报送",
  },
  "county.teacher-repeat": {
    severity: "error",
    source: (d) => d.source,
    message: (d) => `教师（身份证号 ${d.id}）本年度在多个名单中受助（${d.programs}）：${d.where}`,
    hint: (d) => `${d.reason}（${d.source}）：保留一处，删除其余名单中的该教师`,
  },
  "county.nominees": {
    severity: "error",
    source: (d) => d.source,
    message: (d) => `${d.school}在 ${d.files} 中共推荐${d.program} ${d.count} 名，要求每校 ${d.min}–${d.max} 名`,
    hint: (d) => `每校推荐 ${d.min}–${d.max} 名（${d.source}）：合并为一份名单并调整人数`,
  },
  "county.quota": {
    severity: "error",
    source: (d) => d.source,
    message: (d) =>
      `${d.school}${d.program}共 ${d.count} 人（${d.files}），超出名额 ${d.allowed} 人（在校 ${d.enrolled} 人 × ${d.share}）`,
    hint: (d) => `按在校人数的 ${d.share} 核定名额（${d.source}），请调减人数或核对在校人数表`,
  },
  "county.no-enrolment": {
    severity: "warning",
    source: () => "在校人数表（--enrolment）",
    message: (d) => `在校人数表中没有“${d.school}”（${d.file}），未核对该校名额`,
    hint: () => "在在校人数表中补上该校（学校名称与花名册填报单位一致），再运行一次",
  },
  "county.unsealed": {
    severity: "warning",
    source: () => "校验凭证（zizhu seal）",
    message: (d) => `${d.file}：${d.detail}`,
    hint: () => "学校校验通过后用 zizhu seal 生成凭证再报送，县里可据此确认报送后未被改动",
  },
  "county.modified": {
    severity: "warning",
    source: () => "校验凭证（zizhu seal）",
    message: (d) => `${d.file}：${d.detail}`,
    hint: () => "请学校重新校验（zizhu check）并生成凭证后再报送；以改动后的内容为准核对",
  },
};
