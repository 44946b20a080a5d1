/** What 读取 makes of a pasted holiday notice, against the years the pane already has. */
import {
  createCalendar,
  parseHolidayNotice,
  shippedAsImported,
  type CalendarConflict,
  type ImportedYear,
  type NoticeProblem,
} from "../../src/core";
import type { Strings } from "../strings";

/** What 读取 found: problems, or a year and what importing it would do. */
export type NoticePreview =
  | { kind: "invalid"; text: string }
  | { kind: "problems"; problems: readonly NoticeProblem[] }
  | {
      kind: "read";
      year: ImportedYear;
      /** new / replace: can be imported; the others say why not. */
      verdict: "new" | "replace" | "same" | "redundant" | "conflict";
      conflict?: CalendarConflict;
      replaces?: ImportedYear;
    };

function sameDays(a: ImportedYear, b: ImportedYear): boolean {
  const key = (y: ImportedYear): string => y.days.map((d) => `${d.date}${d.isOffDay ? 1 : 0}${d.name}`).join("|");
  return key(a) === key(b);
}

/** A 4-digit year in the range the store accepts, undefined when empty, null when invalid. */
function yearOption(text: string): number | undefined | null {
  const t = text.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return /^\d{4}$/.test(t) && n >= 1949 && n <= 2200 ? n : null;
}

/** The notice read (with the year typed in, when its title is missing), and its verdict against `years`. */
export function readNotice(
  notice: string,
  yearText: string,
  years: readonly ImportedYear[],
  s: Strings,
): NoticePreview {
  const year = yearOption(yearText);
  if (year === null) return { kind: "invalid", text: s.calBadYear(yearText.trim()) };
  let parsed = parseHolidayNotice(notice, year === undefined ? {} : { year });
  // A supplementary notice alone (调整/延长…假期) applies to the year as already known.
  if (!parsed.ok && parsed.problem.length > 0 && parsed.problem.every((p) => p.code === "notice.no-base")) {
    const first = parsed.problem[0] as Extract<NoticeProblem, { code: "notice.no-base" }>;
    const base = years.find((y) => y.year === first.year) ?? shippedAsImported(first.year);
    if (base) parsed = parseHolidayNotice(notice, { year: first.year, base });
  }
  if (!parsed.ok) return { kind: "problems", problems: parsed.problem };
  const got = parsed.value;
  const check = createCalendar([got]);
  const conflict = check.conflicts[0];
  const existing = years.find((y) => y.year === got.year);
  if (conflict) return { kind: "read", year: got, verdict: "conflict", conflict };
  if (check.redundant.includes(got.year)) return { kind: "read", year: got, verdict: "redundant" };
  if (existing && sameDays(existing, got)) return { kind: "read", year: got, verdict: "same" };
  if (existing) return { kind: "read", year: got, verdict: "replace", replaces: existing };
  return { kind: "read", year: got, verdict: "new" };
}
