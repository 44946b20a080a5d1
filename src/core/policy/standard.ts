import type { FieldKey, NormalizedRecord } from "../roster";
import type { Standard } from "./schema";

/**
 * The standard a program's rule gives for the fields known. Several candidates remain when a
 * field that the standard depends on is missing; when the fields given match several standards
 * at once (a 档次 and a 困难程度 that point at different tiers), the higher applies (就高不就低).
 */
export type StandardOutcome =
  | { kind: "amount"; amount: number; bound: "exact" | "atLeast" | "upTo"; source: string; higherApplied: boolean }
  | { kind: "needs"; fields: FieldKey[]; candidates: number[]; source: string }
  | { kind: "unset"; note: string; source: string }
  | { kind: "no-match"; source: string };

type Value = NormalizedRecord[keyof NormalizedRecord];

function valueOf(record: NormalizedRecord, field: FieldKey): Value {
  return (record as Record<string, Value>)[field];
}

function given(v: Value): boolean {
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

function matches(v: Value, wanted: string | boolean): boolean {
  if (Array.isArray(v)) return v.some((x) => x === wanted);
  return v === wanted;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

type TableStandard = Extract<Standard, { type: "table" }>;
/** Each table row's conditions as [field, wanted] pairs, made once per standard (a roster asks 100k times). */
const compiled = new WeakMap<
  TableStandard,
  { rows: { when: [FieldKey, string | boolean][]; amount: number; source: string }[]; by: FieldKey[] }
>();

function compile(standard: TableStandard) {
  let c = compiled.get(standard);
  if (!c) {
    c = {
      rows: standard.rows.map((r) => ({
        when: Object.entries(r.when) as [FieldKey, string | boolean][],
        amount: r.amount,
        source: r.source,
      })),
      by: standard.by as FieldKey[],
    };
    compiled.set(standard, c);
  }
  return c;
}

export function applyStandard(standard: Standard, record: NormalizedRecord): StandardOutcome {
  switch (standard.type) {
    case "fixed":
      return { kind: "amount", amount: standard.amount, bound: "exact", source: standard.source, higherApplied: false };
    case "atLeast":
      return {
        kind: "amount",
        amount: standard.amount,
        bound: "atLeast",
        source: standard.source,
        higherApplied: false,
      };
    case "upTo":
      return { kind: "amount", amount: standard.amount, bound: "upTo", source: standard.source, higherApplied: false };
    case "perDay": {
      const days = valueOf(record, standard.daysField as FieldKey);
      if (typeof days !== "number") {
        return { kind: "needs", fields: [standard.daysField as FieldKey], candidates: [], source: standard.source };
      }
      return {
        kind: "amount",
        amount: round2(standard.rate * days),
        bound: "exact",
        source: standard.source,
        higherApplied: false,
      };
    }
    case "table": {
      const table = compile(standard);
      let top: { amount: number; source: string } | null = null;
      let distinct = 0;
      let first = NaN;
      const candidates: number[] = [];
      for (const row of table.rows) {
        let ok = true;
        for (const [field, wanted] of row.when) {
          const v = valueOf(record, field);
          if (given(v) && !matches(v, wanted)) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        if (!top || row.amount > top.amount) top = row;
        if (distinct === 0 || row.amount !== first) {
          if (!candidates.includes(row.amount)) candidates.push(row.amount);
          if (distinct === 0) first = row.amount;
          distinct = candidates.length;
        }
      }
      if (!top) return { kind: "no-match", source: standard.rows[0]?.source ?? "" };
      const missing = table.by.filter((f) => !given(valueOf(record, f)));
      if (candidates.length === 1 || missing.length === 0) {
        return {
          kind: "amount",
          amount: top.amount,
          bound: "exact",
          source: top.source,
          higherApplied: candidates.length > 1,
        };
      }
      return { kind: "needs", fields: missing, candidates: candidates.sort((a, b) => a - b), source: top.source };
    }
    case "tier": {
      const tiers = new Set<string>();
      const direct = valueOf(record, standard.tierField as FieldKey);
      if (typeof direct === "string") tiers.add(direct);
      if (standard.levelField && standard.levelToTier) {
        const level = valueOf(record, standard.levelField as FieldKey);
        const mapped = typeof level === "string" ? standard.levelToTier[level] : undefined;
        if (mapped) tiers.add(mapped);
      }
      const table = Object.entries(standard.amounts);
      if (table.length === 0) return { kind: "unset", note: standard.note ?? "", source: standard.source };
      if (tiers.size === 0) {
        const fields = [standard.tierField, standard.levelField].filter(
          (f): f is NonNullable<typeof f> => !!f,
        ) as FieldKey[];
        return {
          kind: "needs",
          fields,
          candidates: table.map(([, a]) => a).sort((a, b) => a - b),
          source: standard.source,
        };
      }
      const amounts = [...tiers].map((t) => standard.amounts[t]).filter((a): a is number => typeof a === "number");
      if (amounts.length === 0) return { kind: "no-match", source: standard.source };
      return {
        kind: "amount",
        amount: Math.max(...amounts),
        bound: "exact",
        source: standard.source,
        higherApplied: new Set(amounts).size > 1,
      };
    }
  }
}
