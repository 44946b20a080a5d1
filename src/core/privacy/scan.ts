/**
 * Sheets and workbooks → privacy Findings. A 公示 (mode "notice") must show none of the data, so
 * every hit is an error. In a roster (mode "roster") the data belongs in its own column (an ID in
 * 身份证号, a phone in 联系电话 …) and is not reported there; anywhere else — a remark, a name or
 * school column, a title, a note, a page header, a document property, a hidden sheet — it is a
 * warning. "inventory" reports everything as a warning (what personal data does this file hold?).
 */
import type { FieldKey } from "../roster/fields";
import { toHalfWidth } from "../text/normalize";
import { cellKey, type CellValue, type Grid, type WorkbookData } from "../grid/types";
import type { Finding, Severity } from "../findings/types";
import { isDateFormat } from "./birth";
import { columnExpects, fieldForHeader, kindOfField, labelKindOf } from "./columns";
import { checksumOf, detectValue, endsWithServiceLabel, NO_HITS, SEVEN_DIGITS, type RawHit } from "./detect";
import {
  ruleOf,
  type PiiKind,
  type ScanMode,
  type ScanOptions,
  type SheetScanOptions,
  type WorkbookScanOptions,
} from "./types";

type Where = "cell" | "hidden-sheet" | "note" | "header-footer" | "property";

interface Place {
  sheet: string;
  row: number;
  col: number;
  where: Where;
  /** The column's field, for roster mode (null outside the table body). */
  field: FieldKey | null;
  sheetState?: "hidden" | "veryHidden";
  property?: string;
  /** The cell's row or column is hidden. */
  hidden?: boolean;
}

const KIND_BIT: Readonly<Record<PiiKind, number>> = {
  "id-number": 1,
  phone: 2,
  "bank-card": 4,
  "birth-date": 8,
  address: 16,
};

function modeOf(mode: unknown): ScanMode {
  return mode === "roster" || mode === "inventory" ? mode : "notice";
}

function severityOf(mode: ScanMode, place: Place, kind: PiiKind): Severity | null {
  if (mode === "notice") return "error";
  if (mode === "inventory") return "warning";
  // Roster: silent only for a body cell of a visible sheet, in the column meant for this data.
  return place.where === "cell" && columnExpects(place.field, kind) ? null : "warning";
}

/** One Finding per kind found in a value (a cell with two phone numbers reports the first). */
function emit(out: Finding[], hits: readonly RawHit[], place: Place, mode: ScanMode): void {
  let seen = 0;
  for (const hit of hits) {
    const bit = KIND_BIT[hit.kind];
    if ((seen & bit) !== 0) continue;
    seen |= bit;
    const severity = severityOf(mode, place, hit.kind);
    if (severity === null) continue;
    const data: Record<string, string | number | boolean> = { kind: hit.kind, by: hit.by, where: place.where };
    if (hit.precisionLost) data.precisionLost = true;
    const checksumOk = checksumOf(hit);
    if (checksumOk !== undefined) data.checksumOk = checksumOk;
    if (place.sheetState) data.sheetState = place.sheetState;
    if (place.property !== undefined) data.property = place.property;
    if (place.hidden) data.hidden = true;
    out.push({
      rule: ruleOf(hit.kind),
      sheet: place.sheet,
      row: place.row,
      col: place.col,
      value: hit.mask(hit.raw),
      data,
      severity,
    });
  }
}

/** The value at the top-left of a merge covering (row, col), if any. */
function mergedValue(grid: Grid, row: number, col: number): CellValue {
  if (!Array.isArray(grid.merges)) return null;
  for (const m of grid.merges) {
    if (m.top <= row && row <= m.bottom && m.left <= col && col <= m.right) {
      return grid.rows[m.top]?.[m.left] ?? null;
    }
  }
  return null;
}

/** Column fields from the header row, with a merged group header above it (监护人 › 联系电话). */
function fieldsFromHeader(grid: Grid, headerRow: number): (FieldKey | null)[] {
  const header = grid.rows[headerRow];
  if (!Array.isArray(header)) return [];
  const fields: (FieldKey | null)[] = [];
  for (let c = 0; c < header.length; c++) {
    const text = header[c] ?? mergedValue(grid, headerRow, c);
    const group = headerRow > 0 ? mergedValue(grid, headerRow - 1, c) : null;
    fields.push(fieldForHeader(text, group ?? undefined) ?? fieldForHeader(text));
  }
  return fields;
}

/** A phone number in the cell right of a 监督电话 / 咨询电话 label is the office's, not a person's. */
function dropServiceNumbers(hits: readonly RawHit[], left: unknown): readonly RawHit[] {
  if (typeof left !== "string" || left === "" || !hits.some((h) => h.kind === "phone" && h.by === "content"))
    return hits;
  return endsWithServiceLabel(toHalfWidth(left)) ? hits.filter((h) => h.kind !== "phone" || h.by !== "content") : hits;
}

/** What a cell next to a value says about it: nothing (a value, a blank), a kind, or another label. */
type Label = "value" | "blank" | "birth-date" | "bank-card" | "other-date" | "other";

/** Text a column of values holds without naming anything: dates, digits, masked values, placeholders. */
const VALUE_TEXT = /^(?:[\s\d.,:\-/\\*xX×+()~年月日号]*|无|暂无|空|不详|略|同上|见上)$/;
/** Only labels with one of these can name a birth date or a card (labelKindOf): the rest skip the lookup. */
const LABEL_HINT = /出生|生日|卡|[账帐]|存折|account|birth/i;
/** The characters LABEL_HINT starts with, one table lookup each: most texts have none. */
const HINT_CHARS = (() => {
  const table = new Uint8Array(0x10000);
  for (const ch of "出生卡账帐存aAbB") table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** LABEL_HINT.test(text), without running the regex over the many texts that cannot match. */
function hasLabelHint(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (HINT_CHARS[text.charCodeAt(i)] === 1) return LABEL_HINT.test(text);
  }
  return false;
}
/** A label naming another date (发放日期, 公示期, 填报时间): the value beside it is that date. */
const OTHER_DATE_LABEL = /日期|时间|年月|期间|[日期]$/;
/** Real labels are short; a longer text (a title, a remark) names no column. */
const MAX_LABEL = 24;
/** Empty cells a column may have between its label and a value the label still covers. */
const MAX_GAP = 5;
/** Empty cells a form may have between a label and its value (出生日期 | | 2010-05-01). */
const MAX_LEFT = 3;
const MAX_BIRTH_SERIAL = 73050;
const MAX_PACKED_BIRTH = 20991231;

function labelOf(value: unknown): Label {
  if (value === null || value === undefined) return "blank";
  if (typeof value !== "string") return "value";
  const text = toHalfWidth(value).trim();
  if (text === "") return "blank";
  if (text.length > MAX_LABEL) return "other";
  if (VALUE_TEXT.test(text)) return "value";
  const kind = hasLabelHint(text) ? labelKindOf(text) : null;
  return kind ?? (OTHER_DATE_LABEL.test(text) ? "other-date" : "other");
}

/** A label in force over a column, or beside a value: none, 出生日期 …, 卡号 …. */
const NO_LABEL = 0;
const BIRTH_LABEL = 1;
const CARD_LABEL = 2;
type LabelCode = typeof NO_LABEL | typeof BIRTH_LABEL | typeof CARD_LABEL;

function codeOf(label: Label): LabelCode {
  return label === "birth-date" ? BIRTH_LABEL : label === "bank-card" ? CARD_LABEL : NO_LABEL;
}

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (typeof value !== "string") return false;
  const first = value.charCodeAt(0);
  return (first <= 0x20 || first === 0x3000 || first === 0xa0) && value.trim() === "";
}

/**
 * What labels make of a value whose shape does not say what it is — a date (birth or payment?),
 * a card number failing Luhn: the nearest non-empty cell to the left (出生日期 | 2010-05-01), else
 * the nearest label above in the column (its header, or a form's 出生 over the value), found
 * without knowing the header row. `above` is the column's label in force, `left` the cell beside
 * (undefined when none is near); a 发放日期 beside a value under a 出生日期 column wins.
 */
function labelledKind(above: LabelCode, left: unknown): "birth-date" | "bank-card" | null {
  if (typeof left === "string") {
    const label = labelOf(left);
    if (label === "birth-date" || label === "bank-card") return label;
    if (label === "other-date") return null;
  }
  return above === BIRTH_LABEL ? "birth-date" : above === CARD_LABEL ? "bank-card" : null;
}

/** isDateFormat of the few formats a workbook uses (an amount column asks for every cell). */
const DATE_FORMATS = new Map<string, boolean>();

function isDateFormatCached(format: string | undefined): boolean {
  if (format === undefined) return false;
  let known = DATE_FORMATS.get(format);
  if (known === undefined) {
    known = isDateFormat(format);
    if (DATE_FORMATS.size < 256) DATE_FORMATS.set(format, known);
  }
  return known;
}

/**
 * A number a birth-date label would make a birth date: a date-formatted serial, a packed 20100501
 * or 201005, a year (出生年份 | 2010). An unformatted serial (40299, shown as 40299) shows no date.
 */
function maybeBirthNumber(value: number, format: string | undefined): boolean {
  if (!Number.isInteger(value)) return value > 0 && value <= MAX_BIRTH_SERIAL && isDateFormatCached(format);
  if (value >= 1900 && value <= 2099) return true;
  if (value > 0 && value <= MAX_BIRTH_SERIAL) return isDateFormatCached(format);
  return (value >= 19000101 && value <= 20991231) || (value >= 190001 && value <= 209912);
}

/** Text a label could make a birth date or a card: it starts with a year, or with 16 digits. */
const LABEL_CANDIDATE = /^\s*(?:(?:19|20)\d{2}|\d(?:[ -]?\d){15})/;
const MAX_CANDIDATE = 40;

function maybeLabelled(value: string): boolean {
  if (value.length > MAX_CANDIDATE) return false;
  const first = value.charCodeAt(0);
  const digitFirst = (first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19) || first === 0x20;
  return digitFirst && LABEL_CANDIDATE.test(toHalfWidth(value));
}

const FIELD_OF_LABEL: Readonly<Record<"birth-date" | "bank-card", FieldKey>> = {
  "birth-date": "birthDate",
  "bank-card": "account",
};

function isRowIndex(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0;
}

/** Excel's header/footer codes (&P, &"宋体,常规", &12 font sizes) are not text. */
const HEADER_FOOTER_CODES = /&(?:"[^"]*"|\d{1,3}(?!\d)|[A-Za-z])/g;

function scanGrid(grid: Grid, options: ScanOptions, out: Finding[]): void {
  const mode = modeOf(options.mode);
  const rows: readonly unknown[] = Array.isArray(grid.rows) ? grid.rows : [];
  const headerRow = isRowIndex(options.headerRow) ? options.headerRow : -1;
  const fields: readonly (FieldKey | null)[] = Array.isArray(options.columnFields)
    ? options.columnFields
    : headerRow >= 0
      ? fieldsFromHeader(grid, headerRow)
      : [];
  const kinds = fields.map((f) => kindOfField(f));
  const sheetState = grid.state === "hidden" || grid.state === "veryHidden" ? grid.state : undefined;
  const skipRows = options.skipRows instanceof Set ? options.skipRows : undefined;
  const hiddenRows = grid.hiddenRows instanceof Set ? grid.hiddenRows : undefined;
  const hiddenColumns = grid.hiddenColumns instanceof Set ? grid.hiddenColumns : undefined;
  const formats = grid.formats instanceof Map ? grid.formats : undefined;
  const sheet = typeof grid.name === "string" ? grid.name : "";
  const cellWhere: Where = sheetState ? "hidden-sheet" : "cell";
  const skipOwnedIdentifiers = mode === "roster" && !sheetState;

  // What a label makes of a value belongs beside it: a visible roster sheet would not report it.
  const useLabels = !skipOwnedIdentifiers;
  // Per column: the label in force (出生日期 above), and the empty cells met since it.
  let width = 0;
  for (const row of rows) if (Array.isArray(row) && row.length > width) width = row.length;
  const columnLabel = new Uint8Array(width);
  const blanksSince = new Int32Array(width);

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || skipRows?.has(r)) continue;
    const body = r > headerRow;
    // The last non-empty cell to the left, and whether it could be a label naming a kind.
    let leftCol = -1;
    let leftValue: unknown = undefined;
    let leftHint = false;
    for (let c = 0; c < row.length; c++) {
      const value: unknown = row[c];
      // The labels around this cell, before the cell itself updates them for the cells after it.
      let above: LabelCode = NO_LABEL;
      let left: unknown = undefined;
      let labelled = false;
      if (useLabels) {
        above = columnLabel[c] as LabelCode;
        const near = leftCol >= 0 && c - leftCol <= MAX_LEFT;
        labelled = above !== NO_LABEL || (near && leftHint);
        if (near) left = leftValue;
        if (isBlank(value)) {
          if (above !== NO_LABEL && ++blanksSince[c]! > MAX_GAP) columnLabel[c] = NO_LABEL;
          continue;
        }
        const hint = typeof value === "string" && hasLabelHint(value);
        if (hint || above !== NO_LABEL) {
          const label = labelOf(value);
          if (label !== "value") columnLabel[c] = codeOf(label);
        }
        blanksSince[c] = 0;
        leftCol = c;
        leftValue = value;
        leftHint = hint;
      }

      const column = body ? (kinds[c] ?? null) : null;
      // In a roster, identifier columns (ID, card, phone) hold what they are meant to hold, and the
      // roster rules validate every cell of them; scanning them again would only be suppressed.
      if (skipOwnedIdentifiers && (column === "id-number" || column === "bank-card" || column === "phone")) continue;
      let hits: readonly RawHit[];
      if (typeof value === "number") {
        if (
          labelled &&
          column === null &&
          value > 0 &&
          value <= MAX_PACKED_BIRTH &&
          labelledKind(above, left) === "birth-date"
        ) {
          // A date, a packed 20100501 or a year is a birth date only under or beside a 出生日期 label.
          const format = value <= MAX_BIRTH_SERIAL && formats?.size ? formats.get(cellKey(r, c)) : undefined;
          if (maybeBirthNumber(value, format)) {
            const birth = detectValue(value, "birth-date", format);
            if (birth.length > 0) {
              emitAt(birth, r, c, FIELD_OF_LABEL["birth-date"]);
              continue;
            }
          }
        }
        if (column === "birth-date") hits = detectValue(value, column, formats?.get(cellKey(r, c)));
        else if (value >= SEVEN_DIGITS) hits = detectValue(value, column);
        else continue;
      } else if (typeof value === "string") {
        hits = detectValue(value, column);
        if (
          labelled &&
          column === null &&
          maybeLabelled(value) &&
          !hits.some((h) => h.kind === "bank-card" || h.kind === "birth-date")
        ) {
          // A card failing Luhn under 卡号, a date beside 出生日期: the label says what it is.
          const kind = labelledKind(above, left);
          const found = kind === null ? NO_HITS : detectValue(value, kind);
          if (kind !== null && found.some((h) => h.kind === kind)) {
            emitAt(found, r, c, FIELD_OF_LABEL[kind]);
            continue;
          }
        }
      } else {
        continue;
      }
      if (hits.length === 0) continue;
      if (column === null && c > 0) hits = dropServiceNumbers(hits, row[c - 1]);
      emitAt(hits, r, c, body ? (fields[c] ?? null) : null);
    }
  }

  function emitAt(hits: readonly RawHit[], r: number, c: number, field: FieldKey | null): void {
    if (hits.length === 0) return;
    const place: Place = { sheet, row: r, col: c, where: cellWhere, field };
    if (sheetState) place.sheetState = sheetState;
    if (hiddenRows?.has(r) || hiddenColumns?.has(c)) place.hidden = true;
    emit(out, hits, place, mode);
  }

  if (Array.isArray(grid.notes)) {
    for (const note of grid.notes) {
      if (note === null || typeof note !== "object" || typeof note.text !== "string") continue;
      const hits = detectValue(note.text, null);
      if (hits.length === 0) continue;
      const row = isRowIndex(note.row) ? note.row : -1;
      const col = isRowIndex(note.col) ? note.col : -1;
      const place: Place = { sheet, row, col, where: "note", field: null };
      if (sheetState) place.sheetState = sheetState;
      emit(out, hits, place, mode);
    }
  }

  if (Array.isArray(grid.headerFooter)) {
    for (const text of grid.headerFooter) {
      if (typeof text !== "string" || text === "") continue;
      const hits = detectValue(text.replace(HEADER_FOOTER_CODES, " "), null);
      if (hits.length === 0) continue;
      const place: Place = { sheet, row: -1, col: -1, where: "header-footer", field: null };
      if (sheetState) place.sheetState = sheetState;
      emit(out, hits, place, mode);
    }
  }
}

/**
 * Findings (rule codes privacy.id-number | privacy.phone | privacy.bank-card | privacy.birth-date |
 * privacy.address) for one sheet: its cells, its cell notes and comments, its page headers and
 * footers. Cells of a hidden sheet carry where "hidden-sheet" and data.sheetState.
 */
export function scanSheet(grid: Grid, options: ScanOptions): Finding[] {
  const out: Finding[] = [];
  if (grid === null || typeof grid !== "object") return out;
  scanGrid(grid, options ?? { mode: "notice" }, out);
  return out;
}

/**
 * Every sheet (hidden and very hidden ones included), with its cell notes and comments and page
 * headers/footers, then the document properties (title, subject, keywords, comments, custom…).
 */
export function scanWorkbook(workbook: WorkbookData, options: WorkbookScanOptions): Finding[] {
  const out: Finding[] = [];
  if (workbook === null || typeof workbook !== "object") return out;
  const mode = modeOf(options?.mode);
  const perSheet = options?.sheets instanceof Map ? options.sheets : undefined;
  if (Array.isArray(workbook.sheets)) {
    for (const grid of workbook.sheets) {
      if (grid === null || typeof grid !== "object") continue;
      const own: SheetScanOptions | undefined = perSheet?.get(grid.name);
      const sheetOptions: ScanOptions = { mode: own?.mode ?? mode };
      if (own?.columnFields) sheetOptions.columnFields = own.columnFields;
      if (own?.headerRow !== undefined) sheetOptions.headerRow = own.headerRow;
      scanGrid(grid, sheetOptions, out);
    }
  }
  const properties: unknown = workbook.properties;
  if (properties !== null && typeof properties === "object") {
    for (const [name, value] of Object.entries(properties)) scanProperty(name, value, mode, out);
  }
  return out;
}

/** How a reader may prefix custom properties (docProps/custom.xml): custom:联系电话, 自定义.联系电话. */
const CUSTOM_PREFIX = /^(?:custom|自定义(?:属性)?)\s*[:：./]\s*/i;
/** Digits that could be somebody's number, hidden in a property's name as the report shows it. */
const LONG_DIGITS = /\d(?:[\s-]?\d){6,}/;
const EVERY_LONG_DIGITS = new RegExp(LONG_DIGITS.source, "g");

/**
 * One document property, built-in or custom (any name). Its name works as a label: 出生日期 =
 * 2010-05-01 is a birth date and 银行卡号 = … a card even when Luhn fails; 监督电话 = … is the office's.
 */
function scanProperty(name: string, value: unknown, mode: ScanMode, out: Finding[]): void {
  const text =
    typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : "";
  const label = toHalfWidth(name).replace(CUSTOM_PREFIX, "").trim();
  const shown = LONG_DIGITS.test(label) ? label.replace(EVERY_LONG_DIGITS, (run) => run.replace(/\d/g, "*")) : name;
  const place: Place = { sheet: "", row: -1, col: -1, where: "property", field: null, property: shown };
  // A name that is itself personal data (a property named after a phone number).
  if (shown !== name) emit(out, detectValue(label, null), place, mode);
  if (text === "") return;
  const service = endsWithServiceLabel(label);
  const kind = service ? null : kindOfField(fieldForHeader(label));
  let hits = detectValue(text, kind);
  if (service) hits = hits.filter((h) => h.kind !== "phone" || h.by !== "content");
  emit(out, hits, place, mode);
}
