import type { ReactNode } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

/** A yes/no question before a change; `onDismiss` lets Escape or a click outside say no. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  yes: { label: string; testId: string; onClick: () => void };
  no: { label: string; testId: string; onClick: () => void };
  onDismiss?: () => void;
  testId?: string;
}) {
  const { yes, no, onDismiss } = props;
  return (
    <Dialog open={props.open} onOpenChange={onDismiss ? (_, d) => !d.open && onDismiss() : undefined}>
      <DialogSurface data-testid={props.testId}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid={yes.testId} onClick={yes.onClick}>
              {yes.label}
            </Button>
            <Button data-testid={no.testId} onClick={no.onClick}>
              {no.label}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
