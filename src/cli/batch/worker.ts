// Entry of the batch worker bundle (dist/cli/batch-worker.cjs): checks the files it is sent, one
// at a time, and posts each result back.
import { parentPort, workerData } from "node:worker_threads";
import { processFile } from "./process-file";
import type { FileTask, WorkerContext } from "./types";

const ctx = workerData as WorkerContext;
const port = parentPort;
if (port) {
  port.on("message", (msg: { id: number; task: FileTask }) => {
    void processFile(msg.task, ctx).then((result) => port.postMessage({ id: msg.id, result }));
  });
}
