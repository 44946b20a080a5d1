// ZIZHU.ID_* on the documents of issue 11: the 2023 外国人永久居留身份证 (the example
// 932682198501010017), the 港澳台居民居住证, numbers of other documents, birth dates before 1900,
// and the optional 证件类型 argument of ID_VALID / ID_ERROR.
import "../../src/cli/custom-functions-host";
import { CustomFunctionError } from "../../src/cli/custom-functions-host";
import * as fx from "../../functions/identity";
import { provideContext } from "../../functions/context";
import { fixedToday } from "../../src/core/context";
import { serialFromCivil } from "../../src/core/date/serial";

beforeAll(() => provideContext({ today: fixedToday({ y: 2026, m: 11, d: 28 }) }));

function errorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    if (e instanceof CustomFunctionError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a CustomFunctions.Error");
}

const serial = (y: number, m: number, d: number) => serialFromCivil({ y, m, d });

describe("the issue's example: 外国人永久居留身份证 932682198501010017", () => {
  const id = "932682198501010017";
  test("ID_VALID is TRUE and ID_ERROR is empty", () => {
    expect(fx.idValid(id)).toBe(true);
    expect(fx.idError(id)).toBe("");
  });
  test("ID_BIRTHDATE, ID_GENDER, ID_AGE", () => {
    expect(fx.idBirthdate(id)).toBe(serial(1985, 1, 1));
    expect(fx.idGender(id)).toBe("男");
    expect(fx.idAge(id, "2026-09-01")).toBe(41);
  });
  test("ID_REGION names the document and the accepting province", () => {
    expect(fx.idRegion(id)).toBe("外国人永久居留身份证（江苏省受理）");
  });
  test("ID_UPGRADE gives it back", () => {
    expect(fx.idUpgrade(id)).toBe(id);
  });
});

describe("identity numbers", () => {
  test.each<[string, string, boolean, string]>([
    ["港澳居民居住证 (香港)", "810000199001011230", true, "港澳居民居住证（香港特别行政区）"],
    ["港澳居民居住证 (澳门)", "82000020180701001X", true, "港澳居民居住证（澳门特别行政区）"],
    ["台湾居民居住证", "830000200002290023", true, "台湾居民居住证（台湾省）"],
    ["居民身份证", "11010519491231002X", true, "北京市朝阳区"],
  ])("%s: ID_VALID %s, ID_REGION", (_label, id, valid, region) => {
    expect(fx.idValid(id)).toBe(valid);
    expect(fx.idRegion(id)).toBe(region);
  });

  test.each([
    ["外国人永久居留身份证, wrong check digit", "932682198501010018", "校验码错误：第18位应为 7，实际为 8"],
    [
      "外国人永久居留身份证, province 99",
      "999682198501010014",
      "外国人永久居留身份证号第2、3位 99 不是有效的受理地省级行政区划代码",
    ],
    ["外国人永久居留身份证, 30 February", "932682198502300016", "身份证号中的出生日期 1985-02-30 不是有效日期"],
    [
      "港澳台居民居住证, 810105",
      "810105199001011238",
      "港澳台居民居住证号前6位应为 810000、820000 或 830000，实际为 810105",
    ],
  ])("%s: FALSE, and ID_ERROR says why", (_label, id, message) => {
    expect(fx.idValid(id)).toBe(false);
    expect(fx.idError(id)).toBe(message);
    expect(errorOf(() => fx.idGender(id))).toEqual({ code: "#VALUE!", message });
  });
});

describe("born before 1900", () => {
  const id = "110105189912310015";
  test("the number is valid; ID_ERROR gives the warning", () => {
    expect(fx.idValid(id)).toBe(true);
    expect(fx.idError(id)).toBe(
      "身份证号中的出生日期 1899-12-31 早于1900年，作为在册人员的出生日期不合常理，请核对第7–14位",
    );
  });
  test("ID_BIRTHDATE gives the date as text: Excel has no serial before 1900-01-01", () => {
    expect(fx.idBirthdate(id)).toBe("1899-12-31");
    expect(fx.idBirthdate("11010519000101001X")).toBe(1);
  });
  test("ID_GENDER and ID_AGE work", () => {
    expect(fx.idGender(id)).toBe("男");
    expect(fx.idAge(id, "2026-11-28")).toBe(126);
  });
  test("before 1870 the date is no holder's: an error", () => {
    expect(fx.idValid("110105186912310011")).toBe(false);
    expect(fx.idError("110105186912310011")).toContain("早于1870年");
  });
});

describe("numbers of other documents", () => {
  test.each([
    ["港澳居民来往内地通行证", "H12345678"],
    ["外国人永久居留证", "USA320112031511"],
    ["护照", "E12345678"],
  ])("a %s number is not an ID, and ID_ERROR says what it looks like", (doc, id) => {
    expect(fx.idValid(id)).toBe(false);
    expect(fx.idError(id)).toBe(`看起来是${doc}号码，不是身份证号；可用 ZIZHU.ID_ERROR(号码, "${doc}") 按该证件校验`);
    expect(errorOf(() => fx.idBirthdate(id)).message).toContain(`看起来是${doc}号码`);
  });
  test("8 digits: the length problem, with a hint", () => {
    expect(fx.idError("12345678")).toBe(
      '身份证号应为18位（旧版15位），实际为8位（如为台湾居民来往大陆通行证号码，可用 ZIZHU.ID_ERROR(号码, "台湾居民来往大陆通行证") 按该证件校验）',
    );
  });
});

describe("the 证件类型 argument", () => {
  test.each<[unknown, unknown, boolean]>([
    ["H12345678", "回乡证", true],
    ["H12345678", "港澳居民来往内地通行证", true],
    ["H1234567", "回乡证", false],
    ["12345678", "台胞证", true],
    ["USA320112031511", "外国人永久居留证", true],
    ["USA320112031511", "外国人永久居留身份证", true],
    ["USA320112031512", "外国人永久居留证", false],
    ["932682198501010017", "外国人永久居留身份证", true],
    ["X1234567", "护照", true],
    ["11010519491231002X", "护照", false],
    ["11010519491231002X", "身份证", true],
    ["810000199001011230", "港澳台居民居住证", true],
    ["810000199001011230", "居民身份证", false], // valid, but not a 居民身份证
    ["任意", "其他", true],
    ["11010519491231002X", "", true], // empty = omitted
    ["11010519491231002X", 0, true], // Excel for Windows passes an empty cell as 0
  ])("ID_VALID(%j, %j) = %s", (id, type, valid) => {
    expect(fx.idValid(id, type)).toBe(valid);
  });

  test.each([
    ["H12345678", "回乡证", ""],
    ["H1234567", "回乡证", "港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（旧证为 H 或 M 加 10 位数字）"],
    ["USA320112031512", "外国人永久居留证", "外国人永久居留证号码校验位错误：第15位应为 1，实际为 2"],
    ["E12345678", "台胞证", "证件类型为“台湾居民来往大陆通行证”，但号码看起来是护照号码"],
    ["810000199001011230", "居民身份证", "证件类型为“居民身份证”，但号码是有效的港澳台居民居住证号码"],
    [
      "110105189912310015",
      "居民身份证",
      "身份证号中的出生日期 1899-12-31 早于1900年，作为在册人员的出生日期不合常理，请核对第7–14位",
    ],
  ])("ID_ERROR(%j, %j)", (id, type, message) => {
    expect(fx.idError(id, type)).toBe(message);
  });

  test("an unknown document type is #VALUE! naming the types", () => {
    const e = errorOf(() => fx.idValid("H12345678", "驾驶证"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("证件类型“驾驶证”无法识别");
    expect(e.message).toContain("港澳居民来往内地通行证");
  });

  test("empty numbers stay empty, lost digits stay an error", () => {
    expect(fx.idValid("", "护照")).toBe("");
    expect(fx.idError(null, "护照")).toBe("");
    expect(errorOf(() => fx.idValid(Number("932682198501010017"), "外国人永久居留身份证")).message).toContain("已丢失");
  });
});
