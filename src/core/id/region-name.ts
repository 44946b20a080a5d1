import type { IdInfo } from "./problems";
import { isKnownProvince, isResidencePermitProvince } from "./provinces";
import { timeline, type Named } from "./region-data";

export interface RegionInfo {
  province: string;
  city: string;
  county: string;
  /** Province + city + county without separators, placeholder city names left out. */
  full: string;
  /** False when a part is unknown or no name of the code was valid in the given year. */
  exact: boolean;
}

/** City-level entries that are groupings, not places: "北京市市辖区朝阳区" reads "北京市朝阳区". */
const PLACEHOLDER_CITIES: ReadonlySet<string> = new Set([
  "市辖区",
  "县",
  "省直辖县级行政区划",
  "自治区直辖县级行政区划",
  // The spellings regions.json actually uses:
  "省直辖县级行政单位",
  "自治区直辖县级行政单位",
  "省直辖行政单位",
]);

interface Picked {
  name: string;
  exact: boolean;
}

/**
 * The name a code had in `year`. Codes are re-used (120110 东郊区 until 1991, 东丽区 from 1992),
 * so the birth year picks the name; among overlapping entries the later one wins. A year outside
 * every entry falls back to the first name not yet retired (else the last one), marked inexact.
 */
function pickName(entries: readonly Named[], year: number): Picked | null {
  const valid = entries.filter(([, start, end]) => (start === 0 || start <= year) && (end === 0 || year <= end));
  const hit = valid[valid.length - 1];
  if (hit) return { name: hit[0], exact: true };
  const fallback = entries.find(([, , end]) => end === 0 || year <= end) ?? entries[entries.length - 1];
  return fallback ? { name: fallback[0], exact: false } : null;
}

/** Names of a 6-digit region code as valid in `year`; null when the province is unknown. */
export function regionName(regionCode: string, year: number): RegionInfo | null {
  if (typeof regionCode !== "string" || !/^\d{6}$/.test(regionCode)) return null;
  const prefix = regionCode.slice(0, 2);
  if (!isKnownProvince(prefix)) return null;
  // A non-number year (a bug upstream) must not reach `<=`, which would call its valueOf.
  const y = typeof year === "number" ? year : Number.NaN;
  const province = pickName(timeline(`${prefix}0000`), y);
  if (!province) return null;
  if (isResidencePermitProvince(prefix)) {
    return { province: province.name, city: "", county: "", full: province.name, exact: province.exact };
  }

  let exact = province.exact;
  let city = "";
  let county = "";
  if (!regionCode.endsWith("0000")) {
    const c = pickName(timeline(`${regionCode.slice(0, 4)}00`), y);
    city = c?.name ?? "";
    exact &&= c?.exact ?? false;
  }
  if (!regionCode.endsWith("00")) {
    const k = pickName(timeline(regionCode), y);
    county = k?.name ?? "";
    exact &&= k?.exact ?? false;
  }
  const full = province.name + (PLACEHOLDER_CITIES.has(city) ? "" : city) + county;
  return { province: province.name, city, county, full, exact };
}

/**
 * What ZIZHU.ID_REGION shows for a valid number: the place names of a 居民身份证 (as valid in the
 * birth year); for a residence permit the document and the region it is for (港澳居民居住证（香港特别行政区）);
 * for a 外国人永久居留身份证 the document and its accepting province (外国人永久居留身份证（江苏省受理）).
 * null when the data has no name for the code.
 */
export function idRegionText(info: Pick<IdInfo, "document" | "regionCode" | "birth">): string | null {
  if (typeof info !== "object" || info === null) return null;
  const region = regionName(info.regionCode, info.birth?.y);
  if (!region) return null;
  switch (info.document) {
    case "港澳台居民居住证":
      return `${info.regionCode.startsWith("83") ? "台湾居民居住证" : "港澳居民居住证"}（${region.province}）`;
    case "外国人永久居留身份证":
      return `外国人永久居留身份证（${region.province}受理）`;
    default:
      return region.full;
  }
}
