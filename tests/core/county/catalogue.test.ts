// The county catalogue has the shape of every rule catalogue and renders by locale, like the rest.
import {
  COUNTY_CATALOGUE,
  COUNTY_RULE_CODES,
  countyFindings,
  countyIssue,
  countyIssues,
  type CountyFile,
  type CountyRuleCode,
  type CountyRuleData,
} from "../../../src/core/county";
import type { RuleEntry } from "../../../src/core/findings/types";
import { inLocale } from "../../../src/core/locale";
import { seedPack } from "../../../src/core/policy";

const HAN = /[\u4e00-\u9fff]/;

// ASCII data: an English text must then have no Chinese at all.
const DATA: { [K in CountyRuleCode]: CountyRuleData[K] } = {
  "county.dup-id": { id: "4303********0012", where: "a.xlsx", programs: "P", sameSchool: false },
  "county.teacher-repeat": {
    id: "4303********0012",
    where: "a.xlsx",
    programs: "P",
    reason: "once a year",
    source: "S14",
  },
  "county.nominees": { school: "S", program: "P", count: 3, min: 1, max: 2, files: "a, b", source: "S14" },
  "county.quota": {
    school: "S",
    program: "P",
    count: 9,
    allowed: 5,
    enrolled: 50,
    share: "10%",
    files: "a, b",
    source: "S8",
  },
  "county.no-enrolment": { school: "S", file: "a.xlsx" },
  "county.uncovered": { id: "4303********0012", school: "S", where: "a.xlsx", plan: "Plan", source: "S8" },
  "county.unsealed": { file: "a.xlsx", detail: "no seal" },
  "county.modified": { file: "a.xlsx", detail: "changed" },
};

test.each(COUNTY_RULE_CODES)("%s: a title, and message and hint in both locales", (code) => {
  const e = COUNTY_CATALOGUE[code] as unknown as RuleEntry<unknown>;
  expect(e.source).not.toBe("");
  expect(e.title["en-US"]).not.toMatch(HAN);
  for (const t of [e.message(DATA[code]), e.hint(DATA[code])]) {
    expect(inLocale("zh-CN", t)).not.toBe(inLocale("en-US", t));
    expect(inLocale("en-US", t)).not.toMatch(HAN);
  }
});

const pack = seedPack();
const files: CountyFile[] = [
  { file: "a.xlsx", school: "一小", sheet: "表", people: [], seal: { status: "unsealed", message: "没有凭证" } },
];

test("countyIssues renders the findings in the locale asked for (zh-CN by default)", () => {
  const [f] = countyFindings(files, { pack });
  expect(f).toEqual({
    rule: "county.unsealed",
    data: { file: "a.xlsx", detail: "没有凭证" },
    value: "",
    places: [{ file: "a.xlsx", school: "一小", sheet: "表", cell: "" }],
  });
  const [zh] = countyIssues(files, { pack });
  expect(zh).toMatchObject({ rule: "county.unsealed", severity: "warning", message: "a.xlsx：没有凭证" });
  expect(zh?.source).toBe("校验凭证（zizhu seal）");
  const [en] = countyIssues(files, { pack, locale: "en-US" });
  expect(en?.message).toBe("a.xlsx: 没有凭证");
  expect(en?.hint).not.toMatch(HAN);
});

test("a county finding whose data names a source (the pack's clause) is from there", () => {
  const issue = countyIssue({ rule: "county.nominees", data: DATA["county.nominees"], value: "", places: [] });
  expect(issue.source).toBe("S14");
});
