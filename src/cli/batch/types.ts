/** What travels between the batch runner and its workers (structured-clone friendly data only). */
import type { CivilDate, CountyCoverage, CountyPerson, SealStatus, Pack, Report } from "../../core";

/** Set once per worker. */
export interface WorkerContext {
  pack: Pack;
  today: CivilDate;
  /** 学校 → 在校人数 (schoolKey keys), or null without --enrolment. */
  enrolment: [string, number][] | null;
  /** The secret that turns an ID into its equality key (HMAC-SHA-256); never written anywhere. */
  idKeySecret: Uint8Array;
}

export interface FileTask {
  /** Absolute path. */
  path: string;
  /** Path relative to the batch folder, "/" separated: how outputs name the file. */
  file: string;
}

export interface ProgramTotal {
  program: string;
  count: number;
  /** 元, summed in fen. */
  amount: number;
}

export interface CheckedFile {
  kind: "checked";
  file: string;
  school: string;
  sheet: string;
  format: "xlsx" | "csv";
  /** The file's Report (values masked). */
  report: Report;
  seal: { status: SealStatus; message: string };
  totals: ProgramTotal[];
  /** For the county rules only: IDs as keyed hashes plus their masked form. Not in report.json. */
  people: CountyPerson[];
  /** 帮联 coverage (ID keys only), for the county rules. Not in report.json. */
  coverage: CountyCoverage;
}

export interface UnreadableFile {
  kind: "unreadable";
  file: string;
  /** The Chinese reason (what readWorkbookFile says), for the 无法读取 sheet. */
  reason: string;
  /** Our own failure, not the file's: never cached, so the next run tries again. */
  internal?: boolean;
}

export type FileResult = CheckedFile | UnreadableFile;
