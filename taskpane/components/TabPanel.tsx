import type { ReactNode } from "react";
import { ErrorBoundary } from "../ErrorBoundary";

/**
 * A tab's panel: it stays mounted (hidden) so results survive a look at another tab, and a bug in
 * it shows `crashed` there while the other tabs keep working. `above` has a boundary of its own.
 */
export function TabPanel(props: {
  hidden: boolean;
  label: string;
  crashed: string;
  above?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div role="tabpanel" hidden={props.hidden} aria-label={props.label}>
      {props.above && <ErrorBoundary message={props.crashed}>{props.above}</ErrorBoundary>}
      <ErrorBoundary message={props.crashed}>{props.children}</ErrorBoundary>
    </div>
  );
}
