/**
 * `zizhu calendar` and `--calendar FILE` through the built CLI (network locked).
 *
 * Needs src/cli/main.ts to wire the calendar command, --calendar, --year and the user calendar
 * folder (ZIZHU_CALENDAR_DIR); until the bundle knows `zizhu calendar`, the suite is skipped.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, jsonOut, runCli } from "./run-cli";
import { serialFromCivil } from "../../src/core/date/serial";

const NOTICES = join(__dirname, "..", "fixtures", "notices");
const CLEAN = join(__dirname, "..", "..", "samples", "一补花名册-示例.xlsx");
const tmp = mkdtempSync(join(tmpdir(), "zizhu-calendar-e2e-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function env(name: string): Record<string, string> {
  return { ZIZHU_CALENDAR_DIR: join(tmp, name) };
}

const wired = existsSync(BIN) && !/未知命令/.test(runCli(["calendar", "list"], { env: env("probe") }).stderr);
const suite = wired ? describe : describe.skip;

const JAN_4_2027 = serialFromCivil({ y: 2027, m: 1, d: 4 });

suite("zizhu calendar", () => {
  test("NOTICE_END over the new year: refused before the import, computed after", () => {
    const e = env("folder");
    const before = runCli(["fn", "NOTICE_END", "2026-12-28", "5"], { env: e });
    expect(before.code).toBe(1);
    expect(before.stdout).toContain("2027年的放假安排（含调休）尚未收录");

    const imported = runCli(["calendar", "import", join(NOTICES, "2027-plausible.txt")], { env: e });
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("已保存到");

    const after = runCli(["fn", "NOTICE_END", "2026-12-28", "5"], { env: e });
    expect(after.code).toBe(0);
    expect(jsonOut(after)).toBe(JAN_4_2027);

    const list = runCli(["calendar", "list"], { env: e });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("2027年  国务院办公厅关于2027年部分节假日安排的通知  7个节日  使用中");
  });

  test("--calendar FILE, written with --out, used by any command", () => {
    const file = join(tmp, "2027.json");
    const e = env("empty");
    expect(runCli(["calendar", "import", join(NOTICES, "2027-plausible.txt"), "--out", file], { env: e }).code).toBe(0);
    const r = runCli(["fn", "WORKDAY", "2026-12-31", "1", "--calendar", file], { env: e });
    expect(r.code).toBe(0);
    expect(jsonOut(r)).toBe(JAN_4_2027);
    expect(runCli(["fn", "WORKDAY", "2026-12-31", "1"], { env: e }).code).toBe(1);
  });

  test("a 公示表 whose 公示期 runs into January", async () => {
    const e = env("notice");
    const file = join(tmp, "公示表.xlsx");
    const before = runCli(["notice", CLEAN, "--out", file, "--start", "2026-12-28"], { env: e });
    expect(before.code).not.toBe(0);
    expect(before.stdout + before.stderr).toContain("2027年的放假安排");
    runCli(["calendar", "import", join(NOTICES, "2027-plausible.txt")], { env: e });
    const after = runCli(["notice", CLEAN, "--out", file, "--start", "2026-12-28"], { env: e });
    expect(after.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const text: string[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => text.push(String(c.value ?? ""))));
    expect(text.join("\n")).toContain("2027年1月4日");
  });

  test("--year, a refused copy, a broken --calendar", () => {
    const e = env("misc");
    const bad = runCli(["calendar", "import", join(NOTICES, "2026.txt"), "--year", "2027"], { env: e });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("与指定的2027年不一致");
    const broken = runCli(["fn", "RMB", "1", "--calendar", join(NOTICES, "2026.txt")], { env: e });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("--calendar");
  });
});
