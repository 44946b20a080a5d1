import type { FieldKey, NormalizedRecord } from "../roster";
import type { Condition } from "./schema";
import type { CivilDate } from "../date/civil";

export type Outcome = "pass" | "fail" | "unknown";

export interface Evaluation {
  outcome: Outcome;
  /** The conditions that ruled the person out (the outermost with a reason). */
  failed: Condition[];
  /** Conditions that could not be decided, and the fields they need. */
  undecided: { condition: Condition; fields: FieldKey[] }[];
}

type Value = NormalizedRecord[keyof NormalizedRecord];

function valueOf(record: NormalizedRecord, field: FieldKey): Value {
  return (record as Record<string, Value>)[field];
}

function given(v: Value): boolean {
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

function asList(v: Value): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === "boolean") return [v ? "是" : "否"];
  return [String(v)];
}

/** The fields a condition reads. */
export function conditionFields(c: Condition): FieldKey[] {
  if (c.test === "anyOf" || c.test === "allOf") return [...new Set(c.conditions.flatMap(conditionFields))];
  return [c.field as FieldKey];
}

function leaf(c: Exclude<Condition, { test: "anyOf" | "allOf" }>, record: NormalizedRecord, today: CivilDate): Outcome {
  const v = valueOf(record, c.field as FieldKey);
  if (!given(v)) return "unknown";
  switch (c.test) {
    case "in":
      return asList(v).some((x) => c.values.includes(x)) ? "pass" : "fail";
    case "notIn":
      return asList(v).every((x) => c.values.includes(x)) ? "fail" : "pass";
    case "atLeast":
      return typeof v === "number" && v >= c.value ? "pass" : "fail";
    case "is":
      return v === c.value ? "pass" : "fail";
    case "notWithinYears":
      // A year of the last aid, or 是/否 for "aided within the period" (是 = aided recently).
      if (typeof v === "boolean") return v ? "fail" : "pass";
      return typeof v === "number" && v >= today.y - c.years ? "fail" : "pass";
  }
}

/** The outcome of a single-field condition (what evaluate() decides for it, without its lists); null for anyOf/allOf. */
export function leafOutcome(c: Condition, record: NormalizedRecord, today: CivilDate): Outcome | null {
  return c.test === "anyOf" || c.test === "allOf" ? null : leaf(c, record, today);
}

/** Evaluates one condition; a missing field leaves it undecided rather than failed. */
export function evaluate(c: Condition, record: NormalizedRecord, today: CivilDate): Evaluation {
  if (c.test === "anyOf" || c.test === "allOf") {
    const parts = c.conditions.map((x) => evaluate(x, record, today));
    const outcomes = parts.map((p) => p.outcome);
    let outcome: Outcome;
    if (c.test === "anyOf") {
      outcome = outcomes.includes("pass") ? "pass" : outcomes.every((o) => o === "fail") ? "fail" : "unknown";
    } else {
      outcome = outcomes.includes("fail") ? "fail" : outcomes.every((o) => o === "pass") ? "pass" : "unknown";
    }
    return {
      outcome,
      failed: outcome === "fail" ? [c] : [],
      undecided:
        outcome === "unknown"
          ? [{ condition: c, fields: conditionFields(c).filter((f) => !given(valueOf(record, f))) }]
          : [],
    };
  }
  const outcome = leaf(c, record, today);
  return {
    outcome,
    failed: outcome === "fail" ? [c] : [],
    undecided: outcome === "unknown" ? [{ condition: c, fields: [c.field as FieldKey] }] : [],
  };
}
