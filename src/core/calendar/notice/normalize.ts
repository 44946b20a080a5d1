/**
 * A holiday notice as people really paste it, made plain: full-width forms folded (NFKC: （）→(),
 * ，→, ：→: １→1), traditional characters of these notices turned simplified, and the debris web
 * copies carry removed — pinyin annotations (放(fàng)假), forum "jammer" strings (Discuz inserts
 * random ASCII such as `8 ^/ c+ K$ M` into every line so copies can be traced), HTML tags, list
 * bullets and all white space. Only what is certainly not part of the notice is removed; digits
 * glued to junk are kept (and counted) so the checks in parse.ts decide whether the date holds.
 */
import { toHalfWidth } from "../../text/normalize";

/**
 * Traditional → simplified for the characters that occur in the State Council notices and their
 * copies (titles, festival names, the words of the festival lines). Not a general converter.
 */
const TRADITIONAL: Readonly<Record<string, string>> = {
  節: "节",
  補: "补",
  調: "调",
  週: "周",
  與: "与",
  連: "连",
  國: "国",
  慶: "庆",
  勞: "劳",
  動: "动",
  陽: "阳",
  曆: "历",
  農: "农",
  臘: "腊",
  務: "务",
  辦: "办",
  廳: "厅",
  關: "关",
  於: "于",
  號: "号",
  發: "发",
  電: "电",
  區: "区",
  轄: "辖",
  屬: "属",
  機: "机",
  構: "构",
  現: "现",
  將: "将",
  經: "经",
  準: "准",
  體: "体",
  為: "为",
  個: "个",
  兩: "两",
  長: "长",
  紀: "纪",
  戰: "战",
  爭: "争",
  勝: "胜",
  際: "际",
  時: "时",
  間: "间",
  當: "当",
  閏: "闰",
  禮: "礼",
  勵: "励",
  單: "单",
  帶: "带",
  職: "职",
  結: "结",
  實: "实",
  併: "并",
  則: "则",
  後: "后",
  規: "规",
  報: "报",
  處: "处",
  過: "过",
  歲: "岁",
  陰: "阴",
  舊: "旧",
  傳: "传",
  統: "统",
  華: "华",
  衛: "卫",
  門: "门",
  產: "产",
  營: "营",
  運: "运",
  輸: "输",
  遊: "游",
  決: "决",
  會: "会",
  員: "员",
  這: "这",
  樣: "样",
  對: "对",
  業: "业",
  學: "学",
  開: "开",
  無: "无",
  點: "点",
  復: "复",
  說: "说",
  啟: "启",
  臺: "台",
};

/** Characters with a mapping (single characters only: the map is applied character by character). */
const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL).join("")}]`, "g");

/** A pinyin annotation after a character, as spam sites add them: 放(fàng)假, 節(jié). */
const PINYIN = /\((?:[a-zA-Z\u00e0-\u00fc\u0101-\u01dc\u01f9\u0144\u0148\u1e3f]){1,8}\d?\)/g;

/** HTML tags and the entities a copied page may keep. */
const TAG = /<\/?[a-zA-Z][^<>\u0080-\uffff]{0,300}>/g;
const ENTITY = /&(?:nbsp|ensp|emsp|amp|lt|gt|quot|#\d+);/g;

/** A run of printable ASCII (and spaces): where jammer strings live. */
const ASCII_RUN = /[\x20-\x7e]+/g;
/** What makes an ASCII run junk: letters or symbols no notice uses (after NFKC). */
const JUNK_CHAR = /[A-Za-z!#$%&'*+/<=>?@[\\\]^_`{|}]/;
/** Trailing digits of a junk run that belong to the date right after it (…M1月1日, …Z2012年). */
const GLUED_DIGITS = /[^\d\s](\d{1,4})$/;

/** Bullets and list numbers a copy puts before a line: ——元旦, • 元旦, 2、 一、元旦, 1.元旦 */
const LEADING_MARK = /^(?:[-—–·•*#>|]+|\d{1,2}[、.](?!\d))+/;

export interface CleanLine {
  /** 1-based line number in the pasted text. */
  readonly lineNo: number;
  /** The line as pasted (trimmed). */
  readonly original: string;
  /** Half-width, simplified, junk and white space removed. */
  readonly text: string;
}

export interface Repairs {
  /** Traditional characters turned simplified. */
  traditional: number;
  /** Junk runs (jammer strings, tags) removed. */
  junk: number;
  /** Pinyin annotations removed. */
  pinyin: number;
}

function stripJunk(line: string, repairs: Repairs): string {
  return line.replace(ASCII_RUN, (run, offset: number, whole: string) => {
    if (/^\s*"\s*$/.test(run)) return '"';
    if (!JUNK_CHAR.test(run)) return run;
    repairs.junk++;
    const next = whole.charAt(offset + run.length);
    // Punctuation right after the text is the text's own (元旦： + a jammer after it).
    const lead = offset > 0 ? (/^[:,.;)]+/.exec(run)?.[0] ?? "") : "";
    const glued = GLUED_DIGITS.exec(run);
    // A jammer is glued straight onto the text it follows: keep digits that start a date.
    if (glued?.[1] && (next === "年" || next === "月" || next === "日")) return lead + glued[1];
    return lead;
  });
}

export function cleanLine(raw: string, repairs: Repairs): string {
  let line = toHalfWidth(raw).replace(/\u3000/g, " ");
  line = line.replace(TRADITIONAL_CHARS, (c) => {
    repairs.traditional++;
    return TRADITIONAL[c] ?? c;
  });
  line = line.replace(PINYIN, () => {
    repairs.pinyin++;
    return "";
  });
  line = line.replace(TAG, () => {
    repairs.junk++;
    return "";
  });
  line = line.replace(ENTITY, " ");
  line = stripJunk(line, repairs);
  // Chinese text has no meaningful spaces; copies put them anywhere ("2022 年 1 月 1 日").
  line = line.replace(/\s+/g, "");
  // Quotes as a copy may have them: "五一" → “五一”.
  line = line.replace(/"([^"]{1,12})"/g, "“$1”");
  // A line without one Chinese character (a jammer line of digits, "00") is no part of a notice.
  if (!/[\u4e00-\u9fff]/.test(line)) return "";
  return line.replace(LEADING_MARK, "");
}

/** Every line of a pasted notice, cleaned. */
export function cleanLines(text: string): { lines: CleanLine[]; repairs: Repairs } {
  const repairs: Repairs = { traditional: 0, junk: 0, pinyin: 0 };
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/).map((raw, i) => ({
    lineNo: i + 1,
    original: raw.trim(),
    text: cleanLine(raw, repairs),
  }));
  return { lines, repairs };
}
