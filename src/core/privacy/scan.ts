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
import type { Finding, Severity } from "../report/types";
import { columnExpects, fieldForHeader, kindOfField } from "./columns";
import { checksumOf, detectValue, endsWithServiceLabel, SEVEN_DIGITS, type RawHit } from "./detect";
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

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || skipRows?.has(r)) continue;
    const body = r > headerRow;
    for (let c = 0; c < row.length; c++) {
      const value: unknown = row[c];
      const column = body ? (kinds[c] ?? null) : null;
      // In a roster, identifier columns (ID, card, phone) hold what they are meant to hold, and the
      // roster rules validate every cell of them; scanning them again would only be suppressed.
      if (skipOwnedIdentifiers && (column === "id-number" || column === "bank-card" || column === "phone")) continue;
      let format: string | undefined;
      if (typeof value === "number") {
        if (column === "birth-date") format = formats?.get(cellKey(r, c));
        else if (!(value >= SEVEN_DIGITS)) continue;
      } else if (typeof value !== "string" || value.length === 0) {
        continue;
      }
      let hits = detectValue(value, column, format);
      if (hits.length === 0) continue;
      if (column === null && c > 0) hits = dropServiceNumbers(hits, row[c - 1]);
      if (hits.length === 0) continue;
      const place: Place = { sheet, row: r, col: c, where: cellWhere, field: body ? (fields[c] ?? null) : null };
      if (sheetState) place.sheetState = sheetState;
      if (hiddenRows?.has(r) || hiddenColumns?.has(c)) place.hidden = true;
      emit(out, hits, place, mode);
    }
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
    for (const [name, value] of Object.entries(properties)) {
      if (typeof value !== "string" || value === "") continue;
      const hits = detectValue(value, null);
      if (hits.length === 0) continue;
      emit(out, hits, { sheet: "", row: -1, col: -1, where: "property", field: null, property: name }, mode);
    }
  }
  return out;
}
