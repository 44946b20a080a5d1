/**
 * The canonical roster fields (shared/FIELDS.md): every header a roster uses maps to one of
 * these, and every custom function that takes field names accepts the same names. Aliases are
 * written as a finance officer types them; header.ts cleans a header (brackets, units, marks,
 * full-width forms, spaces) before it looks it up, and tries a few obvious variants.
 */
import type { Locale } from "../result";

export type FieldKey =
  | "name"
  | "gender"
  | "idNumber"
  | "studentNo"
  | "school"
  | "stage"
  | "grade"
  | "class"
  | "boarding"
  | "hardship"
  | "hardshipLevel"
  | "tier"
  | "verified"
  | "proof"
  | "program"
  | "amount"
  | "days"
  | "destination"
  | "guardianName"
  | "guardianId"
  | "holder"
  | "bank"
  | "account"
  | "phone"
  | "address"
  | "birthDate"
  | "remarks"
  | "status"
  | "teacherType"
  | "cause"
  | "debt"
  | "lastProvinceAidYear"
  | "aidedThisYear"
  | "post"
  | "hardshipTier"
  | "kindergartenType"
  | "visits"
  | "dropoutRisk"
  | "inPost"
  | "serial";

export interface FieldDef {
  key: FieldKey;
  /** The Chinese name: the header a generated sheet uses and the label in messages. */
  zh: string;
  en: string;
  /** Other headers meaning this field (the Chinese name itself is not repeated here). */
  aliases: readonly string[];
  audience: "students" | "teachers" | "both";
}

function def(key: FieldKey, zh: string, en: string, audience: FieldDef["audience"], aliases: string[]): FieldDef {
  return Object.freeze({ key, zh, en, aliases: Object.freeze(aliases), audience });
}

export const FIELDS: readonly FieldDef[] = Object.freeze([
  def("name", "姓名", "Name", "both", [
    "学生姓名",
    "受助学生",
    "受助学生姓名",
    "名字",
    "幼儿姓名",
    "儿童姓名",
    "教师姓名",
    "教职工姓名",
    "受助人",
    "受助人姓名",
    "受助对象",
    "受助对象姓名",
    "申请人",
    "申请人姓名",
  ]),
  def("gender", "性别", "Gender", "both", ["学生性别", "sex"]),
  def("idNumber", "身份证号", "ID number", "both", [
    "身份证号码",
    "公民身份号码",
    "证件号码",
    "学生身份证号",
    "学生身份证号码",
    "身份证",
    "身份证件号码",
    "身份证件号",
    "居民身份证号码",
    "居民身份证号",
    "公民身份证号码",
    "公民身份证号",
    "身份号码",
    "证件号",
    "教师身份证号",
    "idno",
    "idno.",
  ]),
  def("studentNo", "学籍号", "Student number", "students", [
    "全国学籍号",
    "学籍辅号",
    "学生学籍号",
    "国家学籍号",
    "省学籍号",
    "学籍编号",
    "全国学籍编号",
  ]),
  def("school", "学校", "School", "both", [
    "学校名称",
    "就读学校",
    "就读学校名称",
    "所在学校",
    "在读学校",
    "就读院校",
    "录取院校",
    "录取学校",
    "幼儿园名称",
    "就读幼儿园",
    "工作单位",
    "单位",
    "单位名称",
    "所在单位",
    "任教学校",
    "任教学校名称",
  ]),
  def("stage", "学段", "Stage", "students", [
    "就读学段",
    "教育阶段",
    "学习阶段",
    "就读阶段",
    "所在学段",
    "学历层次",
    "培养层次",
  ]),
  def("grade", "年级", "Grade", "students", ["就读年级", "所在年级", "年级名称", "学生年级"]),
  def("class", "班级", "Class", "students", ["班别", "班", "所在班级", "班级名称", "年级班级", "年级班别"]),
  def("boarding", "是否寄宿", "Boarding", "students", [
    "寄宿情况",
    "住宿情况",
    "寄宿",
    "是否住校",
    "是否住宿",
    "是否寄宿生",
    "住校",
    "住宿",
    "寄宿生",
    "寄宿/走读",
    "走读/寄宿",
    "住宿方式",
    "就读方式",
  ]),
  def("hardship", "困难类型", "Hardship type", "students", [
    "家庭经济困难类型",
    "资助类别",
    "特殊群体类型",
    "贫困类型",
    "困难类别",
    "家庭困难类型",
    "困难学生类型",
    "困难学生类别",
    "特殊困难类型",
    "困难群体类型",
    "家庭经济困难学生类型",
    "资助对象类别",
    "资助对象类型",
    "贫困类别",
    "特殊群体类别",
  ]),
  def("hardshipLevel", "困难程度", "Hardship level", "students", [
    "认定等级",
    "困难等级",
    "困难级别",
    "困难认定等级",
    "认定困难等级",
    "家庭经济困难程度",
    "贫困程度",
    "认定结果",
    "困难认定结果",
  ]),
  def("tier", "档次", "Tier", "students", ["资助档次", "助学金档次", "资助等次", "等次"]),
  def("verified", "系统比对", "System-verified", "students", [
    "是否系统比对",
    "比对结果",
    "系统比对结果",
    "比对情况",
    "是否比对",
    "数据来源",
    "信息来源",
    "采集方式",
  ]),
  def("proof", "证明材料", "Proof", "students", [
    "证明",
    "证明文件",
    "佐证材料",
    "佐证",
    "证明材料名称",
    "是否有证明材料",
    "有无证明材料",
  ]),
  def("program", "资助项目", "Program", "both", [
    "补助项目",
    "资助类型",
    "补助类型",
    "项目",
    "项目名称",
    "资助项目名称",
    "补助项目名称",
    "资助名称",
  ]),
  def("amount", "金额", "Amount", "both", [
    "资助金额",
    "补助金额",
    "发放金额",
    "补助标准",
    "资助标准",
    "发放标准",
    "应发金额",
    "实发金额",
    "拟发放金额",
    "拟资助金额",
    "申请金额",
    "救助金额",
    "补贴金额",
    "补助额",
    "资助额",
    "补助金",
    "资助金",
    "补助资金",
    "资助资金",
    "金额合计",
    "合计金额",
  ]),
  def("days", "天数", "Days", "students", ["在校天数", "供餐天数", "就餐天数", "用餐天数", "补助天数", "实际天数"]),
  def("destination", "录取地", "Destination", "students", [
    "省内外",
    "省内/省外",
    "就读省份",
    "录取省份",
    "录取地区",
    "就读地",
    "院校所在地",
  ]),
  def("guardianName", "监护人姓名", "Guardian name", "students", [
    "家长姓名",
    "监护人",
    "监护人名字",
    "法定监护人",
    "法定监护人姓名",
    "父亲姓名",
    "母亲姓名",
    "父母姓名",
  ]),
  def("guardianId", "监护人身份证号", "Guardian ID number", "students", [
    "监护人身份证号码",
    "监护人证件号码",
    "监护人公民身份号码",
    "家长身份证号",
    "家长身份证号码",
    "家长证件号码",
  ]),
  def("holder", "持卡人", "Account holder", "both", [
    "持卡人姓名",
    "户名",
    "账户名",
    "账户名称",
    "开户名",
    "开户人",
    "开户人姓名",
    "收款人",
    "收款人姓名",
    "领款人",
    "存折户名",
  ]),
  def("bank", "开户行", "Bank", "both", [
    "开户银行",
    "银行名称",
    "银行",
    "开户银行名称",
    "开户行名称",
    "发卡行",
    "发卡银行",
    "开户网点",
    "开户支行",
    "所属银行",
  ]),
  def("account", "银行卡号", "Account number", "both", [
    "卡号",
    "账号",
    "银行账号",
    "社保卡号",
    "存折号",
    "存折账号",
    "一卡通号",
    "一卡通账号",
    "社保卡账号",
    "银行卡账号",
    "银行卡",
    "银行账户",
    "收款账号",
    "卡折号",
    "账户号码",
    "惠民惠农一卡通",
  ]),
  def("phone", "联系电话", "Phone", "both", [
    "电话",
    "手机号",
    "手机号码",
    "手机",
    "电话号码",
    "联系方式",
    "联系手机",
    "家长电话",
    "家长联系电话",
    "家长手机号",
    "监护人电话",
    "监护人联系电话",
    "家庭电话",
    "本人电话",
    "联系人电话",
  ]),
  def("address", "家庭住址", "Address", "both", [
    "住址",
    "家庭地址",
    "户籍地址",
    "现住址",
    "家庭详细住址",
    "详细地址",
    "居住地址",
    "通讯地址",
    "地址",
    "户籍所在地",
    "户口所在地",
  ]),
  def("birthDate", "出生日期", "Date of birth", "both", ["出生年月", "出生年月日", "生日"]),
  def("remarks", "备注", "Remarks", "both", ["说明", "备注说明", "其他说明"]),
  def("status", "人员状态", "Employment status", "teachers", [
    "在职/退休",
    "在职/离退休",
    "任职状态",
    "在职状态",
    "在职情况",
  ]),
  def("teacherType", "教师类别", "Teacher type", "teachers", [
    "岗位类别",
    "教师类型",
    "人员类别",
    "人员类型",
    "岗位类型",
    "职工类别",
  ]),
  def("cause", "致困原因", "Cause of hardship", "teachers", [
    "困难原因",
    "致贫原因",
    "受助原因",
    "救助原因",
    "申请原因",
    "资助原因",
  ]),
  def("debt", "负债金额", "Debt", "teachers", ["负债", "负债额", "负债总额", "家庭负债", "债务金额", "欠债金额"]),
  def("lastProvinceAidYear", "上次省级资助年份", "Last provincial aid year", "teachers", [
    "近两年是否获省级资助",
    "近两年是否获得省级资助",
    "近两年是否获省级救助",
    "近两年是否获得省级救助",
    "上次获省级资助年份",
    "上次获得省级资助年份",
    "省级资助年份",
    "最近一次省级资助年份",
  ]),
  def("aidedThisYear", "本年度已获救助", "Aided this year", "teachers", [
    "当年已获资助",
    "本年度是否已获救助",
    "当年是否已获资助",
    "本年度已获资助",
    "本年度是否已获资助",
    "当年已获救助",
  ]),
  def("post", "任教学校类型", "School type", "teachers", [
    "学校类型",
    "任教学校类别",
    "学校类别",
    "任教学校性质",
    "学校所在地类型",
  ]),
  def("hardshipTier", "补助档次", "Subsidy tier", "teachers", ["补助等级", "生活补助档次", "补助等次"]),
  def("kindergartenType", "幼儿园类型", "Kindergarten type", "students", [
    "园所性质",
    "办园性质",
    "幼儿园性质",
    "办园类型",
    "幼儿园办园性质",
  ]),
  def("visits", "走访次数", "Visits", "students", ["帮联走访次数", "年走访次数", "家访次数"]),
  def("dropoutRisk", "是否面临失学辍学", "Dropout risk", "students", [
    "失学辍学风险",
    "面临失学",
    "是否面临失学",
    "是否面临辍学",
    "辍学风险",
    "失学风险",
    "是否有辍学风险",
  ]),
  def("inPost", "是否在岗", "In post", "teachers", ["在岗情况", "在岗", "在岗状态"]),
  def("serial", "序号", "Serial", "both", ["编号", "序", "顺序号", "no", "no."]),
]);

const BY_KEY: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.key, f]));

export function isFieldKey(key: unknown): key is FieldKey {
  return typeof key === "string" && BY_KEY.has(key);
}

/** The definition of a field. A key that is not a field (only possible from untyped callers)
 * gets a placeholder named by the key, so callers never meet undefined. */
export function fieldDef(key: FieldKey): FieldDef {
  const found = typeof key === "string" ? BY_KEY.get(key) : undefined;
  if (found) return found;
  const text = typeof key === "string" ? key : typeof key;
  return { key, zh: text, en: text, aliases: [], audience: "both" };
}

/** The field's name for messages and generated headers: Chinese by default. */
export function fieldLabel(key: FieldKey, locale: Locale = "zh-CN"): string {
  const f = fieldDef(key);
  return locale === "en-US" ? f.en : f.zh;
}
