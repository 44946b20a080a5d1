// The runner itself: a case that states the wrong cell, severity, message or count fails, and an
// ok case fails when the code does appear (so a passing table proves something).
import { expectCountyCase, expectRosterCase, finding, type RosterCase } from "./harness";
import { pupil, typo, kid, yibu } from "./fixtures";

const broken = yibu(
  pupil(1, { 身份证号: typo(kid(2)), 学籍号: null }),
  pupil(2, { 身份证号: typo(kid(4)), 学籍号: null }),
);
const right = [
  finding("id.checksum", "D3", "error", "校验码错误"),
  finding("id.checksum", "D4", "error", "校验码错误"),
];

test("the right expectation passes", () => {
  expect(() => expectRosterCase({ name: "", verdict: "ng", roster: { rows: broken }, findings: right })).not.toThrow();
});

test.each<[string, RosterCase]>([
  [
    "a wrong cell",
    { name: "", verdict: "ng", roster: { rows: broken }, findings: [right[0]!, { ...right[1]!, cell: "D5" }] },
  ],
  ["a finding left out", { name: "", verdict: "ng", roster: { rows: broken }, findings: [right[0]!] }],
  [
    "a wrong severity",
    { name: "", verdict: "ng", roster: { rows: broken }, findings: [right[0]!, { ...right[1]!, severity: "warning" }] },
  ],
  [
    "a wrong message",
    { name: "", verdict: "ng", roster: { rows: broken }, findings: [right[0]!, { ...right[1]!, message: "格式错误" }] },
  ],
  ["a code that appears in an ok case", { name: "", verdict: "ok", roster: { rows: broken }, absent: ["id.checksum"] }],
  [
    "a code that appears in an ng case's absent list",
    { name: "", verdict: "ng", roster: { rows: broken }, findings: right, absent: ["id.checksum"] },
  ],
])("fails on %s", (_label, c) => {
  expect(() => expectRosterCase(c)).toThrow();
});

test("a county case fails on a wrong place", () => {
  const person = (row: number, school: string) => ({
    idKey: "K",
    idMasked: "430381********0001",
    row,
    col: 3,
    program: "yibu",
    school,
  });
  const files = [
    {
      file: "a.xlsx",
      school: "一小",
      sheet: "表",
      people: [person(2, "一小")],
      seal: { status: "unchanged" as const, message: "" },
    },
    {
      file: "b.xlsx",
      school: "二小",
      sheet: "表",
      people: [person(2, "二小")],
      seal: { status: "unchanged" as const, message: "" },
    },
  ];
  const c = (places: string[]) => ({
    name: "",
    verdict: "ng" as const,
    files,
    findings: [{ rule: "county.dup-id", severity: "error" as const, message: "不同学校", places }],
  });
  expect(() => expectCountyCase(c(["a.xlsx › 表!D3", "b.xlsx › 表!D3"]))).not.toThrow();
  expect(() => expectCountyCase(c(["a.xlsx › 表!D3", "b.xlsx › 表!D4"]))).toThrow();
});
