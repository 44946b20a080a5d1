import { Component, type ReactNode } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** One per tab: a bug in one tab shows a Chinese MessageBar there; the other tabs keep working. */
export class ErrorBoundary extends Component<{ message: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" data-testid="tab-crashed">
        <MessageBarBody>
          <MessageBarTitle>{this.props.message}</MessageBarTitle>
          {this.state.error.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
}
