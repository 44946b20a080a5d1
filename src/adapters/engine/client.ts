/**
 * The pane's way to the engine: `call(op, args)` runs an operation of ops.ts in the engine worker
 * (the pane's thread stays free to paint progress and answer clicks) or, where a worker cannot
 * start, in the page itself with the very same code. `cancel()` stops what runs: the worker is
 * ended at once (a check in the middle of 100,000 rows cannot be interrupted any other way) and a
 * fresh one starts with the next call; the workbooks it held are gone, so a BookRef from before
 * is stale and its owner reads again.
 */
import type { CellValue, WorkbookData } from "../../core";
import type { EngineSession, OpArgs, OpName, OpResult } from "./ops";
import { EngineCancelled, EngineRefusal, type EngineProgress, type EngineReply } from "./protocol";

export { EngineCancelled, EngineRefusal, type EngineProgress } from "./protocol";

/** A workbook held by the engine: valid while the engine's generation is the one it was made in. */
export interface BookRef {
  book: number;
  generation: number;
}

export interface CallOptions {
  onProgress?: (progress: EngineProgress) => void;
  /** Buffers given to the worker instead of copied (the caller must not use them afterwards). */
  transfer?: Transferable[];
}

export interface Engine {
  /** "worker": off the pane's thread; "page": in the page (no worker could start). */
  readonly where: "worker" | "page";
  /** Bumped by every cancel (and a worker that died): BookRefs of older generations are stale. */
  readonly generation: number;
  call<K extends OpName>(op: K, args: OpArgs<K>, options?: CallOptions): Promise<OpResult<K>>;
  /** The engine's copy of a workbook the pane read itself (Excel), handed over once in row chunks. */
  hold(workbook: WorkbookData, source: string, options?: HoldOptions): Promise<BookRef>;
  /** Whether a ref is of this engine's generation (the book may still have been dropped: see `hold`). */
  holds(ref: BookRef | undefined): ref is BookRef;
  /** Drops the engine's copy of a workbook handed over by `hold` (a live check's, once checked). */
  release(workbook: WorkbookData): Promise<void>;
  /** Stops every running call: they reject with EngineCancelled. */
  cancel(): void;
}

export interface HoldOptions extends CallOptions {
  /** The file the workbook was read from, when there is one: copies are made from its bytes. */
  file?: { bytes: Uint8Array; format: "xlsx" | "csv" };
}

/** Rows per message when a workbook is handed over: each structured clone stays a few milliseconds. */
export const HAND_OVER_ROWS = 2000;

type Worker0 = Pick<Worker, "postMessage" | "terminate" | "addEventListener">;

/** Creates the worker, or null where there is none (tests, a host without Worker). */
export type WorkerFactory = () => Worker0 | null;

/** The id of the script element that carries the worker's code in the single offline file. */
export const INLINE_WORKER_ID = "zizhu-engine-worker";

/**
 * The engine worker: from the script the single offline file carries inline (a blob: URL; file://
 * pages may not start workers from files), else engine-worker.js beside the page.
 */
export function defaultWorkerFactory(): Worker0 | null {
  if (typeof Worker === "undefined" || typeof document === "undefined") return null;
  const inline = document.getElementById(INLINE_WORKER_ID);
  if (inline?.textContent) {
    const url = URL.createObjectURL(new Blob([inline.textContent], { type: "text/javascript" }));
    return new Worker(url);
  }
  return new Worker(new URL("engine-worker.js", document.baseURI));
}

abstract class BaseEngine implements Engine {
  abstract readonly where: "worker" | "page";
  abstract readonly generation: number;
  abstract call<K extends OpName>(op: K, args: OpArgs<K>, options?: CallOptions): Promise<OpResult<K>>;
  abstract cancel(): void;
  // One hand-over per workbook object and generation, kept while it runs too: checking twice (or
  // the check and the privacy scan at once) does not send the rows twice.
  private readonly held = new WeakMap<WorkbookData, Promise<BookRef>>();

  holds(ref: BookRef | undefined): ref is BookRef {
    return ref !== undefined && ref.generation === this.generation;
  }

  async hold(workbook: WorkbookData, source: string, options: HoldOptions = {}): Promise<BookRef> {
    const known = this.held.get(workbook);
    if (known) {
      const ref = await known.catch(() => null);
      // Still this generation's, and not dropped by the session (it keeps a few books): reuse it.
      if (ref && this.holds(ref) && (await this.call("has", { book: ref.book }))) return ref;
      if (this.held.get(workbook) === known) this.held.delete(workbook);
    }
    const pending = this.handOver(workbook, source, options);
    this.held.set(workbook, pending);
    pending.catch(() => this.held.get(workbook) === pending && this.held.delete(workbook));
    return pending;
  }

  async release(workbook: WorkbookData): Promise<void> {
    const known = this.held.get(workbook);
    if (!known) return;
    this.held.delete(workbook);
    const ref = await known.catch(() => null);
    if (ref && this.holds(ref)) await this.call("release", { book: ref.book });
  }

  private async handOver(workbook: WorkbookData, source: string, options: HoldOptions): Promise<BookRef> {
    const generation = this.generation;
    const shell: WorkbookData = { ...workbook, sheets: workbook.sheets.map((g) => ({ ...g, rows: [] })) };
    const book = await this.call("put", { workbook: shell, source, ...options.file });
    const total = workbook.sheets.reduce((n, g) => n + g.rows.length, 0);
    let done = 0;
    for (const [sheet, grid] of workbook.sheets.entries()) {
      for (let at = 0; at < grid.rows.length; at += HAND_OVER_ROWS) {
        const rows: CellValue[][] = grid.rows.slice(at, at + HAND_OVER_ROWS);
        await this.call("append", { book, sheet, rows });
        done += rows.length;
        options.onProgress?.({ phase: "read", done, total });
      }
    }
    return { book, generation };
  }
}

// The operations (and the file readers and writers under them) load only when the page runs
// them itself: where the worker starts, the pane's own scripts never carry them.
const loadOps = () => import("./ops");

/** The engine in the page: the same operations, on the pane's thread (no progress can be painted meanwhile). */
export class PageEngine extends BaseEngine {
  readonly where = "page" as const;
  private session: EngineSession | null = null;
  private gen = 0;

  get generation(): number {
    return this.gen;
  }

  async call<K extends OpName>(op: K, args: OpArgs<K>, options: CallOptions = {}): Promise<OpResult<K>> {
    const generation = this.gen;
    const { EngineSession, runOp } = await loadOps();
    this.session ??= new EngineSession();
    const value = await runOp(this.session, op, args, options.onProgress ?? (() => undefined));
    // A cancel while it ran: the result is dropped, as the worker's would be.
    if (generation !== this.gen) throw new EngineCancelled();
    return value;
  }

  cancel(): void {
    this.gen++;
    this.session = null;
  }
}

interface Pending {
  op: OpName;
  args: unknown;
  options: CallOptions;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The engine in a dedicated worker; falls back to the page when the worker cannot start. */
export class WorkerEngine extends BaseEngine {
  private worker: Worker0 | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private gen = 0;
  private fallback: PageEngine | null = null;
  // Whether the worker said it started (its first message): a worker that fails before that never
  // could (its script blocked); one that fails after it died (out of memory) and is reported so.
  private alive = false;

  constructor(private readonly factory: WorkerFactory = defaultWorkerFactory) {
    super();
  }

  get where(): "worker" | "page" {
    return this.fallback ? "page" : "worker";
  }

  get generation(): number {
    return this.gen + (this.fallback?.generation ?? 0);
  }

  private start(): Worker0 | null {
    if (this.worker || this.fallback) return this.worker;
    let worker: Worker0 | null = null;
    try {
      worker = this.factory();
    } catch {
      worker = null;
    }
    if (!worker) {
      this.fallback = new PageEngine();
      return null;
    }
    worker.addEventListener("message", (event: MessageEvent<EngineReply>) => this.receive(event.data));
    // The script could not load (a host that forbids workers) or the worker died (out of memory):
    // what was running fails with a message, and the next call starts afresh.
    worker.addEventListener("error", (event: ErrorEvent) => {
      event.preventDefault?.();
      if (!this.alive) this.inPage();
      else
        this.lost(
          new Error(
            `校验引擎意外停止${event.message ? `（${event.message}）` : ""}。请重试；文件很大时可先关闭其他网页。`,
          ),
        );
    });
    this.worker = worker;
    return worker;
  }

  /** The worker never started (its script could not load): what waits runs in the page, and all after it. */
  private inPage(): void {
    this.worker?.terminate();
    this.worker = null;
    const fallback = new PageEngine();
    this.fallback = fallback;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) fallback.call(w.op, w.args as never, w.options).then(w.resolve, w.reject);
  }

  private receive(reply: EngineReply): void {
    this.alive = true;
    if (reply.type === "ready") return;
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if (reply.type === "progress") {
      waiting.options.onProgress?.(reply.progress);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.type === "done") waiting.resolve(reply.value);
    else waiting.reject(reply.expected ? new EngineRefusal(reply.message) : new Error(reply.message));
  }

  private lost(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.gen++;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(error);
  }

  call<K extends OpName>(op: K, args: OpArgs<K>, options: CallOptions = {}): Promise<OpResult<K>> {
    const worker = this.start();
    if (!worker) return (this.fallback as PageEngine).call(op, args, options);
    const id = this.nextId++;
    return new Promise<OpResult<K>>((resolve, reject) => {
      this.pending.set(id, { op, args, options, resolve: resolve as (v: unknown) => void, reject });
      try {
        worker.postMessage({ id, op, args }, options.transfer ?? []);
      } catch (error) {
        // Arguments that cannot be cloned are a bug of the caller, reported as such.
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  cancel(): void {
    if (this.fallback) {
      this.fallback.cancel();
      return;
    }
    this.lost(new EngineCancelled());
  }
}

/** The pane's engine: a worker where the host allows one, else the page. */
export function createEngine(factory?: WorkerFactory): Engine {
  return new WorkerEngine(factory);
}
