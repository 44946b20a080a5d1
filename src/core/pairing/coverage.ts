/**
 * What a county needs of each file for 帮联 coverage across schools (方案8 (二)3: 各乡镇、后盾单位
 * 必须确保建档立卡贫困户学生对象和干部结对帮联全覆盖): the students its aid rosters list who must be
 * paired, and the students its ledgers pair. A student a cadre of another unit pairs is covered;
 * across files students are matched by their 18-digit ID only (names repeat in a county).
 */
import type { CivilDate } from "../date/civil";
import type { WorkbookData } from "../grid/types";
import { parseId } from "../id/parse";
import type { Pack } from "../policy/schema";
import { detectRoster } from "../roster/detect";
import { pairRows, readRows, type PairRow } from "./ledger";
import { PairedIndex } from "./paired";

export interface NeededStudent {
  id18: string;
  sheet: string;
  /** 0-based row and column of the student's ID cell. */
  row: number;
  col: number;
  school: string | null;
}

export interface FileCoverage {
  /** Whether the file holds a pairing ledger (then its pairs count, even when it pairs nobody). */
  hasLedger: boolean;
  /** Students the file's aid rosters list under a plan's coverage (建档立卡), by valid ID. */
  needed: NeededStudent[];
  /** The IDs the file's ledgers pair with a helper. */
  paired: string[];
  /** The plan whose coverage applies (its name and source), or null when the pack has none. */
  plan: { name: string; source: string } | null;
}

export function fileCoverage(wb: WorkbookData, pack: Pack, today: CivilDate): FileCoverage {
  const plan = pack.pairing.plans.find((p) => p.coverage) ?? null;
  const wanted = new Set(plan?.coverage?.hardship ?? []);
  const needed: NeededStudent[] = [];
  const paired = new Set<string>();
  const ledgerRows: PairRow[] = [];
  const students: (NeededStudent & { name: string; hasId: boolean })[] = [];
  let hasLedger = false;
  for (const grid of wb.sheets) {
    const d = detectRoster(grid);
    if (!d.ok) continue;
    const layout = d.value;
    if (layout.detected === "pairs") {
      hasLedger = true;
      for (const p of pairRows(readRows({ grid, layout }), today)) {
        ledgerRows.push(p);
        if (p.id18 && p.helper && p.student) paired.add(p.id18);
      }
    } else if (layout.detected === "students" && wanted.size > 0) {
      const col = layout.fieldColumns.idNumber ?? -1;
      for (const r of readRows({ grid, layout })) {
        // A student the roster lists by ID must be covered, even when the name cell is blank.
        if (!(r.record.hardship ?? []).some((h) => wanted.has(h)) || !r.record.idNumber) continue;
        const id = parseId(r.record.idNumber, today);
        if (!id.ok) continue;
        const school = r.record.school ?? null;
        students.push({
          id18: id.value.id18,
          sheet: grid.name,
          row: r.row,
          col,
          school,
          name: r.record.name ?? "",
          hasId: true,
        });
      }
    }
  }
  // Within one file a pair without an ID covers its student by name, as the file's own check does;
  // across files only IDs match (names repeat in a county).
  const index = new PairedIndex(ledgerRows);
  for (const { name, hasId, ...s } of students) {
    if (index.covers({ name, id18: s.id18, hasId, school: s.school })) paired.add(s.id18);
    needed.push(s);
  }
  return {
    hasLedger,
    needed,
    paired: [...paired],
    plan: plan?.coverage ? { name: plan.name, source: plan.coverage.source } : null,
  };
}
