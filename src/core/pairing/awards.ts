/**
 * Progress awards for 学困生 and their teachers (方案4 三): "对这些学困生的成绩的高低按顺序进行排列，
 * 然后与上学期成绩进行比较，提高位次的按比例分出一二三等奖，没有进步的不予评价" and "根据每个教师转化学生的
 * 个数及成绩进行评奖，评出一二三等“爱心工程”奖". The tier names and shares come from the policy pack
 * (`pack.pairing.awards`, AwardTiers); nothing here names a tier.
 *
 * Ranks are competition ranks ("1224"): a higher score is a better (smaller) rank, equal scores
 * share the best rank of their group and the next rank skips accordingly; a blank score has no rank
 * and is not counted. A person's rank is the one given, else the rank of their score within the
 * group passed in (everyone in the call who has a score); last term's rank likewise from last
 * term's scores. The change is lastRank − rank: positive means moved up.
 *
 * Students: only those who moved up (change > 0) are eligible; the others get no tier, with the
 * reason "no-progress" (没有进步的不予评价) or "no-score" (a rank or score is missing). The eligible
 * are ordered by how many places they moved up, most first, and the tiers take the next places in
 * turn, tier i taking round(share_i × N) places (N = the number eligible; halves round up), with
 * these rules:
 * - the first tier takes at least one person whenever anyone is eligible;
 * - places are cumulative and capped at N, so with fewer people than the shares need only the top
 *   tiers are used (N = 1: the first tier only);
 * - when the shares add up to 1 the last tier also takes whoever rounding left over, so everyone who
 *   moved up gets a tier; when they add up to less than 1, those beyond the last tier's places get
 *   none (reason "over-quota");
 * - ties never split across tiers: people with equal improvement all get the tier the first of
 *   them falls into (the better tier), and the places they take beyond that tier's count come out
 *   of the tiers below (a tier may end up with nobody).
 *
 * Teachers: ranked by the number of their students who moved up, then by the sum of those students'
 * changes; a teacher none of whose students moved up gets no award ("no-progress"); the shares,
 * rounding and tie rules are the students' (a tie is equal count and equal sum).
 */
import { inLocale, texts, type Locale, type Texts } from "../locale";
import type { AwardTiers } from "../policy/schema";

/** Why a person has no tier. */
export type AwardReason = "no-progress" | "no-score" | "over-quota";

/** One student: ranks as given, or scores to rank within the group (see the module comment). */
export interface AwardInput {
  readonly key: string;
  readonly lastRank?: number | null | undefined;
  readonly rank?: number | null | undefined;
  readonly lastScore?: number | null | undefined;
  readonly score?: number | null | undefined;
}

export interface AwardResult {
  readonly key: string;
  readonly lastRank: number | null;
  readonly rank: number | null;
  /** lastRank − rank: positive = moved up; null when either rank is missing. */
  readonly change: number | null;
  /** The tier's name from the pack, or null (no award). */
  readonly tier: string | null;
  /** 0 for the first tier. */
  readonly tierIndex: number | null;
  /** Why there is no tier (null when there is one). */
  readonly reason: AwardReason | null;
}

export interface TeacherAwardInput {
  readonly key: string;
  readonly students: readonly AwardResult[];
}

export interface TeacherAwardResult {
  readonly key: string;
  /** How many of the teacher's students moved up (change > 0). */
  readonly moved: number;
  /** The sum of those students' changes. */
  readonly totalChange: number;
  readonly tier: string | null;
  readonly tierIndex: number | null;
  readonly reason: AwardReason | null;
}

const usable = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** Competition ranks ("1224") of the scores, higher score first; a blank score gets null and is not counted. */
export function rankWithin(scores: readonly (number | null)[]): (number | null)[] {
  const sorted = scores.filter(usable).sort((a, b) => b - a);
  const rankOf = new Map<number, number>();
  sorted.forEach((s, i) => {
    if (!rankOf.has(s)) rankOf.set(s, i + 1);
  });
  return scores.map((s) => (usable(s) ? (rankOf.get(s) ?? null) : null));
}

/** Places moved up: lastRank − rank (negative = moved down); null when either is missing. */
export function rankChange(lastRank: number | null, rank: number | null): number | null {
  return usable(lastRank) && usable(rank) ? lastRank - rank : null;
}

/**
 * The cumulative places of the tiers for n eligible people: entry i is how many of the first places
 * tiers 0…i take together (see the module comment for the rounding).
 */
export function awardPlaces(n: number, tiers: AwardTiers): number[] {
  if (n <= 0) return tiers.tiers.map(() => 0);
  const total = tiers.tiers.reduce((sum, t) => sum + t.share, 0);
  const fillsAll = Math.abs(total - 1) < 1e-9;
  let cumulative = 0;
  return tiers.tiers.map((t, i) => {
    // A tiny epsilon so that 0.15 × 10 (1.4999999999999998 in floating point) rounds up as 1.5 does.
    let places = Math.round(t.share * n + 1e-9);
    if (i === 0) places = Math.max(1, places);
    cumulative = Math.min(n, cumulative + places);
    if (fillsAll && i === tiers.tiers.length - 1) cumulative = n;
    return cumulative;
  });
}

/**
 * Tier indexes for the eligible, given in order best first with `same(a, b)` telling ties: a tie
 * group takes the tier its first member falls into. null: beyond the last tier's places.
 */
function assignTiers<T>(ordered: readonly T[], tiers: AwardTiers, same: (a: T, b: T) => boolean): (number | null)[] {
  const places = awardPlaces(ordered.length, tiers);
  const out: (number | null)[] = [];
  let groupTier: number | null = null;
  ordered.forEach((item, pos) => {
    const prev = ordered[pos - 1];
    if (pos === 0 || prev === undefined || !same(prev, item)) {
      const i = places.findIndex((cum) => cum > pos);
      groupTier = i < 0 ? null : i;
    }
    out.push(groupTier);
  });
  return out;
}

/** Indexes of `items` that pass `eligible`, ordered by `compare` (stable: input order within ties). */
function orderedEligible<T>(
  items: readonly T[],
  eligible: (t: T) => boolean,
  compare: (a: T, b: T) => number,
): number[] {
  return items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => eligible(item))
    .sort((a, b) => compare(a.item, b.item) || a.index - b.index)
    .map(({ index }) => index);
}

/** Each student's ranks, change and tier (see the module comment); one result per input, in order. */
export function studentAwards(people: readonly AwardInput[], tiers: AwardTiers): AwardResult[] {
  const fromScores = rankWithin(people.map((p) => (usable(p.score) ? p.score : null)));
  const fromLastScores = rankWithin(people.map((p) => (usable(p.lastScore) ? p.lastScore : null)));
  const base = people.map((p, i) => {
    const lastRank = usable(p.lastRank) ? p.lastRank : (fromLastScores[i] ?? null);
    const rank = usable(p.rank) ? p.rank : (fromScores[i] ?? null);
    return { key: p.key, lastRank, rank, change: rankChange(lastRank, rank) };
  });
  const moved = (b: (typeof base)[number]): boolean => b.change !== null && b.change > 0;
  const order = orderedEligible(base, moved, (a, b) => (b.change ?? 0) - (a.change ?? 0));
  const tierOf = new Map<number, number | null>();
  const assigned = assignTiers(order, tiers, (a, b) => base[a]?.change === base[b]?.change);
  order.forEach((index, pos) => tierOf.set(index, assigned[pos] ?? null));
  return base.map((b, i) => {
    const t = tierOf.get(i) ?? null;
    const reason: AwardReason | null =
      b.change === null ? "no-score" : b.change <= 0 ? "no-progress" : t === null ? "over-quota" : null;
    return { ...b, tier: t === null ? null : (tiers.tiers[t]?.name ?? null), tierIndex: t, reason };
  });
}

/** Each teacher's count of students moved up, their total change and tier; one result per input, in order. */
export function teacherAwards(teachers: readonly TeacherAwardInput[], tiers: AwardTiers): TeacherAwardResult[] {
  const base = teachers.map((t) => {
    const up = t.students.map((s) => s.change).filter((c): c is number => c !== null && c > 0);
    return { key: t.key, moved: up.length, totalChange: up.reduce((sum, c) => sum + c, 0) };
  });
  const order = orderedEligible(
    base,
    (b) => b.moved > 0,
    (a, b) => b.moved - a.moved || b.totalChange - a.totalChange,
  );
  const assigned = assignTiers(
    order,
    tiers,
    (a, b) => base[a]?.moved === base[b]?.moved && base[a]?.totalChange === base[b]?.totalChange,
  );
  const tierOf = new Map<number, number | null>();
  order.forEach((index, pos) => tierOf.set(index, assigned[pos] ?? null));
  return base.map((b, i) => {
    const t = tierOf.get(i) ?? null;
    const reason: AwardReason | null = b.moved === 0 ? "no-progress" : t === null ? "over-quota" : null;
    return { ...b, tier: t === null ? null : (tiers.tiers[t]?.name ?? null), tierIndex: t, reason };
  });
}

const REASON_TEXTS: Readonly<Record<"student" | "teacher", Readonly<Record<AwardReason, Texts>>>> = {
  student: {
    "no-progress": texts("名次没有提高，不予评价", "Did not move up: not assessed"),
    "no-score": texts("缺少本次或上学期的名次（成绩）", "No rank (or score) for this exam or last term"),
    "over-quota": texts("名次有提高，但各等奖名额已满", "Moved up, but every tier's places are taken"),
  },
  teacher: {
    "no-progress": texts("所转化学生没有名次提高的，不予评奖", "None of the teacher's students moved up: no award"),
    "no-score": texts("所转化学生缺少名次（成绩）", "The teacher's students have no ranks (or scores)"),
    "over-quota": texts("有学生名次提高，但各等奖名额已满", "Students moved up, but every tier's places are taken"),
  },
};

/** The texts of a reason for no award, for a student (default) or a teacher. */
export function awardReasonTexts(reason: AwardReason, who: "student" | "teacher" = "student"): Texts {
  return REASON_TEXTS[who][reason];
}

/** A reason for no award in one locale (zh-CN by default). */
export function awardReasonText(
  reason: AwardReason,
  who: "student" | "teacher" = "student",
  locale: Locale = "zh-CN",
): string {
  return inLocale(locale, awardReasonTexts(reason, who));
}
