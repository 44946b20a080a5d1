// The 证件类型 (身份证件类型) field: its headers and the spellings of its values.
import { normalizeIdDocument, normalizeRecord, resolveField } from "../../../src/core/roster";
import type { IdDocument } from "../../../src/core/id";

describe("证件类型 headers", () => {
  it.each([
    "证件类型",
    "身份证件类型",
    "证件种类",
    "证件类别",
    "身份证件种类",
    "证件名称",
    "*证件类型",
    "证件类型（必填）",
    "学生证件类型",
  ])("%s → idType", (header) => {
    expect(resolveField(header)?.key).toBe("idType");
  });

  it("does not take the number's headers", () => {
    for (const header of ["身份证件号码", "证件号码", "身份证号", "证件号"])
      expect(resolveField(header)?.key).toBe("idNumber");
  });

  it("under 监护人 it is not the person's document type", () => {
    expect(resolveField("证件类型", "监护人")).toBeNull();
  });
});

describe("normalizeIdDocument", () => {
  const cases: [string, IdDocument][] = [
    ["居民身份证", "居民身份证"],
    ["身份证", "居民身份证"],
    ["二代身份证", "居民身份证"],
    ["港澳台居民居住证", "港澳台居民居住证"],
    ["港澳居民居住证", "港澳台居民居住证"],
    ["台湾居民居住证", "港澳台居民居住证"],
    ["外国人永久居留身份证", "外国人永久居留身份证"],
    ["外国人永久居留身份证（2023版）", "外国人永久居留身份证"],
    ["永居证", "外国人永久居留身份证"],
    ["外国人永久居留证", "外国人永久居留证"],
    ["港澳居民来往内地通行证", "港澳居民来往内地通行证"],
    ["港澳通行证", "港澳居民来往内地通行证"],
    ["回乡证", "港澳居民来往内地通行证"],
    ["台湾居民来往大陆通行证", "台湾居民来往大陆通行证"],
    ["台胞证", "台湾居民来往大陆通行证"],
    [" 台 胞 证 ", "台湾居民来往大陆通行证"],
    ["护照", "护照"],
    ["Passport", "护照"],
    ["其他", "其他"],
    ["其它", "其他"],
    ["户口簿", "其他"],
  ];
  it.each(cases)("%j → %s", (value, doc) => {
    expect(normalizeIdDocument(value)).toBe(doc);
  });

  it.each([["居住证"], ["驾驶证"], [""], [null], [1], [true]])("%j is not read", (value) => {
    expect(normalizeIdDocument(value)).toBeNull();
  });

  it("a record reads it, and reports a value it cannot read", () => {
    const ok = normalizeRecord([
      ["身份证件类型", "回乡证"],
      ["身份证件号码", "h12345678"],
    ]);
    expect(ok.record).toEqual({ idType: "港澳居民来往内地通行证", idNumber: "H12345678" });
    const bad = normalizeRecord([["证件类型", "居住证"]]);
    expect(bad.issues).toEqual([{ field: "idType", header: "证件类型", raw: "居住证", problem: "unrecognised-value" }]);
  });
});
