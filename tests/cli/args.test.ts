import { cellValueFromArg, cliOptions, parseArgv, significantDigits, VALUE_FLAGS } from "../../src/cli/args";
import { UsageError } from "../../src/cli/commands/fn";
import { COMMANDS } from "../../src/core/commands";

// How a word on the command line becomes a cell value (issue: "a number when it is a plain
// number of at most 15 significant digits, TRUE/FALSE a boolean, anything else a string").
test.each([
  ["1004.5", 1004.5],
  ["-3", -3],
  ["0", 0],
  ["0.05", 0.05],
  [".5", 0.5],
  ["123456789012345", 123456789012345],
  ["1234567890123456", "1234567890123456"],
  ["110105194912310021", "110105194912310021"],
  ["1.10000000000000000", 1.1],
  ["0731", "0731"],
  ["1e5", "1e5"],
  ["4.40524E+17", "4.40524E+17"],
  ["TRUE", true],
  ["false", false],
  ["是", "是"],
  ["", ""],
  [" 12", " 12"],
  ["1,004.50", "1,004.50"],
])("%j → %j", (word, value) => {
  expect(cellValueFromArg(word)).toEqual(value);
});

test.each([
  ["123", 3],
  ["000123", 3],
  ["1.2300", 3],
  ["100", 3],
  ["0.001", 1],
  ["0", 1],
])("significant digits of %s = %d", (plain, n) => {
  expect(significantDigits(plain)).toBe(n);
});

describe("parseArgv: the flags come from the command registry", () => {
  test("every value flag of before is known, and no other", () => {
    expect([...VALUE_FLAGS].sort()).toEqual(
      [
        "sheet",
        "kind",
        "program",
        "enrolled",
        "json",
        "report",
        "out",
        "title",
        "unit",
        "start",
        "days",
        "contact",
        "mapping",
        "jobs",
        "enrolment",
        "calendar",
        "year",
        "against",
      ].sort(),
    );
  });

  test.each<[string[], Record<string, string>, string[]]>([
    [["check", "a.xlsx", "--enrolled", "300"], { enrolled: "300" }, ["check", "a.xlsx"]],
    [
      ["notice", "a.xlsx", "--start=2026-09-28", "--out", "b.xlsx"],
      { start: "2026-09-28", out: "b.xlsx" },
      ["notice", "a.xlsx"],
    ],
    [["fn", "RMB", "--", "--title"], {}, ["fn", "RMB", "--title"]],
    [["summary", "--title="], { title: "" }, ["summary"]],
  ])("%j", (argv, options, words) => {
    const parsed = parseArgv(argv);
    expect(parsed.options).toEqual(options);
    expect(parsed.words).toEqual(words);
  });

  test.each([
    [["check", "a.xlsx", "--sheetx", "1"], "未知选项：--sheetx。运行 zizhu --help 查看用法"],
    [["check", "a.xlsx", "--foo"], "未知选项：--foo。运行 zizhu --help 查看用法"],
    [["check", "a.xlsx", "--enrolled"], "--enrolled 后面缺少取值"],
  ])("%j → %s", (argv, message) => {
    expect(() => parseArgv(argv)).toThrow(new UsageError(message));
  });

  test("a bad option value is a usage error with the CLI's message", () => {
    expect(() => cliOptions(COMMANDS.check.options, { enrolled: "abc" })).toThrow(
      new UsageError("--enrolled 应为在校人数（正整数），收到：abc"),
    );
    expect(cliOptions(COMMANDS.check.options, { kind: "教师", days: "x" })).toEqual({ kind: "teachers" });
  });
});
