/**
 * Notices as they are really copied: traditional characters, half- and full-width forms, weekday
 * and lunar notes, forum and news debris, lost line breaks, lost years — read the same as the
 * published text; and copies that cannot be read with certainty — refused with the line quoted.
 * The messy texts are written here in the styles seen in public copies (Discuz "jammer" strings,
 * pinyin-annotated spam pages, Big5 news pages, pages that dropped the 月 of every date).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import {
  noticeProblemText,
  noticeProblemsText,
  parseHolidayNotice,
  type ImportedYear,
  type NoticeProblem,
  type ParseNoticeOptions,
} from "../../../../src/core/calendar/notice";

const DIR = join(__dirname, "..", "..", "..", "fixtures", "notices");
const fixture = (name: string): string => readFileSync(join(DIR, name), "utf8");

function read(text: string, options: ParseNoticeOptions = {}): ImportedYear {
  const r = parseHolidayNotice(text, options);
  if (!r.ok) throw new Error(noticeProblemsText(r.problem));
  return r.value;
}

function refused(text: string, options: ParseNoticeOptions = {}): NoticeProblem[] {
  const r = parseHolidayNotice(text, options);
  if (r.ok) throw new Error(`expected a refusal, read ${JSON.stringify(r.value.days)}`);
  return r.problem;
}

const days = (y: ImportedYear): string[] => y.days.map((d) => `${d.date}${d.isOffDay ? "休" : "班"}${d.name}`);

/** The published text of a year (the first notice in its fixture). */
function published(year: number): ImportedYear {
  return read(fixture(`${year}.txt`));
}

const TRADITIONAL_2021 = `國務院辦公廳關於2021年部分節假日安排的通知
各省、自治區、直轄市人民政府，國務院各部委、各直屬機構：
經國務院批准，現將2021年元旦、春節、清明節、勞動節、端午節、中秋節和國慶節放假調休日期的具體安排通知如下。
一、元旦：2021年1月1日至3日放假，共3天。
二、春節：2月11日至17日放假調休，共7天。2月7日（星期日）、2月20日（星期六）上班。
三、清明節：4月3日至5日放假調休，共3天。
四、勞動節：5月1日至5日放假調休，共5天。4月25日（星期日）、5月8日（星期六）上班。
五、端午節：6月12日至14日放假，共3天。
六、中秋節：9月19日至21日放假調休，共3天。9月18日（星期六）上班。
七、國慶節：10月1日至7日放假調休，共7天。9月26日（星期日）、10月9日（星期六）上班。
節假日期間，各地區、各部門要妥善安排好值班和安全、保衛等工作，遇有重大突發事件，要按規定及時報告並妥善處置，確保人民群眾祥和平安度過節日假期。
國務院辦公廳
2020年11月25日`;

/** A spam page: traditional characters with pinyin after some of them, half-width punctuation, a two-line title. */
const PINYIN_2023 = `國(guó)務(wù)院辦公廳關(guān)于2023年
部分節(jié)假日安排的通知
國(guó)辦發(fā)明電〔2022〕16號(hào)
經(jīng)國(guó)務(wù)院批準(zhǔn),現(xiàn)將2023年元旦、春節(jié)、清明節(jié)、勞動(dòng)節(jié)、端午節(jié)、中秋節(jié)和國(guó)慶節(jié)放假調(diào)休日期的具體安排通知如下。
一、元旦:2022年12月31日至(zhì)2023年1月2日放(fàng)假調(diào)休,共3天。
二、春節(jié):1月21日至27日放假調(diào)休,共7天。1月28日(星(xīng)期六)、1月29日(星期日)上班。
三、清明節(jié):4月5日放假,共1天。
四、勞動(dòng)節(jié):4月29日至5月3日放假調(diào)休,共5天。4月23日(星期日)、5月6日(星期六)上(shàng)班。
五、端午節(jié):6月22日至24日放假調(diào)休,共3天。6月25日(星期日)上班。
六、中秋節(jié)、國(guó)慶節(jié):9月29日至10月6日放假調(diào)休,共8天。10月7日(星期六)、10月8日(星期日)上班。
節(jié)假日期間,各地區(qū)、各部門要妥善安排好值班和安全、保衛(wèi)、疫情防控等工作。`;

/** A Big5 news page: 週 for 周, 農曆 for 农历. */
const BIG5_2025 = `國務院辦公廳關於2025年部分節假日安排的通知
一、元旦：1月1日（週三）放假1天，不調休。
二、春節：1月28日（農曆除夕、週二）至2月4日（農曆正月初七、週二）放假調休，共8天。1月26日（週日）、2月8日（週六）上班。
三、清明節：4月4日（週五）至6日（週日）放假，共3天。
四、勞動節：5月1日（週四）至5日（週一）放假調休，共5天。4月27日（週日）上班。
五、端午節：5月31日（週六）至6月2日（週一）放假，共3天。
六、國慶節、中秋節：10月1日（週三）至8日（週三）放假調休，共8天。9月28日（週日）、10月11日（週六）上班。`;

/** A news page: lead, related links with other years' titles, editor's lines. */
const NEWS_2026 = `首页 > 时政 > 正文
上一篇：国务院办公厅关于2025年部分节假日安排的通知
新华社北京11月4日电 国务院办公厅关于2026年部分节假日安排的通知，全文如下：
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
  一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
  二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
  三、清明节：4月4日（周六）至6日（周一）放假，共3天。
  四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
  五、端午节：6月19日（周五）至21日（周日）放假，共3天。
  六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
  七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。
国务院办公厅
2025年11月4日
[ 责编：某某 ]
相关阅读
- 国务院办公厅关于2024年部分节假日安排的通知 2023-10-25
- 2026年春节放假9天 减少调休
分享到：微信 微博`;

/** The same in 星期 style, with full-width digits and ASCII punctuation, bullets instead of numbers. */
const VARIANT_2026 = `国务院办公厅关于２０２６年部分节假日安排的通知
——元旦:1月1日(星期四)至3日(星期六)放假调休,共3天。1月4日(星期日)上班。
——春节:2月15日(农历腊月二十八、星期日)至23日(农历正月初七、星期一)放假调休,共9天。2月14日(星期六)、2月28日(星期六)上班。
——清明节:４月４日(星期六)至６日(星期一)放假,共３天。
——劳动节:5月1日(星期五)至5日(星期二)放假调休,共5天。5月9日(星期六)上班。
——端午节:6月19日(星期五)至21日(星期日)放假,共3天。
——中秋节:9月25日(星期五)至27日(星期日)放假,共3天。
——国庆节:10月1日(星期四)至7日(星期三)放假调休,共7天。9月20日(星期日)、10月10日(星期六)上班。`;

/** Spaces everywhere, as some pages typeset it. */
const SPACED_2022 = `国务院办公厅关于2022年部分节假日安排的通知
一、元旦：2022 年 1 月 1 日至 3 日放假，共 3 天。
二、春节：1 月 31 日至 2 月 6 日放假调休，共 7 天。1 月 29 日 (星期六)、1 月 30 日 (星期日) 上班。
三、清明节：4 月 3 日至 5 日放假调休，共 3 天。4 月 2 日 (星期六) 上班。
四、劳动节：4 月 30 日至 5 月 4 日放假调休，共 5 天。4 月 24 日 (星期日)、5 月 7 日 (星期六) 上班。
五、端午节：6 月 3 日至 5 日放假，共 3 天。
六、中秋节：9 月 10 日至 12 日放假，共 3 天。
七、国庆节：10 月 1 日至 7 日放假调休，共 7 天。10 月 8 日 (星期六)、10 月 9 日 (星期日) 上班。`;

/** A page that lost its line breaks (one paragraph), with spaced full stops. */
function oneParagraph(year: number): string {
  const main = fixture(`${year}.txt`).split(/\n(?=国务院(?:办公厅)?关于(?!\d{4}年部分))/)[0] ?? "";
  return main.replace(/\n+/g, "").replace(/。/g, " 。");
}

/** The 2016 notice as a site reposted it with every year cut out. */
const NO_YEAR_2016 = `国务院办公厅关于年元旦春节放假安排通知
经国务院批准，现将元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日放假，与周末连休。
二、春节：2月7日至13日放假调休，共7天。2月6日（星期六）、2月14日（星期日）上班。
三、清明节：4月4日放假，与周末连休。
四、劳动节：5月1日放假，5月2日（星期一）补休。
五、端午节：6月9日至11日放假调休，共3天。6月12日（星期日）上班。
六、中秋节：9月15日至17日放假调休，共3天。9月18日（星期日）上班。
七、国庆节：10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。`;

describe("messy copies read as the published notice", () => {
  test.each<[string, string, number, ParseNoticeOptions]>([
    ["traditional characters (國務院辦公廳關於…節假日)", TRADITIONAL_2021, 2021, {}],
    ["traditional with pinyin annotations, half-width punctuation, title over two lines", PINYIN_2023, 2023, {}],
    ["Big5 news copy: （週三）, 農曆", BIG5_2025, 2025, {}],
    ["news page with lead, related links of other years, editor's lines", NEWS_2026, 2026, {}],
    ["（星期四） instead of （周四）, full-width digits, —— bullets, ASCII punctuation", VARIANT_2026, 2026, {}],
    ["spaces between every digit and 年月日", SPACED_2022, 2022, {}],
    ["one paragraph, no line breaks (2020)", oneParagraph(2020), 2020, {}],
    ["one paragraph, no line breaks (2009, with 调至 sentences)", oneParagraph(2009), 2009, {}],
    ["a copy without any year, the year given by the user", NO_YEAR_2016, 2016, { year: 2016 }],
  ])("%s", (_name, text, year, options) => {
    const got = read(text, options);
    expect(got.year).toBe(year);
    const want = published(year);
    if (year === 2020) {
      // The one-paragraph copy holds the first notice only (without the 延长春节假期 notice).
      const first = read(fixture("2020.txt").split("\n国务院办公厅关于延长")[0] ?? "");
      expect(days(got)).toEqual(days(first));
    } else expect(days(got)).toEqual(days(want));
    expect(got.source.festivals).toEqual(want.source.festivals);
  });

  test("repairs are counted for the import report", () => {
    expect(read(TRADITIONAL_2021).source.repairs?.traditional).toBeGreaterThan(20);
    expect(read(PINYIN_2023).source.repairs?.pinyin).toBeGreaterThan(10);
    expect(read(fixture("2026.txt")).source.repairs).toEqual({ traditional: 0, junk: 0, pinyin: 0 });
  });

  test("the year found in the title and the year given agree", () => {
    expect(read(fixture("2026.txt"), { year: 2026 }).source.yearFrom).toBe("title");
    expect(read(NO_YEAR_2016, { year: 2016 }).source.yearFrom).toBe("option");
  });

  test("the year from the text when the title was not copied (现将2026年元旦、…)", () => {
    const body = fixture("2026.txt").replace("国务院办公厅关于2026年部分节假日安排的通知\n", "");
    const got = read(body);
    expect(got.source).toMatchObject({ titles: [], yearFrom: "text" });
    expect(days(got)).toEqual(days(published(2026)));
  });

  test("the same notice pasted twice (a page that repeats it) is read once", () => {
    const twice = `${fixture("2024.txt")}\n\n${fixture("2024.txt")}`;
    expect(days(read(twice))).toEqual(days(published(2024)));
  });
});

/** Discuz-style jammer strings: random printable ASCII groups, as forums insert into every line. */
function jammer(rand: () => number, glued: "letter" | "any"): string {
  const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'()*+,-./:;<=>?@[]^_`{|}~";
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*+/<=>?@[]^_`{|}~";
  const groups = 2 + Math.floor(rand() * 8);
  let out = "";
  for (let i = 0; i < groups; i++) {
    out += chars[Math.floor(rand() * chars.length)] ?? "x";
    out += chars[Math.floor(rand() * chars.length)] ?? "x";
    out += " ";
  }
  const pool = glued === "letter" ? letters : chars;
  return out + (pool[Math.floor(rand() * pool.length)] ?? "x");
}

function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Jammers before (glued) and after every line, junk lines between, festival names split from their days. */
function forumCopy(text: string, seed: number, glued: "letter" | "any"): string {
  const rand = lcg(seed);
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const split = /^([一二三四五六七八九十]、[^：]{1,12}：)(.+)$/.exec(line);
    const parts = split && rand() < 0.5 ? [split[1] ?? "", split[2] ?? ""] : [line];
    for (const part of parts) {
      out.push(`${jammer(rand, glued)}${part} ${jammer(rand, "any")}`);
      if (rand() < 0.6) out.push(jammer(rand, "any"));
    }
  }
  return out.join("\n");
}

describe("forum copies with jammer strings", () => {
  test.each([2008, 2010, 2013, 2019, 2026])("%i: jammers glued before dates are removed", (year) => {
    const clean = published(year);
    for (let seed = 1; seed <= 15; seed++) {
      const got = read(forumCopy(fixture(`${year}.txt`), seed * 7919 + year, "letter"));
      expect(days(got)).toEqual(days(clean));
      expect(got.source.repairs?.junk).toBeGreaterThan(0);
    }
  });

  test("a jammer ending in a digit glued to a date: read exactly or refused, never read differently", () => {
    const years = [2010, 2013, 2017, 2023, 2026];
    const clean = new Map(years.map((y) => [y, days(published(y))]));
    fc.assert(
      fc.property(fc.constantFrom(...years), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (year, seed) => {
        const r = parseHolidayNotice(forumCopy(fixture(`${year}.txt`), seed, "any"));
        if (r.ok) expect(days(r.value)).toEqual(clean.get(year));
      }),
      { numRuns: 300 },
    );
  });
});

/** A published text with one line changed. */
function edited(year: number, from: string, to: string): string {
  const text = fixture(`${year}.txt`);
  if (!text.includes(from)) throw new Error(`${from} not in ${year}`);
  return text.replace(from, to);
}

function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

describe("copies that cannot be read with certainty are refused, the line quoted", () => {
  test.each<[string, string, NoticeProblem["code"], string, ParseNoticeOptions]>([
    // A real forum copy of 2017 reads 六、中秋节、国庆节:0月1日至8日放假调休.
    ["0月1日", edited(2017, "：10月1日至8日", "：0月1日至8日"), "notice.unreadable", "0月1日", {}],
    // A government page copy of 2024 lost every 月: 一、元旦：11日放假, 二、春节：210日至17日.
    [
      "a day without its month (11日)",
      edited(2024, "元旦：1月1日放假", "元旦：11日放假"),
      "notice.no-month",
      "11日",
      {},
    ],
    ["a day that does not exist", edited(2024, "4月4日至6日", "4月31日至6日"), "notice.unreadable", "4月31日", {}],
    ["a stray number", edited(2024, "共5天。4月28日", "共5天。428(星期日)、4月28日"), "notice.unreadable", "428", {}],
    // An AI summary of 2025 put the make-up day on 4月28日（周日）: 2025-04-28 is a Monday.
    [
      "a weekday note that is not the date's",
      edited(2025, "4月27日（周日）上班", "4月28日（周日）上班"),
      "notice.weekday",
      "4月28日",
      {},
    ],
    [
      "a 上班 day on a weekday",
      edited(2025, "4月27日（周日）上班", "4月28日上班"),
      "notice.workday-not-weekend",
      "4月28日",
      {},
    ],
    [
      "共N天 that is not the days read",
      edited(2026, "10月1日（周四）至7日（周三）放假调休，共7天", "10月1日（周四）至7日（周三）放假调休，共8天"),
      "notice.total",
      "共8天",
      {},
    ],
    [
      "one date in two festivals",
      edited(2026, "9月25日（周五）至27日（周日）放假，共3天", "9月25日（周五）至10月1日（周四）放假，共7天"),
      "notice.duplicate-date",
      "10月1日",
      {},
    ],
    [
      "a festival twice with different days",
      `${fixture("2026.txt")}\n八、端午节：6月20日（周六）至22日（周一）放假，共3天。`,
      "notice.duplicate-festival",
      "八、端午节",
      {},
    ],
    [
      "a date outside the year",
      edited(2024, "5月1日至5日放假调休", "2025年5月1日至5日放假调休"),
      "notice.outside-year",
      "2025年5月1日",
      {},
    ],
    // A jammer digit glued before 2月: 春节 in December.
    [
      "a month far from its festival's season",
      edited(2013, "春节：2月9日至15日", "春节：12月9日至15日"),
      "notice.outside-season",
      "12月9日",
      {},
    ],
    [
      "a range that ends before it starts",
      edited(2013, "2月9日至15日", "2月19日至15日"),
      "notice.bad-range",
      "2月19日",
      {},
    ],
    [
      "dates that say neither 放假 nor 上班",
      edited(2026, "5月9日（周六）上班", "5月9日（周六）"),
      "notice.unclear",
      "5月9日",
      {},
    ],
    [
      "make-up days cut off their festival by a junk line",
      edited(
        2019,
        "共7天。2月2日（星期六）、2月3日（星期日）上班。",
        "共7天。\n今年春节假期_速看\n2月2日（星期六）、2月3日（星期日）上班。",
      ),
      "notice.unclear",
      "2月2日",
      {},
    ],
    [
      "a numbered line with days and no festival",
      edited(2026, "五、端午节：", "五、"),
      "notice.no-name",
      "6月19日",
      {},
    ],
    [
      "a festival line without days",
      edited(2026, "六、中秋节：9月25日（周五）至27日（周日）放假，共3天。", "六、中秋节：放假安排另行通知。"),
      "notice.no-dates",
      "中秋节",
      {},
    ],
    ["a year given that the title contradicts", fixture("2026.txt"), "notice.year-mismatch", "2026", { year: 2027 }],
  ])("%s", (_name, text, code, quoted, options) => {
    const problems = refused(text, options);
    const p = problems.find((x) => x.code === code);
    expect(p).toBeDefined();
    const shown = noticeProblemText(p as NoticeProblem);
    expect(shown.message).toContain(quoted);
    expect(shown.hint).not.toBe("");
    if (p && "where" in p && p.code !== "notice.year-mismatch") {
      // The quoted line is the one that holds the problem, by its number in the pasted text.
      expect(text.split("\n")[p.where.lineNo - 1]).toContain(quoted.replace(/（.*$/, ""));
      expect(shown.message).toContain(`第${p.where.lineNo}行“`);
    }
  });

  test("the message of 0月1日 quotes the line and says what to check", () => {
    const text = edited(2017, "：10月1日至8日", "：0月1日至8日");
    const [p] = refused(text);
    expect(p?.code).toBe("notice.unreadable");
    expect(noticeProblemText(p as NoticeProblem)).toEqual({
      message: `第${lineOf(text, "0月1日至8日")}行“六、中秋节、国庆节：0月1日至8日放假调休，共8天。9月30日（星期六）上班。”中的“0月1日”不是有效的日期或天数`,
      hint: "复制时可能丢了或多了数字，请对照通知原文核对这一行；不会猜测日期",
    });
  });

  test.each<[string, string, NoticeProblem["code"]]>([
    ["nothing", "  \n ", "notice.empty"],
    ["text without festival lines", "2026年春节放假9天，详见国务院办公厅通知。", "notice.no-festivals"],
    ["a copy without any year, none given", NO_YEAR_2016, "notice.no-year"],
    ["notices of two years", `${fixture("2025.txt")}\n${fixture("2026.txt")}`, "notice.years-differ"],
  ])("%s", (_name, text, code) => {
    expect(refused(text).map((p) => p.code)).toContain(code);
  });

  test("every problem has a Chinese message and an English one", () => {
    const text = edited(2017, "：10月1日至8日", "：0月1日至8日");
    for (const p of refused(text)) {
      expect(noticeProblemText(p).message).toMatch(/[\u4e00-\u9fff]/);
      expect(noticeProblemText(p, "en-US").message).toMatch(/[A-Za-z]/);
    }
  });
});

describe("year boundary, omitted months, supplementary notices", () => {
  test("元旦 spanning 12月31日 of the year before", () => {
    const y = read(
      fixture("2027-plausible.txt").replace(
        "一、元旦：1月1日（周五）至3日（周日）放假，共3天。",
        "一、元旦：2026年12月31日（周四）至2027年1月2日（周六）放假调休，共3天。",
      ),
    );
    expect(days(y).slice(0, 3)).toEqual(["2026-12-31休元旦", "2027-01-01休元旦", "2027-01-02休元旦"]);
  });

  test("12月 without a year in the 元旦 line is the December before (2008: 12月29日（星期六）上班)", () => {
    expect(days(published(2008)).slice(0, 4)).toEqual([
      "2007-12-29班元旦",
      "2007-12-30休元旦",
      "2007-12-31休元旦",
      "2008-01-01休元旦",
    ]);
  });

  test("至3日 takes the month before it; 9月29日至10月6日 crosses months", () => {
    const y = published(2023);
    expect(days(y).filter((d) => d.endsWith("中秋节、国庆节"))).toEqual([
      "2023-09-29休中秋节、国庆节",
      "2023-09-30休中秋节、国庆节",
      "2023-10-01休中秋节、国庆节",
      "2023-10-02休中秋节、国庆节",
      "2023-10-03休中秋节、国庆节",
      "2023-10-04休中秋节、国庆节",
      "2023-10-05休中秋节、国庆节",
      "2023-10-06休中秋节、国庆节",
      "2023-10-07班中秋节、国庆节",
      "2023-10-08班中秋节、国庆节",
    ]);
  });

  test("a supplementary notice alone needs the year it changes", () => {
    const adjust = fixture("2019.txt").split("\n国务院办公厅关于调整")[1] ?? "";
    const text = `国务院办公厅关于调整${adjust}`;
    expect(refused(text).map((p) => p.code)).toEqual(["notice.no-base"]);
    const main = read(fixture("2019.txt").split("\n国务院办公厅关于调整")[0] ?? "");
    const both = read(text, { base: main });
    expect(days(both)).toEqual(days(published(2019)));
    expect(both.source.titles).toEqual(["国务院办公厅关于调整2019年劳动节假期安排的通知"]);
  });

  test("延长…假期至 alone, applied to the year as known", () => {
    const extend = fixture("2020.txt").split("\n国务院办公厅关于延长")[1] ?? "";
    const text = `国务院办公厅关于延长${extend}`;
    const [p] = refused(text);
    expect(p?.code).toBe("notice.no-base");
    expect(noticeProblemText(p as NoticeProblem).hint).toContain("国务院办公厅关于2020年部分节假日安排的通知");
    const main = read(fixture("2020.txt").split("\n国务院办公厅关于延长")[0] ?? "");
    expect(days(read(text, { base: main }))).toEqual(days(published(2020)));
  });

  test("延长 to a day that does not lengthen the holiday is refused", () => {
    const text = fixture("2020.txt").replace("至2月2日（农历正月初九，星期日）", "至1月26日（农历正月初二，星期日）");
    expect(refused(text).map((p) => p.code)).toEqual(["notice.bad-extension"]);
  });
});
