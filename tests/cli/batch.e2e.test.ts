// `zizhu batch` end to end on a generated county folder: batchCommand in-process (--jobs 1) and
// with the bundled worker (--jobs 2), the outputs, the cache and usage problems.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeGbk } from "../../samples/gbk";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { WorkerPool } from "../../src/cli/batch/pool";
import { progressBar } from "../../src/cli/batch/progress";
import { batchCommand, type BatchArgs } from "../../src/cli/commands/batch";
import { UsageError } from "../../src/cli/commands/fn";
import { seedPack } from "../../src/core/policy";
import { enrolmentCsv, makeBatchFolder, TODAY, type BatchFolder } from "./fixtures/batch-folder";

const ROOT = join(__dirname, "..", "..");
const WORKER = join(ROOT, "dist", "cli", "batch-worker.cjs");

interface BatchJson {
  stats: { files: number; checked: number; skipped: number; unreadable: number; errors: number; countyErrors: number };
  files: { file: string; school: string; seal: { status: string }; report: { stats: { rows: number } } }[];
  unreadable: { file: string; reason: string }[];
  county: {
    issues: {
      rule: string;
      severity: string;
      message: string;
      source: string;
      value: string;
      places: { file: string; cell: string }[];
    }[];
  };
}

let base: string;
let folder: BatchFolder;
let enrolment: string;

const args = (out: string, extra: Partial<BatchArgs> = {}): BatchArgs => ({
  dir: folder.dir,
  out,
  pack: seedPack(),
  today: TODAY,
  jobs: "1",
  enrolment,
  keyFile: join(base, "key"),
  workerScript: WORKER,
  ...extra,
});
const readJson = (out: string): BatchJson => JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as BatchJson;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), "zizhu-batch-"));
  folder = await makeBatchFolder(join(base, "各校花名册"));
  enrolment = join(base, "在校人数.csv");
  writeFileSync(enrolment, enrolmentCsv());
}, 60000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("zizhu batch over a county folder", () => {
  let out: string;
  let run: { out: string; code: number };
  let json: BatchJson;

  beforeAll(async () => {
    // The output folder inside the school folder: allowed, and never scanned as a school file.
    out = join(folder.dir, "县级汇总");
    run = await batchCommand(args(out));
    json = readJson(out);
  }, 60000);

  test("every file is processed; the bad ones are listed with their reason; exit 1", () => {
    expect(run.code).toBe(1);
    expect(json.stats.files).toBe(folder.files.length);
    expect(json.files.map((f) => f.file).sort()).toEqual(folder.files.filter((f) => !/损坏|加密/.test(f)).sort());
    expect(json.unreadable.map((u) => u.file).sort()).toEqual(["加密.xlsx", "损坏.xlsx"]);
    expect(json.unreadable.find((u) => u.file === "加密.xlsx")?.reason).toContain("设置了打开密码");
    expect(json.unreadable.find((u) => u.file === "损坏.xlsx")?.reason).toContain("不是 Excel 工作簿");
    expect(json.files.find((f) => f.file === "一小-一补.xlsx")?.report.stats.rows).toBe(20);
    expect(json.files.find((f) => f.file === "二小/二小-一补.xlsx")?.school).toBe("某某县第二小学");
  });

  test("the cross-school duplicate names both files, sheets and cells, with the ID masked", () => {
    const dup = json.county.issues.filter((i) => i.rule === "county.dup-id");
    expect(dup).toHaveLength(1);
    expect(dup[0]!.severity).toBe("error");
    expect(dup[0]!.places).toEqual([
      expect.objectContaining({ file: "一小-一补.xlsx", cell: "D8" }),
      expect.objectContaining({ file: "二小/二小-一补.xlsx", cell: "D11" }),
    ]);
    expect(dup[0]!.message).toContain("一小-一补.xlsx › 一补花名册!D8");
    expect(dup[0]!.value).toBe(`${folder.dupId.slice(0, 6)}********${folder.dupId.slice(-4)}`);
  });

  test("the teacher aided twice (方案14), nominees over two files, quota over two files", () => {
    const rules = json.county.issues.map((i) => i.rule);
    const teacher = json.county.issues.find((i) => i.rule === "county.teacher-repeat");
    expect(teacher?.source).toBe("方案14 一");
    expect(teacher?.places.map((p) => p.file).sort()).toEqual(["市级特困教师.xlsx", "爱烛-补报.xlsx"]);
    const nominees = json.county.issues.find((i) => i.rule === "county.nominees");
    expect(nominees?.message).toContain("某某县第一中学");
    expect(nominees?.message).toContain("3 名");
    expect(nominees?.source).toContain("方案14 四");
    const quota = json.county.issues.find((i) => i.rule === "county.quota");
    expect(quota?.message).toContain("某某县第一小学");
    expect(quota?.message).toContain("共 30 人");
    expect(rules).toContain("county.no-enrolment"); // 第二小学 is not in the table
  });

  test("seals: unchanged, modified after sealing, unsealed", () => {
    const status = Object.fromEntries(json.files.map((f) => [f.file, f.seal.status]));
    expect(status["三小-已封存.xlsx"]).toBe("unchanged");
    expect(status["四小-封存后修改.xlsx"]).toBe("modified");
    expect(status["一小-一补.xlsx"]).toBe("unsealed");
    const seals = json.county.issues.filter((i) => i.rule === "county.modified" || i.rule === "county.unsealed");
    expect(seals.find((i) => i.rule === "county.modified")?.places[0]?.file).toBe("四小-封存后修改.xlsx");
    expect(seals.some((i) => i.places[0]?.file === "三小-已封存.xlsx")).toBe(false);
    expect(seals).toHaveLength(json.files.length - 1);
  });

  test("the summary workbook: a row per file, totals by program, 总计 and 大写; cross-school and unreadable sheets", async () => {
    const r = await readXlsx(new Uint8Array(readFileSync(join(out, "县级汇总.xlsx"))));
    if (!r.ok) throw new Error(r.problem.message);
    const [summary, cross, bad] = r.value.sheets;
    expect(r.value.sheets.map((s) => s.name)).toEqual(["学校汇总", "跨校问题", "无法读取"]);
    const head = summary!.rows[0]!.map(String);
    expect(head.slice(0, 8)).toEqual(["文件", "学校", "工作表", "行数", "错误", "警告", "跨校问题", "凭证状态"]);
    expect(head).toContain("义务教育家庭经济困难学生生活补助（一补）（元）");
    expect(head[head.length - 1]).toBe("合计（元）");
    const totalRow = summary!.rows.find((row) => row[0] === "总计")!;
    const grand = totalRow[head.length - 1] as number;
    const perFile = summary!.rows
      .slice(1, 1 + json.files.length)
      .reduce((a, row) => a + Number(row[head.length - 1]), 0);
    expect(grand).toBeCloseTo(perFile, 2);
    expect(grand).toBeGreaterThan(0);
    expect(
      summary!.rows.some((row) => String(row[0]).startsWith("合计金额（大写）：") && String(row[0]).includes("元")),
    ).toBe(true);
    const crossText = cross!.rows.map((row) => row.join("|")).join("\n");
    expect(crossText).toContain("一小-一补.xlsx › 一补花名册!D8\n二小/二小-一补.xlsx › 一补花名册!D11");
    expect(bad!.rows.map((row) => row[0])).toEqual(expect.arrayContaining(["损坏.xlsx", "加密.xlsx"]));
  });

  test("no raw ID number in any output (report.json, summary, cache)", () => {
    const texts = ["report.json", ".zizhu-cache.json"].map((f) => readFileSync(join(out, f), "utf8"));
    const xlsx = readFileSync(join(out, "县级汇总.xlsx"));
    expect(folder.rawIds.length).toBeGreaterThan(50);
    for (const id of folder.rawIds) {
      for (const t of texts) expect(t.includes(id)).toBe(false);
    }
    expect(texts[0]).not.toMatch(/\d{17}[\dX]/);
    expect(xlsx.includes(Buffer.from(folder.dupId))).toBe(false);
    expect(run.out).not.toMatch(/\d{17}[\dX]/);
  });

  test("the printed summary names the problem files and the outputs", () => {
    expect(run.out).toContain(`共 ${folder.files.length} 个文件`);
    expect(run.out).toContain("无法读取 2 个");
    expect(run.out).toContain("加密.xlsx：");
    expect(run.out).toContain("县级汇总.xlsx");
  });

  test("a GB18030 enrolment table reads the same as UTF-8; an earlier run's output folder is not scanned", async () => {
    const gbk = join(base, "在校人数-GBK.csv");
    writeFileSync(gbk, encodeGbk(enrolmentCsv()));
    await batchCommand(args(join(base, "out-gbk"), { enrolment: gbk, cache: false }));
    const gbkJson = readJson(join(base, "out-gbk"));
    expect(gbkJson.county.issues).toEqual(json.county.issues);
    expect(gbkJson.stats.files).toBe(folder.files.length); // not 县级汇总/县级汇总.xlsx of the first run
  }, 60000);

  test("a second run skips unchanged files (cache); a changed file is checked again", async () => {
    const again = await batchCommand(args(out));
    const j = readJson(out);
    // The two unreadable files are never "unchanged, skipped": read again and reported again.
    const readable = folder.files.length - 2;
    expect(j.stats.skipped).toBe(readable);
    expect(again.out).toContain(`其中 ${readable} 个内容未改动`);
    expect(j.unreadable).toEqual(json.unreadable);
    expect(j.county.issues).toEqual(json.county.issues);
    // A zip reader ignores trailing bytes: the file still reads, but its content hash changed.
    appendFileSync(join(folder.dir, "一小-一补-补报.xlsx"), "x");
    await batchCommand(args(out));
    expect(readJson(out).stats.skipped).toBe(readable - 1);
    expect(readJson(out).stats.checked).toBe(readable);
  }, 60000);
});

describe("parallel and in-process runs agree", () => {
  beforeAll(() => {
    // npm test builds first; a lone run of this file builds the CLI bundle itself.
    if (!existsSync(WORKER))
      execFileSync(
        process.execPath,
        [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--config-name", "cli"],
        {
          cwd: ROOT,
          stdio: "ignore",
        },
      );
  }, 180000);

  test("the worker bundle sits beside the CLI bundle", () => {
    expect(existsSync(WORKER)).toBe(true);
    expect(existsSync(join(ROOT, "dist", "cli", "zizhu.cjs"))).toBe(true);
  });

  test("--jobs 2 (worker threads) gives the same report as --jobs 1 (in-process)", async () => {
    const one = join(base, "out-1");
    const two = join(base, "out-2");
    const r1 = await batchCommand(args(one, { jobs: "1", cache: false }));
    const r2 = await batchCommand(args(two, { jobs: "2", cache: false }));
    expect(r2.code).toBe(r1.code);
    expect(readJson(two)).toEqual(readJson(one));
    expect(readJson(two).stats.skipped).toBe(0);
  }, 120000);
});

describe("usage problems (exit 2 through main)", () => {
  test.each<[string, (b: string) => Partial<BatchArgs>, RegExp]>([
    ["no folder", () => ({ dir: undefined }), /请给出各校花名册所在的文件夹/],
    ["no --out", () => ({ out: undefined }), /请用 --out 指定输出文件夹/],
    ["--out is the folder itself", () => ({ out: folder.dir }), /--out 不能就是/],
    ["a missing folder", (b) => ({ dir: join(b, "没有") }), /找不到文件夹/],
    ["--jobs 0", () => ({ jobs: "0" }), /--jobs 应为 1 到 256/],
    [
      "a broken enrolment table",
      (b) => {
        const f = join(b, "坏人数.csv");
        writeFileSync(f, "学校,在校人数\n一小,很多\n");
        return { enrolment: f };
      },
      /B2 单元格有误/,
    ],
  ])("%s", async (_n, extra, message) => {
    await expect(batchCommand(args(join(base, "out-usage"), extra(base)))).rejects.toThrow(UsageError);
    await expect(batchCommand(args(join(base, "out-usage"), extra(base)))).rejects.toThrow(message);
  });
});

describe("the worker pool and the progress bar", () => {
  test("a worker that dies fails only its own file, and is replaced", async () => {
    const script = join(base, "flaky-worker.cjs");
    writeFileSync(
      script,
      `const { parentPort } = require("node:worker_threads");
parentPort.on("message", ({ id, task }) => {
  if (task.file === "boom.xlsx") process.exit(3);
  parentPort.postMessage({ id, result: { kind: "checked", file: task.file } });
});`,
    );
    const pool = new WorkerPool(script, 2, {
      pack: seedPack(),
      today: TODAY,
      enrolment: null,
      idKeySecret: new Uint8Array(32),
    });
    const files = ["a.xlsx", "boom.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"];
    const results = await Promise.all(files.map((file) => pool.run({ path: file, file })));
    await pool.close();
    expect(results.map((r) => r.kind)).toEqual(["checked", "unreadable", "checked", "checked", "checked"]);
    expect(results[1]).toEqual(
      expect.objectContaining({ file: "boom.xlsx", reason: expect.stringContaining("工作线程意外退出") }),
    );
  });

  test.each([
    [true, /批量校验 \[█+░*\] 3\/4 个文件（1 个未改动，已跳过）/],
    [false, /^$/],
  ])("on a TTY (%s) the bar is drawn on stderr, otherwise nothing", (isTTY, expected) => {
    let written = "";
    const stream = { isTTY, write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
    const bar = progressBar(4, stream);
    bar.tick(3, 1);
    expect(written).toMatch(expected);
    bar.done();
  });
});
