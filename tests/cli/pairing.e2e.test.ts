// `zizhu check` on a 一对一帮扶 ledger through the built CLI: the pair rules, --against another
// file's aid roster, --year, and the input files left untouched.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "./run-cli";
import type { Report } from "../../src/core/report/types";
import type { CellValue } from "../../src/core/grid/types";
import { kid, mobile, sheet } from "../core/rules/cases/fixtures";

async function writeXlsx(file: string, sheets: Record<string, CellValue[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    // IDs and phones as text, as a careful school keeps them.
    for (const r of rows) ws.addRow(r).eachCell((c) => (c.numFmt = "@"));
  }
  await wb.xlsx.writeFile(file);
}

const LEDGER = sheet(
  ["序号", "帮扶人", "工作单位", "联系电话", "帮扶对象", "身份证号", "年度资助金额（元）", "走访次数"],
  [
    {
      帮扶人: "干部1",
      工作单位: "县教育局",
      联系电话: mobile(1),
      帮扶对象: "学生1",
      身份证号: kid(1),
      "年度资助金额（元）": 1000,
      走访次数: 4,
    },
    {
      帮扶人: "干部2",
      工作单位: "县教育局",
      联系电话: mobile(2),
      帮扶对象: "学生2",
      身份证号: kid(2),
      "年度资助金额（元）": 600,
      走访次数: 4,
    },
  ],
  { title: "某某镇2026年度干部帮联台账" },
);
const ROSTER = sheet(
  ["序号", "姓名", "身份证号", "学校", "困难类型"],
  [1, 2, 3].map((n) => ({ 姓名: `学生${n}`, 身份证号: kid(n), 学校: "某某镇中心学校", 困难类型: "建档立卡" })),
  { title: "2026年秋季学期资助花名册" },
);

describe("zizhu check on a pairing ledger", () => {
  const dir = mkdtempSync(join(tmpdir(), "zizhu-pairing-"));
  const ledger = join(dir, "帮联台账.xlsx");
  const roster = join(dir, "资助花名册.xlsx");
  beforeAll(async () => {
    await writeXlsx(ledger, { 帮联台账: LEDGER });
    await writeXlsx(roster, { 资助花名册: ROSTER });
  });

  test("the pair rules at their cells; --against finds the roster's uncovered student in the other file", () => {
    const before = [readFileSync(ledger), readFileSync(roster)];
    const run = runCli(["check", ledger, "--against", roster, "--json", "-", "--today", "2026-11-28"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.kind).toBe("pairs");
    const brief = report.issues.map((i) => `${i.rule}@${i.sheet}!${i.cell}`);
    expect(brief).toEqual(
      expect.arrayContaining(["pair.funds@帮联台账!G4", "pair.uncovered@资助花名册.xlsx › 资助花名册!B5"]),
    );
    expect(run.stdout).not.toMatch(/\d{15,}/);
    expect([readFileSync(ledger), readFileSync(roster)]).toEqual(before);
  });

  test("the text summary names each finding in Chinese", () => {
    const run = runCli(["check", ledger, "--today", "2026-11-28"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("帮联台账!G4  干部2对学生2 2026 年资助 600 元，少于每年 1000 元");
  });

  test("zizhu run 帮联报送: the check, 帮扶记录汇总, the county's 帮联结对情况 file; no seal while the ledger has errors", () => {
    const out = join(dir, "结果");
    const sample = join(__dirname, "..", "..", "samples", "帮扶台账-问题示例.xlsx");
    const run = runCli(["run", "帮联报送", sample, "--out", out, "--today", "2026-11-28"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("✔ 2. 帮扶记录汇总");
    expect(run.stdout).toContain("✔ 3. 导出报送格式：已生成“帮联结对情况”");
    expect(run.stdout).toContain("✘ 4. 报送前检查并封存");
    expect(readdirSync(out).sort()).toEqual(["帮扶台账-问题示例-帮联报送.xlsx", "帮扶台账-问题示例-帮联结对情况.xlsx"]);
  });

  test("--year must be a year", () => {
    const run = runCli(["check", ledger, "--year", "26"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--year 应为四位年份");
  });
});
