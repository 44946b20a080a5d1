import fc from "fast-check";
import { civilFromSerial, MAX_SERIAL, parseDateInput, serialFromCivil } from "../../../src/core/date/serial";

describe("Excel 1900 serials", () => {
  // Excel's own numbering, including the fictitious 1900-02-29 (serial 60) kept for Lotus 1-2-3.
  test.each([
    [1, "1900-01-01"],
    [2, "1900-01-02"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [367, "1901-01-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [45658, "2025-01-01"],
    [46296, "2026-10-01"],
    [2958465, "9999-12-31"],
  ])("serial %i is %s", (serial, iso) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    expect(civilFromSerial(serial)).toEqual({ y, m, d });
    expect(serialFromCivil({ y, m, d })).toBe(serial);
  });

  test.each([0, -1, 60, MAX_SERIAL + 1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "serial %s has no date",
    (serial) => expect(civilFromSerial(serial)).toBeNull(),
  );

  test("the time of day is ignored", () => {
    expect(civilFromSerial(45658.75)).toEqual({ y: 2025, m: 1, d: 1 });
  });

  test("property: every serial except 60 round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SERIAL }), (serial) => {
        const date = civilFromSerial(serial);
        if (serial === 60) return date === null;
        return date !== null && serialFromCivil(date) === serial;
      }),
    );
  });
});

describe("parseDateInput", () => {
  const oct1 = { ok: true, date: { y: 2026, m: 10, d: 1 } };
  test.each([
    ["2026-10-01"],
    ["2026/10/1"],
    ["2026.10.1"],
    ["2026年10月1日"],
    ["2026年10月01日"],
    ["20261001"],
    ["２０２６－１０－０１"],
    ["２０２６年１０月１日"],
    ["2026-10-01 08:00:00"],
    ["2026-10-01T08:00"],
    ["2026-10-01 00:00:00.000"],
    ["2026-10-01T08:00:00+08:00"],
    ["  2026-10-01  "],
    [46296],
    [46296.5],
    ["46296"],
  ])("%p is 2026-10-01", (input) => expect(parseDateInput(input)).toEqual(oct1));

  test.each([
    [null, "empty"],
    [undefined, "empty"],
    ["", "empty"],
    ["   ", "empty"],
    ["2026-02-30", "not-a-date"],
    ["2026-13-01", "not-a-date"],
    ["20260230", "not-a-date"],
    ["2026-10", "not-a-date"],
    ["明天", "not-a-date"],
    [true, "not-a-date"],
    [{}, "not-a-date"],
    [60, "out-of-range"],
    [0, "out-of-range"],
    [-5, "out-of-range"],
    [3_000_000, "out-of-range"],
    [Number.NaN, "out-of-range"],
    ["1899-12-31", "out-of-range"],
  ])("%p → %s", (input, problem) => {
    const r = parseDateInput(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toBe(problem);
  });

  test("property: never throws", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        parseDateInput(v);
      }),
    );
  });
});

describe("known bugs in serial.ts (reported to the lead; flip to test() once fixed)", () => {
  // String(value) throws for an object without a prototype, so parseDateInput throws instead of
  // returning { ok: false, problem: "not-a-date" }.
  test("a null-prototype object gives a problem, not an exception", () => {
    expect(parseDateInput(Object.create(null))).toMatchObject({ ok: false, problem: "not-a-date" });
  });
});

describe("parseDateInput rejects what is probably a typing mistake", () => {
  test.each(["2026101", "2026-10/01", "2026-10-01 25:99", "2026.10-01"])("%s", (text) => {
    expect(parseDateInput(text).ok).toBe(false);
  });
  test.each([
    ["2026-10-01 23:59:59", { y: 2026, m: 10, d: 1 }],
    ["2026年10月1日", { y: 2026, m: 10, d: 1 }],
    ["2026年10月1", { y: 2026, m: 10, d: 1 }],
    ["46296", { y: 2026, m: 10, d: 1 }],
  ])("%s is still read", (text, date) => {
    expect(parseDateInput(text)).toEqual({ ok: true, date });
  });
});
