// What ZIZHU.ID_REGION shows: place names for a 居民身份证, the document and its region for the
// residence permits, the document and the accepting province for a 外国人永久居留身份证.
import { idRegionText, parseId } from "../../../src/core/id";

const TODAY = { y: 2026, m: 5, d: 1 };

describe("idRegionText", () => {
  it.each([
    ["居民身份证", "11010519491231002X", "北京市朝阳区"],
    ["港澳居民居住证, Hong Kong", "810000199001011230", "港澳居民居住证（香港特别行政区）"],
    ["港澳居民居住证, Macao", "82000020180701001X", "港澳居民居住证（澳门特别行政区）"],
    ["台湾居民居住证", "830000200002290023", "台湾居民居住证（台湾省）"],
    ["外国人永久居留身份证, 江苏", "932682198501010017", "外国人永久居留身份证（江苏省受理）"],
    ["外国人永久居留身份证, 广东", "94484020150601002X", "外国人永久居留身份证（广东省受理）"],
  ])("%s: %s → %s", (_label, id, text) => {
    const r = parseId(id, TODAY);
    expect(r.ok && idRegionText(r.value)).toBe(text);
  });

  it("gives null, never throws, for what is not an id's info", () => {
    expect(idRegionText(null as never)).toBeNull();
    expect(idRegionText({ document: "居民身份证", regionCode: "990000", birth: { y: 2000, m: 1, d: 1 } })).toBeNull();
  });
});
