// The official-sheet commands and `zizhu verify` through the built CLI (network locked).
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli";
import { localIsoNow } from "../../src/cli/commands/sheets";

const SAMPLES = join(__dirname, "..", "..", "samples");
const sample = (f: string) => join(SAMPLES, f);
const CLEAN = sample("一补花名册-示例.xlsx");
const dir = mkdtempSync(join(tmpdir(), "zizhu-sheets-"));
const out = (name: string) => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function formulasOf(ws: ExcelJS.Worksheet): string[] {
  const found: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) found.push(cell.formula);
    }),
  );
  return found;
}

describe("copies of the workbook with a sheet added", () => {
  test.each<[string, string]>([
    ["format", "花名册（格式化）"],
    ["summary", "汇总表"],
    ["forms", "申请表"],
  ])("zizhu %s: the original sheet and the new one; the input untouched", async (command, sheet) => {
    const before = readFileSync(CLEAN);
    const file = out(`${command}.xlsx`);
    const run = runCli([command, CLEAN, "--out", file]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`工作表“${sheet}”`);
    expect(run.stdout).toContain(file);
    expect(readFileSync(CLEAN).equals(before)).toBe(true);
    const wb = await load(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["一补花名册", sheet]);
    const original = wb.getWorksheet("一补花名册");
    expect(original?.getCell("D4").value).toBe("410725201508180157");
    const added = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    expect(added.pageSetup.paperSize).toBe(9);
    if (command === "summary") {
      // Live counts over the roster sheet in the same file.
      expect(formulasOf(added).some((f) => f.includes("COUNTIFS") && f.includes("一补花名册"))).toBe(true);
    }
    if (command === "format") {
      expect(added.pageSetup.orientation).toBe("landscape");
      expect(added.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    }
  });

  test("a CSV roster becomes an .xlsx holding the roster and the 汇总表", async () => {
    const file = out("csv-summary.xlsx");
    const run = runCli(["summary", sample("一补花名册-GBK.csv"), "--out", file, "--enrolled", "420"]);
    expect(run.code).toBe(0);
    const wb = await load(file);
    expect(wb.worksheets).toHaveLength(2);
    const [roster, summary] = wb.worksheets;
    expect(summary?.name).toBe("汇总表");
    expect(formulasOf(summary as ExcelJS.Worksheet).some((f) => f.includes(roster?.name ?? "?"))).toBe(true);
  });
});

describe("new workbooks with only the sheet", () => {
  test("zizhu notice: only the 公示表, which passes zizhu privacy", async () => {
    const file = out("公示表.xlsx");
    const run = runCli([
      "notice",
      CLEAN,
      "--out",
      file,
      "--start",
      "2026-09-28",
      "--days",
      "5",
      "--contact",
      "学校资助办（行政楼201室）",
    ]);
    expect(run.code).toBe(0);
    const wb = await load(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["公示表"]);
    const privacy = runCli(["privacy", file]);
    expect(privacy.stdout).toContain("未发现身份证号");
    expect(privacy.code).toBe(0);
  });

  test("zizhu export: the default 报送格式, IDs as text", async () => {
    const file = out("报送.xlsx");
    const run = runCli(["export", CLEAN, "--out", file]);
    expect(run.code).toBe(0);
    const wb = await load(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["报送数据"]);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const idCol = header.indexOf("身份证号") + 1;
    expect(idCol).toBeGreaterThan(0);
    expect(ws.getCell(2, idCol).value).toBe("410725201508180157");
    expect(ws.getCell(2, idCol).numFmt).toBe("@");
  });

  test("zizhu export --mapping: the user's format; a broken one is a usage error", async () => {
    const mapping = out("map.json");
    writeFileSync(
      mapping,
      JSON.stringify({
        id: "my-county",
        name: "本县格式",
        sheetName: "导入",
        columns: [
          { header: "学生姓名", from: "name" },
          { header: "公民身份号码", from: "idNumber", text: true },
        ],
      }),
    );
    const file = out("导入.xlsx");
    const run = runCli(["export", CLEAN, "--mapping", mapping, "--out", file]);
    expect(run.code).toBe(0);
    const ws = (await load(file)).worksheets[0] as ExcelJS.Worksheet;
    expect(ws.name).toBe("导入");
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["学生姓名", "公民身份号码"]);

    writeFileSync(mapping, "{ not json");
    const bad = runCli(["export", CLEAN, "--mapping", mapping, "--out", out("bad.xlsx")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("不是合法的 JSON");
    expect(existsSync(out("bad.xlsx"))).toBe(false);
  });
});

describe("zizhu seal and zizhu verify", () => {
  const sealed = out("已校验.xlsx");

  beforeAll(() => {
    const run = runCli(["seal", CLEAN, "--out", sealed]);
    if (run.code !== 0) throw new Error(run.stderr || run.stdout);
  });

  test("the seal is a very-hidden 校验凭证 sheet with the digest", async () => {
    const wb = await load(sealed);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["一补花名册", "校验凭证"]);
    const seal = wb.getWorksheet("校验凭证") as ExcelJS.Worksheet;
    expect(seal.state).toBe("veryHidden");
    const labels: unknown[] = [];
    seal.eachRow((row) => labels.push(row.getCell(1).value));
    expect(labels).toEqual(expect.arrayContaining(["内容摘要", "凭证数据（JSON）", "花名册工作表"]));
  });

  test("sealed and untouched: exit 0, 已校验且未改动", () => {
    const run = runCli(["verify", sealed]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("已校验且未改动");
    expect(run.stdout).toContain("不是电子签名");
  });

  test("sealed, then one cell edited (with ExcelJS): exit 1, 校验后已修改", async () => {
    const wb = await load(sealed);
    wb.getWorksheet("一补花名册")!.getCell("M5").value = 260;
    const edited = out("改过.xlsx");
    await wb.xlsx.writeFile(edited);
    const run = runCli(["verify", edited]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("校验后已修改");
    expect(run.stdout).toContain("内容摘要与凭证不符");
  });

  test("sealing again replaces the seal instead of adding a second one", async () => {
    const again = out("再次校验.xlsx");
    const run = runCli(["seal", sealed, "--out", again]);
    expect(run.code).toBe(0);
    expect((await load(again)).worksheets.map((w) => w.name)).toEqual(["一补花名册", "校验凭证"]);
    expect(runCli(["verify", again]).code).toBe(0);
  });

  test("unsealed: exit 1, 未校验", () => {
    const run = runCli(["verify", CLEAN]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("未校验");
  });

  test("an unreadable file: exit 2, in Chinese", () => {
    const junk = out("坏文件.xlsx");
    writeFileSync(junk, "this is not a zip");
    const run = runCli(["verify", junk]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test("a user's own visible sheet called 校验凭证: exit 1, a Chinese message, no file written", async () => {
    const wb = await load(CLEAN);
    wb.addWorksheet("校验凭证").getCell("A1").value = "我的备忘";
    const input = out("有同名表.xlsx");
    await wb.xlsx.writeFile(input);
    const file = out("不应覆盖.xlsx");
    const run = runCli(["seal", input, "--out", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("工作簿中已有名为“校验凭证”的工作表，不是资助助手写入的凭证，未覆盖；请改名后再试");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(file)).toBe(false);
  });

  test("a roster with errors: exit 1, the errors listed like zizhu check, no file written", () => {
    const file = out("不应生成.xlsx");
    const run = runCli(["seal", sample("一补花名册-问题示例.xlsx"), "--out", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("一补花名册!D4  身份证号校验码错误");
    expect(run.stderr).toMatch(/有 \d+ 个错误，未写入校验凭证/);
    expect(existsSync(file)).toBe(false);
  });
});

test("the sealing time is ISO 8601 with the machine's offset, the same instant", () => {
  const now = new Date(2026, 10, 28, 9, 5, 7);
  const text = localIsoNow(now);
  expect(text).toMatch(/^2026-11-28T09:05:07[+-]\d{2}:\d{2}$/);
  expect(new Date(text).getTime()).toBe(now.getTime());
});

describe("usage", () => {
  test("--out missing: exit 2", () => {
    const run = runCli(["format", CLEAN]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--out");
  });

  test("--out equal to the input: refused, the input untouched", () => {
    const input = out("花名册.xlsx");
    copyFileSync(CLEAN, input);
    const before = readFileSync(input);
    const run = runCli(["seal", input, "--out", join(dir, ".", "花名册.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("从不覆盖");
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test.each<[string[], RegExp]>([
    [["notice", CLEAN, "--out", "x.xlsx", "--days", "0"], /--days 应为/],
    [["notice", CLEAN, "--out", "x.xlsx", "--start", "明天"], /--start 不是有效日期/],
    [["format", CLEAN, "--out", "x.xlsx", "--sheet", "没有这张表"], /没有名为“没有这张表”的工作表/],
    [["format", CLEAN, "--out", "x.csv"], /应为 .xlsx/],
    [["verify"], /请给出文件/],
  ])("%j: exit 2 with a Chinese message", (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  test("--help lists the new commands", () => {
    const run = runCli(["--help"]);
    for (const c of ["format", "summary", "notice", "forms", "seal", "export", "verify"])
      expect(run.stdout).toContain(`zizhu ${c} FILE`);
  });
});
