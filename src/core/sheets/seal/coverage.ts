/** What a seal's digest covered, in the clear (SealCoverage): sheets, hidden rows and columns. */
import { columnName, type WorkbookData } from "../../grid/types";
import { workbookDigestParts, type WorkbookDigestParts } from "../digest";
import { SEAL_SHEET, sealStatement, type SealCoverage, type SealStatement } from "./format";

/** The longest hidden-rows or hidden-columns text a seal keeps; beyond it, the first ranges and the count. */
const MAX_LIST_TEXT = 500;

/** "5,9-12" from 0-based indexes (ascending), `label` naming each; cut near MAX_LIST_TEXT, with the count. */
function rangesText(indexes: readonly number[], label: (i: number) => string, unit: string): string {
  const parts: string[] = [];
  for (let i = 0; i < indexes.length; i++) {
    const from = indexes[i] as number;
    let to = from;
    while (indexes[i + 1] === to + 1) to = indexes[++i] as number;
    parts.push(from === to ? label(from) : `${label(from)}-${label(to)}`);
  }
  const full = parts.join(",");
  if (full.length <= MAX_LIST_TEXT) return full;
  let cut = "";
  for (const part of parts) {
    if (cut.length + part.length + 1 > MAX_LIST_TEXT) break;
    cut = cut === "" ? part : `${cut},${part}`;
  }
  return `${cut},…（共 ${indexes.length} ${unit}）`;
}

const rowsText = (rows: readonly number[]) => rangesText(rows, (r) => String(r + 1), "行");
const columnsText = (cols: readonly number[]) => rangesText(cols, columnName, "列");

/** The coverage of digest parts, for the seal's JSON and readable rows. */
export function coverageOf(parts: WorkbookDigestParts): SealCoverage {
  return {
    sheets: parts.sheets.map((s) => ({ name: s.name, state: s.state, content: s.content.slice(0, 16) })),
    hiddenRows: rowsText(parts.hiddenRows),
    hiddenColumns: columnsText(parts.hiddenColumns),
  };
}

/** The digest parts of `wb` for this seal: its roster, its statement, the seal sheet left out. */
export function partsFor(wb: WorkbookData, seal: SealStatement): WorkbookDigestParts {
  return workbookDigestParts(wb, { roster: seal.sheet, leaveOut: SEAL_SHEET, statement: sealStatement(seal) });
}

export function sameCoverage(a: SealCoverage, b: SealCoverage): boolean {
  return (
    a.hiddenRows === b.hiddenRows &&
    a.hiddenColumns === b.hiddenColumns &&
    a.sheets.length === b.sheets.length &&
    a.sheets.every((s, i) => {
      const t = b.sheets[i];
      return t !== undefined && s.name === t.name && s.state === t.state && s.content === t.content;
    })
  );
}
