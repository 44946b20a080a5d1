/**
 * Synthetic people and roster layouts for the rule cases — never real ones. IDs are built with
 * the published check-digit rule from real county codes (samples/people.ts), cards carry a
 * computed Luhn digit on a real BIN, phones sit in the 138 0000 range the samples use.
 */
import type { CellValue } from "../../../../src/core/grid/types";
import { makeId } from "../../../../samples/people";
import { luhnDigit } from "../../../../samples/random";

/** A child's ID: odd `seq` for a boy, even for a girl (湘乡市 unless told). */
export const kid = (seq: number, y = 2016, county = "430381", m = 3, d = 12): string => makeId(county, y, m, d, seq);

/** An adult's ID (a guardian, a teacher). */
export const adult = (seq: number, y = 1982, county = "430321"): string => makeId(county, y, 6, 18, seq);

/** The ID with its check digit replaced by a wrong one. */
export const typo = (id: string): string => `${id.slice(0, 17)}${id.endsWith("1") ? "2" : "1"}`;

/** Full-width digits and letters (as an IME types them). */
export const fullWidth = (s: string): string =>
  s.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** A Luhn-valid 19-digit 中国建设银行 debit card (BIN 621700). */
export const ccb = (n: number): string => {
  const body = `621700${String(n).padStart(12, "0")}`;
  return body + luhnDigit(body);
};

/** A Luhn-valid 19-digit 中国工商银行 debit card (BIN 622202). */
export const icbc = (n: number): string => {
  const body = `622202${String(n).padStart(12, "0")}`;
  return body + luhnDigit(body);
};

/** The card with its Luhn digit off by one. */
export const badLuhn = (card: string): string => `${card.slice(0, -1)}${(Number(card.slice(-1)) + 1) % 10}`;

export const mobile = (n: number): string => `1380000${String(n).padStart(4, "0")}`;

export type Person = Readonly<Record<string, CellValue>>;

/** A sheet: an optional title row, the header, one row per person (序号 numbered), then the footer rows. */
export function sheet(
  header: readonly string[],
  people: readonly Person[],
  options: { title?: string | null; footer?: CellValue[][] } = {},
): CellValue[][] {
  const rows: CellValue[][] = [];
  const title = options.title === undefined ? YIBU_TITLE : options.title;
  if (title !== null) rows.push([title]);
  rows.push([...header]);
  people.forEach((p, i) => rows.push(header.map((h) => (h === "序号" ? i + 1 : (p[h] ?? null)))));
  rows.push(...(options.footer ?? []));
  return rows;
}

export const YIBU_TITLE = "某某县某某镇中心学校2026年秋季学期义务教育家庭经济困难学生生活补助花名册";

/**
 * The 一补 roster the student cases use: title in row 1, header in row 2, people from row 3.
 * A 序号 · B 姓名 · C 性别 · D 身份证号 · E 学籍号 · F 学段 · G 是否寄宿 · H 困难类型 · I 系统比对 ·
 * J 资助项目 · K 补助金额（元） · L 监护人姓名 · M 持卡人 · N 开户行 · O 银行卡号 · P 联系电话 · Q 备注
 */
export const YIBU = [
  "序号",
  "姓名",
  "性别",
  "身份证号",
  "学籍号",
  "学段",
  "是否寄宿",
  "困难类型",
  "系统比对",
  "资助项目",
  "补助金额（元）",
  "监护人姓名",
  "持卡人",
  "开户行",
  "银行卡号",
  "联系电话",
  "备注",
] as const;

/**
 * A clean 一补 row: a boarding girl in 小学 (10 years old on TODAY), paid to her guardian's 建行
 * card; her 学籍号 is G + the ID the row ends up with, unless the overrides give one.
 */
export function pupil(seq: number, overrides: Person = {}): Person {
  const id = typeof overrides["身份证号"] === "string" ? overrides["身份证号"] : kid(seq * 2);
  return {
    姓名: `王${NAMES[seq % NAMES.length]}`,
    性别: "女",
    身份证号: id,
    学籍号: `G${id}`,
    学段: "小学",
    是否寄宿: "是",
    困难类型: "低保",
    系统比对: "是",
    资助项目: "一补",
    "补助金额（元）": 500,
    监护人姓名: "王建国",
    持卡人: "王建国",
    开户行: "中国建设银行湘乡支行",
    银行卡号: ccb(100 + seq),
    联系电话: mobile(seq),
    备注: "",
    ...overrides,
  };
}

const NAMES = ["子涵", "欣怡", "雨桐", "诗涵", "佳怡", "思彤", "一诺", "雅琪", "若曦", "晨曦"];

/** A 一补 roster of these rows. */
export const yibu = (...people: Person[]): CellValue[][] => sheet(YIBU, people);
