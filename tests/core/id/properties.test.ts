import fc from "fast-check";
import { civilFromDays, daysFromCivil, type CivilDate } from "../../../src/core/date/civil";
import { checkDigit, idMessage, parseId, regionName, upgradeId, type IdProblem } from "../../../src/core/id";
import { allRegionCodes, timeline } from "../../../src/core/id/region-data";

const TODAY: CivilDate = { y: 2026, m: 5, d: 1 };
const FIRST = daysFromCivil(1900, 1, 1);
const LAST = daysFromCivil(TODAY.y, TODAY.m, TODAY.d);

/** County-level codes with the day range in which a name of theirs was valid (clipped to 1900–today). */
const COUNTY_SPANS = allRegionCodes()
  .filter((code) => !code.endsWith("00") && !/^8[1-3]/.test(code))
  .flatMap((code) =>
    timeline(code).map(([, start, end]) => ({
      code,
      from: Math.max(FIRST, daysFromCivil(start === 0 ? 1900 : start, 1, 1)),
      to: Math.min(LAST, end === 0 ? LAST : daysFromCivil(end, 12, 31)),
    })),
  )
  .filter((span) => span.from <= span.to);

interface Generated {
  id: string;
  birth: CivilDate;
  gender: "男" | "女";
}

/** A valid 18-digit id: a real county code named in the birth year, a real birth date, any sequence. */
const validId: fc.Arbitrary<Generated> = fc
  .constantFrom(...COUNTY_SPANS)
  .chain((span) => fc.tuple(fc.constant(span.code), fc.integer({ min: span.from, max: span.to })))
  .chain(([code, day]) =>
    fc.tuple(fc.constant(code), fc.constant(civilFromDays(day)), fc.integer({ min: 0, max: 999 })),
  )
  .map(([code, birth, seq]) => {
    const date = `${birth.y}${String(birth.m).padStart(2, "0")}${String(birth.d).padStart(2, "0")}`;
    const first17 = `${code}${date}${String(seq).padStart(3, "0")}`;
    return { id: first17 + checkDigit(first17), birth, gender: seq % 2 === 1 ? "男" : "女" };
  });

const DIGITS = "0123456789";

describe("generated valid ids", () => {
  it("validate and round-trip birth date, gender and region", () => {
    fc.assert(
      fc.property(validId, ({ id, birth, gender }) => {
        const r = parseId(id, TODAY);
        expect(r).toEqual({
          ok: true,
          value: {
            value: id,
            digits: 18,
            document: "居民身份证",
            regionCode: id.slice(0, 6),
            birth,
            bornBefore1900: false,
            gender,
            id18: id,
          },
        });
        const region = regionName(id.slice(0, 6), birth.y);
        expect(region?.county).not.toBe("");
      }),
    );
  });

  it("upgrading the 15-digit form of a 20th-century id gives the 18-digit id back", () => {
    const born1900s = validId.filter(({ birth }) => birth.y <= 1999);
    fc.assert(
      fc.property(born1900s, ({ id, birth, gender }) => {
        const short = id.slice(0, 6) + id.slice(8, 17);
        expect(upgradeId(short, TODAY)).toEqual({ ok: true, value: id });
        const r = parseId(short, TODAY);
        expect(r.ok && [r.value.digits, r.value.birth, r.value.gender]).toEqual([15, birth, gender]);
      }),
    );
  });

  it("changing any one character to another valid one makes the id invalid", () => {
    const mutation = fc.tuple(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }));
    fc.assert(
      fc.property(mutation, ([{ id }, position, shift]) => {
        // Digits anywhere; X also in the last place. Shifting by 1..n-1 always picks another character.
        const alphabet = position === 17 ? `${DIGITS}X` : DIGITS;
        const current = alphabet.indexOf(id.charAt(position));
        const replacement = alphabet.charAt((current + (shift % alphabet.length || 1)) % alphabet.length);
        const mutated = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(mutated).not.toBe(id);
        const r = parseId(mutated, TODAY);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(["id.checksum", "id.region", "id.birthdate"]).toContain(r.problem.code);
      }),
    );
  });

  it("full-width, spaced, zero-width and lower-case forms validate to the same value", () => {
    const noisy = fc.tuple(
      validId,
      fc.array(fc.constantFrom(" ", "\u3000", "\u200B", "\t", "\u00A0"), { maxLength: 18 }),
    );
    fc.assert(
      fc.property(noisy, fc.boolean(), ([{ id }, noise], fullWidth) => {
        let text = "";
        Array.from(id).forEach((ch, i) => {
          const c = ch === "X" ? "x" : ch;
          text += (fullWidth ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c) + (noise[i] ?? "");
        });
        const r = parseId(text, TODAY);
        expect(r.ok && r.value.value).toBe(id);
      }),
    );
  });
});

describe("never throws", () => {
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  });

  it("parseId and upgradeId, for any value", () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.string({ unit: "binary" }), fc.double()), (input) => {
        const r = parseId(input, TODAY);
        expect(typeof r.ok).toBe("boolean");
        if (!r.ok) expect(idMessage(r.problem)).not.toMatch(/undefined|\[object Object\]/);
        expect(typeof upgradeId(input, TODAY).ok).toBe("boolean");
      }),
    );
  });

  it("regionName, for any value and year", () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.string(), fc.stringMatching(/^\d{6}$/)), anything, (code, year) => {
        const r = regionName(code as string, year as number);
        expect(r === null || typeof r.full === "string").toBe(true);
      }),
    );
  });

  it("idMessage and checkDigit, for any value", () => {
    fc.assert(
      fc.property(anything, fc.constantFrom("zh-CN", "en-US", "fr-FR", undefined), (problem, locale) => {
        expect(typeof idMessage(problem as IdProblem, locale as "zh-CN")).toBe("string");
        expect(typeof checkDigit(problem as string)).toBe("string");
      }),
    );
  });

  it("parseId for any string", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: "grapheme", maxLength: 40 }), (a, b) => {
        expect(typeof parseId(a, TODAY).ok).toBe("boolean");
        expect(typeof parseId(b, TODAY).ok).toBe("boolean");
      }),
    );
  });
});
