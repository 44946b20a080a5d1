import { plainText } from "../id/cell-text";
import { parsePhone } from "../phone/parse";
import { starsBetween } from "./stars";

/** First 6 (region) and last 4 kept, length preserved: 110105********002X. */
export function maskId(id: string): string {
  return starsBetween(plainText(id), 6, 4);
}

/** Last 4 kept: ***************7890. */
export function maskCard(card: string): string {
  return starsBetween(plainText(card), 0, 4);
}

/**
 * A parsable number comes back normalized: mobile 138****5678, landline with its area code and
 * the last 4 of the subscriber number kept (0731-***1234; an extension is hidden). Other text
 * keeps its first 3 and last 4.
 */
export function maskPhone(phone: string): string {
  const parsed = parsePhone(phone);
  if (!parsed.ok) return starsBetween(plainText(phone), 3, 4);
  const { kind, normalized } = parsed.value;
  if (kind === "mobile") return starsBetween(normalized, 3, 4);
  const [area = "", subscriber = "", ext] = normalized.split("-");
  // A subscriber number has 7–8 digits, so keeping 4 still hides 3–4; starsBetween would keep fewer.
  const masked = `${area}-${"*".repeat(Math.max(0, subscriber.length - 4))}${subscriber.slice(-4)}`;
  return ext === undefined ? masked : `${masked}-${"*".repeat(ext.length)}`;
}
