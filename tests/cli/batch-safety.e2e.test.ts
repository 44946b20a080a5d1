// `zizhu batch` (the built bundle) on the folders that used to go wrong: an empty folder, symbolic
// links, unreadable files on a re-run, a mixed-encoding CSV, and output folders and names that
// would land on an input (a link to the school folder, a hard link or symlink to a roster, an
// output folder already holding rosters, a roster that happens to be named 县级汇总.xlsx).
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeGbk } from "../../samples/gbk";
import { runCli, type CliRun } from "./run-cli";

const ROOT = join(__dirname, "..", "..");
const SAMPLE_CSV = join(ROOT, "samples", "一补花名册-GBK.csv");

interface BatchJson {
  stats: { files: number; checked: number; skipped: number; unreadable: number; ignored: number };
  files: { file: string }[];
  unreadable: { file: string; reason: string }[];
  ignored: { file: string; reason: string }[];
}

let base: string;
let n = 0;
/** A fresh folder under the test's temp dir. */
const fresh = (name: string): string => {
  const d = join(base, `${n++}-${name}`);
  mkdirSync(d, { recursive: true });
  return d;
};
const batch = (dir: string, out: string, ...extra: string[]): CliRun =>
  // The ID-key secret in the temp dir, never in the user's ~/.zizhu; one thread keeps it light.
  runCli(["batch", dir, "--out", out, "--jobs", "1", ...extra], { env: { ZIZHU_BATCH_KEY: join(base, "key") } });
const readJson = (out: string): BatchJson => JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as BatchJson;
/** A school folder with the GBK sample roster in it. */
const schoolFolder = (name: string, rosterName = "一小.csv"): string => {
  const d = fresh(name);
  copyFileSync(SAMPLE_CSV, join(d, rosterName));
  return d;
};

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "zizhu-batch-safety-"));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("no roster in the folder", () => {
  test.each<[string, (d: string) => void]>([
    ["an empty folder", () => undefined],
    ["a folder of other files", (d) => writeFileSync(join(d, "说明.txt"), "各校花名册稍后报送")],
  ])("%s: exit 2, naming the folder and what is read; no outputs written", (_n, fill) => {
    const dir = fresh("空");
    fill(dir);
    const out = join(base, `out-empty-${n}`);
    const run = batch(dir, out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`在文件夹 ${dir} 中没有找到花名册文件`);
    expect(run.stderr).toContain(".xlsx 和 .csv");
    expect(run.stdout).not.toContain("没有发现错误");
    expect(existsSync(join(out, "report.json"))).toBe(false);
  });

  test("only symbolic links: exit 2, and the links are named with the reason", () => {
    const real = schoolFolder("真实");
    const dir = fresh("只有链接");
    symlinkSync(join(real, "一小.csv"), join(dir, "一小-链接.csv"));
    const run = batch(dir, join(base, "out-links-only"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("一小-链接.csv：是符号链接");
  });
});

describe("symbolic links are listed, with the reason, in the output and in report.json", () => {
  let run: CliRun;
  let json: BatchJson;
  beforeAll(() => {
    const elsewhere = schoolFolder("别处");
    const dir = schoolFolder("有链接");
    symlinkSync(join(elsewhere, "一小.csv"), join(dir, "二小-链接.csv"));
    symlinkSync(elsewhere, join(dir, "三小文件夹-链接"));
    symlinkSync(join(base, "不存在.xlsx"), join(dir, "四小-断开.xlsx"));
    symlinkSync(join(elsewhere, "一小.csv"), join(dir, "说明-链接.txt")); // not a roster's name: not worth a word
    const out = join(base, "out-links");
    run = batch(dir, out);
    json = readJson(out);
  });

  test("report.json: the roster is checked, the three links are in ignored", () => {
    expect(json.files.map((f) => f.file)).toEqual(["一小.csv"]);
    expect(json.stats.ignored).toBe(3);
    expect(json.ignored.map((i) => i.file)).toEqual(["三小文件夹-链接", "二小-链接.csv", "四小-断开.xlsx"]);
    expect(json.ignored.find((i) => i.file === "二小-链接.csv")?.reason).toMatch(/^是符号链接（指向 .*一小\.csv）/);
    expect(json.ignored.find((i) => i.file === "三小文件夹-链接")?.reason).toContain("是指向文件夹的符号链接");
    expect(json.ignored.find((i) => i.file === "四小-断开.xlsx")?.reason).toContain("指向不存在文件");
  });

  test("the printed summary lists them", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("未读取（3 项");
    expect(run.stdout).toContain("二小-链接.csv：是符号链接");
    expect(run.stdout).toContain("不跟随符号链接");
  });
});

test("a re-run reports unreadable files again, with their reason, not as unchanged-skipped", () => {
  const dir = schoolFolder("重跑");
  writeFileSync(join(dir, "损坏.xlsx"), "这不是 Excel 文件");
  const out = join(base, "out-rerun");
  const first = batch(dir, out);
  expect(first.code).toBe(1);
  const firstReason = readJson(out).unreadable.find((u) => u.file === "损坏.xlsx")?.reason;
  expect(firstReason).toBeDefined();
  const again = batch(dir, out);
  const json = readJson(out);
  expect(again.code).toBe(1);
  expect(json.stats.skipped).toBe(1); // the roster, not the broken file
  expect(json.unreadable).toEqual([expect.objectContaining({ file: "损坏.xlsx", reason: firstReason })]);
  expect(again.stdout).toContain("已校验 1 个（其中 1 个内容未改动");
  expect(again.stdout).toContain("无法读取 1 个");
  expect(again.stdout).toContain("损坏.xlsx：");
});

test("a CSV mixing UTF-8 and GBK lines is unreadable, naming the rows and the fix", () => {
  const dir = schoolFolder("混合编码");
  const header = "序号,姓名,性别,身份证号,学段,资助项目,补助金额（元）\n";
  writeFileSync(
    join(dir, "二小.csv"),
    Buffer.concat([
      Buffer.from(header + "1,张三,男,410725201508180157,小学,一补,500\n"),
      encodeGbk("2,李四,女,431321201812270429,小学,一补,250\n"),
    ]),
  );
  const out = join(base, "out-mixed");
  batch(dir, out);
  const reason = readJson(out).unreadable.find((u) => u.file === "二小.csv")?.reason ?? "";
  expect(reason).toContain("混有两种文字编码");
  expect(reason).toContain("第 3 行");
  expect(reason).toContain("另存为");
});

describe("--out never holds or replaces an input", () => {
  test("an existing file as --out is refused", () => {
    const dir = schoolFolder("输出是文件");
    const out = join(base, "out-is-a-file.txt");
    writeFileSync(out, "x");
    const run = batch(dir, out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("已存在且不是文件夹");
  });

  test("a symbolic link to the school folder is the school folder: refused, the roster named 县级汇总.xlsx kept", () => {
    const dir = schoolFolder("同名", "县级汇总.xlsx");
    const before = readFileSync(join(dir, "县级汇总.xlsx"));
    const link = join(base, "链接到学校文件夹");
    symlinkSync(dir, link);
    const run = batch(dir, link);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--out 不能就是");
    expect(readFileSync(join(dir, "县级汇总.xlsx")).equals(before)).toBe(true);
    expect(existsSync(join(dir, "report.json"))).toBe(false);
  });

  test.each<[string, (roster: string, target: string) => void]>([
    ["a hard link", (roster, target) => linkSync(roster, target)],
    ["a symbolic link", (roster, target) => symlinkSync(roster, target)],
  ])("an output name that is %s to a roster is refused; the roster is untouched", (_n, make) => {
    for (const name of ["县级汇总.xlsx", "report.json", ".zizhu-cache.json"]) {
      const dir = schoolFolder("硬链接");
      const roster = join(dir, "一小.csv");
      const before = readFileSync(roster);
      const out = fresh("输出");
      make(roster, join(out, name));
      const run = batch(dir, out);
      expect([name, run.code]).toEqual([name, 2]);
      expect(run.stderr).toContain("就是输入文件");
      expect(readFileSync(roster).equals(before)).toBe(true);
    }
  });

  test("an output folder inside the school folder that already holds rosters is refused", () => {
    const dir = schoolFolder("内部输出");
    mkdirSync(join(dir, "二小"));
    copyFileSync(SAMPLE_CSV, join(dir, "二小", "二小.csv"));
    const run = batch(dir, join(dir, "二小"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("中已有 1 个花名册文件");
    expect(existsSync(join(dir, "二小", "report.json"))).toBe(false);
  });

  test("a roster named 县级汇总.xlsx outside any output folder is read, not skipped for its name", () => {
    const dir = schoolFolder("名为汇总");
    copyFileSync(SAMPLE_CSV, join(dir, "县级汇总.csv"));
    mkdirSync(join(dir, "三小"));
    copyFileSync(join(dir, "一小.csv"), join(dir, "三小", "一小.csv"));
    writeFileSync(join(dir, "三小", "县级汇总.xlsx"), "三小自己的文件（已损坏）");
    const out = join(base, "out-named-summary");
    batch(dir, out);
    const json = readJson(out);
    expect(json.stats.files).toBe(4);
    expect(json.unreadable.map((u) => u.file)).toEqual(["三小/县级汇总.xlsx"]);
  });

  test("an earlier run's outputs in the school folder are never read as rosters (even without its cache)", () => {
    const dir = schoolFolder("先前输出");
    const first = join(dir, "汇总A");
    expect(batch(dir, first).code).toBe(0);
    unlinkSync(join(first, ".zizhu-cache.json")); // report.json alone still marks the folder
    copyFileSync(SAMPLE_CSV, join(first, "误放.csv"));
    const second = join(base, "out-second");
    const run = batch(dir, second);
    const json = readJson(second);
    expect(json.files.map((f) => f.file)).toEqual(["一小.csv"]);
    expect(json.ignored).toEqual([{ file: "汇总A/误放.csv", reason: expect.stringContaining("输出文件夹 汇总A 中") }]);
    expect(run.stdout).toContain("汇总A/误放.csv");
    // The same output folder again: its own summary is no obstacle.
    expect(batch(dir, second).code).toBe(0);
  });
});
