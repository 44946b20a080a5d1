import type { HolidayDay } from "../schedule";
import type { Repairs } from "./normalize";

/** Where an imported year's days were read from. */
export interface NoticeSource {
  /** The notices' titles, in the order read (the year's notice, then any 调整/延长 notice). */
  readonly titles: readonly string[];
  /** How the year was known: the title, the text, the user (--year), or a holiday-cn file. */
  readonly yearFrom: "title" | "text" | "option" | "file";
  /** The festivals read, in the notice's order (元旦, 春节, …, 中秋节、国庆节). */
  readonly festivals: readonly string[];
  /** When the host imported it (local ISO timestamp), if it says. */
  readonly importedAt?: string;
  /** What the reader had to clean up in the pasted text. */
  readonly repairs?: Repairs;
}

/**
 * One year's holidays and make-up working days read from the State Council notice, in the
 * holiday-cn shape of the vendored data (src/core/data, vendor/data/holidays/YYYY.json).
 */
export interface ImportedYear {
  readonly year: number;
  /** Sorted by date; may start with days of the December before (元旦). */
  readonly days: readonly HolidayDay[];
  readonly source: NoticeSource;
}
