// What a batch file tells the county about 帮联 coverage: its roster's 建档立卡 students (by valid
// ID) and the IDs its ledgers pair — a pair without an ID covering its student by name within the
// same file, as the file's own check does.
import { makeGrid } from "../../../src/core/grid/types";
import { fileCoverage } from "../../../src/core/pairing/coverage";
import { seedPack } from "../../../src/core/policy";
import { kid, sheet } from "../rules/cases/fixtures";

const TODAY = { y: 2026, m: 11, d: 28 };
const roster = makeGrid(
  "资助花名册",
  sheet(
    ["序号", "姓名", "身份证号", "学校", "困难类型"],
    [1, 2, 3].map((n) => ({
      姓名: `学生${n}`,
      身份证号: kid(n),
      学校: "某某小学",
      困难类型: n === 3 ? "低保" : "建档立卡",
    })),
    { title: "2026年秋季学期资助花名册" },
  ),
);

test("needed: the valid IDs of the 建档立卡 students; paired: by ID, or by name where the ledger has no ID", () => {
  const ledger = makeGrid(
    "帮联台账",
    sheet(
      ["序号", "帮扶人", "工作单位", "帮扶对象", "身份证号"],
      [
        { 帮扶人: "干部1", 工作单位: "镇政府", 帮扶对象: "学生1", 身份证号: kid(1) },
        { 帮扶人: "干部2", 工作单位: "镇政府", 帮扶对象: "学生2", 身份证号: null },
      ],
      { title: "2026年度帮联台账" },
    ),
  );
  const c = fileCoverage({ sheets: [roster, ledger], properties: {} }, seedPack(), TODAY);
  expect(c.hasLedger).toBe(true);
  expect(c.needed.map((n) => [n.id18, n.sheet, n.row])).toEqual([
    [kid(1), "资助花名册", 2],
    [kid(2), "资助花名册", 3],
  ]);
  expect(new Set(c.paired)).toEqual(new Set([kid(1), kid(2)]));
  expect(c.plan?.name).toBe("县乡干部帮联建档立卡贫困户学生");
});

test("a roster alone: students to cover, nobody paired, no ledger", () => {
  const c = fileCoverage({ sheets: [roster], properties: {} }, seedPack(), TODAY);
  expect(c).toEqual(expect.objectContaining({ hasLedger: false, paired: [] }));
  expect(c.needed).toHaveLength(2);
});
