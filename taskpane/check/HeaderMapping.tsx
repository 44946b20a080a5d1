import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { columnName } from "../../src/core/grid/types";
import type { RosterLayout } from "../../src/core/roster/detect";
import { fieldLabel } from "../../src/core/roster/fields";
import type { Strings, UiLocale } from "../strings";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  scroll: { maxHeight: "16em", overflowY: "auto" },
  unknown: { color: tokens.colorPaletteDarkOrangeForeground1 },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The header row found and what each column was read as; unknown columns are marked 未识别. */
export function HeaderMapping(props: { layout: RosterLayout; strings: Strings; locale: UiLocale }) {
  const { layout, strings: s } = props;
  const styles = useStyles();
  const rows = [
    ...layout.columns.map((c) => ({
      col: c.col,
      // A short group above the header (监护人 › 姓名) is part of its meaning; a long one is a title line.
      header: c.group.trim() !== "" && c.group.trim().length <= 8 ? c.header : c.headerValue.trim(),
      field: fieldLabel(c.field, props.locale),
    })),
    ...layout.unknownColumns.map((c) => ({ col: c.col, header: c.header, field: null })),
  ].sort((a, b) => a.col - b.col);
  const headerRows = layout.headerRows.map((r) => r + 1).join("–");
  return (
    <section className={styles.box} data-testid="header-mapping">
      <Text weight="semibold">{s.mappingTitle(layout.sheet, headerRows)}</Text>
      <div className={styles.scroll}>
        <Table size="extra-small" aria-label={s.mappingTitle(layout.sheet, headerRows)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s.mappingColumn}</TableHeaderCell>
              <TableHeaderCell>{s.mappingHeader}</TableHeaderCell>
              <TableHeaderCell>{s.mappingField}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.col}>
                <TableCell>{columnName(r.col)}</TableCell>
                <TableCell>{r.header}</TableCell>
                <TableCell className={r.field === null ? styles.unknown : undefined}>
                  {r.field ?? s.mappingUnknown}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text size={200} className={styles.note}>
        {s.mappingNote}
      </Text>
    </section>
  );
}
