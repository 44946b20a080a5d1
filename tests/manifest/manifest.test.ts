// The offline manifest check, on the built add-in (npm test builds first) and on broken copies,
// so the check itself is shown to fail when it should.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest, checkFunctionsJson, type ManifestFacts } from "../../src/manifest/check";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const BASE = "https://localhost:3000/";

function pngSize(relativePath: string): { width: number; height: number } | null {
  const file = join(DIST, relativePath);
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  if (buf.toString("ascii", 1, 4) !== "PNG") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function facts(xml: string, functionsJson = readFileSync(join(DIST, "functions.json"), "utf8")): ManifestFacts {
  return { xml, baseUrl: BASE, emitted: (p) => p !== "" && existsSync(join(DIST, p)), pngSize, functionsJson };
}

const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");

test("the built manifest passes every offline check", () => {
  expect(checkManifest(facts(readFileSync(join(DIST, "manifest.xml"), "utf8")))).toEqual([]);
});

test("the build copies manifest.xml unchanged when no base URL is set", () => {
  expect(readFileSync(join(DIST, "manifest.xml"), "utf8")).toBe(source);
});

test("the ribbon has a 资助助手 tab with every command of the plan", () => {
  for (const label of [
    "资助助手",
    "一键校验",
    "格式化花名册",
    "生成汇总表",
    "生成公示表",
    "生成申请表",
    "报送前检查",
  ]) {
    expect(source).toContain(`DefaultValue="${label}"`);
  }
  for (const fn of ["validate", "formatRoster", "buildSummary", "buildNotice", "buildForms", "preSubmitCheck"]) {
    expect(source).toContain(`<FunctionName>${fn}</FunctionName>`);
  }
});

describe("the check finds what is broken", () => {
  test.each<[string, (xml: string) => string, string]>([
    ["malformed XML", (x) => x.replace("</OfficeApp>", ""), "不是合法的 XML"],
    ["an undefined resid", (x) => x.replace('resid="Tab.Label"', 'resid="Tab.Missing"'), "resid 未定义：Tab.Missing"],
    [
      "a resid over 32 characters",
      (x) => x.split("Functions.Metadata.Url").join("Functions.Metadata.Url.Is.Far.Too.Long"),
      "超过 32 个字符",
    ],
    [
      "a URL to a file the build does not emit",
      (x) => x.replace("assets/seal-80.png", "assets/nope-80.png"),
      "构建中不存在",
    ],
    ["an icon of the wrong size", (x) => x.replace("assets/seal-80.png", "assets/seal-32.png"), "应为 80×80"],
    [
      "a foreign app domain",
      (x) => x.replace("<AppDomain>https://localhost:3000</AppDomain>", "<AppDomain>https://example.com</AppDomain>"),
      "AppDomain 超出",
    ],
    ["no shared runtime", (x) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1" />', ""), "SharedRuntime"],
    [
      "a string without English",
      (x) => x.replace('<bt:Override Locale="en-US" Value="Zizhu" />', ""),
      "缺少 en-US 译文：Tab.Label",
    ],
    [
      "read-only permission",
      (x) => x.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"),
      "ReadWriteDocument",
    ],
  ])("%s", (_name, breakIt, expected) => {
    const problems = checkManifest(facts(breakIt(source)));
    expect(problems.join("\n")).toContain(expected);
  });

  test("functions.json: duplicate, lower-case and empty", () => {
    const fn = (id: string) => ({ id, name: id });
    expect(checkFunctionsJson(JSON.stringify({ functions: [fn("A"), fn("A")] }))).toContain("函数 id 重复：A");
    expect(checkFunctionsJson(JSON.stringify({ functions: [fn("id_valid")] })).join()).toContain("大写");
    expect(checkFunctionsJson(JSON.stringify({ functions: [] }))).toContain("functions.json 中没有函数");
    expect(checkFunctionsJson("{")).toEqual(["functions.json 不是合法的 JSON"]);
  });
});

test("every function in functions.json is associated in the bundle Excel loads, and in the CLI's", () => {
  const ids = (
    JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] }
  ).functions.map((f) => f.id);
  expect([...ids].sort()).toEqual(
    [
      ["ID_VALID", "ID_ERROR", "ID_BIRTHDATE", "ID_GENDER", "ID_AGE", "ID_REGION", "ID_UPGRADE"],
      ["CARD_VALID", "CARD_BANK", "PHONE_VALID", "MASK", "RMB", "WORKDAY", "NETWORKDAYS", "NOTICE_END"],
      ["AMOUNT", "ELIGIBLE", "WHY", "QUOTA", "PROGRAMS"],
      ["RANK_IN", "RANK_CHANGE", "PROGRESS_AWARD"],
    ]
      .flat()
      .sort(),
  );
  for (const bundle of ["functions.js", "cli/zizhu.cjs"]) {
    const code = readFileSync(join(DIST, bundle), "utf8");
    for (const id of ids) expect(code).toContain(`associate("${id}"`);
  }
  expect(readFileSync(join(DIST, "cli", "functions.json"), "utf8")).toBe(
    readFileSync(join(DIST, "functions.json"), "utf8"),
  );
});
