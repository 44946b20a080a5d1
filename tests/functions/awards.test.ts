// ZIZHU.RANK_IN, RANK_CHANGE and PROGRESS_AWARD as Excel calls them, with the CustomFunctions
// stand-in installed: ranges arrive as matrices, empty cells give "", expected problems are
// CustomFunctions.Error with a Chinese message, and the tiers come from the active policy pack.
import "../../src/cli/custom-functions-host";
import { CustomFunctionError } from "../../src/cli/custom-functions-host";
import * as awards from "../../functions/awards";
import { provideContext } from "../../functions/context";
import { seedPack, type Pack } from "../../src/core/policy";
import fc from "fast-check";

const { rankIn, rankChangeOf, progressAward } = awards;

afterEach(() => provideContext({ pack: undefined }));

function errorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    if (e instanceof CustomFunctionError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a CustomFunctions.Error");
}

/** A column range as Excel passes it. */
const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

describe("ZIZHU.RANK_IN", () => {
  const scores = column(90, 80, 80, 70, null, "缺考", "95");
  test.each<[unknown, number | string]>([
    [95, 1], // "95" as text counts
    [90, 2],
    [80, 3],
    [70, 5],
    ["８０", 3], // full-width digits
  ])("%p → %p", (score, rank) => {
    expect(rankIn(score, scores)).toBe(rank);
  });
  test("an empty score gives an empty result; so does Windows' 0 for an empty cell", () => {
    expect(rankIn(null, scores)).toBe("");
    expect(rankIn("", scores)).toBe("");
    expect(rankIn(0, scores)).toBe("");
  });
  test("a real score of 0 is ranked", () => {
    expect(rankIn(0, column(0, 10, 0))).toBe(2);
  });
  test("a score the range does not have is #N/A with the reason", () => {
    expect(errorOf(() => rankIn(85, scores))).toEqual({
      code: "#N/A",
      message: "成绩 85 不在比较区域中：请检查区域是否包含本人的成绩",
    });
  });
  test("a score that is not a number is #VALUE!", () => {
    expect(errorOf(() => rankIn("优", scores))).toEqual({ code: "#VALUE!", message: "成绩应为数字，收到：优" });
  });
  test("a range of one cell", () => {
    expect(rankIn(60, [[60]])).toBe(1);
  });
});

describe("ZIZHU.RANK_CHANGE", () => {
  test.each<[unknown, unknown, number | string]>([
    [10, 4, 6],
    [4, 10, -6],
    [3, 3, 0],
    ["12", "５", 7],
    [null, 3, ""],
    [3, "", ""],
    [0, 3, ""], // Windows' empty cell
  ])("%p, %p → %p", (last, rank, change) => {
    expect(rankChangeOf(last, rank)).toBe(change);
  });
  test.each<[unknown, unknown, string]>([
    [1.5, 3, "上学期名次应为正整数（第几名），收到：1.5"],
    [3, -2, "本次名次应为正整数（第几名），收到：-2"],
    [3, "第一", "本次名次应为正整数（第几名），收到：第一"],
  ])("%p, %p: %s", (last, rank, message) => {
    expect(errorOf(() => rankChangeOf(last, rank))).toEqual({ code: "#VALUE!", message });
  });
});

describe("ZIZHU.PROGRESS_AWARD", () => {
  test("the seed pack's tiers, spilled as a column; no progress or no rank gives an empty text", () => {
    // changes 5,5,5,4,3,3,2,1,1,1 (10 moved up: places 2, 5, 10; ties take the better tier),
    // then 0, −2 and a blank rank
    const last = column(10, 8, 6, 9, 7, 5, 4, 3, 2, 12, 1, 2, null);
    const now = column(5, 3, 1, 5, 4, 2, 2, 2, 1, 11, 1, 4, 3);
    expect(progressAward(last, now)).toEqual(
      column(
        "一等奖",
        "一等奖",
        "一等奖",
        "二等奖",
        "二等奖",
        "二等奖",
        "三等奖",
        "三等奖",
        "三等奖",
        "三等奖",
        "",
        "",
        "",
      ),
    );
  });
  test("rows work too, and the result is still a column", () => {
    expect(progressAward([[5, 3]], [[1, 2]])).toEqual(column("一等奖", "二等奖"));
  });
  test("nobody improved: all empty", () => {
    expect(progressAward(column(1, 2), column(1, 3))).toEqual(column("", ""));
  });
  test("the active pack's tier names and shares are used", () => {
    const seed = seedPack();
    const awardsOf = seed.pairing.awards;
    if (!awardsOf) throw new Error("the seed pack has no awards");
    const pack: Pack = {
      ...seed,
      pairing: {
        ...seed.pairing,
        awards: {
          ...awardsOf,
          students: { ...awardsOf.students, tiers: [{ name: "进步奖", share: 0.5 }] },
        },
      },
    };
    provideContext({ pack });
    // 4 moved up: 0.5 × 4 = 2 places; the shares add up to less than 1, so the other two get none
    expect(progressAward(column(5, 6, 7, 8), column(1, 3, 5, 7))).toEqual(column("进步奖", "进步奖", "", ""));
  });
  test("a pack without award tiers: #N/A with the reason", () => {
    const seed = seedPack();
    provideContext({ pack: { ...seed, pairing: { plans: seed.pairing.plans } } });
    expect(errorOf(() => progressAward(column(2), column(1)))).toEqual({
      code: "#N/A",
      message: "当前政策包没有规定学困生进步奖的等次和比例（pairing.awards）",
    });
  });
  test("ranges of different sizes", () => {
    expect(errorOf(() => progressAward(column(1, 2, 3), column(1, 2))).message).toBe(
      "上学期名次区域有 3 个单元格，本次名次区域有 2 个：两者应一样大，如 $E$2:$E$40 与 $F$2:$F$40",
    );
  });
  test("a rank that is not a positive whole number is named by its place", () => {
    expect(errorOf(() => progressAward(column(1, 2), column(1, "缺考"))).message).toBe(
      "第 2 个本次名次应为正整数（第几名），收到：缺考",
    );
  });
});

describe("no function ever throws anything but a CustomFunctions.Error (property)", () => {
  const all = Object.entries(awards as Record<string, unknown>).flatMap(([name, f]) =>
    typeof f === "function" ? [[name, f as (...args: unknown[]) => unknown] as const] : [],
  );
  const cell = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.double(), fc.constant(null));
  const arg = fc.oneof(cell, fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 4 }));
  test.each(all)("%s", (_name, f) => {
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 3 }), (args) => {
        try {
          f(...args);
        } catch (e) {
          if (!(e instanceof CustomFunctionError)) return false;
          return !e.message.includes("内部错误");
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
