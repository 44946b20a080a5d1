/**
 * A masked copy of a workbook, as data: every sheet's roster columns holding ID numbers, phone
 * numbers, bank cards and names are masked with the engine's one masking function; long digit
 * runs elsewhere (a phone in 备注, an ID in a note or page header) are masked too. Document
 * properties are dropped. Returns a NEW WorkbookData; the input is not changed.
 */
import {
  makeGrid,
  type CellValue,
  type Grid,
  type WorkbookData,
  detectRoster,
  type FieldKey,
  maskValue,
  maskName,
} from "../../core";

type Kind = "id" | "phone" | "card" | "name";

const FIELD_KIND: Partial<Record<FieldKey, Kind>> = {
  idNumber: "id",
  guardianId: "id",
  phone: "phone",
  account: "card",
  name: "name",
  guardianName: "name",
  holder: "name",
};

/** Runs of 7+ digits (optionally ending in X): IDs, cards, phones written inside other text. */
const DIGIT_RUN = /\d[\d -]{5,}[\dXx]/g;

function stars(text: string): string {
  return "*".repeat(Math.max(4, Array.from(text).length));
}

export function maskText(text: string): string {
  return text.replace(DIGIT_RUN, (run) => {
    const r = maskValue(run);
    return r.ok ? r.value : stars(run);
  });
}

function maskCell(value: CellValue, kind: Kind | undefined): CellValue {
  if (value === null || value === "" || typeof value === "boolean") return value;
  if (kind === "name") return typeof value === "string" ? maskName(value) : value;
  if (kind) {
    // A number in an ID/card/phone column has lost digits or is a phone: mask it or hide it whole.
    const r = maskValue(typeof value === "number" ? String(value) : value, kind);
    return r.ok ? r.value : stars(String(value));
  }
  if (typeof value === "number")
    return Number.isInteger(value) && Math.abs(value) >= 1e10 ? stars(String(value)) : value;
  return maskText(value);
}

function maskGrid(grid: Grid): { grid: Grid; masked: number } {
  const detected = detectRoster(grid);
  const kinds = new Map<number, Kind>();
  const body = new Set<number>();
  if (detected.ok) {
    for (const c of detected.value.columns) {
      const kind = FIELD_KIND[c.field];
      if (kind) kinds.set(c.col, kind);
    }
    for (const r of detected.value.dataRows) body.add(r);
    for (const r of detected.value.hiddenDataRows) body.add(r);
  }
  let masked = 0;
  const rows = grid.rows.map((row, r) =>
    row.map((value, c) => {
      const next = maskCell(value, body.has(r) ? kinds.get(c) : undefined);
      if (next !== value) masked++;
      return next;
    }),
  );
  return {
    grid: makeGrid(grid.name, rows, {
      formats: grid.formats,
      // Formulas would recompute from the masked cells or reveal nothing useful: keep values only.
      formulas: new Map(),
      merges: grid.merges,
      hiddenRows: grid.hiddenRows,
      hiddenColumns: grid.hiddenColumns,
      state: grid.state,
      notes: grid.notes.map((n) => ({ ...n, text: maskText(n.text) })),
      headerFooter: grid.headerFooter.map(maskText),
    }),
    masked,
  };
}

export function maskedCopy(workbook: WorkbookData): { workbook: WorkbookData; masked: number } {
  let masked = 0;
  const sheets = workbook.sheets.map((g) => {
    const m = maskGrid(g);
    masked += m.masked;
    return m.grid;
  });
  return { workbook: { sheets, properties: {} }, masked };
}
