/** The people rows and totals per program a seal records (buildSeal) and verifySeal recomputes. */
import type { PersonRow, RosterSource } from "../source";
import type { SealFields } from "./format";

const NO_PROGRAM = "（未注明项目）";

/** Sums in whole fen so that 0.1 + 0.2 stays 0.3. */
export const fen = (yuan: number) => Math.round(yuan * 100);

/** The people rows, totals per program and sum a seal records. */
export type Tally = Pick<SealFields, "rows" | "totals" | "total">;

/**
 * What a seal records of the roster's people: the rows, and per program (as `people` assign them)
 * the count and amount, summed in fen. buildSeal records it; verifySeal recomputes it.
 */
export function tally(source: RosterSource, people: readonly Pick<PersonRow, "record" | "program">[]): Tally {
  const byProgram = new Map<string, { count: number; fen: number }>();
  let totalFen = 0;
  for (const p of people) {
    const name = p.program?.name ?? NO_PROGRAM;
    const t = byProgram.get(name) ?? { count: 0, fen: 0 };
    const amount = fen(p.record.amount ?? 0);
    t.count += 1;
    t.fen += amount;
    totalFen += amount;
    byProgram.set(name, t);
  }
  return {
    rows: source.layout.dataRows.length,
    totals: [...byProgram].map(([program, t]) => ({ program, count: t.count, amount: t.fen / 100 })),
    total: totalFen / 100,
  };
}
