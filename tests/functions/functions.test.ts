// The functions module as Excel calls it, with the CustomFunctions stand-in installed: empty
// cells give "", expected problems are CustomFunctions.Error with a Chinese message, and a bug
// never escapes as a bare exception.
import "../../src/cli/custom-functions-host";
import { CustomFunctionError } from "../../src/cli/custom-functions-host";
import * as identity from "../../functions/identity";
import * as moneyDates from "../../functions/money-dates";
import * as policy from "../../functions/policy";
import { provideContext } from "../../functions/context";
import { fixedToday } from "../../src/core/context";
import { guard } from "../../functions/excel";
import fc from "fast-check";

const fx = { ...identity, ...moneyDates };

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

describe("empty cells give an empty result, not an error", () => {
  const oneArg = [
    fx.idValid,
    fx.idError,
    fx.idBirthdate,
    fx.idGender,
    fx.idAge,
    fx.idRegion,
    fx.idUpgrade,
    fx.cardValid,
    fx.cardBank,
    fx.phoneValid,
    fx.rmb,
    fx.mask,
  ];
  test.each(oneArg.map((f) => [f.name, f]))("%s", (_n, f) => {
    for (const empty of [null, undefined, "", "   ", "\u3000"]) expect((f as (v: unknown) => unknown)(empty)).toBe("");
  });
  test("Excel for Windows passes an empty cell as 0: identifiers and dates read it as empty", () => {
    for (const f of [fx.idValid, fx.idError, fx.idGender, fx.cardValid, fx.cardBank, fx.phoneValid, fx.mask]) {
      expect((f as (v: unknown) => unknown)(0)).toBe("");
    }
    expect(fx.workday(0, 5)).toBe("");
    expect(fx.noticeEndDate(46293, 0)).toBe(46304);
    // An amount of 0 is a real amount.
    expect(fx.rmb(0)).toBe("零元整");
  });
  test("date functions", () => {
    expect(fx.workday("", 5)).toBe("");
    expect(fx.networkdays(null, 46000)).toBe("");
    expect(fx.noticeEndDate(null)).toBe("");
  });
});

describe("errors carry a reason", () => {
  test("an 18-digit ID stored as a number says its digits are lost", () => {
    expect(errorOf(() => fx.idValid(110105194912310020))).toEqual({
      code: "#VALUE!",
      message: "身份证号被存为数字，后几位已丢失，请将该列设为文本后重新录入",
    });
  });
  test("a bad date argument is named", () => {
    expect(errorOf(() => fx.workday("明天", 3)).message).toContain("起始日期不是有效日期：明天");
  });
  test("a day count must be whole", () => {
    expect(errorOf(() => fx.workday(46000, 1.5)).message).toContain("天数必须是整数");
  });
  test("an age before birth is refused", () => {
    expect(errorOf(() => fx.idAge("11010519491231002X", "1940-01-01")).message).toContain("早于出生日期");
  });
});

describe("guard", () => {
  test("turns a bug into #VALUE! with a message that asks for a report", () => {
    const e = errorOf(() =>
      guard(() => {
        throw new TypeError("boom");
      }),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("资助助手内部错误");
    expect(e.message).toContain("boom");
  });
});

describe("Excel-typed inputs", () => {
  test("numbers, booleans and odd values never throw anything but CustomFunctions.Error", () => {
    const inputs: unknown[] = [0, -1, 1.5, NaN, Infinity, true, false, [[1]], { a: 1 }, "x".repeat(10000), 46000];
    const fns = [
      fx.idValid,
      fx.idError,
      fx.idBirthdate,
      fx.idGender,
      fx.idRegion,
      fx.idUpgrade,
      fx.cardValid,
      fx.cardBank,
      fx.phoneValid,
      fx.rmb,
      fx.mask,
    ];
    for (const f of fns) {
      for (const v of inputs) {
        try {
          (f as (v: unknown) => unknown)(v);
        } catch (e) {
          expect(e).toBeInstanceOf(CustomFunctionError);
          expect((e as CustomFunctionError).message).not.toContain("内部错误");
        }
      }
    }
  });
  test("a date may come as a serial or as text", () => {
    expect(fx.noticeEndDate(46293)).toBe(46304);
    expect(fx.noticeEndDate("2026年9月28日")).toBe(46304);
  });
});

describe("no function ever throws anything but a CustomFunctions.Error (property)", () => {
  const all = Object.entries({ ...fx, ...policy } as Record<string, unknown>).flatMap(([name, f]) =>
    typeof f === "function" ? [[name, f as (...args: unknown[]) => unknown] as const] : [],
  );
  test.each(all)("%s", (_name, f) => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.double(), fc.constant(null)), { maxLength: 3 }),
        (args) => {
          try {
            f(...args);
          } catch (e) {
            if (!(e instanceof CustomFunctionError)) return false;
            // A CustomFunctions.Error caused by a bug carries this text: none may occur.
            return !e.message.includes("内部错误");
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});
