/**
 * A pasted text → its notices (sections, one per title) → their festival lines (blocks): where each
 * notice and each festival line starts and ends, what kind of notice it is (the year's, or one that
 * adjusts, extends or adds a holiday), and the years it states.
 */
import type { CleanLine } from "./normalize";
import type { Where } from "./problem";
import { KNOWN_NAMES } from "./festivals";

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

export interface Block {
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
export function explode(lines: readonly CleanLine[]): CleanLine[] {
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

export function splitSections(lines: readonly CleanLine[]): Section[] {
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

export function analyse(section: Section): SectionInfo {
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
