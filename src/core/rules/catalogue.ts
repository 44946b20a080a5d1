/**
 * The rule catalogue: one entry per stable rule code, with its default severity, where the rule
 * comes from, and how its message and hint are rendered (zh-CN first, en-US second) from the
 * finding's typed data. Adding a rule means adding its data type and an entry here.
 */
import { documentName, lookalikeMessage } from "../id/messages";
import type { IdDocument } from "../id/problems";
import type { Locale } from "../result";
import type { Severity } from "../report/types";

/** The data each rule's findings carry (all values are shown to users; never raw personal data). */
export interface RuleData {
  "roster.header-missing": { scanned: number };
  "roster.hidden-row": Record<string, never>;
  "field.required": { field: string };
  "field.column-missing": { field: string; program: string };
  "field.unreadable": { field: string; raw: string };
  "id.format": { detail: string };
  "id.checksum": { expected: string; actual: string };
  "id.region": { level: "province" | "county" | "foreign-province" | "permit-region"; code: string };
  "id.birthdate": { detail: string };
  "id.birthdate-implausible": { field: string };
  "id.document-format": { document: IdDocument; detail: string };
  "id.document-mismatch": { declared: IdDocument; actual: IdDocument; valid: boolean };
  "id.other-document": { field: string; document: IdDocument; hasColumn: boolean };
  "id.stored-as-number": { field: string };
  "id.gender-mismatch": { fromId: string; given: string };
  "id.age-stage": { age: number; stage: string; min: number; max: number };
  "dup.id": { first: string; program: string };
  "bank.format": { detail: string };
  "bank.luhn": Record<string, never>;
  "bank.stored-as-number": Record<string, never>;
  "bank.issuer": { required: string; actual: string; source: string };
  "bank.holder-mismatch": { holder: string; name: string; guardian: string; source: string };
  "phone.format": { detail: string };
  "policy.no-program": Record<string, never>;
  "policy.unknown-program": { given: string };
  "policy.program-inferred": { program: string; from: string };
  "policy.ineligible": { program: string; reasons: string };
  "policy.amount-mismatch": { given: number; standard: number; bound: string; period: string; program: string };
  "policy.needs-proof": { documents: string; source: string };
  "policy.quota": { program: string; count: number; allowed: number; enrolled: number; share: string; source: string };
  "policy.higher-standard": { given: number; standard: number; source: string };
  "policy.retired-share": { program: string; retired: number; total: number; max: string; source: string };
  "policy.nominees-per-school": {
    program: string;
    school: string;
    count: number;
    min: number;
    max: number;
    source: string;
  };
  "policy.repeat-aid": { program: string; reason: string; source: string };
  "policy.visits": { visits: number; min: number; source: string };
  "total.mismatch": { given: number; sum: number; rows: number };
  "studentno.format": { detail: string };
  "text.whitespace": { field: string };
  "text.fullwidth": { field: string };
  "amount.text": { field: string };
  "privacy.id-number": PrivacyData;
  "privacy.phone": PrivacyData;
  "privacy.bank-card": PrivacyData;
  "privacy.birth-date": PrivacyData;
  "privacy.address": PrivacyData;
}

export interface PrivacyData {
  where?: string;
  precisionLost?: boolean;
  sheetState?: string;
  property?: string;
}

export type RuleCode = keyof RuleData;

interface Entry<K extends RuleCode> {
  severity: Severity;
  /** Where the rule comes from (a standard, a plan). */
  source: string;
  title: { "zh-CN": string; "en-US": string };
  message: (d: RuleData[K], locale: Locale) => string;
  hint: (d: RuleData[K], locale: Locale) => string;
}

const zh = (locale: Locale, zhText: string, enText: string): string => (locale === "en-US" ? enText : zhText);

const WHERE_ZH: Record<string, string> = {
  cell: "",
  note: "（在单元格批注中）",
  "header-footer": "（在页眉页脚中）",
  property: "（在文档属性中）",
  "hidden-sheet": "（在隐藏工作表中）",
};

type PrivacyCode =
  "privacy.id-number" | "privacy.phone" | "privacy.bank-card" | "privacy.birth-date" | "privacy.address";

function privacyEntry(whatZh: string, whatEn: string): Entry<PrivacyCode> {
  return {
    severity: "warning",
    source: "方案7 三.2：公示内容不允许出现身份证号码、家庭住址、电话号码、出生日期、银行卡号等个人敏感信息",
    title: { "zh-CN": `含有${whatZh}`, "en-US": `Contains ${whatEn}` },
    message: (d, l) => {
      const where = WHERE_ZH[d.where ?? "cell"] ?? "";
      const hidden = d.sheetState
        ? zh(l, "（该工作表已隐藏，但文件发出后仍可被看到）", " (the sheet is hidden, but travels with the file)")
        : "";
      const prop = d.property ? zh(l, `（属性“${d.property}”）`, ` (property "${d.property}")`) : "";
      const lost = d.precisionLost
        ? zh(l, "；该号码被存为数字，末几位已丢失", "; stored as a number, its last digits are lost")
        : "";
      return zh(l, `含有${whatZh}${where}${prop}${hidden}${lost}`, `Contains ${whatEn}${prop}${hidden}${lost}`);
    },
    hint: (_d, l) =>
      zh(
        l,
        "公示表和对外材料中删除或脱敏（如 =ZIZHU.MASK()）；批注、页眉页脚、隐藏表和文档属性里也要清除",
        "Remove or mask it (=ZIZHU.MASK()) — also in notes, headers/footers, hidden sheets and properties",
      ),
  };
}

export const CATALOGUE: { [K in RuleCode]: Entry<K> } = {
  "roster.header-missing": {
    severity: "error",
    source: "FIELDS.md",
    title: { "zh-CN": "找不到表头", "en-US": "No header row" },
    message: (d, l) =>
      zh(
        l,
        `前 ${d.scanned} 行中找不到花名册表头（至少需要“姓名”或“身份证号”等两列可识别的列名）`,
        `No roster header in the first ${d.scanned} rows`,
      ),
    hint: (_d, l) =>
      zh(
        l,
        "确认选择了花名册所在的工作表（--sheet），表头使用常见列名，如 姓名、身份证号、学段、补助金额",
        "Pick the roster sheet (--sheet); use usual headers such as 姓名, 身份证号",
      ),
  },
  "roster.hidden-row": {
    severity: "warning",
    source: "资助助手",
    title: { "zh-CN": "隐藏行", "en-US": "Hidden row" },
    message: (_d, l) =>
      zh(l, "这一行被隐藏了，但仍会随文件报送并被计入", "This row is hidden but is still submitted and counted"),
    hint: (_d, l) =>
      zh(
        l,
        "取消隐藏并核对；不应报送的人员请删除整行",
        "Unhide and check it; delete rows that should not be submitted",
      ),
  },
  "field.required": {
    severity: "error",
    source: "方案7 四",
    title: { "zh-CN": "必填项为空", "en-US": "Required field empty" },
    message: (d, l) => zh(l, `${d.field}为空`, `${d.field} is empty`),
    hint: (d, l) => zh(l, `补填${d.field}`, `Fill in ${d.field}`),
  },
  "field.column-missing": {
    severity: "info",
    source: "政策包",
    title: { "zh-CN": "缺少列", "en-US": "Column missing" },
    message: (d, l) =>
      zh(
        l,
        `花名册没有“${d.field}”列，无法按${d.program}的条件逐人核对`,
        `No "${d.field}" column: ${d.program} cannot be fully checked`,
      ),
    hint: (d, l) => zh(l, `如需核对，请增加“${d.field}”列`, `Add a "${d.field}" column to check it`),
  },
  "field.unreadable": {
    severity: "warning",
    source: "FIELDS.md",
    title: { "zh-CN": "无法识别的取值", "en-US": "Unrecognised value" },
    message: (d, l) => zh(l, `${d.field}的值“${d.raw}”无法识别`, `${d.field}: "${d.raw}" is not a recognised value`),
    hint: (d, l) =>
      zh(l, `按常用写法填写${d.field}（如 是/否、小学/初中、建档立卡/低保）`, `Use a usual value for ${d.field}`),
  },
  "id.format": {
    severity: "error",
    source: "GB 11643-1999",
    title: { "zh-CN": "身份证号格式错误", "en-US": "Malformed ID number" },
    message: (d) => d.detail,
    hint: (_d, l) =>
      zh(l, "核对身份证原件，18 位号码最后一位可以是 X", "Check against the ID card; the 18th character may be X"),
  },
  "id.checksum": {
    severity: "error",
    source: "GB 11643-1999（ISO 7064 MOD 11-2）",
    title: { "zh-CN": "身份证号校验码错误", "en-US": "Wrong ID check digit" },
    message: (d, l) =>
      zh(
        l,
        `身份证号校验码错误：第18位应为 ${d.expected}，实为 ${d.actual}（前17位可能有误录）`,
        `Wrong check digit: should be ${d.expected}, not ${d.actual}`,
      ),
    hint: (_d, l) =>
      zh(l, "对照身份证原件逐位核对；校验码不符通常是前 17 位中有一位录错", "Compare digit by digit with the ID card"),
  },
  "id.region": {
    severity: "error",
    source:
      "GB/T 2260；GB 11643-1999（港澳台居民居住证地址码 810000/820000/830000）；外国人永久居留身份证（2023版）号码规则",
    title: { "zh-CN": "地区代码不存在", "en-US": "Unknown region code" },
    message: (d, l) => {
      switch (d.level) {
        case "province":
          return zh(l, `身份证号前两位 ${d.code} 不是有效的省级代码`, `${d.code} is not a province code`);
        case "foreign-province":
          return zh(
            l,
            `外国人永久居留身份证号第2、3位 ${d.code} 不是有效的受理地省级代码`,
            `Digits 2–3 of the foreign permanent resident ID number, ${d.code}, are not a province code`,
          );
        case "permit-region":
          return zh(
            l,
            `港澳台居民居住证号前6位应为 810000、820000 或 830000，实为 ${d.code}`,
            `A residence permit number starts with 810000, 820000 or 830000, not ${d.code}`,
          );
        default:
          return zh(
            l,
            `地区代码 ${d.code} 不在行政区划数据中（可能是已撤销或新设的县区）`,
            `Region code ${d.code} is not in the data`,
          );
      }
    },
    hint: (d, l) =>
      d.level === "county"
        ? zh(l, "通常无需处理；若为新设县区请以身份证原件为准", "Usually fine; check the ID card")
        : zh(l, "核对证件原件前 6 位", "Check the first 6 digits"),
  },
  "id.birthdate": {
    severity: "error",
    source: "GB 11643-1999",
    title: { "zh-CN": "出生日期无效", "en-US": "Invalid birth date" },
    message: (d) => d.detail,
    hint: (_d, l) => zh(l, "核对身份证号第 7–14 位（出生日期）", "Check digits 7–14 (the birth date)"),
  },
  "id.birthdate-implausible": {
    severity: "warning",
    source: "资助助手（在册人员出生于1900年以后；号码结构本身有效）",
    title: { "zh-CN": "出生日期不合常理", "en-US": "Implausible birth date" },
    message: (d, l) =>
      zh(
        l,
        `${d.field}中的出生日期早于1900年，作为在册人员不合常理（号码本身的结构和校验码有效）`,
        `${d.field}: the birth date is before 1900, implausible for a person on a roster (the number itself is well-formed)`,
      ),
    hint: (_d, l) =>
      zh(
        l,
        "对照证件原件核对第 7–14 位（出生日期）；确实如此可忽略",
        "Check digits 7–14 (the birth date) against the card; ignore if it is right",
      ),
  },
  "id.document-format": {
    severity: "error",
    source: "外国人永久居留证（2004、2017版）号码规则；港澳居民来往内地通行证、台湾居民来往大陆通行证、护照的号码格式",
    title: { "zh-CN": "证件号码格式错误", "en-US": "Malformed document number" },
    message: (d) => d.detail,
    hint: (d, l) =>
      zh(
        l,
        `对照${d.document}原件核对号码，并确认“证件类型”填写无误`,
        `Check the number against the ${documentName(d.document, l)} and the document type`,
      ),
  },
  "id.document-mismatch": {
    severity: "error",
    source: "全国学生资助管理信息系统（身份证件类型与身份证件号码应一致）",
    title: { "zh-CN": "证件类型与号码不符", "en-US": "Document type does not match the number" },
    message: (d, l) =>
      d.valid
        ? zh(
            l,
            `证件类型填为“${d.declared}”，但号码是有效的${d.actual}号码`,
            `The document type is ${documentName(d.declared, l)}, but the number is a valid ${documentName(d.actual, l)} number`,
          )
        : zh(
            l,
            `证件类型填为“${d.declared}”，但号码不符合${d.declared}的格式，看起来是${d.actual}号码`,
            `The document type is ${documentName(d.declared, l)}, but the number looks like a ${documentName(d.actual, l)} number`,
          ),
    hint: (d, l) =>
      zh(
        l,
        `将“证件类型”改为“${d.actual}”，或核对号码是否录错`,
        `Set the document type to ${documentName(d.actual, l)}, or check the number`,
      ),
  },
  "id.other-document": {
    severity: "warning",
    source:
      "全国学生资助管理信息系统（身份证件类型：居民身份证、港澳台居民居住证、外国人永久居留身份证、通行证、护照等）",
    title: { "zh-CN": "不是居民身份证号", "en-US": "Not a resident ID number" },
    message: (d, l) => `${d.field}${zh(l, "", ": ")}${lookalikeMessage(d.document, true, l, d.hasColumn)}`,
    hint: (d, l) =>
      d.hasColumn
        ? zh(l, `在“证件类型”列填写“${d.document}”`, `Fill in ${documentName(d.document, l)} as the document type`)
        : zh(
            l,
            `增加“证件类型”列，填写“${d.document}”；本人为居民的请核对身份证号`,
            `Add a 证件类型 column saying ${d.document}; for residents check the ID number`,
          ),
  },
  "id.stored-as-number": {
    severity: "error",
    source: "Excel 只保留 15 位有效数字",
    title: { "zh-CN": "证件号被存为数字", "en-US": "ID stored as a number" },
    message: (d, l) =>
      zh(
        l,
        `${d.field}被存为数字，后几位已丢失（Excel 只保留 15 位有效数字），无法修复`,
        `${d.field} was stored as a number and its last digits are lost`,
      ),
    hint: (_d, l) =>
      zh(
        l,
        "将该列设为文本格式，再从原始资料重新录入（不要从这里复制）",
        "Format the column as text and re-enter the numbers from the source",
      ),
  },
  "id.gender-mismatch": {
    severity: "error",
    source: "GB 11643-1999（第17位奇数为男）",
    title: { "zh-CN": "性别与身份证号不符", "en-US": "Gender does not match the ID" },
    message: (d, l) =>
      zh(l, `性别填为“${d.given}”，身份证号显示为“${d.fromId}”`, `Gender is ${d.given}; the ID says ${d.fromId}`),
    hint: (_d, l) => zh(l, "核对性别或身份证号", "Check the gender or the ID number"),
  },
  "id.age-stage": {
    severity: "warning",
    source: "资助助手（学段的常见年龄）",
    title: { "zh-CN": "年龄与学段不符", "en-US": "Age unusual for the stage" },
    message: (d, l) =>
      zh(
        l,
        `按身份证号今年 ${d.age} 岁，就读${d.stage}少见（通常 ${d.min}–${d.max} 岁）`,
        `Age ${d.age} is unusual for ${d.stage} (${d.min}–${d.max})`,
      ),
    hint: (_d, l) =>
      zh(l, "核对身份证号或学段；可能录入的是家长的身份证号", "Check the ID or the stage: it may be a parent's ID"),
  },
  "dup.id": {
    severity: "error",
    source: "方案14 一（不重复救助）、资助管理通则",
    title: { "zh-CN": "同一人重复", "en-US": "Same person twice" },
    message: (d, l) =>
      zh(
        l,
        `同一身份证号在${d.program}中重复出现（首次在 ${d.first}）`,
        `The same ID appears twice in ${d.program} (first at ${d.first})`,
      ),
    hint: (_d, l) => zh(l, "删除重复行，或核对是否录错了身份证号", "Delete the duplicate or fix the ID"),
  },
  "bank.format": {
    severity: "error",
    source: "银行卡号 16–19 位",
    title: { "zh-CN": "银行卡号格式错误", "en-US": "Malformed card number" },
    message: (d) => d.detail,
    hint: (_d, l) => zh(l, "对照银行卡或存折核对卡号", "Check against the card or passbook"),
  },
  "bank.luhn": {
    severity: "warning",
    source: "ISO/IEC 7812（Luhn）",
    title: { "zh-CN": "银行卡号校验未通过", "en-US": "Card number fails Luhn" },
    message: (_d, l) =>
      zh(
        l,
        "银行卡号未通过 Luhn 校验，可能录错（少数真实银联卡也不通过）",
        "Fails the Luhn check (a few real UnionPay cards do)",
      ),
    hint: (_d, l) => zh(l, "对照银行卡或存折逐位核对，避免发放失败", "Compare digit by digit with the card"),
  },
  "bank.stored-as-number": {
    severity: "error",
    source: "Excel 只保留 15 位有效数字",
    title: { "zh-CN": "银行卡号被存为数字", "en-US": "Card stored as a number" },
    message: (_d, l) =>
      zh(
        l,
        "银行卡号被存为数字，后几位已丢失（Excel 只保留 15 位有效数字），无法修复",
        "The card number was stored as a number; its last digits are lost",
      ),
    hint: (_d, l) =>
      zh(l, "将该列设为文本格式，再从原始资料重新录入", "Format the column as text and re-enter the numbers"),
  },
  "bank.issuer": {
    severity: "error",
    source: "方案7 四（开户行需是建行卡）",
    title: { "zh-CN": "开户行不符合要求", "en-US": "Wrong bank" },
    message: (d, l) =>
      zh(l, `要求${d.required}的卡，此卡为${d.actual}`, `A ${d.required} card is required; this is ${d.actual}`),
    hint: (d, l) =>
      zh(l, `更换为${d.required}卡号，并核对开户行一栏（${d.source}）`, `Use a ${d.required} card (${d.source})`),
  },
  "bank.holder-mismatch": {
    severity: "error",
    source: "方案7 四",
    title: { "zh-CN": "持卡人与学生、监护人都不一致", "en-US": "Card holder is neither the student nor the guardian" },
    message: (d, l) =>
      zh(
        l,
        `持卡人“${d.holder}”既不是本人“${d.name}”，也不是监护人“${d.guardian || "（未填）"}”`,
        `Holder "${d.holder}" is neither "${d.name}" nor the guardian`,
      ),
    hint: (_d, l) =>
      zh(l, "核对持卡人姓名，避免姓名与卡号不符导致发放失败", "Check the holder's name to avoid failed payments"),
  },
  "phone.format": {
    severity: "warning",
    source: "资助助手",
    title: { "zh-CN": "电话号码格式错误", "en-US": "Malformed phone number" },
    message: (d) => d.detail,
    hint: (_d, l) =>
      zh(l, "手机号 11 位；固定电话带区号，如 0731-5551234", "Mobile: 11 digits; landline with area code"),
  },
  "policy.no-program": {
    severity: "info",
    source: "资助助手",
    title: { "zh-CN": "未指定资助项目", "en-US": "No program" },
    message: (_d, l) =>
      zh(
        l,
        "没有“资助项目”列，也未指定项目，跳过资格、金额和名额核对",
        "No program column or option: policy checks skipped",
      ),
    hint: (_d, l) =>
      zh(
        l,
        "用 --program 指定项目（如 --program 一补），或在花名册中增加“资助项目”列",
        "Use --program or add a 资助项目 column",
      ),
  },
  "policy.program-inferred": {
    severity: "info",
    source: "资助助手",
    title: { "zh-CN": "按标题认定资助项目", "en-US": "Program taken from the title" },
    message: (d, l) =>
      zh(
        l,
        `没有“资助项目”列，按标题“${d.from}”按${d.program}核对`,
        `No program column: checked as ${d.program}, from the title "${d.from}"`,
      ),
    hint: (_d, l) => zh(l, "如项目不对，用 --program 指定", "Use --program if this is wrong"),
  },
  "policy.unknown-program": {
    severity: "error",
    source: "政策包",
    title: { "zh-CN": "资助项目不存在", "en-US": "Unknown program" },
    message: (d, l) => zh(l, `政策包中没有资助项目“${d.given}”`, `No program "${d.given}" in the pack`),
    hint: (_d, l) =>
      zh(l, "使用政策包中的项目名称或代码（zizhu policy list）", "Use a program name or code from the pack"),
  },
  "policy.ineligible": {
    severity: "error",
    source: "政策包",
    title: { "zh-CN": "不符合资助条件", "en-US": "Not eligible" },
    message: (d, l) => zh(l, `不符合${d.program}的条件：${d.reasons}`, `Not eligible for ${d.program}: ${d.reasons}`),
    hint: (_d, l) =>
      zh(
        l,
        "核对此人的学段、困难类型等信息；确不符合的不应列入",
        "Check the person's data; remove people who do not qualify",
      ),
  },
  "policy.amount-mismatch": {
    severity: "error",
    source: "政策包",
    title: { "zh-CN": "金额与标准不符", "en-US": "Amount differs from the standard" },
    message: (d, l) =>
      zh(
        l,
        `金额 ${d.given} 元与${d.program}标准${d.bound} ${d.standard} 元（每${d.period}）不符`,
        `Amount ${d.given} differs from the standard ${d.bound}${d.standard} per ${d.period}`,
      ),
    hint: (d, l) =>
      zh(l, `改为 ${d.standard} 元（可用 =ZIZHU.AMOUNT() 计算）`, `Set it to ${d.standard} (=ZIZHU.AMOUNT())`),
  },
  "policy.needs-proof": {
    severity: "error",
    source: "方案7 一.3、二.3",
    title: { "zh-CN": "自采集学生缺证明材料", "en-US": "Proof missing" },
    message: (d, l) => zh(l, `未通过系统比对（自采集），需要：${d.documents}`, `Self-collected: needs ${d.documents}`),
    hint: (d, l) =>
      zh(l, `补齐证明材料并在“证明材料”列注明（${d.source}）`, `Collect the proof and note it (${d.source})`),
  },
  "policy.quota": {
    severity: "error",
    source: "方案8 (三)",
    title: { "zh-CN": "超出名额", "en-US": "Over quota" },
    message: (d, l) =>
      zh(
        l,
        `${d.program}共 ${d.count} 人，超过名额 ${d.allowed} 人（在校 ${d.enrolled} 人 × ${d.share}）`,
        `${d.count} people in ${d.program}, over the quota of ${d.allowed} (${d.share} of ${d.enrolled})`,
      ),
    hint: (d, l) =>
      zh(l, `按困难程度排序，保留 ${d.allowed} 人以内（${d.source}）`, `Keep at most ${d.allowed} (${d.source})`),
  },
  "policy.higher-standard": {
    severity: "error",
    source: "方案8 (三)（就高不就低）",
    title: { "zh-CN": "未按就高不就低", "en-US": "Not the higher standard" },
    message: (d, l) =>
      zh(
        l,
        `此人符合多个标准，应就高按 ${d.standard} 元发放，现为 ${d.given} 元`,
        `Qualifies for several standards: the higher, ${d.standard}, applies (now ${d.given})`,
      ),
    hint: (d, l) => zh(l, `改为 ${d.standard} 元（${d.source}）`, `Set it to ${d.standard} (${d.source})`),
  },
  "policy.retired-share": {
    severity: "error",
    source: "方案12 二",
    title: { "zh-CN": "退休教师比例超限", "en-US": "Too many retired teachers" },
    message: (d, l) =>
      zh(
        l,
        `${d.program}名单中退休教师 ${d.retired} 人，占 ${d.total} 人的比例超过 ${d.max}`,
        `${d.retired} of ${d.total} are retired: over ${d.max}`,
      ),
    hint: (d, l) =>
      zh(
        l,
        `资助重点为在职教师，退休教师原则上不超过 ${d.max}（${d.source}）`,
        `Keep retired teachers within ${d.max} (${d.source})`,
      ),
  },
  "policy.nominees-per-school": {
    severity: "error",
    source: "方案14 四",
    title: { "zh-CN": "推荐人数不符", "en-US": "Nominees per school" },
    message: (d, l) =>
      zh(
        l,
        `${d.school}推荐了 ${d.count} 名，${d.program}要求每校 ${d.min}–${d.max} 名`,
        `${d.school} nominated ${d.count}; ${d.min}–${d.max} allowed`,
      ),
    hint: (d, l) =>
      zh(l, `每校推荐 ${d.min}–${d.max} 名（${d.source}）`, `Nominate ${d.min}–${d.max} per school (${d.source})`),
  },
  "policy.repeat-aid": {
    severity: "error",
    source: "方案12 五.2、方案14 一",
    title: { "zh-CN": "重复资助", "en-US": "Aided again too soon" },
    message: (d, l) => zh(l, `${d.program}：${d.reason}`, `${d.program}: ${d.reason}`),
    hint: (d, l) => zh(l, `核对近年受助记录（${d.source}）`, `Check past aid (${d.source})`),
  },
  "policy.visits": {
    severity: "warning",
    source: "方案8 (二)4",
    title: { "zh-CN": "走访次数不足", "en-US": "Too few visits" },
    message: (d, l) =>
      zh(l, `每年走访 ${d.visits} 次，少于 ${d.min} 次`, `${d.visits} visits a year, fewer than ${d.min}`),
    hint: (d, l) =>
      zh(l, `帮联干部每年走访不少于 ${d.min} 次（${d.source}）`, `At least ${d.min} visits a year (${d.source})`),
  },
  "total.mismatch": {
    severity: "error",
    source: "资助助手",
    title: { "zh-CN": "合计与明细不符", "en-US": "Total differs from the rows" },
    message: (d, l) =>
      zh(
        l,
        `合计 ${d.given} 元，但 ${d.rows} 行明细之和为 ${d.sum} 元`,
        `Total ${d.given}, but the ${d.rows} rows add up to ${d.sum}`,
      ),
    hint: (_d, l) => zh(l, "改用 =SUM() 公式计算合计，或核对明细金额", "Use =SUM() for the total"),
  },
  "studentno.format": {
    severity: "warning",
    source: "全国学生资助管理信息系统（学籍号为 G+身份证号，或 L/J 开头的临时学籍号）",
    title: { "zh-CN": "学籍号格式错误", "en-US": "Malformed student number" },
    message: (d) => d.detail,
    hint: (_d, l) =>
      zh(l, "学籍号一般为 G + 本人身份证号；无身份证的为 L 或 J 开头", "Usually G + the student's own ID number"),
  },
  "text.whitespace": {
    severity: "warning",
    source: "资助助手",
    title: { "zh-CN": "多余空格", "en-US": "Extra spaces" },
    message: (d, l) =>
      zh(l, `${d.field}含有多余的空格或不可见字符`, `${d.field} has extra spaces or invisible characters`),
    hint: (_d, l) => zh(l, "删除空格（任务窗格可一键清理）", "Remove them (the task pane can fix this)"),
  },
  "amount.text": {
    severity: "warning",
    source: "资助助手",
    title: { "zh-CN": "金额是文本", "en-US": "Amount stored as text" },
    message: (d, l) =>
      zh(
        l,
        `${d.field}是文本而不是数字，合计公式（SUM、SUMIFS）不会计入`,
        `${d.field} is text, not a number: SUM and SUMIFS skip it`,
      ),
    hint: (_d, l) =>
      zh(l, "转为数字（任务窗格“安全修正”可一键转换）", "Convert it to a number (the task pane can fix this)"),
  },
  "text.fullwidth": {
    severity: "warning",
    source: "资助助手",
    title: { "zh-CN": "全角字符", "en-US": "Full-width characters" },
    message: (d, l) => zh(l, `${d.field}含有全角数字或字母`, `${d.field} has full-width digits or letters`),
    hint: (_d, l) =>
      zh(
        l,
        "改为半角（任务窗格可一键转换）；报送系统可能不识别全角",
        "Convert to half-width (the task pane can fix this)",
      ),
  },
  "privacy.id-number": privacyEntry("身份证号", "an ID number"),
  "privacy.phone": privacyEntry("电话号码", "a phone number"),
  "privacy.bank-card": privacyEntry("银行卡号", "a bank card number"),
  "privacy.birth-date": privacyEntry("出生日期", "a birth date"),
  "privacy.address": privacyEntry("家庭住址", "a home address"),
};

export const RULE_CODES = Object.keys(CATALOGUE) as RuleCode[];

export function isRuleCode(code: string): code is RuleCode {
  return Object.hasOwn(CATALOGUE, code);
}
