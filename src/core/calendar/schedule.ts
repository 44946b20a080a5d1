import holidays from "../data/holidays.json";
import { daysFromCivil } from "../date/civil";

/**
 * The State Council holiday schedules (放假安排, with 调休 make-up working days) as a lookup by
 * day number. Built once, on first use, from the offline data package.
 */
export interface SpecialDay {
  /** true: a day off (holiday); false: a make-up working day on a weekend (调休上班). */
  readonly off: boolean;
  /** The holiday it belongs to, e.g. "国庆节" or "国庆节、中秋节". */
  readonly name: string;
}

interface Schedule {
  readonly days: ReadonlyMap<number, SpecialDay>;
  readonly published: ReadonlySet<number>;
  readonly years: readonly number[];
}

let cache: Schedule | null = null;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function build(): Schedule {
  const days = new Map<number, SpecialDay>();
  const published = new Set<number>();
  const years: Record<string, { published?: unknown; days?: unknown }> = holidays.years;
  for (const [key, entry] of Object.entries(years)) {
    if (entry.published === true) published.add(Number(key));
    if (!Array.isArray(entry.days)) continue;
    for (const row of entry.days as unknown[]) {
      if (!Array.isArray(row)) continue;
      const [date, name, off] = row as unknown[];
      const m = typeof date === "string" ? ISO.exec(date) : null;
      if (!m) continue;
      // Keyed by the actual date: a year's file may list a day of the year before (元旦 on 12-31).
      days.set(daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])), {
        off: off === 1,
        name: typeof name === "string" ? name : "",
      });
    }
  }
  return { days, published, years: Object.freeze([...published].sort((a, b) => a - b)) };
}

export function schedule(): Schedule {
  cache ??= build();
  return cache;
}
