// Every rule code the catalogues define has at least one ng case and one ok case in the tables,
// and no case names a code that does not exist (a typo, or a rule since renamed or removed).
import { RULE_CODES } from "../../../../src/core/rules/catalogue";
import { COUNTY_RULE_CODES } from "../../../../src/core/county";
import { PRIVACY_RULES } from "../../../../src/core/privacy";
import { codesOf, type CountyCase, type RosterCase } from "./harness";
import { COUNTY_TABLES, ROSTER_TABLES } from ".";

const ROSTER_CODES: readonly string[] = RULE_CODES;
const COUNTY_CODES: readonly string[] = COUNTY_RULE_CODES;
const PRIVACY_CODES: readonly string[] = PRIVACY_RULES;

function tally(tables: Readonly<Record<string, readonly (RosterCase | CountyCase)[]>>) {
  const ng = new Map<string, string[]>();
  const ok = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, code: string, where: string) => m.set(code, [...(m.get(code) ?? []), where]);
  for (const [family, cases] of Object.entries(tables))
    for (const c of cases) {
      const codes = codesOf(c);
      for (const code of codes.ng) add(ng, code, `${family}: ${c.name}`);
      for (const code of codes.ok) add(ok, code, `${family}: ${c.name}`);
    }
  return { ng, ok };
}

const roster = tally(ROSTER_TABLES);
const county = tally(COUNTY_TABLES);

describe.each([
  ["roster and privacy (checkWorkbook)", [...ROSTER_CODES, ...PRIVACY_CODES], roster],
  ["county (countyIssues)", COUNTY_CODES, county],
] as const)("%s", (_label, codes, { ng, ok }) => {
  const known = new Set(codes);

  test("the catalogue is not empty", () => {
    expect(known.size).toBeGreaterThan(0);
  });

  test("every code has an ng case", () => {
    expect([...known].filter((c) => !ng.has(c))).toEqual([]);
  });

  test("every code has an ok case", () => {
    expect([...known].filter((c) => !ok.has(c))).toEqual([]);
  });

  test("no case names a code the catalogue does not have", () => {
    const named = [...ng.entries(), ...ok.entries()].filter(([code]) => !known.has(code));
    expect(named.map(([code, where]) => `${code} (${where.join("; ")})`)).toEqual([]);
  });
});

test("every privacy code is a roster catalogue code too (the report renders it)", () => {
  expect(PRIVACY_CODES.filter((c) => !ROSTER_CODES.includes(c))).toEqual([]);
});

test("case names are unique within a family", () => {
  for (const cases of [...Object.values(ROSTER_TABLES), ...Object.values(COUNTY_TABLES)]) {
    const names = cases.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  }
});
