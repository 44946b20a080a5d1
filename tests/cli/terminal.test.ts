// terminalSafe: no control or bidi character reaches the terminal raw; \n and \t stay; JSON stays
// JSON. End to end: the built zizhu escapes a file name and a cell value holding ESC and NUL.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { terminalSafe } from "../../src/cli/terminal";
import { runCli } from "./run-cli";

/** Any character a terminal acts on instead of showing (what terminalSafe must never let through). */
// eslint-disable-next-line no-control-regex -- the test looks for control characters.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("terminalSafe", () => {
  test.each<[string, string, string]>([
    ["NUL", "张三\u0000", "张三\\u0000"],
    ["ESC sequence (clear screen)", "a\u001b[2Jb", "a\\u001b[2Jb"],
    ["OSC window title", "\u001b]0;pwned\u0007", "\\u001b]0;pwned\\u0007"],
    ["bell and backspace", "\u0007\u0008", "\\u0007\\u0008"],
    ["carriage return (overwrites the line)", "ok\rFAKE", "ok\\u000dFAKE"],
    ["vertical tab and form feed", "\u000b\u000c", "\\u000b\\u000c"],
    ["DEL", "x\u007f", "x\\u007f"],
    ["C1 CSI (0x9b)", "\u009b31m", "\\u009b31m"],
    ["C1 NEL and APC", "\u0085\u009f", "\\u0085\\u009f"],
    ["right-to-left override", "gpj\u202eexe.xlsx", "gpj\\u202eexe.xlsx"],
    ["bidi embeddings and pop", "\u202a\u202b\u202c\u202d", "\\u202a\\u202b\\u202c\\u202d"],
    ["bidi isolates", "\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"],
    ["LRM, RLM, ALM", "\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"],
    ["line and paragraph separators", "a\u2028b\u2029", "a\\u2028b\\u2029"],
    ["lone surrogates", "\ud800x\udc00", "\\ud800x\\udc00"],
    ["newline and tab are kept", "第一行\n\t第二行\n", "第一行\n\t第二行\n"],
    ["Chinese, full-width and emoji are kept", "张三，１２３ 👍 ¥", "张三，１２３ 👍 ¥"],
    ["an existing backslash is left alone", "C:\\学校\\一小.xlsx", "C:\\学校\\一小.xlsx"],
    ["empty", "", ""],
  ])("%s", (_name, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
    expect(terminalSafe(input)).not.toMatch(RAW);
  });

  test("every code unit: the output never holds a raw control", () => {
    for (let c = 0; c <= 0xffff; c++) {
      const out = terminalSafe(`a${String.fromCharCode(c)}b`);
      if (c === 0x09 || c === 0x0a) expect(out).toBe(`a${String.fromCharCode(c)}b`);
      else expect(out).not.toMatch(RAW);
    }
  });

  test("JSON.stringify output stays valid JSON with the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (value, text) => {
        for (const v of [value, { text, nested: [text, { k: text }] }]) {
          for (const json of [JSON.stringify(v), JSON.stringify(v, null, 2)]) {
            const safe = terminalSafe(json);
            expect(safe).not.toMatch(RAW);
            expect(JSON.parse(safe)).toEqual(JSON.parse(json));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the zizhu command prints no raw control characters (built bundle)", () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "zizhu-terminal-"));
    // ESC in the file name (legal on Linux and macOS), ESC/NUL/RLO in a cell value.
    file = join(dir, "a\u001b[2Jb.csv");
    writeFileSync(file, "姓名,身份证号,性别\n张\u001b[31m三\u0000\u202e,110101200001011234,男\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the text summary escapes the file name", () => {
    const run = runCli(["check", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("a\\u001b[2Jb");
    expect(run.stdout).not.toMatch(RAW);
    expect(run.stderr).not.toMatch(RAW);
  });

  test("--json - is still valid JSON, with the same values", () => {
    const run = runCli(["check", file, "--json", "-"]);
    expect(run.stdout).not.toMatch(RAW);
    const report = JSON.parse(run.stdout) as { issues: { sheet: string }[] };
    expect(report.issues[0]?.sheet).toBe("a\u001b[2Jb".replace("[", "_"));
  });

  test("an error message naming a missing file escapes it on stderr", () => {
    const run = runCli(["check", join(dir, "没有\u001b[31m\u202e.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(RAW);
  });
});
