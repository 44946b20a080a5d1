/**
 * Why a pasted notice was refused. Every problem that comes from a line carries it (line number
 * and text), so the message can quote it; the text is rendered here, per locale, from typed data.
 */
import type { Locale } from "../../result";

/** A line of the pasted text: its number (1-based) and its text as read (half-width, simplified). */
export interface Where {
  readonly lineNo: number;
  readonly line: string;
}

export type NoticeProblem =
  /** Nothing but white space was given. */
  | { readonly code: "notice.empty" }
  /** No festival line (一、元旦：…) was found. */
  | { readonly code: "notice.no-festivals" }
  /** Neither the title nor the text says the year, and none was given. */
  | { readonly code: "notice.no-year" }
  /** The text says one year, the user another. */
  | { readonly code: "notice.year-mismatch"; readonly found: number; readonly given: number; readonly where: Where }
  /** The text holds notices of different years. */
  | { readonly code: "notice.years-differ"; readonly years: readonly number[] }
  /** Digits that are no date: 0月1日, 130日, 2月30日, a stray number. */
  | { readonly code: "notice.unreadable"; readonly where: Where; readonly text: string }
  /** A day without a month to take it from (a copy that lost 月: 11日放假). */
  | { readonly code: "notice.no-month"; readonly where: Where; readonly text: string }
  /** X至Y with Y before X, or implausibly long. */
  | { readonly code: "notice.bad-range"; readonly where: Where; readonly from: string; readonly to: string }
  /** Dates in a sentence that says neither 放假 nor 上班. */
  | { readonly code: "notice.unclear"; readonly where: Where; readonly text: string }
  /** （星期四） next to a date that is not a Thursday. */
  | {
      readonly code: "notice.weekday";
      readonly where: Where;
      readonly date: string;
      readonly written: string;
      readonly actual: string;
    }
  /** A 上班 day that is not a Saturday or Sunday. */
  | {
      readonly code: "notice.workday-not-weekend";
      readonly where: Where;
      readonly date: string;
      readonly weekday: string;
    }
  /** 共N天 that is not the number of days off read for the festival. */
  | {
      readonly code: "notice.total";
      readonly where: Where;
      readonly name: string;
      readonly declared: number;
      readonly counted: number;
    }
  /** One date both off and 上班 in one festival. */
  | { readonly code: "notice.off-and-work"; readonly where: Where; readonly date: string }
  /** One date in two festivals. */
  | {
      readonly code: "notice.duplicate-date";
      readonly where: Where;
      readonly name: string;
      readonly date: string;
      readonly other: Where;
      readonly otherName: string;
    }
  /** The same festival twice, with different days. */
  | { readonly code: "notice.duplicate-festival"; readonly where: Where; readonly name: string }
  /** A date outside the notice's year (other than 元旦's days in the December before). */
  | { readonly code: "notice.outside-year"; readonly where: Where; readonly date: string; readonly year: number }
  /** A date far from its festival's season (春节 in December: a misread month). */
  | { readonly code: "notice.outside-season"; readonly where: Where; readonly name: string; readonly date: string }
  /** A numbered line with dates but no festival name. */
  | { readonly code: "notice.no-name"; readonly where: Where }
  /** A festival line without a date. */
  | { readonly code: "notice.no-dates"; readonly where: Where; readonly name: string }
  /** A supplementary notice (延长…假期) for a festival that is not known yet. */
  | { readonly code: "notice.no-base"; readonly where: Where; readonly name: string; readonly year: number }
  /** 延长…至 a day that does not lengthen the holiday. */
  | { readonly code: "notice.bad-extension"; readonly where: Where; readonly name: string; readonly until: string };

export interface ProblemText {
  readonly message: string;
  /** What to check. */
  readonly hint: string;
}

/** Full-width punctuation again, for quoting a line as the notice prints it. */
export function displayLine(text: string): string {
  const shown = text
    .replace(/,/g, "，")
    .replace(/:/g, "：")
    .replace(/;/g, "；")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");
  return shown.length > 90 ? `${shown.slice(0, 88)}…` : shown;
}

function at(w: Where, zh: boolean): string {
  return zh ? `第${w.lineNo}行“${displayLine(w.line)}”` : `Line ${w.lineNo} "${displayLine(w.line)}"`;
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

export function noticeProblemText(p: NoticeProblem, locale: Locale = "zh-CN"): ProblemText {
  const zh = locale === "zh-CN";
  switch (p.code) {
    case "notice.empty":
      return zh
        ? { message: "没有内容", hint: "请粘贴国务院办公厅关于某年部分节假日安排的通知全文" }
        : { message: "Nothing was given", hint: "Paste the whole State Council notice on the year's holidays" };
    case "notice.no-festivals":
      return zh
        ? {
            message: "没有找到放假安排（如“一、元旦：1月1日放假”这样的行）",
            hint: "请粘贴通知的正文，至少包含各节日的放假安排；如果是图片，请先转成文字",
          }
        : {
            message: "No holiday arrangement (a line like 一、元旦：1月1日放假) was found",
            hint: "Paste the body of the notice with the line of each festival",
          };
    case "notice.no-year":
      return zh
        ? {
            message: "没有找到通知的年份（标题“关于YYYY年部分节假日安排的通知”不在复制的文字中）",
            hint: "请连同标题一起复制，或指定年份（命令行 --year 2027）",
          }
        : {
            message: "The notice's year was not found (the title is not in the copied text)",
            hint: "Copy the title too, or give the year (--year 2027)",
          };
    case "notice.year-mismatch":
      return zh
        ? {
            message: `${at(p.where, zh)}说的是${p.found}年，与指定的${p.given}年不一致`,
            hint: "请确认粘贴的是要导入那一年的通知，或改正指定的年份",
          }
        : {
            message: `${at(p.where, zh)} is about ${p.found}, not the ${p.given} given`,
            hint: "Check that this is the notice of the year you mean",
          };
    case "notice.years-differ":
      return zh
        ? {
            message: `文字中有不同年份的通知（${p.years.join("、")}年）`,
            hint: "一次只导入一年的通知（可连同当年的调整通知）；请分开导入",
          }
        : {
            message: `The text holds notices of different years (${p.years.join(", ")})`,
            hint: "Import one year at a time",
          };
    case "notice.unreadable":
      return zh
        ? {
            message: `${at(p.where, zh)}中的“${p.text}”不是有效的日期或天数`,
            hint: "复制时可能丢了或多了数字，请对照通知原文核对这一行；不会猜测日期",
          }
        : {
            message: `${at(p.where, zh)}: "${p.text}" is not a valid date or number of days`,
            hint: "A digit was probably lost or added in copying: check this line against the notice",
          };
    case "notice.no-month":
      return zh
        ? {
            message: `${at(p.where, zh)}中的“${p.text}”没有月份`,
            hint: "复制时可能丢了“月”字（如“1月1日”成了“11日”），请对照通知原文改正这一行",
          }
        : {
            message: `${at(p.where, zh)}: "${p.text}" has no month`,
            hint: "The 月 was probably lost in copying: correct the line from the notice",
          };
    case "notice.bad-range":
      return zh
        ? {
            message: `${at(p.where, zh)}中的日期范围“${chineseDate(p.from)}至${chineseDate(p.to)}”不成立`,
            hint: "请核对起止日期（结束日不能早于开始日，一个假期不会超过一个月）",
          }
        : {
            message: `${at(p.where, zh)}: the range ${p.from} to ${p.to} is not possible`,
            hint: "Check the first and last day",
          };
    case "notice.unclear":
      return zh
        ? {
            message: `${at(p.where, zh)}中“${displayLine(p.text)}”的日期既没有说放假也没有说上班`,
            hint: "请对照通知原文核对这一句；不会猜测这些日期是休息还是上班",
          }
        : {
            message: `${at(p.where, zh)}: "${p.text}" says neither 放假 (off) nor 上班 (work)`,
            hint: "Check this sentence against the notice",
          };
    case "notice.weekday":
      return zh
        ? {
            message: `${at(p.where, zh)}：${chineseDate(p.date)}是${p.actual}，但通知写的是“${p.written}”`,
            hint: "日期或星期有一处抄错了，请对照通知原文核对这一行",
          }
        : {
            message: `${at(p.where, zh)}: ${p.date} is a ${p.actual}, but the notice says ${p.written}`,
            hint: "The date or the weekday was miscopied: check this line",
          };
    case "notice.workday-not-weekend":
      return zh
        ? {
            message: `${at(p.where, zh)}：调休上班日${chineseDate(p.date)}是${p.weekday}，不是周末`,
            hint: "调休上班日都在星期六或星期日；请核对这一行的日期",
          }
        : {
            message: `${at(p.where, zh)}: the make-up working day ${p.date} is a ${p.weekday}, not a weekend day`,
            hint: "Make-up working days fall on Saturdays or Sundays: check the date",
          };
    case "notice.total":
      return zh
        ? {
            message: `${at(p.where, zh)}：${p.name}写明“共${p.declared}天”，但读到的放假日有${p.counted}天`,
            hint: "起止日期或天数有一处抄错了，请对照通知原文核对这一行",
          }
        : {
            message: `${at(p.where, zh)}: ${p.name} says ${p.declared} days, but ${p.counted} days off were read`,
            hint: "A date or the number of days was miscopied: check this line",
          };
    case "notice.off-and-work":
      return zh
        ? {
            message: `${at(p.where, zh)}：${chineseDate(p.date)}既是放假日又是上班日`,
            hint: "请对照通知原文核对这一行",
          }
        : { message: `${at(p.where, zh)}: ${p.date} is both off and a working day`, hint: "Check this line" };
    case "notice.duplicate-date":
      return zh
        ? {
            message: `${chineseDate(p.date)}同时出现在${p.otherName}（${at(p.other, zh)}）和${p.name}（${at(p.where, zh)}）中`,
            hint: "同一天只能属于一个节日；请核对这两行",
          }
        : {
            message: `${p.date} is in both ${p.otherName} (${at(p.other, zh)}) and ${p.name} (${at(p.where, zh)})`,
            hint: "Check both lines",
          };
    case "notice.duplicate-festival":
      return zh
        ? {
            message: `${at(p.where, zh)}：${p.name}出现了两次，且日期不同`,
            hint: "请只保留通知原文中的那一行",
          }
        : {
            message: `${at(p.where, zh)}: ${p.name} appears twice with different days`,
            hint: "Keep the notice's line only",
          };
    case "notice.outside-year":
      return zh
        ? {
            message: `${at(p.where, zh)}：${chineseDate(p.date)}不在${p.year}年内`,
            hint: "只有元旦可以包含上一年12月的日子；请核对年份或日期",
          }
        : {
            message: `${at(p.where, zh)}: ${p.date} is not in ${p.year}`,
            hint: "Only 元旦 may include days of the December before: check the year or the date",
          };
    case "notice.outside-season":
      return zh
        ? {
            message: `${at(p.where, zh)}：${chineseDate(p.date)}不可能是${p.name}的假期或调休日`,
            hint: "月份多半抄错了（网页复制时数字前可能混入了乱码），请对照通知原文核对这一行",
          }
        : {
            message: `${at(p.where, zh)}: ${p.date} cannot belong to ${p.name}`,
            hint: "The month was probably miscopied: check this line",
          };
    case "notice.no-name":
      return zh
        ? { message: `${at(p.where, zh)}没有写节日名称`, hint: "请连同“元旦：”“春节：”等节日名称一起复制" }
        : { message: `${at(p.where, zh)} names no festival`, hint: "Copy the festival names too" };
    case "notice.no-dates":
      return zh
        ? { message: `${at(p.where, zh)}：${p.name}没有读到日期`, hint: "请对照通知原文补全这一行" }
        : { message: `${at(p.where, zh)}: no date was read for ${p.name}`, hint: "Complete the line from the notice" };
    case "notice.no-base":
      return zh
        ? {
            message: `${at(p.where, zh)}调整的是${p.year}年${p.name}的假期，但还没有${p.year}年的放假安排`,
            hint: `请先导入《国务院办公厅关于${p.year}年部分节假日安排的通知》，或把两份通知一起粘贴`,
          }
        : {
            message: `${at(p.where, zh)} changes the ${p.year} ${p.name} holiday, but the ${p.year} schedule is not known`,
            hint: `Import the ${p.year} notice first, or paste both notices together`,
          };
    case "notice.bad-extension":
      return zh
        ? {
            message: `${at(p.where, zh)}：延长到${chineseDate(p.until)}并没有延长${p.name}的假期`,
            hint: "请核对延长后的日期",
          }
        : { message: `${at(p.where, zh)}: ${p.until} does not lengthen ${p.name}`, hint: "Check the date" };
  }
}

/** All problems as text, one per line (message, then what to check). */
export function noticeProblemsText(problems: readonly NoticeProblem[], locale: Locale = "zh-CN"): string {
  return problems
    .map((p) => {
      const t = noticeProblemText(p, locale);
      return `- ${t.message}\n  ${locale === "zh-CN" ? "请检查：" : "Check: "}${t.hint}`;
    })
    .join("\n");
}
