/**
 * The fingerprint of a roster sheet's contents, for the 校验凭证 (seal): a hex SHA-256 over a
 * canonical text of the sheet's non-empty cells, so the same values give the same digest whatever
 * host wrote the file, and any changed, added or removed value gives another.
 *
 * Canonical serialisation ("zizhu-digest/1"), UTF-8 encoded:
 *
 *   zizhu-digest/1\n
 *   then, for every non-empty cell in row-major order (row, then column; both 0-based):
 *   ROW \t COL \t TAG \t VALUE \n
 *
 * - TAG "n", number: JavaScript's shortest round-trip text (String(v)); -0 is written "0".
 * - TAG "s", string: JSON.stringify(v) — the exact text, with quotes, backslashes and control
 *   characters escaped so that no value can forge a line; other characters as themselves.
 * - TAG "b", boolean: TRUE or FALSE.
 * - Empty cells (null or "") are left out, so trailing empty rows and columns do not count.
 *
 * Only values count: number formats, styles, widths, merges, notes and formula texts do not (a
 * formula cell counts by its cached result). Dates are Excel serial numbers, as the grid holds them.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { CellValue, Grid } from "../grid/types";

export const DIGEST_FORMAT = "zizhu-digest/1";

function cellText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return `n\t${Object.is(value, -0) ? "0" : String(value)}`;
  if (typeof value === "boolean") return `b\t${value ? "TRUE" : "FALSE"}`;
  return `s\t${JSON.stringify(value)}`;
}

/** The canonical text the digest is taken over (exported for tests and for anyone re-implementing it). */
export function canonicalCells(grid: Pick<Grid, "rows">): string {
  const lines: string[] = [DIGEST_FORMAT, "\n"];
  grid.rows.forEach((row, r) => {
    // Rows may be sparse arrays; forEach skips holes, which are empty cells.
    row.forEach((value, c) => {
      const text = cellText(value);
      if (text !== null) lines.push(`${r}\t${c}\t${text}\n`);
    });
  });
  return lines.join("");
}

/** Hex SHA-256 of the sheet's canonical cell text. */
export function rosterDigest(grid: Pick<Grid, "rows">): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalCells(grid))));
}
