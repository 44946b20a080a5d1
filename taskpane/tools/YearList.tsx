import { useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import type { ImportedYear } from "../../src/core";
import type { PaneCalendar } from "../calendar";
import type { Strings } from "../strings";
import { useCalendarStyles } from "./calendar-styles";

/** The imported years, each with its state (used, shipped, conflict) and 删除 after a confirmation. */
export function YearList(props: {
  calendar: PaneCalendar;
  strings: Strings;
  busy: boolean;
  onRemove: (year: number) => void;
}) {
  const { calendar, strings: s, busy } = props;
  const styles = useCalendarStyles();
  const [removing, setRemoving] = useState<number | null>(null);

  function stateOf(y: ImportedYear): string {
    // The store holds one entry a year, so a conflict of the year is this entry's.
    if (calendar.conflicts.some((c) => c.year === y.year)) return s.calStateConflict;
    const source = calendar.calendar.sources.get(y.year);
    return source?.kind === "imported" ? s.calStateUsed : s.calStateShipped;
  }

  return (
    <div className={styles.box} data-testid="calendar-list">
      <Text weight="semibold" size={200}>
        {s.calListTitle}
      </Text>
      {calendar.years.length === 0 && (
        <Text size={200} className={styles.muted}>
          {s.calListEmpty}
        </Text>
      )}
      {calendar.years.map((y) => (
        <div key={y.year} className={styles.year} data-testid={`calendar-year-${y.year}`}>
          <Text size={200}>
            {s.calYear(y.year)} {y.source.titles[0] ?? s.calUntitled} · {stateOf(y)}
            {y.source.importedAt ? ` · ${s.calImportedAt(y.source.importedAt)}` : ""}
          </Text>
          {removing === y.year ? (
            <>
              <Button
                size="small"
                appearance="primary"
                disabled={busy}
                onClick={() => {
                  setRemoving(null);
                  props.onRemove(y.year);
                }}
                data-testid={`calendar-remove-confirm-${y.year}`}
              >
                {s.calRemoveConfirm(y.year)}
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setRemoving(null)}>
                {s.calCancel}
              </Button>
            </>
          ) : (
            <Button
              size="small"
              disabled={busy}
              onClick={() => setRemoving(y.year)}
              data-testid={`calendar-remove-${y.year}`}
            >
              {s.calRemove}
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}
