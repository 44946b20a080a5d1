/**
 * Addresses in free text: an administrative chain down to a household-level place, e.g.
 * 湖南省湘乡市某某镇某某村3组 or 某某县城关镇解放路12号. A school or office name (某某县第一中学,
 * 某某镇中心小学, 某某村小学), a single place (湘乡市) or a region without a household-level part
 * (湖南省湘乡市) is not one: at least two levels, one of them household-level (村, 社区, a numbered
 * 组/号/栋/幢/单元/室/楼), each with a name or number in front of it.
 */

/** Level markers, longest first where one contains another (社区 before 区). */
const MARKER = /自治区|自治州|自治县|地区|街道|社区|单元|大道|[省市州盟县区旗乡镇路街巷弄村组号栋幢室楼]/g;

const NAMED_FINE = new Set(["村", "社区"]);
const NUMBERED_FINE = new Set(["组", "号", "栋", "幢", "单元", "室", "楼"]);

/** Chinese numerals that number a 组 or a 栋: 三组, 十一栋. */
const CN_NUMERAL = "一二三四五六七八九十百千零〇两";
/** 农村, 乡村, 全村, 本社区 …: words, not a named village. */
const NOT_A_VILLAGE_NAME = "农乡全各本该同邻进驻到在山渔整外城小每";
/** 村小学, 村委会, 村部, 村民, 村级, 村医, 社区居委会, 社区卫生服务中心 …: an institution or a word, not the place. */
const NOT_AFTER_VILLAGE = "小中学幼委部民级干医卫办内里居服";
/** 县级, 市委, 镇政府, 区域 …: a word, not a level of an address. */
const NOT_AFTER_LEVEL = "级委长政府内外域";
/** 第3号 (a document), 5月3号 (a date): a number, but not a house. */
const NOT_BEFORE_NUMBER = "第月年期届";
/** Marks that end one address (a list, a sentence, brackets); "-" and spaces stay inside one. */
const BREAK = /[,.;!?、。:()[\]{}"'<>|/\\\n\r\t]/;
/** Longest gap between two levels of one address. */
const MAX_GAP = 16;

function isHan(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff;
}

function isNumberChar(ch: string): boolean {
  return (ch >= "0" && ch <= "9") || (ch >= "A" && ch <= "Z") || (ch >= "a" && ch <= "z") || CN_NUMERAL.includes(ch);
}

type Level = "none" | "level" | "fine";

/** What the marker at `at` (of length `len`) is worth in an address. */
function classify(text: string, marker: string, at: number, len: number): Level {
  const before = text.charAt(at - 1);
  const after = text.charAt(at + len);
  if (before === "") return "none";
  if (NUMBERED_FINE.has(marker)) {
    if (!isNumberChar(before)) return "none";
    let i = at - 1;
    while (i > 0 && (isNumberChar(text.charAt(i - 1)) || text.charAt(i - 1) === "-")) i--;
    return NOT_BEFORE_NUMBER.includes(text.charAt(i - 1)) ? "none" : "fine";
  }
  if (!isHan(before)) return "none";
  if (NAMED_FINE.has(marker)) {
    if (NOT_A_VILLAGE_NAME.includes(before) || (after !== "" && NOT_AFTER_VILLAGE.includes(after))) return "none";
    return "fine";
  }
  if (after !== "" && NOT_AFTER_LEVEL.includes(after)) return "none";
  return "level";
}

export interface AddressSpan {
  start: number;
  end: number;
}

/**
 * The first address in `text` (already half-width), or null. `start` is where its segment begins
 * (after the previous break), `end` is the end of its last level.
 */
export function findAddress(text: string): AddressSpan | null {
  let chainStart = -1;
  let lastEnd = -1;
  let levels = 0;
  let fine = false;
  let found: AddressSpan | null = null;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text)) {
    const marker = m[0];
    const at = m.index;
    const level = classify(text, marker, at, marker.length);
    if (level === "none") continue;
    const joined = lastEnd >= 0 && at - lastEnd <= MAX_GAP && !BREAK.test(text.slice(lastEnd, at));
    if (!joined) {
      if (found) break;
      chainStart = at;
      levels = 0;
      fine = false;
    }
    levels++;
    fine ||= level === "fine";
    lastEnd = at + marker.length;
    if (levels >= 2 && fine) found = { start: segmentStart(text, chainStart), end: lastEnd };
  }
  return found;
}

/** Start of the segment holding position `at`: after the last break, at most 12 characters back. */
function segmentStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 12 && !BREAK.test(text.charAt(i - 1))) i--;
  while (i < at && /\s/.test(text.charAt(i))) i++;
  return i;
}

const COARSE_MARKER = /自治区|自治州|自治县|地区|[省市州盟县区旗]/g;

/** Astral characters (rare CJK extensions) need code-point counting; everything else is one unit each. */
const ASTRAL = /[\uD800-\uDFFF]/;

/**
 * An address with everything below the county-level part hidden: 湖南省湘乡市********. Without
 * such a part in its first half, only its first two characters (at most a quarter) are kept.
 * Length is kept, counted in characters.
 */
export function maskAddress(address: string): string {
  const text = address.trim();
  const chars = ASTRAL.test(text) ? Array.from(text) : null;
  const length = chars ? chars.length : text.length;
  const position = (units: number): number => (chars ? Array.from(text.slice(0, units)).length : units);
  let keep = 0;
  COARSE_MARKER.lastIndex = 0;
  for (let m = COARSE_MARKER.exec(text); m !== null; m = COARSE_MARKER.exec(text)) {
    const end = position(m.index + m[0].length);
    if (end > 12 || end * 2 > length) break;
    keep = end;
  }
  if (keep === 0) keep = Math.min(2, Math.floor(length / 4));
  const head = chars ? chars.slice(0, keep).join("") : text.slice(0, keep);
  return head + "*".repeat(Math.max(length - keep, 1));
}
