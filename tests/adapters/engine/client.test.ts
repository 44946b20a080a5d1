// The pane's engine client against the real worker code (worker.ts run on a fake worker scope in
// this process, messages structured-cloned as a browser would): results, progress, cancel, a
// workbook handed over in row chunks, and the fall back to the page when no worker can start.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  EngineCancelled,
  EngineRefusal,
  HAND_OVER_ROWS,
  PageEngine,
  WorkerEngine,
  type WorkerFactory,
} from "../../../src/adapters/engine/client";
import type { EngineReply, EngineRequest } from "../../../src/adapters/engine/protocol";
import { checkWorkbook } from "../../../src/core/check/check";
import { makeGrid, type CellValue, type WorkbookData } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";

const TODAY = { y: 2026, m: 11, d: 28 };
const SAMPLE = join(__dirname, "..", "..", "..", "samples", "一补花名册-问题示例.xlsx");
const sampleBytes = () => new Uint8Array(readFileSync(SAMPLE));

type Listener = (event: { data: unknown; message?: string; preventDefault?: () => void }) => void;

/** worker.ts loaded on its own fake `self`: what a dedicated worker runs, minus the thread. */
function fakeWorker(): { factory: WorkerFactory; posted: EngineRequest[]; terminated: () => number } {
  const posted: EngineRequest[] = [];
  let terminated = 0;
  const factory: WorkerFactory = () => {
    const listeners: Record<string, Listener[]> = { message: [], error: [] };
    const scope: {
      onmessage: ((e: { data: EngineRequest }) => void) | null;
      postMessage: (m: EngineReply) => void;
      process: NodeJS.Process;
    } = {
      onmessage: null,
      // Libraries under the worker (setimmediate, via ExcelJS) look at `self` to pick their timers: in
      // this process they must keep using Node's.
      process,
      postMessage: (m) => setTimeout(() => listeners.message?.forEach((l) => l({ data: structuredClone(m) }))),
    };
    jest.isolateModules(() => {
      (globalThis as { self?: unknown }).self = scope;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh worker module per fake worker
      require("../../../src/adapters/engine/worker");
    });
    let dead = false;
    return {
      postMessage: (m: EngineRequest) => {
        if (dead) return;
        posted.push(m);
        const copy = structuredClone(m);
        setTimeout(() => !dead && scope.onmessage?.({ data: copy }));
      },
      terminate: () => {
        dead = true;
        terminated++;
      },
      addEventListener: (type: string, l: Listener) => listeners[type]?.push(l),
    } as unknown as ReturnType<WorkerFactory>;
  };
  return { factory, posted, terminated: () => terminated };
}

afterEach(() => {
  delete (globalThis as { self?: unknown }).self;
});

test("a file opened in the worker: a preview comes back, the check runs there and agrees with the engine", async () => {
  const { factory } = fakeWorker();
  const engine = new WorkerEngine(factory);
  const progress: string[] = [];
  const opened = await engine.call(
    "open",
    { name: "花名册.xlsx", bytes: sampleBytes() },
    { onProgress: (p) => progress.push(p.phase) },
  );
  if (!opened.ok) throw new Error(opened.message);
  expect(engine.where).toBe("worker");
  expect(opened.format).toBe("xlsx");
  const options = { pack: seedPack(), today: TODAY };
  const out = await engine.call(
    "check",
    { book: opened.book, check: options, plan: options },
    { onProgress: (p) => progress.push(p.phase) },
  );
  // The sample is small: its preview is the whole workbook, so the in-page check must agree.
  const here = checkWorkbook(opened.preview, options);
  expect(out.result.report).toEqual(here.report);
  expect(out.titles["id.checksum"]).toBe("身份证号校验码错误");
  expect(out.plan?.fixes.length).toBeGreaterThan(0);
  expect(progress).toContain("check");
});

test("a file that is not a roster file is a Chinese message, not a failure", async () => {
  const engine = new WorkerEngine(fakeWorker().factory);
  const out = await engine.call("open", { name: "花名册.xls", bytes: new Uint8Array([1, 2, 3]) });
  expect(out).toEqual({ ok: false, message: expect.stringContaining("另存为 Excel 工作簿") });
});

test("a workbook read by the pane is handed over in row chunks, once per workbook", async () => {
  const { factory, posted } = fakeWorker();
  const engine = new WorkerEngine(factory);
  const rows: CellValue[][] = [["姓名", "身份证号", "资助项目"]];
  for (let i = 0; i < HAND_OVER_ROWS * 2 + 5; i++) rows.push([`学生${i}`, "110105194912310021", "一补"]);
  const wb: WorkbookData = { sheets: [makeGrid("花名册", rows)], properties: {} };
  const ref = await engine.hold(wb, "花名册");
  const again = await engine.hold(wb, "花名册");
  expect(again).toBe(ref);
  expect(posted.filter((m) => m.op === "put")).toHaveLength(1);
  expect(posted.filter((m) => m.op === "append")).toHaveLength(3);
  const back = await engine.call("workbook", { book: ref.book });
  expect(back.sheets[0]?.rows).toEqual(rows);
});

test("取消 ends the worker: the running call rejects, its workbooks are gone, the next call starts afresh", async () => {
  const { factory, terminated } = fakeWorker();
  const engine = new WorkerEngine(factory);
  const opened = await engine.call("open", { name: "花名册.xlsx", bytes: sampleBytes() });
  if (!opened.ok) throw new Error(opened.message);
  const ref = { book: opened.book, generation: engine.generation };
  expect(engine.holds(ref)).toBe(true);
  const running = engine.call("check", { book: opened.book, check: { pack: seedPack(), today: TODAY } });
  engine.cancel();
  await expect(running).rejects.toBeInstanceOf(EngineCancelled);
  expect(terminated()).toBe(1);
  expect(engine.holds(ref)).toBe(false);
  // A fresh worker: it no longer holds the book, and says so in Chinese.
  await expect(engine.call("workbook", { book: opened.book })).rejects.toBeInstanceOf(EngineRefusal);
});

test("a worker whose script never loads: what waits runs in the page, and so does everything after", async () => {
  let listeners: Listener[] = [];
  const factory: WorkerFactory = () =>
    ({
      postMessage: () => setTimeout(() => listeners.forEach((l) => l({ data: null, message: "blocked" }))),
      terminate: () => undefined,
      addEventListener: (type: string, l: Listener) => {
        if (type === "error") listeners = [...listeners, l];
      },
    }) as unknown as ReturnType<WorkerFactory>;
  const engine = new WorkerEngine(factory);
  const opened = await engine.call("open", { name: "花名册.xlsx", bytes: sampleBytes() });
  expect(opened.ok).toBe(true);
  expect(engine.where).toBe("page");
});

test("no Worker at all (this Node process): the page engine, with the same answers", async () => {
  const engine = new WorkerEngine();
  const opened = await engine.call("open", { name: "花名册.xlsx", bytes: sampleBytes() });
  expect(opened.ok).toBe(true);
  expect(engine.where).toBe("page");
  const page = new PageEngine();
  const direct = await page.call("open", { name: "花名册.xlsx", bytes: sampleBytes() });
  expect(direct.ok && opened.ok && direct.preview).toEqual(opened.ok && opened.preview);
});

test("a workbook the session dropped (it keeps a few) is handed over again, not refused", async () => {
  const { factory, posted } = fakeWorker();
  const engine = new WorkerEngine(factory);
  const book = (name: string): WorkbookData => ({ sheets: [makeGrid(name, [["姓名"], [name]])], properties: {} });
  const first = book("一");
  await engine.hold(first, "一");
  for (const name of ["二", "三", "四"]) await engine.hold(book(name), name);
  const again = await engine.hold(first, "一");
  expect(posted.filter((m) => m.op === "put")).toHaveLength(5);
  expect((await engine.call("workbook", { book: again.book })).sheets[0]?.name).toBe("一");
  // Released: the next hold hands it over afresh.
  await engine.release(first);
  await engine.hold(first, "一");
  expect(posted.filter((m) => m.op === "put")).toHaveLength(6);
});
