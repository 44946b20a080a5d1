import { useState } from "react";
import { Button, Select, TableCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { columnName, type ColumnOverrides, type RosterLayout, FIELDS, fieldLabel, isFieldKey } from "../../src/core";
import type { Strings, UiLocale } from "../strings";
import { HeaderTable } from "../components/HeaderTable";
import { errorText } from "../components/error-text";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  scroll: { maxHeight: "16em", overflowY: "auto" },
  unknown: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  select: { minWidth: 0, width: "100%" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The choices besides the fields: the column as detected (未识别) and a column left out. */
const UNKNOWN = "__unknown";
const IGNORE = "__ignore";

/**
 * The header row found and what each column was read as. A column can be read as another field
 * (or left out) with its dropdown; unknown columns are marked 未识别 and highlighted.
 */
export function HeaderMapping(props: {
  layout: RosterLayout;
  strings: Strings;
  locale: UiLocale;
  overrides?: ColumnOverrides;
  onChange?: (overrides: ColumnOverrides) => void;
  /** Remembers the mapping; resolves to a status line. */
  onRemember?: () => Promise<string>;
}) {
  const { layout, strings: s } = props;
  const overrides = props.overrides ?? {};
  const styles = useStyles();
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const rows = [
    ...layout.columns.map((c) => ({
      col: c.col,
      // A short group above the header (监护人 › 姓名) is part of its meaning; a long one is a title line.
      header: c.group.trim() !== "" && c.group.trim().length <= 8 ? c.header : c.headerValue.trim(),
      value: c.field as string,
    })),
    ...layout.unknownColumns.map((c) => ({
      col: c.col,
      header: c.header,
      value: overrides[c.col] === null ? IGNORE : UNKNOWN,
    })),
  ].sort((a, b) => a.col - b.col);
  const headerRows = layout.headerRows.map((r) => r + 1).join("–");

  function choose(col: number, value: string): void {
    if (!props.onChange) return;
    const next: ColumnOverrides = { ...overrides };
    if (value === IGNORE) next[col] = null;
    else if (isFieldKey(value)) next[col] = value;
    else delete next[col];
    setStatus(null);
    props.onChange(next);
  }

  async function remember(): Promise<void> {
    if (!props.onRemember) return;
    setSaving(true);
    try {
      setStatus(await props.onRemember());
    } catch (error) {
      setStatus(s.hostFailed(s.mappingRemember, errorText(error)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className={styles.box} data-testid="header-mapping">
      <Text weight="semibold">{s.mappingTitle(layout.sheet, headerRows)}</Text>
      <div className={styles.scroll}>
        <HeaderTable
          label={s.mappingTitle(layout.sheet, headerRows)}
          columns={[s.mappingColumn, s.mappingHeader, s.mappingField]}
        >
          {rows.map((r) => (
            <TableRow
              key={r.col}
              className={r.value === UNKNOWN ? styles.unknown : undefined}
              data-testid={`mapping-row-${columnName(r.col)}`}
            >
              <TableCell>{columnName(r.col)}</TableCell>
              <TableCell>{r.header}</TableCell>
              <TableCell className={r.value === UNKNOWN ? styles.unknown : undefined}>
                {props.onChange ? (
                  <Select
                    size="small"
                    className={styles.select}
                    value={r.value}
                    aria-label={s.mappingSelect(columnName(r.col))}
                    data-testid={`mapping-${columnName(r.col)}`}
                    onChange={(_, d) => choose(r.col, d.value)}
                  >
                    {r.value === UNKNOWN && <option value={UNKNOWN}>{s.mappingUnknown}</option>}
                    <option value={IGNORE}>{s.mappingIgnore}</option>
                    {FIELDS.map((f) => (
                      <option key={f.key} value={f.key}>
                        {fieldLabel(f.key, props.locale)}
                      </option>
                    ))}
                  </Select>
                ) : r.value === UNKNOWN ? (
                  s.mappingUnknown
                ) : r.value === IGNORE ? (
                  s.mappingIgnore
                ) : isFieldKey(r.value) ? (
                  fieldLabel(r.value, props.locale)
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </HeaderTable>
      </div>
      <Text size={200} className={styles.note}>
        {s.mappingNote}
      </Text>
      {props.onRemember && (
        <div className={styles.row}>
          <Button size="small" disabled={saving} onClick={() => void remember()} data-testid="mapping-remember">
            {s.mappingRemember}
          </Button>
          {status && (
            <Text size={200} data-testid="mapping-status">
              {status}
            </Text>
          )}
        </div>
      )}
    </section>
  );
}
