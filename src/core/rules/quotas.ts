/** Rules over the people of a program on one sheet: the quota, the retired share, nominees per school. */
import type { RuleEntries } from "../findings/types";
import { texts } from "../locale";
import { quotaFor, type Program } from "../policy";
import { colOf, type RowSummary, type SheetContext } from "./context";
import { finding } from "./finding";

export interface QuotaRuleData {
  "policy.quota": { program: string; count: number; allowed: number; enrolled: number; share: string; source: string };
  "policy.retired-share": { program: string; retired: number; total: number; max: string; source: string };
  "policy.nominees-per-school": {
    program: string;
    school: string;
    count: number;
    min: number;
    max: number;
    source: string;
  };
}

export const QUOTA_RULES: RuleEntries<QuotaRuleData> = {
  "policy.quota": {
    severity: "error",
    source: "方案8 (三)",
    title: texts("超出名额", "Over quota"),
    message: (d) =>
      texts(
        `${d.program}共 ${d.count} 人，超过名额 ${d.allowed} 人（在校 ${d.enrolled} 人 × ${d.share}）`,
        `${d.count} people in ${d.program}, over the quota of ${d.allowed} (${d.share} of ${d.enrolled})`,
      ),
    hint: (d) =>
      texts(`按困难程度排序，保留 ${d.allowed} 人以内（${d.source}）`, `Keep at most ${d.allowed} (${d.source})`),
  },
  "policy.retired-share": {
    severity: "error",
    source: "方案12 二",
    title: texts("退休教师比例超限", "Too many retired teachers"),
    message: (d) =>
      texts(
        `${d.program}名单中退休教师 ${d.retired} 人，占 ${d.total} 人的比例超过 ${d.max}`,
        `${d.retired} of ${d.total} are retired: over ${d.max}`,
      ),
    hint: (d) =>
      texts(
        `资助重点为在职教师，退休教师原则上不超过 ${d.max}（${d.source}）`,
        `Keep retired teachers within ${d.max} (${d.source})`,
      ),
  },
  "policy.nominees-per-school": {
    severity: "error",
    source: "方案14 四",
    title: texts("推荐人数不符", "Nominees per school"),
    message: (d) =>
      texts(
        `${d.school}推荐了 ${d.count} 名，${d.program}要求每校 ${d.min}–${d.max} 名`,
        `${d.school} nominated ${d.count}; ${d.min}–${d.max} allowed`,
      ),
    hint: (d) =>
      texts(`每校推荐 ${d.min}–${d.max} 名（${d.source}）`, `Nominate ${d.min}–${d.max} per school (${d.source})`),
  },
};

const percent = (share: number): string => `${+(share * 100).toFixed(2)}%`;

function groupBy<K>(rows: readonly RowSummary[], key: (r: RowSummary) => K | null): Map<K, RowSummary[]> {
  const groups = new Map<K, RowSummary[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

function nomineesPerSchool(
  ctx: SheetContext,
  program: Program,
  list: readonly RowSummary[],
  limit: { min: number; max: number; source: string },
): void {
  for (const [school, people] of groupBy(list, (r) => r.school ?? "（未填学校）")) {
    if (people.length > limit.max || people.length < limit.min) {
      ctx.out.push(
        finding("policy.nominees-per-school", ctx.grid.name, people[0]?.row ?? -1, colOf(ctx, "school"), school, {
          program: program.name,
          school,
          count: people.length,
          min: limit.min,
          max: limit.max,
          source: limit.source,
        }),
      );
    }
  }
}

export function checkQuotasAndShares(ctx: SheetContext, rows: readonly RowSummary[]): void {
  // Quotas and shares count the people who qualify; ineligible rows are errors of their own.
  const byProgram = groupBy(rows, (r) => (r.program && r.eligible ? r.program : null));
  const sheet = ctx.grid.name;
  for (const [program, list] of byProgram) {
    if (ctx.enrolled !== undefined && program.quota) {
      const allowed = quotaFor(program, ctx.enrolled);
      if (allowed !== null && list.length > allowed) {
        ctx.out.push(
          finding("policy.quota", sheet, -1, -1, "", {
            program: program.name,
            count: list.length,
            allowed,
            enrolled: ctx.enrolled,
            share: percent(program.quota.share),
            source: program.quota.source,
          }),
        );
      }
    }
    for (const limit of program.limits) {
      if (limit.kind === "retired-share") {
        const retired = list.filter((r) => r.retired).length;
        if (list.length > 0 && retired / list.length > limit.max + 1e-9) {
          ctx.out.push(
            finding("policy.retired-share", sheet, -1, -1, "", {
              program: program.name,
              retired,
              total: list.length,
              max: percent(limit.max),
              source: limit.source,
            }),
          );
        }
      }
      if (limit.kind === "nominees-per-school") nomineesPerSchool(ctx, program, list, limit);
    }
  }
}
