/**
 * No command ever writes over its input, by any path: the same name, another spelling, a symbolic
 * link or a hard link; and every result goes through a temporary file renamed into place.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  openSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createHash } from "node:crypto";
import { BIN, runCli } from "./run-cli";

const SAMPLE = join(__dirname, "..", "..", "samples", "一补花名册-示例.xlsx");
const root = mkdtempSync(join(tmpdir(), "zizhu-outsafe-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

let n = 0;
/** A fresh folder holding 花名册.xlsx and the alias of it that `how` makes. */
function setup(how: "same" | "spelling" | "symlink" | "hardlink"): { dir: string; input: string; alias: string } {
  const dir = join(root, `case-${n++}`);
  mkdirSync(join(dir, "sub"), { recursive: true });
  const input = join(dir, "花名册.xlsx");
  copyFileSync(SAMPLE, input);
  let alias: string;
  switch (how) {
    case "same":
      alias = input;
      break;
    case "spelling":
      alias = join(dir, "sub", "..", ".", "花名册.xlsx");
      break;
    case "symlink":
      alias = join(dir, "链接.xlsx");
      symlinkSync(input, alias);
      break;
    case "hardlink":
      alias = join(dir, "硬链接.xlsx");
      linkSync(input, alias);
      break;
  }
  return { dir, input, alias };
}

const WRITERS: { name: string; args: (input: string, alias: string) => string[] }[] = [
  { name: "check --json", args: (i, a) => ["check", i, "--json", a] },
  { name: "check --report", args: (i, a) => ["check", i, "--report", a] },
  { name: "privacy --json", args: (i, a) => ["privacy", i, "--json", a] },
  ...["format", "summary", "notice", "forms", "seal", "export"].map((c) => ({
    name: `${c} --out`,
    args: (i: string, a: string) => [c, i, "--out", a],
  })),
];
const ALIASES = ["same", "spelling", "symlink", "hardlink"] as const;

describe.each(WRITERS)("$name never writes over the input", ({ args }) => {
  test.each(ALIASES)("through %s", (how) => {
    const { dir, input, alias } = setup(how);
    const before = sha(input);
    const r = runCli(args(input, alias));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/从不覆盖您的原文件/);
    expect(r.stderr).not.toMatch(/Error|at .*\.js/);
    expect(sha(input)).toBe(before);
    // No temporary file left behind.
    expect(readdirSync(dir).filter((f) => f.includes(".zizhu-"))).toEqual([]);
  });
});

describe("run --out", () => {
  test("a result name taken by a link to the input is never written through", () => {
    const { dir, input } = setup("same");
    const out = join(dir, "结果");
    mkdirSync(out);
    symlinkSync(input, join(out, "花名册-公示前检查.xlsx"));
    linkSync(input, join(out, "花名册-公示表.xlsx"));
    const before = sha(input);
    const r = runCli(["run", "公示前检查", input, "--out", out]);
    expect([0, 1]).toContain(r.code);
    expect(sha(input)).toBe(before);
    expect(readdirSync(out).some((f) => / \(2\)\.xlsx$/.test(f))).toBe(true);
  });

  test("an --out that is the input file is refused", () => {
    const { input } = setup("same");
    const before = sha(input);
    const r = runCli(["run", "公示前检查", input, "--out", input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不是文件夹/);
    expect(sha(input)).toBe(before);
  });
});

describe("outputs go through a temporary file renamed into place", () => {
  test("an existing output is replaced whole, and a symlink at the output is replaced, not followed", () => {
    const { dir, input } = setup("same");
    const other = join(dir, "别的文件.json");
    writeFileSync(other, "keep me");
    const link = join(dir, "report.json");
    symlinkSync(other, link);
    const r = runCli(["check", input, "--json", link]);
    expect(r.code).toBe(0);
    expect(readFileSync(other, "utf8")).toBe("keep me");
    expect(JSON.parse(readFileSync(link, "utf8"))).toMatchObject({ valid: true });
  });

  test("a missing output folder gives a Chinese message, exit 2, nothing left behind", () => {
    const { dir, input } = setup("same");
    const r = runCli(["format", input, "--out", join(dir, "没有这个文件夹", "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/文件夹不存在/);
    expect(readdirSync(dir).filter((f) => f.includes(".zizhu-"))).toEqual([]);
  });

  test("--json and --report naming one file are refused before reading", () => {
    const { dir, input } = setup("same");
    const both = join(dir, "out.xlsx");
    const r = runCli(["check", input, "--json", both, "--report", both]);
    expect(r.code).toBe(2);
  });
});

describe("inputs that are not regular files", () => {
  const commands = [["check"], ["privacy"], ["verify"], ["seal", "--out", join(root, "s.xlsx")]];
  test.each(commands)("%s /dev/zero is refused at once", (command, ...rest) => {
    const r = runCli([command, "/dev/zero", ...rest]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/设备文件，不是普通文件/);
  });

  test.each(commands)("%s on a FIFO named x.xlsx does not hang", (command, ...rest) => {
    const fifo = join(root, `fifo-${command}.xlsx`);
    execFileSync("mkfifo", [fifo]);
    const r = runCli([command, fifo, ...rest]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/命名管道/);
  });

  test.each(commands)("%s on a folder named d.xlsx says it is a folder (exit 2, no JS message)", (command, ...rest) => {
    const d = join(root, `d-${command}.xlsx`);
    mkdirSync(d);
    const r = runCli([command, d, ...rest]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/是文件夹，不是普通文件/);
    expect(r.stderr).not.toMatch(/EISDIR|内部错误/);
  });

  test("a pack, recipe or mapping that is a device is refused too", () => {
    const { input, dir } = setup("same");
    expect(runCli(["check", input, "--pack", "/dev/zero"]).stderr).toMatch(/设备文件/);
    expect(runCli(["run", "/dev/zero", input, "--out", join(dir, "r")]).stderr).toMatch(/设备文件/);
    expect(runCli(["export", input, "--out", join(dir, "e.xlsx"), "--mapping", "/dev/zero"]).stderr).toMatch(
      /设备文件/,
    );
  });

  test("a dangling symbolic link says where it points", () => {
    const link = join(root, "dangling.xlsx");
    symlinkSync(join(root, "nowhere.xlsx"), link);
    const r = runCli(["check", link]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/指向不存在文件的符号链接/);
    expect(basename(link)).toBe("dangling.xlsx");
  });
});

describe("every file a run reads is protected, not only the roster", () => {
  const PACK = join(__dirname, "..", "fixtures", "pack-nutrition-5.json");

  test("--json naming the --pack file is refused; the pack is intact", () => {
    const { dir, input } = setup("same");
    const pack = join(dir, "p5.json");
    copyFileSync(PACK, pack);
    const before = sha(pack);
    const r = runCli(["check", input, "--pack", pack, "--json", pack]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/从不覆盖您的原文件/);
    expect(sha(pack)).toBe(before);
  });

  test("--json naming a --calendar file, or a file of the user calendar folder, is refused", () => {
    const { dir, input } = setup("same");
    const folder = join(dir, "calendar");
    const notice = join(__dirname, "..", "fixtures", "notices", "2027-plausible.txt");
    const env = { ZIZHU_CALENDAR_DIR: folder };
    expect(runCli(["calendar", "import", notice], { env }).code).toBe(0);
    const year = join(folder, "2027.json");
    const before = sha(year);
    const r = runCli(["check", input, "--json", year], { env });
    expect(r.code).toBe(2);
    expect(sha(year)).toBe(before);
    const file = join(dir, "2027.json");
    copyFileSync(year, file);
    expect(runCli(["check", input, "--calendar", file, "--json", file], { env }).code).toBe(2);
    expect(sha(file)).toBe(before);
  });

  test("--json must be a .json file, calendar import --out too", () => {
    const { dir, input } = setup("same");
    const other = join(dir, "另一个花名册.xlsx");
    copyFileSync(SAMPLE, other);
    const before = sha(other);
    expect(runCli(["check", input, "--json", other]).stderr).toMatch(/--json 应为 \.json 文件/);
    const notice = join(__dirname, "..", "fixtures", "notices", "2027-plausible.txt");
    const r = runCli(["calendar", "import", notice, "--out", other], { env: { ZIZHU_CALENDAR_DIR: join(dir, "c") } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out 应为 \.json 文件/);
    expect(sha(other)).toBe(before);
  });
});

describe("files from other writers that the writer library cannot load", () => {
  const CORPUS = join(__dirname, "..", "fixtures", "xlsx-corpus");
  test.each(["openpyxl-comments.xlsx", "openxml-sdk-prefixed.xlsx"])(
    "%s: format says why in Chinese (exit 2, not an unexpected error); check --report still shows the check",
    (name) => {
      const dir = mkdtempSync(join(root, "w-"));
      const r = runCli(["format", join(CORPUS, name), "--out", join(dir, "o.xlsx")]);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/意外错误|Cannot read|undefined/);
      const c = runCli(["check", join(CORPUS, name), "--report", join(dir, "r.xlsx")]);
      expect(c.code).toBe(2);
      expect(c.stdout).toMatch(/行，\d+ 个错误/);
      expect(c.stderr).toMatch(/未生成 --report/);
      expect(c.stderr).not.toMatch(/意外错误|Cannot read|undefined/);
      expect(r.stderr).toMatch(/另存为 Excel 工作簿/);
    },
  );
});

describe("nothing the tool peeks at or reads from standard input can hang it", () => {
  test("a FIFO named report.json in a subfolder does not hang zizhu batch", () => {
    const base = mkdtempSync(join(root, "b-"));
    mkdirSync(join(base, "in", "sub"), { recursive: true });
    copyFileSync(SAMPLE, join(base, "in", "一中.xlsx"));
    execFileSync("mkfifo", [join(base, "in", "sub", "report.json")]);
    const r = runCli(["batch", join(base, "in"), "--out", join(base, "out"), "--jobs", "1"]);
    expect([0, 1]).toContain(r.code);
  });

  test.each([[["calendar", "import", "-"]], [["fn", "RMB", "--batch", "-"]]])(
    "%j < /dev/zero stops at its cap with a message",
    (args) => {
      const zero = openSync("/dev/zero", "r");
      try {
        const r = spawnSync(process.execPath, [BIN, ...args], {
          stdio: [zero, "pipe", "pipe"],
          encoding: "utf8",
          env: { ...process.env, ZIZHU_TODAY: "2026-11-28", ZIZHU_CALENDAR_DIR: join(root, "none") },
          timeout: 60_000,
        });
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/已停止读取/);
      } finally {
        closeSync(zero);
      }
    },
    90_000,
  );
});
