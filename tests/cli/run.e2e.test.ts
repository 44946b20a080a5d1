/** `zizhu run`: recipes on files, through the built CLI, under the network lock. */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { runCli } from "./run-cli";

const SAMPLES = join(__dirname, "..", "..", "samples");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "zizhu-run-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("学期报送 on a clean roster: every step done, a result workbook that verifies, a separate 公示表", async () => {
  const input = join(SAMPLES, "一补花名册-示例.xlsx");
  const before = readFileSync(input);
  const r = runCli(["run", "学期报送", input, "--out", dir]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("✔ 7. 报送前检查并封存");
  expect(readdirSync(dir).sort()).toEqual(["一补花名册-示例-公示表.xlsx", "一补花名册-示例-学期报送.xlsx"]);
  // The input is only read.
  expect(readFileSync(input).equals(before)).toBe(true);

  const result = join(dir, "一补花名册-示例-学期报送.xlsx");
  const wb = await readXlsx(readFileSync(result));
  if (!wb.ok) throw new Error(wb.problem.message);
  const names = wb.value.sheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(["花名册（格式化）", "汇总表", "校验凭证"]));
  expect(wb.value.sheets.find((s) => s.name === "校验凭证")?.state).toBe("veryHidden");

  const verified = runCli(["verify", result]);
  expect(verified.stdout).toContain("已校验且未改动");
  expect(verified.code).toBe(0);

  // The notice file has nothing private in it.
  const privacy = runCli(["privacy", join(dir, "一补花名册-示例-公示表.xlsx")]);
  expect(privacy.code).toBe(0);
});

test("a roster with errors: the fixes are applied, the re-check fails, the rest is skipped, exit 1", async () => {
  const r = runCli(["run", "学期报送", join(SAMPLES, "一补花名册-问题示例.xlsx"), "--out", dir]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/✘ 1\. 校验花名册：.*个错误/);
  expect(r.stdout).toMatch(/✔ 2\. 安全修正：安全修正 \d+ 处/);
  expect(r.stdout).toMatch(/✘ 3\. 校验花名册/);
  expect(r.stdout).toContain("· 7. 报送前检查并封存：前面的步骤有错误，未运行");
  // The fixes are still written, into a NEW file; no seal in it.
  const out = join(dir, "一补花名册-问题示例-学期报送.xlsx");
  expect(existsSync(out)).toBe(true);
  const wb = await readXlsx(readFileSync(out));
  if (!wb.ok) throw new Error(wb.problem.message);
  expect(wb.value.sheets.map((s) => s.name)).not.toContain("校验凭证");
  expect(runCli(["verify", out]).stdout).toContain("未校验");
});

test("公示前检查 on a leaky notice stops at the privacy step", () => {
  const r = runCli(["run", "公示前检查", join(SAMPLES, "公示表-问题示例.xlsx"), "--out", dir]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/✘ 1\. 隐私检查：发现 \d+ 处个人信息/);
  expect(r.stdout).toContain("· 2. 生成公示表");
  expect(readdirSync(dir)).toEqual([]);
});

test("a recipe file with a bad step is refused with the step named (exit 2)", () => {
  const recipe = join(dir, "坏流程.json");
  writeFileSync(recipe, JSON.stringify({ name: "坏", steps: [{ step: "check" }, { step: "mail" }] }));
  const r = runCli(["run", recipe, join(SAMPLES, "一补花名册-示例.xlsx"), "--out", dir]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/第 2 步（mail）：.*未知步骤/);
});

test("a notice shorter than the pack's minimum fails its step with the source cited", () => {
  const recipe = join(dir, "三天公示.json");
  writeFileSync(recipe, JSON.stringify({ name: "三天公示", steps: [{ step: "notice", days: 3 }] }));
  const r = runCli(["run", recipe, join(SAMPLES, "一补花名册-示例.xlsx"), "--out", join(dir, "out")]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/✘ 1\. 生成公示表：公示期为 3 个工作日，少于规定的 5 个工作日（方案7 三\.2/);
});

test("one unreadable file does not stop the others", () => {
  const bad = join(dir, "坏文件.xlsx");
  writeFileSync(bad, "not a workbook");
  const out = join(dir, "out");
  const r = runCli(["run", "学期报送", bad, join(SAMPLES, "一补花名册-示例.xlsx"), "--out", out]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("无法读取");
  expect(existsSync(join(out, "一补花名册-示例-学期报送.xlsx"))).toBe(true);
});

test("two inputs with the same name and last term's results: nothing is written over", () => {
  const a = join(dir, "一中");
  const b = join(dir, "二中");
  const out = join(dir, "out");
  for (const d of [a, b, out]) mkdirSync(d, { recursive: true });
  copyFileSync(join(SAMPLES, "一补花名册-示例.xlsx"), join(a, "花名册.xlsx"));
  copyFileSync(join(SAMPLES, "一补花名册-示例.xlsx"), join(b, "花名册.xlsx"));
  writeFileSync(join(out, "花名册-学期报送.xlsx"), "上学期的结果");
  const r = runCli(["run", "学期报送", join(a, "花名册.xlsx"), join(b, "花名册.xlsx"), "--out", out]);
  expect(r.code).toBe(0);
  expect(readFileSync(join(out, "花名册-学期报送.xlsx"), "utf8")).toBe("上学期的结果");
  expect(readdirSync(out).sort()).toEqual([
    "花名册-公示表 (2).xlsx",
    "花名册-公示表.xlsx",
    "花名册-学期报送 (2).xlsx",
    "花名册-学期报送 (3).xlsx",
    "花名册-学期报送.xlsx",
  ]);
  expect(runCli(["verify", join(out, "花名册-学期报送 (3).xlsx")]).code).toBe(0);
});

test("a CSV with a long name: the fixes land in the sheet the result file has, and the seal verifies", async () => {
  const name = "某某县某某镇中心学校2026年秋季学期家庭经济困难学生生活补助花名册[终稿]";
  const csv = join(dir, `${name}.csv`);
  const text = readFileSync(join(SAMPLES, "一补花名册-GBK.csv"));
  writeFileSync(csv, text);
  const r = runCli(["run", "学期报送", csv, "--out", join(dir, "out")]);
  const written = readdirSync(join(dir, "out")).filter((f) => f.endsWith("-学期报送.xlsx"));
  expect(written).toHaveLength(1);
  const result = join(dir, "out", written[0] ?? "");
  const wb = await readXlsx(readFileSync(result));
  if (!wb.ok) throw new Error(wb.problem.message);
  const roster = wb.value.sheets[0];
  expect(roster?.name.length).toBeLessThanOrEqual(31);
  expect(roster?.name).not.toMatch(/[[\]]/);
  if (r.code === 0) expect(runCli(["verify", result]).code).toBe(0);
  else expect(r.stdout).not.toContain("内部错误");
});

test("a YAML recipe runs like a JSON one; a broken one is refused with the step named", () => {
  const good = join(dir, "公示.yaml");
  writeFileSync(
    good,
    [
      "name: 只做公示",
      "steps:",
      "  - step: privacy",
      "  - step: notice",
      "    days: 7",
      "    contact: 学校资助办",
    ].join("\n"),
  );
  const out = join(dir, "out");
  const r = runCli(["run", good, join(SAMPLES, "一补花名册-示例.xlsx"), "--out", out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("流程“只做公示”，2 个步骤");
  expect(readdirSync(out)).toEqual(["一补花名册-示例-公示表.xlsx"]);

  const bad = join(dir, "坏.yml");
  writeFileSync(bad, ["name: 坏", "steps:", "  - step: notice", "    start: 下周一"].join("\n"));
  const refused = runCli(["run", bad, join(SAMPLES, "一补花名册-示例.xlsx"), "--out", out]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/第 1 步（notice）：start：日期应写成 YYYY-MM-DD/);

  const broken = join(dir, "乱.yaml");
  writeFileSync(broken, "name: [未闭合\n");
  const notYaml = runCli(["run", broken, join(SAMPLES, "一补花名册-示例.xlsx"), "--out", out]);
  expect(notYaml.code).toBe(2);
  expect(notYaml.stderr).toContain("不是合法的 YAML");
});
