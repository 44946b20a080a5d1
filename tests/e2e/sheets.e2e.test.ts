// The 报表 tab on the BUILT standalone page (dist/, served on 127.0.0.1) in Debian chromium: load
// the bundled sample roster, build the 公示表 (a workbook of its own, without personal data), the
// 格式化花名册 (the original plus the new sheet), 汇总表 and 申请表 as downloads; 报送前检查 on a
// roster with errors opens 校验 on the report; 核验凭证 on an unsealed file says so.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Download, Page } from "playwright-core";
import { readXlsx } from "../../src/adapters/xlsx/read";
import type { WorkbookData } from "../../src/core/grid/types";
import { scanWorkbook } from "../../src/core/privacy";
import { verifySeal } from "../../src/core/sheets/seal";
import { launchChromium } from "./browser";
import { serveFolder } from "./static-server";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const ARTIFACTS = join(ROOT, "test-artifacts");
const SAMPLE = "一补花名册-问题示例";

let browser: Browser;
let server: Awaited<ReturnType<typeof serveFolder>>;
let page: Page;
let original: WorkbookData;
const requests: string[] = [];
const problems: string[] = [];
const failed: string[] = [];

async function workbookOf(download: Download): Promise<WorkbookData> {
  const bytes = new Uint8Array(readFileSync(await download.path()));
  writeFileSync(join(ARTIFACTS, `sheets-${download.suggestedFilename()}`), bytes);
  const read = await readXlsx(bytes, { fileName: download.suggestedFilename() });
  if (!read.ok) throw new Error(read.problem.message);
  return read.value;
}

async function build(testId: string): Promise<{ download: Download; message: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  await page.getByTestId("sheets-result").waitFor();
  return { download, message: (await page.getByTestId("sheets-message").textContent()) ?? "" };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const read = await readXlsx(new Uint8Array(readFileSync(join(ROOT, "samples", `${SAMPLE}.xlsx`))));
  if (!read.ok) throw new Error(read.problem.message);
  original = read.value;
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
  await page.clock.setFixedTime(new Date(2026, 10, 28, 10, 0, 0));
  await page.goto(`${server.origin}/standalone.html`);
  await page.getByTestId("mode").waitFor();
  await page.getByRole("button", { name: "载入示例花名册" }).click();
  await page.getByTestId("loaded").waitFor();
  await page.getByRole("tab", { name: "报表" }).click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("生成公示表 downloads a workbook holding only the 公示表, with no personal data", async () => {
  const { download, message } = await build("sheets-buildNotice");
  expect(download.suggestedFilename()).toBe(`${SAMPLE}-公示表.xlsx`);
  expect(message).toContain("只含工作表“公示表”");
  const wb = await workbookOf(download);
  expect(wb.sheets.map((s) => s.name)).toEqual(["公示表"]);
  expect(scanWorkbook(wb, { mode: "notice" })).toEqual([]);
  // The roster it came from does hold personal data: the scan can find it.
  expect(scanWorkbook(original, { mode: "notice" }).length).toBeGreaterThan(0);
});

test("格式化花名册 downloads the original sheets plus 花名册（格式化）", async () => {
  const { download, message } = await build("sheets-formatRoster");
  expect(download.suggestedFilename()).toBe(`${SAMPLE}-花名册（格式化）.xlsx`);
  expect(message).toContain("原文件未改动");
  const wb = await workbookOf(download);
  expect(wb.sheets.map((s) => s.name)).toEqual([...original.sheets.map((s) => s.name), "花名册（格式化）"]);
  // The original sheet travels unchanged.
  const first = original.sheets[0];
  expect(wb.sheets.find((s) => s.name === first?.name)?.rows).toEqual(first?.rows);
});

test("汇总表 and 申请表 with a changed title are downloads too", async () => {
  await page.getByTestId("opt-title").fill("2026年秋季学期一补资助汇总表");
  const summary = await build("sheets-buildSummary");
  const wb = await workbookOf(summary.download);
  const sheet = wb.sheets.find((s) => s.name === "汇总表");
  expect(JSON.stringify(sheet?.rows)).toContain("2026年秋季学期一补资助汇总表");
  const forms = await build("sheets-buildForms");
  expect(forms.download.suggestedFilename()).toBe(`${SAMPLE}-申请表.xlsx`);
  expect((await workbookOf(forms.download)).sheets.map((s) => s.name)).toContain("申请表");
});

test("报送前检查 on the sample (it has errors) opens 校验 on the report and seals nothing", async () => {
  await page.getByTestId("sheets-preSubmitCheck").click();
  await page.getByTestId("presubmit-report").waitFor();
  expect(await page.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
  expect(await page.getByTestId("presubmit-title").textContent()).toMatch(/\d+ 个错误，未写入校验凭证/);
  await page.screenshot({ path: join(ARTIFACTS, "sheets-presubmit.png"), fullPage: true });
  await page.getByRole("tab", { name: "报表" }).click();
  expect(await page.getByTestId("sheets-message").textContent()).toContain("未写入校验凭证");
});

test("核验凭证 on the unsealed sample says it is not sealed", async () => {
  await page.getByTestId("sheets-verify").click();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="sheets-message"]')?.textContent?.startsWith("未校验"),
  );
  await page.screenshot({ path: join(ARTIFACTS, "sheets.png"), fullPage: true });
});

test("a clean roster: 报送前检查 downloads a sealed copy, which 核验凭证 then finds unchanged", async () => {
  await page.getByRole("tab", { name: "校验" }).click();
  await page.getByTestId("file-input").setInputFiles(join(ROOT, "samples", "一补花名册-示例.xlsx"));
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="loaded"]')?.textContent?.includes("一补花名册-示例.xlsx"),
  );
  await page.getByRole("tab", { name: "报表" }).click();
  const sealed = await build("sheets-preSubmitCheck");
  expect(sealed.download.suggestedFilename()).toBe("一补花名册-示例-含校验凭证.xlsx");
  expect(sealed.message).toMatch(/^已写入校验凭证：.*内容摘要 [0-9a-f]{12}…/);
  const wb = await workbookOf(sealed.download);
  expect(verifySeal(wb).status).toBe("unchanged");
  expect(wb.sheets.find((g) => g.name === "校验凭证")?.state).toBe("veryHidden");

  // The sealed copy, opened in the page: 核验凭证 finds it unchanged.
  const path = join(ARTIFACTS, "sheets-sealed.xlsx");
  writeFileSync(path, readFileSync(await sealed.download.path()));
  await page.getByRole("tab", { name: "校验" }).click();
  await page.getByTestId("file-input").setInputFiles(path);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="loaded"]')?.textContent?.includes("sheets-sealed.xlsx"),
  );
  await page.getByRole("tab", { name: "报表" }).click();
  await page.getByTestId("sheets-verify").click();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="sheets-message"]')?.textContent?.startsWith("已校验且未改动"),
  );
});

test("no console errors, and every request stayed on the page's own origin", () => {
  // Chromium's own favicon probe is the one request the page did not make (dist/ has no favicon).
  expect(failed.filter((f) => !f.includes("/favicon.ico"))).toEqual([]);
  expect(problems.filter((p) => !p.includes("/favicon.ico"))).toEqual([]);
  expect(
    requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("data:") && !u.startsWith("blob:")),
  ).toEqual([]);
});
