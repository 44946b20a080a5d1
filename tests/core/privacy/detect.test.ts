import { checkDigit } from "../../../src/core/id";
import { detectPii, isDateFormat, maskAddress, type PiiContext, type PiiHit } from "../../../src/core/privacy";

/** "kind masked" of each hit, in order. */
function found(value: unknown, context?: PiiContext): string[] {
  return detectPii(value, context).map((h) => `${h.kind} ${h.masked}`);
}

/** A first17 completed with its right check digit. */
const withCheck = (first17: string): string => first17 + checkDigit(first17);
const ID = "11010519491231002X"; // GB 11643-1999's example, check digit right
const ID_MASKED = "110105********002X";
const ID_STUDENT = withCheck("43038120100501123");
const PERMIT_HK = withCheck("81000019900101001");
const PERMIT_TW = withCheck("83000019900101002");

describe("detectPii: ID numbers", () => {
  it.each<[string, unknown, string[]]>([
    ["18 digits", ID, [`id-number ${ID_MASKED}`]],
    ["lower-case x", "11010519491231002x", [`id-number ${ID_MASKED}`]],
    ["学籍号 G + ID", `G${ID}`, [`id-number ${ID_MASKED}`]],
    ["inside text", `身份证${ID}已核`, [`id-number ${ID_MASKED}`]],
    ["full-width", "１１０１０５１９４９１２３１００２Ｘ", [`id-number ${ID_MASKED}`]],
    ["grouped 6-8-4", "110105 19491231 002X", [`id-number ${ID_MASKED}`]],
    ["another", ID_STUDENT, [`id-number ${ID_STUDENT.slice(0, 6)}********${ID_STUDENT.slice(-4)}`]],
    ["15 digits", "110105491231002", ["id-number 110105*****1002"]],
    ["15 digits as a number", 110105491231002, ["id-number 110105*****1002"]],
    // 外国人永久居留身份证 (2023): 9 + the accepting province (32 江苏) at digits 2–3.
    ["外国人永久居留身份证", "932682198501010017", ["id-number 932682********0017"]],
    ["外国人永久居留身份证 in text", "永居证号：932682198501010017", ["id-number 932682********0017"]],
    ["外国人永久居留身份证, grouped", "932682 19850101 0017", ["id-number 932682********0017"]],
    ["港澳居民居住证", PERMIT_HK, [`id-number 810000********${PERMIT_HK.slice(-4)}`]],
    ["台湾居民居住证 in text", `居住证：${PERMIT_TW}`, [`id-number 830000********${PERMIT_TW.slice(-4)}`]],
    [
      "two in one cell",
      `父${ID};母${ID_STUDENT}`,
      [`id-number ${ID_MASKED}`, expect.stringMatching(/^id-number 430381/)],
    ],
  ])("%s", (_label, value, expected) => {
    expect(found(value)).toEqual(expected);
  });

  it.each<[string, string, boolean]>([
    ["right check digit", ID, true],
    ["wrong check digit is still an ID", "110105194912310021", false],
  ])("%s", (_label, value, ok) => {
    expect(detectPii(value)).toEqual([
      { kind: "id-number", masked: `110105********${value.slice(-4)}`, by: "content", checksumOk: ok },
    ]);
  });

  it.each<[string, unknown, Partial<PiiHit>]>([
    ["18-digit number", 4.40524198001011e17, { kind: "id-number", masked: "440524********1000" }],
    ["exponent text", "4.40524E+17", { kind: "id-number", masked: "440524********0000" }],
    ["16-digit number", 6222021234567890, { kind: "bank-card" }],
    ["19-digit number", 6.22202123456789e18, { kind: "bank-card" }],
    ["exponent text, 19 digits", "6.22202E+18", { kind: "bank-card", masked: "***************0000" }],
  ])("stored as a number: %s → digits lost", (_label, value, expected) => {
    const hits = detectPii(value);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ ...expected, by: "content", precisionLost: true });
  });

  it("a number of 18+ digits in the account column is a card, in the ID column an ID", () => {
    expect(detectPii(4.40524198e17, { field: "account" })[0]).toMatchObject({ kind: "bank-card", by: "column" });
    expect(detectPii(6222021234567890, { field: "idNumber" })[0]).toMatchObject({ kind: "id-number", by: "column" });
  });

  it.each<[string, unknown, PiiContext]>([
    ["unknown region", "991234194912310021", { field: "idNumber" }],
    ["9 + no mainland province", "981234198501010017", { field: "idNumber" }],
    ["9 + a residence permit's code", "981000198501010017", { field: "idNumber" }],
    ["impossible date", "110105194913310021", { headerText: "身份证号码" }],
    ["15 digits, bad date", 110105491331002, { field: "guardianId" }],
  ])("ID column: any ID-shaped value (%s)", (_label, value, context) => {
    expect(detectPii(value)).toEqual([]);
    expect(detectPii(value, context)).toMatchObject([{ kind: "id-number", by: "column" }]);
  });
});

describe("detectPii: bank cards", () => {
  it.each<[string, unknown, string[]]>([
    ["19 digits, Luhn", "6222021234567890128", ["bank-card ***************0128"]],
    ["groups of 4", "4111 1111 1111 1111", ["bank-card **** **** **** 1111"]],
    ["dashes", "4111-1111-1111-1111", ["bank-card ****-****-****-1111"]],
    ["in text", "卡号:6222021234567890128(建行)", ["bank-card ***************0128"]],
  ])("%s", (_label, value, expected) => {
    expect(found(value)).toEqual(expected);
  });

  it("fails Luhn: only in an account column", () => {
    expect(found("6222021234567890127")).toEqual([]);
    expect(detectPii("6222 0212 3456 7890 127", { field: "account" })).toEqual([
      { kind: "bank-card", masked: "***************0127", by: "column", checksumOk: false },
    ]);
    expect(detectPii("6222021234567890127", { headerText: "银行帐号" })).toMatchObject([{ by: "column" }]);
  });

  // Issue 11: the label makes it personal data whatever Luhn says.
  it.each<[string, string, string]>([
    ["银行卡号：, groups of 4", "银行卡号：6217 0000 1234 5678 901", "**** **** **** ***8 901"],
    ["卡号 and a space", "卡号 6222021234567890127", "***************0127"],
    ["账号:", "账号:6228480012345678901", "***************8901"],
    ["帐号 with dashes", "帐号：6217-0000-1234-5678-902", "****-****-****-***8-902"],
    ["a bank's card, remark after", "农业银行卡6228480012345678901（本人）", "***************8901"],
    ["odd groups", "银行卡号 621700 0012345678 901", "****** *********8 901"],
    ["一卡通账号", "一卡通账号：6228480012345678901", "***************8901"],
    ["存折", "存折 6217000012345678903", "***************8903"],
  ])("labelled, Luhn fails: %s", (_label, value, masked) => {
    expect(detectPii(value)).toEqual([{ kind: "bank-card", masked, by: "content", checksumOk: false }]);
  });

  it.each<[string, string]>([
    ["no label", "流水号 6217000012345678901"],
    ["an organisation's account", "收款单位账号：4305017536360000012"],
    ["对公账户", "学校对公账户 4305 0175 3636 0000 012"],
    ["财政专户账号, Luhn right", "财政专户账号：1602012309200012345"],
    ["学校银行账号, Luhn right", "学校银行账号：6217000012345678907"],
    ["学校银行账号, Luhn fails", "学校银行账号：6217000012345678901"],
    ["收款单位开户账号", "收款单位开户账号：4305017536360000015"],
    ["资助中心账户", "县学生资助管理中心账户 4305017536360000012"],
    ["公司基本户账号", "公司基本户账号：6217000012345678907"],
    ["20 digits", "卡号 62170000123456789012"],
    ["too short", "卡号：1234"],
    ["masked", "账号：6217********8901"],
  ])("not a card: %s", (_label, value) => {
    expect(detectPii(value)).toEqual([]);
  });

  it.each<[string, string, string]>([
    ["a name between 中心校 and 卡号", "中心校张三卡号：6217000012345678901", "***************8901"],
    ["an organisation in another clause", "学校：某某中学，银行卡号：6217000012345678901", "***************8901"],
    [
      "an organisation in another clause, Luhn right",
      "单位：某某中学；账号 6217000012345678907",
      "***************8907",
    ],
  ])("still a person's card: %s", (_label, value, masked) => {
    expect(detectPii(value)).toMatchObject([{ kind: "bank-card", masked }]);
  });

  it("account column: a card with a remark around it", () => {
    expect(detectPii("6217 0000 1234 5678 901（农行）", { field: "account" })).toEqual([
      { kind: "bank-card", masked: "***************8901", by: "column", checksumOk: false },
    ]);
    expect(detectPii("6217 **** **** 8902（农行）", { field: "account" })).toEqual([]);
  });
});

describe("detectPii: phone numbers", () => {
  it.each<[string, unknown, string[]]>([
    ["mobile", "13812345678", ["phone 138****5678"]],
    ["mobile as a number", 13812345678, ["phone 138****5678"]],
    ["+86, spaces", "+86 138 1234 5678", ["phone 138****5678"]],
    ["dashes", "138-1234-5678", ["phone 138****5678"]],
    ["in text", "联系人张三13812345678", ["phone 138****5678"]],
    ["landline", "电话:0731-5551234", ["phone 0731-***1234"]],
    ["landline in brackets", "(0731)5551234", ["phone 0731-***1234"]],
    ["Beijing", "010-88886666", ["phone 010-****6666"]],
    ["bare landline", "07315551234", ["phone 0731-***1234"]],
    ["two numbers", "13812345678/13987654321", ["phone 138****5678", "phone 139****4321"]],
    ["a parent's, beside the office's", "监督电话0731-5551234,家长电话13812345678", ["phone 138****5678"]],
  ])("%s", (_label, value, expected) => {
    expect(found(value)).toEqual(expected);
  });

  // Issue 11: spaces inside the groups, 0086 / 86 prefixes, international landlines.
  it.each<[string, unknown, string]>([
    ["space inside the subscriber number", "021-6234 5678", "021-****5678"],
    ["spaces only", "0371 6512 3456", "0371-****3456"],
    ["dash inside the subscriber number", "010-6123-4567", "010-****4567"],
    ["3-4 groups in brackets", "（0731）555 1234", "0731-***1234"],
    ["in text", "家长电话：021-6234 5678", "021-****5678"],
    ["+86, area code without its 0", "+86 10 6123 4567", "010-****4567"],
    ["+86 and dashes", "+86-731-5551234", "0731-***1234"],
    ["+86 (0)", "+86 (0)21 6234 5678", "021-****5678"],
    ["0086 landline", "0086 371 6512 3456", "0371-****3456"],
    ["+86 landline in text", "联系人张三，电话+86 10 6123 4567", "010-****4567"],
    ["0086 mobile, digits only", "008618812341234", "188****1234"],
    ["0086 landline, digits only", "00861061234567", "010-****4567"],
    ["86 mobile, digits only", "8618812341234", "188****1234"],
    ["86 mobile in text", "电话8618812341234", "188****1234"],
    ["0086 mobile typed into a number cell", 8618812341234, "188****1234"],
  ])("%s", (_label, value, masked) => {
    expect(detectPii(value)).toEqual([{ kind: "phone", masked, by: "content" }]);
  });

  it.each<[string, unknown, string]>([
    ["landline stored as a number (0 lost)", 7315551234, "0731-***1234"],
    ["local number without area code", "5551234", "****234"],
  ])("phone column: %s", (_label, value, masked) => {
    expect(found(value)).toEqual([]);
    expect(detectPii(value, { field: "phone" })).toEqual([{ kind: "phone", masked, by: "column" }]);
  });
});

describe("detectPii: addresses", () => {
  it.each<[string, string, string]>([
    ["village and group", "湖南省湘乡市某某镇某某村3组", "湖南省湘乡市********"],
    ["street and number", "某某县城关镇解放路12号", "某某县*********"],
    ["flat", "长沙市雨花区某某小区5栋2单元301室", "长沙市雨花区*************"],
    ["in a remark", "住某某村三组,家庭困难", "住*****"],
    ["community", "家住某某街道某某社区", "家住********"],
  ])("%s", (_label, value, masked) => {
    expect(found(value)).toEqual([`address ${masked}`]);
  });

  it.each<[string, string]>([
    ["address column", "湘乡市"],
    ["address column, short", "某某镇"],
  ])("%s: any text", (_label, value) => {
    expect(found(value)).toEqual([]);
    expect(detectPii(value, { field: "address" })).toMatchObject([{ kind: "address", by: "column" }]);
    expect(detectPii(value, { headerText: "家庭住址" })).toMatchObject([{ kind: "address", by: "column" }]);
  });

  it.each(["", "无", "/", "湖南省****", "家庭住址", "123"])("address column: %j is no address", (value) => {
    expect(detectPii(value, { field: "address" })).toEqual([]);
  });

  it.each<[string, string]>([
    ["湖南省湘乡市某某镇某某村3组", "湖南省湘乡市********"],
    ["湘乡市", "***"],
    ["某某路12号", "某*****"],
  ])("maskAddress(%j)", (input, masked) => {
    expect(maskAddress(input)).toBe(masked);
  });
});

describe("detectPii: birth dates", () => {
  it.each<[string, unknown, string[]]>([
    ["keyword and date", "出生日期：2010-05-01", ["birth-date 2010-**-**"]],
    ["生于, year and month", "生于2010年5月", ["birth-date 2010-**"]],
    ["date then 出生", "2010年5月1日出生", ["birth-date 2010-**-**"]],
    ["packed", "出生20100501", ["birth-date 2010-**-**"]],
  ])("content: %s", (_label, value, expected) => {
    expect(found(value)).toEqual(expected);
  });

  it.each<[string, unknown, PiiContext, string]>([
    ["serial with a date format", 40299, { field: "birthDate", format: "yyyy-mm-dd" }, "2010-**-**"],
    ["serial, General", 40299, { headerText: "出生年月" }, "2010-**-**"],
    ["text date", "2010-05-01", { headerText: "出生日期" }, "2010-**-**"],
    ["text with 年月日", "2010年5月1日", { headerText: "生日" }, "2010-**-**"],
    ["year.month as text", "2010.05", { field: "birthDate" }, "2010-**"],
    ["year.month as a number", 2010.1, { field: "birthDate" }, "2010-**"],
    ["packed yyyymm", 201005, { field: "birthDate" }, "2010-**"],
    ["packed yyyymmdd", 20100501, { field: "birthDate" }, "2010-**-**"],
    ["year only", 2010, { field: "birthDate" }, "****"],
  ])("birth-date column: %s", (_label, value, context, masked) => {
    expect(detectPii(value, context)).toEqual([{ kind: "birth-date", masked, by: "column" }]);
  });

  it.each<[string, unknown, PiiContext]>([
    ["payment date serial", 45536, { headerText: "发放日期", format: "yyyy-mm-dd" }],
    ["payment date text", "2024-09-01", { headerText: "发放日期" }],
    ["report date", "2024年9月1日", { headerText: "填报日期" }],
    ["a date without keyword", "2010-05-01", {}],
    ["birth column, not a date", "不详", { field: "birthDate" }],
  ])("no birth date: %s", (_label, value, context) => {
    expect(detectPii(value, context)).toEqual([]);
  });

  it.each<[string | undefined, boolean]>([
    ["yyyy-mm-dd", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-804]yyyy/m/d", true],
    ["m/d/yy", true],
    ["0.00", false],
    ['0.00"元"', false],
    ["0.00E+00", false],
    ["@", false],
    ["General", false],
    [undefined, false],
  ])("isDateFormat(%j) = %j", (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe("detectPii: no false alarms", () => {
  it.each<[string, unknown, PiiContext?]>(
    (
      [
        ["amount", 312.5],
        ["round amount", 1000],
        ["amount text", "1,004.50"],
        ["amount column", 1500, { field: "amount" }],
        ["bank hotline", "95533"],
        ["bank hotline number", 95533],
        ["government hotline", "12345"],
        ["police", "110"],
        ["400 number", "400-800-1234"],
        ["800 number", "800-820-8820"],
        ["400 number packed", "4008001234"],
        ["school code", 2143001234],
        ["school code text", "学校标识码:2143001234"],
        ["credit code with letters", "91430000MA4L12345X"],
        ["credit code, 17 digits + letter", "12430300444878123T"],
        ["credit code in text", "统一社会信用代码12430300444878123T"],
        ["学号", "20230105"],
        ["学号 10 digits", "2023010512"],
        ["row number", 7],
        ["year", 2024],
        ["year text", "2024年"],
        ["percentage", "85%"],
        ["ratio", 0.85],
        ["serial date", 45536],
        ["date text", "2024-09-01"],
        ["school", "某某县第一中学"],
        ["village school", "某某镇某某村小学"],
        ["central school", "某某镇中心小学"],
        ["single place", "湘乡市"],
        ["region only", "湖南省湘乡市"],
        ["title", "某某县乡村教师生活补助公示"],
        ["title with a school", "湘乡市某某镇中心学校2024年秋季学期家庭经济困难学生资助公示"],
        ["payment on the 3rd", "某某县5月3号发放"],
        ["document number", "某某县教育局第3号文件"],
        ["program", "农村义务教育学生营养改善计划"],
        ["masked ID", "430381********1234"],
        ["masked phone", "138****5678"],
        ["masked card", "**** **** **** 0128"],
        ["name", "张三"],
        ["class", "七(1)班"],
        ["header", "身份证号"],
        ["header phone", "联系电话"],
        ["header birth", "出生日期"],
        ["boolean", true],
        ["null", null],
        ["empty", ""],
        ["NaN", Number.NaN],
        ["Infinity", Number.POSITIVE_INFINITY],
        ["negative", -13812345678],
        ["object", { toString: () => ID }],
        ["long digit run", "1234567890123456789012345"],
        ["supervision line", "公示期间如有异议,请拨打监督电话:0731-5551234"],
        ["complaint mobile", "举报电话：13812345678"],
        ["advice line", "咨询电话 0731 5551234"],
        ["supervision line, spaced", "监督电话：021-6234 5678"],
        ["advice line, +86", "咨询电话：+86 10 6123 4567"],
        ["office line, spaced", "办公电话 0371 6512 3456"],
        ["400 number after +86", "+86 400 800 1234"],
        ["800 number after 0086", "0086 800 820 8820"],
        ["carrier hotline", "10086"],
        ["carrier hotline in text", "中国移动客服10086"],
        ["86 before no mobile", "861234567890"],
        ["0086 and a short number", "0086 1234"],
        ["school year", "2025-2026学年"],
        ["times", "上午8:30-12:00，下午14:30-17:30"],
        ["batch number", "批次号 2026090112345"],
        ["order number", "订单号138123456789"],
      ] as [string, unknown, PiiContext?][]
    ).map(([label, value, context]) => [label, value, context ?? {}]),
  )("%s", (_label, value, context) => {
    expect(detectPii(value, context)).toEqual([]);
  });

  it("never throws on odd contexts", () => {
    expect(() => detectPii(ID, null as unknown as PiiContext)).not.toThrow();
    expect(() => detectPii(ID, { headerText: 5 } as unknown as PiiContext)).not.toThrow();
    expect(() => detectPii(40000, { field: "birthDate", format: 7 } as unknown as PiiContext)).not.toThrow();
    expect(detectPii(ID, { field: null, headerText: "备注" })).toHaveLength(1);
  });
});
