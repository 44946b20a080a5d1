import { inLocale, inLocaleOf, problemTexts, texts, type Locale, type ProblemTexts, type Texts } from "../locale";
import { MIN_BIRTH_YEAR } from "./parse";
import type { DocumentProblem, IdDocument, IdInfo, IdProblem, OtherFormat } from "./problems";

/** The exact wording other parts (functions, pane) show for a rounded-off 18-digit number. */
export const STORED_AS_NUMBER_ZH = "身份证号被存为数字，后几位已丢失，请将该列设为文本后重新录入";

/** A field as text; a malformed problem (a bug upstream) prints "" rather than "undefined" or throwing. */
export function field(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** "19491231" → "1949-12-31", "491231" → "49-12-31"; other text unchanged. */
function dashedDate(text: string): string {
  return /^\d{6}(\d{2})?$/.test(text) ? `${text.slice(0, -4)}-${text.slice(-4, -2)}-${text.slice(-2)}` : text;
}

const DOCUMENT_EN: Readonly<Record<IdDocument, string>> = {
  居民身份证: "resident identity card",
  港澳台居民居住证: "Hong Kong, Macao and Taiwan residence permit",
  外国人永久居留身份证: "foreign permanent resident ID card",
  外国人永久居留证: "foreign permanent residence permit (15 characters)",
  港澳居民来往内地通行证: "Mainland travel permit for Hong Kong and Macao residents",
  台湾居民来往大陆通行证: "Mainland travel permit for Taiwan residents",
  护照: "passport",
  其他: "other document",
};

/** A document's name for messages: the Chinese name, or its English description. */
export function documentName(doc: IdDocument, locale: Locale = "zh-CN"): string {
  return locale === "en-US" ? (DOCUMENT_EN[doc] ?? doc) : doc;
}

/** The short word a sentence uses again after naming the document once: 通行证, 永久居留证, 护照. */
export function documentShortName(doc: IdDocument): string {
  switch (doc) {
    case "港澳居民来往内地通行证":
    case "台湾居民来往大陆通行证":
      return "通行证";
    case "外国人永久居留证":
    case "外国人永久居留身份证":
      return "永久居留证";
    case "港澳台居民居住证":
      return "居住证";
    default:
      return doc;
  }
}

function regionTexts(p: Extract<IdProblem, { code: "id.region" }>): Texts {
  if (p.document === "外国人永久居留身份证")
    return texts(
      `外国人永久居留身份证号第2、3位 ${field(p.province)} 不是有效的受理地省级行政区划代码`,
      `Digits 2-3 of the foreign permanent resident ID number, ${field(p.province)}, are not a province code`,
    );
  if (p.document === "港澳台居民居住证")
    return texts(
      `港澳台居民居住证号前6位应为 810000、820000 或 830000，实际为 ${field(p.region)}`,
      `A Hong Kong, Macao or Taiwan residence permit number starts with 810000, 820000 or 830000, not ${field(p.region)}`,
    );
  return texts(
    `身份证号前两位 ${field(p.province)} 不是有效的省级行政区划代码`,
    `The first two digits of the ID number, ${field(p.province)}, are not a valid province code`,
  );
}

function birthdateTexts(p: Extract<IdProblem, { code: "id.birthdate" }>): Texts {
  const date = dashedDate(field(p.text));
  if (p.reason === "future")
    return texts(`身份证号中的出生日期 ${date} 晚于今天`, `The birth date in the ID number, ${date}, is after today`);
  if (p.reason === "too-early")
    return texts(
      `身份证号中的出生日期 ${date} 早于${MIN_BIRTH_YEAR}年，不可能是持证人的出生日期`,
      `The birth date in the ID number, ${date}, is before ${MIN_BIRTH_YEAR}: no holder's`,
    );
  return texts(
    `身份证号中的出生日期 ${date} 不是有效日期`,
    `The birth date in the ID number, ${date}, is not a real date`,
  );
}

const ID_TEXTS: ProblemTexts<IdProblem> = {
  "id.empty": () => texts("身份证号为空", "The ID number is empty"),
  "id.stored-as-number": (p) =>
    texts(
      STORED_AS_NUMBER_ZH,
      `The ID number was stored as a number, so its last digits are lost (shown as ${field(p.shown)}); format the column as Text and enter it again`,
    ),
  "id.format": (p) =>
    p.reason === "chars"
      ? texts(
          `身份证号含有无效字符：${field(p.bad)}（只能是数字，第18位可以是 X）`,
          `The ID number contains invalid characters: ${field(p.bad)} (only digits, with X allowed as the 18th)`,
        )
      : texts(
          `身份证号应为18位（旧版15位），实际为${field(p.length)}位`,
          `The ID number must have 18 characters (15 for the old form), not ${field(p.length)}`,
        ),
  "id.region": regionTexts,
  "id.birthdate": birthdateTexts,
  "id.checksum": (p) =>
    texts(
      `校验码错误：第18位应为 ${field(p.expected)}，实际为 ${field(p.actual)}`,
      `Wrong check digit: the 18th character should be ${field(p.expected)}, not ${field(p.actual)}`,
    ),
};

/** The message for an id problem, zh-CN by default. */
export const idTexts = problemTexts<IdProblem>(ID_TEXTS, texts("身份证号无效", "Invalid ID number"));
export const idMessage = inLocaleOf(idTexts);

/**
 * What is worth saying about a valid number: a birth date before 1900 is real, but implausible for
 * a person on a roster. "" when there is nothing to say.
 */
export function idNotice(info: IdInfo, locale: Locale = "zh-CN"): string {
  if (typeof info !== "object" || info === null || !info.bornBefore1900) return "";
  const b = info.birth;
  const date = `${String(b.y).padStart(4, "0")}-${String(b.m).padStart(2, "0")}-${String(b.d).padStart(2, "0")}`;
  return inLocale(
    locale,
    texts(
      `身份证号中的出生日期 ${date} 早于1900年，作为在册人员的出生日期不合常理，请核对第7–14位`,
      `The birth date in the ID number, ${date}, is before 1900: implausible for a person on a roster; check digits 7-14`,
    ),
  );
}

const FORMAT_TEXTS: Readonly<Record<OtherFormat, Texts>> = {
  外国人永久居留证: texts(
    "外国人永久居留证号码应为15位：3位国籍字母代码加12位数字（2023年起签发的新版为以9开头的18位数字）",
    "A foreign permanent residence permit number has 15 characters: 3 letters and 12 digits (18 digits starting with 9 since 2023)",
  ),
  港澳居民来往内地通行证: texts(
    "港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（旧证为 H 或 M 加 10 位数字）",
    "A Hong Kong / Macao travel permit number is H or M and 8 digits (10 on older cards)",
  ),
  台湾居民来往大陆通行证: texts(
    "台湾居民来往大陆通行证号码应为 8 位数字（旧证为 10 位）",
    "A Taiwan travel permit number has 8 digits (10 on older ones)",
  ),
  护照: texts("护照号码应为 5–17 位字母和数字", "A passport number has 5-17 letters and digits"),
};

const MALFORMED = texts("证件号码格式错误", "Malformed document number");

const DOCUMENT_TEXTS: ProblemTexts<DocumentProblem> = {
  ...ID_TEXTS,
  "doc.format": (p) => FORMAT_TEXTS[p.format] ?? MALFORMED,
  "doc.region": (p) =>
    texts(
      `外国人永久居留证号码第4、5位 ${field(p.province)} 不是有效的省级行政区划代码`,
      `Characters 4-5 of the permanent residence permit number, ${field(p.province)}, are not a province code`,
    ),
  "doc.birthdate": (p) =>
    texts(
      `外国人永久居留证号码第8–13位（出生日期）${field(p.text)} 不是有效日期`,
      `Characters 8-13 of the permanent residence permit number (birth date), ${field(p.text)}, are not a real date`,
    ),
  "doc.checksum": (p) =>
    texts(
      `外国人永久居留证号码校验位错误：第15位应为 ${field(p.expected)}，实际为 ${field(p.actual)}`,
      `Wrong check digit of the permanent residence permit number: should be ${field(p.expected)}, not ${field(p.actual)}`,
    ),
  "doc.mismatch": (p) =>
    texts(
      `证件类型为“${field(p.declared)}”，但号码看起来是${field(p.looksLike)}号码`,
      `The document type is ${documentName(p.declared, "en-US")}, but the number looks like a ${documentName(p.looksLike, "en-US")} number`,
    ),
};

/** The message for a document problem: an identity-number problem, a format problem, or a mismatch. */
export const documentTexts = problemTexts<DocumentProblem>(DOCUMENT_TEXTS, texts("证件号码无效", "Invalid number"));
export const documentMessage = inLocaleOf(documentTexts);

/**
 * For a value that is not an identity number but looks like another document's number: what to
 * say in place of the identity-number problem. `strong` = the number is valid for that document
 * (see resembles); a weak likeness only adds a hint.
 */
export function lookalikeMessage(
  doc: IdDocument,
  strong: boolean,
  locale: Locale = "zh-CN",
  hasColumn = false,
): string {
  const short = documentShortName(doc);
  if (locale === "en-US") {
    const add = hasColumn ? "fill in the document type column" : "add a 证件类型 (document type) column";
    return strong
      ? `This looks like a ${documentName(doc, locale)} number, not a resident ID number; if it is one, ${add}`
      : `if this is a ${documentName(doc, locale)} number, ${add}`;
  }
  const add = hasColumn ? "请在“证件类型”列注明" : "请增加“证件类型”列注明";
  return strong ? `看起来是${doc}号码，不是居民身份证号；如确为${short}，${add}` : `如为${doc}号码，${add}`;
}
