/**
 * The options commands take, declared once: a zod schema for each typed value, with its metadata
 * (CLI flag, form label, type) in the `optionMeta` registry. The CLI parses its flags into these
 * (parseOptionTexts), a form lists them (optionFields), hosts and recipes pass the typed values.
 */
import { z } from "zod";
import type { Calendar } from "../calendar";
import type { CivilDate } from "../date/civil";
import { parseDateInput } from "../date/serial";
import type { Pack } from "../policy";
import type { RosterKind } from "../report/types";
import type { ColumnOverrides } from "../roster/detect";
import { fail, ok, type Result } from "../result";

/** How an option is entered: its form control and how the CLI reads its flag's text. */
export type OptionType = "text" | "positive-integer" | "date" | "kind" | "program";

export interface OptionMeta {
  /** The CLI flag without "--": `enrolled` for `--enrolled 300`. */
  flag: string;
  type: OptionType;
  /** The form field's label (Chinese and English), with its hint ("留空则自动生成"). */
  label: { zh: string; en: string };
  /** The noun in the CLI's messages: "--enrolled 应为在校人数（正整数）". */
  noun: string;
  /** An example for an empty field ("2026-09-28"). */
  placeholder?: string;
  /** The value used when the option is left out, as a form shows it (none: derived from the roster). */
  default?: string | number;
}

/** The metadata of every option schema below (zod's registry: schema → meta). */
export const optionMeta = z.registry<OptionMeta>();

/** The roster kinds, and the words the CLI accepts for them. */
export const ROSTER_KINDS = [
  "students",
  "teachers",
  "notice",
  "pairs",
  "records",
  "scores",
] as const satisfies readonly RosterKind[];
const KIND_WORDS: Readonly<Record<string, RosterKind>> = {
  students: "students",
  teachers: "teachers",
  notice: "notice",
  pairs: "pairs",
  records: "records",
  scores: "scores",
  学生: "students",
  教师: "teachers",
  公示: "notice",
  台账: "pairs",
  帮联台账: "pairs",
  结对: "pairs",
  记录: "records",
  帮扶记录: "records",
  成绩: "scores",
};

const CivilDateSchema = z.custom<CivilDate>(
  (v) => typeof v === "object" && v !== null && ["y", "m", "d"].every((k) => typeof (v as never)[k] === "number"),
);

function option<T extends z.ZodType>(schema: T, meta: OptionMeta): z.ZodOptional<T> {
  const optional = schema.optional();
  optionMeta.add(optional as z.ZodType, meta);
  return optional;
}

const sheet = option(z.string(), {
  flag: "sheet",
  type: "text",
  noun: "工作表",
  label: { zh: "工作表（留空则为第一个花名册）", en: "Sheet (empty: the first roster)" },
});
const kind = option(z.enum(ROSTER_KINDS), {
  flag: "kind",
  type: "kind",
  noun: "花名册类型",
  label: { zh: "花名册类型", en: "Roster kind" },
});
const program = option(z.string(), {
  flag: "program",
  type: "program",
  noun: "资助项目",
  label: { zh: "资助项目", en: "Aid program" },
});
const enrolled = option(z.number().int().positive(), {
  flag: "enrolled",
  type: "positive-integer",
  noun: "在校人数",
  label: { zh: "在校（在园）人数（可选，用于核对名额）", en: "Enrolled pupils (optional, for the quota check)" },
});
const title = option(z.string(), {
  flag: "title",
  type: "text",
  noun: "标题",
  label: { zh: "标题（留空则自动生成）", en: "Title (empty: composed automatically)" },
});
const unit = option(z.string(), {
  flag: "unit",
  type: "text",
  noun: "填报单位",
  label: { zh: "填报单位（留空则从表中读取）", en: "Reporting unit (empty: read from the sheet)" },
});

/** The options most commands share: which roster (sheet, kind), the program, the enrolment, title and unit. */
export const CommonOptions = z.object({ sheet, kind, program, enrolled, title, unit });

/** The 公示表's own options. */
export const NoticeOnlyOptions = z.object({
  start: option(CivilDateSchema, {
    flag: "start",
    type: "date",
    noun: "公示开始日期",
    label: { zh: "公示开始日期（留空为今天）", en: "Notice starts on (empty: today)" },
    placeholder: "2026-09-28",
  }),
  days: option(z.number().int().positive(), {
    flag: "days",
    type: "positive-integer",
    noun: "公示工作日天数",
    label: { zh: "公示天数（工作日，至少 5 天）", en: "Notice working days (at least 5)" },
    placeholder: "5",
    default: 5,
  }),
  contact: option(z.string(), {
    flag: "contact",
    type: "text",
    noun: "异议受理",
    label: {
      zh: "异议受理（如 学校资助办，监督电话 0731-5551234）",
      en: "Objections to (e.g. the school's aid office, phone)",
    },
  }),
});

/** Which roster to read: the options every command that reads one takes. */
export const RosterOptions = CommonOptions.pick({ sheet: true, kind: true, program: true });

export type CommonOptionValues = z.infer<typeof CommonOptions>;
export type OptionValues = CommonOptionValues & z.infer<typeof NoticeOnlyOptions>;

/** What a command runs with besides its options: the policy pack, today, and the host's settings. */
export interface CommandContext {
  pack: Pack;
  today: CivilDate;
  /** Holiday schedules for the 公示期 (the shipped data plus imported notices); default the shipped data. */
  calendar?: Calendar;
  /** The user's header mapping corrections, by sheet name. */
  columnOverrides?: Record<string, ColumnOverrides>;
}

/** One option as a form lists it. */
export interface OptionField extends OptionMeta {
  /** The key in the command's options ("enrolled"). */
  key: string;
}

/** The options of a schema in order, with their metadata: what a form shows for a command. */
export function optionFields(schema: z.ZodObject): OptionField[] {
  return Object.entries(schema.shape).flatMap(([key, s]) => {
    const meta = optionMeta.get(s as z.ZodType);
    return meta ? [{ key, ...meta }] : [];
  });
}

/** The CLI flags of a schema's options. */
export function optionFlags(schema: z.ZodObject): string[] {
  return optionFields(schema).map((f) => f.flag);
}

/** A flag's text that is not a value of its type, with the CLI's Chinese message. */
export interface OptionProblem {
  code: "option.invalid";
  flag: string;
  type: OptionType;
  text: string;
  message: string;
}

/** The CLI's message for a flag's bad text (the wording the CLI has always used). */
function optionMessage(meta: OptionMeta, text: string): string {
  const flag = `--${meta.flag}`;
  switch (meta.type) {
    case "positive-integer":
      return `${flag} 应为${meta.noun}（正整数），收到：${text}`;
    case "kind":
      return `${flag} 只能是 students、teachers 或 notice，收到：${text}`;
    case "date":
      return `${flag} 不是有效日期：${text}（应为 YYYY-MM-DD，如 2026-09-28）`;
    case "text":
    case "program":
      return `${flag}：${text}`;
  }
}

function typedValue(type: OptionType, text: string): unknown {
  switch (type) {
    case "text":
    case "program":
      return text;
    case "positive-integer": {
      const n = Number(text);
      return Number.isInteger(n) && n > 0 ? n : undefined;
    }
    case "kind":
      return KIND_WORDS[text];
    case "date": {
      const d = parseDateInput(text);
      return d.ok ? d.date : undefined;
    }
  }
}

/** One flag's text as its typed value, or why not. */
export function parseOptionText(meta: OptionMeta, text: string): Result<unknown, OptionProblem> {
  const value = typedValue(meta.type, text);
  if (value !== undefined) return ok(value);
  return fail({ code: "option.invalid", flag: meta.flag, type: meta.type, text, message: optionMessage(meta, text) });
}

/**
 * The flags' texts (by flag name) as a schema's typed options, in the schema's order; the first
 * bad one gives its message. Flags the schema does not have are ignored (another command's).
 */
export function parseOptionTexts<S extends z.ZodObject>(
  schema: S,
  texts: Readonly<Record<string, string | undefined>>,
): Result<Partial<z.infer<S>>, OptionProblem> {
  const out: Record<string, unknown> = {};
  for (const field of optionFields(schema)) {
    const text = texts[field.flag];
    if (text === undefined) continue;
    const value = parseOptionText(field, text);
    if (!value.ok) return value;
    out[field.key] = value.value;
  }
  return ok(out as Partial<z.infer<S>>);
}
