/** UI text, Simplified Chinese first, English second. */
export type UiLocale = "zh-CN" | "en-US";

const zh = {
  title: "资助助手",
  subtitle: "离线核对身份证号、银行卡号、金额大写和公示期：数据只在本机处理。",
  standaloneBadge: "独立页面（未连接 Excel）",
  officeBadge: "已连接 Excel",
  idLabel: "身份证号",
  idPlaceholder: "输入 18 位或 15 位身份证号",
  idValid: "有效",
  idInvalid: "无效",
  birth: "出生日期",
  gender: "性别",
  age: "周岁",
  region: "出生地（按出生年份的行政区划）",
  masked: "脱敏",
  upgraded: "18 位号码",
  cardLabel: "银行卡号",
  cardPlaceholder: "输入 16–19 位卡号",
  cardLuhnOk: "通过 Luhn 校验",
  cardLuhnBad: "未通过 Luhn 校验（少数真实银联卡也会如此，请与存折核对）",
  bank: "发卡银行",
  bankUnknown: "未能识别（离线数据未收录该卡号段）",
  rmbLabel: "金额（元）",
  rmbPlaceholder: "如 1004.5 或 1,004.50",
  rmbResult: "大写",
  noticeLabel: "公示开始日期",
  noticeDays: "公示工作日天数",
  noticeResult: "公示截止日期（含调休）",
  commandPending: (name: string) =>
    `「${name}」需要花名册校验引擎，将在后续版本提供；现在可以使用下面的核对工具和 ZIZHU 函数。`,
};

export type Strings = typeof zh;

const en: Strings = {
  title: "Zizhu aid assistant",
  subtitle: "Check ID numbers, bank cards, amounts in words and notice periods offline: data stays on this machine.",
  standaloneBadge: "Standalone page (not connected to Excel)",
  officeBadge: "Connected to Excel",
  idLabel: "ID number",
  idPlaceholder: "18- or 15-digit resident ID number",
  idValid: "Valid",
  idInvalid: "Invalid",
  birth: "Date of birth",
  gender: "Gender",
  age: "Age",
  region: "Place of registration (as of birth year)",
  masked: "Masked",
  upgraded: "18-digit form",
  cardLabel: "Bank card number",
  cardPlaceholder: "16–19 digits",
  cardLuhnOk: "Passes the Luhn check",
  cardLuhnBad: "Fails the Luhn check (a few real UnionPay cards do; compare with the passbook)",
  bank: "Issuing bank",
  bankUnknown: "Unknown (prefix not in the offline table)",
  rmbLabel: "Amount (yuan)",
  rmbPlaceholder: "e.g. 1004.5 or 1,004.50",
  rmbResult: "In words",
  noticeLabel: "Notice starts on",
  noticeDays: "Working days",
  noticeResult: "Notice ends on (holidays and make-up days respected)",
  commandPending: (name: string) =>
    `"${name}" needs the roster checking engine and comes in a later version; the tools below and the ZIZHU functions work now.`,
};

export function stringsFor(locale: UiLocale): Strings {
  return locale === "en-US" ? en : zh;
}

/** zh-CN unless the host or browser language is English. */
export function pickLocale(language: string | undefined): UiLocale {
  return language && /^en\b/i.test(language) ? "en-US" : "zh-CN";
}
