// The report builder renders each finding's typed data by locale (the one place rule text is
// made), places it as the sheet shows it, sorts and counts.
import type { Finding } from "../../../src/core/findings/types";
import { buildReport, toIssue } from "../../../src/core/report/build";
import { finding } from "../../../src/core/rules/finding";

const checksum = finding("id.checksum", "表", 4, 1, "4303**********1234", { expected: "X", actual: "4" });

test("toIssue renders the same finding in zh-CN (default) and en-US", () => {
  expect(toIssue(checksum)).toEqual({
    rule: "id.checksum",
    severity: "error",
    sheet: "表",
    row: 5,
    column: "B",
    cell: "B5",
    message: "身份证号校验码错误：第18位应为 X，实为 4（前17位可能有误录）",
    hint: "对照身份证原件逐位核对；校验码不符通常是前 17 位中有一位录错",
    value: "4303**********1234",
  });
  const en = toIssue(checksum, "en-US");
  expect(en.message).toBe("Wrong check digit: should be X, not 4");
  expect(en.hint).toBe("Compare digit by digit with the ID card");
});

test.each([
  ["a sheet-level finding", finding("policy.no-program", "表", -1, -1, "", {}), { row: 0, column: "", cell: "" }],
  ["a row-level finding", finding("roster.hidden-row", "表", 2, -1, "", {}), { row: 3, column: "", cell: "" }],
])("%s has no cell", (_what, f, place) => {
  expect(toIssue(f)).toMatchObject(place);
});

test("a finding's own severity overrides the catalogue's", () => {
  const f = finding("id.region", "表", 1, 1, "", { level: "county", code: "430399" }, "warning");
  expect(toIssue(f).severity).toBe("warning");
});

test("a code outside the catalogue is a bug and throws", () => {
  const f: Finding = { rule: "no.such-rule", sheet: "表", row: 0, col: 0, value: "", data: {} };
  expect(() => toIssue(f)).toThrow("unknown rule code no.such-rule");
});

test("buildReport sorts by place and counts from the issues it keeps", () => {
  const findings = [
    checksum,
    finding("policy.no-program", "表", -1, -1, "", {}),
    finding("bank.luhn", "表", 2, 3, "", {}),
  ];
  const report = buildReport(findings, { pack: { id: "p", version: "1" }, kind: "students", rows: 5, locale: "en-US" });
  expect(report.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual([
    "policy.no-program@",
    "bank.luhn@D3",
    "id.checksum@B5",
  ]);
  expect(report.stats).toEqual({
    rows: 5,
    errors: 1,
    warnings: 1,
    infos: 1,
    byRule: { "policy.no-program": 1, "bank.luhn": 1, "id.checksum": 1 },
  });
  expect(report.valid).toBe(false);
  expect(report.issues[0]?.message).toBe("No program column or option: policy checks skipped");
});
