/**
 * Reads a State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知) as published and
 * as copied — simplified or traditional, full- or half-width, with forum or news debris around it —
 * into that year's days off and make-up working days (调休上班), in the holiday-cn shape.
 *
 * How the notices are written (2007 to today):
 * - one numbered line per festival: “二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）
 *   放假调休，共9天。2月14日（周六）、2月28日（周六）上班。”; the days of a range are all off (the
 *   weekend days inside included), 共N天 counts them; a day without a month takes the month of the
 *   day before it (至23日, 、31日); 元旦 may start in the December before (2022年12月31日至2023年1月2日);
 * - one-day holidays: “1月1日放假，与周末连休。”, “4月5日放假，4月6日（星期一）补休。”;
 * - 2007–2009 also say which weekend rest days move: “将2月2日（星期六）、2月3日（星期日）两个公休日调至
 *   2月11日（星期一）、2月12日（星期二）” — a moved weekend day outside the holiday is a working day;
 * - supplementary notices change one festival: 关于调整2019年劳动节假期安排 (the festival's days are
 *   replaced), 关于延长2020年春节假期 (延长…至2月2日: the holiday runs on to that day), and the 2015
 *   国务院 notice on the 抗战胜利70周年纪念日 (one more holiday).
 *
 * Nothing is guessed: a date that does not read as one (0月1日, 11日 without its month), a weekday note
 * that is not that date's weekday, a 上班 day that is not a Saturday or Sunday, 共N天 that is not
 * the days read, a date in two festivals or outside the year or its festival's season — each refuses
 * the notice with the line quoted.
 */
import { daysFromCivil } from "../../date/civil";
import { fail, ok, type Result } from "../../result";
import type { HolidayDay } from "../schedule";
import { iso, readBlock, type Rule } from "./festival-line";
import { cleanLines } from "./normalize";
import type { NoticeProblem, Where } from "./problem";
import { analyse, explode, splitSections } from "./sections";
import type { ImportedYear, NoticeSource } from "./types";

export interface ParseNoticeOptions {
  /** The year, when the copied text does not say it (or to confirm it). */
  readonly year?: number;
  /**
   * The year as already known (imported before, or from the data package): a supplementary
   * notice alone (调整…假期, 延长…假期) applies to it. Ignored when the text holds the year's notice.
   */
  readonly base?: ImportedYear;
}

interface Festival {
  name: string;
  where: Where;
  off: Set<number>;
  work: Set<number>;
  /** From a 部分节假日安排 notice in this text (not the base, not a supplement). */
  main: boolean;
}

function sameDays(a: Festival, b: Rule): boolean {
  const same = (x: ReadonlySet<number>, y: ReadonlySet<number>): boolean =>
    x.size === y.size && [...x].every((d) => y.has(d));
  return same(a.off, b.off) && same(a.work, b.work);
}

function festivalsOf(base: ImportedYear): Festival[] {
  const out: Festival[] = [];
  const where: Where = { lineNo: 0, line: `（已有的${base.year}年放假安排）` };
  for (const day of base.days) {
    const [y, m, d] = day.date.split("-").map(Number) as [number, number, number];
    const n = daysFromCivil(y, m, d);
    let f = out.find((x) => x.name === day.name);
    if (!f) {
      f = { name: day.name, where, off: new Set(), work: new Set(), main: false };
      out.push(f);
    }
    (day.isOffDay ? f.off : f.work).add(n);
  }
  return out;
}

function byLine(a: NoticeProblem, b: NoticeProblem): number {
  const line = (p: NoticeProblem): number => ("where" in p ? p.where.lineNo : 0);
  return line(a) - line(b);
}

/**
 * Reads a pasted notice (and any supplementary notice pasted with it) into the year's days.
 * `year`: the year when the text does not say it; `base`: the year as known, for a supplementary
 * notice pasted alone.
 */
export function parseHolidayNotice(
  text: string,
  options: ParseNoticeOptions = {},
): Result<ImportedYear, NoticeProblem[]> {
  if (text.trim() === "") return fail([{ code: "notice.empty" }]);
  const { lines, repairs } = cleanLines(text);
  const sections = splitSections(explode(lines))
    .map((s) => ({ section: s, info: analyse(s) }))
    .filter((s) => s.info.blocks.length > 0);
  if (sections.length === 0) return fail([{ code: "notice.no-festivals" }]);

  const problems: NoticeProblem[] = [];
  // The year: the user's, checked against the text's; else the title's; else the text's.
  const found = sections.flatMap((s) => s.info.years);
  const strongest = found.find((y) => y.from === "title") ?? found[0];
  const stated = new Set(sections.map((s) => (s.info.years.find((y) => y.from === "title") ?? s.info.years[0])?.year));
  stated.delete(undefined);
  if (stated.size > 1) return fail([{ code: "notice.years-differ", years: [...stated].map(Number).sort() }]);
  let year: number;
  let yearFrom: NoticeSource["yearFrom"];
  if (options.year !== undefined) {
    year = options.year;
    yearFrom = strongest ? strongest.from : "option";
    if (strongest && strongest.year !== year) {
      return fail([{ code: "notice.year-mismatch", found: strongest.year, given: year, where: strongest.where }]);
    }
  } else if (strongest) {
    year = strongest.year;
    yearFrom = strongest.from;
  } else return fail([{ code: "notice.no-year" }]);

  const hasMain = sections.some((s) => s.info.kind === "main");
  const base = !hasMain && options.base?.year === year ? options.base : undefined;
  if (!hasMain && !base) {
    // A supplementary notice alone changes one festival: without the year's schedule it would make
    // a year of that festival only, and every other holiday an ordinary day.
    const first = sections[0]?.info;
    const block = first?.blocks[0];
    const name = block?.name ?? first?.defaultName ?? "";
    if (block) return fail([{ code: "notice.no-base", where: block.where, name, year }]);
  }
  const festivals: Festival[] = base ? festivalsOf(base) : [];
  for (const { info } of sections) {
    for (const block of info.blocks) {
      const rule = readBlock(block, year, info.defaultName, problems);
      if (!rule) continue;
      const existing = festivals.find((f) => f.name === rule.name);
      if (rule.kind === "extend") {
        const f = existing ?? festivals.find((x) => x.name.includes(rule.name));
        if (!f || f.off.size === 0) {
          problems.push({ code: "notice.no-base", where: rule.where, name: rule.name, year });
          continue;
        }
        const lastOff = Math.max(...f.off);
        const until = rule.until as number;
        if (until <= lastOff) {
          problems.push({ code: "notice.bad-extension", where: rule.where, name: f.name, until: iso(until) });
          continue;
        }
        for (let d = lastOff + 1; d <= until; d++) {
          f.off.add(d);
          f.work.delete(d);
        }
        for (const d of rule.off) f.off.add(d);
        for (const d of rule.work) f.work.add(d);
        continue;
      }
      if (existing && info.kind === "main" && existing.main) {
        // The same line twice (a page that repeats the notice) is harmless; different days are not.
        if (!sameDays(existing, rule))
          problems.push({ code: "notice.duplicate-festival", where: rule.where, name: rule.name });
        continue;
      }
      const next: Festival = {
        name: rule.name,
        where: rule.where,
        off: new Set(rule.off),
        work: new Set(rule.work),
        main: info.kind === "main",
      };
      if (existing) festivals.splice(festivals.indexOf(existing), 1, next);
      else festivals.push(next);
    }
    for (const orphan of info.orphans) problems.push({ code: "notice.unclear", where: orphan, text: orphan.line });
  }

  const owner = new Map<number, Festival>();
  for (const f of festivals) {
    for (const d of [...f.off, ...f.work]) {
      const other = owner.get(d);
      if (other && other !== f) {
        problems.push({
          code: "notice.duplicate-date",
          where: f.where,
          name: f.name,
          date: iso(d),
          other: other.where,
          otherName: other.name,
        });
      } else owner.set(d, f);
    }
  }
  if (problems.length > 0) return fail(problems.sort(byLine));
  if (festivals.length === 0) return fail([{ code: "notice.no-festivals" }]);

  const days: HolidayDay[] = [];
  for (const f of festivals) {
    for (const d of f.off) days.push({ name: f.name, date: iso(d), isOffDay: true });
    for (const d of f.work) days.push({ name: f.name, date: iso(d), isOffDay: false });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const titles = sections.map((s) => s.section.title).filter((t): t is string => t !== null);
  return ok({
    year,
    days,
    source: { titles, yearFrom, festivals: festivals.map((f) => f.name), repairs },
  });
}
