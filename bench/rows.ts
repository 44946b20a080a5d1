/**
 * Deterministic synthetic inputs for benchmarks (never real people): IDs with valid check
 * digits from real county codes, CCB-prefixed cards with Luhn digits, amounts, dates.
 */
import { checkDigit } from "../src/core/id";
import regions from "../src/core/data/regions.json";
import { luhnDigit, prng } from "../samples/random";

export { prng };

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

export function syntheticIds(count: number, seed = 1): string[] {
  const rand = prng(seed);
  const counties = Object.keys((regions as { codes: Record<string, unknown> }).codes).filter((c) => !c.endsWith("00"));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const county = counties[Math.floor(rand() * counties.length)] ?? "110105";
    const body = `${county}${2008 + Math.floor(rand() * 12)}${pad(1 + Math.floor(rand() * 12), 2)}${pad(1 + Math.floor(rand() * 28), 2)}${pad(Math.floor(rand() * 1000), 3)}`;
    // One in ten with a wrong check digit, one in twenty typed with full-width digits.
    const id = body + (i % 10 === 0 ? (checkDigit(body) === "1" ? "2" : "1") : checkDigit(body));
    out.push(i % 20 === 0 ? id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : id);
  }
  return out;
}

export function syntheticCards(count: number, seed = 2): string[] {
  const rand = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = `621700${pad(Math.floor(rand() * 1e6), 6)}${pad(Math.floor(rand() * 1e6), 6)}`;
    out.push(body + luhnDigit(body));
  }
  return out;
}

export function syntheticAmounts(count: number, seed = 3): number[] {
  const rand = prng(seed);
  return Array.from({ length: count }, () => Math.round(rand() * 1_000_000) / 100);
}
