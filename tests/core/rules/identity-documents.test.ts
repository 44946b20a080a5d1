// Identity documents in the roster check: with a 证件类型 column each number is checked as the
// document its row names; without one, a number that is clearly another document's is said to be
// that (a warning), not reported as a broken 身份证号. Also the 2023 外国人永久居留身份证, the
// 港澳台居民居住证 and birth dates before 1900.
import { makeGrid, type CellValue } from "../../../src/core/grid/types";
import { checkWorkbook } from "../../../src/core/check/check";
import { seedPack } from "../../../src/core/policy";
import type { Issue } from "../../../src/core/report/types";
import { makeId } from "../../../samples/people";

const TODAY = { y: 2026, m: 11, d: 28 };

/** Numbers of children of school age (born 2014), built with the published rules. */
const ID = {
  resident: makeId("430381", 2014, 5, 1, 2), // 女
  residentTypo: `${makeId("430381", 2014, 5, 1, 2).slice(0, 17)}9`,
  foreign: makeId("932682", 2014, 5, 1, 1), // 外国人永久居留身份证, 江苏, nationality 682, 男
  foreignTypo: `${makeId("932682", 2014, 5, 1, 1).slice(0, 17)}2`,
  foreignNoProvince: makeId("999682", 2014, 5, 1, 1),
  hongKongPermit: makeId("810000", 2015, 3, 1, 3), // 港澳台居民居住证, 男
  permitBadRegion: makeId("810105", 2015, 3, 1, 3),
  born1899: makeId("430381", 1899, 12, 31, 1),
  born1869: makeId("430381", 1869, 1, 1, 1),
  permit15: "USA320112031511", // 外国人永久居留证: USA, 江苏, check digit 1
  permit15Typo: "USA320112031512",
};

function check(rows: CellValue[][]): Issue[] {
  const { report } = checkWorkbook(
    { sheets: [makeGrid("花名册", rows)], properties: {} },
    { pack: seedPack(), today: TODAY },
  );
  return report.issues.filter((i) => i.severity !== "info");
}

const brief = (issues: Issue[]): string[] => issues.map((i) => `${i.rule}@${i.cell}:${i.severity}`);

describe("without a 证件类型 column", () => {
  const roster = (idNumber: CellValue, gender: CellValue = null): CellValue[][] => [
    ["姓名", "性别", "身份证号", "学段"],
    ["甲", gender, idNumber, "小学"],
  ];

  it.each<[string, CellValue, string[]]>([
    ["居民身份证", ID.resident, []],
    ["外国人永久居留身份证 (2023): a valid ID", ID.foreign, []],
    ["港澳台居民居住证: a valid ID", ID.hongKongPermit, []],
    ["外国人永久居留身份证, wrong check digit", ID.foreignTypo, ["id.checksum@C2:error"]],
    ["外国人永久居留身份证, province 99", ID.foreignNoProvince, ["id.region@C2:error"]],
    ["港澳台居民居住证, address code 810105", ID.permitBadRegion, ["id.region@C2:error"]],
    ["港澳居民来往内地通行证", "H12345678", ["id.other-document@C2:warning"]],
    ["外国人永久居留证 (15 characters)", ID.permit15, ["id.other-document@C2:warning"]],
    ["a Chinese passport", "E12345678", ["id.other-document@C2:warning"]],
    ["a permit shape with a wrong check digit: still malformed", ID.permit15Typo, ["id.format@C2:error"]],
    ["8 digits: malformed, with a 台胞证 hint", "12345678", ["id.format@C2:error"]],
    [
      "born 1899: implausible, a warning (and no age-for-stage warning)",
      ID.born1899,
      ["id.birthdate-implausible@C2:warning"],
    ],
    ["born 1869: no holder's birth date", ID.born1869, ["id.birthdate@C2:error"]],
  ])("%s", (_label, idNumber, expected) => {
    expect(brief(check(roster(idNumber)))).toEqual(expected);
  });

  it("the issue's example is a valid ID (only its age is unusual for 小学)", () => {
    expect(brief(check(roster("932682198501010017")))).toEqual(["id.age-stage@C2:warning"]);
  });

  it("messages name the document and what to do", () => {
    const [hk] = check(roster("H12345678"));
    expect(hk?.message).toBe(
      "身份证号看起来是港澳居民来往内地通行证号码，不是居民身份证号；如确为通行证，请增加“证件类型”列注明",
    );
    expect(hk?.hint).toContain("证件类型");
    const [tw] = check(roster("12345678"));
    expect(tw?.message).toContain("如为台湾居民来往大陆通行证号码，请增加“证件类型”列注明");
    const [old] = check(roster(ID.born1899));
    expect(old?.message).toContain("早于1900年");
    expect(old?.message).not.toContain("1899"); // a real birth date is personal data
  });

  it("gender and age work from a 外国人永久居留身份证 and a 港澳台居民居住证", () => {
    expect(brief(check(roster(ID.foreign, "女")))).toEqual(["id.gender-mismatch@B2:error"]);
    expect(brief(check(roster(ID.hongKongPermit, "男")))).toEqual([]);
  });

  it("a guardian's number is checked the same way", () => {
    const rows = [
      ["姓名", "身份证号", "监护人身份证号"],
      ["甲", ID.resident, "M1234567801"],
    ];
    const issues = check(rows);
    expect(brief(issues)).toEqual(["id.other-document@C2:warning"]);
    expect(issues[0]?.message).toMatch(/^监护人身份证号看起来是港澳居民来往内地通行证号码/);
  });
});

describe("with a 证件类型 column", () => {
  const roster = (...people: [CellValue, CellValue][]): CellValue[][] => [
    ["姓名", "证件类型", "身份证件号码", "学段"],
    ...people.map(([type, id], i) => [`学生${i}`, type, id, "小学"]),
  ];

  it.each<[string, CellValue, CellValue, string[]]>([
    ["居民身份证", "居民身份证", ID.resident, []],
    ["身份证 (spelling)", "身份证", ID.resident, []],
    ["外国人永久居留身份证, 2023", "外国人永久居留身份证", ID.foreign, []],
    ["永居证, the 15-character number of the 2017 card", "永居证", ID.permit15, []],
    ["外国人永久居留证", "外国人永久居留证", ID.permit15, []],
    ["港澳台居民居住证", "港澳台居民居住证", ID.hongKongPermit, []],
    ["回乡证", "回乡证", "H12345678", []],
    ["港澳通行证, older card", "港澳通行证", "M1234567801", []],
    ["台胞证", "台胞证", "12345678", []],
    ["护照, foreign", "护照", "X1234567", []],
    ["其他: not checked", "其他", "户口簿0001", []],
    // The document's own format
    ["回乡证 with 7 digits", "回乡证", "H1234567", ["id.document-format@C2:error"]],
    ["台胞证 with 9 digits", "台胞证", "123456789", ["id.document-format@C2:error"]],
    ["护照 without a digit", "护照", "ABCDEFG", ["id.document-format@C2:error"]],
    ["外国人永久居留证, wrong check digit", "外国人永久居留证", ID.permit15Typo, ["id.document-format@C2:error"]],
    ["外国人永久居留身份证, wrong check digit", "外国人永久居留身份证", ID.foreignTypo, ["id.checksum@C2:error"]],
    ["居民身份证, wrong check digit", "居民身份证", ID.residentTypo, ["id.checksum@C2:error"]],
    // Another document's number
    ["居民身份证 with a 回乡证 number", "居民身份证", "H12345678", ["id.document-mismatch@C2:error"]],
    ["台胞证 with a Chinese passport", "台胞证", "E12345678", ["id.document-mismatch@C2:error"]],
    ["护照 with a 居民身份证 number", "护照", ID.resident, ["id.document-mismatch@C2:error"]],
    // A valid identity number under the wrong identity document: the number is right, the type is not.
    ["居民身份证 with a 港澳台居民居住证 number", "居民身份证", ID.hongKongPermit, ["id.document-mismatch@C2:warning"]],
    [
      "外国人永久居留身份证 with a 居民身份证",
      "外国人永久居留身份证",
      ID.resident,
      ["id.document-mismatch@C2:warning"],
    ],
    // No type on the row: as without the column
    ["empty 证件类型, a resident ID", null, ID.resident, []],
    ["empty 证件类型, a 回乡证", null, "H12345678", ["id.other-document@C2:warning"]],
    ["unreadable 证件类型", "居住证", ID.resident, ["field.unreadable@B2:warning"]],
  ])("%s", (_label, type, id, expected) => {
    expect(brief(check(roster([type, id])))).toEqual(expected);
  });

  it("messages", () => {
    const [mismatch] = check(roster(["居民身份证", "H12345678"]));
    expect(mismatch?.message).toBe(
      "证件类型填为“居民身份证”，但号码不符合居民身份证的格式，看起来是港澳居民来往内地通行证号码",
    );
    expect(mismatch?.hint).toContain("港澳居民来往内地通行证");
    const [label] = check(roster(["居民身份证", ID.hongKongPermit]));
    expect(label?.message).toBe("证件类型填为“居民身份证”，但号码是有效的港澳台居民居住证号码");
    const [format] = check(roster(["回乡证", "H1234567"]));
    expect(format?.message).toBe("港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（旧证为 H 或 M 加 10 位数字）");
    const [permit] = check(roster(["外国人永久居留证", ID.permit15Typo]));
    expect(permit?.message).toBe("外国人永久居留证号码校验位错误：第15位应为 1，实际为 2");
    const [empty] = check(roster([null, "H12345678"]));
    expect(empty?.message).toContain("请在“证件类型”列注明");
  });

  it("duplicates are found among every document's numbers", () => {
    const issues = brief(check(roster(["护照", "X1234567"], ["护照", "x1234567"], ["台胞证", "12345678"])));
    expect(issues).toEqual(["dup.id@C3:error"]);
    const foreign = brief(check(roster(["外国人永久居留身份证", ID.foreign], [null, ID.foreign])));
    expect(foreign).toEqual(["dup.id@C3:error"]);
  });

  it("policy rules keep working for people without a 居民身份证", () => {
    const rows = [
      ["姓名", "证件类型", "证件号码", "学段", "资助项目"],
      ["甲", "回乡证", "H12345678", "小学", "普高助学金"],
    ];
    expect(brief(check(rows))).toEqual(["policy.ineligible@D2:error"]);
  });
});
