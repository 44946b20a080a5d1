import type { ReactNode } from "react";
import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";

/** A compact table with a header row (none without `columns`); the rows are the children. */
export function HeaderTable(props: {
  label: string;
  testId?: string;
  columns?: readonly string[];
  children: ReactNode;
}) {
  return (
    <Table size="extra-small" aria-label={props.label} data-testid={props.testId}>
      {props.columns && (
        <TableHeader>
          <TableRow>
            {props.columns.map((c, i) => (
              <TableHeaderCell key={i}>{c}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
      )}
      <TableBody>{props.children}</TableBody>
    </Table>
  );
}
