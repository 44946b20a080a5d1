/**
 * No command ever writes over its input, by any path: the same name, another spelling, a symbolic
 * link or a hard link; and every result goes through a temporary file renamed into place.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
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
import { runCli } from "./run-cli";

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
