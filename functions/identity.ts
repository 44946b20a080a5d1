/**
 * ZIZHU functions for identity numbers, bank cards, phone numbers and masking. Thin wrappers over
 * src/core; the JSDoc is the source of functions.json and of the README's function reference.
 */
import {
  checkDocument,
  documentMessage,
  documentsAgree,
  idMessage,
  idNotice,
  idRegionText,
  parseId,
  resembles,
  upgradeId,
  ID_DOCUMENTS,
  type DocumentProblem,
  type IdDocument,
  type IdInfo,
  type IdProblem,
  normalizeIdDocument,
  parseCard,
  cardIssuer,
  cardMessage,
  parsePhone,
  maskValue,
  maskMessage,
  serialFromCivil,
  formatIso,
  wholeYearsBetween,
  plainText,
} from "../src/core";
import { excelError, guard, isBlankArg, valueOr } from "./excel";
import { dateArg } from "./args";
import { functionsContext } from "./context";

/**
 * Why a value is not an identity number. A value that clearly is another document's number says
 * so (a passport in an ID column is not a "wrong length"); a faint likeness adds a hint.
 */
function explainId(p: IdProblem, id: unknown): string {
  const text = idMessage(p);
  if (p.code !== "id.format") return text;
  const like = resembles(id, functionsContext().today());
  if (!like) return text;
  const how = `可用 ZIZHU.ID_ERROR(号码, "${like.document}") 按该证件校验`;
  return like.strong
    ? `看起来是${like.document}号码，不是身份证号；${how}`
    : `${text}（如为${like.document}号码，${how}）`;
}

/** Every ID function checks the number the same way, against today's date. */
function checkId(id: unknown): ReturnType<typeof parseId> {
  return parseId(id, functionsContext().today());
}

/** The info of a valid number, or the Excel error explaining why it is not one. */
function validId(id: unknown): IdInfo {
  return valueOr(checkId(id), (p) => explainId(p, id));
}

/** The optional 证件类型 argument: null when omitted or empty; an unknown name is #VALUE!. */
function documentArg(value: unknown): IdDocument | null {
  if (value === undefined || isBlankArg(value)) return null;
  const doc = normalizeIdDocument(value);
  if (doc === null) {
    throw excelError(`证件类型“${plainText(value).slice(0, 40)}”无法识别，可填：${ID_DOCUMENTS.join("、")}`);
  }
  return doc;
}

/**
 * 校验身份证号：居民身份证 18 位（GB 11643-1999，MOD 11-2 校验码）或 15 位旧号，港澳台居民居住证（810000/820000/830000 开头），外国人永久居留身份证（2023 版，9 开头的 18 位）；地区代码、出生日期必须真实。给出证件类型时按该证件的格式校验（外国人永久居留证 15 位旧号、港澳居民来往内地通行证、台湾居民来往大陆通行证、护照；“其他”不校验）。有效返回 TRUE，无效返回 FALSE，空单元格返回空。被 Excel 存成数字的 18 位号码已丢失末几位，返回 #VALUE! 并说明原因。
 * @customfunction ID_VALID
 * @param id 身份证号或证件号码（文本；可含空格、全角数字、小写 x）
 * @param [idType] 证件类型：居民身份证 / 港澳台居民居住证 / 外国人永久居留身份证 / 外国人永久居留证 / 港澳居民来往内地通行证 / 台湾居民来往大陆通行证 / 护照 / 其他（也可写 身份证、回乡证、台胞证 等）；省略为身份证号
 * @returns TRUE / FALSE
 */
export function idValid(id: unknown, idType?: unknown): boolean | string {
  return guard(() => {
    if (isBlankArg(id)) return "";
    const doc = documentArg(idType);
    if (doc === null) {
      const r = checkId(id);
      return r.ok || invalid(r.problem);
    }
    const r = checkDocument(id, doc, functionsContext().today());
    return r.ok ? documentsAgree(doc, r.value.document) : invalid(r.problem);
  });
}

/** ID_VALID of an invalid value: FALSE; "" for an empty one; #VALUE! when Excel has lost its digits. */
function invalid(p: DocumentProblem): false | "" {
  if (p.code === "id.empty") return "";
  if (p.code === "id.stored-as-number") throw excelError(idMessage(p));
  return false;
}

/**
 * 号码错在哪里：有效时返回空文本，否则返回中文原因（位数不对、含非法字符、地区代码不存在、出生日期不存在、校验码错误并指出应为哪一位）；看起来是其他证件（如港澳居民来往内地通行证、护照）的号码时指出是哪种证件。出生日期早于 1900 年的号码结构有效，但返回提示（在册人员不合常理）。给出证件类型时按该证件校验，并指出类型与号码不符。
 * @customfunction ID_ERROR
 * @param id 身份证号或证件号码
 * @param [idType] 证件类型（同 ID_VALID）；省略为身份证号
 * @returns 空文本，或错误原因
 */
export function idError(id: unknown, idType?: unknown): string {
  return guard(() => {
    if (isBlankArg(id)) return "";
    const doc = documentArg(idType);
    if (doc === null) {
      const r = checkId(id);
      if (r.ok) return idNotice(r.value);
      return r.problem.code === "id.empty" ? "" : explainId(r.problem, id);
    }
    const r = checkDocument(id, doc, functionsContext().today());
    if (!r.ok) return r.problem.code === "id.empty" ? "" : documentMessage(r.problem);
    const { document, id: info } = r.value;
    if (!documentsAgree(doc, document)) return `证件类型为“${doc}”，但号码是有效的${document}号码`;
    return info ? idNotice(info) : "";
  });
}

/**
 * 从身份证号取出生日期（Excel 日期序列号，请将单元格设为日期格式）。也适用于港澳台居民居住证和外国人永久居留身份证。早于 1900-01-01 的日期 Excel 没有序列号，返回“1899-12-30”形式的文本。
 * @customfunction ID_BIRTHDATE
 * @param id 身份证号
 * @returns 出生日期
 */
export function idBirthdate(id: unknown): number | string {
  return guard(() => {
    if (isBlankArg(id)) return "";
    const info = validId(id);
    // Excel's serial 1 is 1900-01-01: an earlier date has no serial, so it is given as text.
    return info.bornBefore1900 ? formatIso(info.birth) : serialFromCivil(info.birth);
  });
}

/**
 * 从身份证号判断性别：男 / 女（18 位看第 17 位，15 位看末位，奇数为男；港澳台居民居住证、外国人永久居留身份证相同）。
 * @customfunction ID_GENDER
 * @param id 身份证号
 * @returns 男 / 女
 */
export function idGender(id: unknown): string {
  return guard(() => {
    if (isBlankArg(id)) return "";
    return validId(id).gender;
  });
}

/**
 * 按身份证号计算到某日的周岁（默认今天）。
 * @customfunction ID_AGE
 * @param id 身份证号
 * @param [asOf] 计算到哪一天（日期或文本，如 2026-09-01）；省略为今天
 * @returns 周岁
 */
export function idAge(id: unknown, asOf?: unknown): number | string {
  return guard(() => {
    if (isBlankArg(id)) return "";
    const info = validId(id);
    const at = isBlankArg(asOf) ? functionsContext().today() : dateArg(asOf, "计算日期");
    const age = wholeYearsBetween(info.birth, at);
    if (age < 0) throw excelError("计算日期早于出生日期");
    return age;
  });
}

/**
 * 身份证号前 6 位对应的省、市、县名称，按出生年份当时的行政区划（离线 GB/T 2260 数据）。县级代码已撤销或数据未收录时只返回省市。港澳台居民居住证返回证件名和地区，如 港澳居民居住证（香港特别行政区）；外国人永久居留身份证返回证件名和受理地省份，如 外国人永久居留身份证（江苏省受理）。
 * @customfunction ID_REGION
 * @param id 身份证号
 * @returns 如 湖南省湘潭市湘乡市
 */
export function idRegion(id: unknown): string {
  return guard(() => {
    if (isBlankArg(id)) return "";
    const info = validId(id);
    const text = idRegionText(info);
    if (text === null) throw excelError(`地区代码 ${info.regionCode} 不在行政区划数据中`, "notAvailable");
    return text;
  });
}

/**
 * 把 15 位旧身份证号升级为 18 位（补“19”和校验码）；已是有效的 18 位号码则原样返回。
 * @customfunction ID_UPGRADE
 * @param id15 15 位身份证号
 * @returns 18 位身份证号
 */
export function idUpgrade(id15: unknown): string {
  return guard(() => {
    if (isBlankArg(id15)) return "";
    return valueOr(upgradeId(id15, functionsContext().today()), (p) => explainId(p, id15));
  });
}

/**
 * 校验银行卡号：16–19 位数字且通过 Luhn 校验返回 TRUE。被 Excel 存成数字的卡号已丢失末几位，返回 #VALUE! 并说明。
 * @customfunction CARD_VALID
 * @param card 银行卡号（文本；可含空格）
 * @returns TRUE / FALSE
 */
export function cardValid(card: unknown): boolean | string {
  return guard(() => {
    if (isBlankArg(card)) return "";
    const r = parseCard(card);
    if (r.ok) return r.value.luhnOk;
    if (r.problem.code === "bank.empty") return "";
    if (r.problem.code === "bank.stored-as-number") throw excelError(cardMessage(r.problem));
    return false;
  });
}

/**
 * 按卡号前缀（BIN，离线数据）识别发卡银行，如 中国建设银行；查不到返回空文本。从不联网查询。
 * @customfunction CARD_BANK
 * @param card 银行卡号
 * @returns 发卡银行名称
 */
export function cardBank(card: unknown): string {
  return guard(() => {
    if (isBlankArg(card)) return "";
    const info = valueOr(parseCard(card), cardMessage);
    return cardIssuer(info.digits)?.name ?? "";
  });
}

/**
 * 校验电话号码：大陆手机号（可带 +86、空格、横线）或带区号的固定电话，有效返回 TRUE。
 * @customfunction PHONE_VALID
 * @param phone 电话号码
 * @returns TRUE / FALSE
 */
export function phoneValid(phone: unknown): boolean | string {
  return guard(() => {
    if (isBlankArg(phone)) return "";
    const r = parsePhone(phone);
    if (r.ok) return true;
    return r.problem.code === "phone.empty" ? "" : false;
  });
}

/**
 * 脱敏（供内部传阅）：身份证保留前 6 位和后 4 位，银行卡保留后 4 位，手机号保留前 3 位和后 4 位，姓名保留姓。不指定类型时自动识别。
 * @customfunction MASK
 * @param value 要脱敏的值
 * @param [kind] 类型：身份证 / 银行卡 / 电话 / 姓名（或 id / card / phone / name）；省略则自动识别
 * @returns 脱敏后的文本
 */
export function mask(value: unknown, kind?: unknown): string {
  return guard(() => {
    if (isBlankArg(value)) return "";
    return valueOr(maskValue(value, kind), maskMessage);
  });
}
