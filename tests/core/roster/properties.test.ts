import fc from "fast-check";
import * as roster from "../../../src/core/roster";
import type { FieldKey } from "../../../src/core/roster";

/** Functions whose argument is a whole Grid or workbook (typed callers only), not a cell value. */
const ON_GRIDS = new Set(["detectRoster", "isTextFormatted", "typeAmountColumns"]);

/** Every exported function of the roster module on cell values, called with one or two arbitrary arguments. */
const FUNCTIONS = Object.entries(roster as Record<string, unknown>).flatMap(([name, value]) =>
  typeof value === "function" && !ON_GRIDS.has(name) ? [[name, value as (...args: unknown[]) => unknown] as const] : [],
);

/** Values as cells and callers really produce them, plus anything at all. */
const cell = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "是",
    "否",
    "寄宿",
    "建档立卡、低保",
    "三年级（2）班",
    "6万元",
    "2024年",
    "（元）",
    "【】",
    "(((",
    "))",
  ),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(Object.create(null) as unknown),
);

describe("no roster function throws", () => {
  it("covers the whole module", () => {
    expect(FUNCTIONS.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "normalizeHeader",
        "resolveField",
        "normalizeRecord",
        "normalizeYesNo",
        "normalizeMoney",
      ]),
    );
  });

  test.each(FUNCTIONS)("%s(anything, anything)", (_name, fn) => {
    fc.assert(
      fc.property(cell, cell, (a, b) => {
        fn(a, b);
        fn(a);
      }),
      { numRuns: 300 },
    );
  });

  it("normalizeRecord on arbitrary rows and groups", () => {
    const headers = fc.oneof(
      cell,
      fc.constantFrom(...roster.FIELDS.flatMap((f) => [f.zh, ...f.aliases])),
      fc.constantFrom("补助金额（元）", "负债金额(万元)", "监护人姓名", "学号"),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(headers, cell), { maxLength: 12 }),
        fc.array(fc.oneof(cell, fc.constantFrom("监护人", "持卡人", "学生信息")), { maxLength: 12 }),
        (row, groups) => {
          const r = roster.normalizeRecord(row, groups);
          for (const issue of r.issues) expect(typeof issue.raw).toBe("string");
          for (const key of Object.keys(r.record)) expect(roster.isFieldKey(key)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("long text and huge numbers", () => {
    const long = "建档立卡、".repeat(20_000);
    expect(roster.normalizeHardship(long).values).toEqual(["建档立卡"]);
    expect(roster.normalizeHeader(`${"(".repeat(8)}元${")".repeat(8)}姓名`)).toEqual({ label: "姓名", unit: "元" });
    expect(roster.resolveField(`${"(".repeat(50_000)}姓名${")".repeat(50_000)}`)).toBeNull();
    expect(roster.resolveField("姓".repeat(100_000))).toBeNull();
    expect(roster.normalizeMoney("9".repeat(100_000))).toBeNull();
    expect(roster.normalizeCount(Number.MAX_VALUE)).toBeNull();
    expect(roster.normalizeYear(-Number.MAX_VALUE)).toBeNull();
    expect(roster.fieldLabel(Symbol("x") as unknown as FieldKey)).toBe("symbol");
  });
});

describe("normalizeHeader is idempotent on its label", () => {
  // Found by the property below: ﹴ decomposes to a space and a mark; the space removed, the
  // mark lands after 𝅗𝅥's stem, in an order a second NFKC would change.
  it.each(["𝅗𝅥ﹴ", "a\u0301 \u0316", "姓名（元）"])("%s", (s) => {
    const once = roster.normalizeHeader(s).label;
    expect(roster.normalizeHeader(once).label).toBe(once);
  });

  it("cleaning a cleaned label changes nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const once = roster.normalizeHeader(s).label;
        expect(roster.normalizeHeader(once).label).toBe(once);
      }),
    );
  });
});

describe("normalizeHardship keeps order and drops duplicates", () => {
  const known = fc.constantFrom("建档立卡", "低保", "特困供养", "孤残", "残疾", "烈士子女", "见义勇为");
  it("for any list of canonical names", () => {
    fc.assert(
      fc.property(
        fc.array(known, { minLength: 1, maxLength: 6 }),
        fc.constantFrom("、", ",", "；", " ", "/"),
        (items, sep) => {
          const { values, unknown } = roster.normalizeHardship(items.join(sep));
          expect(unknown).toEqual([]);
          expect(values).toEqual([...new Set(items)]);
        },
      ),
    );
  });
});

describe("normalizeHeader: brackets left open", () => {
  // Found by the idempotence property: "((" cleaned to "(" and then to "".
  it.each([
    ["((", ""],
    ["姓名((", "姓名"],
    ["补助金额（（元", "补助金额"],
  ])("%p → %p", (header, label) => {
    expect(roster.normalizeHeader(header).label).toBe(label);
    expect(roster.normalizeHeader(label).label).toBe(label);
  });
});
