/**
 * Who a ledger pairs, for coverage: a roster student is covered by a pair with the same valid ID,
 * or — when one side has no valid ID — by a pair with the same name (and the same school when both
 * give one). A pair whose valid ID differs never covers a student who has an ID of their own.
 */
import { nameKey, type PairRow } from "./ledger";

interface NamedPair {
  id18: string | null;
  school: string;
}

export interface RosterStudent {
  name: string;
  /** The valid 18-digit ID, or null. */
  id18: string | null;
  /** Whether the roster gives an ID at all (a mistyped one included). */
  hasId: boolean;
  school: string | null;
}

export class PairedIndex {
  private readonly ids = new Set<string>();
  private readonly byName = new Map<string, NamedPair[]>();

  constructor(pairs: Iterable<Pick<PairRow, "helper" | "student" | "id18" | "school">>) {
    for (const p of pairs) {
      if (!p.student || !p.helper) continue;
      if (p.id18) this.ids.add(p.id18);
      const key = nameKey(p.student);
      const list = this.byName.get(key) ?? [];
      list.push({ id18: p.id18, school: nameKey(p.school) });
      this.byName.set(key, list);
    }
  }

  covers(s: RosterStudent): boolean {
    if (s.id18 && this.ids.has(s.id18)) return true;
    if (nameKey(s.name) === "") return false;
    const school = nameKey(s.school);
    return (this.byName.get(nameKey(s.name)) ?? []).some(
      (p) => !(p.id18 && s.hasId) && (p.school === "" || school === "" || p.school === school),
    );
  }
}
