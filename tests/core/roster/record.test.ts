import { normalizeRecord, type FieldKey, type NormalizedRecord } from "../../../src/core/roster";

type Row = [header: unknown, value: unknown][];

describe("normalizeRecord: realistic rows", () => {
  it("reads a 一补 student row with a 监护人 group", () => {
    const row: Row = [
      ["序号", 1],
      ["学校名称", "城关镇中心小学"],
      ["姓名", "张 三"],
      ["性别", "男"],
      ["身份证号码*", "43038120120101001x"],
      ["全国学籍号", "g43038120120101001x"],
      ["年级", "三年级"],
      ["班级", "（2）班"],
      ["是否寄宿（是/否）", "是"],
      ["困难类型", "建档立卡、低保"],
      ["系统比对", "否"],
      ["证明材料", "扶贫明白卡"],
      ["资助项目", "一补"],
      ["补助金额（元）", "500"],
      ["姓名", "张大山"],
      ["身份证号", 430381198001010],
      ["联系电话", "138 0013 8000"],
      ["银行卡号", "6217 0000 1234 5678 901"],
      ["开户行", "中国建设银行"],
      ["备注", "   "],
    ];
    const groups = [
      "",
      "",
      "学生信息",
      "学生信息",
      "学生信息",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "监护人",
      "监护人",
      "监护人",
    ];
    const r = normalizeRecord(row, groups);
    expect(r.record).toEqual<NormalizedRecord>({
      serial: "1",
      school: "城关镇中心小学",
      name: "张 三",
      gender: "男",
      idNumber: "43038120120101001X",
      studentNo: "G43038120120101001X",
      grade: "三年级",
      class: "(2)班",
      stage: "小学",
      boarding: true,
      hardship: ["建档立卡", "低保"],
      verified: false,
      proof: true,
      program: "一补",
      amount: 500,
      guardianName: "张大山",
      guardianId: "430381198001010",
      phone: "13800138000",
      account: "6217000012345678901",
      bank: "中国建设银行",
    });
    expect(r.issues).toEqual([]);
    expect(r.unknownHeaders).toEqual([]);
    expect(r.fields).toMatchObject({
      name: "学生信息 › 姓名",
      guardianName: "监护人 › 姓名",
      guardianId: "监护人 › 身份证号",
      phone: "监护人 › 联系电话",
      amount: "补助金额（元）",
      idNumber: "学生信息 › 身份证号码*",
      remarks: "备注",
    });
  });

  it("reads a 特困教师 row whose debt is in 万元", () => {
    const row: Row = [
      ["序号", 2],
      ["工作单位", "XX县第一中学"],
      ["姓名", "李四"],
      ["性别", "女"],
      ["身份证号", "430381197501010022"],
      ["人员状态", "在职"],
      ["教师类别", "专任教师"],
      ["致困原因", "本人患乳腺癌，手术治疗"],
      ["负债金额(万元)", 6],
      ["近两年是否获省级资助", "否"],
      ["本年度已获救助", "无"],
      ["任教学校类型", "县直"],
      ["申请金额（元）", 10000],
    ];
    const r = normalizeRecord(row);
    expect(r.record).toEqual<NormalizedRecord>({
      serial: "2",
      school: "XX县第一中学",
      name: "李四",
      gender: "女",
      idNumber: "430381197501010022",
      status: "在职",
      teacherType: "专任教师",
      cause: ["患病"],
      debt: 60000,
      lastProvinceAidYear: false,
      aidedThisYear: false,
      post: "县城",
      amount: 10000,
    });
    expect(r.issues).toEqual([]);
  });

  it("reads a 乡村教师 row", () => {
    const r = normalizeRecord([
      ["姓名", "王五"],
      ["是否在岗", "在岗"],
      ["任教学校类型", "王家村教学点"],
      ["补助档次", "1"],
      ["补助金额(元/月)", "300"],
    ]);
    expect(r.record).toEqual({ name: "王五", inPost: true, post: "教学点", hardshipTier: "一档", amount: 300 });
  });
});

describe("normalizeRecord: per field", () => {
  test.each<[string, Row, NormalizedRecord]>([
    ["amount in 万元 header", [["负债金额(万元)", "6"]], { debt: 60000 }],
    ["amount with its own unit", [["负债金额(万元)", "60000元"]], { debt: 60000 }],
    ["负债万元", [["负债万元", 0.5]], { debt: 5000 }],
    ["proof no", [["证明材料", "无"]], { proof: false }],
    ["proof yes", [["证明材料", "有"]], { proof: true }],
    ["proof named", [["证明材料", "残疾证"]], { proof: true }],
    ["aided by a foundation", [["本年度已获救助", "县教师奖励基金会"]], { aidedThisYear: true }],
    ["last aid year", [["上次省级资助年份", "2023年"]], { lastProvinceAidYear: 2023 }],
    ["last aid yes", [["近两年是否获省级资助", "是"]], { lastProvinceAidYear: true }],
    ["verified from source", [["数据来源", "自采集"]], { verified: false }],
    [
      "stage given",
      [
        ["学段", "普高"],
        ["年级", "高一"],
      ],
      { stage: "普通高中", grade: "高一" },
    ],
    ["stage from class", [["班级", "初二(3)班"]], { class: "初二(3)班", stage: "初中" }],
    ["days", [["供餐天数", "86天"]], { days: 86 }],
    ["visits", [["走访次数", 4]], { visits: 4 }],
    ["dropout risk", [["是否面临失学辍学", "√"]], { dropoutRisk: true }],
    ["kindergarten", [["办园性质", "普惠性民办园"]], { kindergartenType: "普惠性民办" }],
    ["destination", [["录取地", "外省"]], { destination: "省外" }],
    ["tier", [["资助档次", "Ⅱ"]], { tier: "二档" }],
    ["level", [["认定等级", "比较困难"]], { hardshipLevel: "困难" }],
    ["cause none", [["致困原因", "无"]], { cause: [] }],
    ["hardship tier free text", [["补助档次", "A类"]], { hardshipTier: "A类" }],
    ["birth date ISO", [["出生日期", "2012/1/5"]], { birthDate: "2012-01-05" }],
    ["birth date serial", [["出生日期", 40909]], { birthDate: "2012-01-01" }],
    ["birth date packed", [["出生日期", 20120105]], { birthDate: "2012-01-05" }],
    ["birth year-month", [["出生年月", "2012.05"]], { birthDate: "2012-05" }],
    ["birth year-month packed", [["出生年月", "201205"]], { birthDate: "2012-05" }],
    ["birth 年月", [["出生年月", "2012年5月"]], { birthDate: "2012-05" }],
    ["ID as a long number", [["身份证号", 4.30381201201011e17]], { idNumber: "430381201201011008" }],
    ["ID full-width", [["身份证号", "４３０３８１２０１２０１０１００１ｘ"]], { idNumber: "43038120120101001X" }],
    ["phone as number", [["手机号", 13800138000]], { phone: "13800138000" }],
    ["landline", [["联系电话", "0731-8888 6666"]], { phone: "0731-88886666" }],
    ["name tidied", [["姓名", "\u3000李\u00a0 四 "]], { name: "李 四" }],
    [
      "first non-empty wins",
      [
        ["金额", ""],
        ["补助金额", 300],
        ["发放金额", 400],
      ],
      { amount: 300 },
    ],
    ["groups by header", [["监护人身份证号", "430381198001010011"]], { guardianId: "430381198001010011" }],
    ["boolean cell", [["是否寄宿", true]], { boarding: true }],
    [
      "empty values skipped",
      [
        ["姓名", null],
        ["性别", ""],
        ["是否寄宿", " "],
        ["金额", undefined],
      ],
      {},
    ],
  ])("%s", (_name, row, record) => {
    const r = normalizeRecord(row);
    expect(r.record).toEqual(record);
    expect(r.issues).toEqual([]);
  });

  test.each<[string, Row, FieldKey, string, NormalizedRecord]>([
    ["unknown boarding", [["是否寄宿", "半寄宿"]], "boarding", "半寄宿", {}],
    [
      "unknown stage",
      [
        ["学段", "中学"],
        ["年级", "初一"],
      ],
      "stage",
      "中学",
      { grade: "初一" },
    ],
    ["partly known hardship", [["困难类型", "低保、火星人"]], "hardship", "低保、火星人", { hardship: ["低保"] }],
    ["unknown hardship", [["困难类型", "防返贫监测户"]], "hardship", "防返贫监测户", {}],
    ["bad amount", [["补助金额", "五百元"]], "amount", "五百元", {}],
    ["bad count", [["天数", "二十天"]], "days", "二十天", {}],
    ["bad gender", [["性别", "未知"]], "gender", "未知", {}],
    ["bad birth date", [["出生日期", "2012-13-40"]], "birthDate", "2012-13-40", {}],
    ["bad year", [["上次省级资助年份", "前年"]], "lastProvinceAidYear", "前年", {}],
    ["object value", [["姓名", {}]], "name", "[object]", {}],
    ["bad cause value", [["致困原因", 42]], "cause", "42", {}],
    [
      "first non-empty wins even unread",
      [
        ["是否寄宿", "半寄宿"],
        ["寄宿情况", "寄宿"],
      ],
      "boarding",
      "半寄宿",
      {},
    ],
  ])("%s gives an issue", (_name, row, field, raw, record) => {
    const r = normalizeRecord(row);
    expect(r.record).toEqual(record);
    expect(r.issues).toEqual([
      { field, header: String(row.find(([h]) => h !== "年级")?.[0]), raw, problem: "unrecognised-value" },
    ]);
  });

  it("reports the field's header: the one used, else the first mapped", () => {
    const r = normalizeRecord([
      ["金额", ""],
      ["补助金额", 300],
      ["备注", ""],
      ["说明", ""],
    ]);
    expect(r.fields).toEqual({ amount: "补助金额", remarks: "备注" });
  });

  it("lists unknown headers once, with their group", () => {
    const r = normalizeRecord(
      [
        ["学号", "2024001"],
        ["与学生关系", "父子"],
        ["学号", "x"],
        ["", "orphan"],
        [null, "orphan"],
        ["姓名", "张三"],
      ],
      ["", "监护人"],
    );
    expect(r.unknownHeaders).toEqual(["学号", "监护人 › 与学生关系"]);
    expect(r.record).toEqual({ name: "张三" });
  });

  it("accepts any iterable of pairs and skips what is not a pair", () => {
    const map = new Map<unknown, unknown>([
      ["姓名", "张三"],
      ["性别", "女"],
    ]);
    expect(normalizeRecord(map).record).toEqual({ name: "张三", gender: "女" });
    const odd = [["姓名", "张三"], "性别", null, 3, { 0: "性别", 1: "女" }] as unknown as Row;
    expect(normalizeRecord(odd).record).toEqual({ name: "张三" });
  });

  test.each<unknown>([null, undefined, 3, "姓名", {}, Object.create(null)])("%p is an empty row", (input) => {
    expect(normalizeRecord(input as Row, input as unknown[])).toEqual({
      record: {},
      issues: [],
      unknownHeaders: [],
      fields: {},
    });
  });

  it("gives each row its own arrays (nothing shared between calls)", () => {
    const a = normalizeRecord([["困难类型", "低保"]]);
    const b = normalizeRecord([["困难类型", "低保"]]);
    a.record.hardship?.push("残疾");
    expect(b.record.hardship).toEqual(["低保"]);
  });
});
