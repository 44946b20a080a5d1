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
import { daysFromCivil, formatIso, civilFromDays, isValidCivil, weekdayOfDays } from "../../date/civil";
import { fail, ok, type Result } from "../../result";
import type { HolidayDay } from "../schedule";
import { cleanLines, type CleanLine } from "./normalize";
import type { NoticeProblem, Where } from "./problem";
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

const WEEKDAY_ZH = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;
const WEEKDAY_OF: Readonly<Record<string, number>> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** The months a festival's days (off and make-up) can fall in. */
const SEASONS: Readonly<Record<string, readonly number[]>> = {
  元旦: [12, 1],
  新年: [12, 1],
  春节: [1, 2, 3],
  清明节: [3, 4],
  清明: [3, 4],
  劳动节: [4, 5],
  国际劳动节: [4, 5],
  "“五一”": [4, 5],
  "“五一”国际劳动节": [4, 5],
  五一: [4, 5],
  端午节: [5, 6],
  端午: [5, 6],
  中秋节: [8, 9, 10],
  中秋: [8, 9, 10],
  国庆节: [9, 10],
  国庆: [9, 10],
  "“十一”": [9, 10],
  十一: [9, 10],
};

const NAME_ALTERNATIVES = Object.keys(SEASONS)
  .sort((a, b) => b.length - a.length)
  .join("|");
/** A known festival name (or several, 中秋节、国庆节) at the start of a line. */
const KNOWN_NAMES = new RegExp(`^((?:${NAME_ALTERNATIVES})(?:[、和](?:${NAME_ALTERNATIVES}))*)`);

const NUMBERED = /^(?:\(([一二三四五六七八九十]{1,3})\)|([一二三四五六七八九十]{1,3})[、.])/;
const TITLE = /(?:国务院(?:办公厅)?)?关于[^,。:;]{0,60}?(?:节假日|假期|放假)[^,。:;]{0,20}?的?通知/;
const TITLE_START = /关于[^,。:;]{0,40}$/;
const TITLE_END = /^[^,。:;]{0,40}?的?通知/;
const ADJUST = /调整(\d{4})年(.+?)(?:假期|放假)/;
const EXTEND = /延长(\d{4})年(.+?)(?:假期|放假)/;
const SPECIAL = /关于(.+?)(?:调休放假|放假安排|放假)的?通知/;
const KEYWORD = /放假|上班|调休|补休|公休|休息|调至|法定|共\d+天/;
const HAS_DATE = /\d+日/;
/** Where a notice's arrangements end: the closing paragraph, the signature. */
const END_MARK =
  /^(?:节假日期间|节日期间|通知要求|调休放假期间|国务院(?:办公厅)?$|\d{4}年\d{1,2}月\d{1,2}日$|二[〇○0零])/;

const DATE = /(?<!\d)(?:(\d+)年)?(?:(\d+)月)?(\d+)日(?:\uE000(\d+)\uE001)?/g;
const RANGE_SEP = /^(?:至|到|-|—|–|~|〜|——)$/;
const COUNT = /(共)?(\d+|[一二三四五六七八九十两]+)天/g;
const CHINESE_NUMBER: Readonly<Record<string, number>> = {
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** The longest holiday there has been is 10 days (2020 春节); a longer range is a misreading. */
const MAX_RANGE_DAYS = 31;

function chineseCount(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 1) return CHINESE_NUMBER[text] ?? NaN;
  // 十一 … 十九, 二十 …
  const [a = "", b = ""] = text.split("十");
  return (a === "" ? 1 : (CHINESE_NUMBER[a] ?? NaN)) * 10 + (b === "" ? 0 : (CHINESE_NUMBER[b] ?? NaN));
}

interface Heading {
  readonly numbered: boolean;
  readonly name: string | null;
  readonly body: string;
}

/** A festival line's head: 一、元旦：…, 三、清明节4月4日…, 元旦：… (a known name), 一、2019年5月1日… */
function heading(text: string): Heading | null {
  const m = NUMBERED.exec(text);
  const rest = m ? text.slice(m[0].length) : text;
  const colon = /^([^:]{1,40}?):(.*)$/.exec(rest);
  const candidate = colon?.[1];
  if (
    colon &&
    candidate &&
    !HAS_DATE.test(candidate) &&
    /[\u4e00-\u9fff]/.test(candidate) &&
    !/放假|上班|调休|补休|其中/.test(candidate) &&
    (m || KNOWN_NAMES.test(candidate))
  ) {
    return { numbered: m !== null, name: candidate, body: colon[2] ?? "" };
  }
  if (!m) return null;
  const known = KNOWN_NAMES.exec(rest);
  if (known?.[1] && /^(?:\d|$)/.test(rest.slice(known[1].length))) {
    return { numbered: true, name: known[1], body: rest.slice(known[1].length) };
  }
  return { numbered: true, name: null, body: rest };
}

function isContinuation(text: string): boolean {
  return HAS_DATE.test(text) && KEYWORD.test(text) && heading(text) === null && !TITLE.test(text);
}

interface Section {
  title: string | null;
  titleWhere: Where | null;
  lines: CleanLine[];
}

interface Block {
  name: string | null;
  where: Where;
  body: string;
}

type SectionKind = "main" | "adjust" | "extend" | "special";

interface SectionInfo {
  kind: SectionKind;
  defaultName: string | null;
  blocks: Block[];
  /** Lines with dates between the first festival and the end of the arrangements, in no festival. */
  orphans: Where[];
  /** Years the section states, strongest first. */
  years: { year: number; from: "title" | "text"; where: Where }[];
}

function whereOf(lines: readonly CleanLine[]): Where {
  return { lineNo: lines[0]?.lineNo ?? 0, line: lines.map((l) => l.text).join("") };
}

/**
 * Copies that lost their line breaks (a whole notice in one paragraph) are cut again: after the
 * title, and before each numbered festival (…共3天。二、春节：…).
 */
function explode(lines: readonly CleanLine[]): CleanLine[] {
  const out: CleanLine[] = [];
  for (const line of lines) {
    let text = line.text;
    const title = TITLE.exec(text);
    if (title && title.index + title[0].length < text.length) {
      const cut = title.index + title[0].length;
      out.push({ ...line, text: text.slice(0, cut) });
      text = text.slice(cut);
    }
    const parts = text.split(
      /(?<=[。;:])(?=[一二三四五六七八九十]{1,3}、)|(?<=。)(?=节假日期间|节日期间|通知要求|调休放假期间|国务院(?:办公厅)?(?:\d{4}年|二[〇○0零]))/,
    );
    for (const part of parts) out.push({ ...line, text: part });
  }
  return out;
}

function splitSections(lines: readonly CleanLine[]): Section[] {
  const sections: Section[] = [{ title: null, titleWhere: null, lines: [] }];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as CleanLine;
    let title: string | null = null;
    let consumed = 0;
    const direct = TITLE.exec(line.text);
    if (direct) title = direct[0];
    else if (TITLE_START.test(line.text)) {
      // A title broken over two lines: 国务院办公厅关于2012年 / 部分节假日安排的通知
      let j = i + 1;
      while (j < lines.length && lines[j]?.text === "") j++;
      const next = lines[j];
      if (next && TITLE_END.test(next.text)) {
        const joined = TITLE.exec(line.text + next.text);
        if (joined) {
          title = joined[0];
          consumed = j - i;
        }
      }
    }
    if (title !== null) {
      sections.push({ title, titleWhere: { lineNo: line.lineNo, line: title }, lines: [] });
      i += consumed;
      continue;
    }
    (sections[sections.length - 1] as Section).lines.push(line);
  }
  return sections;
}

function analyse(section: Section): SectionInfo {
  const title = section.title ?? "";
  const intro: CleanLine[] = [];
  const blocks: Block[] = [];
  const orphans: Where[] = [];
  let current: { name: string | null; lines: CleanLine[]; body: string } | null = null;
  let started = false;
  let ended = false;
  let expectBody = false;
  const close = (): void => {
    if (current) blocks.push({ name: current.name, where: whereOf(current.lines), body: current.body });
    current = null;
  };

  // The kind and the festival a supplementary notice is about: from the title, or for a copy
  // without one, from its first lines (现将调整2019年劳动节放假安排通知如下).
  const head =
    section.title ??
    section.lines
      .slice(0, 8)
      .map((l) => l.text)
      .join("\n");
  const adjust = ADJUST.exec(head);
  const extend = EXTEND.exec(head);
  const special = !/部分节假日/.test(title) && !adjust && !extend ? SPECIAL.exec(title) : null;
  let kind: SectionKind = adjust ? "adjust" : extend ? "extend" : special ? "special" : "main";
  let defaultName = adjust?.[2] ?? extend?.[2] ?? special?.[1] ?? null;

  for (const line of section.lines) {
    const text = line.text;
    if (text === "") continue;
    const h = heading(text);
    if (h) {
      close();
      expectBody = false;
      if (h.name !== null || HAS_DATE.test(h.body)) {
        current = { name: h.name, lines: [line], body: h.body };
        started = true;
        ended = false;
      } else intro.push(line);
      continue;
    }
    if (current && isContinuation(text)) {
      current.lines.push(line);
      current.body += text;
      continue;
    }
    close();
    if (kind !== "main" && !started) {
      // An unnumbered body: 特作如下调休：9月3日至5日调休放假，共3天。…
      const after = /如下[^:]{0,8}:(.*)$/.exec(text);
      if (after) {
        if (isContinuation(after[1] ?? "")) {
          current = { name: null, lines: [{ ...line, text: after[1] ?? "" }], body: after[1] ?? "" };
          started = true;
        } else expectBody = true;
        intro.push(line);
        continue;
      }
      if (expectBody && isContinuation(text)) {
        current = { name: null, lines: [line], body: text };
        started = true;
        expectBody = false;
        continue;
      }
    }
    if (END_MARK.test(text)) ended = true;
    else if (started && !ended && isContinuation(text)) orphans.push({ lineNo: line.lineNo, line: text });
    intro.push(line);
  }
  close();
  if (kind === "special" && blocks.some((b) => b.name !== null)) {
    // Named festival lines under a title that names none (关于年元旦春节放假安排通知, a repost
    // that cut the year): the year's notice, not a notice of one more holiday.
    kind = "main";
    defaultName = null;
  }

  const years: SectionInfo["years"] = [];
  const titleYear = /关于(?:调整|延长)?(\d{4})年/.exec(title);
  if (titleYear && section.titleWhere)
    years.push({ year: Number(titleYear[1]), from: "title", where: section.titleWhere });
  for (const line of intro) {
    const y =
      /现将(?:调整|延长)?(\d{4})年/.exec(line.text) ??
      /(?:调整|延长)(\d{4})年/.exec(line.text) ??
      /(\d{4})年,?(?:元旦|春节|部分节假日)/.exec(line.text) ??
      (kind === "special" ? /(\d{4})年\d{1,2}月\d{1,2}日/.exec(line.text) : null);
    if (y) years.push({ year: Number(y[1]), from: "text", where: { lineNo: line.lineNo, line: line.text } });
  }
  for (const block of blocks) {
    // 2022年1月1日至3日, 2018年12月30日至2019年1月1日: the year of a January date is the notice's.
    const y = /(\d{4})年1月\d{1,2}日/.exec(block.body);
    if (y) years.push({ year: Number(y[1]), from: "text", where: block.where });
  }
  return { kind, defaultName, blocks, orphans, years };
}

/** What one festival line says. */
interface Rule {
  readonly kind: "set" | "extend";
  readonly name: string;
  readonly where: Where;
  readonly off: ReadonlySet<number>;
  readonly work: ReadonlySet<number>;
  /** 延长…至 this day (kind extend). */
  readonly until: number | null;
}

function iso(day: number): string {
  return formatIso(civilFromDays(day));
}

function isWeekend(day: number): boolean {
  const w = weekdayOfDays(day);
  return w === 0 || w === 6;
}

function seasonOf(name: string): readonly number[] | null {
  const months = new Set<number>();
  for (const part of name.split(/[、和]/)) {
    const season = SEASONS[part];
    if (!season) return null;
    for (const m of season) months.add(m);
  }
  return [...months];
}

interface Token {
  readonly day: number;
  readonly text: string;
  readonly index: number;
  readonly end: number;
}

/** Reads one festival line into a rule, or says why it cannot. */
function readBlock(block: Block, year: number, defaultName: string | null, problems: NoticeProblem[]): Rule | null {
  const where = block.where;
  const before = problems.length;
  const notes: string[] = [];
  let body = block.body;
  for (;;) {
    const next = body.replace(/\(([^()]*)\)/g, (_m, inner: string) => {
      notes.push(inner);
      return `\uE000${notes.length - 1}\uE001`;
    });
    if (next === body) break;
    body = next;
  }
  const hasJanuary = /(?<!\d)1月/.test(body);
  let last: { y: number; m: number } | null = null;

  const off = new Set<number>();
  const work = new Set<number>();
  const movedFrom = new Set<number>();
  const unclear: { day: number; clause: string }[] = [];
  let declared: number | null = null;
  let declaredWithTotal = false;
  let until: number | null = null;
  let extendName: string | null = null;
  let pending: Token[] = [];
  let pendingClause = "";

  const resolve = (m: RegExpMatchArray): Token | null => {
    const [text, ys, ms, ds, noteIndex] = m;
    let y: number;
    let mo: number;
    if (ms === undefined) {
      if (ys !== undefined) {
        problems.push({ code: "notice.unreadable", where, text });
        return null;
      }
      if (!last) {
        problems.push({ code: "notice.no-month", where, text: text.replace(/\uE000\d+\uE001/, "") });
        return null;
      }
      ({ y, m: mo } = last);
    } else {
      mo = Number(ms);
      y = ys !== undefined ? Number(ys) : mo === 12 && hasJanuary ? year - 1 : year;
    }
    const d = Number(ds);
    const shown = text.replace(/\uE000\d+\uE001/, "");
    if ((ys !== undefined && ys.length !== 4) || !isValidCivil(y, mo, d)) {
      problems.push({ code: "notice.unreadable", where, text: shown });
      return null;
    }
    last = { y, m: mo };
    const day = daysFromCivil(y, mo, d);
    const note = noteIndex === undefined ? undefined : notes[Number(noteIndex)];
    const weekday = note === undefined ? null : /(?:星期|周|礼拜)([一二三四五六日天])/.exec(note);
    if (weekday?.[1] !== undefined && WEEKDAY_OF[weekday[1]] !== weekdayOfDays(day)) {
      problems.push({
        code: "notice.weekday",
        where,
        date: iso(day),
        written: weekday[0],
        actual: WEEKDAY_ZH[weekdayOfDays(day)] ?? "",
      });
    }
    if (!(y === year || (y === year - 1 && mo === 12 && hasJanuary))) {
      problems.push({ code: "notice.outside-year", where, date: iso(day), year });
    }
    return { day, text: shown, index: m.index ?? 0, end: (m.index ?? 0) + text.length };
  };

  /** The days a run of tokens names: X至Y is every day from X to Y. */
  const daysOf = (tokens: readonly Token[], clause: string): number[] => {
    const days: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      const next = tokens[i + 1];
      const between = next ? clause.slice(t.end, next.index) : "";
      if (next && RANGE_SEP.test(between)) {
        if (next.day < t.day || next.day - t.day >= MAX_RANGE_DAYS) {
          problems.push({ code: "notice.bad-range", where, from: iso(t.day), to: iso(next.day) });
        } else for (let d = t.day; d <= next.day; d++) days.push(d);
        i++;
      } else days.push(t.day);
    }
    return days;
  };

  for (const sentence of body.split(/[。;!?]/)) {
    for (const clause of sentence.split(",")) {
      const matches = [...clause.matchAll(DATE)];
      const tokens = matches.map(resolve).filter((t): t is Token => t !== null);
      if (tokens.length !== matches.length) continue;
      let rest = clause.replace(DATE, "").replace(/\uE000\d+\uE001/g, "");
      for (const y of rest.matchAll(/(?<!\d)(\d{4})年(?!\d)/g)) {
        if (Number(y[1]) !== year) problems.push({ code: "notice.outside-year", where, date: `${y[1]}-01-01`, year });
      }
      rest = rest.replace(/(?<!\d)(\d{4})年(?!\d)/g, "");
      for (const c of rest.matchAll(COUNT)) {
        const n = chineseCount(c[2] ?? "");
        if (Number.isFinite(n) && (declared === null || (c[1] !== undefined && !declaredWithTotal))) {
          declared = n;
          declaredWithTotal = c[1] !== undefined;
        }
      }
      rest = rest.replace(COUNT, "");
      const stray = /\d+/.exec(rest);
      if (stray) {
        problems.push({ code: "notice.unreadable", where, text: stray[0] });
        continue;
      }
      const plain = clause.replace(/\uE000\d+\uE001/g, "");
      const shift = clause.search(/调至|调到|移至/);
      if (tokens.length === 0) {
        // A clause without dates may finish the one before: 4月4日（清明节），为法定节假日
        if (pending.length > 0 && /放假|补休|调休|公休|休息|休假|假日/.test(plain)) {
          for (const d of daysOf(pending, pendingClause)) off.add(d);
          pending = [];
        }
        continue;
      }
      for (const p of pending) unclear.push({ day: p.day, clause: pendingClause });
      pending = [];
      if (shift >= 0) {
        // 将17日（星期六）、25日（星期日）两个公休日调至21日、22日: the weekend days move into the holiday.
        for (const d of daysOf(
          tokens.filter((t) => t.index < shift),
          clause,
        ))
          movedFrom.add(d);
        for (const d of daysOf(
          tokens.filter((t) => t.index > shift),
          clause,
        ))
          off.add(d);
      } else if (/(?:正常|照常|恢复)上班|起上班/.test(plain)) {
        // 2月3日（星期一）起正常上班: an ordinary working day; a weekend one is a make-up day.
        for (const d of daysOf(tokens, clause)) if (isWeekend(d)) work.add(d);
      } else if (/上班/.test(plain)) {
        for (const d of daysOf(tokens, clause)) work.add(d);
      } else if (/延长/.test(plain) && /至/.test(plain)) {
        until = (tokens[tokens.length - 1] as Token).day;
        extendName = /延长(?:\d{4}年)?(.+?)(?:假期|放假)/.exec(plain.replace(/(?<!\d)\d{4}年/, ""))?.[1] ?? null;
      } else if (/放假|补休|调休|公休|休息|休假|假日|假期/.test(plain)) {
        for (const d of daysOf(tokens, clause)) off.add(d);
      } else {
        pending = tokens;
        pendingClause = plain;
      }
    }
  }
  for (const p of pending) unclear.push({ day: p.day, clause: pendingClause });

  for (const d of movedFrom) if (!off.has(d)) work.add(d);
  for (const u of unclear) {
    if (!off.has(u.day) && !work.has(u.day)) problems.push({ code: "notice.unclear", where, text: u.clause });
  }
  if (problems.length > before) return null;

  const name = until !== null ? (extendName ?? defaultName) : (block.name ?? defaultName);
  if (off.size === 0 && work.size === 0 && until === null) {
    if (block.name !== null) problems.push({ code: "notice.no-dates", where, name: block.name });
    return null;
  }
  if (!name) {
    problems.push({ code: "notice.no-name", where });
    return null;
  }
  for (const d of work) {
    if (off.has(d)) problems.push({ code: "notice.off-and-work", where, date: iso(d) });
    else if (!isWeekend(d))
      problems.push({
        code: "notice.workday-not-weekend",
        where,
        date: iso(d),
        weekday: WEEKDAY_ZH[weekdayOfDays(d)] ?? "",
      });
  }
  if (until === null && declared !== null && declared !== off.size) {
    problems.push({ code: "notice.total", where, name, declared, counted: off.size });
  }
  const season = seasonOf(name);
  if (season) {
    const outside = [...off, ...work, ...(until === null ? [] : [until])].find(
      (d) => !season.includes(civilFromDays(d).m),
    );
    if (outside !== undefined) problems.push({ code: "notice.outside-season", where, name, date: iso(outside) });
  }
  if (problems.length > before) return null;
  return { kind: until === null ? "set" : "extend", name, where, off, work, until };
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
