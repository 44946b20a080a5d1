// The standalone page in a real browser (Debian chromium through playwright-core): a holiday notice
// pasted on the 工具 tab, read and imported, counts a December notice period into January, and is
// still there after the page is reloaded (the page's localStorage).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { serveFolder } from "./static-server";

jest.setTimeout(90_000);

const DIST = join(__dirname, "..", "..", "dist");
const NOTICE = readFileSync(join(__dirname, "..", "fixtures", "notices", "2027-plausible.txt"), "utf8");
let browser: Browser;
let server: Awaited<ReturnType<typeof serveFolder>>;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

async function openTools(): Promise<void> {
  await page.getByTestId("mode").waitFor();
  await page.getByRole("tab", { name: "工具" }).click();
}

async function noticeEnd(start: string): Promise<string> {
  await page.getByTestId("notice-start").fill(start);
  return (await page.getByRole("region", { name: "公示开始日期" }).textContent()) ?? "";
}

beforeAll(async () => {
  server = await serveFolder(DIST);
  browser = await launchChromium();
  context = await browser.newContext({ locale: "zh-CN" });
  page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${server.origin}/standalone.html`);
  await openTools();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("before the import, a notice period into 2027 cannot be counted", async () => {
  expect(await noticeEnd("2026-12-28")).toContain("2027年的放假安排（含调休）尚未收录");
  expect(await page.getByTestId("calendar-list").textContent()).toContain("尚未导入任何通知");
});

test("the 2027 notice pasted, read and imported: 2026-12-28 + 5 working days is 2027-01-04", async () => {
  await page.getByTestId("calendar-text").fill(NOTICE);
  await page.getByTestId("calendar-read").click();
  expect(await page.getByTestId("calendar-summary").textContent()).toContain(
    "已读取《国务院办公厅关于2027年部分节假日安排的通知》：2027年，7个节日，放假28天、调休上班5天。",
  );
  expect(await page.getByTestId("calendar-festivals").textContent()).toContain("春节2月5日至2月12日（8天）2月20日");
  await page.getByTestId("calendar-import").click();
  expect(await page.getByTestId("calendar-status").textContent()).toBe("已导入2027年的放假安排，保存在本浏览器中。");
  await page.getByTestId("notice-start").fill("2026-12-28");
  expect(await page.getByTestId("notice-end").textContent()).toBe("2027-01-04");
  const stored = await page.evaluate(() => window.localStorage.getItem("zizhu.calendar"));
  expect(JSON.parse(stored ?? "{}")).toMatchObject({ format: "zizhu-calendar", version: 1, years: [{ year: 2027 }] });
});

test("after a reload the import is still there (localStorage) and still used", async () => {
  await page.reload();
  await openTools();
  expect(await page.getByTestId("calendar-year-2027").textContent()).toContain(
    "2027年 国务院办公厅关于2027年部分节假日安排的通知 · 使用中",
  );
  await page.getByTestId("notice-start").fill("2026-12-28");
  expect(await page.getByTestId("notice-end").textContent()).toBe("2027-01-04");
});

test("removed, the page is back to the shipped data, also after a reload", async () => {
  await page.getByTestId("calendar-remove-2027").click();
  await page.getByTestId("calendar-remove-confirm-2027").click();
  expect(await page.getByTestId("calendar-status").textContent()).toBe("已删除导入的2027年放假安排。");
  await page.reload();
  await openTools();
  expect(await noticeEnd("2026-12-28")).toContain("2027年的放假安排（含调休）尚未收录");
  expect(await page.evaluate(() => window.localStorage.getItem("zizhu.calendar"))).toBeNull();
});

test("nothing leaves the page's own origin", () => {
  expect(requests.length).toBeGreaterThan(0);
  expect(
    requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("data:") && !u.startsWith("blob:")),
  ).toEqual([]);
});
