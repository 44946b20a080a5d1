/** The engine off the pane's thread: the operations, the worker's messages, and the pane's client. */
export {
  createEngine,
  defaultWorkerFactory,
  INLINE_WORKER_ID,
  PageEngine,
  WorkerEngine,
  type BookRef,
  type CallOptions,
  type Engine,
  type WorkerFactory,
} from "./client";
export { EngineCancelled, EngineRefusal, type EngineProgress } from "./protocol";
export type { CheckOutcome, OpenOutcome } from "./ops";
