// `zizhu seal` then `zizhu verify` through the built CLI (network locked): what the seal covers beyond
// the roster's values. The sealed file is changed with ExcelJS, one change per file, as someone
// would after sealing; verify must exit 1 and say which kind of change it found, never the ID.
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli";

const CLEAN = join(__dirname, "..", "..", "samples", "一补花名册-示例.xlsx");
const ROSTER = "一补花名册";
const SEAL = "校验凭证";
/** A synthetic ID number with a valid check digit. */
const ID = "110105194912310021";

const dir = mkdtempSync(join(tmpdir(), "zizhu-seal-coverage-"));
const out = (name: string) => join(dir, name);
const sealed = out("已校验.xlsx");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  const run = runCli(["seal", CLEAN, "--out", sealed]);
  if (run.code !== 0) throw new Error(run.stderr || run.stdout);
});

async function changed(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sealed);
  edit(wb);
  const file = out(name);
  await wb.xlsx.writeFile(file);
  return file;
}

const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

test("sealed, and only rewritten by ExcelJS: exit 0, saying formatting is not covered", async () => {
  const file = await changed("原样.xlsx", () => undefined);
  const run = runCli(["verify", file]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("已校验且未改动");
  expect(run.stdout).toContain("格式不在校验范围内");
});

test.each<[string, (wb: ExcelJS.Workbook) => void, RegExp]>([
  [
    "a very hidden sheet holding an ID number added",
    (wb) => {
      const ws = wb.addWorksheet("数据", { state: "veryHidden" });
      ws.getCell("A1").value = "身份证号";
      ws.getCell("A2").value = ID;
    },
    /校验后已修改：新增了工作表“数据”（深度隐藏）/,
  ],
  [
    "a roster row hidden",
    (wb) => void (sheet(wb, ROSTER).getRow(10).hidden = true),
    /工作表“一补花名册”中隐藏的行有变化（校验时：无；现在：第 10 行）/,
  ],
  [
    "the seal sheet unhidden",
    (wb) => void (sheet(wb, SEAL).state = "visible"),
    /“校验凭证”工作表已被取消深度隐藏（现为可见）/,
  ],
  [
    "a readable total on the seal sheet edited",
    (wb) =>
      sheet(wb, SEAL).eachRow((row) => {
        if (row.getCell(1).value === "金额合计（元）") row.getCell(2).value = 17500;
      }),
    /校验凭证上的“金额合计（元）”与凭证数据不一致/,
  ],
])("%s: exit 1, saying so", async (what, edit, says) => {
  const file = await changed(`${what}.xlsx`, edit);
  const run = runCli(["verify", file]);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(says);
  expect(run.stdout + run.stderr).not.toContain(ID);
});

test("all four at once: exit 1, each named", async () => {
  const file = await changed("全部.xlsx", (wb) => {
    wb.addWorksheet("数据", { state: "veryHidden" }).getCell("A1").value = ID;
    sheet(wb, ROSTER).getRow(10).hidden = true;
    sheet(wb, SEAL).state = "visible";
    sheet(wb, SEAL).eachRow((row) => {
      if (row.getCell(1).value === "金额合计（元）") row.getCell(2).value = 17500;
    });
  });
  const run = runCli(["verify", file]);
  expect(run.code).toBe(1);
  for (const says of ["新增了工作表“数据”", "隐藏的行有变化", "取消深度隐藏", "“金额合计（元）”与凭证数据不一致"])
    expect(run.stdout).toContain(says);
  expect(run.stdout).not.toContain(ID);
});
