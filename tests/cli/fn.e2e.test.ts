// `zizhu fn` end to end: the built CLI runs the same functions module (and the same
// functions.json) that Excel loads. Each row: arguments as typed on the command line, the JSON the
// CLI must print, and its exit code. "Today" is fixed to 2026-11-28 (ZIZHU_TODAY) in runCli.
import { runCli, jsonOut } from "./run-cli";

// Excel serials (1900 date system) of the dates used below.
const SERIAL = { "1949-12-31": 18263, "2026-10-09": 46304, "2026-10-13": 46308, "2026-10-08": 46303 };

const VALUE_ERROR = (fragment: string) =>
  expect.objectContaining({ error: "#VALUE!", message: expect.stringContaining(fragment) });

describe("zizhu fn NAME ARG… (every function)", () => {
  const cases: [string, string[], unknown, number][] = [
    // GB 11643-1999's own example number, and the same number with a wrong check digit.
    ["ID_VALID", ["11010519491231002X"], true, 0],
    ["ID_VALID", ["11010519491231002x"], true, 0],
    ["ID_VALID", ["１１０１０５１９４９１２３１００２Ｘ"], true, 0],
    ["ID_VALID", ["110105194912310021"], false, 0],
    ["ID_VALID", [""], "", 0],
    ["ID_VALID", ["4.40524E+17"], VALUE_ERROR("身份证号被存为数字，后几位已丢失，请将该列设为文本后重新录入"), 1],
    ["ID_ERROR", ["110105194912310021"], expect.stringContaining("应为 X"), 0],
    ["ID_ERROR", ["11010519491231002X"], "", 0],
    ["ID_ERROR", ["11010519491231"], expect.stringMatching(/位/), 0],
    ["ID_BIRTHDATE", ["11010519491231002X"], SERIAL["1949-12-31"], 0],
    ["ID_BIRTHDATE", ["110105194912310021"], VALUE_ERROR("应为 X"), 1],
    ["ID_GENDER", ["11010519491231002X"], "女", 0],
    ["ID_AGE", ["11010519491231002X", "2026-11-28"], 76, 0],
    ["ID_AGE", ["11010519491231002X", "1999-12-30"], 49, 0],
    ["ID_AGE", ["11010519491231002X"], 76, 0],
    ["ID_REGION", ["11010519491231002X"], "北京市朝阳区", 0],
    ["ID_UPGRADE", ["110105491231002"], "11010519491231002X", 0],
    ["ID_UPGRADE", ["11010519491231002X"], "11010519491231002X", 0],
    ["CARD_VALID", ["6217001234567890122"], true, 0],
    ["CARD_VALID", ["6217 0012 3456 7890 123"], false, 0],
    ["CARD_VALID", ["6.217E+18"], VALUE_ERROR("银行卡号被存为数字"), 1],
    ["CARD_BANK", ["6217001234567890122"], "中国建设银行", 0],
    ["CARD_BANK", ["9999001234567890122"], "", 0],
    ["PHONE_VALID", ["13812345678"], true, 0],
    ["PHONE_VALID", ["+86 138-1234-5678"], true, 0],
    ["PHONE_VALID", ["0731-5551234"], true, 0],
    ["PHONE_VALID", ["12345"], false, 0],
    ["RMB", ["1004.5"], "壹仟零肆元伍角", 0],
    ["RMB", ["1004.5", "TRUE"], "壹仟零肆元伍角整", 0],
    ["RMB", ["1.235"], "壹元贰角肆分", 0],
    ["RMB", ["1,004.50"], "壹仟零肆元伍角", 0],
    ["RMB", ["312.5"], "叁佰壹拾贰元伍角", 0],
    ["RMB", ["abc"], VALUE_ERROR(""), 1],
    // 2026 国庆: 10-01…10-07 off, Saturday 10-10 a make-up working day.
    ["WORKDAY", ["2026-09-30", "5"], SERIAL["2026-10-13"], 0],
    ["WORKDAY", ["46303", "-1"], 46295, 0],
    ["WORKDAY", ["2026-12-28", "5"], VALUE_ERROR("2027年"), 1],
    ["NETWORKDAYS", ["2026-10-01", "2026-10-31"], 18, 0],
    ["NOTICE_END", ["2026-09-28"], SERIAL["2026-10-09"], 0],
    ["NOTICE_END", ["2026-09-28", "5"], SERIAL["2026-10-09"], 0],
    // 0 is how Excel for Windows passes an empty cell: the default of 5 days applies.
    ["NOTICE_END", ["2026-09-28", "0"], SERIAL["2026-10-09"], 0],
    ["NOTICE_END", ["2026-09-28", "-1"], VALUE_ERROR(""), 1],
    ["MASK", ["11010519491231002X"], "110105********002X", 0],
    ["MASK", ["13812345678"], "138****5678", 0],
    ["MASK", ["张三丰"], "张**", 0],
    ["MASK", ["6217001234567890122", "银行卡"], "***************0122", 0],
  ];

  test.each(cases)("%s %j", (name, args, expected, code) => {
    const run = runCli(["fn", name, ...args]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code, stderr: "" });
    expect(jsonOut(run)).toEqual(expected);
  });

  test("the issue's example: ID_ERROR says the check digit should be X, in Chinese", () => {
    const run = runCli(["fn", "ID_ERROR", "110105194912310021"]);
    expect(run.code).toBe(0);
    expect(jsonOut(run)).toMatch(/校验码.*应为 X/);
  });

  test("names are case-insensitive and may carry the namespace", () => {
    expect(jsonOut(runCli(["fn", "zizhu.id_gender", "11010519491231002X"]))).toBe("女");
  });
});

describe("zizhu fn: typing of arguments", () => {
  test("an 18-digit argument arrives as text, a 15-digit one as a number (still exact)", () => {
    // As text the 18-digit number keeps every digit, so the check digit can be judged.
    expect(jsonOut(runCli(["fn", "ID_ERROR", "110105194912310021"]))).toMatch(/应为 X/);
    // 15 digits fit Excel's precision: a legacy ID stored as a number is still intact.
    expect(jsonOut(runCli(["fn", "ID_UPGRADE", "110105491231002"]))).toBe("11010519491231002X");
  });

  test("TRUE/FALSE are booleans", () => {
    expect(jsonOut(runCli(["fn", "RMB", "0.5", "true"]))).toBe("伍角整");
    expect(jsonOut(runCli(["fn", "RMB", "0.5", "FALSE"]))).toBe("伍角");
  });
});

describe("zizhu fn --batch", () => {
  test("one JSON result per line, JSON types explicit; a number-typed 18-digit ID is reported as lost", () => {
    const input = [
      '["11010519491231002X"]',
      "[110105194912310021]",
      "",
      '["110105194912310021"]',
      "not json",
      '[""]',
    ].join("\n");
    const run = runCli(["fn", "ID_ERROR", "--batch", "-"], { input });
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      "",
      "身份证号被存为数字，后几位已丢失，请将该列设为文本后重新录入",
      expect.stringContaining("应为 X"),
      VALUE_ERROR("第 5 行"),
      "",
    ]);
    expect(run.code).toBe(1);
  });

  test("a batch with only good lines exits 0", () => {
    const run = runCli(["fn", "RMB", "--batch", "-"], { input: "[1]\n[10]\n[100000001]\n" });
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(["壹元整", "壹拾元整", "壹亿零壹元整"]);
  });
});

describe("zizhu usage", () => {
  test("--help and --version", () => {
    const help = runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("zizhu fn NAME ARG...");
    const version = runCli(["--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test("unknown function, wrong arity and unknown command exit 2 with a Chinese message", () => {
    const unknown = runCli(["fn", "NOPE", "1"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("没有名为 ZIZHU.NOPE 的函数");
    const arity = runCli(["fn", "ID_GENDER"]);
    expect(arity.code).toBe(2);
    expect(arity.stderr).toContain("需要 1 个参数");
    // An optional second parameter (证件类型): the range is named.
    expect(runCli(["fn", "ID_VALID"]).stderr).toContain("需要 1–2 个参数");
    expect(runCli(["frobnicate"]).code).toBe(2);
  });

  test("a missing batch file is named", () => {
    const run = runCli(["fn", "RMB", "--batch", "/nonexistent/args.jsonl"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("找不到批量参数文件");
  });

  test("--list names every function of functions.json", () => {
    const run = runCli(["fn", "--list"]);
    for (const id of [
      "ID_VALID",
      "ID_ERROR",
      "ID_BIRTHDATE",
      "ID_GENDER",
      "ID_AGE",
      "ID_REGION",
      "ID_UPGRADE",
      "CARD_VALID",
      "CARD_BANK",
      "PHONE_VALID",
      "RMB",
      "WORKDAY",
      "NETWORKDAYS",
      "NOTICE_END",
      "MASK",
    ]) {
      expect(run.stdout).toContain(`ZIZHU.${id}(`);
    }
  });
});
