// The 一对一帮扶 sample on the BUILT standalone page (dist/, served on 127.0.0.1) in Debian chromium:
// open samples/帮扶台账-问题示例.xlsx with the file picker, check it from the 校验 tab with one click
// (no kind, no sheet chosen), and find every planted defect of its .expected.json on its sheet at
// its cell — the roster's 资助花名册 as well as the 帮联台账 and 帮扶记录 ledgers. Clicking an issue of
// the ledger must not fail (the standalone page has no cell to select); the downloaded annotated
// workbook links each issue to its own sheet and cell and notes the cell on that sheet.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { cellKey, type Grid } from "../../src/core/grid/types";
import { launchChromium } from "./browser";
import { serveFolder } from "./static-server";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const ARTIFACTS = join(ROOT, "test-artifacts");
const FILE = "帮扶台账-问题示例.xlsx";
const EXPECTED = JSON.parse(readFileSync(join(ROOT, "samples", "帮扶台账-问题示例.expected.json"), "utf8")) as {
  expected: { rule: string; sheet: string; cell: string }[];
};
const LEDGER_SHEETS = ["帮联台账", "帮扶记录"];

let browser: Browser;
let server: Awaited<ReturnType<typeof serveFolder>>;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

/** The places (工作表!单元格) the list shows while the rule filter is on `rule`. */
async function placesOf(rule: string): Promise<string[]> {
  await page.getByTestId("filter-rule").selectOption(rule);
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="shown"]')?.textContent?.startsWith("显示 0 /"),
    undefined,
    { timeout: 10_000 },
  );
  return page.getByTestId("issue-list").getByTestId("issue-place").allTextContents();
}

/** Zero-based row and column of an A1 address. */
function at(cell: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m?.[1] || !m[2]) throw new Error(`not a cell: ${cell}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveFolder(DIST);
  browser = await launchChromium();
  page = await browser.newPage({ locale: "zh-CN", viewport: { width: 480, height: 1400 } });
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  // The sample's record dates are planted for this day (tests/core/check/pairing-sample.test.ts).
  await page.clock.setFixedTime(new Date(2026, 10, 28, 10, 0, 0));
  await page.goto(`${server.origin}/standalone.html`);
  await page.getByTestId("mode").waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the pairing workbook opens with the file picker", async () => {
  await page.getByTestId("file-input").setInputFiles(join(ROOT, "samples", FILE));
  await page.waitForFunction(
    (name) => document.querySelector('[data-testid="loaded"]')?.textContent?.includes(name),
    FILE,
  );
  expect(await page.getByTestId("run-check").isDisabled()).toBe(false);
});

test("one click on 校验 finds every planted rule (by-rule table)", async () => {
  await page.getByTestId("run-check").click();
  await page.getByTestId("results").waitFor({ timeout: 60_000 });
  const byRule = (await page.getByTestId("by-rule").textContent()) ?? "";
  for (const e of EXPECTED.expected) expect(byRule).toContain(e.rule);
  await page.screenshot({ path: join(ARTIFACTS, "pairing-pane.png"), fullPage: true });
});

test.each(EXPECTED.expected.map((e) => [`${e.rule} at ${e.sheet}!${e.cell}`, e] as const))(
  "the issue list shows %s",
  async (_name, e) => {
    expect(await placesOf(e.rule)).toContain(`${e.sheet}!${e.cell}`);
  },
);

test("clicking an issue of the ledger names its sheet and does not fail", async () => {
  const planted = EXPECTED.expected.find((e) => e.rule === "pair.funds");
  if (!planted) throw new Error("no pair.funds in the sample");
  await placesOf(planted.rule);
  const row = page
    .getByTestId("issue-list")
    .getByTestId("issue-row")
    .filter({ has: page.getByTestId("issue-place").getByText(`${planted.sheet}!${planted.cell}`, { exact: true }) });
  expect(await row.count()).toBe(1);
  expect(await row.getAttribute("title")).toContain(`${planted.sheet}!${planted.cell}`);
  const shown = await page.getByTestId("shown").textContent();
  await row.click();
  // Standalone has no cell to select: the results and the list stay, no error is shown.
  expect(await page.getByTestId("shown").textContent()).toBe(shown);
  expect(await page.getByTestId("results").isVisible()).toBe(true);
  await page.getByTestId("filter-rule").selectOption("");
});

test("导出校验结果 links every planted issue to its own sheet and cell, and notes that cell", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
  expect(download.suggestedFilename()).toBe("帮扶台账-问题示例-校验结果.xlsx");
  const bytes = new Uint8Array(readFileSync(await download.path()));
  writeFileSync(join(ARTIFACTS, "pairing-export.xlsx"), bytes);
  const read = await readXlsx(bytes, { fileName: "pairing-export.xlsx" });
  if (!read.ok) throw new Error(read.problem.message);
  const sheets = read.value.sheets;
  expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["校验结果", "资助花名册", ...LEDGER_SHEETS]));
  const results = sheets.find((s) => s.name === "校验结果") as Grid;
  const header = results.rows[0] ?? [];
  const col = (name: string) => header.indexOf(name);
  expect(col("规则")).toBeGreaterThanOrEqual(0);
  for (const e of EXPECTED.expected) {
    const r = results.rows.findIndex((row, i) => i > 0 && row[col("规则")] === e.rule && row[col("单元格")] === e.cell);
    expect({ rule: e.rule, row: r > 0 }).toEqual({ rule: e.rule, row: true });
    expect(results.rows[r]?.[col("工作表")]).toBe(e.sheet);
    const link = results.formulas.get(cellKey(r, col("单元格"))) ?? "";
    expect(link).toContain(`${e.sheet}'!${e.cell}`);
    // The flagged cell carries a note on the planted sheet.
    const target = sheets.find((s) => s.name === e.sheet) as Grid;
    const { row, col: c } = at(e.cell);
    expect({ where: `${e.sheet}!${e.cell}`, noted: target.notes.some((n) => n.row === row && n.col === c) }).toEqual({
      where: `${e.sheet}!${e.cell}`,
      noted: true,
    });
  }
});

test("the page logged no error and every request stayed on its own origin", () => {
  expect(problems.filter((p) => !p.includes("/favicon.ico"))).toEqual([]);
  expect(
    requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("data:") && !u.startsWith("blob:")),
  ).toEqual([]);
});
