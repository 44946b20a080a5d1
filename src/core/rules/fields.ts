/**
 * Rules on the fields of a row: a required field left empty, a column a program needs but the
 * roster lacks, a value the reader could not recognise.
 */
import type { Finding, RosterKind, RuleEntries } from "../findings/types";
import type { CellValue } from "../grid/types";
import { texts } from "../locale";
import { fieldLabel, type FieldIssue, type FieldKey } from "../roster";
import type { RosterLayout } from "../roster/detect";
import { finding } from "./finding";

export interface FieldRuleData {
  "field.required": { field: string };
  "field.column-missing": { field: string; program: string };
  "field.unreadable": { field: string; raw: string };
}

export const FIELD_RULES: RuleEntries<FieldRuleData> = {
  "field.required": {
    severity: "error",
    source: "方案7 四",
    title: texts("必填项为空", "Required field empty"),
    message: (d) => texts(`${d.field}为空`, `${d.field} is empty`),
    hint: (d) => texts(`补填${d.field}`, `Fill in ${d.field}`),
  },
  "field.column-missing": {
    severity: "info",
    source: "政策包",
    title: texts("缺少列", "Column missing"),
    message: (d) =>
      texts(
        `花名册没有“${d.field}”列，无法按${d.program}的条件逐人核对`,
        `No "${d.field}" column: ${d.program} cannot be fully checked`,
      ),
    hint: (d) => texts(`如需核对，请增加“${d.field}”列`, `Add a "${d.field}" column to check it`),
  },
  "field.unreadable": {
    severity: "warning",
    source: "FIELDS.md",
    title: texts("无法识别的取值", "Unrecognised value"),
    message: (d) => texts(`${d.field}的值“${d.raw}”无法识别`, `${d.field}: "${d.raw}" is not a recognised value`),
    hint: (d) =>
      texts(`按常用写法填写${d.field}（如 是/否、小学/初中、建档立卡/低保）`, `Use a usual value for ${d.field}`),
  },
};

/** Fields that must be filled in on every row of a roster of this kind. */
const REQUIRED: Record<RosterKind, readonly FieldKey[]> = {
  students: ["name", "idNumber"],
  teachers: ["name", "idNumber"],
  notice: ["name"],
  // A ledger row without a student is pair.idle-helper (its own rule), not a missing field.
  pairs: ["helperName"],
  records: ["recordDate"],
  scores: ["name"],
};

const SHOWN_CHARS = 40;

/** The values the reader could not recognise, each as field.unreadable. */
export function unreadableValues(
  sheet: string,
  row: number,
  layout: RosterLayout,
  issues: readonly FieldIssue[],
  out: Finding[],
): void {
  for (const i of issues) {
    const col = layout.fieldColumns[i.field] ?? -1;
    // A birth date is personal data even when it cannot be read: the report shows it masked.
    const raw = i.field === "birthDate" ? i.raw.replace(/\d/g, "*") : i.raw;
    const shown = raw.length > SHOWN_CHARS ? `${raw.slice(0, SHOWN_CHARS)}…` : raw;
    out.push(finding("field.unreadable", sheet, row, col, shown, { field: i.header, raw: raw.slice(0, SHOWN_CHARS) }));
  }
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The fields every row of the roster's kind must fill in, each empty one as field.required. */
export function requiredFields(
  sheet: string,
  row: number,
  layout: RosterLayout,
  cells: readonly CellValue[],
  out: Finding[],
): void {
  for (const f of REQUIRED[layout.kind]) {
    const col = layout.fieldColumns[f];
    if (col !== undefined && isEmpty(cells[col]))
      out.push(finding("field.required", sheet, row, col, "", { field: fieldLabel(f) }));
  }
}

/** A row without a 资助项目 when the roster has the column and no program is given for the sheet. */
export function requiredProgram(sheet: string, row: number, layout: RosterLayout, out: Finding[]): void {
  out.push(
    finding("field.required", sheet, row, layout.fieldColumns.program ?? -1, "", { field: fieldLabel("program") }),
  );
}
