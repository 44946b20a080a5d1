import fc from "fast-check";
import {
  detectMaskKind,
  maskCard,
  maskId,
  maskMessage,
  maskName,
  maskPhone,
  maskValue,
  type MaskKind,
  type MaskProblem,
} from "../../../src/core/mask";

describe("maskId", () => {
  // GB 11643-1999 annex example and its 15-digit form.
  it.each([
    ["11010519491231002X", "110105********002X"],
    ["110105491231002", "110105*****1002"],
    ["110105 19491231 002X", "110105 ******** 002X"], // separators stay in place
    ["1234567890", "******7890"], // too short to keep 6 + 4: last 4 only
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(maskId(input)).toBe(expected);
  });
});

describe("maskCard", () => {
  // Test card numbers: 6222021234567890128 is a UnionPay-shaped number with a valid Luhn digit;
  // 4111111111111111 is Visa's published test number.
  it.each([
    ["6222021234567890128", "***************0128"],
    ["4111111111111111", "************1111"],
    ["4111 1111 1111 1111", "**** **** **** 1111"],
    ["12345", "***45"],
  ])("%j → %j", (input, expected) => {
    expect(maskCard(input)).toBe(expected);
  });
});

describe("maskPhone", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["+86 138 1234 5678", "138****5678"],
    ["0731-5551234", "0731-***1234"],
    ["010 88886666", "010-****6666"],
    ["0731-5551234转123", "0731-***1234-***"],
    ["12345", "***45"], // not a phone number: generic masking
  ])("%j → %j", (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe("maskName", () => {
  it.each([
    ["张三", "张*"],
    ["张三丰", "张**"],
    ["欧阳娜娜", "欧阳**"],
    ["司马相如", "司马**"],
    ["诸葛亮", "诸葛*"],
    ["上官婉儿", "上官**"],
    ["欧阳", "欧*"], // two characters: read as surname + given name
    ["买买提·艾力", "买买提·**"],
    ["阿卜杜拉・买买提", "阿卜杜拉·***"], // katakana middle dot folded to ·
    [" 王 五 ", "王 *"],
    ["张", "*"],
    ["𠮷野家", "𠮷**"], // a character outside the BMP counts once
  ])("%j → %j", (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
});

describe("detectMaskKind", () => {
  const cases: [string, MaskKind | null][] = [
    ["11010519491231002X", "id"], // GB 11643-1999 example: valid checksum
    ["11010519491231002x", "id"],
    ["6222021234567890128", "card"], // Luhn-valid 19 digits
    ["4111111111111111", "card"], // Visa test number
    ["13812345678", "phone"],
    ["0731-5551234", "phone"],
    ["110105194912310021", "id"], // wrong check digit but the shape of an id
    ["110105491231002", "id"], // 15 digits
    ["6222021234567890123", "card"], // Luhn fails, still 19 digits
    ["1234567890123456", "card"],
    ["张三", "name"],
    ["买买提·艾力", "name"],
    ["张", null],
    ["张三abc", null],
    ["hello", null],
    ["12345", null],
    ["", null],
  ];
  it.each(cases)("%j → %s", (text, kind) => {
    expect(detectMaskKind(text)).toBe(kind);
  });
});

describe("maskValue", () => {
  it.each([
    ["11010519491231002X", undefined, "110105********002X"],
    ["11010519491231002x", "", "110105********002X"],
    [" 110105 19491231 002X ", "身份证号", "110105********002X"],
    ["6222021234567890128", "银行卡", "***************0128"],
    ["6222 0212 3456 7890 128", "卡号", "***************0128"],
    [13812345678, "手机号", "138****5678"],
    [13812345678, null, "138****5678"],
    ["0731-5551234", "联系电话", "0731-***1234"],
    ["张三丰", "姓名", "张**"],
    ["欧阳娜娜", undefined, "欧阳**"],
    ["13812345678", "ＰＨＯＮＥ", "138****5678"], // full-width and case insensitive
    ["13812345678", " Phone ", "138****5678"],
    ["13812345678", "card", "*******5678"], // an explicit kind wins over detection
    [110105491231002, "证件号", "110105*****1002"],
  ])("%j as %j → %j", (input, kind, expected) => {
    expect(maskValue(input, kind)).toEqual({ ok: true, value: expected });
  });

  const problems: [unknown, unknown, MaskProblem][] = [
    [null, "id", { code: "mask.empty" }],
    ["  ", undefined, { code: "mask.empty" }],
    ["13812345678", "passport", { code: "mask.unknown-kind", kind: "passport" }],
    ["13812345678", "constructor", { code: "mask.unknown-kind", kind: "constructor" }],
    ["13812345678", 5, { code: "mask.unknown-kind", kind: "5" }],
    ["13812345678", {}, { code: "mask.unknown-kind", kind: "[object]" }],
    [1.1e17, "身份证", { code: "mask.stored-as-number", shown: "110000000000000000" }],
    ["4.40524E+17", undefined, { code: "mask.stored-as-number", shown: "4.40524E+17" }],
    ["hello world", undefined, { code: "mask.undetected", text: "hello world" }],
    [12345, "", { code: "mask.undetected", text: "12345" }],
  ];
  it.each(problems)("%j as %j fails", (input, kind, problem) => {
    expect(maskValue(input, kind)).toEqual({ ok: false, problem });
  });

  it("masks a copy and leaves the input alone", () => {
    const row = { id: "11010519491231002X" };
    const masked = maskValue(row.id);
    expect(masked).toEqual({ ok: true, value: "110105********002X" });
    expect(row).toEqual({ id: "11010519491231002X" });
  });

  it("never throws", () => {
    const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withNullPrototype: true, withMap: true });
    const value = fc.oneof(anything, fc.string({ unit: "binary" }), fc.double());
    const kind = fc.oneof(anything, fc.constantFrom("id", "card", "phone", "name", "身份证", ""));
    fc.assert(
      fc.property(value, kind, (input, k) => {
        const r = maskValue(input, k);
        if (!r.ok) expect(typeof maskMessage(r.problem)).toBe("string");
        expect(typeof maskMessage(input as MaskProblem, "en-US")).toBe("string");
        for (const mask of [maskId, maskCard, maskPhone, maskName, detectMaskKind]) mask(input as string);
      }),
    );
  });

  it("id masks keep the length, the region and the last 4, and hide the birth date", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskId(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(0, 6) + masked.slice(14)).toBe(id.slice(0, 6) + id.slice(14));
        expect(masked.slice(6, 14)).toBe("********");
      }),
    );
  });
});

describe("maskMessage", () => {
  it.each([
    [{ code: "mask.empty" }, "内容为空，无需脱敏"],
    [{ code: "mask.unknown-kind", kind: "passport" }, "不认识的脱敏类型：passport（可用：身份证、银行卡、电话、姓名）"],
    [{ code: "mask.undetected", text: "hello" }, "无法识别内容的类型，请指定脱敏类型（身份证、银行卡、电话、姓名）"],
    [
      { code: "mask.stored-as-number", shown: "110000000000000000" },
      "数字已丢失精度（Excel 只保留15位有效数字，显示为 110000000000000000），请将该列设为文本后重新录入",
    ],
  ] as [MaskProblem, string][])("%j", (problem, zh) => {
    expect(maskMessage(problem)).toBe(zh);
    expect(maskMessage(problem, "en-US")).toMatch(/^[\x20-\x7E]+$/);
  });

  it("does not repeat an undetected value, which may be personal data", () => {
    expect(maskMessage({ code: "mask.undetected", text: "secret 123" }, "en-US")).not.toContain("secret");
  });
});
