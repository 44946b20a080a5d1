import { checkDigit } from "../../../src/core/id";
import { hasValidCheckDigit } from "../../../src/core/id/checksum";

describe("checkDigit (ISO 7064 MOD 11-2)", () => {
  // GB 11643-1999 annex A worked example 11010519491231002X, and the 15-digit-era number
  // 440524188001010014 quoted with it; the other rows are ORCID iDs (ORCID uses ISO 7064
  // MOD 11-2 over 15 digits, see "Structure of the ORCID Identifier" on support.orcid.org):
  // leading zeros add nothing to the weighted sum, so "00" + the 15 digits gives the same check.
  it.each([
    ["11010519491231002", "X"],
    ["44052418800101001", "4"],
    ["00" + "000000021825009", "7"], // 0000-0002-1825-0097
    ["00" + "000000015109370", "0"], // 0000-0001-5109-3700
    ["00" + "000000021694233", "X"], // 0000-0002-1694-233X
  ])("%s → %s", (first17, expected) => {
    expect(checkDigit(first17)).toBe(expected);
  });

  // Not 17 ASCII digits: no check digit rather than an exception.
  it.each([
    [""],
    ["1101051949123100"],
    ["110105194912310021"],
    ["1101051949123100X"],
    ["１１０１０５１９４９１２３１００２"],
  ])("%j → empty", (input) => {
    expect(checkDigit(input)).toBe("");
  });

  it("hasValidCheckDigit knows the GB 11643-1999 pair", () => {
    expect(hasValidCheckDigit("11010519491231002X")).toBe(true);
    expect(hasValidCheckDigit("110105194912310021")).toBe(false);
    expect(hasValidCheckDigit("11010519491231002x")).toBe(false); // callers normalize first
  });
});
