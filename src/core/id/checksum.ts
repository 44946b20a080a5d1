/**
 * ISO 7064 MOD 11-2 as GB 11643-1999 uses it: weight of position i (1-based from the left, of
 * 18) is 2^(18-i) mod 11; the check character makes the weighted sum ≡ 1 (mod 11); 10 is "X".
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/** The check character for 17 ASCII digits; "" when the input is not 17 digits. */
export function checkDigit(first17: string): string {
  if (typeof first17 !== "string" || !/^\d{17}$/.test(first17)) return "";
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** True for 17 digits followed by their correct check character (upper-case X). */
export function hasValidCheckDigit(id18: string): boolean {
  return /^\d{17}[\dX]$/.test(id18) && checkDigit(id18.slice(0, 17)) === id18.charAt(17);
}
