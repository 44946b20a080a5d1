import fc from "fast-check";
import {
  civilFromDays,
  compareCivil,
  daysFromCivil,
  daysInMonth,
  formatIso,
  isLeapYear,
  isValidCivil,
  weekdayOfDays,
  wholeYearsBetween,
} from "../../../src/core/date/civil";

describe("daysFromCivil / civilFromDays", () => {
  test.each([
    [1970, 1, 1, 0],
    [1970, 1, 2, 1],
    [1969, 12, 31, -1],
    [2000, 3, 1, 11017],
    [2024, 2, 29, 19782],
    [1900, 1, 1, -25567],
    [9999, 12, 31, 2932896],
  ])("%i-%i-%i is day %i", (y, m, d, days) => {
    expect(daysFromCivil(y, m, d)).toBe(days);
    expect(civilFromDays(days)).toEqual({ y, m, d });
  });

  test("round trip for every day from 1600 to 2400", () => {
    const from = daysFromCivil(1600, 1, 1);
    const to = daysFromCivil(2400, 12, 31);
    let prev = civilFromDays(from - 1);
    for (let n = from; n <= to; n++) {
      const c = civilFromDays(n);
      if (!isValidCivil(c.y, c.m, c.d)) throw new Error(`invalid date at ${n}`);
      if (daysFromCivil(c.y, c.m, c.d) !== n) throw new Error(`round trip failed at ${n}`);
      // consecutive days are consecutive dates
      const next =
        prev.d < daysInMonth(prev.y, prev.m)
          ? { ...prev, d: prev.d + 1 }
          : prev.m < 12
            ? { y: prev.y, m: prev.m + 1, d: 1 }
            : { y: prev.y + 1, m: 1, d: 1 };
      if (compareCivil(next, c) !== 0) throw new Error(`gap at ${n}`);
      prev = c;
    }
  });

  test("property: civilFromDays ∘ daysFromCivil is the identity", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 3_000_000 }), (n) => {
        const c = civilFromDays(n);
        return daysFromCivil(c.y, c.m, c.d) === n;
      }),
    );
  });
});

describe("calendar helpers", () => {
  test.each([
    [2000, true],
    [1900, false],
    [2024, true],
    [2025, false],
    [2100, false],
  ])("isLeapYear(%i) = %s", (y, leap) => expect(isLeapYear(y)).toBe(leap));

  test.each([
    [2025, 2, 28],
    [2024, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])("daysInMonth(%i, %i) = %i", (y, m, n) => expect(daysInMonth(y, m)).toBe(n));

  test.each([
    [2026, 2, 29, false],
    [2024, 2, 29, true],
    [2026, 13, 1, false],
    [2026, 0, 1, false],
    [2026, 1, 0, false],
    [2026, 1.5, 1, false],
    [Number.NaN, 1, 1, false],
  ])("isValidCivil(%s, %s, %s) = %s", (y, m, d, valid) => expect(isValidCivil(y, m, d)).toBe(valid));

  test.each([
    ["1970-01-01", 4],
    ["2024-02-10", 6],
    ["2024-02-04", 0],
    ["2026-10-01", 4],
    ["1900-01-01", 1],
    ["1969-12-28", 0],
  ])("weekday of %s is %i (0 = Sunday)", (iso, weekday) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    expect(weekdayOfDays(daysFromCivil(y, m, d))).toBe(weekday);
  });

  test("formatIso pads", () => {
    expect(formatIso({ y: 2026, m: 1, d: 5 })).toBe("2026-01-05");
    expect(formatIso({ y: 999, m: 12, d: 31 })).toBe("0999-12-31");
  });

  test.each([
    [{ y: 2008, m: 2, d: 29 }, { y: 2026, m: 2, d: 28 }, 17],
    [{ y: 2008, m: 2, d: 29 }, { y: 2026, m: 3, d: 1 }, 18],
    [{ y: 2010, m: 9, d: 1 }, { y: 2026, m: 8, d: 31 }, 15],
    [{ y: 2010, m: 9, d: 1 }, { y: 2026, m: 9, d: 1 }, 16],
  ])("wholeYearsBetween(%o, %o) = %i", (birth, asOf, years) => expect(wholeYearsBetween(birth, asOf)).toBe(years));
});
