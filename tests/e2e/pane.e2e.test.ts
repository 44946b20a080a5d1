// The check pane on the BUILT standalone page (dist/, served on 127.0.0.1) in Debian chromium:
// load the bundled sample roster, check it, filter, click an issue, export the annotated workbook
// as a download, make a masked copy — and every request stays on the page's own origin.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Download, Page } from "playwright-core";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { launchChromium } from "./browser";
import { serveFolder } from "./static-server";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const ARTIFACTS = join(ROOT, "test-artifacts");
const EXPECTED = JSON.parse(readFileSync(join(ROOT, "samples", "一补花名册-问题示例.expected.json"), "utf8")) as {
  expected: { rule: string; cell?: string }[];
};

let browser: Browser;
let server: Awaited<ReturnType<typeof serveFolder>>;
let page: Page;
const requests: string[] = [];
// Console errors include CSP violations ("Refused to load …") and React's own reports.
const problems: string[] = [];
const failed: string[] = [];

async function bytesOf(download: Download): Promise<Uint8Array> {
  const path = await download.path();
  return new Uint8Array(readFileSync(path));
}

function count(text: string | null): number {
  const m = /(\d+)/.exec(text ?? "");
  if (!m?.[1]) throw new Error(`no count in ${text}`);
  return Number(m[1]);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveFolder(DIST);
  browser = await launchChromium();
  page = await browser.newPage({ locale: "zh-CN", viewport: { width: 480, height: 1400 } });
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  // The sample's planted defects are computed for this day (tests/core/check/samples.test.ts).
  await page.clock.setFixedTime(new Date(2026, 10, 28, 10, 0, 0));
  await page.goto(`${server.origin}/standalone.html`);
  await page.getByTestId("mode").waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the empty pane explains what to do", async () => {
  expect(await page.getByTestId("empty").textContent()).toContain("载入示例花名册");
  expect(await page.getByTestId("run-check").isDisabled()).toBe(true);
});

test("the sample roster loads from the page's own origin and shows its header mapping", async () => {
  await page.getByRole("button", { name: "载入示例花名册" }).click();
  await page.getByTestId("loaded").waitFor();
  expect(await page.getByTestId("loaded").textContent()).toContain("一补花名册-问题示例.xlsx");
  const mapping = page.getByTestId("header-mapping");
  await mapping.waitFor();
  expect(await mapping.textContent()).toContain("身份证号");
});

test("the check finds the planted errors and warnings", async () => {
  await page.getByTestId("run-check").click();
  await page.getByTestId("results").waitFor({ timeout: 60_000 });
  const errors = count(await page.getByTestId("count-error").textContent());
  const warnings = count(await page.getByTestId("count-warning").textContent());
  expect(errors + warnings).toBe(EXPECTED.expected.length);
  expect(errors).toBeGreaterThan(0);
  // The by-rule table names every planted rule.
  const byRule = (await page.getByTestId("by-rule").textContent()) ?? "";
  for (const e of EXPECTED.expected) expect(byRule).toContain(e.rule);
});

test("filtering by 错误 narrows the list to the errors, and an issue can be clicked", async () => {
  const errors = count(await page.getByTestId("count-error").textContent());
  await page.getByTestId("filter-severity").selectOption("error");
  await expect_shown(errors);
  const rows = page.getByTestId("issue-row");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await page.getByTestId("issue-list").getByRole("listitem").allTextContents()) {
    expect(text.startsWith("错误")).toBe(true);
  }
  await rows.first().click();
  // Standalone has nothing to select: clicking must not fail or change the results.
  await expect_shown(errors);
});

async function expect_shown(n: number): Promise<void> {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="shown"]')?.textContent?.startsWith(`显示 ${want} /`),
    n,
  );
}

test("导出校验结果 downloads a new annotated workbook with a 校验结果 sheet", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
  expect(download.suggestedFilename()).toBe("一补花名册-问题示例-校验结果.xlsx");
  const bytes = await bytesOf(download);
  writeFileSync(join(ARTIFACTS, "pane-export.xlsx"), bytes);
  const read = await readXlsx(bytes);
  if (!read.ok) throw new Error(read.problem.message);
  expect(read.value.sheets.map((s) => s.name)).toContain("校验结果");
  expect(await page.getByTestId("action-status").textContent()).toContain("已下载");
  await page.screenshot({ path: join(ARTIFACTS, "pane.png"), fullPage: true });
});

test("the privacy tab lists masked findings and downloads a masked copy", async () => {
  await page.getByRole("tab", { name: "隐私" }).click();
  await page.getByTestId("privacy-summary").waitFor();
  expect(await page.getByTestId("privacy-summary").textContent()).toMatch(/发现 \d+ 处个人信息/);
  const listed = (await page.getByTestId("privacy-list").textContent()) ?? "";
  expect(listed).not.toMatch(/\d{11,}/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("masked-copy").click()]);
  expect(download.suggestedFilename()).toBe("一补花名册-问题示例-脱敏.xlsx");
  const read = await readXlsx(await bytesOf(download));
  if (!read.ok) throw new Error(read.problem.message);
  const cells = read.value.sheets.flatMap((s) => s.rows.flat()).map((v) => String(v ?? ""));
  expect(cells.filter((v) => /\d{15,}/.test(v))).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, "pane-privacy.png"), fullPage: true });
});

test("a CSV chosen with the file picker is read and checked", async () => {
  await page.getByRole("tab", { name: "校验" }).click();
  await page.getByTestId("file-input").setInputFiles(join(ROOT, "samples", "一补花名册-GBK.csv"));
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="loaded"]')?.textContent?.includes("一补花名册-GBK.csv"),
  );
  await page.getByTestId("run-check").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="count-error"]')?.textContent === "错误 0");
  expect(await page.getByTestId("count-warning").textContent()).toBe("警告 0");
});

test("the page logged no errors (no CSP violation, no React error) and every file it asked for exists", () => {
  // Chromium's own favicon probe is the one request the page did not make (dist/ has no favicon).
  const favicon = (text: string) => text.includes("/favicon.ico");
  expect(failed.filter((f) => !favicon(f))).toEqual([]);
  expect(problems.filter((p) => !favicon(p))).toEqual([]);
});

test("every request went to the page's own origin (data: and blob: allowed)", () => {
  expect(requests.some((u) => u.endsWith("/samples/sample-roster.xlsx"))).toBe(true);
  expect(
    requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("data:") && !u.startsWith("blob:")),
  ).toEqual([]);
});
