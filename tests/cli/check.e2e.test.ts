// `zizhu check` and `zizhu privacy` on the sample files through the built CLI (network locked).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli";
import { readXlsx } from "../../src/adapters/xlsx/read";
import type { Report } from "../../src/core/report/types";

const SAMPLES = join(__dirname, "..", "..", "samples");
const sample = (f: string) => join(SAMPLES, f);

describe("zizhu check", () => {
  test("a clean roster: exit 0 and a Chinese verdict", () => {
    const run = runCli(["check", sample("一补花名册-示例.xlsx")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("0 个错误");
    expect(run.stdout).toContain("可以报送");
  });

  test("a roster with errors: exit 1, each issue with its cell, message and fix", () => {
    const run = runCli(["check", sample("一补花名册-问题示例.xlsx")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("一补花名册!D4  身份证号校验码错误：第18位应为");
    expect(run.stdout).toContain("→ ");
  });

  test("--json -: the Report, with masked values only", () => {
    const run = runCli(["check", sample("一补花名册-问题示例.xlsx"), "--json", "-"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.pack.id).toBe("cn-school-aid-seed");
    expect(report.stats.errors).toBeGreaterThan(0);
    expect(report.issues[0]).toEqual(
      expect.objectContaining({
        rule: expect.any(String),
        severity: expect.any(String),
        sheet: "一补花名册",
        cell: expect.any(String),
      }),
    );
    // Reports travel: no raw ID or card number in them.
    expect(run.stdout).not.toMatch(/\d{15,}/);
  });

  test("--report writes an annotated copy and never touches the input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zizhu-check-"));
    const input = join(dir, "花名册.xlsx");
    copyFileSync(sample("一补花名册-问题示例.xlsx"), input);
    const before = readFileSync(input);
    const out = join(dir, "校验结果.xlsx");
    const run = runCli(["check", input, "--report", out]);
    expect(run.code).toBe(1);
    expect(readFileSync(input).equals(before)).toBe(true);
    const r = await readXlsx(new Uint8Array(readFileSync(out)));
    if (!r.ok) throw new Error(r.problem.message);
    const names = r.value.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["一补花名册", "校验结果"]));
    const roster = r.value.sheets.find((s) => s.name === "一补花名册");
    expect(roster?.notes.some((n) => n.row === 3 && n.col === 3 && n.text.includes("id.checksum"))).toBe(true);
  });

  test("--json to a file, and a CSV input", () => {
    const dir = mkdtempSync(join(tmpdir(), "zizhu-check-"));
    const json = join(dir, "r.json");
    const run = runCli(["check", sample("一补花名册-GBK.csv"), "--json", json]);
    expect(run.code).toBe(0);
    expect((JSON.parse(readFileSync(json, "utf8")) as Report).stats.rows).toBe(40);
  });

  test("--program, --kind and --enrolled", () => {
    const quota = runCli(["check", sample("一补花名册-示例.xlsx"), "--enrolled", "100", "--json", "-"]);
    const report = JSON.parse(quota.stdout) as Report;
    expect(report.issues.map((i) => i.rule)).toContain("policy.quota");
    expect(runCli(["check", sample("特困教师-示例.xlsx"), "--program", "市级特困教师"]).stdout).toContain("10%");
  });

  test("files it cannot read exit 2 with a Chinese message", () => {
    const dir = mkdtempSync(join(tmpdir(), "zizhu-check-"));
    const xls = join(dir, "旧表.xls");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const old = runCli(["check", xls]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain("另存为");
    const junk = join(dir, "坏文件.xlsx");
    writeFileSync(junk, "not a workbook");
    const bad = runCli(["check", junk]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(bad.stderr).not.toContain("    at ");
    expect(runCli(["check", join(dir, "不存在.xlsx")]).stderr).toContain("找不到文件");
    expect(runCli(["check", sample("一补花名册-示例.xlsx"), "--sheet", "没有这个表"]).code).toBe(2);
    expect(runCli(["check", sample("一补花名册-示例.xlsx"), "--bogus"]).code).toBe(2);
  });
});

describe("zizhu privacy", () => {
  test("finds what a public notice must not show; exit 1", () => {
    const run = runCli(["privacy", sample("公示表-问题示例.xlsx")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("含有身份证号");
    expect(run.stdout).toContain("含有家庭住址");
    expect(run.stdout).not.toMatch(/\d{15,}/);
  });
});
