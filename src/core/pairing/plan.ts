/** Which pairing plan of the pack a ledger follows: the one named, else the one its title or columns say. */
import type { Pack, PairingPlan } from "../policy/schema";
import type { RosterLayout } from "../roster/detect";
import { toHalfWidth } from "../text/normalize";

function key(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, "").toLowerCase();
}

/** A plan by code, name or alias ("banglian", "干部帮联", "学困生帮扶"); null when none matches. */
export function pairingPlanByName(pack: Pack, query: string): PairingPlan | null {
  const q = key(query);
  if (q === "") return null;
  const plans = pack.pairing.plans;
  return (
    plans.find((p) => key(p.code) === q) ?? plans.find((p) => [p.name, ...p.aliases].some((n) => key(n) === q)) ?? null
  );
}

/**
 * The plan of a ledger: the one given (--program), else one whose name or alias its title or sheet
 * name contains (帮联台账 → banglian), else by its columns — 学困原因 or 学科 make a 学困生 plan (one
 * with a helper limit and no coverage), anything else the first plan with a coverage (建档立卡).
 */
export function findPairingPlan(
  pack: Pack,
  program: string | undefined,
  layout: RosterLayout | null,
): PairingPlan | null {
  const plans = pack.pairing.plans;
  if (program !== undefined && program.trim() !== "") return pairingPlanByName(pack, program);
  if (!layout) return plans[0] ?? null;
  const where = key(`${layout.title}${layout.sheet}`);
  // The longest name or alias the title contains wins: 学优生与学困生一帮一结对 is the peer plan's
  // "一帮一结对", not the teachers' "学困生".
  let named: PairingPlan | null = null;
  let longest = 1;
  for (const p of plans) {
    for (const n of [p.name, ...p.aliases]) {
      const k = key(n);
      if (k.length > longest && where.includes(k)) [named, longest] = [p, k.length];
    }
  }
  if (named) return named;
  const struggling = layout.fieldColumns.reason !== undefined || layout.fieldColumns.subject !== undefined;
  if (struggling || /学困/.test(where))
    return plans.find((p) => !p.coverage && p.perHelper?.max !== undefined) ?? plans[0] ?? null;
  return plans.find((p) => p.coverage) ?? plans[0] ?? null;
}
