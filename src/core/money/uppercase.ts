import { ok, type Result } from "../result";
import { parseAmount, type MoneyProblem } from "./parse";

/**
 * 人民币大写 per 《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》 and 《会计基础工作规范》
 * 第五十二条.
 */
const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const UNITS = ["", "拾", "佰", "仟"] as const;

function digit(n: bigint | number): string {
  return DIGITS.charAt(Number(n));
}

/** One four-digit group (1..9999) without leading or trailing 零; one 零 per inner run of zeros. */
function groupText(group: number): string {
  let out = "";
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(group / 10 ** pos) % 10;
    if (d === 0) {
      zero ||= out !== "";
    } else {
      if (zero) out += "零";
      zero = false;
      out += digit(d) + UNITS[pos];
    }
  }
  return out;
}

/**
 * Whole yuan (> 0) in groups of four: 万, 亿, 万亿. A run of zeros between groups gives one 零,
 * except zeros that only end a group before a full next group (107000 → 壹拾万柒仟, as in
 * 附件一's own example); 10 keeps its 壹 (壹拾).
 */
function integerText(yuan: bigint): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0n; rest /= 10000n) groups.push(Number(rest % 10000n));
  let out = "";
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) {
      pendingZero ||= out !== "";
      continue;
    }
    if (out !== "" && (pendingZero || group < 1000)) out += "零";
    pendingZero = false;
    // 万亿 only when the 亿 group is empty: 1|0001|0000|0000 is 壹万零壹亿, not 壹万亿零壹亿.
    const suffix = i === 1 ? "万" : i === 2 ? "亿" : i === 3 ? ((groups[2] ?? 0) === 0 ? "万亿" : "万") : "";
    out += groupText(group) + suffix;
  }
  return out;
}

/** Uppercase text of an absolute amount in 分. */
export function uppercaseFen(fen: bigint, jiaoZheng: boolean): string {
  const yuan = fen / 100n;
  const jiao = (fen / 10n) % 10n;
  const cents = fen % 10n;
  let out = "";
  if (yuan > 0n) {
    out = integerText(yuan) + "元";
    if (jiao === 0n && cents === 0n) return out + "整";
    // 元位 is 0 before 角 (1680.32 → …捌拾元零叁角…), or 角 is 0 before 分 (325.04 → …元零肆分).
    if (yuan % 10n === 0n || jiao === 0n) out += "零";
  } else if (jiao === 0n && cents === 0n) {
    return "零元整";
  }
  if (jiao !== 0n) out += digit(jiao) + "角";
  if (cents !== 0n) out += digit(cents) + "分";
  // 会计基础工作规范 writes 整 after 角 too; 支付结算办法 leaves it optional. Never after 分.
  else if (jiaoZheng) out += "整";
  return out;
}

/** 人民币大写 of a cell value, e.g. 1004.5 → 壹仟零肆元伍角; negative amounts start with 负. */
export function rmbUppercase(input: unknown, options?: { jiaoZheng?: boolean }): Result<string, MoneyProblem> {
  const amount = parseAmount(input);
  if (!amount.ok) return amount;
  const jiaoZheng = typeof options === "object" && options !== null && options.jiaoZheng === true;
  const text = uppercaseFen(amount.value.fen, jiaoZheng);
  return ok(amount.value.negative ? `负${text}` : text);
}
