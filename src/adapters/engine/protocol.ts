/**
 * The messages between the pane and the engine worker. A request names an operation of ops.ts and
 * carries its arguments (structured-cloned); the worker answers with any number of progress
 * messages, then exactly one `done` or `failed`.
 */

/** How far a long operation is: rows read from the file, rows checked, rows scanned, sheets built. */
export interface EngineProgress {
  phase: "read" | "check" | "scan" | "build" | "write";
  done: number;
  /** The rows (or items) in all, when known. */
  total?: number;
}

export interface EngineRequest {
  id: number;
  op: string;
  args: unknown;
}

export type EngineReply =
  /** Sent once as the worker starts, before any request: it could load and run its script. */
  | { id: 0; type: "ready" }
  | { id: number; type: "progress"; progress: EngineProgress }
  | { id: number; type: "done"; value: unknown }
  | { id: number; type: "failed"; message: string; expected: boolean };

/**
 * A failure the user can act on (a file that cannot be read, a sheet name taken), raised inside an
 * operation with a Chinese message: the pane shows the message as a status line, not as a bug.
 */
export class EngineRefusal extends Error {
  override name = "EngineRefusal";
}

/** The operation was stopped by the user (取消): nothing it would have produced is shown. */
export class EngineCancelled extends Error {
  override name = "EngineCancelled";
  constructor() {
    super("已取消");
  }
}
