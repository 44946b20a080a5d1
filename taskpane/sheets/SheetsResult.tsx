import { Button, Text } from "@fluentui/react-components";
import type { Strings } from "../strings";
import { Message } from "../components/Message";
import { useLayoutStyles } from "../components/layout";

export type Intent = "success" | "warning" | "error" | "info";

/** What a finished command said; `again` is the command to run again with changed options (none after 核验凭证). */
export interface SheetsDone<C extends string> {
  intent: Intent;
  message: string;
  notes: string[];
  again?: C;
  ribbon: boolean;
}

/** A finished 报表 command: its message and notes, a hint after a ribbon click, and 按当前选项重新生成. */
export function SheetsResult<C extends string>(props: {
  done: SheetsDone<C>;
  strings: Strings;
  label: (command: C) => string;
  busy: boolean;
  onAgain: (command: C) => void;
}) {
  const { done, strings: s } = props;
  const layout = useLayoutStyles();
  const again = done.again;
  return (
    <>
      <Message intent={done.intent} testId="sheets-result" markIntent>
        <div data-testid="sheets-message" style={{ whiteSpace: "pre-wrap" }}>
          {done.message}
        </div>
        {done.notes.length > 0 && (
          <>
            <Text weight="semibold">{s.sheetsNotes}</Text>
            <ul className={layout.list} data-testid="sheets-notes">
              {done.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </>
        )}
        {done.ribbon && done.intent !== "error" && (
          <Text size={200} data-testid="sheets-ribbon-hint">
            {s.sheetsFromRibbon(again ? props.label(again) : "")}
          </Text>
        )}
      </Message>
      {again && (
        <div className={layout.row}>
          <Button disabled={props.busy} onClick={() => props.onAgain(again)} data-testid="sheets-again">
            {s.sheetsRunAgain}
          </Button>
        </div>
      )}
    </>
  );
}
