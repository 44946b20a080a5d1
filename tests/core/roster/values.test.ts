import {
  normalizeBoarding,
  normalizeCause,
  normalizeCount,
  normalizeDestination,
  normalizeGender,
  normalizeHardship,
  normalizeInPost,
  normalizeKindergarten,
  normalizeLevel,
  normalizeMoney,
  normalizePost,
  normalizeStage,
  normalizeStatus,
  normalizeTeacherType,
  normalizeTier,
  normalizeVerified,
  normalizeYear,
  normalizeYesNo,
  stageFromGrade,
  type Unit,
} from "../../../src/core/roster";

/** Values no normaliser reads. */
const JUNK: unknown[] = [
  null,
  undefined,
  "",
  "   ",
  {},
  [],
  Object.create(null),
  Number.NaN,
  Infinity,
  "？？",
  "x".repeat(10_000),
];

describe("normalizeYesNo", () => {
  test.each<[unknown, boolean]>([
    ["是", true],
    ["否", false],
    ["Y", true],
    ["N", false],
    ["y", true],
    ["yes", true],
    ["YES", true],
    ["No", false],
    ["√", true],
    ["✓", true],
    ["✔", true],
    ["✔️", true],
    ["×", false],
    ["✗", false],
    ["✘", false],
    ["X", false],
    ["有", true],
    ["无", false],
    ["TRUE", true],
    ["FALSE", false],
    ["true", true],
    ["false", false],
    ["1", true],
    ["0", false],
    ["１", true],
    ["０", false],
    ["对", true],
    ["错", false],
    [" 是 ", true],
    ["是\u3000", true],
    ["Ｙ", true],
    ["已比对", true],
    ["未比对", false],
    ["已获得", true],
    ["未获", false],
    ["没有", false],
    ["不是", false],
    ["是（系统比对）", true],
    ["否(自采集)", false],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])("%p → %p", (v, expected) => {
    expect(normalizeYesNo(v)).toBe(expected);
  });

  test.each<unknown>([...JUNK, "不详", "未知", "待定", "maybe", "是否", 2, -1, 0.5, "2", "可能"])("%p → null", (v) => {
    expect(normalizeYesNo(v)).toBeNull();
  });
});

describe("normalizeBoarding", () => {
  test.each<[unknown, boolean]>([
    ["寄宿", true],
    ["住校", true],
    ["住宿", true],
    ["寄宿生", true],
    ["是", true],
    ["√", true],
    [true, true],
    ["走读", false],
    ["非寄宿", false],
    ["非寄宿生", false],
    ["不住校", false],
    ["否", false],
    ["走读生", false],
    ["非 寄 宿", false],
    [false, false],
  ])("%p → %p", (v, expected) => {
    expect(normalizeBoarding(v)).toBe(expected);
  });

  test.each<unknown>([...JUNK, "半寄宿", "不详"])("%p → null", (v) => {
    expect(normalizeBoarding(v)).toBeNull();
  });
});

describe("normalizeVerified / normalizeInPost / normalizeGender", () => {
  test.each<[unknown, boolean]>([
    ["系统比对", true],
    ["是", true],
    ["已比对", true],
    ["自采集", false],
    ["否", false],
    ["未比对", false],
  ])("verified %p → %p", (v, expected) => {
    expect(normalizeVerified(v)).toBe(expected);
  });

  test.each<[unknown, boolean]>([
    ["在岗", true],
    ["是", true],
    ["离岗", false],
    ["不在岗", false],
    ["否", false],
  ])("inPost %p → %p", (v, expected) => {
    expect(normalizeInPost(v)).toBe(expected);
  });

  test.each<[unknown, "男" | "女"]>([
    ["男", "男"],
    ["女", "女"],
    ["男性", "男"],
    [" 女 ", "女"],
    ["M", "男"],
    ["female", "女"],
    [1, "男"],
    [2, "女"],
  ])("gender %p → %p", (v, expected) => {
    expect(normalizeGender(v)).toBe(expected);
  });

  test.each<unknown>([...JUNK, "未知", 0, 3, "男女"])("gender %p → null", (v) => {
    expect(normalizeGender(v)).toBeNull();
  });

  test.each<unknown>([...JUNK, "不详", "学校填报", 3])("verified and inPost %p → null", (v) => {
    expect(normalizeVerified(v)).toBeNull();
    expect(normalizeInPost(v)).toBeNull();
  });
});

describe("normalizeStage", () => {
  test.each<[unknown, string]>([
    ["学前", "学前"],
    ["幼儿园", "学前"],
    ["学前班", "学前"],
    ["小班", "学前"],
    ["中班", "学前"],
    ["大班", "学前"],
    ["小学", "小学"],
    ["初中", "初中"],
    ["初级中学", "初中"],
    ["普通高中", "普通高中"],
    ["高中", "普通高中"],
    ["普高", "普通高中"],
    ["高级中学", "普通高中"],
    ["中职", "中职"],
    ["中专", "中职"],
    ["技校", "中职"],
    ["职高", "中职"],
    ["职中", "中职"],
    ["中等职业", "中职"],
    ["中等职业学校", "中职"],
    ["技工学校", "中职"],
    ["高职", "高职"],
    ["大专", "高职"],
    ["专科", "高职"],
    ["高等职业", "高职"],
    ["全日制普通大专", "高职"],
    ["技师学院", "高职"],
    ["本科", "本科"],
    ["大学", "本科"],
    ["大学本科", "本科"],
    ["研究生", "研究生"],
    ["硕士", "研究生"],
    ["博士", "研究生"],
    [" 初 中 ", "初中"],
    ["初中（义务教育）", "初中"],
    ["三年级", "小学"],
    ["初二", "初中"],
    ["高三", "普通高中"],
    ["城关镇中心小学", "小学"],
    ["县第二初级中学", "初中"],
    ["湖南XX职业技术学院", "高职"],
    ["红星幼儿园", "学前"],
  ])("%p → %p", (v, expected) => {
    expect(normalizeStage(v)).toBe(expected);
  });

  test.each<unknown>([...JUNK, "中学", "义务教育", "高等教育", "学院", 3, "3", "大学预科班", true])(
    "%p → null",
    (v) => {
      expect(normalizeStage(v)).toBeNull();
    },
  );
});

describe("stageFromGrade", () => {
  test.each<[unknown, string]>([
    ["一年级", "小学"],
    ["六年级", "小学"],
    ["1年级", "小学"],
    ["１年级", "小学"],
    ["6年级", "小学"],
    ["小一", "小学"],
    ["小六", "小学"],
    ["七年级", "初中"],
    ["八年级", "初中"],
    ["九年级", "初中"],
    ["9年级", "初中"],
    ["初一", "初中"],
    ["初二", "初中"],
    ["初三", "初中"],
    ["初四", "初中"],
    ["高一", "普通高中"],
    ["高二", "普通高中"],
    ["高三", "普通高中"],
    ["大一", "本科"],
    ["大四", "本科"],
    ["小班", "学前"],
    ["中班", "学前"],
    ["大班", "学前"],
    ["学前班", "学前"],
    ["幼儿园大班", "学前"],
    ["中职一年级", "中职"],
    ["中职二年级", "中职"],
    ["高职一年级", "高职"],
    ["高中一年级", "普通高中"],
    ["初中二年级", "初中"],
    ["三年级2班", "小学"],
    ["三年级（2）班", "小学"],
    ["初一(3)班", "初中"],
    ["高二年级", "普通高中"],
    ["初 二", "初中"],
  ])("%p → %p", (v, expected) => {
    expect(stageFromGrade(v)).toBe(expected);
  });

  test.each<unknown>([
    ...JUNK,
    "3",
    3,
    "十年级",
    "2023级",
    "高",
    "初",
    "初七",
    "高四",
    "小七",
    "大六",
    "三班",
    "初2023级",
  ])("%p → null", (v) => {
    expect(stageFromGrade(v)).toBeNull();
  });
});

describe("normalizeHardship", () => {
  test.each<[unknown, string[], string[]]>([
    ["建档立卡", ["建档立卡"], []],
    ["建档立卡户", ["建档立卡"], []],
    ["建档户", ["建档立卡"], []],
    ["脱贫户", ["建档立卡"], []],
    ["脱贫家庭", ["建档立卡"], []],
    ["贫困户", ["建档立卡"], []],
    ["建档立卡贫困户", ["建档立卡"], []],
    ["低保", ["低保"], []],
    ["低保户", ["低保"], []],
    ["最低生活保障", ["低保"], []],
    ["城乡低保", ["低保"], []],
    ["农村低保", ["低保"], []],
    ["特困", ["特困供养"], []],
    ["特困供养", ["特困供养"], []],
    ["特困人员", ["特困供养"], []],
    ["五保", ["特困供养"], []],
    ["事实无人抚养儿童", ["事实无人抚养儿童"], []],
    ["事实孤儿", ["事实无人抚养儿童"], []],
    ["孤儿", ["孤残"], []],
    ["孤残", ["孤残"], []],
    ["孤残学生", ["孤残"], []],
    ["烈士子女", ["烈士子女"], []],
    ["残疾", ["残疾"], []],
    ["残疾学生", ["残疾"], []],
    ["残疾儿童", ["残疾"], []],
    ["家庭经济困难残疾学生", ["残疾"], []],
    ["残疾人子女", ["残疾人子女"], []],
    ["残疾人家庭", ["残疾人子女"], []],
    ["见义勇为", ["见义勇为"], []],
    ["见义勇为人员子女", ["见义勇为"], []],
    ["新冠", ["新冠影响"], []],
    ["受新冠影响", ["新冠影响"], []],
    ["疫情", ["新冠影响"], []],
    ["一般困难", ["其他困难"], []],
    ["家庭经济困难", ["其他困难"], []],
    ["困难", ["其他困难"], []],
    ["其他", ["其他困难"], []],
    ["无", ["非困难"], []],
    ["否", ["非困难"], []],
    ["非困难", ["非困难"], []],
    ["不困难", ["非困难"], []],
    ["建档立卡、低保", ["建档立卡", "低保"], []],
    ["低保,残疾", ["低保", "残疾"], []],
    ["低保，残疾", ["低保", "残疾"], []],
    ["低保；孤儿", ["低保", "孤残"], []],
    ["低保/孤儿", ["低保", "孤残"], []],
    ["低保 孤儿", ["低保", "孤残"], []],
    ["低保和残疾", ["低保", "残疾"], []],
    ["低保及残疾人子女", ["低保", "残疾人子女"], []],
    ["建档户、脱贫户、建档立卡", ["建档立卡"], []],
    ["建档立卡（脱贫户）", ["建档立卡"], []],
    ["低保(城市,农村)", ["低保"], []],
    ["低保、火星人", ["低保"], ["火星人"]],
    ["火星人", [], ["火星人"]],
    ["防返贫监测户", [], ["防返贫监测户"]],
    ["ＡＢ", [], ["ab"]],
    [true, [], ["true"]],
    [3, [], ["3"]],
    ["", [], []],
    [null, [], []],
    [undefined, [], []],
    [{}, [], []],
    ["、、", [], []],
  ])("%p → %p unknown %p", (v, values, unknown) => {
    expect(normalizeHardship(v)).toEqual({ values, unknown });
  });
});

describe("normalizeLevel", () => {
  test.each<[unknown, string]>([
    ["特别困难", "特别困难"],
    ["特困", "特别困难"],
    ["A", "特别困难"],
    ["a", "特别困难"],
    ["特别困难（A）", "特别困难"],
    ["困难", "困难"],
    ["比较困难", "困难"],
    ["B", "困难"],
    ["一般困难", "一般困难"],
    ["一般", "一般困难"],
    ["C", "一般困难"],
  ])("%p → %p", (v, expected) => {
    expect(normalizeLevel(v)).toBe(expected);
  });

  test.each<unknown>([...JUNK, 1, 2, "1", "一级", "不困难", "D", true])("%p → null", (v) => {
    expect(normalizeLevel(v)).toBeNull();
  });
});

describe("normalizeTier", () => {
  test.each<[unknown, string]>([
    ["一档", "一档"],
    ["1", "一档"],
    [1, "一档"],
    ["1档", "一档"],
    ["一", "一档"],
    ["Ⅰ", "一档"],
    ["I", "一档"],
    ["第一档", "一档"],
    ["一等", "一档"],
    ["第1档", "一档"],
    ["１档", "一档"],
    ["一档(4000元)", "一档"],
    ["二档", "二档"],
    [2, "二档"],
    ["Ⅱ", "二档"],
    ["II", "二档"],
    ["第二档", "二档"],
    ["二等", "二档"],
    ["三档", "三档"],
    ["3", "三档"],
    ["Ⅲ", "三档"],
    ["iii", "三档"],
    ["第三档次", "三档"],
  ])("%p → %p", (v, expected) => {
    expect(normalizeTier(v)).toBe(expected);
  });

  test.each<unknown>([...JUNK, 0, 4, 1.5, "四档", "4", "IV", true])("%p → null", (v) => {
    expect(normalizeTier(v)).toBeNull();
  });
});

describe("other enumerations", () => {
  test.each<[(v: unknown) => unknown, unknown, unknown]>([
    [normalizeDestination, "省内", "省内"],
    [normalizeDestination, "本省", "省内"],
    [normalizeDestination, "区内", "省内"],
    [normalizeDestination, "省外", "省外"],
    [normalizeDestination, "外省", "省外"],
    [normalizeDestination, "区外", "省外"],
    [normalizeDestination, "省外高校", "省外"],
    [normalizeStatus, "在职", "在职"],
    [normalizeStatus, "在岗", "在职"],
    [normalizeStatus, "在编", "在职"],
    [normalizeStatus, "退休", "退休"],
    [normalizeStatus, "离退休", "退休"],
    [normalizeStatus, "已退休", "退休"],
    [normalizeTeacherType, "专任教师", "专任教师"],
    [normalizeTeacherType, "教师", "专任教师"],
    [normalizeTeacherType, "职工", "职工"],
    [normalizeTeacherType, "工勤人员", "职工"],
    [normalizeTeacherType, "其他", "其他"],
    [normalizePost, "村小", "村小"],
    [normalizePost, "村小学", "村小"],
    [normalizePost, "村级小学", "村小"],
    [normalizePost, "教学点", "教学点"],
    [normalizePost, "王家村教学点", "教学点"],
    [normalizePost, "李庄村小学", "村小"],
    [normalizePost, "乡镇", "乡镇"],
    [normalizePost, "乡镇学校", "乡镇"],
    [normalizePost, "乡中心校", "乡镇"],
    [normalizePost, "中心学校", "乡镇"],
    [normalizePost, "乡镇中学", "乡镇"],
    [normalizePost, "县城", "县城"],
    [normalizePost, "县直", "县城"],
    [normalizePost, "城区", "县城"],
    [normalizeKindergarten, "公办", "公办"],
    [normalizeKindergarten, "公办园", "公办"],
    [normalizeKindergarten, "普惠", "普惠性民办"],
    [normalizeKindergarten, "普惠性民办", "普惠性民办"],
    [normalizeKindergarten, "普惠园", "普惠性民办"],
    [normalizeKindergarten, "普惠性", "普惠性民办"],
    [normalizeKindergarten, "民办", "民办"],
    [normalizeKindergarten, "民办园", "民办"],
    [normalizeKindergarten, "非普惠", "民办"],
  ])("%p(%p) → %p", (fn, v, expected) => {
    expect(fn(v)).toBe(expected);
  });

  const fns = [normalizeDestination, normalizeStatus, normalizeTeacherType, normalizePost, normalizeKindergarten];
  test.each<unknown>([...JUNK, "湖南", "不详", 1, true, "学校"])("%p → null for every one", (v) => {
    for (const fn of fns) expect(fn(v)).toBeNull();
  });
});

describe("normalizeCause", () => {
  test.each<[unknown, string[]]>([
    ["患病", ["患病"]],
    ["重大疾病", ["患病"]],
    ["疾病", ["患病"]],
    ["癌症", ["患病"]],
    ["本人患白血病", ["患病"]],
    ["妻子尿毒症", ["患病"]],
    ["重病", ["患病"]],
    ["病", ["患病"]],
    ["自然灾害", ["自然灾害"]],
    ["灾害", ["自然灾害"]],
    ["火灾", ["自然灾害"]],
    ["洪灾", ["自然灾害"]],
    ["水灾", ["自然灾害"]],
    ["地震", ["自然灾害"]],
    ["泥石流", ["自然灾害"]],
    ["冰雹", ["自然灾害"]],
    ["房屋倒塌", ["其他"]],
    ["子女上学", ["其他"]],
    ["患病、洪灾", ["患病", "自然灾害"]],
    ["癌症，家中失火", ["患病", "其他"]],
    ["患病和其他", ["患病", "其他"]],
    ["无", []],
    ["", []],
    [null, []],
    [3, []],
    [{}, []],
  ])("%p → %p", (v, expected) => {
    expect(normalizeCause(v)).toEqual(expected);
  });
});

describe("normalizeMoney", () => {
  test.each<[unknown, Unit | undefined, number]>([
    [1000, undefined, 1000],
    [312.5, undefined, 312.5],
    ["1,004.50", undefined, 1004.5],
    ["￥1,004.50", undefined, 1004.5],
    ["¥ 1004.5元", undefined, 1004.5],
    ["１２５０", undefined, 1250],
    ["1250元", "元", 1250],
    [0.1 + 0.2, undefined, 0.3],
    [1.005, undefined, 1.01],
    [6, "万元", 60000],
    ["6", "万元", 60000],
    ["5.5", "万元", 55000],
    [0.35, "万元", 3500],
    ["6万", undefined, 60000],
    ["6万元", undefined, 60000],
    ["6万元", "万元", 60000],
    ["6 万元整", "元", 60000],
    ["60000元", "万元", 60000],
    ["-500", undefined, -500],
    ["负100元", undefined, -100],
    [0, undefined, 0],
    [10000n, undefined, 10000],
  ])("%p in %p → %p", (v, unit, expected) => {
    expect(normalizeMoney(v, unit)).toBe(expected);
  });

  test.each<unknown>([...JUNK, "一千元", "abc", "1.2.3", true, "万元", "万", "1e400"])("%p → null", (v) => {
    expect(normalizeMoney(v)).toBeNull();
    expect(normalizeMoney(v, "万元")).toBeNull();
  });
});

describe("normalizeCount", () => {
  test.each<[unknown, number]>([
    [20, 20],
    [0, 0],
    [-0, 0],
    [20.0, 20],
    ["20", 20],
    ["20天", 20],
    ["20 天", 20],
    ["20 次", 20],
    ["４次", 4],
    ["２０", 20],
    ["180.0", 180],
    ["4人次", 4],
  ])("%p → %p", (v, expected) => {
    expect(normalizeCount(v)).toBe(expected);
  });

  test.each<unknown>([...JUNK, -1, 2.5, "2.5", "-3", "二十", "20周", true, 1e20, "12345678901"])("%p → null", (v) => {
    expect(normalizeCount(v)).toBeNull();
  });
});

describe("normalizeYear", () => {
  test.each<[unknown, number]>([
    [2024, 2024],
    ["2024", 2024],
    ["2024年", 2024],
    ["2024年度", 2024],
    ["2024-05", 2024],
    ["2024.5", 2024],
    ["2024/05", 2024],
    ["2024年5月", 2024],
    ["2024-05-01", 2024],
    ["2024/5/1", 2024],
    ["2024年5月1日", 2024],
    ["20240501", 2024],
    ["2024-05-01 00:00:00", 2024],
    ["２０２４年", 2024],
    [1900, 1900],
    [2100, 2100],
    [45413, 2024], // a date cell: serial of 2024-05-01
  ])("%p → %p", (v, expected) => {
    expect(normalizeYear(v)).toBe(expected);
  });

  test.each<unknown>([...JUNK, 1899, 2101, 24, "24", "2024.5.5.5", 2024.5, "二〇二四", "3000年", "45413", true, "是"])(
    "%p → null",
    (v) => {
      expect(normalizeYear(v)).toBeNull();
    },
  );
});

describe("万元 amounts are converted before rounding (review finding)", () => {
  test.each([
    [4.996, 49960],
    ["4.996", 49960],
    [0.0625, 625],
    ["6", 60000],
  ])("%s 万元 → %s 元", (v, yuan) => {
    expect(normalizeMoney(v, "万元")).toBe(yuan);
  });
});
