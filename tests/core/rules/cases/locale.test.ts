// Findings are data, rendered per locale: every ng case's findings read differently in en-US
// than in zh-CN (a message that is the same in both was rendered in Chinese before the locale
// was known).
import { COUNTY_TABLES, ROSTER_TABLES } from ".";
import { checkCounty, checkRoster, type CountyNg, type RosterNg } from "./harness";

const ngCases = Object.entries(ROSTER_TABLES).flatMap(([family, cases]) =>
  cases.filter((c): c is RosterNg => c.verdict === "ng" && !c.bug).map((c) => [`${family} · ${c.name}`, c] as const),
);

test.each(ngCases)("%s", (_name, c) => {
  const codes = new Set(c.findings.map((f) => f.rule));
  const zh = checkRoster(c.roster, { ...c.options, locale: "zh-CN" }).filter((i) => codes.has(i.rule));
  const en = checkRoster(c.roster, { ...c.options, locale: "en-US" }).filter((i) => codes.has(i.rule));
  expect(en.map((i) => `${i.rule}@${i.cell}`)).toEqual(zh.map((i) => `${i.rule}@${i.cell}`));
  const same = en.filter((i, k) => i.message === zh[k]?.message).map((i) => `${i.rule}: ${i.message}`);
  expect(same).toEqual([]);
});

const countyNg = Object.entries(COUNTY_TABLES).flatMap(([family, cases]) =>
  cases.filter((c): c is CountyNg => c.verdict === "ng" && !c.bug).map((c) => [`${family} · ${c.name}`, c] as const),
);

test.each(countyNg)("%s", (_name, c) => {
  const codes = new Set(c.findings.map((f) => f.rule));
  const zh = checkCounty(c, "zh-CN").filter((i) => codes.has(i.rule));
  const en = checkCounty(c, "en-US").filter((i) => codes.has(i.rule));
  expect(en.map((i) => i.rule)).toEqual(zh.map((i) => i.rule));
  const same = en.filter((i, k) => i.message === zh[k]?.message || i.hint === zh[k]?.hint).map((i) => i.rule);
  expect(same).toEqual([]);
});
