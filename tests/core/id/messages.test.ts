import { idMessage, type IdProblem } from "../../../src/core/id";

describe("idMessage", () => {
  // One problem of every shape, with the zh-CN text users see.
  const cases: [IdProblem, string][] = [
    [{ code: "id.empty" }, "身份证号为空"],
    [
      { code: "id.stored-as-number", shown: "440524188001010000" },
      "身份证号被存为数字，后几位已丢失，请将该列设为文本后重新录入",
    ],
    [{ code: "id.format", reason: "chars", bad: "Y-" }, "身份证号含有无效字符：Y-（只能是数字，第18位可以是 X）"],
    [{ code: "id.format", reason: "length", length: 16 }, "身份证号应为18位（旧版15位），实际为16位"],
    [{ code: "id.region", province: "99" }, "身份证号前两位 99 不是有效的省级行政区划代码"],
    [{ code: "id.birthdate", reason: "invalid", text: "19490230" }, "身份证号中的出生日期 1949-02-30 不是有效日期"],
    [{ code: "id.birthdate", reason: "future", text: "20300101" }, "身份证号中的出生日期 2030-01-01 晚于今天"],
    [
      { code: "id.birthdate", reason: "too-early", text: "18600101" },
      "身份证号中的出生日期 1860-01-01 早于1870年，不可能是持证人的出生日期",
    ],
    [
      { code: "id.region", province: "90", document: "外国人永久居留身份证" },
      "外国人永久居留身份证号第2、3位 90 不是有效的受理地省级行政区划代码",
    ],
    [
      { code: "id.region", province: "81", document: "港澳台居民居住证", region: "810105" },
      "港澳台居民居住证号前6位应为 810000、820000 或 830000，实际为 810105",
    ],
    [{ code: "id.birthdate", reason: "invalid", text: "491331" }, "身份证号中的出生日期 49-13-31 不是有效日期"],
    // For the GB 11643-1999 example with a wrong last digit, 110105194912310021.
    [{ code: "id.checksum", expected: "X", actual: "1" }, "校验码错误：第18位应为 X，实际为 1"],
  ];

  it.each(cases)("zh-CN %j", (problem, text) => {
    expect(idMessage(problem)).toBe(text);
    expect(idMessage(problem, "zh-CN")).toBe(text);
  });

  it.each(cases)("en-US %j is English and names the data", (problem) => {
    const text = idMessage(problem, "en-US");
    expect(text).toMatch(/^[\x20-\x7E]+$/);
    for (const value of Object.values(problem).slice(1)) {
      // Codes and numbers are repeated; the Chinese name of a document is rendered in English.
      const isCode = ["chars", "length", "invalid", "future", "too-early"].includes(value as string);
      if (typeof value === "string" && !isCode && /^[\x20-\x7E]+$/.test(value)) {
        expect(text.replace(/(\d)-(?=\d)/g, "$1")).toContain(value); // dates are shown with dashes
      }
    }
  });

  it("malformed problems still get text", () => {
    expect(idMessage({ code: "id.unknown" } as unknown as IdProblem)).toBe("身份证号无效");
    expect(idMessage(null as unknown as IdProblem, "en-US")).toBe("Invalid ID number");
    expect(idMessage({ code: "id.region" } as unknown as IdProblem)).not.toContain("undefined");
  });
});
