/**
 * county.* — the rules across the school files of a county batch (countyIssues): the same ID in
 * two schools or twice in one program, a teacher aided twice in a year, nominees and quotas of a
 * school summed over its files, schools missing from the enrolment table, and each file's seal.
 * People are CountyPerson data, IDs as opaque keys (the batch hashes them), shown masked.
 */
import type { CountyFile, CountyPerson } from "../../../../src/core/county";
import type { CountyCase } from "./harness";

/** A person of `program` at `school`, in row `row` (0-based) of column D. */
function person(key: string, program: string | null, school: string, row = 2): CountyPerson {
  return { idKey: key, idMasked: `430381********${key.padStart(4, "0").slice(-4)}`, row, col: 3, program, school };
}

function file(
  name: string,
  school: string,
  people: CountyPerson[],
  seal: CountyFile["seal"] = { status: "unchanged", message: "凭证与文件内容一致" },
): CountyFile {
  return { file: name, school, sheet: "花名册", people, seal };
}

/** A file's 帮联 part: 建档立卡 students its roster lists (ID keys) and students its ledger pairs. */
function withCoverage(
  f: CountyFile,
  needed: [key: string, row: number][],
  paired: string[],
  hasLedger = true,
): CountyFile {
  return {
    ...f,
    coverage: {
      hasLedger,
      paired,
      needed: needed.map(([key, row]) => ({
        idKey: key,
        idMasked: `430381********${key.padStart(4, "0").slice(-4)}`,
        sheet: "资助花名册",
        row,
        col: 2,
        school: f.school,
      })),
    },
  };
}

const many = (n: number, prefix: string, program: string, school: string): CountyPerson[] =>
  Array.from({ length: n }, (_, i) => person(`${prefix}${i}`, program, school, 2 + i));

const 一小 = "某某县第一小学";
const 二小 = "某某县第二小学";
const 一中 = "某某镇中学";

export const countyCases: CountyCase[] = [
  {
    name: "county.uncovered: a 建档立卡 student no ledger of the batch pairs, reported once at the listing roster",
    verdict: "ng",
    files: [
      withCoverage(
        file("一小/资助.xlsx", 一小, []),
        [
          ["2001", 3],
          ["2002", 4],
        ],
        [],
      ),
      // The 县教育局's ledger: its cadres pair 2001 of 一小 — a student paired in another unit is covered.
      withCoverage(file("教育局/帮联台账.xlsx", "县教育局", []), [], ["2001"]),
    ],
    findings: [
      {
        rule: "county.uncovered",
        severity: "error",
        message:
          "某某县第一小学的学生（身份证号 430381********2002）应纳入县乡干部帮联建档立卡贫困户学生，但全县所有帮联台账中都没有该生",
        places: ["一小/资助.xlsx › 资助花名册!C5"],
      },
    ],
  },
  {
    name: "county.uncovered: a batch of aid rosters without any ledger says nothing of pairing",
    verdict: "ok",
    files: [withCoverage(file("一小/资助.xlsx", 一小, []), [["2003", 3]], [], false)],
    absent: ["county.uncovered"],
  },
  {
    name: "county.dup-id: the same ID in two schools' 一补 rosters",
    verdict: "ng",
    files: [
      file("一小/一补.xlsx", 一小, [person("1001", "yibu", 一小, 4)]),
      file("二小/一补.xlsx", 二小, [person("1001", "yibu", 二小, 9)]),
    ],
    findings: [
      {
        rule: "county.dup-id",
        severity: "error",
        message: "身份证号 430381********1001 同时在不同学校的名单中（义务教育家庭经济困难学生生活补助（一补））",
        places: ["一小/一补.xlsx › 花名册!D5", "二小/一补.xlsx › 花名册!D10"],
      },
    ],
  },
  {
    name: "county.dup-id: one school lists a child in 一补 twice, in two files",
    verdict: "ng",
    files: [
      file("一小/一补.xlsx", 一小, [person("1002", "yibu", 一小)]),
      file("一小/一补-补报.xlsx", 一小, [person("1002", "yibu", 一小, 6)]),
    ],
    findings: [
      {
        rule: "county.dup-id",
        severity: "error",
        message: "在同一学校的多个文件中重复申报",
        places: ["一小/一补-补报.xlsx › 花名册!D7", "一小/一补.xlsx › 花名册!D3"],
      },
    ],
  },
  {
    name: "county.dup-id: one school, one child in 一补 and in 营养餐 (two programs), or twice in one file",
    verdict: "ok",
    files: [
      file("一小/一补.xlsx", 一小, [
        person("1003", "yibu", 一小),
        person("1004", "yibu", 一小),
        person("1004", "yibu", 一小, 3),
      ]),
      file("一小/营养餐.xlsx", 一小, [person("1003", "nutrition", 一小)]),
    ],
    absent: ["county.dup-id"],
  },
  {
    name: "county.teacher-repeat: a teacher aided by 爱烛行动 and by the city in one year (方案14 一)",
    verdict: "ng",
    files: [
      file("一中/爱烛.xlsx", 一中, [person("2001", "aizhu", 一中)]),
      file("一中/市级特困.xlsx", 一中, [person("2001", "teacher-aid-city", 一中)]),
    ],
    findings: [
      {
        rule: "county.teacher-repeat",
        severity: "error",
        message: "教师（身份证号 430381********2001）本年度在多个名单中受助（市级特困教师资助、爱烛行动救助特困教师）",
        places: ["一中/市级特困.xlsx › 花名册!D3", "一中/爱烛.xlsx › 花名册!D3"],
      },
    ],
    absent: ["county.dup-id"],
  },
  {
    name: "county.teacher-repeat: a teacher in the province and the city lists (no year rule between them)",
    verdict: "ok",
    files: [
      file("一中/省级.xlsx", 一中, [person("2002", "teacher-aid-province", 一中)]),
      file("一中/市级.xlsx", 一中, [person("2002", "teacher-aid-city", 一中)]),
    ],
    absent: ["county.teacher-repeat"],
  },
  {
    name: "county.nominees: 3 爱烛 nominees of one school over two files, 1–2 allowed",
    verdict: "ng",
    files: [
      file("一中/爱烛.xlsx", 一中, many(2, "30", "aizhu", 一中)),
      file("教育局/爱烛-补报.xlsx", "某某县教育局", [person("3099", "aizhu", 一中, 5)]),
    ],
    findings: [
      {
        rule: "county.nominees",
        severity: "error",
        message:
          "某某镇中学在 一中/爱烛.xlsx、教育局/爱烛-补报.xlsx 中共推荐爱烛行动救助特困教师 3 名，要求每校 1–2 名",
        places: ["一中/爱烛.xlsx › 花名册!D3", "教育局/爱烛-补报.xlsx › 花名册!D6"],
      },
    ],
  },
  {
    name: "county.nominees: 2 nominees over two files; 3 in a single file (the file's own check has them)",
    verdict: "ok",
    files: [
      file("一中/爱烛.xlsx", 一中, [person("3101", "aizhu", 一中)]),
      file("一中/爱烛-补报.xlsx", 一中, [person("3102", "aizhu", 一中)]),
      file("二中/爱烛.xlsx", "某某县第二中学", many(3, "32", "aizhu", "某某县第二中学")),
    ],
    absent: ["county.nominees"],
  },
  {
    name: "county.quota: 30 一补 pupils over a school's two files, 25% of 100 enrolled allows 25",
    verdict: "ng",
    files: [
      file("一小/一补.xlsx", 一小, many(20, "40", "yibu", 一小)),
      file("一小/一补-补报.xlsx", 一小, many(10, "41", "yibu", 一小)),
    ],
    enrolment: new Map([[一小, 100]]),
    findings: [
      {
        rule: "county.quota",
        severity: "error",
        message:
          "某某县第一小学义务教育家庭经济困难学生生活补助（一补）共 30 人（一小/一补-补报.xlsx、一小/一补.xlsx），超出名额 25 人（在校 100 人 × 25%）",
        places: ["一小/一补-补报.xlsx › 花名册!D3", "一小/一补.xlsx › 花名册!D3"],
      },
    ],
  },
  {
    name: "county.quota: within the quota; no enrolment table, no quota check",
    verdict: "ok",
    files: [
      file("一小/一补.xlsx", 一小, many(20, "42", "yibu", 一小)),
      file("一小/一补-补报.xlsx", 一小, many(5, "43", "yibu", 一小)),
    ],
    enrolment: new Map([[一小, 100]]),
    absent: ["county.quota", "county.no-enrolment"],
  },
  {
    name: "county.no-enrolment: a school missing from the enrolment table (a warning, once per school)",
    verdict: "ng",
    files: [
      file("一小/一补.xlsx", 一小, many(3, "50", "yibu", 一小)),
      file("二小/一补.xlsx", 二小, many(3, "51", "yibu", 二小)),
      file("二小/营养餐.xlsx", 二小, many(3, "51", "nutrition", 二小)),
    ],
    enrolment: new Map([[一小, 100]]),
    findings: [
      {
        rule: "county.no-enrolment",
        severity: "warning",
        message: "在校人数表中没有“某某县第二小学”（二小/一补.xlsx），未核对该校名额",
        places: ["二小/一补.xlsx › 花名册"],
      },
    ],
  },
  {
    name: "county.no-enrolment: every school in the table (by a longer name too)",
    verdict: "ok",
    files: [
      file("一小/一补.xlsx", "第一小学", many(3, "52", "yibu", "第一小学")),
      file("二小/一补.xlsx", 二小, many(3, "53", "yibu", 二小)),
    ],
    enrolment: new Map([
      [一小, 100],
      [二小, 80],
    ]),
    absent: ["county.no-enrolment"],
  },
  {
    name: "county.unsealed: a file sent without its seal",
    verdict: "ng",
    files: [file("三小/一补.xlsx", "某某县第三小学", [], { status: "unsealed", message: "没有校验凭证" })],
    findings: [
      {
        rule: "county.unsealed",
        severity: "warning",
        message: "三小/一补.xlsx：没有校验凭证",
        places: ["三小/一补.xlsx › 花名册"],
      },
    ],
    absent: ["county.modified"],
  },
  {
    name: "county.modified: a file changed after its seal",
    verdict: "ng",
    files: [file("四小/一补.xlsx", "某某县第四小学", [], { status: "modified", message: "生成凭证后 K5 被改动" })],
    findings: [
      {
        rule: "county.modified",
        severity: "warning",
        message: "四小/一补.xlsx：生成凭证后 K5 被改动",
        places: ["四小/一补.xlsx › 花名册"],
      },
    ],
    absent: ["county.unsealed"],
  },
  {
    name: "county.unsealed / county.modified: files unchanged since their seals",
    verdict: "ok",
    files: [file("一小/一补.xlsx", 一小, []), file("二小/一补.xlsx", 二小, [])],
    absent: ["county.unsealed", "county.modified"],
  },
];
