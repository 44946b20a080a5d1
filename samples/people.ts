/**
 * Synthetic people for sample rosters and tests — never real ones. IDs are built with the check
 * digit algorithm from real county codes; cards carry a computed Luhn digit on a 建设银行 BIN;
 * names are common characters combined at random (seeded, so every run gives the same people).
 */
import { checkDigit } from "../src/core/id";
import { luhnDigit, prng } from "./random";

export const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
  "何",
  "罗",
  "高",
  "林",
  "欧阳",
  "谭",
  "彭",
  "曾",
];
const GIVEN = [
  "子涵",
  "欣怡",
  "梓轩",
  "雨桐",
  "浩然",
  "诗涵",
  "宇航",
  "佳怡",
  "俊杰",
  "思彤",
  "一诺",
  "明轩",
  "雅琪",
  "志强",
  "秀英",
  "建国",
  "丽华",
  "文博",
  "晓东",
  "春梅",
  "海燕",
  "国庆",
  "晨曦",
  "若曦",
];
/** 湖南省湘潭市湘乡市, 湘潭县, 湖南省娄底市双峰县, 河南省新乡市辉县市, 原阳县. */
export const COUNTIES = ["430381", "430321", "431321", "410782", "410725"];

export interface Person {
  name: string;
  gender: "男" | "女";
  id: string;
  birth: { y: number; m: number; d: number };
}

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

export function makeId(county: string, y: number, m: number, d: number, seq: number): string {
  const body = `${county}${y}${pad(m, 2)}${pad(d, 2)}${pad(seq, 3)}`;
  return body + checkDigit(body);
}

export class People {
  private readonly rand: () => number;
  private seq = 0;
  constructor(seed: number) {
    this.rand = prng(seed);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)] as T;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }
  name(surname?: string): string {
    return (surname ?? this.pick(SURNAMES)) + this.pick(GIVEN);
  }
  /** A person born in the given year range, with a valid ID whose 17th digit matches the gender. */
  person(fromYear: number, toYear: number, surname?: string): Person {
    const y = this.int(fromYear, toYear);
    const m = this.int(1, 12);
    const d = this.int(1, 28);
    const gender = this.rand() < 0.5 ? "男" : "女";
    this.seq = (this.seq + 7) % 500;
    const seq = this.seq * 2 + (gender === "男" ? 1 : 0);
    return {
      name: this.name(surname),
      gender,
      id: makeId(this.pick(COUNTIES), y, m, d, seq % 1000),
      birth: { y, m, d },
    };
  }
  /** A Luhn-valid 19-digit 中国建设银行 debit card (BIN 621700). */
  ccbCard(): string {
    const body = `621700${pad(this.int(0, 999999), 6)}${pad(this.int(0, 999999), 6)}`;
    return body + luhnDigit(body);
  }
  /** A Luhn-valid 19-digit 中国工商银行 debit card (BIN 622202). */
  icbcCard(): string {
    const body = `622202${pad(this.int(0, 999999), 6)}${pad(this.int(0, 999999), 6)}`;
    return body + luhnDigit(body);
  }
  /** A mobile number in a range the samples use (synthetic; 138 0000 xxxx). */
  mobile(): string {
    return `1380000${pad(this.int(0, 9999), 4)}`;
  }
}
