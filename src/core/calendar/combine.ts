/**
 * A calendar of the shipped years plus imported ones (notices read by parseHolidayNotice, kept by
 * the hosts: workbook settings, the page's storage, the CLI's calendar folder). A year in both must
 * agree day by day with the data package; if it does not, the data package is used and the
 * conflict is reported. Two imports of one year that disagree: the first given is used.
 */
import { civilFromDays, formatIso, weekdayOfDays } from "../date/civil";
import type { Locale } from "../result";
import type { ImportedYear } from "./notice/types";
import {
  calendarFrom,
  isoDayNumber,
  schedule,
  shippedYears,
  type Calendar,
  type HolidayDay,
  type SpecialDay,
  type YearSource,
} from "./schedule";

export type DayKind = "off" | "work";

export interface CalendarConflict {
  readonly code: "calendar.conflict";
  readonly year: number;
  /** What the import disagrees with: the data package, or an import given before it. */
  readonly against: "shipped" | "imported";
  /** The titles of the import that is not used. */
  readonly titles: readonly string[];
  /** The titles of the import that is used (against "imported"). */
  readonly keptTitles: readonly string[];
  /** The days that differ (at most 10), with what is used and what the import said. */
  readonly days: readonly { readonly date: string; readonly kept: DayKind; readonly refused: DayKind }[];
  /** How many days differ in all. */
  readonly count: number;
}

export interface CombinedCalendar {
  readonly calendar: Calendar;
  readonly conflicts: readonly CalendarConflict[];
  /** Imported years the data package already has, and agrees with. */
  readonly redundant: readonly number[];
  /** The imports used, in the order given. */
  readonly used: readonly ImportedYear[];
}

function kindOf(day: number, specials: ReadonlyMap<number, SpecialDay>): DayKind {
  const special = specials.get(day);
  if (special) return special.off ? "off" : "work";
  const w = weekdayOfDays(day);
  return w === 0 || w === 6 ? "off" : "work";
}

function specialsOf(days: readonly HolidayDay[]): Map<number, SpecialDay> {
  const map = new Map<number, SpecialDay>();
  for (const d of days) {
    const n = isoDayNumber(d.date);
    if (n !== null) map.set(n, { off: d.isOffDay, name: d.name });
  }
  return map;
}

/** The days where two schedules differ, over every day either lists. */
function differences(
  kept: ReadonlyMap<number, SpecialDay>,
  other: ReadonlyMap<number, SpecialDay>,
  listed: Iterable<number>,
): { date: string; kept: DayKind; refused: DayKind }[] {
  const out: { date: string; kept: DayKind; refused: DayKind }[] = [];
  for (const day of [...new Set(listed)].sort((a, b) => a - b)) {
    const a = kindOf(day, kept);
    const b = kindOf(day, other);
    if (a !== b) out.push({ date: formatIso(civilFromDays(day)), kept: a, refused: b });
  }
  return out;
}

function conflict(
  year: number,
  against: CalendarConflict["against"],
  refused: ImportedYear,
  keptTitles: readonly string[],
  days: { date: string; kept: DayKind; refused: DayKind }[],
): CalendarConflict {
  return {
    code: "calendar.conflict",
    year,
    against,
    titles: refused.source.titles,
    keptTitles,
    days: days.slice(0, 10),
    count: days.length,
  };
}

/** The shipped calendar with imported years added (see the module comment for the rules). */
export function createCalendar(imported: readonly ImportedYear[]): CombinedCalendar {
  const shipped = schedule();
  const conflicts: CalendarConflict[] = [];
  const redundant: number[] = [];
  const used: ImportedYear[] = [];
  const byYear = new Map<number, ImportedYear>();
  for (const year of imported) {
    const specials = specialsOf(year.days);
    const listed = [...specials.keys()];
    if (shipped.published.has(year.year)) {
      const file = shippedYears().find((y) => y.year === year.year);
      for (const d of file?.days ?? []) {
        const n = isoDayNumber(d.date);
        if (n !== null) listed.push(n);
      }
      const diff = differences(shipped.days, specials, listed);
      if (diff.length > 0) conflicts.push(conflict(year.year, "shipped", year, [], diff));
      else redundant.push(year.year);
      continue;
    }
    const before = byYear.get(year.year);
    if (before) {
      const beforeSpecials = specialsOf(before.days);
      const diff = differences(beforeSpecials, specials, [...listed, ...beforeSpecials.keys()]);
      if (diff.length > 0) conflicts.push(conflict(year.year, "imported", year, before.source.titles, diff));
      continue;
    }
    // 元旦 may start in the December before, a shipped year: where the package lists that day too,
    // both must say the same.
    const boundary = listed.filter((n) => civilFromDays(n).y !== year.year && shipped.days.has(n));
    const diff = differences(shipped.days, specials, boundary);
    if (diff.length > 0) {
      conflicts.push(conflict(year.year, "shipped", year, [], diff));
      continue;
    }
    byYear.set(year.year, year);
    used.push(year);
  }
  const lists: { year: number; days: readonly HolidayDay[]; source: YearSource }[] = shippedYears()
    .filter((y) => y.published)
    .map((y) => ({ year: y.year, days: y.days, source: { kind: "shipped", papers: y.papers } }));
  for (const year of used) {
    lists.push({
      year: year.year,
      days: year.days,
      source: { kind: "imported", titles: year.source.titles, importedAt: year.source.importedAt ?? null },
    });
  }
  return { calendar: calendarFrom(lists), conflicts, redundant, used };
}

/** A shipped year in the imported form (the base a supplementary notice alone applies to). */
export function shippedAsImported(year: number): ImportedYear | null {
  const file = shippedYears().find((y) => y.year === year && y.published);
  if (!file) return null;
  const festivals = [...new Set(file.days.map((d) => d.name))];
  return { year, days: file.days, source: { titles: [...file.papers], yearFrom: "file", festivals } };
}

const KIND_ZH: Record<DayKind, string> = { off: "放假", work: "上班" };
const KIND_EN: Record<DayKind, string> = { off: "a day off", work: "a working day" };

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

export function conflictText(c: CalendarConflict, locale: Locale = "zh-CN"): string {
  const zh = locale === "zh-CN";
  const what = c.titles[0] ? (zh ? `（${c.titles[0]}）` : ` (${c.titles[0]})`) : "";
  const more = c.count > c.days.length ? (zh ? `等${c.count}天` : ` and ${c.count - c.days.length} more`) : "";
  if (zh) {
    const [kept, refused] = c.against === "shipped" ? ["内置数据为", "导入的为"] : ["先导入的为", "后导入的为"];
    const list = c.days.map((d) => `${chineseDate(d.date)}${kept}${KIND_ZH[d.kept]}、${refused}${KIND_ZH[d.refused]}`);
    return c.against === "shipped"
      ? `${c.year}年：导入的放假安排${what}与内置数据不一致（${list.join("；")}${more}），已按内置数据计算。请核对导入的是否为国务院办公厅通知的原文`
      : `${c.year}年有两份导入的放假安排且不一致（${list.join("；")}${more}），使用先导入的一份${c.keptTitles[0] ? `（${c.keptTitles[0]}）` : ""}。请删除有误的一份`;
  }
  const list = c.days.map((d) => `${d.date} is ${KIND_EN[d.kept]}, the import says ${KIND_EN[d.refused]}`);
  return c.against === "shipped"
    ? `${c.year}: the imported schedule${what} disagrees with the data package (${list.join("; ")}${more}); the data package is used`
    : `${c.year}: two imported schedules disagree (${list.join("; ")}${more}); the one given first is used`;
}
