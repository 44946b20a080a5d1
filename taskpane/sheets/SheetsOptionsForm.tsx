/**
 * The 报表 tab's options, derived from the command registry (src/core/commands): each field's
 * label, control and example are what the builders declare for that option; the pane adds only
 * its grouping (the 公示表's own options apart), its test ids and a number field's smallest value.
 */
import { Field as FluentField, Select, Text } from "@fluentui/react-components";
import {
  commandFields,
  SHEET_COMMANDS,
  type OptionField,
  type OptionValues,
  parseDateInput,
  type Pack,
} from "../../src/core";
import type { Strings, UiLocale } from "../strings";
import { TextField } from "../components/TextField";
import { useLayoutStyles } from "../components/layout";
import { enrolledOption } from "../options";

const GENERAL = ["title", "unit", "program", "enrolled"] as const;
const NOTICE = ["start", "days", "contact"] as const;
type FieldKey = (typeof GENERAL)[number] | (typeof NOTICE)[number];

/** The form's texts, by option. */
export type SheetsForm = Record<FieldKey, string>;
export const EMPTY_FORM: SheetsForm = {
  title: "",
  unit: "",
  program: "",
  enrolled: "",
  start: "",
  days: "",
  contact: "",
};

/** What the pane adds to a declared option; `lenient`: a number read as on 校验 (a bad one is left out). */
const PANE: Record<FieldKey, { testId: string; min?: number; lenient?: boolean }> = {
  title: { testId: "opt-title" },
  unit: { testId: "opt-unit" },
  program: { testId: "opt-sheets-program" },
  enrolled: { testId: "opt-sheets-enrolled", min: 1, lenient: true },
  start: { testId: "opt-notice-start" },
  days: { testId: "opt-notice-days", min: 5 },
  contact: { testId: "opt-contact" },
};

/** Every option the pane's sheet commands (and 报送前检查) declare, once each. */
const DECLARED: ReadonlyMap<string, OptionField> = new Map(
  [...SHEET_COMMANDS, "preSubmitCheck" as const].flatMap((c) => commandFields(c)).map((f) => [f.key, f]),
);

function declared(key: FieldKey): OptionField {
  const field = DECLARED.get(key);
  // A bug: the form names an option no builder declares.
  if (!field) throw new Error(`no command declares the option ${key}`);
  return field;
}

/** The form as builder options (empty fields left out: the builder's default), or a message for a field that cannot be read. */
export function sheetsOptions(form: SheetsForm, s: Strings): Partial<OptionValues> | string {
  const out: Record<string, unknown> = {};
  for (const key of [...GENERAL, ...NOTICE]) {
    const text = form[key];
    const trimmed = text.trim();
    switch (declared(key).type) {
      case "text":
        if (trimmed) out[key] = trimmed;
        break;
      case "program":
      case "kind":
        if (text) out[key] = text;
        break;
      case "date": {
        if (trimmed === "") break;
        const d = parseDateInput(text);
        if (!d.ok) return s.sheetsBadDate(trimmed);
        out[key] = d.date;
        break;
      }
      case "positive-integer": {
        if (PANE[key].lenient) {
          const n = enrolledOption(text);
          if (n !== undefined) out[key] = n;
          break;
        }
        if (trimmed === "") break;
        const n = Number(trimmed);
        if (!Number.isInteger(n) || n <= 0) return s.sheetsBadDays(trimmed);
        out[key] = n;
        break;
      }
    }
  }
  return out as Partial<OptionValues>;
}

export function SheetsOptionsForm(props: {
  strings: Strings;
  locale: UiLocale;
  pack: Pack;
  form: SheetsForm;
  onChange: (change: Partial<SheetsForm>) => void;
}) {
  const { strings: s, form } = props;
  const layout = useLayoutStyles();
  const field = (key: FieldKey) => {
    const f = declared(key);
    const label = props.locale === "zh-CN" ? f.label.zh : f.label.en;
    const { testId, min } = PANE[key];
    if (f.type === "program") {
      return (
        <FluentField key={key} label={label}>
          <Select
            className={layout.fill}
            value={form[key]}
            data-testid={testId}
            onChange={(_, d) => props.onChange({ [key]: d.value })}
          >
            <option value="">{s.optProgramByColumn}</option>
            {props.pack.programs.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </Select>
        </FluentField>
      );
    }
    return (
      <TextField
        key={key}
        label={label}
        value={form[key]}
        testId={testId}
        {...(f.type === "positive-integer" ? { type: "number" as const, min } : {})}
        placeholder={f.placeholder}
        onChange={(value) => props.onChange({ [key]: value })}
      />
    );
  };
  return (
    <>
      <div className={layout.options}>{GENERAL.map(field)}</div>
      <Text weight="semibold">{s.noticeOptions}</Text>
      <div className={layout.options}>{NOTICE.map(field)}</div>
    </>
  );
}
