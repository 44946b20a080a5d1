import { useState } from "react";
import type { Status } from "../components/Message";
import { errorText } from "../components/error-text";

/**
 * A host action with a busy flag and a status line: a text the task returns is a success, a status
 * it sets itself stays, and a task that throws (a bug or a host failure) is said as
 * `failed(what, message)` in the pane instead of crashing it.
 */
export function useHostAction(failed: (what: string, message: string) => string) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  async function run(what: string, task: () => Promise<string | void>): Promise<void> {
    setBusy(true);
    setStatus(null);
    try {
      const text = await task();
      if (typeof text === "string") setStatus({ intent: "success", text });
    } catch (error) {
      setStatus({ intent: "error", text: failed(what, errorText(error)) });
    } finally {
      setBusy(false);
    }
  }
  return { busy, status, setStatus, run };
}
