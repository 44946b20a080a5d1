// The 流程 tab on the BUILT standalone page (dist/, served on 127.0.0.1) in Debian chromium: load the
// bundled sample roster (it has planted errors), run the shipped 学期报送: every step reports, the
// safe fixes come back as a NEW downloaded workbook, the re-check stops the recipe before the seal.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { checkWorkbook } from "../../src/core/check/check";
import { seedPack } from "../../src/core/policy";
import { launchChromium } from "./browser";
import { serveFolder } from "./static-server";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test-artifacts");
const SAMPLE = "一补花名册-问题示例";
const TODAY = { y: 2026, m: 11, d: 28 };

let browser: Browser;
let server: Awaited<ReturnType<typeof serveFolder>>;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveFolder(join(ROOT, "dist"));
  browser = await launchChromium();
  page = await browser.newPage({ locale: "zh-CN", viewport: { width: 480, height: 1600 } });
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.clock.setFixedTime(new Date(2026, 10, 28, 10, 0, 0));
  await page.goto(`${server.origin}/standalone.html`);
  await page.getByRole("button", { name: "载入示例花名册" }).click();
  await page.getByTestId("loaded").waitFor();
  await page.getByRole("tab", { name: "流程" }).click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("学期报送 on the sample: steps reported, fixes downloaded as a new workbook, stopped before the seal", async () => {
  expect(await page.getByTestId("recipe-name").textContent()).toBe("学期报送");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("run-recipe").click()]);
  await page.getByTestId("recipe-outcomes").waitFor();
  const statuses = await page
    .getByTestId("recipe-outcomes")
    .locator("li[data-status]")
    .evaluateAll((items) => items.map((i) => i.getAttribute("data-status")));
  expect(statuses).toEqual(["failed", "done", "failed", "skipped", "skipped", "skipped", "skipped"]);
  expect(await page.getByTestId("recipe-status").textContent()).toContain("有步骤未通过");
  await page.screenshot({ path: join(ARTIFACTS, "recipes-standalone.png"), fullPage: true });

  expect(download.suggestedFilename()).toBe(`${SAMPLE}-学期报送.xlsx`);
  const bytes = new Uint8Array(readFileSync(await download.path()));
  writeFileSync(join(ARTIFACTS, `recipes-${download.suggestedFilename()}`), bytes);
  const fixed = await readXlsx(bytes);
  if (!fixed.ok) throw new Error(fixed.problem.message);
  const original = await readXlsx(new Uint8Array(readFileSync(join(ROOT, "samples", `${SAMPLE}.xlsx`))));
  if (!original.ok) throw new Error(original.problem.message);
  const count = (wb: typeof fixed.value) =>
    checkWorkbook(wb, { pack: seedPack(), today: TODAY }).report.issues.filter((i) =>
      ["text.whitespace", "text.fullwidth"].includes(i.rule),
    ).length;
  // The safe fixes are in the new file; the seal is not (the re-check still found errors).
  expect(count(original.value)).toBeGreaterThan(0);
  expect(count(fixed.value)).toBe(0);
  expect(fixed.value.sheets.map((s) => s.name)).not.toContain("校验凭证");
});

test("nothing left the page's own origin and nothing failed in the console", () => {
  expect(requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("blob:"))).toEqual([]);
  // The static test server has no favicon; the browser asks for one on its own.
  expect(problems.filter((p) => !p.includes("/favicon.ico"))).toEqual([]);
});
