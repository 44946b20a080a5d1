/**
 * Every command's names, in one table: its id (= the CLI word), the ribbon/pane id and the recipe
 * step it is known by elsewhere, and its labels. Plain data without imports, so the ribbon's small
 * bundle (src/commands) reads it without loading the engine; the command modules beside it add the
 * options and the implementation (registry.ts puts them together).
 */

export interface CommandNames {
  /** The CLI word (`zizhu summary`), also the command's id in the registry. */
  cli: string;
  label: { zh: string; en: string };
  /** What the command makes, in CLI messages ("已生成汇总表…"). */
  made?: string;
  /** The ribbon button / pane command (manifest.xml FunctionName) and its ribbon label. */
  ribbon?: { id: string; label: string };
  /** The recipe step name and its default label in a recipe. */
  step?: { name: string; label: string };
}

export const COMMAND_NAMES = {
  check: {
    cli: "check",
    label: { zh: "校验花名册", en: "Check roster" },
    ribbon: { id: "validate", label: "一键校验" },
    step: { name: "check", label: "校验花名册" },
  },
  privacy: {
    cli: "privacy",
    label: { zh: "隐私检查", en: "Privacy scan" },
    step: { name: "privacy", label: "隐私检查" },
  },
  fixes: {
    cli: "fixes",
    label: { zh: "安全修正", en: "Safe fixes" },
    step: { name: "fix", label: "安全修正" },
  },
  format: {
    cli: "format",
    label: { zh: "格式化花名册", en: "Format roster" },
    made: "格式化花名册",
    ribbon: { id: "formatRoster", label: "格式化花名册" },
    step: { name: "format", label: "格式化花名册" },
  },
  summary: {
    cli: "summary",
    label: { zh: "生成汇总表", en: "Summary sheet" },
    made: "汇总表",
    ribbon: { id: "buildSummary", label: "生成汇总表" },
    step: { name: "summary", label: "生成汇总表" },
  },
  notice: {
    cli: "notice",
    label: { zh: "生成公示表", en: "Public notice" },
    made: "公示表",
    ribbon: { id: "buildNotice", label: "生成公示表" },
    step: { name: "notice", label: "生成公示表" },
  },
  forms: {
    cli: "forms",
    label: { zh: "生成申请表", en: "Application forms" },
    made: "申请表",
    ribbon: { id: "buildForms", label: "生成申请表" },
    step: { name: "forms", label: "生成申请表" },
  },
  awards: {
    cli: "awards",
    label: { zh: "生成进步奖名单", en: "Progress awards" },
    made: "进步奖名单",
    ribbon: { id: "buildAwards", label: "生成进步奖名单" },
    step: { name: "awards", label: "生成进步奖名单" },
  },
  "pair-summary": {
    cli: "pair-summary",
    label: { zh: "帮扶记录汇总", en: "Assistance summary" },
    made: "帮扶记录汇总",
    ribbon: { id: "buildPairSummary", label: "帮扶记录汇总" },
    step: { name: "pair-summary", label: "帮扶记录汇总" },
  },
  seal: {
    cli: "seal",
    label: { zh: "报送前检查", en: "Pre-submission check" },
    made: "校验凭证",
    ribbon: { id: "preSubmitCheck", label: "报送前检查" },
    step: { name: "seal", label: "报送前检查并封存" },
  },
  export: {
    cli: "export",
    label: { zh: "导出报送格式", en: "Submission format" },
    made: "报送格式",
    step: { name: "export", label: "导出报送格式" },
  },
  verify: {
    cli: "verify",
    label: { zh: "核验凭证", en: "Verify seal" },
  },
} as const satisfies Record<string, CommandNames>;

export type CommandId = keyof typeof COMMAND_NAMES;

type Names = (typeof COMMAND_NAMES)[CommandId];
/**
 * The ribbon/pane ids: validate, formatRoster, buildSummary, buildNotice, buildForms, buildAwards,
 * buildPairSummary, preSubmitCheck.
 */
export type RibbonId = Extract<Names, { ribbon: unknown }>["ribbon"]["id"];

/** The ribbon's buttons: id → label, in registry order. */
export const RIBBON_LABELS = Object.fromEntries(
  Object.values(COMMAND_NAMES).flatMap((n: CommandNames) => (n.ribbon ? [[n.ribbon.id, n.ribbon.label]] : [])),
) as Record<RibbonId, string>;
