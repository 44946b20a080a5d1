/**
 * What was read from a holiday notice, festival by festival, for the user to compare with the
 * notice before importing it: the CLI prints it (`zizhu calendar import`), the pane's 工具 tab
 * shows it as a table.
 */
import type { Locale } from "../result";
import type { ImportedYear } from "./notice/types";
import type { HolidayDay } from "./schedule";

function chineseDate(iso: string, withYear: boolean): string {
  const [y, m, d] = iso.split("-").map(Number);
  return withYear ? `${y}年${m}月${d}日` : `${m}月${d}日`;
}

/**
 * Consecutive days folded into ranges: 2月15日至2月23日、2月28日 (zh-CN; a day outside `year`, such
 * as 元旦's 12月31日 of the year before, with its year), or 2027-02-15 to 2027-02-23, 2027-02-28.
 */
export function daysText(days: readonly HolidayDay[], year: number, locale: Locale = "zh-CN"): string {
  const zh = locale === "zh-CN";
  const parts: string[] = [];
  let start: string | null = null;
  let prev: string | null = null;
  const next = (iso: string): string => {
    const t = new Date(`${iso}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + 1);
    return t.toISOString().slice(0, 10);
  };
  const flush = (): void => {
    if (start === null || prev === null) return;
    if (!zh) {
      parts.push(start === prev ? start : `${start} to ${prev}`);
      return;
    }
    const other = Number(start.slice(0, 4)) !== year || Number(prev.slice(0, 4)) !== year;
    parts.push(
      start === prev ? chineseDate(start, other) : `${chineseDate(start, other)}至${chineseDate(prev, other)}`,
    );
  };
  for (const d of days) {
    if (prev !== null && next(prev) === d.date) prev = d.date;
    else {
      flush();
      start = d.date;
      prev = d.date;
    }
  }
  flush();
  return parts.join(zh ? "、" : ", ");
}

/** One festival of a year: its days off and its make-up working days (调休上班), by date. */
export interface FestivalDays {
  readonly name: string;
  readonly off: readonly HolidayDay[];
  readonly work: readonly HolidayDay[];
}

/** The year's festivals in the notice's order. */
export function festivalsOf(y: ImportedYear): FestivalDays[] {
  return y.source.festivals.map((name) => {
    const days = y.days.filter((d) => d.name === name);
    return { name, off: days.filter((d) => d.isOffDay), work: days.filter((d) => !d.isOffDay) };
  });
}

/** What was read, festival by festival, one indented line each (the CLI's summary). */
export function describeYear(y: ImportedYear): string {
  const lines: string[] = [];
  for (const { name, off, work } of festivalsOf(y)) {
    let line = `  ${name}：${off.length > 0 ? `${daysText(off, y.year)}放假（${off.length}天）` : "无放假日"}`;
    if (work.length > 0) line += `；${daysText(work, y.year)}上班`;
    lines.push(line);
  }
  return lines.join("\n");
}

/** What the reader cleaned up in the pasted text (traditional characters, pinyin, web junk). */
export function repairNotes(y: ImportedYear, locale: Locale = "zh-CN"): string[] {
  const r = y.source.repairs;
  if (!r) return [];
  const zh = locale === "zh-CN";
  const notes: string[] = [];
  if (r.traditional > 0) notes.push(zh ? "繁体字已按简体读取" : "Traditional characters were read as simplified");
  if (r.pinyin > 0) notes.push(zh ? `已去掉拼音注音 ${r.pinyin} 处` : `${r.pinyin} pinyin annotations were removed`);
  if (r.junk > 0)
    notes.push(
      zh ? `已去掉网页复制带入的乱码 ${r.junk} 处` : `${r.junk} pieces of junk from the web page were removed`,
    );
  return notes;
}
