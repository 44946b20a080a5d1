/**
 * One roster row → a NormalizedRecord keyed by canonical field, with canonical values. Headers are
 * resolved (with their group header, if any); empty cells are skipped; text is tidied; identifiers
 * keep their text form (validators judge them later); enumerations use the normalisers, and a value
 * a normaliser cannot read is reported as an issue rather than guessed.
 */
import { parseDateInput } from "../date/serial";
import { compact, integerDigits, tidy } from "../text/normalize";
import { primitiveText } from "../text/primitive-text";
import type { IdDocument } from "../id/problems";
import type { FieldKey } from "./fields";
import { resolveField, type ResolvedField, type Unit } from "./header";
import * as norm from "./values";
import type {
  Cause,
  Destination,
  Hardship,
  KindergartenType,
  Level,
  PairMode,
  Post,
  RecordType,
  Stage,
  Status,
  TeacherType,
  Tier,
} from "./values";

export interface NormalizedRecord {
  name?: string;
  gender?: "男" | "女";
  idNumber?: string;
  idType?: IdDocument;
  studentNo?: string;
  school?: string;
  stage?: Stage;
  grade?: string;
  class?: string;
  boarding?: boolean;
  hardship?: Hardship[];
  hardshipLevel?: Level;
  tier?: Tier;
  verified?: boolean;
  proof?: boolean;
  program?: string;
  amount?: number;
  days?: number;
  destination?: Destination;
  guardianName?: string;
  guardianId?: string;
  holder?: string;
  bank?: string;
  account?: string;
  phone?: string;
  address?: string;
  birthDate?: string;
  remarks?: string;
  status?: Status;
  teacherType?: TeacherType;
  cause?: Cause[];
  debt?: number;
  /** A year, or 是/否 for "近两年是否获省级资助" (true = aided at province level recently). */
  lastProvinceAidYear?: number | boolean;
  aidedThisYear?: boolean;
  post?: Post;
  hardshipTier?: string;
  kindergartenType?: KindergartenType;
  visits?: number;
  dropoutRisk?: boolean;
  inPost?: boolean;
  serial?: string;
  helperName?: string;
  helperUnit?: string;
  helperTitle?: string;
  helperPhone?: string;
  registered?: boolean;
  reason?: string;
  pairMode?: PairMode;
  /** ISO date (YYYY-MM-DD). */
  recordDate?: string;
  recordType?: RecordType;
  content?: string;
  subject?: string;
  lastScore?: number;
  score?: number;
  lastRank?: number;
  rank?: number;
}

export interface FieldIssue {
  field: FieldKey;
  /** The header as shown, with its group header when it has one: "监护人 › 身份证号". */
  header: string;
  /** The cell's text, tidied. */
  raw: string;
  problem: "unrecognised-value";
}

/** What a cell reads as for one field; undefined when it cannot be read. */
type Reader<K extends FieldKey> = (value: unknown, unit: Unit) => NormalizedRecord[K] | undefined;

/** Text of a primitive cell value (numbers as Excel shows whole numbers: no exponent); null otherwise. */
function cellText(value: unknown): string | null {
  return primitiveText(value, excelNumber, "TRUE", "FALSE");
}

function excelNumber(n: number): string {
  return Number.isInteger(n) && n >= 0 ? integerDigits(n) : String(n);
}

/** Printable ASCII, 、 and the CJK Unified Ideographs block: NFKC-stable, so tidy() has no work beyond spaces. */
const STABLE = /^[\x20-\x7e\u3001\u4e00-\u9fff]*$/;
const STABLE_NO_SPACE = /^[\x21-\x7e\u3001\u4e00-\u9fff]*$/;

/** tidy(), skipping its work for text that needs none (most names, schools, banks). */
function tidyFast(t: string): string {
  if (STABLE_NO_SPACE.test(t)) return t;
  if (STABLE.test(t) && !t.includes("  ") && !t.startsWith(" ") && !t.endsWith(" ")) return t;
  return tidy(t);
}

function text(value: unknown): string | undefined {
  const t = cellText(value);
  if (t === null) return undefined;
  const tidied = tidyFast(t);
  return tidied === "" ? undefined : tidied;
}

/** An identifier (ID, card, 学籍号): its compact text form, x upper-cased; never validated here. */
function identifier(value: unknown): string | undefined {
  const t = cellText(value);
  if (t === null) return undefined;
  const c = compact(t).toUpperCase();
  return c === "" ? undefined : c;
}

function phoneText(value: unknown): string | undefined {
  const t = cellText(value);
  if (t === null) return undefined;
  const c = compact(t);
  return c === "" ? undefined : c;
}

function orUndefined<T>(v: T | null): T | undefined {
  return v === null ? undefined : v;
}

/** Yes/no, or any other written value (a document or foundation name) meaning yes. */
function yesOrNamed(value: unknown): boolean | undefined {
  const yn = norm.normalizeYesNo(value);
  if (yn !== null) return yn;
  return cellText(value) === null ? undefined : true;
}

const YEAR_MONTH = /^(\d{4})(?:[-/.年](\d{1,2})月?|(\d{2}))$/;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function yearMonth(y: number, m: number): string | undefined {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 ? `${y}-${pad2(m)}` : undefined;
}

/** 出生日期 as YYYY-MM-DD, or YYYY-MM for 出生年月 ("2010.05", "201005", "2010年5月"). */
function birthDate(value: unknown): string | undefined {
  let input: unknown = value;
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 19000101 && value <= 21001231) input = String(value);
    else if (Number.isInteger(value) && value >= 190001 && value <= 210012) {
      return yearMonth(Math.floor(value / 100), value % 100);
    }
  } else if (typeof value === "string") {
    const s = compact(value);
    const ym = YEAR_MONTH.exec(s);
    if (ym) return yearMonth(Number(ym[1]), Number(ym[2] ?? ym[3]));
    input = s;
  } else {
    return undefined;
  }
  const r = parseDateInput(input);
  if (!r.ok || r.date.y < 1900 || r.date.y > 2100) return undefined;
  return `${r.date.y}-${pad2(r.date.m)}-${pad2(r.date.d)}`;
}

/** A day (帮扶日期): an Excel date serial or a written date, as YYYY-MM-DD; a bare year-month is no day. */
function fullDate(value: unknown): string | undefined {
  const r = parseDateInput(typeof value === "string" ? compact(value) : value);
  if (!r.ok || r.date.y < 1900 || r.date.y > 2100) return undefined;
  return `${r.date.y}-${pad2(r.date.m)}-${pad2(r.date.d)}`;
}

/** A rank as written: 3, "第3名", or "3/45" (3rd of 45). */
function rankOf(value: unknown): number | undefined {
  const t = typeof value === "string" ? compact(value) : null;
  const m = t ? /^第?(\d+)名?(?:[/／]\d+)?$/.exec(t) : null;
  return m ? Number(m[1]) : orUndefined(norm.normalizeCount(value));
}

function hardship(value: unknown): Hardship[] | undefined {
  const { values } = norm.normalizeHardship(value);
  return values.length > 0 ? values : undefined;
}

const READERS: { [K in FieldKey]: Reader<K> } = {
  name: text,
  gender: (v) => orUndefined(norm.normalizeGender(v)),
  idNumber: identifier,
  idType: (v) => orUndefined(norm.normalizeIdDocument(v)),
  studentNo: identifier,
  school: text,
  stage: (v) => orUndefined(norm.normalizeStage(v)),
  grade: text,
  class: text,
  boarding: (v) => orUndefined(norm.normalizeBoarding(v)),
  hardship,
  hardshipLevel: (v) => orUndefined(norm.normalizeLevel(v)),
  tier: (v) => orUndefined(norm.normalizeTier(v)),
  verified: (v) => orUndefined(norm.normalizeVerified(v)),
  proof: yesOrNamed,
  program: text,
  amount: (v, unit) => orUndefined(norm.normalizeMoney(v, unit)),
  days: (v) => orUndefined(norm.normalizeCount(v)),
  destination: (v) => orUndefined(norm.normalizeDestination(v)),
  guardianName: text,
  guardianId: identifier,
  holder: text,
  bank: text,
  account: identifier,
  phone: phoneText,
  address: text,
  birthDate,
  remarks: text,
  status: (v) => orUndefined(norm.normalizeStatus(v)),
  teacherType: (v) => orUndefined(norm.normalizeTeacherType(v)),
  // Any written cause reads (unknown ones as 其他); "无" reads as no cause at all.
  cause: (v) => (typeof v === "string" ? norm.normalizeCause(v) : undefined),
  debt: (v, unit) => orUndefined(norm.normalizeMoney(v, unit)),
  lastProvinceAidYear: (v) => orUndefined(norm.normalizeYesNo(v) ?? norm.normalizeYear(v)),
  aidedThisYear: yesOrNamed,
  post: (v) => orUndefined(norm.normalizePost(v)),
  // The county sets these tiers: a tier we know reads canonically (1 → 一档), any other text stays.
  hardshipTier: (v) => orUndefined(norm.normalizeTier(v)) ?? text(v),
  kindergartenType: (v) => orUndefined(norm.normalizeKindergarten(v)),
  visits: (v) => orUndefined(norm.normalizeCount(v)),
  dropoutRisk: (v) => orUndefined(norm.normalizeYesNo(v)),
  inPost: (v) => orUndefined(norm.normalizeInPost(v)),
  serial: text,
  helperName: text,
  helperUnit: text,
  helperTitle: text,
  helperPhone: phoneText,
  registered: (v) => orUndefined(norm.normalizeRegistered(v)),
  reason: text,
  pairMode: (v) => orUndefined(norm.normalizePairMode(v)),
  recordDate: fullDate,
  // Any written type reads (unknown ones as 其他): a ledger's own words still make a record.
  recordType: (v) => (text(v) === undefined ? undefined : (norm.normalizeRecordType(v) ?? "其他")),
  content: text,
  subject: text,
  lastScore: (v) => orUndefined(norm.normalizeMoney(v)),
  score: (v) => orUndefined(norm.normalizeMoney(v)),
  lastRank: rankOf,
  rank: rankOf,
};

function read<K extends FieldKey>(key: K, value: unknown, unit: Unit): NormalizedRecord[K] | undefined {
  return (READERS[key] as Reader<K>)(value, unit);
}

interface Column {
  resolved: ResolvedField | null;
  /** The header as shown in issues and in `fields`. */
  shown: string;
}

const WHITE_SPACE = /\s+/g;

/** A header as the sheet shows it: the user's own characters, white space folded (no NFKC). */
function headerShown(value: unknown): string {
  const t = cellText(value);
  return t === null ? "" : t.replace(WHITE_SPACE, " ").trim();
}

function valueShown(value: unknown): string {
  const t = cellText(value);
  return t === null ? `[${typeof value}]` : tidy(t);
}

/** A roster's headers repeat on every row: resolve and format each (group, header) once. */
const COLUMNS = new Map<string, Map<string, Column>>();
const COLUMNS_LIMIT = 4096;
let columnCount = 0;

function makeColumn(header: unknown, group: unknown): Column {
  const headerText = headerShown(header);
  const groupText = headerShown(group);
  const shown = groupText === "" || groupText === headerText ? headerText : `${groupText} › ${headerText}`;
  return { resolved: resolveField(header, group), shown };
}

function column(header: unknown, group: unknown): Column {
  if (typeof header !== "string" || header.length > 256) return makeColumn(header, group);
  let groupKey: string;
  if (typeof group === "string") groupKey = group;
  else if (group === undefined || group === null) groupKey = "";
  else return makeColumn(header, group);
  let byHeader = COLUMNS.get(groupKey);
  const hit = byHeader?.get(header);
  if (hit) return hit;
  if (columnCount >= COLUMNS_LIMIT) {
    COLUMNS.clear();
    columnCount = 0;
    byHeader = undefined;
  }
  if (!byHeader) {
    byHeader = new Map();
    COLUMNS.set(groupKey, byHeader);
  }
  const made = makeColumn(header, group);
  byHeader.set(header, made);
  columnCount++;
  return made;
}

/** Empty: null, undefined, or text of only white space and invisible characters (no allocation). */
const BLANK = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD]*$/;

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  // Most cells start with printable ASCII or an ideograph, which is neither space nor invisible.
  const first = value.charCodeAt(0);
  if ((first > 0x20 && first < 0x7f) || (first >= 0x4e00 && first <= 0x9fff)) return false;
  return BLANK.test(value);
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"
  );
}

/**
 * A row as (header, value) pairs → its record. `groups[i]` is the merged group header above the
 * i-th pair (监护人 over 姓名 / 身份证号). When several headers map to one field, the first with a
 * value wins. `fields` names, for each field, the header its value came from (or, when all its
 * cells were empty, the first header that maps to it). Unknown non-empty headers are listed once.
 */
export function normalizeRecord(
  entries: Iterable<readonly [header: unknown, value: unknown]>,
  groups?: readonly unknown[],
): {
  record: NormalizedRecord;
  issues: FieldIssue[];
  unknownHeaders: string[];
  fields: Partial<Record<FieldKey, string>>;
} {
  const record: NormalizedRecord = {};
  const issues: FieldIssue[] = [];
  const unknownHeaders: string[] = [];
  const fields: Partial<Record<FieldKey, string>> = {};
  /** Fields a non-empty cell has been seen for (read or not): later headers for them are ignored. */
  const given = new Set<FieldKey>();
  if (!isIterable(entries)) return { record, issues, unknownHeaders, fields };
  const groupList = Array.isArray(groups) ? groups : [];
  let index = -1;
  for (const entry of entries) {
    index++;
    if (!Array.isArray(entry)) continue;
    const header: unknown = entry[0];
    const value: unknown = entry[1];
    const { resolved, shown } = column(header, groupList[index]);
    if (!resolved) {
      if (shown !== "" && !unknownHeaders.includes(shown)) unknownHeaders.push(shown);
      continue;
    }
    readCell(record, issues, fields, given, resolved, shown, value);
  }
  inferStage(record, given.has("stage"));
  return { record, issues, unknownHeaders, fields };
}

/** Stage from grade, then from class, only when no stage cell was given. */
function inferStage(record: NormalizedRecord, stageGiven: boolean): void {
  if (record.stage === undefined && !stageGiven) {
    const stage = orUndefined(norm.stageFromGrade(record.grade)) ?? orUndefined(norm.stageFromGrade(record.class));
    if (stage !== undefined) record.stage = stage;
  }
}

/** One cell into the record: first non-empty value per field wins; unreadable values are issues. */
function readCell(
  record: NormalizedRecord,
  issues: FieldIssue[],
  fields: Partial<Record<FieldKey, string>>,
  given: Set<FieldKey>,
  resolved: ResolvedField,
  shown: string,
  value: unknown,
): void {
  const key = resolved.key;
  if (given.has(key)) return;
  if (isBlank(value)) {
    fields[key] ??= shown;
    return;
  }
  given.add(key);
  fields[key] = shown;
  readValue(record, issues, key, resolved.unit, shown, value);
}

/** What a non-blank cell reads as for one field: the value kept (if any), and whether it read in full. */
interface ReadOutcome {
  value: unknown;
  readable: boolean;
}

/** `reader`: the field's reader, when the caller has it at hand. */
function readOutcome(key: FieldKey, unit: Unit, value: unknown, reader?: Reader<FieldKey>): ReadOutcome {
  if (key === "hardship") {
    // The items it reads are kept; any item it cannot read is still reported.
    const { values, unknown } = norm.normalizeHardship(value);
    return { value: values.length > 0 ? values : undefined, readable: values.length > 0 && unknown.length === 0 };
  }
  const v = reader ? reader(value, unit) : read(key, value, unit);
  return { value: v, readable: v !== undefined };
}

/** An outcome into the record; an unreadable value becomes an issue. */
function applyOutcome(
  record: NormalizedRecord,
  issues: FieldIssue[],
  key: FieldKey,
  shown: string,
  value: unknown,
  outcome: ReadOutcome,
): void {
  if (outcome.value !== undefined) (record as Record<FieldKey, unknown>)[key] = outcome.value;
  if (!outcome.readable)
    issues.push({ field: key, header: shown, raw: valueShown(value), problem: "unrecognised-value" });
}

/** A non-blank cell's value into its field; a value the field cannot read becomes an issue. */
function readValue(
  record: NormalizedRecord,
  issues: FieldIssue[],
  key: FieldKey,
  unit: Unit,
  shown: string,
  value: unknown,
): void {
  applyOutcome(record, issues, key, shown, value, readOutcome(key, unit, value));
}

/**
 * Fields whose columns hold a few distinct values over a whole roster (enumerations, amounts,
 * schools, banks): a reader remembers what each value read as. Their readers are pure.
 */
const FEW_VALUES: ReadonlySet<FieldKey> = new Set<FieldKey>([
  "gender",
  "idType",
  "school",
  "stage",
  "grade",
  "class",
  "boarding",
  "hardship",
  "hardshipLevel",
  "tier",
  "verified",
  "proof",
  "program",
  "amount",
  "days",
  "destination",
  "bank",
  "status",
  "teacherType",
  "cause",
  "debt",
  "lastProvinceAidYear",
  "aidedThisYear",
  "post",
  "hardshipTier",
  "kindergartenType",
  "visits",
  "dropoutRisk",
  "inPost",
  "registered",
  "pairMode",
  "recordType",
  "subject",
]);
/** Distinct values remembered per column; a column with more is read cell by cell past them. */
const REMEMBERED_VALUES = 512;

type Remembered = Map<string | number | boolean, ReadOutcome>;

/** The outcome for a value, remembered per column; arrays are copied so no two records share one. */
function rememberedOutcome(memo: Remembered, key: FieldKey, unit: Unit, value: unknown): ReadOutcome {
  const t = typeof value;
  // -0 and 0 are one Map key but need not read alike.
  if ((t !== "string" && t !== "number" && t !== "boolean") || Object.is(value, -0))
    return readOutcome(key, unit, value);
  const k = value as string | number | boolean;
  const hit = memo.get(k);
  if (hit === undefined) {
    const made = readOutcome(key, unit, value);
    if (memo.size < REMEMBERED_VALUES)
      memo.set(k, { value: Array.isArray(made.value) ? [...made.value] : made.value, readable: made.readable });
    return made;
  }
  return Array.isArray(hit.value) ? { value: [...hit.value], readable: hit.readable } : hit;
}

export interface RowColumn {
  /** 0-based column index in the row. */
  col: number;
  header: unknown;
  group?: unknown;
}

/**
 * A reader for many rows under the same headers (a roster): headers are resolved once, and each
 * row is read straight from its cells, with the same results as normalizeRecord.
 */
export function rowReader(
  columns: readonly RowColumn[],
): (cells: readonly unknown[]) => { record: NormalizedRecord; issues: FieldIssue[] } {
  const list: readonly RowColumn[] = Array.isArray(columns) ? columns : [];
  const ordinals = new Map<FieldKey, number>();
  const slots = list
    .filter((c): c is RowColumn => typeof c === "object" && c !== null && Number.isInteger(c.col))
    .map((c) => ({ col: c.col, ...column(c.header, c.group) }))
    .filter((c): c is { col: number; resolved: ResolvedField; shown: string } => c.resolved !== null)
    .map((c) => {
      const key = c.resolved.key;
      if (!ordinals.has(key)) ordinals.set(key, ordinals.size);
      const memo: Remembered | null = FEW_VALUES.has(key) ? new Map() : null;
      const reader = READERS[key] as Reader<FieldKey>;
      return { col: c.col, key, unit: c.resolved.unit, shown: c.shown, ordinal: ordinals.get(key) ?? 0, memo, reader };
    });
  // Which fields a row has given: one flag per field, reset per row (no Set per row).
  const seen = new Uint8Array(Math.max(1, ordinals.size));
  const stageOrdinal = ordinals.get("stage") ?? -1;
  return (cells) => {
    const record: NormalizedRecord = {};
    const issues: FieldIssue[] = [];
    const row: readonly unknown[] = Array.isArray(cells) ? cells : [];
    seen.fill(0);
    for (const slot of slots) {
      if (seen[slot.ordinal] === 1) continue;
      const value = row[slot.col];
      if (isBlank(value)) continue;
      seen[slot.ordinal] = 1;
      const outcome =
        slot.memo === null
          ? readOutcome(slot.key, slot.unit, value, slot.reader)
          : rememberedOutcome(slot.memo, slot.key, slot.unit, value);
      applyOutcome(record, issues, slot.key, slot.shown, value, outcome);
    }
    inferStage(record, stageOrdinal >= 0 && seen[stageOrdinal] === 1);
    return { record, issues };
  };
}
