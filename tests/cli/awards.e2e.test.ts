// `zizhu awards`: the 进步奖名单 added to a copy of a 学困生 score workbook, through the built CLI.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "zizhu-awards-"));
const out = (name: string) => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeWorkbook(file: string, sheet: string, rows: (string | number | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

// 上学期 ranks 3, 1, 2 → this term 1, 2, 3: 甲 moved up 2 places (一等奖), 乙 and 丙 fell back.
const SCORES = [
  ["七年级学困生成绩表", null, null, null, null],
  ["姓名", "学科", "上学期名次", "本学期名次", "帮扶教师"],
  ["甲", "语文", 3, 1, "陈老师"],
  ["乙", "语文", 1, 2, "刘老师"],
  ["丙", "语文", 2, 3, "刘老师"],
];

test("zizhu awards: the score sheet and the 进步奖名单; the input untouched", async () => {
  const input = out("成绩表.xlsx");
  await writeWorkbook(input, "成绩表", SCORES);
  const before = readFileSync(input);
  const file = out("进步奖.xlsx");
  const run = runCli(["awards", input, "--out", file]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("已生成进步奖名单：工作表“进步奖名单”");
  expect(readFileSync(input).equals(before)).toBe(true);
  const wb = await load(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["成绩表", "进步奖名单"]);
  const added = wb.getWorksheet("进步奖名单") as ExcelJS.Worksheet;
  expect(added.getCell("A1").value).toBe("七年级学困生进步奖名单");
  expect([1, 2, 3, 4, 5, 6, 7].map((c) => added.getRow(3).getCell(c).value)).toEqual([
    1,
    "甲",
    "语文",
    3,
    1,
    2,
    "一等奖",
  ]);
  expect(added.pageSetup.paperSize).toBe(9);
  const texts: string[] = [];
  added.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  expect(texts).toContain("爱心工程奖");
  expect(texts).toContain("一等“爱心工程”奖");
});

test("zizhu awards on a workbook without a score sheet: a Chinese message, nothing written", async () => {
  const input = out("花名册.xlsx");
  await writeWorkbook(input, "花名册", [
    ["姓名", "身份证号", "资助项目", "金额"],
    ["张三", "110101201001011234", "生活补助", 500],
  ]);
  const file = out("无成绩.xlsx");
  const run = runCli(["awards", input, "--out", file]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("没有找到学困生成绩表");
});
