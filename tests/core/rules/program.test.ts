// Which program a sheet is checked against, and the three codes that say so.
import type { Finding } from "../../../src/core/findings/types";
import { makeGrid, type CellValue } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import { detectRoster } from "../../../src/core/roster/detect";
import { programFromTitle, rowProgram, sheetProgram } from "../../../src/core/rules/program";

const pack = seedPack();

function run(rows: CellValue[][], given?: string, name = "Sheet1") {
  const grid = makeGrid(name, rows);
  const d = detectRoster(grid);
  if (!d.ok) throw new Error("no roster");
  const out: Finding[] = [];
  const program = sheetProgram(grid, d.value, pack, given, out);
  return { program: program?.code ?? null, codes: out.map((f) => f.rule), out, layout: d.value };
}

const plain = [
  ["姓名", "身份证号", "学段"],
  ["张三", "110105200901011234", "小学"],
];

test.each([
  ["no program column, title or option", plain, undefined, "Sheet1", null, ["policy.no-program"]],
  ["--program names a known program", plain, "一补", "Sheet1", "yibu", []],
  ["--program names no program of the pack", plain, "不存在", "Sheet1", null, ["policy.unknown-program"]],
  ["the sheet's name names the program", plain, undefined, "一补花名册", "yibu", ["policy.program-inferred"]],
  [
    "a 资助项目 column: each row says its own",
    [
      ["姓名", "身份证号", "资助项目"],
      ["张三", "110105200901011234", "一补"],
    ],
    undefined,
    "Sheet1",
    null,
    [],
  ],
] as const)("%s", (_what, rows, given, name, program, codes) => {
  const r = run(rows as unknown as CellValue[][], given, name);
  expect(r.program).toBe(program);
  expect(r.codes).toEqual(codes);
});

test("policy.program-inferred names the program and where it was read", () => {
  const { out } = run(plain, undefined, "一补花名册");
  expect(out[0]?.data).toEqual({ program: pack.programs.find((p) => p.code === "yibu")?.name, from: "一补花名册" });
});

test("programFromTitle takes the longest name or alias found", () => {
  expect(programFromTitle(pack, "2026年秋季学期普通高中国家助学金花名册")?.code).toBe(
    programFromTitle(pack, "普通高中国家助学金")?.code,
  );
  expect(programFromTitle(pack, "花名册")).toBeNull();
});

test("rowProgram reports an unknown name once per sheet", () => {
  const { layout } = run([
    ["姓名", "身份证号", "资助项目"],
    ["张三", "110105200901011234", "某项目"],
  ]);
  const out: Finding[] = [];
  const unknown = new Set<string>();
  expect(rowProgram("表", 1, layout, pack, "某项目", unknown, out)).toBeNull();
  expect(rowProgram("表", 2, layout, pack, "某项目", unknown, out)).toBeNull();
  expect(out.map((f) => `${f.rule}@${f.row}:${f.col}`)).toEqual(["policy.unknown-program@1:2"]);
});
