/** The school files under the batch folder: .xlsx and .csv (and old .xls/.et, to say why they cannot be read). */
import { readdirSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

const ROSTER_EXT = /\.(xlsx|csv|xls|et)$/i;

/**
 * Every roster file under dir, recursively, sorted by relative path; skips Excel's ~$ lock files,
 * hidden folders, symbolic links, the paths in `skip` (the output folder, the enrolment table),
 * and the outputs of earlier runs (a folder holding `own.marker`, a file named `own.file`).
 */
export function scanFolder(
  dir: string,
  skip: readonly string[],
  own: { marker: string; file: string },
): { path: string; file: string }[] {
  const root = resolve(dir);
  const skipped = skip.map((s) => resolve(s));
  const out: { path: string; file: string }[] = [];
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (d !== root && entries.some((e) => e.name === own.marker)) return;
    for (const e of entries) {
      const p = join(d, e.name);
      if (skipped.includes(p)) continue;
      if (e.isDirectory()) {
        if (!e.name.startsWith(".")) walk(p);
      } else if (
        e.isFile() &&
        ROSTER_EXT.test(e.name) &&
        !e.name.startsWith("~$") &&
        !e.name.startsWith(".~") &&
        e.name !== own.file
      ) {
        out.push({ path: p, file: relative(root, p).split(sep).join("/") });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
