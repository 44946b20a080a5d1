import { parseRecipe } from "../../../src/automation/recipes/schema";
import { RECIPE_LIBRARY, findLibraryRecipe } from "../../../src/automation/recipes/library";

describe("parseRecipe", () => {
  it("accepts a recipe with every step and its options", () => {
    const r = parseRecipe({
      name: "全部步骤",
      options: { program: "一补", enrolled: 800 },
      steps: [
        { step: "check", continueOnError: true },
        { step: "privacy" },
        { step: "fix", kinds: ["trim", "text-format"] },
        { step: "format", title: "某校花名册" },
        { step: "summary" },
        { step: "notice", start: "2026-12-01", days: 7, contact: "学校资助办" },
        { step: "forms" },
        { step: "export" },
        { step: "seal" },
      ],
    });
    expect(r.ok).toBe(true);
  });

  const bad: [string, unknown, RegExp][] = [
    [
      "an unknown step",
      { name: "x", steps: [{ step: "check" }, { step: "mail" }] },
      /第 2 步（mail）.*未知步骤.*check/,
    ],
    [
      "a notice of no days",
      { name: "x", steps: [{ step: "notice", days: 0 }] },
      /第 1 步（notice）：days：公示天数至少为 1 个工作日/,
    ],
    [
      "a bad start date",
      { name: "x", steps: [{ step: "check" }, { step: "notice", start: "12/1" }] },
      /第 2 步（notice）：start：日期应写成 YYYY-MM-DD/,
    ],
    ["an unknown option", { name: "x", steps: [{ step: "seal", force: true }] }, /第 1 步（seal）/],
    ["an unknown fix kind", { name: "x", steps: [{ step: "fix", kinds: ["delete"] }] }, /第 1 步（fix）：kinds\.0/],
    ["no steps", { name: "x", steps: [] }, /steps：至少需要一个步骤/],
    ["no name", { steps: [{ step: "check" }] }, /name/],
  ];
  it.each(bad)("rejects %s with a Chinese message naming the step", (_what, data, message) => {
    const r = parseRecipe(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.message).toMatch(message);
    expect(r.problem.message).toMatch(/^流程定义有 \d+ 处错误/);
  });
});

describe("the recipe library", () => {
  it("ships 学期报送, 公示前检查 and 帮联报送 with the issues' steps", () => {
    expect(RECIPE_LIBRARY.map((r) => r.name)).toEqual(["学期报送", "公示前检查", "帮联报送"]);
    expect(findLibraryRecipe("帮联报送")?.steps.map((s) => s.step)).toEqual([
      "check",
      "pair-summary",
      "export",
      "seal",
    ]);
    expect(findLibraryRecipe("学期报送")?.steps.map((s) => s.step)).toEqual([
      "check",
      "fix",
      "check",
      "format",
      "summary",
      "notice",
      "seal",
    ]);
    expect(findLibraryRecipe(" 公示前检查 ")?.steps.map((s) => s.step)).toEqual(["privacy", "notice"]);
    expect(findLibraryRecipe("没有这个")).toBeNull();
  });
});
