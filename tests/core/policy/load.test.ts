// Loading policy packs: a broken pack is rejected whole, with a Chinese message naming the JSON
// path; an overlay pack can override a standard of the seed pack.
import fc from "fast-check";
import seedJson from "../../../src/core/policy/packs/seed.json";
import { decide, findProgram, loadPack, packProblemText, seedPack, type PackProblem } from "../../../src/core/policy";
import { normalizeRecord } from "../../../src/core/roster";

const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(seedJson)) as Record<string, unknown>;
type Mutable = Record<string, unknown> & { programs: Record<string, unknown>[] };

function problems(input: unknown): PackProblem[] {
  const r = loadPack(input, [seedPack()]);
  if (r.ok) throw new Error("expected the pack to be rejected");
  return r.problem;
}

test("the seed pack is valid as shipped", () => {
  expect(loadPack(seedJson).ok).toBe(true);
});

describe("every broken shape is rejected with its JSON path and a Chinese message", () => {
  const cases: [string, (p: Mutable) => unknown, string, RegExp][] = [
    [
      "an amount that is text",
      (p) => (((p.programs[3] as Mutable)["standard"] as Record<string, unknown>)["amount"] = "1200元"),
      "programs[3]（zhongzhi-tuition）.standard.amount",
      /期望|数字|number/,
    ],
    [
      "a number without its source",
      (p) => delete ((p.programs[3] as Mutable)["standard"] as Record<string, unknown>)["source"],
      "programs[3]（zhongzhi-tuition）.standard.source",
      /./,
    ],
    ["an unknown period", (p) => ((p.programs[0] as Mutable)["period"] = "每月"), "programs[0]（yibu）.period", /./],
    [
      "an unknown field in a condition",
      (p) => (((p.programs[0] as Mutable)["eligibility"] as Record<string, unknown>[])[0]!["field"] = "学段"),
      "programs[0]（yibu）.eligibility[0].field",
      /./,
    ],
    [
      "a duplicate program code",
      (p) => ((p.programs[1] as Mutable)["code"] = "yibu"),
      "programs[1]（yibu）.code",
      /项目代码重复：yibu/,
    ],
    [
      "a share over 100%",
      (p) => (((p.programs[4] as Mutable)["quota"] as Record<string, unknown>)["share"] = 14),
      "programs[4]（zhongzhi-grant）.quota.share",
      /./,
    ],
    ["a bad version", (p) => (p["version"] = "v2"), "version", /主\.次\.修订/],
    ["an unknown key (a typo)", (p) => (p["progams"] = []), "", /progams/],
    ["no programs", (p) => (p.programs = []), "programs", /至少需要一个资助项目/],
    [
      "an end before the start",
      (p) => (p["effective"] = { from: "2026-09-01", to: "2026-01-01" }),
      "effective.to",
      /早于/,
    ],
  ];
  test.each(cases)("%s", (_name, breakIt, path, message) => {
    const pack = clone() as Mutable;
    breakIt(pack);
    const found = problems(pack);
    const hit = found.find((p) => p.path === path);
    expect({ path, found: hit ? hit.path : found.map((p) => p.path) }).toEqual({ path, found: path });
    expect(hit?.message).toMatch(message);
    expect(packProblemText(found)).toContain(path);
  });

  test("text that is not JSON", () => {
    expect(problems("{ id: ")[0]?.message).toContain("不是合法的 JSON");
  });

  test("nothing is half-loaded: any problem means no pack at all", () => {
    const pack = clone() as Mutable;
    (pack.programs[5] as Mutable)["period"] = "每月";
    const r = loadPack(pack);
    expect(r.ok).toBe(false);
    expect("value" in r).toBe(false);
  });

  test("no input ever throws (property)", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        loadPack(v, [seedPack()]);
        return true;
      }),
    );
  });
});

describe("user packs", () => {
  const overlay = {
    extends: "cn-school-aid-seed",
    id: "henan-2026",
    name: "河南 2026 年秋季标准",
    version: "2026.9.0".replace("2026.9.0", "1.0.0"),
    effective: { from: "2026-09-01" },
    programs: [
      { code: "nutrition", standard: { type: "perDay", rate: 5, daysField: "days", source: "新标准：每生每天5元" } },
    ],
  };

  test("an overlay overrides one standard and keeps the rest of the seed pack", () => {
    const r = loadPack(overlay, [seedPack()]);
    if (!r.ok) throw new Error(packProblemText(r.problem));
    const p = findProgram(r.value, "营养改善计划");
    const { record } = normalizeRecord([["天数", 20]]);
    expect(p && decide(p, record, r.value, { today: { y: 2026, m: 11, d: 28 } }).amount).toBe(100);
    expect(r.value.programs).toHaveLength(seedPack().programs.length);
    expect(r.value.effective.from).toBe("2026-09-01");
  });

  test("an overlay can set the county's rural-teacher tiers", () => {
    const r = loadPack(
      {
        ...overlay,
        programs: [
          {
            code: "rural-teacher",
            standard: {
              type: "tier",
              tierField: "hardshipTier",
              amounts: { 一档: 3600, 二档: 2400 },
              source: "某县实施办法",
            },
          },
        ],
      },
      [seedPack()],
    );
    if (!r.ok) throw new Error(packProblemText(r.problem));
    const p = findProgram(r.value, "乡村教师生活补助");
    const { record } = normalizeRecord([
      ["是否在岗", "是"],
      ["任教学校类型", "村小"],
      ["补助档次", "一档"],
    ]);
    expect(p && decide(p, record, r.value, { today: { y: 2026, m: 11, d: 28 } }).amount).toBe(3600);
  });

  test("an overlay of an unknown pack is refused", () => {
    expect(problems({ ...overlay, extends: "nope" })[0]?.message).toContain("找不到要扩展的政策包 nope");
  });

  test("a broken overlay names the merged program", () => {
    const found = problems({
      ...overlay,
      programs: [{ code: "nutrition", standard: { type: "perDay", rate: "五元", daysField: "days", source: "x" } }],
    });
    expect(found.map((p) => p.path)).toContain("programs[1]（nutrition）.standard.rate");
  });
});
