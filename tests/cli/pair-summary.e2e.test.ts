// `zizhu pair-summary`: the 帮扶记录汇总 added to a copy of a workbook with a 帮联台账 and its 帮扶记录,
// through the built CLI.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "zizhu-pair-summary-"));
const out = (name: string) => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Rows = (string | number | null)[][];

async function writeWorkbook(file: string, sheets: Record<string, Rows>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const LEDGER: Rows = [
  ["某某镇2026年度干部帮联台账", null, null, null, null],
  ["序号", "帮扶人", "工作单位", "帮扶对象", "身份证号"],
  [1, "罗梓轩", "某某镇人民政府", "徐春梅", "410782201203120150"],
  [2, "陈晓东", "某某镇财政所", "刘浩然", "430321201408150424"],
];

// 罗梓轩 › 徐春梅: 4 visits, 1000 元 → 达标; 陈晓东 › 刘浩然: 3 visits, 800 元 (2025's record left out).
const RECORDS: Rows = [
  ["序号", "帮扶日期", "帮扶人", "帮扶对象", "帮扶类型", "金额"],
  [1, "2026-03-01", "罗梓轩", "徐春梅", "走访", null],
  [2, "2026-05-10", "罗梓轩", "徐春梅", "家访", null],
  [3, "2026-09-15", "罗梓轩", "徐春梅", "走访", 1000],
  [4, "2026-11-20", "罗梓轩", "徐春梅", "走访", null],
  [5, "2025-12-01", "陈晓东", "刘浩然", "走访", 500],
  [6, "2026-04-02", "陈晓东", "刘浩然", "走访", 800],
  [7, "2026-06-02", "陈晓东", "刘浩然", "家访", null],
  [8, "2026-10-12", "陈晓东", "刘浩然", "走访", null],
];

test("zizhu pair-summary: one row per pair, the 合计, print setup; the input untouched", async () => {
  const input = out("台账.xlsx");
  await writeWorkbook(input, { 帮联台账: LEDGER, 帮扶记录: RECORDS });
  const before = readFileSync(input);
  const file = out("汇总.xlsx");
  const run = runCli(["pair-summary", input, "--out", file, "--today", "2026-11-29"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("已生成帮扶记录汇总：工作表“帮扶记录汇总”");
  expect(run.stdout).toContain("1 条帮扶记录的日期不在 2026 年内");
  expect(readFileSync(input).equals(before)).toBe(true);
  const wb = await load(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["帮联台账", "帮扶记录", "帮扶记录汇总"]);
  const added = wb.getWorksheet("帮扶记录汇总") as ExcelJS.Worksheet;
  expect(added.getCell("A1").value).toBe("2026年帮扶记录汇总");
  const row = (r: number) => [1, 2, 3, 4, 5, 7, 8, 9].map((c) => added.getRow(r).getCell(c).value);
  expect(row(3)).toEqual([1, "罗梓轩", "某某镇人民政府", "徐春梅", 4, 1000, 1000, "达标"]);
  expect(row(4)).toEqual([2, "陈晓东", "某某镇财政所", "刘浩然", 3, 800, 1000, "未达标（差 200 元、差 1 次走访）"]);
  expect(added.getCell("F3").value).toEqual(new Date(Date.UTC(2026, 10, 20)));
  expect(added.getCell("A5").value).toBe("合计");
  expect(added.getCell("E5").value).toEqual({ formula: "SUM(E3:E4)", result: 7 });
  expect(added.getCell("G5").value).toEqual({ formula: "SUM(G3:G4)", result: 1800 });
  expect(added.pageSetup.paperSize).toBe(9);
  expect(added.pageSetup.orientation).toBe("landscape");
  expect(added.pageSetup.printTitlesRow).toBe("2:2");
});

test("zizhu pair-summary on a workbook without a 帮联台账: a Chinese message, nothing written", async () => {
  const input = out("花名册.xlsx");
  await writeWorkbook(input, {
    花名册: [
      ["姓名", "身份证号", "资助项目", "金额"],
      ["张三", "110101201001011234", "生活补助", 500],
    ],
  });
  const file = out("无台账.xlsx");
  const run = runCli(["pair-summary", input, "--out", file]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("没有找到帮联台账");
  expect(() => readFileSync(file)).toThrow();
});

test("--help lists pair-summary and awards", () => {
  const run = runCli(["--help"]);
  expect(run.stdout).toContain("zizhu pair-summary FILE");
  expect(run.stdout).toContain("zizhu awards FILE");
});
