// The single offline file (dist/zizhu-offline.html) as a finance officer gets it: copied alone into
// a folder (a USB stick) and opened from file:// in Debian chromium, with every request outside
// the file refused. The sample loads, the check runs in the engine worker with progress and can be
// cancelled, fixes and every sheet come out as downloads, the masked copy too.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Download, Page } from "playwright-core";
import { readXlsx } from "../../src/adapters/xlsx/read";
import type { WorkbookData } from "../../src/core/grid/types";
import { scanWorkbook } from "../../src/core/privacy";
import { bigWorkbook } from "../adapters/fixtures";
import { launchChromium } from "./browser";

jest.setTimeout(180_000);

const ROOT = join(__dirname, "..", "..");
const OFFLINE = join(ROOT, "dist", "zizhu-offline.html");
const SAMPLE = "一补花名册-问题示例";

let browser: Browser;
let page: Page;
let stick: string;
let pageUrl: string;
const requests: string[] = [];
const problems: string[] = [];

async function workbookOf(download: Download): Promise<WorkbookData> {
  const read = await readXlsx(new Uint8Array(readFileSync(await download.path())), {
    fileName: download.suggestedFilename(),
  });
  if (!read.ok) throw new Error(read.problem.message);
  return read.value;
}

beforeAll(async () => {
  // The file alone in a fresh folder: nothing beside it to fall back on.
  stick = mkdtempSync(join(tmpdir(), "zizhu-usb-"));
  copyFileSync(OFFLINE, join(stick, "资助助手.html"));
  pageUrl = pathToFileURL(join(stick, "资助助手.html")).href;
  browser = await launchChromium();
  page = await browser.newPage({ locale: "zh-CN", viewport: { width: 480, height: 1400 }, acceptDownloads: true });
  // Anything but the file itself, data: and blob: URLs would leave the machine or the file: refused and recorded.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    return url === pageUrl || url.startsWith("data:") || url.startsWith("blob:") ? route.continue() : route.abort();
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.clock.setFixedTime(new Date(2026, 10, 28, 10, 0, 0));
  await page.goto(pageUrl);
  await page.getByTestId("mode").waitFor();
});

afterAll(async () => {
  await browser?.close();
  rmSync(stick, { recursive: true, force: true });
});

test("the file is one self-contained page with a policy that allows nothing outside it", () => {
  const html = readFileSync(OFFLINE, "utf8");
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  expect(csp).toContain("worker-src blob:");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toMatch(/https?:|'self'|unsafe-eval/);
  // No script, style or image is fetched from a file or an address: all of it is inside.
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"|<img[^>]+src="(?!data:)/);
  expect(readdirSync(stick)).toEqual(["资助助手.html"]);
});

test("the sample roster loads from inside the file and checks in the engine worker", async () => {
  await page.getByRole("button", { name: "载入示例花名册" }).click();
  await page.getByTestId("loaded").waitFor();
  await page.getByTestId("run-check").click();
  await page.getByTestId("results").waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("by-rule").textContent()).toContain("身份证号校验码错误 (id.checksum)");
  // The check ran off the page's thread: the page started its engine worker (from a blob: URL).
  expect(page.workers().length).toBeGreaterThan(0);
  expect(page.workers().every((w) => w.url().startsWith("blob:"))).toBe(true);
});

test("safe fixes come out as a new downloaded file", async () => {
  await page.getByTestId("fix-apply").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("fix-confirm-ok").click()]);
  expect(download.suggestedFilename()).toBe(`${SAMPLE}-已修正.xlsx`);
  const wb = await workbookOf(download);
  expect(wb.sheets.length).toBeGreaterThan(0);
  expect(await page.getByTestId("fix-status").textContent()).toContain("原文件未改动");
});

test.each([
  ["sheets-buildNotice", `${SAMPLE}-公示表.xlsx`, "公示表"],
  ["sheets-formatRoster", `${SAMPLE}-花名册（格式化）.xlsx`, "花名册（格式化）"],
  ["sheets-buildSummary", `${SAMPLE}-汇总表.xlsx`, "汇总表"],
])("报表: %s downloads %s", async (testId, fileName, sheet) => {
  await page.getByRole("tab", { name: "报表" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  const wb = await workbookOf(download);
  expect(wb.sheets.map((s) => s.name)).toContain(sheet);
  if (sheet === "公示表") expect(scanWorkbook(wb, { mode: "notice" })).toEqual([]);
});

test("the masked copy is a download with no ID number left in it", async () => {
  await page.getByRole("tab", { name: "隐私" }).click();
  await page.getByTestId("privacy-summary").waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("masked-copy").click()]);
  expect(download.suggestedFilename()).toBe(`${SAMPLE}-脱敏.xlsx`);
  const wb = await workbookOf(download);
  expect(JSON.stringify(wb.sheets.map((s) => s.rows))).not.toMatch(/\d{17}[\dXx]/);
});

test("a big roster shows rows read and checked, can be cancelled, and checks again", async () => {
  await page.getByRole("tab", { name: "校验" }).click();
  const bytes = await bigWorkbook(60_000);
  await page.getByTestId("file-input").setInputFiles({
    name: "大花名册.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(bytes),
  });
  await page.getByTestId("loaded").waitFor({ timeout: 120_000 });
  await page.getByTestId("run-check").click();
  // Progress in words while the engine works, and 取消 stops it at once.
  await page.getByTestId("cancel-check").waitFor();
  await page.getByTestId("cancel-check").click();
  await page.getByTestId("check-cancelled").waitFor();
  expect(await page.getByTestId("results").count()).toBe(0);
  // The file is still open: checking again reads it into a fresh worker and finishes.
  await page.getByTestId("run-check").click();
  await page.getByTestId("results").waitFor({ timeout: 150_000 });
  expect(await page.getByTestId("shown").textContent()).toMatch(/\d/);
});

test("nothing was requested outside the file, and the page logged no error", () => {
  const outside = requests.filter((u) => u !== pageUrl && !u.startsWith("data:") && !u.startsWith("blob:"));
  expect(outside).toEqual([]);
  expect(problems).toEqual([]);
});
