import fc from "fast-check";
import { parsePhone, phoneMessage, type PhoneInfo, type PhoneProblem } from "../../../src/core/phone";

const mobile = (normalized: string): { ok: true; value: PhoneInfo } => ({
  ok: true,
  value: { kind: "mobile", normalized },
});
const landline = (normalized: string): { ok: true; value: PhoneInfo } => ({
  ok: true,
  value: { kind: "landline", normalized },
});
const bad = (text: string, lostZero = false): { ok: false; problem: PhoneProblem } => ({
  ok: false,
  problem: { code: "phone.format", text, lostZero },
});

describe("parsePhone", () => {
  // Mainland numbering as published by MIIT (电信网编号计划): mobiles 1[3-9]x + 8 digits; area
  // codes 010, 020–029 and 0[3-9]xx; 7–8-digit subscriber numbers not starting with 0 or 1.
  // Example numbers are invented (555 subscriber numbers), area codes real (0731 长沙, 010 北京, 021 上海).
  const accepted: [unknown, ReturnType<typeof mobile>][] = [
    ["13812345678", mobile("13812345678")],
    [13812345678, mobile("13812345678")],
    ["138 1234 5678", mobile("13812345678")],
    ["138-1234-5678", mobile("13812345678")],
    ["１３８１２３４５６７８", mobile("13812345678")],
    ["+86 138 1234 5678", mobile("13812345678")],
    ["+8613812345678", mobile("13812345678")],
    ["0086 13812345678", mobile("13812345678")],
    ["86 13812345678", mobile("13812345678")],
    ["(+86) 19912345678", mobile("19912345678")],
    ["0731-5551234", landline("0731-5551234")],
    ["0731 5551234", landline("0731-5551234")],
    ["07315551234", landline("0731-5551234")],
    ["(0731)5551234", landline("0731-5551234")],
    ["（０７３１）５５５１２３４", landline("0731-5551234")],
    ["010-88886666", landline("010-88886666")],
    ["021 5555 1234", landline("021-55551234")],
    ["+86 731 5551234", landline("0731-5551234")],
    ["+86 (0)731 5551234", landline("0731-5551234")],
    ["0086-10-88886666", landline("010-88886666")],
    ["0731-5551234转123", landline("0731-5551234-123")],
    ["0731-5551234 分机 8", landline("0731-5551234-8")],
    ["0731-5551234-123", landline("0731-5551234-123")],
    ["0731-5551234 ext. 123", landline("0731-5551234-123")],
    ["0731-5551234#123", landline("0731-5551234-123")],
    ["0731—5551234", landline("0731-5551234")],
  ];
  it.each(accepted)("accepts %j", (input, expected) => {
    expect(parsePhone(input)).toEqual(expected);
  });

  const rejected: [unknown, { ok: false; problem: PhoneProblem }][] = [
    [null, { ok: false, problem: { code: "phone.empty" } }],
    ["", { ok: false, problem: { code: "phone.empty" } }],
    ["  \u3000", { ok: false, problem: { code: "phone.empty" } }],
    ["1381234567", bad("1381234567")], // 10 digits
    ["138123456789", bad("138123456789")], // 12 digits
    ["12812345678", bad("12812345678")], // 12x is not a mobile prefix
    ["23812345678", bad("23812345678")],
    ["13812345678转1", bad("13812345678转1")], // mobiles have no extension
    ["5551234", bad("5551234")], // no area code
    [7315551234, bad("7315551234", true)], // a landline stored as a number lost its 0
    ["0731-0551234", bad("0731-0551234")], // subscriber starts with 0
    ["0731-1551234", bad("0731-1551234")], // or with 1
    ["0731-555123", bad("0731-555123")], // 6-digit subscriber
    ["011-5551234", bad("011-5551234")], // 01x other than 010
    ["+1 650 555 1234", bad("+1 650 555 1234")],
    ["138+12345678", bad("138+12345678")],
    ["tel:13812345678", bad("tel:13812345678")],
    ["138 1234 5678 9", bad("138 1234 5678 9")],
    [1.5, bad("1.5")],
    [true, bad("TRUE")],
    [1e17, bad("100000000000000000")],
  ];
  it.each(rejected)("rejects %j", (input, expected) => {
    expect(parsePhone(input)).toEqual(expected);
  });

  it("formatted mobiles normalize to their 11 digits", () => {
    const digits = fc
      .tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/))
      .map(([second, rest]) => `1${second}${rest}`);
    const prefix = fc.constantFrom("", "+86", "+86 ", "0086", "86", "86-");
    const sep = fc.constantFrom("", " ", "-", "\u3000");
    fc.assert(
      fc.property(digits, prefix, sep, (number, p, s) => {
        const text = `${p}${number.slice(0, 3)}${s}${number.slice(3, 7)}${s}${number.slice(7)}`;
        expect(parsePhone(text)).toEqual(mobile(number));
      }),
    );
  });

  it("never throws", () => {
    const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withNullPrototype: true, withMap: true });
    fc.assert(
      fc.property(fc.oneof(anything, fc.string({ unit: "binary" }), fc.double()), (input) => {
        const r = parsePhone(input);
        if (!r.ok) expect(typeof phoneMessage(r.problem)).toBe("string");
        expect(typeof phoneMessage(input as PhoneProblem, "en-US")).toBe("string");
      }),
    );
  });
});

describe("phoneMessage", () => {
  it.each([
    [{ code: "phone.empty" }, "电话号码为空", "The phone number is empty"],
    [
      { code: "phone.format", text: "12345", lostZero: false },
      "电话号码格式不正确：12345（手机号为11位，座机为区号-号码，如 0731-5551234）",
      "Not a valid phone number: 12345 (a mobile has 11 digits, a landline is area code-number, e.g. 0731-5551234)",
    ],
  ] as [PhoneProblem, string, string][])("%j", (problem, zh, en) => {
    expect(phoneMessage(problem)).toBe(zh);
    expect(phoneMessage(problem, "en-US")).toBe(en);
  });

  it("says when the 0 of an area code was lost to a number format", () => {
    const r = parsePhone(7315551234);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(phoneMessage(r.problem)).toContain("区号前的0可能已丢失，请将该列设为文本");
      expect(phoneMessage(r.problem, "en-US")).toContain("format the column as Text");
    }
    // The message follows the parse: 105551234 is 010-5551234 without its 0, 5551234 is no landline.
    const lost = parsePhone("105551234");
    const short = parsePhone("5551234");
    expect(!lost.ok && lost.problem).toEqual({ code: "phone.format", text: "105551234", lostZero: true });
    expect(!short.ok && short.problem).toEqual({ code: "phone.format", text: "5551234", lostZero: false });
    if (!lost.ok) expect(phoneMessage(lost.problem)).toContain("0可能已丢失");
    if (!short.ok) expect(phoneMessage(short.problem)).not.toContain("0可能已丢失");
  });
});
