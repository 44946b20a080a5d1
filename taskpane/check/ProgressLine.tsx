import { Button, Spinner } from "@fluentui/react-components";
import type { EngineProgress } from "../../src/adapters/engine";
import type { Strings } from "../strings";

/** What the engine is doing, in words: rows read, rows checked, rows scanned. */
export function progressText(s: Strings, progress: EngineProgress | undefined, fallback: string): string {
  if (!progress) return fallback;
  switch (progress.phase) {
    case "read":
      return s.progressRead(progress.done);
    case "check":
      return progress.total !== undefined && progress.done > 0
        ? s.progressChecked(progress.done, progress.total)
        : s.progressCheck(progress.total ?? 0);
    case "scan":
      return s.progressScan(progress.total ?? progress.done);
    case "build":
    case "write":
      return s.progressBuild;
  }
}

/** The spinner of a running read or check, its progress, and 取消 (the pane stays usable meanwhile). */
export function ProgressLine(props: {
  strings: Strings;
  progress: EngineProgress | undefined;
  fallback: string;
  onCancel?: () => void;
}) {
  const { strings: s } = props;
  return (
    <>
      <Spinner
        size="tiny"
        label={progressText(s, props.progress, props.fallback)}
        data-testid="spinner"
        aria-live="polite"
      />
      {props.onCancel && (
        <Button size="small" onClick={props.onCancel} data-testid="cancel-check">
          {s.cancel}
        </Button>
      )}
    </>
  );
}
