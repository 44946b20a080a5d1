/**
 * 人民币大写 per 中国人民银行《支付结算办法》（银发〔1997〕393号）附件一《正确填写票据和结算凭证的
 * 基本规定》 and 财政部《会计基础工作规范》第五十二条. The 附件一 examples are marked 附件一.
 */
import fc from "fast-check";
import { moneyMessage, parseAmount, rmbUppercase, type MoneyProblem } from "../../../src/core/money";

function upper(input: unknown, jiaoZheng?: boolean): string {
  const r = rmbUppercase(input, jiaoZheng === undefined ? undefined : { jiaoZheng });
  return r.ok ? r.value : `!${r.problem.code}`;
}

describe("rmbUppercase", () => {
  test.each([
    // 附件一 (一) 数字中间有"0"时写"零"
    [1409.5, "壹仟肆佰零玖元伍角"],
    // 附件一 (二) 中间连续几个"0"，只写一个"零"
    [6007.14, "陆仟零柒元壹角肆分"],
    // 附件一 (三) 万位或元位是"0"，但千位、角位不是"0"（the first of the two forms it allows）
    [1680.32, "壹仟陆佰捌拾元零叁角贰分"],
    [107000.53, "壹拾万柒仟元零伍角叁分"],
    // 附件一 (四) 角位是"0"而分位不是"0"，"元"后写"零"
    [16409.02, "壹万陆仟肆佰零玖元零贰分"],
    [325.04, "叁佰贰拾伍元零肆分"],
    // 到"元"为止写"整"；到"角"为止可不写"整"；"分"后不写"整"
    [1004.5, "壹仟零肆元伍角"],
    [1004, "壹仟零肆元整"],
    [1004.55, "壹仟零肆元伍角伍分"],
    // 壹 before 拾
    [10, "壹拾元整"],
    [15, "壹拾伍元整"],
    [110, "壹佰壹拾元整"],
    [100000, "壹拾万元整"],
    // one 零 per run of zeros, including across 万/亿 groups
    [100000001, "壹亿零壹元整"],
    [1000100, "壹佰万零壹佰元整"],
    [100010000, "壹亿零壹万元整"],
    [100001000, "壹亿零壹仟元整"],
    [10010, "壹万零壹拾元整"],
    [1010, "壹仟零壹拾元整"],
    [20000000, "贰仟万元整"],
    [100000000, "壹亿元整"],
    [1234567890, "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元整"],
    // 元位 0 before 角/分
    [10.5, "壹拾元零伍角"],
    [100.05, "壹佰元零伍分"],
    [1000.01, "壹仟元零壹分"],
    // below one yuan
    [0.5, "伍角"],
    [0.05, "伍分"],
    [0.35, "叁角伍分"],
    [0.01, "壹分"],
    [0, "零元整"],
    [-0, "零元整"],
    // rounding half up on the decimal value, not on the float
    [1.235, "壹元贰角肆分"],
    [1.005, "壹元零壹分"],
    [0.125, "壹角叁分"],
    [2.675, "贰元陆角捌分"],
    [0.004, "零元整"],
    [0.005, "壹分"],
    [1e-7, "零元整"],
    // negative
    [-1004.5, "负壹仟零肆元伍角"],
    [-0.004, "零元整"],
    // big numbers: groups 万, 亿, 万亿
    [1e12, "壹万亿元整"],
    [1e15, "壹仟万亿元整"],
    ["1000000010000", "壹万亿零壹万元整"],
    ["1000100000000", "壹万零壹亿元整"],
    ["1200000000000", "壹万贰仟亿元整"],
    ["9999999999999999.99", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"],
    ["9999999999999999.994", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"],
    // text forms
    ["1,004.50", "壹仟零肆元伍角"],
    ["￥1,004.50", "壹仟零肆元伍角"],
    ["¥ 1004.5元", "壹仟零肆元伍角"],
    ["1004.50 元", "壹仟零肆元伍角"],
    ["１，００４．５０", "壹仟零肆元伍角"],
    ["负1004.5", "负壹仟零肆元伍角"],
    ["-￥1,004.50", "负壹仟零肆元伍角"],
    ["￥-1,004.50", "负壹仟零肆元伍角"],
    ["人民币100元整", "壹佰元整"],
    ["1.5e3", "壹仟伍佰元整"],
    [".5", "伍角"],
  ] as [unknown, string][])("%p → %s", (input, text) => {
    expect(upper(input)).toBe(text);
  });

  test.each([
    [1004.5, "壹仟零肆元伍角整"],
    [0.5, "伍角整"],
    [1409.5, "壹仟肆佰零玖元伍角整"],
    [1004, "壹仟零肆元整"],
    [1004.55, "壹仟零肆元伍角伍分"],
    [0.05, "伍分"],
  ])("jiaoZheng (会计基础工作规范): %p → %s", (input, text) => {
    expect(upper(input, true)).toBe(text);
    expect(upper(input, false)).toBe(text.replace(/角整$/, "角"));
  });

  test.each([
    [null, "money.empty"],
    [undefined, "money.empty"],
    ["", "money.empty"],
    ["  ", "money.empty"],
    ["abc", "money.not-a-number"],
    ["1.2.3", "money.not-a-number"],
    ["1,00.5", "money.not-a-number"],
    ["--5", "money.not-a-number"],
    ["元", "money.not-a-number"],
    [".", "money.not-a-number"],
    [true, "money.not-a-number"],
    [{}, "money.not-a-number"],
    [[1], "money.not-a-number"],
    [Number.NaN, "money.not-a-number"],
    [Number.POSITIVE_INFINITY, "money.too-large"],
    [1e16, "money.too-large"],
    [1.5e21, "money.too-large"],
    ["10000000000000000", "money.too-large"],
    ["9999999999999999.995", "money.too-large"],
    ["1e999999999", "money.too-large"],
  ] as [unknown, string][])("%p → %s", (input, code) => {
    expect(upper(input)).toBe(`!${code}`);
  });
});

describe("parseAmount", () => {
  test.each([
    [1.235, false, 124n],
    [1004.5, false, 100450n],
    ["1,004.50", false, 100450n],
    [-12.345, true, 1235n],
    [1e-7, false, 0n],
    ["1e-2", false, 1n],
    [1.5e15, false, 150000000000000000n],
    ["0.0000001e7", false, 100n],
    ["-0", false, 0n],
    [12n, false, 1200n],
  ] as [unknown, boolean, bigint][])("%p → negative %s, %i fen", (input, negative, fen) => {
    expect(parseAmount(input)).toEqual({ ok: true, value: { negative, fen } });
  });

  test("the problem carries the text", () => {
    expect(parseAmount(" 1.2.3 ")).toEqual({ ok: false, problem: { code: "money.not-a-number", text: "1.2.3" } });
    expect(parseAmount(1.5e21)).toEqual({ ok: false, problem: { code: "money.too-large", text: "1.5e+21" } });
  });
});

describe("moneyMessage", () => {
  test.each([
    [{ code: "money.empty" }, "金额为空", "The amount is empty"],
    [
      { code: "money.not-a-number", text: "abc" },
      "“abc”不是有效的金额（可写作 1004.50、1,004.50 或 ￥1,004.50）",
      '"abc" is not a valid amount (write it as 1004.50, 1,004.50 or ￥1,004.50)',
    ],
    [
      { code: "money.too-large", text: "1e20" },
      "金额“1e20”过大：整数部分最多 16 位（不超过 9999万亿元）",
      'The amount "1e20" is too large: at most 16 digits before the decimal point',
    ],
  ] as [MoneyProblem, string, string][])("%o", (problem, zh, en) => {
    expect(moneyMessage(problem)).toBe(zh);
    expect(moneyMessage(problem, "en-US")).toBe(en);
  });
});

/** A hand-written reader of 大写 text back to 分, independent of the writer. */
function readUppercase(text: string): bigint {
  const DIGIT = "零壹贰叁肆伍陆柒捌玖";
  let s = text;
  let sign = 1n;
  if (s.startsWith("负")) {
    sign = -1n;
    s = s.slice(1);
  }
  s = s.replace(/整$/, "");
  let fen = 0n;
  const cents = /(.)分$/.exec(s);
  if (cents) {
    fen += BigInt(DIGIT.indexOf(cents[1] ?? ""));
    s = s.slice(0, -2);
  }
  const jiao = /(.)角$/.exec(s);
  if (jiao) {
    fen += 10n * BigInt(DIGIT.indexOf(jiao[1] ?? ""));
    s = s.slice(0, -2);
  }
  s = s.replace(/零$/, "").replace(/元$/, "");
  // Below 万: digits with 拾佰仟; 零 only separates.
  const small = (part: string): bigint => {
    let total = 0n;
    let pending = 0n;
    for (const ch of part) {
      const n = DIGIT.indexOf(ch);
      if (n >= 0) pending = BigInt(n);
      else {
        const unit = ch === "拾" ? 10n : ch === "佰" ? 100n : ch === "仟" ? 1000n : NaN;
        total += pending * BigInt(unit);
        pending = 0n;
      }
    }
    return total + pending;
  };
  const belowYi = (part: string): bigint => {
    const at = part.indexOf("万");
    return at < 0 ? small(part) : small(part.slice(0, at)) * 10000n + small(part.slice(at + 1));
  };
  const yi = s.lastIndexOf("亿");
  const yuan = yi < 0 ? belowYi(s) : belowYi(s.slice(0, yi)) * 100000000n + belowYi(s.slice(yi + 1));
  return sign * (yuan * 100n + fen);
}

describe("properties", () => {
  test("never throws, for anything", () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }),
        fc.anything(),
        (input, options) => {
          const r = rmbUppercase(input, options as { jiaoZheng?: boolean });
          if (!r.ok) return typeof moneyMessage(r.problem) === "string";
          return typeof r.value === "string";
        },
      ),
    );
  });

  test("never throws, for number-like text", () => {
    const numberish = fc.stringMatching(/^[-+负¥￥ ]{0,2}[0-9,.eE+-]{0,30}(元|元整)?$/);
    fc.assert(fc.property(numberish, (text) => typeof rmbUppercase(text).ok === "boolean"));
  });

  test("whole yuan 0..10^12: no 零零, no trailing 零元整, and the text reads back", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 100000 })), (n) => {
        const text = upper(n);
        expect(text).not.toContain("零零");
        if (n !== 0) expect(text.endsWith("零元整")).toBe(false);
        expect(text.endsWith("元整")).toBe(true);
        expect(readUppercase(text)).toBe(BigInt(n) * 100n);
      }),
      { numRuns: 2000 },
    );
  });

  test("amounts in 分 up to 9999万亿 read back", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), fc.boolean(), (fen, negative) => {
        const yuan = `${negative ? "-" : ""}${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;
        const text = upper(yuan);
        expect(text).not.toContain("零零");
        expect(readUppercase(text)).toBe(negative && fen > 0n ? -fen : fen);
      }),
      { numRuns: 2000 },
    );
  });

  test("a number is read as its shortest decimal: n and String(n) agree", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (n) => {
        expect(parseAmount(n)).toEqual(parseAmount(String(n)));
      }),
    );
  });
});
