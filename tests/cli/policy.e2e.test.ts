// The policy functions and commands through the built CLI, as Excel would call them.
import { join } from "node:path";
import { runCli, jsonOut } from "./run-cli";

const FIXTURES = join(__dirname, "..", "fixtures");

describe("zizhu fn AMOUNT / ELIGIBLE / WHY / QUOTA / PROGRAMS", () => {
  test.each<[string[], unknown, number]>([
    // The examples the policy issue asks for.
    [["AMOUNT", "一补", "学段", "初中", "是否寄宿", "非寄宿"], 312.5, 0],
    [["AMOUNT", "一补", "学段", "小学", "是否寄宿", "寄宿"], 500, 0],
    [
      [
        "AMOUNT",
        "省级特困教师",
        "负债金额",
        "60000",
        "人员状态",
        "在职",
        "致困原因",
        "患病",
        "近两年是否获省级资助",
        "否",
      ],
      10000,
      0,
    ],
    [["AMOUNT", "大学新生入学资助", "录取地", "省外"], 1000, 0],
    [["AMOUNT", "营养改善计划", "天数", "20"], 80, 0],
    [["ELIGIBLE", "省级特困教师", "负债金额", "40000", "人员状态", "在职", "致困原因", "患病"], false, 0],
    [["ELIGIBLE", "一补", "学段", "初中"], true, 0],
    [["WHY", "一补", "学段", "初中", "是否寄宿", "否", "困难类型", "低保"], "", 0],
    [["WHY", "一补", "学段", "初中", "是否寄宿", "否"], "尚不能确定，还需提供：困难类型", 0],
    [["QUOTA", "中职助学金", "500"], 70, 0],
  ])("%j", (args, expected, code) => {
    const run = runCli(["fn", ...args]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(code);
    expect(jsonOut(run)).toEqual(expected);
  });

  test("not eligible: AMOUNT is #N/A with the reason and its plan", () => {
    const run = runCli(["fn", "AMOUNT", "省级特困教师", "负债金额", "40000", "致困原因", "患病"]);
    expect(run.code).toBe(1);
    expect(jsonOut(run)).toEqual({ error: "#N/A", message: expect.stringContaining("负债不足5万元（方案12 二") });
  });

  test("WHY names the fields still needed", () => {
    expect(jsonOut(runCli(["fn", "WHY", "一补", "学段", "初中"]))).toContain("还需提供");
  });

  test('a header range and a row range, as =ZIZHU.AMOUNT("一补", $A$1:$C$1, A2:C2) passes them', () => {
    const line = JSON.stringify(["一补", [["姓名", "学段", "是否寄宿"]], [["张三", "初中", "否"]]]);
    const run = runCli(["fn", "AMOUNT", "--batch", "-"], { input: `${line}\n` });
    expect(run.stdout.trim()).toBe("312.5");
  });

  test("unknown program, unknown field, odd pairs and unreadable values are explained", () => {
    expect(jsonOut(runCli(["fn", "AMOUNT", "不存在", "学段", "初中"]))).toEqual({
      error: "#N/A",
      message: expect.stringContaining("没有名为“不存在”的资助项目"),
    });
    expect(jsonOut(runCli(["fn", "AMOUNT", "一补", "血型", "A"]))).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining("不认识的字段：血型"),
    });
    expect(jsonOut(runCli(["fn", "AMOUNT", "一补", "学段"]))).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining("成对"),
    });
    expect(jsonOut(runCli(["fn", "AMOUNT", "一补", "学段", "火星"]))).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining("火星"),
    });
  });

  test("PROGRAMS spills a table of the pack", () => {
    const table = jsonOut(runCli(["fn", "PROGRAMS"])) as string[][];
    expect(table[0]).toEqual(["代码", "名称", "标准", "周期", "名额比例", "出处"]);
    expect(table.map((r) => r[0])).toEqual(
      expect.arrayContaining(["yibu", "nutrition", "teacher-aid-province", "rural-teacher"]),
    );
    expect(table).toHaveLength(17);
  });

  test("--pack: a user pack overrides a standard for the functions too", () => {
    const run = runCli([
      "fn",
      "AMOUNT",
      "营养改善计划",
      "天数",
      "20",
      "--pack",
      join(FIXTURES, "pack-nutrition-5.json"),
    ]);
    expect(jsonOut(run)).toBe(100);
  });
});

describe("zizhu policy", () => {
  test("list shows every program with its standard", () => {
    const run = runCli(["policy", "list"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("yibu");
    expect(run.stdout).toContain("初中非寄宿 312.5 元");
    expect(run.stdout).toContain("14%");
  });

  test("show names every condition with its plan", () => {
    const run = runCli(["policy", "show", "省级特困教师"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("负债金额 ≥ 50000");
    expect(run.stdout).toContain("方案12 二");
    expect(run.stdout).toContain("退休人员比例不超过 5%");
  });

  test("check accepts a good pack and rejects a broken one with paths", () => {
    const good = runCli(["policy", "check", join(FIXTURES, "pack-nutrition-5.json")]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain("政策包有效");
    const bad = runCli(["policy", "check", join(FIXTURES, "pack-broken.json")]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("version");
    expect(bad.stdout).toContain("programs[0]（yibu）.standard.amount");
  });

  test("a broken --pack stops the command and says why", () => {
    const run = runCli(["policy", "list", "--pack", join(FIXTURES, "pack-broken.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("未加载");
  });
});
