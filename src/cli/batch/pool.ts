/**
 * A fixed pool of worker threads, one file at a time each. A worker that dies (a file that
 * crashes the reader, memory) fails only its own file, and is replaced.
 */
import { Worker } from "node:worker_threads";
import type { FileResult, FileTask, WorkerContext } from "./types";

interface Slot {
  worker: Worker;
  busy: { id: number; task: FileTask; resolve: (r: FileResult) => void } | null;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { id: number; task: FileTask; resolve: (r: FileResult) => void }[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly script: string,
    size: number,
    private readonly context: WorkerContext,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = {
      // A bigger young generation: reading a workbook allocates many short-lived objects, and a
      // worker's default nursery makes it collect far more often than the main thread does.
      worker: new Worker(this.script, { workerData: this.context, resourceLimits: { maxYoungGenerationSizeMb: 64 } }),
      busy: null,
    };
    slot.worker.on("message", (msg: { id: number; result: FileResult }) => {
      const job = slot.busy;
      if (!job || job.id !== msg.id) return;
      slot.busy = null;
      job.resolve(msg.result);
      this.pump();
    });
    const fail = (why: string): void => {
      const job = slot.busy;
      slot.busy = null;
      if (this.closed) return;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      job?.resolve({
        kind: "unreadable",
        file: job.task.file,
        reason: `读取该文件时出错（${why}），已跳过；其他文件不受影响`,
      });
      this.pump();
    };
    slot.worker.on("error", (e) => fail(e instanceof Error ? e.message : String(e)));
    slot.worker.on("exit", (code) => {
      if (slot.busy) fail(`工作线程意外退出，代码 ${code}`);
    });
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.busy = job;
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  run(task: FileTask): Promise<FileResult> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
