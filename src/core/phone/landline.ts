/**
 * Mainland numbering: area codes are 010 and 020–029 (three digits) or 0[3-9]xx (four digits),
 * so the digit after the 0 fixes the length; subscriber numbers have 7 or 8 digits and never
 * start with 0 or 1 (those are trunk and service prefixes).
 */
const LANDLINE = /^(0(?:10|2\d)|0[3-9]\d{2})([2-9]\d{6,7})$/;
const MOBILE = /^1[3-9]\d{9}$/;

export interface Landline {
  area: string;
  subscriber: string;
}

export function matchLandline(digits: string): Landline | null {
  const m = LANDLINE.exec(digits);
  return m && m[1] && m[2] ? { area: m[1], subscriber: m[2] } : null;
}

export function isMobile(digits: string): boolean {
  return MOBILE.test(digits);
}

/**
 * A landline stored as a number has lost the 0 of its area code (7315551234); the message can
 * then say so instead of only "bad format".
 */
export function looksLikeLandlineWithoutZero(text: string): boolean {
  return /^[1-9]\d+$/.test(text) && matchLandline(`0${text}`) !== null;
}
