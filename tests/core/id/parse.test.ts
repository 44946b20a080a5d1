import { parseId, upgradeId, type IdProblem } from "../../../src/core/id";

const TODAY = { y: 2026, m: 5, d: 1 };

describe("parseId accepts", () => {
  // GB 11643-1999 annex A: 11010519491231002X, 北京市朝阳区, born 1949-12-31, sequence 002 (even: 女).
  // Its 15-digit form (before 1999) drops "19" and the check digit: 110105491231002.
  it.each([
    ["GB 11643-1999 example", "11010519491231002X", 18],
    ["lower-case x", "11010519491231002x", 18],
    ["spaces", " 110105 19491231 002X ", 18],
    ["full-width digits and Ｘ", "１１０１０５１９４９１２３１００２Ｘ", 18],
    ["ideographic space and zero-width characters", "110105\u300019491231\u200B002\uFEFFX", 18],
    ["15-digit form", "110105491231002", 15],
    ["15-digit form as a number (exact below 1e15)", 110105491231002, 15],
  ])("%s: %j", (_label, input, digits) => {
    const r = parseId(input, TODAY);
    expect(r).toEqual({
      ok: true,
      value: {
        value: digits === 18 ? "11010519491231002X" : "110105491231002",
        digits,
        document: "居民身份证",
        regionCode: "110105",
        birth: { y: 1949, m: 12, d: 31 },
        bornBefore1900: false,
        gender: "女",
        id18: "11010519491231002X",
      },
    });
  });

  // Constructed with the GB 11643-1999 rules: odd 17th digit (男); 81/82/83 are the
  // province-level codes of the 2018 港澳台 residence permits; born today is allowed.
  it.each([
    ["43038120100101001X", "男", { y: 2010, m: 1, d: 1 }],
    ["810000199001011234", "男", { y: 1990, m: 1, d: 1 }],
    ["830000200002290027", "女", { y: 2000, m: 2, d: 29 }],
    ["340524202605010041", "女", TODAY], // county 340524 is not in the data: not an error
  ])("%s", (raw, gender, birth) => {
    const id = raw.slice(0, 17) + checkFor(raw.slice(0, 17));
    const r = parseId(id, TODAY);
    expect(r.ok && r.value.gender).toBe(gender);
    expect(r.ok && r.value.birth).toEqual(birth);
  });
});

describe("parseId rejects, in order: empty, stored-as-number, chars, length, province, birth date, checksum", () => {
  const cases: [string, unknown, IdProblem][] = [
    ["null", null, { code: "id.empty" }],
    ["undefined", undefined, { code: "id.empty" }],
    ["empty text", "", { code: "id.empty" }],
    ["white space only", " \u3000\t\u200B", { code: "id.empty" }],
    ["text in exponent form (CSV export)", "4.40524E+17", { code: "id.stored-as-number", shown: "4.40524E+17" }],
    [
      "text in exponent form, full-width",
      "４.４０５２４Ｅ＋１７",
      { code: "id.stored-as-number", shown: "4.40524E+17" },
    ],
    ["a letter", "11010519491231002Y", { code: "id.format", reason: "chars", bad: "Y" }],
    ["X not last", "1101051949X231002X", { code: "id.format", reason: "chars", bad: "X" }],
    ["X ending a 15-digit id (no check digit)", "11010549123100X", { code: "id.format", reason: "chars", bad: "X" }],
    ["X before an extra digit", "11010519491231002X1", { code: "id.format", reason: "chars", bad: "X" }],
    ["dashes", "110105-19491231-002X", { code: "id.format", reason: "chars", bad: "-" }],
    ["X ending a 16-character value: length", "110105194912310X", { code: "id.format", reason: "length", length: 16 }],
    ["negative number", -5, { code: "id.format", reason: "chars", bad: "-" }],
    ["fraction", 1.5, { code: "id.format", reason: "chars", bad: "." }],
    ["NaN", Number.NaN, { code: "id.format", reason: "chars", bad: "Na" }],
    ["boolean", true, { code: "id.format", reason: "chars", bad: "TRUE" }],
    ["chars before length", "abc", { code: "id.format", reason: "chars", bad: "abc" }],
    ["16 digits", "1101051949123100", { code: "id.format", reason: "length", length: 16 }],
    ["17 digits", "11010519491231002", { code: "id.format", reason: "length", length: 17 }],
    ["19 digits", "1101051949123100211", { code: "id.format", reason: "length", length: 19 }],
    ["short number", 12345, { code: "id.format", reason: "length", length: 5 }],
    // 9 first is a 外国人永久居留身份证: its province is digits 2–3.
    [
      "9 first: 外国人永久居留身份证 with accepting province 90",
      "99010519491231002X",
      { code: "id.region", province: "90", document: "外国人永久居留身份证" },
    ],
    ["unknown province 72", "72010519491231002X", { code: "id.region", province: "72" }],
    ["unknown province 71 (not used in ids)", "710105491231002", { code: "id.region", province: "71" }],
    ["province 00", "000000194912310021", { code: "id.region", province: "00" }],
    ["30 February", "110105194902300021", { code: "id.birthdate", reason: "invalid", text: "19490230" }],
    [
      "29 February of a common year",
      "110105190002290021",
      { code: "id.birthdate", reason: "invalid", text: "19000229" },
    ],
    ["month 13 in a 15-digit id", "110105491331002", { code: "id.birthdate", reason: "invalid", text: "491331" }],
    ["day 00", "110105194912000021", { code: "id.birthdate", reason: "invalid", text: "19491200" }],
    ["born tomorrow", "110105202605020021", { code: "id.birthdate", reason: "future", text: "20260502" }],
    ["born in 2030", "110105203001010011", { code: "id.birthdate", reason: "future", text: "20300101" }],
    // Before 1870 no holder of an identity number can have been born (issued from 1984 on).
    ["born 1869", "110105186912310011", { code: "id.birthdate", reason: "too-early", text: "18691231" }],
    ["year 0000", "110105000001010011", { code: "id.birthdate", reason: "too-early", text: "00000101" }],
    // The GB 11643-1999 example with its last character changed.
    ["wrong check digit", "110105194912310021", { code: "id.checksum", expected: "X", actual: "1" }],
    ["X where a digit belongs", "11010519800101001X", { code: "id.checksum", expected: "6", actual: "X" }],
  ];
  it.each(cases)("%s: %j", (_label, input, problem) => {
    expect(parseId(input, TODAY)).toEqual({ ok: false, problem });
  });

  it("an 18-digit number (>= 1e15) has lost digits", () => {
    const r = parseId(Number("110105194912310021"), TODAY); // as Excel stores it: rounded to a double;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe("id.stored-as-number");
      expect(r.problem).toEqual({ code: "id.stored-as-number", shown: expect.stringMatching(/^\d{18}$/) });
    }
  });

  it("objects and functions are not ids", () => {
    for (const input of [{}, [], () => 1, Symbol("x"), { toString: 1 }, Object.create(null)]) {
      const r = parseId(input, TODAY);
      expect(r.ok ? "ok" : r.problem.code).toBe("id.format");
    }
  });
});

describe("upgradeId", () => {
  // The 15-digit form of the GB 11643-1999 example, and generated ones.
  it.each([
    ["110105491231002", "11010519491231002X"],
    ["11010519491231002x", "11010519491231002X"],
    [" 110105 491231 002 ", "11010519491231002X"],
    [430381800101123, "43038119800101123X"],
  ])("%j → %s", (input, expected) => {
    expect(upgradeId(input, TODAY)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["110105194912310021", "id.checksum"],
    ["110105491331002", "id.birthdate"],
    ["", "id.empty"],
  ])("%j fails with %s", (input, code) => {
    const r = upgradeId(input, TODAY);
    expect(r.ok ? "ok" : r.problem.code).toBe(code);
  });
});

function checkFor(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(first17.charAt(i)), 0);
  return "10X98765432".charAt(sum % 11);
}
