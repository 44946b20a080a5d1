import holidays from "../data/holidays.json";
import { daysFromCivil } from "../date/civil";

/**
 * The State Council holiday schedules (放假安排, with 调休 make-up working days) as a lookup by
 * day number. The shipped one is built once, on first use, from the offline data package; a
 * calendar with imported years (combine.ts) has the same shape, so every working-day function
 * takes either.
 */
export interface SpecialDay {
  /** true: a day off (holiday); false: a make-up working day on a weekend (调休上班). */
  readonly off: boolean;
  /** The holiday it belongs to, e.g. "国庆节" or "国庆节、中秋节". */
  readonly name: string;
}

/** One day as the holiday-cn files (and imported notices) list it. */
export interface HolidayDay {
  readonly name: string;
  /** YYYY-MM-DD; a year's list may hold a day of the year before (元旦 on 12-31). */
  readonly date: string;
  readonly isOffDay: boolean;
}

/** Where a year's schedule comes from. */
export type YearSource =
  | { readonly kind: "shipped"; readonly papers: readonly string[] }
  | { readonly kind: "imported"; readonly titles: readonly string[]; readonly importedAt: string | null };

export interface Calendar {
  readonly days: ReadonlyMap<number, SpecialDay>;
  /** Years whose whole schedule is known: a date in any other year gives calendar.no-schedule. */
  readonly published: ReadonlySet<number>;
  /** The published years, ascending. */
  readonly years: readonly number[];
  readonly sources: ReadonlyMap<number, YearSource>;
}

/** A year of the data package, as vendored. */
export interface ShippedYear {
  readonly year: number;
  readonly published: boolean;
  readonly papers: readonly string[];
  readonly days: readonly HolidayDay[];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO date, or null when the text is not one. */
export function isoDayNumber(date: string): number | null {
  const m = ISO.exec(date);
  return m ? daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

let shippedCache: readonly ShippedYear[] | null = null;

export function shippedYears(): readonly ShippedYear[] {
  if (shippedCache) return shippedCache;
  const out: ShippedYear[] = [];
  const years: Record<string, { published?: unknown; papers?: unknown; days?: unknown }> = holidays.years;
  for (const [key, entry] of Object.entries(years)) {
    const days: HolidayDay[] = [];
    for (const row of Array.isArray(entry.days) ? (entry.days as unknown[]) : []) {
      if (!Array.isArray(row)) continue;
      const [date, name, off] = row as unknown[];
      if (typeof date !== "string" || !ISO.test(date)) continue;
      days.push({ date, name: typeof name === "string" ? name : "", isOffDay: off === 1 });
    }
    const papers = Array.isArray(entry.papers) ? entry.papers.filter((p): p is string => typeof p === "string") : [];
    out.push({ year: Number(key), published: entry.published === true, papers, days });
  }
  out.sort((a, b) => a.year - b.year);
  shippedCache = Object.freeze(out);
  return shippedCache;
}

/** A calendar from years of special days; `published` lists the years whose schedule is whole. */
export function calendarFrom(
  lists: readonly { readonly year: number; readonly days: readonly HolidayDay[]; readonly source: YearSource }[],
): Calendar {
  const days = new Map<number, SpecialDay>();
  const published = new Set<number>();
  const sources = new Map<number, YearSource>();
  for (const list of lists) {
    published.add(list.year);
    sources.set(list.year, list.source);
    for (const day of list.days) {
      const n = isoDayNumber(day.date);
      // Keyed by the actual date: a year's file may list a day of the year before (元旦 on 12-31).
      if (n !== null) days.set(n, { off: day.isOffDay, name: day.name });
    }
  }
  return { days, published, years: Object.freeze([...published].sort((a, b) => a - b)), sources };
}

let cache: Calendar | null = null;

/** The shipped calendar (the data package alone). */
export function schedule(): Calendar {
  cache ??= calendarFrom(
    shippedYears()
      .filter((y) => y.published)
      .map((y) => ({ year: y.year, days: y.days, source: { kind: "shipped", papers: y.papers } as const })),
  );
  return cache;
}
