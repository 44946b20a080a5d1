/** Amounts in 元, from numbers and from written amounts ("1,004.50", "6万元"). */
import { parseAmount } from "../../money";
import { compact } from "../../text/normalize";
import type { Unit } from "../header";

/** An amount that states its own unit: "6万", "6万元", "6万元整". */
const WAN_TEXT = /^(.+?)万元?整?$/;
const YUAN_TEXT = /元整?$/;

/**
 * An amount in 元 (a number rounded to 分), via parseAmount: "1,004.50", "¥1004.5元", full-width
 * digits. The header's unit applies (万元 × 10000) unless the cell states its own ("6万元", "500元").
 * Negative amounts are returned as such; rules decide about them.
 */
export function normalizeMoney(v: unknown, unit?: Unit): number | null {
  // The common case, a number of yuan with at most 2 decimals, needs no decimal parsing.
  if (
    typeof v === "number" &&
    unit !== "万元" &&
    Number.isFinite(v) &&
    v >= 0 &&
    v < 1e12 &&
    Number.isInteger(Math.round(v * 100)) &&
    Math.abs(Math.round(v * 100) - v * 100) < 1e-6
  ) {
    return Math.round(v * 100) / 100;
  }
  let scale = unit === "万元" ? 10000n : 1n;
  let input: unknown = v;
  if (typeof v === "string") {
    const s = compact(v);
    const wan = WAN_TEXT.exec(s);
    if (wan) {
      input = wan[1];
      scale = 10000n;
    } else {
      if (YUAN_TEXT.test(s)) scale = 1n;
      input = s;
    }
  } else if (typeof v !== "number" && typeof v !== "bigint") {
    return null;
  }
  const r = parseAmount(input);
  if (!r.ok) return null;
  if (scale !== 1n) {
    // 万元 → 元 before rounding to the fen: 4.996万 is 49960 元, not 5.00万 = 50000 元.
    const exact = Number(String(input).replace(/[^\d.]/g, ""));
    if (Number.isFinite(exact)) {
      const yuan = Math.round(exact * Number(scale) * 100) / 100;
      return r.value.negative ? -yuan : yuan;
    }
  }
  const yuan = Number(r.value.fen * scale) / 100;
  return r.value.negative ? -yuan : yuan;
}
