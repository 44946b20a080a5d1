import { ISSUES_SHEET } from "../../../src/adapters/office/export";
import { MASKED_PREFIX } from "../../../src/adapters/office/masked-copy";
import { ISSUES_SHEET_NAME as XLSX_ISSUES_SHEET } from "../../../src/adapters/xlsx/write-report";
import { seedPack } from "../../../src/core/policy";
import { ISSUES_SHEET_NAME, MASKED_SHEET_PREFIX, isGeneratedSheetName } from "../../../src/core/commands/generated";
import { buildRosterSheet } from "../../../src/core/sheets/roster-sheet";
import { findRosterSource } from "../../../src/core/sheets/source";
import { makeGrid } from "../../../src/core/grid/types";

describe("isGeneratedSheetName", () => {
  test.each<[string, boolean]>([
    ["花名册（格式化）", true],
    ["花名册（格式化） (2)", true],
    ["汇总表", true],
    ["汇总表 (3)", true],
    ["公示表", true],
    ["申请表 (2)", true],
    ["报送数据", true],
    ["校验结果", true],
    ["校验结果 (12)", true],
    ["校验凭证", true],
    ["脱敏副本-一补花名册", true],
    ["脱敏副本-一补花名册 (2)", true],
    [" 汇总表 ", true],
    ["一补花名册", false],
    ["花名册", false],
    ["Sheet1", false],
    ["申请表模板", false],
    ["2026年汇总表", false],
    ["汇总表（学校）", false],
    ["花名册 (2)", false],
  ])("%s → %s", (name, generated) => {
    expect(isGeneratedSheetName(name)).toBe(generated);
  });

  test("knows the names the adapters give their sheets", () => {
    expect(ISSUES_SHEET_NAME).toBe(ISSUES_SHEET);
    expect(ISSUES_SHEET_NAME).toBe(XLSX_ISSUES_SHEET);
    expect(MASKED_SHEET_PREFIX).toBe(MASKED_PREFIX);
  });

  test("knows the name a builder actually gives", () => {
    const grid = makeGrid("花名册", [
      ["序号", "姓名", "身份证号", "资助项目", "补助金额（元）"],
      [1, "张三", "110105194912310021", "一补", 500],
    ]);
    const source = findRosterSource({ sheets: [grid], properties: {} }, {});
    if (!source.ok) throw new Error(source.problem.code);
    const built = buildRosterSheet(source.value, { pack: seedPack(), today: { y: 2026, m: 11, d: 28 } });
    if (!built.ok) throw new Error(built.problem.message);
    expect(isGeneratedSheetName(built.value.spec.name)).toBe(true);
  });
});
