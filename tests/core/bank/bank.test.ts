/**
 * Bank cards: Luhn check digit (ISO/IEC 7812-1 annex B), 16–19 digit format, issuer from the
 * offline BIN table (src/core/data/banks.json, from hexindai/bcbc).
 */
import fc from "fast-check";
import { cardIssuer, cardMessage, luhnValid, parseCard, type CardProblem } from "../../../src/core/bank";

/** The digit that makes `body` + digit pass Luhn (computed independently of luhnValid). */
function checkDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // counted from the right of the full number, the body's last digit is doubled
    let n = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return String((10 - (sum % 10)) % 10);
}

describe("luhnValid", () => {
  test.each([
    // the classic example in ISO/IEC 7812-1 annex B explanations (and Wikipedia's "Luhn algorithm")
    ["79927398713", true],
    ["79927398710", false],
    ["79927398711", false],
    ["79927398712", false],
    ["79927398714", false],
    ["79927398719", false],
    // well-known payment test card numbers (Visa, Mastercard, Amex, UnionPay test cards)
    ["4111111111111111", true],
    ["4012888888881881", true],
    ["5555555555554444", true],
    ["5105105105105100", true],
    ["378282246310005", true],
    ["6200000000000005", true],
    ["4111111111111112", false],
    // not digits
    ["", false],
    ["0", false],
    ["4111 1111 1111 1111", false],
    ["４１１１１１１１１１１１１１１１", false],
  ])("%p → %s", (digits, valid) => expect(luhnValid(digits)).toBe(valid));

  test("the test's own check digit agrees with the vector", () => {
    expect(checkDigit("7992739871")).toBe("3");
  });
});

describe("parseCard", () => {
  test.each([
    ["4111111111111111", "4111111111111111", true],
    ["4111 1111 1111 1111", "4111111111111111", true],
    ["4111-1111-1111-1111", "4111111111111111", true],
    ["４１１１　１１１１　１１１１　１１１１", "4111111111111111", true],
    ["４１１１－１１１１－１１１１－１１１１", "4111111111111111", true],
    [" 6222 0200 0000 0000 001 ", "6222020000000000001", false],
    ["\u200B4111111111111111\u00A0", "4111111111111111", true],
    ["4111111111111112", "4111111111111112", false],
  ])("%p → %s (Luhn %s)", (input, digits, luhnOk) => {
    expect(parseCard(input)).toEqual({ ok: true, value: { digits, luhnOk } });
  });

  test.each([
    [null, { code: "bank.empty" }],
    [undefined, { code: "bank.empty" }],
    ["", { code: "bank.empty" }],
    [" - ", { code: "bank.empty" }],
    // a Number of 16+ digits has lost its tail in Excel
    [6222020000000000000, { code: "bank.stored-as-number", shown: "6222020000000000000" }],
    [1e15, { code: "bank.stored-as-number", shown: "1000000000000000" }],
    ["6.22202E+18", { code: "bank.stored-as-number", shown: "6.22202E+18" }],
    // a smaller Number is just its digits
    [123456789012345, { code: "bank.format", reason: "length", length: 15 }],
    ["378282246310005", { code: "bank.format", reason: "length", length: 15 }],
    ["41111111111111111111", { code: "bank.format", reason: "length", length: 20 }],
    ["4111a1111b111111a", { code: "bank.format", reason: "chars", bad: "ab" }],
    ["4111.1111.1111.1111", { code: "bank.format", reason: "chars", bad: "." }],
    [12.5, { code: "bank.format", reason: "chars", bad: "." }],
    [true, { code: "bank.format", reason: "chars", bad: "true" }],
  ] as [unknown, CardProblem][])("%p → %o", (input, problem) => {
    expect(parseCard(input)).toEqual({ ok: false, problem });
  });

  test("property: never throws", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }), (v) => {
        const r = parseCard(v);
        return r.ok || typeof cardMessage(r.problem) === "string";
      }),
    );
  });

  test("property: appending the Luhn check digit to 15–18 digits gives a valid card", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{15,18}$/), (body) => {
        const digits = body + checkDigit(body);
        expect(luhnValid(digits)).toBe(true);
        expect(parseCard(digits)).toEqual({ ok: true, value: { digits, luhnOk: true } });
        // changing any one digit breaks it
        const i = body.length - 1;
        const changed = body.slice(0, i) + String((Number(body[i]) + 1) % 10) + digits.slice(-1);
        expect(luhnValid(changed)).toBe(false);
      }),
    );
  });
});

describe("cardIssuer", () => {
  const ccb19 = "436742123456789012";
  test.each([
    // 中国建设银行 龙卡储蓄卡 BIN 436742 (19 digits, debit)
    [ccb19 + checkDigit(ccb19), { code: "CCB", name: "中国建设银行", type: "DC" }],
    ["6217000000000000000", { code: "CCB", name: "中国建设银行", type: "DC" }],
    ["6222020000000000000", { code: "ICBC", name: "中国工商银行", type: "DC" }],
    ["6228480000000000000", { code: "ABC", name: "中国农业银行", type: "DC" }],
    ["6225880000000000", { code: "CMB", name: "招商银行", type: "DC" }],
    // the longest prefix wins: 60326500 (无锡) inside 603265 (江苏银行)
    ["6032650000000000", { code: "WXCCB", name: "无锡市商业银行", type: "DC" }],
    ["6032651000000000", { code: "JSBANK", name: "江苏银行", type: "DC" }],
  ])("%s → %o", (digits, issuer) => {
    expect(cardIssuer(digits)).toEqual(issuer);
  });

  test.each([
    ["4367420000000000", "CCB prefix with the wrong length (16, listed for 19)"],
    ["4111111111111111", "not in the table"],
    ["1234567890123456", "unknown prefix"],
    ["", "empty"],
    ["6217 0000 0000 0000 000", "not bare digits"],
  ])("%p → null (%s)", (digits) => {
    expect(cardIssuer(digits)).toBeNull();
  });

  test("100k lookups are fast", () => {
    const t0 = performance.now();
    let found = 0;
    for (let i = 0; i < 100_000; i++) {
      if (cardIssuer(`62${String(i).padStart(6, "0")}00000000000`)) found++;
    }
    expect(found).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  test("property: never throws", () => {
    fc.assert(fc.property(fc.anything(), (v) => cardIssuer(v as string) === null || typeof v === "string"));
  });
});

describe("cardMessage", () => {
  test.each([
    [{ code: "bank.empty" }, "银行卡号为空"],
    [
      { code: "bank.stored-as-number", shown: "6222020000000000000" },
      "银行卡号被存为数字，后几位已丢失，请将该列设为文本后重新录入",
    ],
    [{ code: "bank.format", reason: "chars", bad: "ab" }, "银行卡号只能包含数字（可含空格或横线），含有无效字符“ab”"],
    [{ code: "bank.format", reason: "length", length: 15 }, "银行卡号应为 16–19 位数字，实际为 15 位"],
  ] as [CardProblem, string][])("%o", (problem, zh) => {
    expect(cardMessage(problem)).toBe(zh);
    expect(cardMessage(problem, "en-US")).toMatch(/^[A-Z]/);
  });
});
