import type { ReactNode } from "react";
import { MessageBar, MessageBarBody, type MessageBarIntent } from "@fluentui/react-components";

/**
 * A status line the pane shows: `testId` on the bar, `bodyTestId` on its text; `wrap` keeps line
 * breaks; `markIntent` puts the intent on the bar as data-intent (for the browser tests).
 */
export function Message(props: {
  intent: MessageBarIntent;
  testId?: string;
  bodyTestId?: string;
  wrap?: boolean;
  markIntent?: boolean;
  children: ReactNode;
}) {
  return (
    <MessageBar
      intent={props.intent}
      data-testid={props.testId}
      data-intent={props.markIntent ? props.intent : undefined}
    >
      <MessageBarBody data-testid={props.bodyTestId} style={props.wrap ? { whiteSpace: "pre-wrap" } : undefined}>
        {props.children}
      </MessageBarBody>
    </MessageBar>
  );
}

export type Status = { intent: MessageBarIntent; text: string };
