/**
 * What the county-level rules see of each school file: its people (ID as an opaque equality key,
 * never the number), where each one is, and the file's seal verdict. The batch runner builds
 * these from the per-file checks; the rules compare them across files.
 */
import type { Severity } from "../findings/types";

export interface CountyPerson {
  /**
   * An equality key for the normalised 18-digit ID (the CLI uses a keyed hash): equal IDs have
   * equal keys. Never shown.
   */
  idKey: string;
  /** The ID masked for display (110105********002X). */
  idMasked: string;
  /** 0-based row and column of the ID cell. */
  row: number;
  col: number;
  /** The pack code of the program the row is aided under, or null when none was recognised. */
  program: string | null;
  /** The person's school as the row says it (工作单位/学校), else the file's school. */
  school: string;
}

/** A student a file's aid roster lists who must have a helper (建档立卡), by ID key. */
export interface CountyNeeded {
  idKey: string;
  idMasked: string;
  sheet: string;
  row: number;
  col: number;
  school: string;
}

/** A file's part in 帮联 coverage: who it must cover, who its ledgers pair (ID keys). */
export interface CountyCoverage {
  hasLedger: boolean;
  needed: readonly CountyNeeded[];
  paired: readonly string[];
}

export type SealStatus = "unchanged" | "modified" | "unsealed";

export interface CountyFile {
  /** The file's path relative to the batch folder, with "/" separators. */
  file: string;
  /** The school the file is from (see schoolOfWorkbook). */
  school: string;
  /** The roster sheet that was checked. */
  sheet: string;
  people: readonly CountyPerson[];
  seal: { status: SealStatus; message: string };
  /** 一对一帮扶 coverage (absent for files read before ledgers were known). */
  coverage?: CountyCoverage;
}

/** Where a county issue is: a file, its sheet and cell (cell "" for a whole file or sheet). */
export interface CountyPlace {
  file: string;
  school: string;
  sheet: string;
  cell: string;
}

export interface CountyIssue {
  rule: string;
  severity: Severity;
  /** What is wrong, in the locale rendered (zh-CN by default), naming the files and cells. */
  message: string;
  /** How to fix it, with the rule's source. */
  hint: string;
  /** Where the rule comes from (方案N …). */
  source: string;
  /** The value concerned, masked ("" when none). */
  value: string;
  places: CountyPlace[];
}
