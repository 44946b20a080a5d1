/**
 * decide(program, record, pack): is this person eligible, for how much, and why — from the
 * pack's data alone. Lenient by default (a field that is not given is not held against anyone;
 * it is listed in `missing`); `strict` (the roster check, which has every column) treats a
 * missing field as a failure.
 */
import { formatIso, type CivilDate } from "../date/civil";
import { fieldLabel, type FieldKey, type NormalizedRecord } from "../roster";
import { conditionFields, evaluate, leafOutcome } from "./conditions";
import { applyStandard } from "./standard";
import type { Pack, Program } from "./schema";

export interface Reason {
  text: string;
  source: string;
  /** The fields the failed condition reads (for a roster check to point at their cells). */
  fields?: FieldKey[];
}

export interface MissingField {
  field: FieldKey;
  label: string;
  source: string;
}

export interface Decision {
  program: { code: string; name: string };
  period: Program["period"];
  /** False only when a given field rules the person out (or, when strict, a field is missing). */
  eligible: boolean;
  /** True when every field the decision depends on was given. */
  certain: boolean;
  /** The standard for one period; null when not eligible or not determined by the fields given. */
  amount: number | null;
  bound: "exact" | "atLeast" | "upTo";
  reasons: Reason[];
  missing: MissingField[];
  needsProof: boolean;
  proofDocuments: string[];
  notes: Reason[];
  sources: string[];
}

export interface DecideOptions {
  today: CivilDate;
  strict?: boolean;
}

function given(record: NormalizedRecord, field: FieldKey): boolean {
  const v = (record as Record<string, unknown>)[field];
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

/** The last day formatted: a roster decides 100k rows for one `today`. */
let lastDay: { y: number; m: number; d: number; iso: string } | null = null;

function isoDay(today: CivilDate): string {
  if (lastDay === null || lastDay.y !== today.y || lastDay.m !== today.m || lastDay.d !== today.d)
    lastDay = { y: today.y, m: today.m, d: today.d, iso: formatIso(today) };
  return lastDay.iso;
}

export function decide(program: Program, record: NormalizedRecord, pack: Pack, options: DecideOptions): Decision {
  const reasons: Reason[] = [];
  const missing: MissingField[] = [];
  const notes: Reason[] = [];
  const sources = new Set<string>();
  const addMissing = (field: FieldKey, source: string): void => {
    if (!missing.some((m) => m.field === field)) missing.push({ field, label: fieldLabel(field), source });
  };

  for (const condition of program.eligibility) {
    sources.add(condition.source);
    // A single-field condition (most of them) is decided here, without evaluate()'s lists.
    const outcome = leafOutcome(condition, record, options.today);
    if (outcome === "fail") {
      reasons.push({ text: condition.reason, source: condition.source, fields: conditionFields(condition) });
      continue;
    }
    if (outcome === "unknown" && "field" in condition) {
      addMissing(condition.field as FieldKey, condition.source);
      continue;
    }
    if (outcome !== null) continue;
    const e = evaluate(condition, record, options.today);
    for (const c of e.failed) reasons.push({ text: c.reason, source: c.source, fields: conditionFields(c) });
    for (const u of e.undecided) for (const f of u.fields) addMissing(f, u.condition.source);
  }
  if (options.strict) {
    for (const m of missing) reasons.push({ text: `缺少${m.label}，无法认定`, source: m.source, fields: [m.field] });
  }
  const eligible = reasons.length === 0;

  let amount: number | null = null;
  let bound: Decision["bound"] = "exact";
  if (eligible) {
    const s = applyStandard(program.standard, record);
    sources.add(s.source);
    if (s.kind === "amount") {
      amount = s.amount;
      bound = s.bound;
      if (s.higherApplied && pack.rules.higherStandard) {
        notes.push({ text: pack.rules.higherStandard.text, source: pack.rules.higherStandard.source });
      }
    } else if (s.kind === "needs") {
      for (const f of s.fields) addMissing(f, s.source);
    } else if (s.kind === "unset") {
      notes.push({ text: s.note || "政策包未设定该项目的金额", source: s.source });
    } else {
      notes.push({ text: "政策包中没有适用于所给条件的标准", source: s.source });
    }
  }

  const needsProof =
    !!program.proof &&
    given(record, program.proof.field as FieldKey) &&
    (record as Record<string, unknown>)[program.proof.field] === program.proof.when;
  if (program.proof) sources.add(program.proof.source);

  if (program.coverage && Array.isArray(record.hardship)) {
    const covered = record.hardship.filter((h) => program.coverage?.full.includes(h));
    if (covered.length > 0)
      notes.push({ text: `${covered.join("、")}学生属资助全覆盖对象`, source: program.coverage.source });
    const first = record.hardship.filter((h) => program.coverage?.priority.includes(h));
    if (first.length > 0) notes.push({ text: `${first.join("、")}学生优先资助`, source: program.coverage.source });
  }

  // A pack applies between its effective dates; outside them the answer is still given, with a warning.
  const day = isoDay(options.today);
  if (day < pack.effective.from || (pack.effective.to !== undefined && day > pack.effective.to)) {
    notes.push({
      text: `政策包“${pack.name}”的生效期为 ${pack.effective.from} 至 ${pack.effective.to ?? "今"}，${day} 不在其内，请确认是否选错政策包`,
      source: pack.id,
    });
  }

  return {
    program: { code: program.code, name: program.name },
    period: program.period,
    eligible,
    certain: missing.length === 0,
    amount,
    bound,
    reasons,
    missing,
    needsProof,
    proofDocuments: needsProof && program.proof ? program.proof.documents : [],
    notes,
    sources: [...sources],
  };
}

/** The largest number of people a program's quota allows for `enrolled` (14% of 500 → 70). */
export function quotaFor(program: Program, enrolled: number): number | null {
  if (!program.quota || !Number.isFinite(enrolled) || enrolled < 0) return null;
  // Shares like 0.14 are not exact in binary: 0.14 × 500 = 70.00000000000001, so round first.
  return Math.floor(Math.round(program.quota.share * enrolled * 1e6) / 1e6);
}
