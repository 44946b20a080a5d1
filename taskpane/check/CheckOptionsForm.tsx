import { useState } from "react";
import { Combobox, Field as FluentField, Option, Select } from "@fluentui/react-components";
import type { Pack } from "../../src/core";
import type { PaneHost } from "../../src/adapters/pane-host";
import type { Strings } from "../strings";
import { TextField } from "../components/TextField";
import { useLayoutStyles } from "../components/layout";
import { KINDS, type CheckChoices, type KindChoice } from "./check-options";

/** The check's options: the program (from the pack, or by column), 在校生人数, the scope (Office) and the roster kind. */
export function CheckOptionsForm(props: {
  host: PaneHost;
  strings: Strings;
  pack: Pack;
  choices: CheckChoices;
  onChange: (change: Partial<CheckChoices>) => void;
}) {
  const { host, strings: s, pack, choices } = props;
  const layout = useLayoutStyles();
  const [programText, setProgramText] = useState<string>(s.optProgramByColumn);
  const [scope, setScope] = useState<"active-sheet" | "selection">("active-sheet");
  const set = props.onChange;
  const kindLabels: Record<KindChoice, string> = {
    auto: s.kindAuto,
    students: s.kindStudents,
    teachers: s.kindTeachers,
    notice: s.kindNotice,
    pairs: s.kindPairs,
    records: s.kindRecords,
    scores: s.kindScores,
  };
  return (
    <div className={layout.options}>
      <FluentField label={s.optProgram}>
        <Combobox
          className={layout.fill}
          value={programText}
          selectedOptions={[choices.program]}
          data-testid="opt-program"
          onOptionSelect={(_, d) => {
            set({ program: d.optionValue ?? "" });
            setProgramText(d.optionText ?? s.optProgramByColumn);
          }}
          onChange={(e) => setProgramText(e.currentTarget.value)}
        >
          <Option value="" text={s.optProgramByColumn}>
            {s.optProgramByColumn}
          </Option>
          {pack.programs.map((p) => (
            <Option key={p.code} value={p.code} text={p.name}>
              {p.name}
            </Option>
          ))}
        </Combobox>
      </FluentField>
      <TextField
        label={s.optEnrolled}
        type="number"
        min={1}
        value={choices.enrolled}
        testId="opt-enrolled"
        onChange={(enrolled) => set({ enrolled })}
      />
      {host.setScope && (
        <FluentField label={s.scopeLabel}>
          <Select
            className={layout.fill}
            value={scope}
            data-testid="opt-scope"
            onChange={(_, d) => {
              const next = d.value === "selection" ? "selection" : "active-sheet";
              setScope(next);
              host.setScope?.(next);
            }}
          >
            <option value="active-sheet">{s.scopeSheet}</option>
            <option value="selection">{s.scopeSelection}</option>
          </Select>
        </FluentField>
      )}
      <FluentField label={s.optKind}>
        <Select
          className={layout.fill}
          value={choices.kind}
          data-testid="opt-kind"
          onChange={(_, d) => set({ kind: d.value as KindChoice })}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
            </option>
          ))}
        </Select>
      </FluentField>
    </div>
  );
}
