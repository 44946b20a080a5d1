// Every rule of POLICY.md, answered by decide() on the seed pack. One row per rule, each citing
// the plan (方案N) it comes from. Records are given as a roster would give them: Chinese headers
// and the values finance staff type, normalised by the roster module.
import { decide, findProgram, quotaFor, seedPack, whyText, type Decision } from "../../../src/core/policy";
import { normalizeRecord } from "../../../src/core/roster";

const TODAY = { y: 2026, m: 11, d: 28 };

function decideFor(program: string, fields: Record<string, unknown>, strict = false): Decision {
  const pack = seedPack();
  const p = findProgram(pack, program);
  if (!p) throw new Error(`no program ${program}`);
  const { record, issues } = normalizeRecord(Object.entries(fields));
  expect(issues).toEqual([]);
  return decide(p, record, pack, { today: TODAY, strict });
}

type Row = [
  source: string,
  program: string,
  fields: Record<string, unknown>,
  eligible: boolean,
  amount: number | null,
  reason?: string,
];

const students: Row[] = [
  ["方案7 二.1", "一补", { 学段: "初中", 是否寄宿: "否" }, true, 312.5],
  ["方案7 二.1", "一补", { 学段: "小学", 是否寄宿: "走读" }, true, 250],
  ["方案8 (三)4", "一补", { 学段: "小学", 是否寄宿: "寄宿" }, true, 500],
  ["方案8 (三)4", "一补", { 就读学段: "初中", 住宿情况: "住校" }, true, 625],
  ["方案7 二.1", "一补", { 学段: "普通高中", 是否寄宿: "是" }, false, null, "义务教育"],
  ["方案7 二.1", "一补", { 年级: "七年级", 是否寄宿: "√" }, true, 625],
  ["方案7 二.2", "一补", { 学段: "小学", 是否寄宿: "是", 困难类型: "非困难" }, false, null, "家庭经济困难学生"],
  ["方案7 二.2", "一补", { 学段: "小学", 是否寄宿: "是", 困难类型: "脱贫户" }, true, 500],
  ["方案3 二.1", "营养改善计划", { 天数: 20 }, true, 80],
  ["方案6 二.1", "营养餐", { 学段: "初中", 供餐天数: "95天" }, true, 380],
  ["方案3 二.1", "营养改善计划", { 学段: "普通高中", 天数: 20 }, false, null, "义务教育"],
  ["方案7 一.1", "省定营养改善计划", { 学段: "初中", 困难类型: "建档立卡" }, true, 400],
  ["方案7 一.1", "省定营养改善计划", { 学段: "小学", 困难类型: "残疾学生" }, true, 400],
  ["方案7 一.1", "省定营养改善计划", { 学段: "小学", 困难类型: "低保" }, false, null, "建档立卡贫困户学生、残疾学生"],
  ["方案8 (三)1", "中职免学费", { 学段: "中职" }, true, 1200],
  ["方案8 (三)1", "中职免学费", { 学段: "普通高中" }, false, null, "中职"],
  ["方案8 (三)2", "中职助学金", { 学段: "中专", 困难程度: "特别困难" }, true, 4000],
  ["方案8 (三)2", "中职助学金", { 学段: "中职", 困难程度: "困难" }, true, 3000],
  ["方案8 (三)2", "中职助学金", { 学段: "中职", 认定等级: "一般困难" }, true, 1000],
  ["方案8 (三)2", "中职助学金", { 学段: "中职", 档次: "2" }, true, 3000],
  ["方案8 (三)3", "普高助学金", { 学段: "高中", 资助档次: "一档" }, true, 4000],
  ["方案8 (三)3", "普高助学金", { 学段: "初中", 资助档次: "一档" }, false, null, "普通高中"],
  ["方案8 (三)5", "幼儿入园补助", { 学段: "学前", 幼儿园类型: "公办" }, true, 1000],
  ["方案8 (三)5", "幼儿入园补助", { 学段: "幼儿园", 园所性质: "普惠性民办园" }, true, 1000],
  ["方案8 (三)5", "幼儿入园补助", { 学段: "学前", 幼儿园类型: "民办" }, false, null, "公办园和普惠性民办园"],
  ["方案8 (三)6", "大学新生入学资助", { 学段: "本科", 录取地: "省外" }, true, 1000],
  ["方案8 (三)6", "大学新生入学资助", { 学段: "大专", 省内外: "省内" }, true, 500],
  ["方案8 (三)7", "生源地助学贷款", { 学段: "本科" }, true, 8000],
  ["方案8 (三)", "雨露计划", { 学段: "中职", 困难类型: "建档立卡" }, true, 1000],
  ["方案8 (三)", "雨露计划", { 学段: "技师学院", 困难类型: "建档户" }, true, 1000],
  ["方案8 (三)", "雨露计划", { 学段: "中职", 困难类型: "低保" }, false, null, "建档立卡"],
  ["方案8 (三)", "雨露计划", { 学段: "普通高中", 困难类型: "建档立卡" }, false, null, "职业学历教育"],
  ["方案8 (三)", "特困学生资助", { 学段: "初中", 困难类型: "建档立卡", 是否面临失学辍学: "是" }, true, 2000],
  [
    "方案8 (三)",
    "特困学生资助",
    { 学段: "初中", 困难类型: "建档立卡", 是否面临失学辍学: "否" },
    false,
    null,
    "失学、辍学",
  ],
  ["方案8 (二)4", "干部帮联", { 困难类型: "建档立卡" }, true, 1000],
  ["方案8 (二)1", "干部帮联", { 困难类型: "特困供养" }, true, 1000],
  ["方案8 (二)1", "干部帮联", { 困难类型: "非困难" }, false, null, "建档立卡贫困户或其他特困户"],
];

const teachers: Row[] = [
  [
    "方案12 二、三",
    "省级特困教师",
    { 负债金额: 60000, 人员状态: "在职", 致困原因: "患病", 近两年是否获省级资助: "否" },
    true,
    10000,
  ],
  [
    "方案12 二",
    "省级特困教师",
    { 负债金额: 40000, 人员状态: "在职", 致困原因: "患病", 近两年是否获省级资助: "否" },
    false,
    null,
    "负债不足5万元",
  ],
  ["方案12 二", "省级特困教师", { "负债金额(万元)": 6, 致困原因: "重大疾病" }, true, 10000],
  ["方案12 二", "省级特困教师", { 负债金额: 50000, 致困原因: "洪灾" }, true, 10000],
  ["方案12 二", "省级特困教师", { 负债金额: 80000, 致困原因: "其他" }, false, null, "重大疾病"],
  [
    "方案12 五.2",
    "省级特困教师",
    { 负债金额: 80000, 致困原因: "患病", 上次省级资助年份: 2025 },
    false,
    null,
    "前两年内",
  ],
  ["方案12 五.2", "省级特困教师", { 负债金额: 80000, 致困原因: "患病", 上次省级资助年份: 2023 }, true, 10000],
  ["方案12 五.2", "省级特困教师", { 负债金额: 80000, 致困原因: "患病", 教师类别: "职工" }, false, null, "专任教师"],
  ["方案12 二、三", "市级特困教师", { 负债金额: 25000, 致困原因: "患病" }, true, 5000],
  ["方案12 二", "市级特困教师", { 负债金额: 15000, 致困原因: "患病" }, false, null, "负债不足2万元"],
  ["方案14 一、二", "爱烛行动", { 负债金额: 35000, 致困原因: "患病", 本年度已获救助: "否" }, true, 2000],
  ["方案14 一", "爱烛行动", { 负债金额: 25000, 致困原因: "患病" }, false, null, "3万元以上"],
  ["方案14 一", "爱烛行动", { 致困原因: "自然灾害" }, true, 2000],
  ["方案14 一", "爱烛行动", { 负债金额: 35000, 致困原因: "患病", 本年度已获救助: "是" }, false, null, "不重复救助"],
  ["方案13 二", "乡村教师生活补助", { 是否在岗: "否", 任教学校类型: "村小" }, false, null, "离岗取消"],
  ["方案13 一", "乡村教师生活补助", { 是否在岗: "是", 任教学校类型: "县城" }, false, null, "乡村学校"],
];

describe.each([
  ["students", students],
  ["teachers", teachers],
])("seed pack: %s programs", (_kind, rows) => {
  // A rest parameter: a callback with more parameters than the row would be taken for a "done" callback.
  test.each(rows)("%s %s %j", (...[, program, fields, eligible, amount, reason]: Row) => {
    const d = decideFor(program, fields);
    expect(d.eligible).toBe(eligible);
    expect(d.amount).toBe(amount);
    if (reason) expect(whyText(d)).toContain(reason);
    if (eligible) expect(d.reasons).toEqual([]);
  });
});

describe("what decide() says beyond yes/no", () => {
  test("a field not given is not held against anyone, but is named (方案7 二.1)", () => {
    const d = decideFor("一补", { 学段: "初中" });
    expect(d.eligible).toBe(true);
    expect(d.amount).toBeNull();
    expect(d.missing.map((m) => m.label)).toContain("是否寄宿");
    expect(whyText(d)).toBe("尚不能确定，还需提供：困难类型、是否寄宿");
  });

  test("the strict (roster) check treats a missing field as a failure", () => {
    const d = decideFor("一补", { 学段: "初中", 是否寄宿: "否" }, true);
    expect(d.eligible).toBe(false);
    expect(whyText(d)).toContain("缺少困难类型");
  });

  test("自采集 needs proof, 系统比对 does not (方案7 一.2–3, 二.3)", () => {
    expect(decideFor("省定营养改善计划", { 学段: "初中", 困难类型: "建档立卡", 系统比对: "否" }).needsProof).toBe(true);
    expect(
      decideFor("省定营养改善计划", { 学段: "初中", 困难类型: "建档立卡", 系统比对: "否" }).proofDocuments,
    ).toContain("残疾证");
    expect(decideFor("省定营养改善计划", { 学段: "初中", 困难类型: "建档立卡", 系统比对: "是" }).needsProof).toBe(
      false,
    );
  });

  test("full-coverage groups of 一补, 建档立卡 first (方案7 二.2)", () => {
    const d = decideFor("一补", { 学段: "小学", 是否寄宿: "是", 困难类型: "建档立卡、低保" });
    expect(d.notes.map((n) => n.text).join()).toContain("全覆盖");
    expect(d.notes.map((n) => n.text).join()).toContain("建档立卡学生优先");
  });

  test("就高不就低: a 档次 and a 困难程度 that disagree give the higher standard (方案8 (三))", () => {
    const d = decideFor("普高助学金", { 学段: "普通高中", 档次: "三档", 困难程度: "特别困难" });
    expect(d.amount).toBe(4000);
    expect(d.notes.map((n) => n.source)).toContain("方案8 (三)");
  });

  test("a tier that is not given lists the possible standards as missing fields", () => {
    const d = decideFor("中职助学金", { 学段: "中职" });
    expect(d.amount).toBeNull();
    expect(d.missing.map((m) => m.field)).toEqual(expect.arrayContaining(["tier", "hardshipLevel"]));
  });

  test("乡村教师: the county sets the tiers; the seed pack says so instead of inventing a number (方案13 二)", () => {
    const d = decideFor("乡村教师生活补助", { 是否在岗: "是", 任教学校类型: "教学点", 补助档次: "一档" });
    expect(d.eligible).toBe(true);
    expect(d.amount).toBeNull();
    expect(d.notes.map((n) => n.text).join()).toContain("县级");
  });

  test("every decision cites its sources", () => {
    const d = decideFor("省级特困教师", { 负债金额: 60000, 致困原因: "患病" });
    expect(d.sources).toEqual(expect.arrayContaining(["方案12 二", "方案12 三：省级每人一次性1万元"]));
  });
});

describe("quotas (方案8 (三))", () => {
  test.each([
    ["中职助学金", 500, 70],
    ["普高助学金", 1000, 140],
    ["一补", 400, 100],
    ["幼儿入园补助", 500, 37],
    ["中职免学费", 321, 321],
  ])("%s, %d enrolled → %d", (program, enrolled, expected) => {
    const p = findProgram(seedPack(), program);
    expect(p && quotaFor(p, enrolled)).toBe(expected);
  });
  test("a program without a quota has none", () => {
    const p = findProgram(seedPack(), "雨露计划");
    expect(p && quotaFor(p, 100)).toBeNull();
  });
});

describe("the seed pack covers POLICY.md", () => {
  const pack = seedPack();
  test("12 student programs and 4 teacher programs", () => {
    expect(pack.programs.filter((p) => p.audience === "students")).toHaveLength(12);
    expect(pack.programs.filter((p) => p.audience === "teachers")).toHaveLength(4);
  });
  test("cross-cutting limits: retired shares, nominees, visits, repeat aid, deadlines", () => {
    const limits = (code: string) => findProgram(pack, code)?.limits ?? [];
    expect(limits("teacher-aid-province")).toContainEqual(
      expect.objectContaining({ kind: "retired-share", max: 0.05 }),
    );
    expect(limits("teacher-aid-city")).toContainEqual(expect.objectContaining({ kind: "retired-share", max: 0.1 }));
    expect(limits("aizhu")).toContainEqual(expect.objectContaining({ kind: "nominees-per-school", min: 1, max: 2 }));
    expect(limits("aizhu")).toContainEqual(expect.objectContaining({ kind: "no-repeat-within-year" }));
    expect(limits("banglian")).toContainEqual(expect.objectContaining({ kind: "min-visits", min: 4 }));
    expect(limits("teacher-aid-city")).toContainEqual(expect.objectContaining({ kind: "deadline", month: 6, day: 20 }));
  });
  test("the open choices are stated as assumptions", () => {
    const text = pack.assumptions.map((a) => a.text).join("\n");
    expect(text).toContain("特别困难 → 一档 4000");
    expect(text).toContain("乡村教师");
  });
  test("program names and aliases resolve, whatever the spelling", () => {
    expect(findProgram(pack, "一补")?.code).toBe("yibu");
    expect(findProgram(pack, " YIBU ")?.code).toBe("yibu");
    expect(findProgram(pack, "义务教育家庭经济困难学生生活补助(一补)")?.code).toBe("yibu");
    expect(findProgram(pack, "不存在的项目")).toBeNull();
    expect(findProgram(pack, 42)).toBeNull();
  });
});

test("a pack used outside its effective dates says so", () => {
  const pack = seedPack();
  const p = findProgram(pack, "一补");
  const { record } = normalizeRecord([["学段", "小学"]]);
  const before = p && decide(p, record, pack, { today: { y: 2022, m: 12, d: 31 } });
  expect(before?.notes.map((n) => n.text).join()).toContain("不在其内");
  const during = p && decide(p, record, pack, { today: TODAY });
  expect(during?.notes.map((n) => n.text).join()).not.toContain("不在其内");
});
