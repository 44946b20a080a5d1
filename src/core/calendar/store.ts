/**
 * Imported years as the hosts keep them: one JSON document, versioned, in the workbook's settings
 * (Excel), the page's localStorage (standalone) or a file in the user's calendar folder (CLI,
 * ~/.zizhu/calendar/*.json). Storage is the hosts'; this module writes and reads the text.
 *
 *   { "format": "zizhu-calendar", "version": 1,
 *     "years": [ { "year": 2027, "days": [ { "name": "元旦", "date": "2027-01-01", "isOffDay": true }, … ],
 *                  "source": { "titles": ["国务院办公厅关于2027年部分节假日安排的通知"], "yearFrom": "title",
 *                              "festivals": ["元旦", …], "importedAt": "2026-11-20T09:30:00+08:00" } } ] }
 *
 * Reading also accepts a holiday-cn year file (vendor/data/holidays/YYYY.json: year, papers, days),
 * so a newer file of that project can be used as it is. Everything read is checked again: the text
 * may have been edited by hand or cut short.
 */
import { z } from "zod";
import { isValidCivil } from "../date/civil";
import { fail, ok, type Locale, type Result } from "../result";
import type { ImportedYear } from "./notice/types";

export const CALENDAR_FORMAT = "zizhu-calendar";
export const CALENDAR_VERSION = 1;

const zhCN = z.locales.zhCN();

const DaySchema = z.object({
  name: z.string().trim().min(1, "需要节日名称"),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应写成 YYYY-MM-DD"),
  isOffDay: z.boolean(),
});

const RepairsSchema = z.object({
  traditional: z.number().int().nonnegative(),
  junk: z.number().int().nonnegative(),
  pinyin: z.number().int().nonnegative(),
});

const YearNumber = z.number().int().min(1949).max(2200);

const YearSchema = z.object({
  year: YearNumber,
  days: z.array(DaySchema).max(400),
  source: z.object({
    titles: z.array(z.string()).max(20),
    yearFrom: z.enum(["title", "text", "option", "file"]),
    festivals: z.array(z.string()).max(40),
    importedAt: z.string().optional(),
    repairs: RepairsSchema.optional(),
  }),
});

const StoreSchema = z.object({
  format: z.literal(CALENDAR_FORMAT),
  version: z.literal(CALENDAR_VERSION),
  years: z.array(YearSchema).max(200),
});

/** A holiday-cn year file ($schema and $id may be there too). */
const HolidayCnSchema = z.object({
  year: YearNumber,
  papers: z.array(z.string()).optional(),
  days: z.array(DaySchema).max(400),
});

export type StoreProblem =
  | { readonly code: "store.json"; readonly detail: string }
  | { readonly code: "store.format" }
  | { readonly code: "store.version"; readonly version: unknown }
  | { readonly code: "store.schema"; readonly path: string; readonly message: string }
  | { readonly code: "store.empty-year"; readonly year: number }
  | {
      readonly code: "store.day";
      readonly year: number;
      readonly date: string;
      readonly reason: "not-a-date" | "outside-year" | "duplicate";
    }
  | { readonly code: "store.duplicate-year"; readonly year: number };

function pathText(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join("");
}

/** The checks a stored year must pass again: real dates, in the year (or 元旦's December), once each. */
export function checkStoredYear(y: ImportedYear): StoreProblem[] {
  const problems: StoreProblem[] = [];
  if (y.days.length === 0) return [{ code: "store.empty-year", year: y.year }];
  const seen = new Set<string>();
  for (const day of y.days) {
    const [yy, mm, dd] = day.date.split("-").map(Number) as [number, number, number];
    if (!isValidCivil(yy, mm, dd)) {
      problems.push({ code: "store.day", year: y.year, date: day.date, reason: "not-a-date" });
      continue;
    }
    if (!(yy === y.year || (yy === y.year - 1 && mm === 12))) {
      problems.push({ code: "store.day", year: y.year, date: day.date, reason: "outside-year" });
    }
    if (seen.has(day.date)) problems.push({ code: "store.day", year: y.year, date: day.date, reason: "duplicate" });
    seen.add(day.date);
  }
  return problems;
}

function sorted(y: ImportedYear): ImportedYear {
  const days = [...y.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ...y, days };
}

/** The text a host stores for these years (sorted by year, one entry a year). */
export function serializeCalendar(years: readonly ImportedYear[]): string {
  const store = {
    format: CALENDAR_FORMAT,
    version: CALENDAR_VERSION,
    years: [...years].sort((a, b) => a.year - b.year).map(sorted),
  };
  return `${JSON.stringify(store, null, 2)}\n`;
}

/** The years with `year` added, replacing the entry of the same year. */
export function withYear(years: readonly ImportedYear[], year: ImportedYear): ImportedYear[] {
  return [...years.filter((y) => y.year !== year.year), year].sort((a, b) => a.year - b.year);
}

/** Reads stored years (the zizhu-calendar document, or a holiday-cn year file). */
export function deserializeCalendar(text: string): Result<ImportedYear[], StoreProblem[]> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, "")) as unknown;
  } catch (e) {
    return fail([{ code: "store.json", detail: e instanceof Error ? e.message : String(e) }]);
  }
  let years: ImportedYear[];
  const record = data !== null && typeof data === "object" ? (data as Record<string, unknown>) : null;
  if (record && "format" in record) {
    if (record["format"] !== CALENDAR_FORMAT) return fail([{ code: "store.format" }]);
    if (record["version"] !== CALENDAR_VERSION) return fail([{ code: "store.version", version: record["version"] }]);
    const r = StoreSchema.safeParse(data, { error: zhCN.localeError });
    if (!r.success) {
      return fail(r.error.issues.map((i) => ({ code: "store.schema", path: pathText(i.path), message: i.message })));
    }
    years = r.data.years.map((y) => ({
      year: y.year,
      days: y.days,
      source: {
        titles: y.source.titles,
        yearFrom: y.source.yearFrom,
        festivals: y.source.festivals,
        ...(y.source.importedAt === undefined ? {} : { importedAt: y.source.importedAt }),
        ...(y.source.repairs === undefined ? {} : { repairs: y.source.repairs }),
      },
    }));
  } else if (record && "year" in record && "days" in record) {
    const r = HolidayCnSchema.safeParse(data, { error: zhCN.localeError });
    if (!r.success) {
      return fail(r.error.issues.map((i) => ({ code: "store.schema", path: pathText(i.path), message: i.message })));
    }
    const festivals = [...new Set(r.data.days.map((d) => d.name))];
    years = [
      { year: r.data.year, days: r.data.days, source: { titles: r.data.papers ?? [], yearFrom: "file", festivals } },
    ];
  } else return fail([{ code: "store.format" }]);

  const problems: StoreProblem[] = [];
  const seen = new Set<number>();
  for (const y of years) {
    if (seen.has(y.year)) problems.push({ code: "store.duplicate-year", year: y.year });
    seen.add(y.year);
    problems.push(...checkStoredYear(y));
  }
  return problems.length > 0 ? fail(problems) : ok(years.map(sorted));
}

export function storeProblemText(p: StoreProblem, locale: Locale = "zh-CN"): string {
  const zh = locale === "zh-CN";
  switch (p.code) {
    case "store.json":
      return zh ? `不是合法的 JSON（${p.detail}）` : `Not valid JSON (${p.detail})`;
    case "store.format":
      return zh
        ? "不是资助助手保存的放假安排（也不是 holiday-cn 的年份文件）"
        : "Not a holiday schedule saved by Zizhu (nor a holiday-cn year file)";
    case "store.version":
      return zh
        ? `由更新版本的资助助手保存（格式版本 ${String(p.version)}），请升级资助助手后再用`
        : `Saved by a newer Zizhu (format version ${String(p.version)}): update Zizhu first`;
    case "store.schema":
      return zh ? `${p.path || "文档"}：${p.message}` : `${p.path || "document"}: ${p.message}`;
    case "store.empty-year":
      return zh
        ? `${p.year}年没有任何放假日（尚未公布的年份不能当作已收录）`
        : `${p.year} lists no day (a year not yet published cannot count as known)`;
    case "store.day": {
      const why = {
        "not-a-date": zh ? "不是有效日期" : "is not a valid date",
        "outside-year": zh ? `不在${p.year}年内` : `is not in ${p.year}`,
        duplicate: zh ? "出现了两次" : "is listed twice",
      }[p.reason];
      return zh ? `${p.year}年的 ${p.date} ${why}` : `${p.year}: ${p.date} ${why}`;
    }
    case "store.duplicate-year":
      return zh ? `${p.year}年出现了两次` : `${p.year} is listed twice`;
  }
}
