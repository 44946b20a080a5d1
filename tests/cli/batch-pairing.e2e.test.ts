// `zizhu batch` with 帮联 ledgers beside the aid rosters: coverage is the county's — a 建档立卡
// student a cadre of another unit pairs is covered; one paired nowhere is reported once, at the
// roster of the school that lists the student, and never by each school file on its own.
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { batchCommand } from "../../src/cli/commands/batch";
import type { CellValue } from "../../src/core/grid/types";
import { seedPack } from "../../src/core/policy";
import { kid, mobile, sheet } from "../core/rules/cases/fixtures";

const TODAY = { y: 2026, m: 11, d: 28 };

async function writeXlsx(file: string, name: string, rows: CellValue[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r).eachCell((c) => (c.numFmt = "@"));
  await wb.xlsx.writeFile(file);
}

const ledger = (title: string, pairs: [helper: string, unit: string, student: number][]): CellValue[][] =>
  sheet(
    ["序号", "帮扶人", "工作单位", "联系电话", "帮扶对象", "身份证号", "年度资助金额（元）", "走访次数"],
    pairs.map(([helper, unit, n], i) => ({
      帮扶人: helper,
      工作单位: unit,
      联系电话: mobile(i + 1),
      帮扶对象: `学生${n}`,
      身份证号: kid(n),
      "年度资助金额（元）": 1000,
      走访次数: 4,
    })),
    { title },
  );

let base: string;
beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), "zizhu-batch-pairing-"));
  const dir = join(base, "各校");
  for (const d of ["一小", "教育局"]) mkdirSync(join(dir, d), { recursive: true });
  await writeXlsx(
    join(dir, "一小", "资助花名册.xlsx"),
    "资助花名册",
    sheet(
      ["序号", "姓名", "身份证号", "学校", "困难类型"],
      [1, 2, 3, 4].map((n) => ({
        姓名: `学生${n}`,
        身份证号: kid(n),
        学校: "某某县第一小学",
        困难类型: n === 4 ? "低保" : "建档立卡",
      })),
      { title: "某某县第一小学2026年秋季学期资助花名册" },
    ),
  );
  await writeXlsx(
    join(dir, "一小", "帮联台账.xlsx"),
    "帮联台账",
    ledger("某某县第一小学2026年度帮联台账", [["校长甲", "某某县第一小学", 1]]),
  );
  await writeXlsx(
    join(dir, "教育局", "帮联台账.xlsx"),
    "帮联台账",
    ledger("县教育局2026年度干部帮联台账", [["干部乙", "县教育局", 2]]),
  );
}, 60000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

test("county.uncovered once for the student paired nowhere; none for those paired in either unit", async () => {
  const out = join(base, "县级汇总");
  const run = await batchCommand({
    dir: join(base, "各校"),
    out,
    pack: seedPack(),
    today: TODAY,
    jobs: "1",
    keyFile: join(base, "key"),
    cache: false,
  });
  const json = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as {
    files: { file: string; report: { issues: { rule: string }[] } }[];
    county: { issues: { rule: string; message: string; places: { file: string; sheet: string; cell: string }[] }[] };
  };
  const uncovered = json.county.issues.filter((i) => i.rule === "county.uncovered");
  expect(uncovered).toHaveLength(1);
  expect(uncovered[0]?.places).toEqual([
    expect.objectContaining({ file: "一小/资助花名册.xlsx", sheet: "资助花名册", cell: "C5" }),
  ]);
  expect(uncovered[0]?.message).toContain("某某县第一小学的学生（身份证号 430381********");
  // No school file reports coverage on its own: the county does, once.
  expect(json.files.flatMap((f) => f.report.issues.map((i) => i.rule))).not.toContain("pair.uncovered");
  expect(run.code).toBe(1);
  expect(readFileSync(join(out, "report.json"), "utf8")).not.toMatch(/\d{15,}/);
}, 60000);
