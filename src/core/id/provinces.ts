import { allRegionCodes } from "./region-data";

/**
 * Province-level codes (first two digits): those of GB/T 2260 (xx0000 in regions.json: 11–15,
 * 21–23, 31–37, 41–46, 50–54, 61–65) plus 81/82 (港澳居民居住证) and 83 (台湾居民居住证),
 * which the residence permits of 2018 put in the same field.
 */
const PROVINCES: ReadonlySet<string> = new Set([
  ...allRegionCodes()
    .filter((code) => /^\d{2}0000$/.test(code))
    .map((code) => code.slice(0, 2)),
  "81",
  "82",
  "83",
]);

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isKnownProvince(twoDigits: string): boolean {
  return (
    typeof twoDigits === "string" &&
    twoDigits.length === 2 &&
    isDigitCode(twoDigits.charCodeAt(0)) &&
    isDigitCode(twoDigits.charCodeAt(1)) &&
    PROVINCES.has(twoDigits)
  );
}

/** Hong Kong, Macao and Taiwan residence permits carry only a province-level code. */
export function isResidencePermitProvince(twoDigits: string): boolean {
  return twoDigits === "81" || twoDigits === "82" || twoDigits === "83";
}
