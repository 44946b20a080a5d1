// Identity documents (身份证件类型): the identity numbers parseId reads (居民身份证, 港澳台居民居住证,
// the 2023 外国人永久居留身份证) and the documents with formats of their own, checked as the
// roster's 证件类型 names them. Numbers are constructed with the published rules (check digits
// computed), except the example 932682198501010017.
import {
  checkDigit,
  checkDocument,
  documentMessage,
  documentsAgree,
  icaoCheckDigit,
  idMessage,
  idNotice,
  parseId,
  resembles,
  type DocumentProblem,
  type IdDocument,
  type IdProblem,
} from "../../../src/core/id";

const TODAY = { y: 2026, m: 5, d: 1 };

describe("MOD 11-2 and ICAO 7-3-1 check digits", () => {
  it("the issue's 外国人永久居留身份证 example passes MOD 11-2 (check digit 7)", () => {
    expect(checkDigit("93268219850101001")).toBe("7");
  });
  // ICAO 9303: digits as themselves, A = 10 … Z = 35, weights 7 3 1 repeating, sum mod 10.
  it.each([
    // U=30·7 + S=28·3 + A=10·1 + 3·7 + 2·3 + 0·1 + 1·7 + 1·3 + 2·1 + 0·7 + 3·3 + 1·1 + 5·7 + 1·3 = 391
    ["USA32011203151", "1"],
    ["CAN11000801012", "1"],
    ["520", "1"], // 5·7 + 2·3 + 0·1 = 41
    ["", "0"],
  ])("icaoCheckDigit(%j) = %s", (text, digit) => {
    expect(icaoCheckDigit(text)).toBe(digit);
  });
});

describe("identity numbers: 居民身份证, 港澳台居民居住证, 外国人永久居留身份证 (parseId)", () => {
  type Case = [label: string, input: string, document: IdDocument, gender: "男" | "女", birth: string];
  const valid: Case[] = [
    ["居民身份证 (GB 11643-1999 example)", "11010519491231002X", "居民身份证", "女", "1949-12-31"],
    ["港澳居民居住证, Hong Kong", "810000199001011230", "港澳台居民居住证", "男", "1990-01-01"],
    ["港澳居民居住证, Macao, X check", "82000020180701001X", "港澳台居民居住证", "男", "2018-07-01"],
    ["台湾居民居住证, 29 February", "830000200002290023", "港澳台居民居住证", "女", "2000-02-29"],
    [
      "外国人永久居留身份证: the issue's example (江苏, nationality 682)",
      "932682198501010017",
      "外国人永久居留身份证",
      "男",
      "1985-01-01",
    ],
    [
      "外国人永久居留身份证: 广东, nationality 840, X check",
      "94484020150601002X",
      "外国人永久居留身份证",
      "女",
      "2015-06-01",
    ],
  ];
  it.each(valid)("%s: %s", (_label, input, document, gender, birth) => {
    const r = parseId(input, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.document).toBe(document);
    expect(r.value.gender).toBe(gender);
    const b = r.value.birth;
    expect(`${b.y}-${String(b.m).padStart(2, "0")}-${String(b.d).padStart(2, "0")}`).toBe(birth);
    expect(r.value.bornBefore1900).toBe(false);
    expect(r.value.id18).toBe(input);
  });

  it("a 外国人永久居留身份证 names its accepting province and nationality", () => {
    const r = parseId("932682198501010017", TODAY);
    expect(r.ok && [r.value.regionCode, r.value.nationality]).toEqual(["320000", "682"]);
    const resident = parseId("11010519491231002X", TODAY);
    expect(resident.ok && resident.value.nationality).toBeUndefined();
  });

  const invalid: [label: string, input: string, problem: IdProblem][] = [
    [
      "外国人永久居留身份证, wrong check digit",
      "932682198501010018",
      { code: "id.checksum", expected: "7", actual: "8" },
    ],
    ["外国人永久居留身份证, 17 digits", "93268219850101001", { code: "id.format", reason: "length", length: 17 }],
    [
      "外国人永久居留身份证, 30 February",
      "932682198502300016",
      { code: "id.birthdate", reason: "invalid", text: "19850230" },
    ],
    [
      "外国人永久居留身份证, born after today",
      "932682202701010017",
      { code: "id.birthdate", reason: "future", text: "20270101" },
    ],
    [
      "外国人永久居留身份证, province 99 does not exist",
      "999682198501010014",
      { code: "id.region", province: "99", document: "外国人永久居留身份证" },
    ],
    [
      "外国人永久居留身份证, accepted in Hong Kong (81 is no mainland province)",
      "981682198501010015",
      { code: "id.region", province: "81", document: "外国人永久居留身份证" },
    ],
    ["港澳台居民居住证, wrong check digit", "810000199001011231", { code: "id.checksum", expected: "0", actual: "1" }],
    ["港澳台居民居住证, 17 digits", "81000019900101123", { code: "id.format", reason: "length", length: 17 }],
    ["港澳台居民居住证, 31 April", "810000199004310010", { code: "id.birthdate", reason: "invalid", text: "19900431" }],
    [
      "港澳台居民居住证, address code not 810000",
      "810105199001011238",
      { code: "id.region", province: "81", document: "港澳台居民居住证", region: "810105" },
    ],
    [
      "港澳台居民居住证, 15 digits (the permits are from 2018)",
      "810000900101123",
      { code: "id.region", province: "81", document: "港澳台居民居住证", region: "810000" },
    ],
  ];
  it.each(invalid)("%s: %s", (_label, input, problem) => {
    expect(parseId(input, TODAY)).toEqual({ ok: false, problem });
    expect(idMessage(problem)).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("born before 1900: a real, implausible date, not a broken number", () => {
  it.each([
    ["1899-12-31", "110105189912310015"],
    ["1870-01-01, the earliest accepted", "110105187001010012"],
    ["外国人永久居留身份证, 1899-12-31", "93268218991231001X"],
  ])("%s: valid, bornBefore1900", (_label, input) => {
    const r = parseId(input, TODAY);
    expect(r.ok && r.value.bornBefore1900).toBe(true);
    if (r.ok) expect(idNotice(r.value)).toMatch(/早于1900年.*不合常理/);
  });

  it("1900-01-01 is plausible: no notice", () => {
    const r = parseId("11010519000101001X", TODAY);
    expect(r.ok && [r.value.bornBefore1900, idNotice(r.value)]).toEqual([false, ""]);
  });

  it("a pre-1900 number with a wrong check digit is still a checksum error", () => {
    expect(parseId("110105189912310016", TODAY)).toEqual({
      ok: false,
      problem: { code: "id.checksum", expected: "5", actual: "6" },
    });
  });
});

describe("checkDocument: a number checked as the document the roster names", () => {
  type Ok = [label: string, declared: IdDocument, input: unknown, document: IdDocument];
  const accepted: Ok[] = [
    ["居民身份证", "居民身份证", "11010519491231002X", "居民身份证"],
    ["居民身份证, 15 digits", "居民身份证", "110105491231002", "居民身份证"],
    ["港澳台居民居住证", "港澳台居民居住证", "810000199001011230", "港澳台居民居住证"],
    ["外国人永久居留身份证, 2023 (18 digits)", "外国人永久居留身份证", "932682198501010017", "外国人永久居留身份证"],
    [
      "外国人永久居留身份证, 2017 edition (15 characters)",
      "外国人永久居留身份证",
      "USA320112031511",
      "外国人永久居留证",
    ],
    ["外国人永久居留证 (2004)", "外国人永久居留证", "USA320112031511", "外国人永久居留证"],
    ["外国人永久居留证, lower case and spaces", "外国人永久居留证", " can 110008 010121 ", "外国人永久居留证"],
    ["外国人永久居留证, renewed as the 2023 card", "外国人永久居留证", "932682198501010017", "外国人永久居留身份证"],
    ["港澳居民来往内地通行证, H + 8", "港澳居民来往内地通行证", "H12345678", "港澳居民来往内地通行证"],
    ["港澳居民来往内地通行证, M + 10 (older card)", "港澳居民来往内地通行证", "M1234567801", "港澳居民来往内地通行证"],
    ["港澳居民来往内地通行证, lower case", "港澳居民来往内地通行证", "h12345678", "港澳居民来往内地通行证"],
    ["台湾居民来往大陆通行证, 8 digits", "台湾居民来往大陆通行证", "12345678", "台湾居民来往大陆通行证"],
    ["台湾居民来往大陆通行证, as a number", "台湾居民来往大陆通行证", 12345678, "台湾居民来往大陆通行证"],
    ["台湾居民来往大陆通行证, 10 digits", "台湾居民来往大陆通行证", "1234567801", "台湾居民来往大陆通行证"],
    [
      "台湾居民来往大陆通行证, old booklet with a letter",
      "台湾居民来往大陆通行证",
      "1234567890(B)",
      "台湾居民来往大陆通行证",
    ],
    ["护照, Chinese E + 8", "护照", "E12345678", "护照"],
    ["护照, Chinese EA + 7", "护照", "EA1234567", "护照"],
    ["护照, foreign", "护照", "X1234567", "护照"],
    ["护照, Hong Kong SAR (H + 8 is also a 回乡证 shape)", "护照", "H12345678", "护照"],
    ["其他: not checked", "其他", "户口簿-0001", "其他"],
  ];
  it.each(accepted)("%s: %j", (_label, declared, input, document) => {
    const r = checkDocument(input, declared, TODAY);
    expect(r.ok && [r.value.declared, r.value.document]).toEqual([declared, document]);
    if (r.ok) expect(documentsAgree(declared, r.value.document)).toBe(true);
  });

  it("a valid identity number of another identity document is accepted, and says which", () => {
    const r = checkDocument("810000199001011230", "居民身份证", TODAY);
    expect(r.ok && r.value.document).toBe("港澳台居民居住证");
    if (r.ok) expect(documentsAgree("居民身份证", r.value.document)).toBe(false);
    const f = checkDocument("11010519491231002X", "外国人永久居留身份证", TODAY);
    expect(f.ok && f.value.document).toBe("居民身份证");
  });

  const rejected: [label: string, declared: IdDocument, input: string, problem: DocumentProblem][] = [
    // 外国人永久居留证 (15 characters)
    [
      "permit, wrong check digit",
      "外国人永久居留证",
      "USA320112031512",
      { code: "doc.checksum", format: "外国人永久居留证", expected: "1", actual: "2" },
    ],
    ["permit, 14 characters", "外国人永久居留证", "USA32011203151", { code: "doc.format", format: "外国人永久居留证" }],
    [
      "permit, 2 letters",
      "外国人永久居留身份证",
      "US3201120315111",
      { code: "doc.format", format: "外国人永久居留证" },
    ],
    [
      "permit, month 13",
      "外国人永久居留证",
      "USA320112131518",
      { code: "doc.birthdate", format: "外国人永久居留证", text: "121315" },
    ],
    [
      "permit, 29 February of 1917 and 2017",
      "外国人永久居留证",
      "GBR440017022961",
      { code: "doc.birthdate", format: "外国人永久居留证", text: "170229" },
    ],
    [
      "permit, province 99",
      "外国人永久居留证",
      "USA990112031514",
      { code: "doc.region", format: "外国人永久居留证", province: "99" },
    ],
    [
      "permit, province 81 (not mainland)",
      "外国人永久居留证",
      "USA810112031513",
      { code: "doc.region", format: "外国人永久居留证", province: "81" },
    ],
    // 外国人永久居留身份证 (18 digits)
    [
      "2023 card, wrong check digit",
      "外国人永久居留身份证",
      "932682198501010018",
      { code: "id.checksum", expected: "7", actual: "8" },
    ],
    [
      "2023 card, 30 February",
      "外国人永久居留身份证",
      "932682198502300016",
      { code: "id.birthdate", reason: "invalid", text: "19850230" },
    ],
    [
      "2023 card, 17 digits",
      "外国人永久居留身份证",
      "93268219850101001",
      { code: "doc.format", format: "外国人永久居留证" },
    ],
    // 港澳居民来往内地通行证
    [
      "回乡证, 7 digits",
      "港澳居民来往内地通行证",
      "H1234567",
      { code: "doc.format", format: "港澳居民来往内地通行证" },
    ],
    [
      "回乡证, 9 digits",
      "港澳居民来往内地通行证",
      "H123456789",
      { code: "doc.format", format: "港澳居民来往内地通行证" },
    ],
    ["回乡证, K", "港澳居民来往内地通行证", "K12345678", { code: "doc.format", format: "港澳居民来往内地通行证" }],
    // 台湾居民来往大陆通行证
    ["台胞证, 7 digits", "台湾居民来往大陆通行证", "1234567", { code: "doc.format", format: "台湾居民来往大陆通行证" }],
    [
      "台胞证, 9 digits",
      "台湾居民来往大陆通行证",
      "123456789",
      { code: "doc.format", format: "台湾居民来往大陆通行证" },
    ],
    [
      "台胞证, a letter first",
      "台湾居民来往大陆通行证",
      "A1234567",
      { code: "doc.format", format: "台湾居民来往大陆通行证" },
    ],
    // 护照
    ["passport, 4 characters", "护照", "E123", { code: "doc.format", format: "护照" }],
    ["passport, 18 characters", "护照", "E12345678901234567", { code: "doc.format", format: "护照" }],
    ["passport, no digit", "护照", "ABCDEFG", { code: "doc.format", format: "护照" }],
    ["passport, Chinese characters", "护照", "护照号码", { code: "doc.format", format: "护照" }],
    // 居民身份证: its own problems when the number is nobody else's
    [
      "居民身份证, wrong check digit",
      "居民身份证",
      "110105194912310021",
      { code: "id.checksum", expected: "X", actual: "1" },
    ],
    ["居民身份证, 8 digits", "居民身份证", "12345678", { code: "id.format", reason: "length", length: 8 }],
  ];
  it.each(rejected)("%s: %s", (_label, declared, input, problem) => {
    expect(checkDocument(input, declared, TODAY)).toEqual({ ok: false, problem });
    expect(documentMessage(problem)).toMatch(/[\u4e00-\u9fff]/);
    expect(documentMessage(problem, "en-US")).toMatch(/^[\x20-\x7E]+$/);
  });

  const mismatched: [label: string, declared: IdDocument, input: string, looksLike: IdDocument][] = [
    ["a 回乡证 as 居民身份证", "居民身份证", "H12345678", "港澳居民来往内地通行证"],
    ["a Chinese passport as 居民身份证", "居民身份证", "E12345678", "护照"],
    ["a 15-character permit as 居民身份证", "居民身份证", "USA320112031511", "外国人永久居留证"],
    ["a 居民身份证 as 护照", "护照", "11010519491231002X", "居民身份证"],
    ["a 15-digit 居民身份证 as 护照", "护照", "110105491231002", "居民身份证"],
    ["a 居民身份证 as 台胞证", "台湾居民来往大陆通行证", "11010519491231002X", "居民身份证"],
    ["a passport as 台胞证", "台湾居民来往大陆通行证", "E12345678", "护照"],
    ["a 回乡证 as 外国人永久居留证", "外国人永久居留证", "M12345678", "港澳居民来往内地通行证"],
    ["a 居住证 as 回乡证", "港澳居民来往内地通行证", "810000199001011230", "港澳台居民居住证"],
  ];
  it.each(mismatched)("%s: doc.mismatch", (_label, declared, input, looksLike) => {
    const problem = { code: "doc.mismatch", declared, looksLike } as const;
    expect(checkDocument(input, declared, TODAY)).toEqual({ ok: false, problem });
    expect(documentMessage(problem)).toBe(`证件类型为“${declared}”，但号码看起来是${looksLike}号码`);
  });

  it("empty cells and numbers Excel has rounded", () => {
    expect(checkDocument("  ", "护照", TODAY)).toEqual({ ok: false, problem: { code: "id.empty" } });
    const lost = checkDocument(Number("932682198501010017"), "外国人永久居留身份证", TODAY);
    expect(lost.ok ? "ok" : lost.problem.code).toBe("id.stored-as-number");
  });
});

describe("resembles: which document a value looks like", () => {
  it.each<[unknown, IdDocument | null, boolean]>([
    ["932682198501010017", "外国人永久居留身份证", true],
    ["810000199001011230", "港澳台居民居住证", true],
    ["USA320112031511", "外国人永久居留证", true],
    ["USA320112031512", "外国人永久居留证", false], // the shape, not the check digit
    ["H12345678", "港澳居民来往内地通行证", true],
    ["m1234567801", "港澳居民来往内地通行证", true],
    ["G12345678", "护照", true],
    ["EB1234567", "护照", true],
    ["12345678", "台湾居民来往大陆通行证", false], // 8 digits are also a truncated number
    ["110105194912310021", null, false], // a resident ID with a typo is nobody else's
    ["X1234567", null, false], // a foreign passport has no recognisable shape
    [null, null, false],
  ])("%j → %s", (input, document, strong) => {
    const r = resembles(input, TODAY);
    expect(r === null ? [null, false] : [r.document, r.strong]).toEqual([document, strong]);
  });
});
