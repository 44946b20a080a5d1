import { readCellText } from "../id/cell-text";
import { fail, ok, type Result } from "../result";
import { tidy, toHalfWidth } from "../text/normalize";
import { isMobile, looksLikeLandlineWithoutZero, matchLandline } from "./landline";
import type { PhoneInfo, PhoneProblem } from "./problems";

/** Separators people type between digit groups: space, hyphens and dashes, parentheses. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212()]+/;
/** An explicit extension at the end: 转123, 分机123, ext123, ext.123, #123. */
const EXTENSION = /^(.*?)(?:转|分机|ext\.?|#)\s*(\d{1,6})$/i;
/** Mainland country code: +86 or 0086 (a bare 86 only before a mobile number, below). */
const COUNTRY = /^(?:\+86|0086)/;

type Parsed = { ok: true; info: PhoneInfo } | { ok: false };
const NO: Parsed = { ok: false };

function mobile(digits: string): Parsed {
  return { ok: true, info: { kind: "mobile", normalized: digits } };
}

function landline(digits: string, ext: string): Parsed {
  const m = matchLandline(digits);
  if (!m) return NO;
  const normalized = `${m.area}-${m.subscriber}${ext === "" ? "" : `-${ext}`}`;
  return { ok: true, info: { kind: "landline", normalized } };
}

function parseText(raw: string): Parsed {
  const text = toHalfWidth(raw).trim();
  const explicit = EXTENSION.exec(text);
  const main = explicit?.[1]?.trim() ?? text;
  const ext = explicit?.[2] ?? "";

  const groups = main.split(SEPARATORS).filter((g) => g !== "");
  // "+" only at the very start; everything else must be digits.
  if (groups.length === 0 || !groups.every((g, i) => /^\d+$/.test(g) || (i === 0 && /^\+\d+$/.test(g)))) return NO;
  const joined = groups.join("");
  const international = COUNTRY.test(joined);
  const national = joined.replace(COUNTRY, "");

  if (ext === "") {
    if (isMobile(national)) return mobile(national);
    // 8613812345678: a bare country code is only unambiguous before a mobile number.
    if (!international && /^86/.test(national) && isMobile(national.slice(2))) return mobile(national.slice(2));
  }
  // After +86 the area code drops its 0 (+86 731 5551234); "+86 (0)731…" keeps it.
  const trunk = international && !national.startsWith("0") ? `0${national}` : national;
  const whole = landline(trunk, ext);
  if (whole.ok || ext !== "" || groups.length < 2) return whole;

  // "0731-5551234-123": a last group after a complete number is its extension.
  const last = groups[groups.length - 1] ?? "";
  if (last.length > 6) return NO;
  const head = trunk.slice(0, trunk.length - last.length);
  return landline(head, last);
}

/**
 * A mainland mobile (1[3-9] + 9 digits) or landline number as typed in a cell: +86/0086/86
 * prefixes, spaces, dashes, parentheses, full-width digits and an extension are accepted.
 */
export function parsePhone(input: unknown): Result<PhoneInfo, PhoneProblem> {
  const cell = readCellText(input);
  if (cell.kind === "empty") return fail({ code: "phone.empty" });
  if (cell.kind === "lost") return fail({ code: "phone.format", text: cell.shown, lostZero: false });
  const parsed = parseText(cell.text);
  if (parsed.ok) return ok(parsed.info);
  const text = tidy(cell.text);
  return fail({ code: "phone.format", text, lostZero: looksLikeLandlineWithoutZero(text) });
}
