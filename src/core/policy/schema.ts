/**
 * The policy pack format: rules as data, each number with the plan it comes from. A pack is a
 * JSON document; this zod schema is the single definition of what a valid pack is, and its types
 * are what the engine reads.
 */
import { z } from "zod";
import { FIELD_KEYS } from "../roster/fields";

/** Where a rule comes from, e.g. "方案7 二.1" (plan 7, section 二.1). */
const Source = z.string().trim().min(1, "需要注明出处（如 方案7 二.1）");

const FieldKeyName = z.enum(FIELD_KEYS);

const Money = z.number().finite().nonnegative().max(1e12);
const Share = z.number().gt(0).lte(1);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应写成 YYYY-MM-DD");

const reasoned = { reason: z.string().trim().min(1, "需要写明不符合时的原因"), source: Source };

export type Condition =
  | { test: "in"; field: z.infer<typeof FieldKeyName>; values: string[]; reason: string; source: string }
  | { test: "notIn"; field: z.infer<typeof FieldKeyName>; values: string[]; reason: string; source: string }
  | { test: "atLeast"; field: z.infer<typeof FieldKeyName>; value: number; reason: string; source: string }
  | { test: "is"; field: z.infer<typeof FieldKeyName>; value: boolean; reason: string; source: string }
  | { test: "notWithinYears"; field: z.infer<typeof FieldKeyName>; years: number; reason: string; source: string }
  | { test: "anyOf"; conditions: Condition[]; reason: string; source: string }
  | { test: "allOf"; conditions: Condition[]; reason: string; source: string };

const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("test", [
    z.strictObject({
      test: z.literal("in"),
      field: FieldKeyName,
      values: z.array(z.string().min(1)).min(1),
      ...reasoned,
    }),
    z.strictObject({
      test: z.literal("notIn"),
      field: FieldKeyName,
      values: z.array(z.string().min(1)).min(1),
      ...reasoned,
    }),
    z.strictObject({ test: z.literal("atLeast"), field: FieldKeyName, value: z.number().finite(), ...reasoned }),
    z.strictObject({ test: z.literal("is"), field: FieldKeyName, value: z.boolean(), ...reasoned }),
    z.strictObject({
      test: z.literal("notWithinYears"),
      field: FieldKeyName,
      years: z.number().int().positive(),
      ...reasoned,
    }),
    z.strictObject({ test: z.literal("anyOf"), conditions: z.array(ConditionSchema).min(1), ...reasoned }),
    z.strictObject({ test: z.literal("allOf"), conditions: z.array(ConditionSchema).min(1), ...reasoned }),
  ]),
);

const StandardSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("fixed"), amount: Money, source: Source }),
  z.strictObject({
    type: z.literal("table"),
    by: z.array(FieldKeyName).min(1),
    rows: z
      .array(
        z.strictObject({
          when: z.record(z.string(), z.union([z.string(), z.boolean()])),
          amount: Money,
          source: Source,
        }),
      )
      .min(1),
  }),
  z.strictObject({
    type: z.literal("tier"),
    tierField: FieldKeyName,
    levelField: FieldKeyName.optional(),
    levelToTier: z.record(z.string(), z.string()).optional(),
    amounts: z.record(z.string(), Money),
    note: z.string().optional(),
    source: Source,
  }),
  z.strictObject({ type: z.literal("perDay"), rate: Money, daysField: FieldKeyName, source: Source }),
  z.strictObject({ type: z.literal("atLeast"), amount: Money, source: Source }),
  z.strictObject({ type: z.literal("upTo"), amount: Money, source: Source }),
]);

const LimitSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("retired-share"), max: Share, source: Source }),
  z.strictObject({
    kind: z.literal("nominees-per-school"),
    min: z.number().int().nonnegative(),
    max: z.number().int().positive(),
    source: Source,
  }),
  z.strictObject({
    kind: z.literal("min-visits"),
    field: FieldKeyName,
    min: z.number().int().positive(),
    source: Source,
  }),
  z.strictObject({ kind: z.literal("no-repeat-within-year"), source: Source }),
  z.strictObject({
    kind: z.literal("deadline"),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    lateMeansWithdrawn: z.boolean().optional(),
    source: Source,
  }),
]);

const Note = z.strictObject({ text: z.string().min(1), source: Source });

export const ProgramSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/, "项目代码只能用小写字母、数字和连字符，如 yibu"),
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  audience: z.enum(["students", "teachers"]),
  period: z.enum(["学期", "学年", "天", "一次性"]),
  eligibility: z.array(ConditionSchema).default([]),
  standard: StandardSchema,
  quota: z.strictObject({ share: Share, base: z.string().min(1), source: Source }).optional(),
  limits: z.array(LimitSchema).default([]),
  proof: z
    .strictObject({
      field: FieldKeyName,
      when: z.boolean(),
      documents: z.array(z.string().min(1)).min(1),
      source: Source,
    })
    .optional(),
  /** The bank payments must go through (方案7 四: 建行卡), checked against the card's BIN and 开户行. */
  payment: z
    .strictObject({ bank: z.string().min(1), aliases: z.array(z.string().min(1)).default([]), source: Source })
    .nullable()
    .optional(),
  coverage: z
    .strictObject({
      full: z.array(z.string().min(1)).min(1),
      priority: z.array(z.string()).default([]),
      source: Source,
    })
    .optional(),
  notes: z.array(Note).default([]),
});

/** How long a 公示 lasts at least, in working days (holidays and 调休 counted as the calendar says). */
const NoticeRule = z.strictObject({
  minWorkdays: z.number().int().min(1).max(60),
  text: z.string().min(1),
  source: Source,
});

/**
 * A pairing plan (一对一帮扶): who helps whom, how many each helper takes, and the yearly minimum
 * of money and visits per student. Ledgers name their plan (--program) or it is inferred.
 */
export const PairingPlanSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/, "计划代码只能用小写字母、数字和连字符，如 banglian"),
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** Who helps and who is helped, in words (for messages and the sheets' titles). */
  helpers: z.string().trim().min(1),
  students: z.string().trim().min(1),
  /** 结对方式 when the ledger has no column: 一帮一 (a student has one helper) or 一帮多. */
  mode: z.enum(["一帮一", "一帮多"]).default("一帮多"),
  perHelper: z
    .strictObject({
      min: z.number().int().nonnegative(),
      max: z.number().int().positive().optional(),
      source: Source,
    })
    .optional(),
  /** 元 per student per year, from the ledger's column or summed from the records. */
  minFunds: z.strictObject({ amount: Money, source: Source }).optional(),
  /** Visits per student per year, from the ledger's column or counted from the records. */
  minVisits: z.strictObject({ count: z.number().int().positive(), source: Source }).optional(),
  /** The record types (类型 column) that count as a visit. */
  visitTypes: z.array(z.string().trim().min(1)).min(1).default(["走访", "家访"]),
  /** The students every one of whom must have a helper, by 困难类型 in the aid roster. */
  coverage: z.strictObject({ hardship: z.array(z.string().trim().min(1)).min(1), source: Source }).optional(),
  source: Source,
});

/** Award tiers by proportion (方案4 三): the first tier's share of those eligible, then the next … */
const AwardTiersSchema = z
  .strictObject({
    tiers: z.array(z.strictObject({ name: z.string().trim().min(1), share: Share })).min(1),
    /** What the tiers rank by, in words (for the sheet's note). */
    basis: z.string().trim().min(1),
    source: Source,
  })
  .superRefine((a, ctx) => {
    const total = a.tiers.reduce((sum, t) => sum + t.share, 0);
    if (total > 1 + 1e-9)
      ctx.addIssue({ code: "custom", path: ["tiers"], message: `各等次比例之和为 ${total}，不能超过 1` });
  });

const PairingSchema = z.strictObject({
  plans: z.array(PairingPlanSchema).default([]),
  awards: z.strictObject({ students: AwardTiersSchema, teachers: AwardTiersSchema }).optional(),
});

export const PackSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "政策包 id 只能用小写字母、数字、点和连字符"),
    name: z.string().trim().min(1),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "版本号应为 主.次.修订，如 1.0.0"),
    jurisdiction: z.string().trim().min(1),
    effective: z.strictObject({ from: IsoDate, to: IsoDate.optional() }),
    description: z.string().optional(),
    sources: z.record(z.string(), z.strictObject({ title: z.string().min(1), origin: z.string().optional() })),
    assumptions: z.array(z.strictObject({ text: z.string().min(1), source: Source.optional() })).default([]),
    rules: z
      .strictObject({
        higherStandard: z.strictObject({ text: z.string().min(1), source: Source }).optional(),
        notice: NoticeRule.optional(),
      })
      .default({}),
    programs: z.array(ProgramSchema).min(1, "至少需要一个资助项目"),
    pairing: PairingSchema.default({ plans: [] }),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    const plans = new Set<string>();
    pack.pairing.plans.forEach((p, i) => {
      if (plans.has(p.code))
        ctx.addIssue({ code: "custom", path: ["pairing", "plans", i, "code"], message: `帮扶计划代码重复：${p.code}` });
      plans.add(p.code);
    });
    pack.programs.forEach((p, i) => {
      if (seen.has(p.code))
        ctx.addIssue({ code: "custom", path: ["programs", i, "code"], message: `项目代码重复：${p.code}` });
      seen.add(p.code);
    });
    if (pack.effective.to && pack.effective.to < pack.effective.from) {
      ctx.addIssue({ code: "custom", path: ["effective", "to"], message: "失效日期早于生效日期" });
    }
  });

export type Pack = z.infer<typeof PackSchema>;
export type Program = z.infer<typeof ProgramSchema>;
export type Standard = Program["standard"];
export type Limit = Program["limits"][number];
export type PairingPlan = z.infer<typeof PairingPlanSchema>;
export type AwardTiers = z.infer<typeof AwardTiersSchema>;
export type Pairing = Pack["pairing"];
export type FieldKeyInPack = z.infer<typeof FieldKeyName>;

/** An overlay pack: `extends` names a base pack; programs listed replace the base's keys by code. */
export const OverlaySchema = z.strictObject({
  $schema: z.string().optional(),
  extends: z.string().min(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "政策包 id 只能用小写字母、数字、点和连字符"),
  name: z.string().trim().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "版本号应为 主.次.修订，如 1.0.0"),
  jurisdiction: z.string().trim().min(1).optional(),
  effective: z.strictObject({ from: IsoDate, to: IsoDate.optional() }).optional(),
  description: z.string().optional(),
  sources: z.record(z.string(), z.strictObject({ title: z.string().min(1), origin: z.string().optional() })).optional(),
  assumptions: z.array(z.strictObject({ text: z.string().min(1), source: Source.optional() })).optional(),
  rules: z
    .strictObject({
      higherStandard: z.strictObject({ text: z.string().min(1), source: Source }).optional(),
      notice: NoticeRule.optional(),
    })
    .optional(),
  programs: z.array(z.looseObject({ code: z.string().min(1) })).default([]),
  /** Plans listed replace the base's by code (or are added); awards, when given, replace the base's. */
  pairing: z
    .strictObject({
      plans: z.array(z.looseObject({ code: z.string().min(1) })).default([]),
      awards: z.unknown().optional(),
    })
    .optional(),
});
