#!/usr/bin/env node
// The standalone page against `zizhu check` on big rosters: time from choosing the file to the
// results, the longest main-thread task, peak JS heap (page and workers), and initial script bytes.
//   node bench/page.mjs [--dist DIR] [--cli FILE] [--rows 100000,300000] [--runs 3] [--json FILE]
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { clearInterval, clearTimeout, setInterval } from "node:timers";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, URL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: opts } = parseArgs({
  options: {
    dist: { type: "string", default: join(root, "dist") },
    cli: { type: "string" },
    rows: { type: "string", default: "100000,300000" },
    runs: { type: "string", default: "3" },
    json: { type: "string" },
    data: { type: "string", default: "/tmp/zizhu-bench" },
    chromium: { type: "string", default: process.env.ZIZHU_CHROMIUM ?? "/usr/bin/chromium" },
  },
});
const DIST = resolve(opts.dist);
const CLI = resolve(opts.cli ?? join(DIST, "cli", "zizhu.cjs"));
const JSON_OUT = resolve(opts.json ?? join(DIST, "bench", "page.json"));
const SIZES = opts.rows.split(",").map(Number);
const RUNS = Number(opts.runs);
const MB = 1024 * 1024;

// Time limits (ms): a CLI check, a page run per 100k rows, and a page load.
const CLI_LIMIT = 300_000;
const PAGE_LIMIT_PER_100K = 200_000;
const LOAD_LIMIT = 60_000;
// Targets.
const RATIO_TARGET = 1.5;
const HEAP_TARGET = 300 * MB;
const TASK_TARGET = 200;
const GZIP_TARGET = 350 * 1024;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const secs = (ms) => (ms === null || ms === undefined ? "—" : `${(ms / 1000).toFixed(2)} s`);
const mbs = (b) => (b === null || b === undefined ? "—" : `${(b / MB).toFixed(1)} MB`);
const kbs = (b) => `${(b / 1024).toFixed(1)} KB`;
const log = (s) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------
// 1. Test files: a 一补 roster with 19 columns, title and subtitle rows, one header row, a 合计 row.

const GENERATOR_VERSION = 1;
const HEADERS = [
  "序号",
  "姓名",
  "性别",
  "身份证号",
  "学籍号",
  "出生日期",
  "学段",
  "年级",
  "是否寄宿",
  "困难类型",
  "系统比对",
  "证明材料",
  "资助项目",
  "补助金额（元）",
  "监护人姓名",
  "开户行",
  "银行卡号",
  "联系电话",
  "备注",
];
const TEXT_COLUMNS = new Set([3, 4, 16, 17]);
const AMOUNT = 13;
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林谭彭曾".split("");
const GIVEN =
  "子涵 欣怡 梓轩 雨桐 浩然 诗涵 宇航 佳怡 俊杰 思彤 一诺 明轩 雅琪 志强 文博 晓东 晨曦 若曦 泽宇 嘉怡".split(" ");
const COUNTIES = ["430381", "430321", "431321", "410782", "410725"];
const HARDSHIP = ["建档立卡", "低保", "特困供养", "残疾人子女", "事实无人抚养儿童", "低保", "建档立卡"];
const BANKS = ["中国建设银行湘乡支行", "中国建设银行湘潭县支行", "中国建设银行双峰支行"];

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n, w) => String(n).padStart(w, "0");

function idCheck(body) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * weights[i];
  return "10X98765432"[sum % 11];
}

function luhn(body) {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let n = body.charCodeAt(i) - 48;
    if (double) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

/** One data row; about 1% of rows carry one planted defect (checksum, number ID, #N/A, …). */
function makeRow(rand, used, n) {
  const int = (min, max) => min + Math.floor(rand() * (max - min + 1));
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const primary = rand() < 0.67;
  const male = rand() < 0.5;
  let id;
  let y, m, d;
  do {
    y = primary ? int(2014, 2019) : int(2011, 2013);
    m = int(1, 12);
    d = int(1, 28);
    const body = `${pick(COUNTIES)}${y}${pad(m, 2)}${pad(d, 2)}${pad(int(0, 499) * 2 + (male ? 1 : 0), 3)}`;
    id = body + idCheck(body);
  } while (used.has(id));
  used.add(id);
  const surname = pick(SURNAMES);
  const boarding = rand() < 0.6;
  const verified = rand() < 0.75;
  const cardBody = `621700${pad(int(0, 999999), 6)}${pad(int(0, 999999), 6)}`;
  const guardian = surname + pick(GIVEN);
  const row = [
    n,
    surname + pick(GIVEN),
    male ? "男" : "女",
    id,
    `G${id}`,
    new Date(Date.UTC(y, m - 1, d)),
    primary ? "小学" : "初中",
    primary ? pick(["三年级", "四年级", "五年级", "六年级"]) : pick(["七年级", "八年级", "九年级"]),
    boarding ? "是" : "否",
    pick(HARDSHIP),
    verified ? "是" : "否",
    verified ? "" : "扶贫明白卡",
    "一补",
    primary ? (boarding ? 500 : 250) : boarding ? 625 : 312.5,
    guardian,
    pick(BANKS),
    cardBody + luhn(cardBody),
    `1380000${pad(int(0, 9999), 4)}`,
    "",
  ];
  const defect = rand();
  if (defect < 0.003) row[3] = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
  else if (defect < 0.004) row[3] = Number(id.slice(0, 17));
  else if (defect < 0.005) row[AMOUNT] = { error: "#N/A" };
  else if (defect < 0.007) row[AMOUNT] = 600;
  else if (defect < 0.009) row[16] = cardBody + String((Number(luhn(cardBody)) + 1) % 10);
  else if (defect < 0.01) row[2] = male ? "女" : "男";
  else if (defect < 0.011) row[1] = ` ${row[1]}`;
  else if (defect < 0.012) row[5] = { error: "#VALUE!" };
  return row;
}

async function writeRoster(file, rows) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet("一补花名册");
  ws.columns = HEADERS.map((_, i) => ({ width: [6, 10, 6, 21, 22, 12][i] ?? 10 }));
  ws.addRow(["某某县2026年春季学期义务教育家庭经济困难学生生活补助花名册"]);
  ws.addRow(["填报单位：某某县学生资助管理中心（盖章）                    填报日期：2026年3月20日"]);
  ws.mergeCells("A1:S1");
  ws.mergeCells("A2:S2");
  ws.addRow(HEADERS).commit();
  const rand = prng(2026 + rows);
  const used = new Set();
  let total = 0;
  for (let i = 1; i <= rows; i++) {
    const values = makeRow(rand, used, i);
    if (typeof values[AMOUNT] === "number") total += values[AMOUNT];
    const row = ws.addRow(values);
    for (const c of TEXT_COLUMNS) if (typeof values[c] === "string") row.getCell(c + 1).numFmt = "@";
    if (values[5] instanceof Date) row.getCell(6).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  const sum = ws.addRow(["合计"]);
  sum.getCell(AMOUNT + 1).value = { formula: `SUM(N4:N${rows + 3})`, result: total };
  sum.commit();
  ws.addRow(["填表人：            审核人：            单位负责人（签字）：            单位（盖章）"]).commit();
  ws.commit();
  await wb.commit();
}

/** The roster of `rows` rows under --data, written once per generator version. */
async function roster(rows) {
  mkdirSync(opts.data, { recursive: true });
  const file = join(opts.data, `roster-${rows}.xlsx`);
  const meta = `${file}.json`;
  try {
    const m = JSON.parse(readFileSync(meta, "utf8"));
    if (m.version === GENERATOR_VERSION && m.rows === rows && statSync(file).size === m.bytes) return file;
  } catch {
    // Not there yet or stale: write it.
  }
  const t = performance.now();
  await writeRoster(file, rows);
  const bytes = statSync(file).size;
  writeFileSync(meta, JSON.stringify({ version: GENERATOR_VERSION, rows, bytes }));
  log(`wrote ${file} (${mbs(bytes)}, ${secs(performance.now() - t)})`);
  return file;
}

// ---------------------------------------------------------------------------------------------
// 2. The reference: `zizhu check FILE` in a fresh Node.

function cliCheck(file) {
  return new Promise((done) => {
    const t = performance.now();
    const child = spawn(process.execPath, [CLI, "check", file], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (b) => (out.length < 4096 ? (out += b) : null));
    child.stderr.on("data", (b) => (err += b));
    const timer = setTimeout(() => child.kill("SIGKILL"), CLI_LIMIT);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - t;
      const summary = out.split("\n")[0].trim();
      // Exit 1 means "errors found"; anything else (or no summary) is a failure.
      const ok = (code === 0 || code === 1) && summary.includes("›");
      done({ ok, ms, summary, code, signal, stderr: err.slice(0, 500) });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// 3–4. The page: a static server on 127.0.0.1, Chromium, long tasks and heap sampling.

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json",
};

async function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    readFile(join(dir, path))
      .then((body) => {
        res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(404);
        res.end();
      });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

// Installed before any page script: long tasks (buffered) and the moment #root first has content.
const INIT_SCRIPT = `(() => {
  const tasks = (window.__zzLongTasks = []);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {
    window.__zzLongTaskError = String(e);
  }
  new MutationObserver((_, observer) => {
    const r = document.getElementById("root");
    if (r && r.firstElementChild) {
      window.__zzFirstScreen = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

/** Every request off 127.0.0.1 (and not data:/blob:) is aborted and counted. */
const outside = [];
async function sealed(context, origin) {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    outside.push(url);
    return route.abort("blockedbyclient");
  });
}

/**
 * Samples the page's JS heap (Performance.getMetrics, answered even mid-task) and each dedicated
 * worker's (auto-attached without flattening, reached with Target.sendMessageToTarget). A busy
 * worker answers Runtime.getHeapUsage only between tasks, so it is paused for a moment
 * (Debugger.pause), which lets the inspector answer, and resumed at once.
 */
async function heapSampler(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const workers = new Map();
  const pending = new Map();
  let nextId = 0;
  const toWorker = (sessionId, method, params = {}) => {
    const id = ++nextId;
    const reply = new Promise((ok) => pending.set(id, ok));
    const message = JSON.stringify({ id, method, params });
    cdp.send("Target.sendMessageToTarget", { sessionId, message }).catch(() => pending.get(id)?.({ error: "gone" }));
    return reply;
  };
  cdp.on("Target.attachedToTarget", (e) => {
    if (e.targetInfo.type !== "worker") return;
    workers.set(e.sessionId, { url: e.targetInfo.url, peak: 0, live: true });
    void toWorker(e.sessionId, "Debugger.enable");
  });
  cdp.on("Target.detachedFromTarget", (e) => {
    const w = workers.get(e.sessionId);
    if (w) w.live = false;
  });
  cdp.on("Target.receivedMessageFromTarget", (e) => {
    const m = JSON.parse(e.message);
    if (m.method === "Debugger.paused") void toWorker(e.sessionId, "Debugger.resume");
    const reply = m.id !== undefined && pending.get(m.id);
    if (reply) {
      pending.delete(m.id);
      reply(m);
    }
  });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const peaks = { main: 0, worker: 0, sum: 0, samples: 0, workerSamples: 0 };
  const workerHeap = async (sessionId) => {
    const pause = setTimeout(() => void toWorker(sessionId, "Debugger.pause"), 50);
    const reply = await Promise.race([toWorker(sessionId, "Runtime.getHeapUsage"), sleep(3000, {})]);
    clearTimeout(pause);
    return reply.result?.usedSize ?? null;
  };
  let busy = false;
  let on = true;
  const tick = async () => {
    if (busy || !on) return;
    busy = true;
    try {
      const live = [...workers.entries()].filter(([, w]) => w.live);
      const [metrics, ...heaps] = await Promise.all([
        cdp.send("Performance.getMetrics").catch(() => null),
        ...live.map(([sid]) => workerHeap(sid)),
      ]);
      const main = metrics?.metrics.find((x) => x.name === "JSHeapUsedSize")?.value ?? 0;
      let worker = 0;
      heaps.forEach((h, i) => {
        if (h === null) return;
        worker += h;
        live[i][1].peak = Math.max(live[i][1].peak, h);
        peaks.workerSamples++;
      });
      peaks.main = Math.max(peaks.main, main);
      peaks.worker = Math.max(peaks.worker, worker);
      peaks.sum = Math.max(peaks.sum, main + worker);
      peaks.samples++;
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), 100);
  return {
    stop: () => {
      clearInterval(timer);
      on = false;
      cdp.detach().catch(() => {});
      return { ...peaks, workers: [...workers.values()].map((w) => ({ url: w.url, peak: w.peak })) };
    },
  };
}

const RESULT = '[data-testid="results"], [data-testid="check-error"]';

/** One run: choose the file as a user does, click 校验 when it is read, wait for the results. */
async function pageRun(browser, origin, file, rows) {
  const limit = PAGE_LIMIT_PER_100K * Math.max(1, rows / 100_000);
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 480, height: 1000 } });
  const run = { ok: false, crashed: false, timedOut: false };
  try {
    await sealed(context, origin);
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const crash = new Promise((_, fail) => page.on("crash", () => fail(new Error("crash"))));
    crash.catch(() => {});
    const sampler = await heapSampler(page);
    await page.goto(`${origin}/standalone.html`, { timeout: LOAD_LIMIT });
    await page.getByTestId("file-input").waitFor({ state: "attached", timeout: LOAD_LIMIT });
    const since = await page.evaluate("performance.now()");
    const drive = async () => {
      const t0 = performance.now();
      await page.getByTestId("file-input").setInputFiles(file);
      const deadline = t0 + limit;
      let clicked = false;
      while (performance.now() < deadline) {
        if (await page.locator(RESULT).first().isVisible()) break;
        if (!clicked && (await page.getByTestId("loaded").isVisible())) {
          run.read ??= performance.now() - t0;
          const button = page.getByTestId("run-check");
          if (await button.isEnabled()) {
            // The click waits, as the user's would, for a busy main thread.
            await button.click({ timeout: Math.max(1, deadline - performance.now()) });
            run.clicked = performance.now() - t0;
            clicked = true;
          }
        }
        await sleep(20);
      }
      if (!(await page.locator(RESULT).first().isVisible())) throw new Error("timeout");
      run.ms = performance.now() - t0;
    };
    try {
      const driving = drive();
      driving.catch(() => {});
      // A tab stuck in one task never answers the loop above: the limit still holds.
      const stuck = sleep(limit + 30_000, null, { ref: false }).then(() => Promise.reject(new Error("timeout")));
      stuck.catch(() => {});
      await Promise.race([driving, crash, stuck]);
      run.ok = true;
      run.summary = (await page.locator(RESULT).first().innerText()).split("\n")[0];
      run.error = (await page.getByTestId("check-error").count()) > 0;
    } catch (e) {
      run.crashed = e.message === "crash";
      run.timedOut = e.message === "timeout";
      run.failure = e.message.split("\n")[0];
      run.ms = null;
    }
    if (!run.crashed) {
      // Let the observer deliver the task that painted the results (a hung tab gives up).
      await sleep(500);
      const read = page.evaluate("[window.__zzLongTasks, window.__zzLongTaskError ?? null]").catch(() => null);
      const [tasks, error] = (await Promise.race([read, sleep(10_000, null)])) ?? [null, null];
      if (tasks) {
        const inRun = tasks.filter(([start, d]) => start + d >= since);
        run.longestTask = inRun.reduce((m, [, d]) => Math.max(m, d), 0);
        run.tasksOver200 = inRun.filter(([, d]) => d > 200).length;
      }
      run.longTaskError = error;
    }
    run.heap = sampler.stop();
    run.pageErrors = errors.slice(0, 5);
  } finally {
    await context.close().catch(() => {});
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// 5. Initial script bytes.

function scriptSrcs(html) {
  return [...html.matchAll(/<script\b[^>]*?\bsrc=("([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[2] ?? m[3] ?? m[4]);
}

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The scripts a page requests before its first screen (#root has content), else before load. */
async function initialScripts(browser, origin, name) {
  const html = readFileSync(join(DIST, name), "utf8");
  const tags = scriptSrcs(html).map((src) => {
    const local = !/^[a-z]+:\/\//i.test(src) && !src.startsWith("//");
    const path = join(DIST, src.split(/[?#]/)[0]);
    return local ? { src, bytes: statSync(path).size, gzip: gz(path) } : { src, external: true };
  });
  const context = await browser.newContext({ locale: "zh-CN" });
  try {
    await sealed(context, origin);
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    // A worker's script does not hold up the first screen: listed, not counted.
    const workers = new Set();
    page.on("worker", (w) => workers.add(w.url()));
    await page.goto(`${origin}/${name}`, { waitUntil: "load", timeout: LOAD_LIMIT });
    await page.waitForLoadState("networkidle", { timeout: LOAD_LIMIT }).catch(() => {});
    const { firstScreen, loadEnd, entries } = await page.evaluate(`({
      firstScreen: window.__zzFirstScreen ?? null,
      loadEnd: performance.getEntriesByType("navigation")[0]?.loadEventEnd ?? null,
      entries: performance.getEntriesByType("resource").map((e) => [e.name, e.initiatorType, e.startTime]),
    })`);
    const until = firstScreen ?? loadEnd;
    const files = [];
    for (const [url, type, start] of entries) {
      if (type !== "script" && type !== "link" && type !== "other") continue;
      const u = new URL(url);
      if (u.origin !== origin || !/\.m?js$/.test(u.pathname)) continue;
      const path = join(DIST, decodeURIComponent(u.pathname));
      if (!existsSync(path)) continue;
      const worker = workers.has(url);
      const initial = start <= until && !worker;
      files.push({ file: u.pathname.slice(1), initial, worker, bytes: statSync(path).size, gzip: gz(path) });
    }
    const initial = files.filter((f) => f.initial);
    return {
      page: name,
      rendered: firstScreen !== null,
      until: firstScreen !== null ? "first screen" : "load",
      files,
      gzip: initial.reduce((s, f) => s + f.gzip, 0),
      bytes: initial.reduce((s, f) => s + f.bytes, 0),
      tags,
      tagsGzip: tags.reduce((s, t) => s + (t.gzip ?? 0), 0),
      tagsBytes: tags.reduce((s, t) => s + (t.bytes ?? 0), 0),
    };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Everything in one run, a table, and JSON.

async function main() {
  for (const f of [join(DIST, "standalone.html"), CLI]) if (!existsSync(f)) throw new Error(`missing ${f}`);
  const figures = { dist: DIST, cli: CLI, date: new Date().toISOString(), sizes: {} };
  for (const rows of SIZES) {
    const file = await roster(rows);
    figures.sizes[rows] = { file, bytes: statSync(file).size, cli: [], page: [] };
  }
  for (const rows of SIZES) {
    const s = figures.sizes[rows];
    for (let i = 0; i < RUNS; i++) {
      const r = await cliCheck(s.file);
      log(`cli ${rows}: ${secs(r.ms)} ${r.ok ? r.summary : `FAILED ${r.code ?? r.signal} ${r.stderr}`}`);
      s.cli.push(r);
    }
  }
  const server = await serve(DIST);
  const browser = await chromium.launch({
    executablePath: opts.chromium,
    headless: true,
    // As tests/e2e/browser.ts: nothing reaches out on its own.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    figures.scripts = [];
    for (const name of ["taskpane.html", "standalone.html"]) {
      if (!existsSync(join(DIST, name))) continue;
      const r = await initialScripts(browser, server.origin, name);
      log(`${name}: initial scripts ${kbs(r.gzip)} gzip (${r.until})`);
      figures.scripts.push(r);
    }
    for (const rows of SIZES) {
      const runs = rows <= 100_000 ? RUNS : 1;
      for (let i = 0; i < runs; i++) {
        const r = await pageRun(browser, server.origin, figures.sizes[rows].file, rows);
        const heap = r.heap ? `heap ${mbs(r.heap.main)} + ${mbs(r.heap.worker)}` : "";
        log(
          `page ${rows}: ${r.ok ? secs(r.ms) : r.failure} ${r.summary ?? ""} task ${r.longestTask ?? "—"} ms ${heap}`,
        );
        figures.sizes[rows].page.push(r);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  figures.outsideRequests = outside;
  report(figures);
}

function report(figures) {
  const lines = ["| figure | value | target | met |", "| --- | --- | --- | --- |"];
  const add = (figure, value, target = "", met = null) =>
    lines.push(`| ${figure} | ${value} | ${target} | ${met === null ? "" : met ? "yes" : "**no**"} |`);
  const summary = { targets: [] };
  const verdict = (name, met) => summary.targets.push({ name, met });
  for (const [rows, s] of Object.entries(figures.sizes)) {
    const k = `${Number(rows) / 1000}k`;
    const cliOk = s.cli.filter((r) => r.ok).map((r) => r.ms);
    const ref = cliOk.length ? median(cliOk) : null;
    s.cliMedian = ref;
    add(`${k} rows file`, `${mbs(s.bytes)}`);
    add(`${k}: zizhu check (median of ${s.cli.length})`, secs(ref), "reference");
    if (s.cli[0]?.summary) add(`${k}: zizhu check says`, s.cli[0].summary.replace(/\|/g, "/"));
    const done = s.page.filter((r) => r.ok && !r.error);
    const pageMs = done.length === s.page.length && done.length ? median(done.map((r) => r.ms)) : null;
    s.pageMedian = pageMs;
    const runs = s.page.length > 1 ? ` (median of ${s.page.length})` : "";
    if (Number(rows) > 100_000) {
      const r = s.page[0];
      const state = !r
        ? "not run"
        : r.ok
          ? r.error
            ? "check error"
            : "finished"
          : r.crashed
            ? "tab crashed"
            : r.failure;
      add(`${k}: page finishes`, state, "finishes", r?.ok && !r.error);
      verdict(`${k} finishes`, Boolean(r?.ok && !r.error));
    }
    const ratio = pageMs !== null && ref ? pageMs / ref : null;
    add(
      `${k}: page, file chosen → results${runs}`,
      `${secs(pageMs)}${ratio ? ` (${ratio.toFixed(2)}× CLI)` : ""}`,
      `≤ ${RATIO_TARGET}× zizhu check${ref ? ` = ${secs(ref * RATIO_TARGET)}` : ""}`,
      ratio !== null && ratio <= RATIO_TARGET,
    );
    verdict(`${k} time`, ratio !== null && ratio <= RATIO_TARGET);
    const reads = done.filter((r) => r.read !== undefined).map((r) => r.read);
    if (reads.length) add(`${k}: page, file chosen → file read shown`, secs(median(reads)));
    if (done[0]?.summary) add(`${k}: page says`, done[0].summary.replace(/\|/g, "/"));
    const measured = s.page.filter((r) => r.longestTask !== undefined);
    if (measured.length) {
      const longest = Math.max(...measured.map((r) => r.longestTask));
      add(
        `${k}: longest main-thread task (worst run)`,
        `${Math.round(longest)} ms`,
        `≤ ${TASK_TARGET} ms`,
        longest <= TASK_TARGET,
      );
      add(`${k}: main-thread tasks > 200 ms (worst run)`, String(Math.max(...measured.map((r) => r.tasksOver200))));
      verdict(`${k} longest task`, longest <= TASK_TARGET);
    } else add(`${k}: longest main-thread task`, "not measured (run failed)");
    const heaps = s.page.map((r) => r.heap).filter(Boolean);
    if (heaps.length) {
      const peak = (key) => Math.max(...heaps.map((h) => h[key]));
      const workers = Math.max(...heaps.map((h) => h.workers.length));
      add(`${k}: peak JS heap, page main thread`, mbs(peak("main")));
      add(`${k}: peak JS heap, workers`, workers ? mbs(peak("worker")) : "no worker started");
      add(`${k}: peak JS heap, main + workers`, mbs(peak("sum")), `≤ ${mbs(HEAP_TARGET)}`, peak("sum") <= HEAP_TARGET);
      verdict(`${k} heap`, peak("sum") <= HEAP_TARGET);
    }
  }
  for (const sc of figures.scripts) {
    const files = sc.files
      .filter((f) => f.initial)
      .map((f) => `${f.file} ${kbs(f.gzip)}`)
      .join(", ");
    add(
      `${sc.page}: initial scripts, gzip -9 (until ${sc.until})`,
      `${kbs(sc.gzip)} (${kbs(sc.bytes)} raw): ${files || "none"}`,
      `≤ ${kbs(GZIP_TARGET)}`,
      sc.gzip <= GZIP_TARGET,
    );
    verdict(`${sc.page} initial scripts`, sc.gzip <= GZIP_TARGET);
    const tags = sc.tags.map((t) => (t.external ? `${t.src} (not counted)` : `${t.src} ${kbs(t.gzip)}`)).join(", ");
    add(`${sc.page}: <script src> in the HTML`, `${kbs(sc.tagsGzip)} gzip, ${kbs(sc.tagsBytes)} raw: ${tags}`);
    const later = sc.files.filter((f) => !f.initial);
    const list = later.map((f) => `${f.file}${f.worker ? " (worker)" : ""} ${kbs(f.gzip)}`).join(", ");
    if (later.length) add(`${sc.page}: scripts not counted (later, or a worker's)`, list);
  }
  const blocked = [...new Set(figures.outsideRequests.map((u) => new URL(u).origin))];
  add(
    "requests off 127.0.0.1 (aborted)",
    `${figures.outsideRequests.length}${blocked.length ? `: ${blocked.join(", ")}` : ""}`,
    "office.js only (taskpane.html)",
  );
  figures.targets = summary.targets;
  mkdirSync(dirname(JSON_OUT), { recursive: true });
  writeFileSync(JSON_OUT, `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`${lines.join("\n")}\n\nfigures: ${JSON_OUT}\n`);
}

await main();
