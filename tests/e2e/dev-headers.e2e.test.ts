// The BUILT pages (dist/) under the dev server's real CSP headers (scripts/dev-headers.cjs), in
// Debian chromium: both pages run with no CSP violation, the task pane may be framed by an Office
// host and not by a stranger, the standalone page by nobody else. No server and no network: every
// request is answered by the test (office.js by a stub), anything else is aborted.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./browser";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const dev = createRequire(__filename)(join(ROOT, "scripts", "dev-headers.cjs")) as {
  OFFICE_JS_CDN: string;
  devHeaders(req: { url?: string; headers?: { origin?: string } }): Record<string, string>;
};

const DEV = "https://localhost:3000";
const EXCEL = "https://excel.officeapps.live.com";
const STRANGER = "https://evil.example";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json",
  ".xlsx": "application/octet-stream",
};

/** Enough of office.js for the pane's bundles to start: onReady, ribbon and custom-function registration. */
const OFFICE_STUB = `
window.__zizhuOfficeStub = true;
window.Office = {
  onReady: function (cb) {
    window.__zizhuReady = true;
    var info = { host: "Excel", platform: "OfficeOnline" };
    return Promise.resolve(info).then(function (i) { if (cb) cb(i); return i; });
  },
  actions: { associate: function () {} },
  context: { displayLanguage: "zh-CN" },
  HostType: { Excel: "Excel" },
  PlatformType: {},
};
window.CustomFunctions = { associate: function () {}, Error: function () {}, ErrorCode: {} };
`;

const framePage = (src: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"></head><body><iframe id="pane" src="${src}"></iframe></body></html>`;

let browser: Browser;
let context: BrowserContext;
const refused: string[] = [];
const aborted: string[] = [];

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (/Refused to|Content Security Policy/.test(m.text())) refused.push(`${url}: ${m.text()}`);
  });
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ 中没有构建好的页面：请先运行 npm run build");
  browser = await launchChromium();
  context = await browser.newContext({ locale: "zh-CN" });
  // Every CSP violation a page reports, with what it blocked.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await context.route("**/*", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin === DEV) {
      const path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "");
      const file = join(DIST, path);
      if (!file.startsWith(DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
      const headers = dev.devHeaders({
        url: url.pathname + url.search,
        headers: { origin: (await request.allHeaders())["origin"] },
      });
      return route.fulfill({
        status: 200,
        headers: { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" },
        body: readFileSync(file),
      });
    }
    if (url.origin === dev.OFFICE_JS_CDN && url.pathname.endsWith("/office.js"))
      return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB });
    if (url.origin === EXCEL || url.origin === STRANGER)
      return route.fulfill({
        status: 200,
        contentType: "text/html",
        body: framePage(url.searchParams.get("src") ?? ""),
      });
    aborted.push(request.url());
    return route.abort();
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Waits (up to 20 s) for `check` to hold. */
async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The page's CSP violations, except zod's eval probe: zod 4 tries `new Function("")` once to decide
 * whether it may compile validators, catches the refusal and goes on (the report is all there is;
 * `z.config({ jitless: true })` in the page entries would silence it). Any eval that mattered
 * would throw and stop the page, which the tests see.
 */
const violations = async (page: Page): Promise<string[]> =>
  (await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).filter((v) => v !== "script-src eval");

test("the standalone page runs under its header policy with no violation", async () => {
  const page = await open(`${DEV}/standalone.html`);
  await page.getByTestId("mode").waitFor();
  expect(await page.getByTestId("mode").textContent()).toContain("独立页面");
  expect(await violations(page)).toEqual([]);
  await page.close();
});

test("the task pane's bundles and office.js (from the CDN origin) run under its policy with no violation", async () => {
  const page = await open(`${DEV}/taskpane.html?_host_Info=Excel$Web$16.00$zh-CN`);
  await page.waitForFunction(() => (window as unknown as { __zizhuReady?: boolean }).__zizhuReady === true);
  expect(await violations(page)).toEqual([]);
  await page.close();
});

test("Excel on the web may frame the task pane", async () => {
  const page = await open(`${EXCEL}/frame.html?src=${encodeURIComponent(`${DEV}/taskpane.html`)}`);
  await until(async () => {
    const f = page.frames().find((x) => x.url().startsWith(`${DEV}/taskpane.html`));
    return f ? f.evaluate(() => (window as unknown as { __zizhuReady?: boolean }).__zizhuReady === true) : false;
  }, "the framed task pane to start");
  await page.close();
});

test.each([
  ["a stranger may not frame the task pane", STRANGER, "taskpane.html"],
  ["an Office host may not frame the standalone page", EXCEL, "standalone.html"],
])("%s", async (_n, parent, file) => {
  const before = refused.length;
  const page = await open(`${parent}/frame.html?src=${encodeURIComponent(`${DEV}/${file}`)}`);
  await until(() => refused.slice(before).some((t) => /frame-ancestors/.test(t)), "the browser to refuse the frame");
  const f = page.frames().find((x) => x.url().startsWith(`${DEV}/${file}`));
  const ran = f ? await f.evaluate(() => document.getElementById("root") !== null).catch(() => false) : false;
  expect(ran).toBe(false);
  await page.close();
});

test("nothing was fetched from anywhere else", () => {
  expect(aborted).toEqual([]);
});
