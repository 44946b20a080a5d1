/** One festival line (二、春节：2月15日…至23日放假调休，共9天。2月14日…上班。) → its days off and make-up days. */
import { daysFromCivil, formatIso, civilFromDays, isValidCivil, weekdayOfDays } from "../../date/civil";
import { seasonOf } from "./festivals";
import type { NoticeProblem, Where } from "./problem";
import type { Block } from "./sections";

const WEEKDAY_ZH = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;
const WEEKDAY_OF: Readonly<Record<string, number>> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

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

/** What one festival line says. */
export interface Rule {
  readonly kind: "set" | "extend";
  readonly name: string;
  readonly where: Where;
  readonly off: ReadonlySet<number>;
  readonly work: ReadonlySet<number>;
  /** 延长…至 this day (kind extend). */
  readonly until: number | null;
}

export function iso(day: number): string {
  return formatIso(civilFromDays(day));
}

function isWeekend(day: number): boolean {
  const w = weekdayOfDays(day);
  return w === 0 || w === 6;
}

interface Token {
  readonly day: number;
  readonly text: string;
  readonly index: number;
  readonly end: number;
}

/** Reads one festival line into a rule, or says why it cannot. */
export function readBlock(
  block: Block,
  year: number,
  defaultName: string | null,
  problems: NoticeProblem[],
): Rule | null {
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
