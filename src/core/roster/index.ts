/** Roster fields, header resolution and value normalisation (shared/FIELDS.md). */
export { FIELDS, FIELD_KEYS, fieldDef, fieldLabel, isFieldKey, type FieldDef, type FieldKey } from "./fields";
export { headerAliases, normalizeHeader, resolveField, type ResolvedField, type Unit } from "./header";
export * from "./values";
export { normalizeRecord, rowReader, type FieldIssue, type NormalizedRecord, type RowColumn } from "./record";
export {
  detectRoster,
  isLedgerKind,
  isTextFormatted,
  type ColumnOverrides,
  type RosterColumn,
  type RosterLayout,
} from "./detect";
export { typeAmountColumns } from "./typed-amounts";
