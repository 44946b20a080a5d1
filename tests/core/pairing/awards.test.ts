// Progress awards for 学困生 and their teachers (方案4 三): competition ranks, rank changes, and tiers
// by share with the rounding and tie rules of src/core/pairing/awards.ts. Every expected value is
// worked out by hand in the row's comment.
import {
  awardPlaces,
  awardReasonText,
  awardReasonTexts,
  rankChange,
  rankWithin,
  studentAwards,
  teacherAwards,
  type AwardInput,
  type AwardResult,
} from "../../../src/core/pairing/awards";
import type { AwardTiers } from "../../../src/core/policy/schema";

const tiers = (...shares: number[]): AwardTiers => ({
  tiers: shares.map((share, i) => ({ name: ["一等奖", "二等奖", "三等奖", "四等奖"][i] ?? `${i + 1}等奖`, share })),
  basis: "名次提高的位次",
  source: "方案4 三",
});
/** The seed pack's student shares. */
const T = tiers(0.2, 0.3, 0.5);

describe("rankWithin: competition ranks, higher score first", () => {
  test.each<[string, (number | null)[], (number | null)[]]>([
    ["distinct", [70, 90, 80], [3, 1, 2]],
    ["ties share the best rank, the next skips (1224)", [90, 80, 80, 70], [1, 2, 2, 4]],
    ["blank scores get no rank and are not counted", [null, 60, 95, null, 60], [null, 2, 1, null, 2]],
    ["all tied", [5, 5, 5], [1, 1, 1]],
    ["a score of 0 is a score", [0, 10], [2, 1]],
    ["NaN counts as blank", [Number.NaN, 1], [null, 1]],
    ["empty", [], []],
  ])("%s", (_name, scores, ranks) => {
    expect(rankWithin(scores)).toEqual(ranks);
  });
});

describe("rankChange: lastRank − rank", () => {
  test.each<[number | null, number | null, number | null]>([
    [10, 4, 6],
    [4, 10, -6],
    [3, 3, 0],
    [null, 3, null],
    [3, null, null],
  ])("%p → %p = %p", (last, now, change) => {
    expect(rankChange(last, now)).toBe(change);
  });
});

describe("awardPlaces: cumulative places of the tiers", () => {
  test.each<[string, AwardTiers, number, number[]]>([
    // 0.2×10 = 2, 0.3×10 = 3, 0.5×10 = 5
    ["10 eligible", T, 10, [2, 5, 10]],
    // 0.2×7 = 1.4 → 1; 2.1 → 2; 3.5 → 4 (halves round up)
    ["7 eligible", T, 7, [1, 3, 7]],
    // 0.6 → 1; 0.9 → 1; 1.5 → 2, capped at 3
    ["3 eligible", T, 3, [1, 2, 3]],
    // 0.4 → 0, but the first tier takes at least one; 0.6 → 1; the third tier has nobody left
    ["2 eligible: only the top tiers", T, 2, [1, 2, 2]],
    ["1 eligible: the first tier only", T, 1, [1, 1, 1]],
    ["nobody eligible", T, 0, [0, 0, 0]],
    // 1.2 → 1, 2.4 → 2, 2.4 → 2: 5 of 6; the shares add up to 1, so the last tier takes the 6th
    ["rounding leftover goes to the last tier when shares add up to 1", tiers(0.2, 0.4, 0.4), 6, [1, 3, 6]],
    // 0.5 → 1, 1 → 1, 1.5 → 2: 4 of 5, the 5th gets none
    ["shares adding up to less than 1 leave people out", tiers(0.1, 0.2, 0.3), 5, [1, 2, 4]],
    // 0.29 × 50 is 14.499999999999998 in floating point: it is 14.5 and rounds up
    ["floating point halves round up", tiers(0.29, 0.71), 50, [15, 50]],
  ])("%s", (_name, t, n, places) => {
    expect(awardPlaces(n, t)).toEqual(places);
  });
});

type Row = [key: string, lastRank: number | null, rank: number | null];
const inputs = (rows: readonly Row[]): AwardInput[] => rows.map(([key, lastRank, rank]) => ({ key, lastRank, rank }));
/** key → tier name, or the reason in brackets. */
const outcome = (results: readonly AwardResult[]): Record<string, string> =>
  Object.fromEntries(results.map((r) => [r.key, r.tier ?? `(${r.reason})`]));

describe("studentAwards from ranks", () => {
  test.each<[string, AwardTiers, Row[], Record<string, string>]>([
    [
      // changes 5,5,5,4,3,3,2,1,1,1; places [2,5,10]. The three 5s start at place 1: all 一等 (one
      // more than its 2). The 4 starts at place 4 (≤ 5): 二等; the two 3s start at place 5: 二等;
      // the 2 at place 7 and the 1s at place 8: 三等.
      "ties across a tier boundary get the better tier",
      T,
      [
        ["a", 10, 5],
        ["b", 8, 3],
        ["c", 6, 1],
        ["d", 9, 5],
        ["e", 7, 4],
        ["f", 5, 2],
        ["g", 4, 2],
        ["h", 3, 2],
        ["i", 2, 1],
        ["j", 12, 11],
      ],
      {
        a: "一等奖",
        b: "一等奖",
        c: "一等奖",
        d: "二等奖",
        e: "二等奖",
        f: "二等奖",
        g: "三等奖",
        h: "三等奖",
        i: "三等奖",
        j: "三等奖",
      },
    ],
    [
      // changes 4,4,4,2,1; places [1,3,5]. The three 4s: 一等, taking places 1–3, which are all of
      // 二等's too; the 2 starts at place 4: 三等 — nobody gets 二等.
      "a large tie can leave a tier empty",
      T,
      [
        ["a", 5, 1],
        ["b", 6, 2],
        ["c", 7, 3],
        ["d", 6, 4],
        ["e", 6, 5],
      ],
      { a: "一等奖", b: "一等奖", c: "一等奖", d: "三等奖", e: "三等奖" },
    ],
    [
      "everyone tied: all get the first tier",
      T,
      [
        ["a", 3, 1],
        ["b", 4, 2],
        ["c", 5, 3],
        ["d", 6, 4],
      ],
      { a: "一等奖", b: "一等奖", c: "一等奖", d: "一等奖" },
    ],
    [
      "nobody improved: nobody is assessed",
      T,
      [
        ["a", 1, 1],
        ["b", 2, 4],
        ["c", null, 3],
      ],
      { a: "(no-progress)", b: "(no-progress)", c: "(no-score)" },
    ],
    [
      // two moved up (3, 1); places [1,2,2]
      "fewer people than tiers: only the top tiers",
      T,
      [
        ["a", 4, 1],
        ["b", 2, 1],
        ["c", 1, 2],
      ],
      { a: "一等奖", b: "二等奖", c: "(no-progress)" },
    ],
    ["one person moved up: 一等", T, [["a", 9, 2]], { a: "一等奖" }],
    [
      // changes 5,4,3,2,1; places [1,2,4]: the 5th gets none
      "shares below 1: those beyond the last tier's places",
      tiers(0.1, 0.2, 0.3),
      [
        ["a", 6, 1],
        ["b", 6, 2],
        ["c", 6, 3],
        ["d", 6, 4],
        ["e", 6, 5],
      ],
      { a: "一等奖", b: "二等奖", c: "三等奖", d: "三等奖", e: "(over-quota)" },
    ],
    ["nobody at all", T, [], {}],
  ])("%s", (_name, t, rows, expected) => {
    const results = studentAwards(inputs(rows), t);
    expect(results.map((r) => r.key)).toEqual(rows.map(([k]) => k));
    expect(outcome(results)).toEqual(expected);
  });

  test("a result carries the ranks, the change and the tier index", () => {
    expect(
      studentAwards(
        inputs([
          ["a", 4, 1],
          ["b", 2, 1],
          ["c", 1, 2],
        ]),
        T,
      ),
    ).toEqual([
      { key: "a", lastRank: 4, rank: 1, change: 3, tier: "一等奖", tierIndex: 0, reason: null },
      { key: "b", lastRank: 2, rank: 1, change: 1, tier: "二等奖", tierIndex: 1, reason: null },
      { key: "c", lastRank: 1, rank: 2, change: -1, tier: null, tierIndex: null, reason: "no-progress" },
    ]);
  });
});

describe("studentAwards from scores", () => {
  test("ranks come from the scores within the group; a blank score has no rank", () => {
    // last scores 90, 80, 80, 70, 60 → last ranks 1, 2, 2, 4, 5
    // scores 85, 95, —, 75, 80 → ranks 2, 1, —, 4, 3
    // changes −1, 1, —, 0, 2: E (2) then B (1) are eligible, places [1,2,2]
    const people: AwardInput[] = [
      { key: "A", lastScore: 90, score: 85 },
      { key: "B", lastScore: 80, score: 95 },
      { key: "C", lastScore: 80, score: null },
      { key: "D", lastScore: 70, score: 75 },
      { key: "E", lastScore: 60, score: 80 },
    ];
    const results = studentAwards(people, T);
    expect(results.map((r) => [r.key, r.lastRank, r.rank, r.change, r.tier, r.reason])).toEqual([
      ["A", 1, 2, -1, null, "no-progress"],
      ["B", 2, 1, 1, "二等奖", null],
      ["C", 2, null, null, null, "no-score"],
      ["D", 4, 4, 0, null, "no-progress"],
      ["E", 5, 3, 2, "一等奖", null],
    ]);
  });

  test("a rank given wins over the score; last term's rank may come from a rank, this term's from a score", () => {
    // scores 50, 70 → ranks 2, 1; X's given rank 1 wins over its score's 2
    const results = studentAwards(
      [
        { key: "X", lastRank: 3, rank: 1, score: 50 },
        { key: "Y", lastRank: 2, score: 70 },
      ],
      T,
    );
    expect(results.map((r) => [r.key, r.rank, r.change])).toEqual([
      ["X", 1, 2],
      ["Y", 1, 1],
    ]);
  });

  test("no last term at all: no scores, nobody assessed", () => {
    const results = studentAwards([{ key: "A", score: 80 }, { key: "B" }], T);
    expect(results.map((r) => r.reason)).toEqual(["no-score", "no-score"]);
  });
});

describe("teacherAwards: by students moved up, then by the sum of their changes", () => {
  const student = (change: number | null): AwardResult => ({
    key: "s",
    lastRank: null,
    rank: null,
    change,
    tier: null,
    tierIndex: null,
    reason: null,
  });
  const teacher = (key: string, ...changes: (number | null)[]) => ({ key, students: changes.map(student) });
  const TT: AwardTiers = {
    tiers: [
      { name: "一等“爱心工程”奖", share: 0.2 },
      { name: "二等“爱心工程”奖", share: 0.3 },
      { name: "三等“爱心工程”奖", share: 0.5 },
    ],
    basis: "转化学生的个数及成绩",
    source: "方案4 三",
  };

  test("counts, order and tiers", () => {
    // A: 2 moved, 5 · B: 1, 4 · C: 2, 2 · D: 0 · E: none · F: 1, 5
    // order A, C, F, B; 4 eligible, places [1,2,4]
    const results = teacherAwards(
      [
        teacher("A", 3, 2, -1),
        teacher("B", 4, null),
        teacher("C", 1, 1),
        teacher("D", 0, -3),
        teacher("E"),
        teacher("F", 5),
      ],
      TT,
    );
    expect(results.map((r) => [r.key, r.moved, r.totalChange, r.tier, r.tierIndex, r.reason])).toEqual([
      ["A", 2, 5, "一等“爱心工程”奖", 0, null],
      ["B", 1, 4, "三等“爱心工程”奖", 2, null],
      ["C", 2, 2, "二等“爱心工程”奖", 1, null],
      ["D", 0, 0, null, null, "no-progress"],
      ["E", 0, 0, null, null, "no-progress"],
      ["F", 1, 5, "三等“爱心工程”奖", 2, null],
    ]);
  });

  test("teachers tied on count and sum share the better tier", () => {
    // A and G: 2 moved, 5; then C (2, 2), F (1, 5), B (1, 4); 5 eligible, places [1,3,5]
    const results = teacherAwards(
      [teacher("A", 3, 2), teacher("G", 4, 1), teacher("C", 1, 1), teacher("F", 5), teacher("B", 4)],
      TT,
    );
    expect(results.map((r) => r.tierIndex)).toEqual([0, 0, 1, 2, 2]);
  });

  test("equal count, different sum: not a tie", () => {
    // A (1, 3) before B (1, 2); 2 eligible, places [1,2,2]
    expect(teacherAwards([teacher("B", 2), teacher("A", 3)], TT).map((r) => r.tierIndex)).toEqual([1, 0]);
  });

  test("from studentAwards' results", () => {
    const students = studentAwards(
      inputs([
        ["s1", 5, 1],
        ["s2", 3, 3],
        ["s3", 4, 2],
      ]),
      T,
    );
    const results = teacherAwards(
      [
        { key: "王老师", students: [students[0], students[1]].filter((s) => s !== undefined) },
        { key: "李老师", students: [students[2]].filter((s) => s !== undefined) },
      ],
      TT,
    );
    expect(results.map((r) => [r.key, r.moved, r.totalChange, r.tierIndex])).toEqual([
      ["王老师", 1, 4, 0],
      ["李老师", 1, 2, 1],
    ]);
  });
});

describe("reason texts", () => {
  test("zh-CN by default, en-US on request, students and teachers", () => {
    expect(awardReasonText("no-progress")).toBe("名次没有提高，不予评价");
    expect(awardReasonText("no-score", "student", "en-US")).toBe("No rank (or score) for this exam or last term");
    expect(awardReasonText("no-progress", "teacher")).toBe("所转化学生没有名次提高的，不予评奖");
    for (const reason of ["no-progress", "no-score", "over-quota"] as const) {
      for (const who of ["student", "teacher"] as const) {
        const t = awardReasonTexts(reason, who);
        expect(t["zh-CN"]).not.toBe("");
        expect(t["en-US"]).not.toBe("");
      }
    }
  });
});
