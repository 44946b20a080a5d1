// The standalone page in a real browser (Debian chromium through playwright-core): the tools work
// without Excel, and every request the page makes goes to its own origin.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { serveFolder } from "./static-server";

jest.setTimeout(90_000);

const DIST = join(__dirname, "..", "..", "dist");
let browser: Browser;
let server: Awaited<ReturnType<typeof serveFolder>>;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  server = await serveFolder(DIST);
  browser = await launchChromium();
  page = await browser.newPage({ locale: "zh-CN" });
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${server.origin}/standalone.html`);
  await page.getByTestId("mode").waitFor();
  // The single-value tools live on the pane's 工具 tab.
  await page.getByRole("tab", { name: "工具" }).click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the page says it runs standalone", async () => {
  expect(await page.getByTestId("mode").textContent()).toContain("独立页面");
});

test("an ID number is checked and explained", async () => {
  await page.getByTestId("id-input").fill("11010519491231002X");
  expect(await page.getByTestId("id-region").textContent()).toBe("北京市朝阳区");
  await page.getByTestId("id-input").fill("110105194912310021");
  expect(await page.getByTestId("id-error").textContent()).toContain("应为 X");
});

test("a bank card's issuer and an amount in capitals", async () => {
  await page.getByTestId("card-input").fill("6217 0012 3456 7890 122");
  expect(await page.getByTestId("card-bank").textContent()).toBe("中国建设银行");
  await page.getByTestId("rmb-input").fill("1,004.50");
  expect(await page.getByTestId("rmb-result").textContent()).toBe("壹仟零肆元伍角");
});

test("the notice end date respects 国庆 2026", async () => {
  await page.getByTestId("notice-start").fill("2026-09-28");
  expect(await page.getByTestId("notice-end").textContent()).toBe("2026-10-09");
});

test("no request leaves the page's own origin, and office.js is not loaded", () => {
  expect(requests.length).toBeGreaterThan(0);
  expect(
    requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("data:") && !u.startsWith("blob:")),
  ).toEqual([]);
  expect(readFileSync(join(DIST, "standalone.html"), "utf8")).not.toContain("office.js");
  expect(readFileSync(join(DIST, "taskpane.html"), "utf8")).toContain(
    "appsforoffice.microsoft.com/lib/1/hosted/office.js",
  );
});
