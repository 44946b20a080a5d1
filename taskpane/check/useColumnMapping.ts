import { useMemo, useRef, useState } from "react";
import {
  type WorkbookData,
  type RosterKind,
  detectRoster,
  type ColumnOverrides,
  type RosterLayout,
} from "../../src/core";
import { isFileHost, type PaneHost, type ReadResult } from "../../src/adapters/pane-host";

export type Loaded = Extract<ReadResult, { ok: true }>;

/** The header mapping corrections of one roster sheet, keyed by file and sheet. */
interface Mapping {
  key: string;
  sheet: string;
  overrides: ColumnOverrides;
}

/** The roster the check would pick (the first visible sheet with a header), for the mapping preview. */
export function previewLayout(
  wb: WorkbookData,
  kind: RosterKind | undefined,
  columnOverrides?: Record<string, ColumnOverrides>,
): RosterLayout | null {
  const ordered = [
    ...wb.sheets.filter((g) => g.state === "visible"),
    ...wb.sheets.filter((g) => g.state !== "visible"),
  ];
  for (const grid of ordered) {
    const d = detectRoster(grid, { kind, overrides: columnOverrides?.[grid.name] });
    if (d.ok) return d.value;
  }
  return null;
}

/**
 * The header mapping corrections of the roster sheet read (by file and sheet): loaded from the
 * host when a sheet is read, edited in the mapping table, passed to every check. `edited` says the
 * table changed since the last check.
 */
export function useColumnMapping(host: PaneHost, kind: RosterKind | undefined) {
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [edited, setEdited] = useState(false);
  const mappingRef = useRef(mapping);
  const pending = useRef<{ key: string; overrides: Promise<ColumnOverrides> } | null>(null);
  mappingRef.current = mapping;
  const columnOverrides = useMemo(() => (mapping ? { [mapping.sheet]: mapping.overrides } : undefined), [mapping]);

  /** The overrides for the roster sheet of what was read: kept when it is the same sheet, else the host's. */
  async function mappingFor(r: Loaded): Promise<Record<string, ColumnOverrides> | undefined> {
    const sheet = previewLayout(r.workbook, kind)?.sheet;
    if (sheet === undefined) return undefined;
    const key = `${isFileHost(host) ? r.source : ""}\u0001${sheet}`;
    const current = mappingRef.current;
    if (current?.key === key) return { [sheet]: current.overrides };
    // The check and the effect on a new read ask at once: one load from the host.
    if (pending.current?.key !== key) {
      pending.current = { key, overrides: host.loadColumnOverrides?.(sheet) ?? Promise.resolve({}) };
    }
    const next = { key, sheet, overrides: await pending.current.overrides };
    if (mappingRef.current?.key === key) return { [sheet]: mappingRef.current.overrides };
    mappingRef.current = next;
    setMapping(next);
    setEdited(false);
    return { [sheet]: next.overrides };
  }

  function change(overrides: ColumnOverrides): void {
    if (!mapping) return;
    setMapping({ ...mapping, overrides });
    setEdited(true);
  }

  /** What the mapping table of this layout shows and does: editable only for the sheet the mapping is of. */
  function tableProps(layout: RosterLayout | null) {
    const own = mapping !== null && layout?.sheet === mapping.sheet;
    const save = host.saveColumnOverrides?.bind(host);
    return {
      overrides: own ? mapping.overrides : {},
      onChange: own ? change : undefined,
      onRemember: save && mapping ? () => save(mapping.sheet, mapping.overrides) : undefined,
    };
  }

  return { edited, setEdited, columnOverrides, mappingFor, tableProps };
}
