/**
 * The engine worker (engine-worker.js, a dedicated Web Worker of the task pane and the standalone
 * page): reads files, checks, scans and builds off the pane's thread, so the pane keeps painting
 * its progress and its 取消 button. One request runs at a time; progress is sent at most every
 * PROGRESS_MS. Nothing here touches the network: the worker only answers its page.
 */
import { EngineSession, isOpName, runOp } from "./ops";
import { EngineRefusal, type EngineProgress, type EngineReply, type EngineRequest } from "./protocol";

const PROGRESS_MS = 100;

interface WorkerScope {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const session = new EngineSession();
// Requests run one after another: the session's workbooks are changed by some of them.
let queue: Promise<void> = Promise.resolve();

/** The ArrayBuffers of a result's byte arrays: moved to the page instead of copied. */
function transferables(value: unknown): Transferable[] {
  if (value instanceof Uint8Array) return [value.buffer];
  if (value && typeof value === "object") {
    const found: Transferable[] = [];
    for (const v of Object.values(value as Record<string, unknown>)) {
      if (v instanceof Uint8Array && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) found.push(v.buffer);
      else if (v && typeof v === "object" && !Array.isArray(v)) found.push(...transferables(v));
    }
    return found;
  }
  return [];
}

async function handle(request: EngineRequest): Promise<void> {
  const { id } = request;
  let last = 0;
  const progress = (p: EngineProgress): void => {
    const now = Date.now();
    if (now - last < PROGRESS_MS && p.done !== p.total) return;
    last = now;
    scope.postMessage({ id, type: "progress", progress: p });
  };
  try {
    if (!isOpName(request.op)) throw new Error(`unknown engine operation ${request.op}`);
    const value = await runOp(session, request.op, request.args as never, progress);
    const reply: EngineReply = { id, type: "done", value };
    // The file being worked on is still the session's: only buffers made for the reply move.
    const moved = request.op === "open" ? [] : transferables(value);
    scope.postMessage(reply, moved);
  } catch (error) {
    const expected = error instanceof EngineRefusal;
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ id, type: "failed", message, expected });
  }
}

scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data));
};
scope.postMessage({ id: 0, type: "ready" });
