/** A 公示表 is published whole: personal data in its document properties or other sheets is an error there. */
import { checkWorkbook } from "../../../src/core/check/check";
import { makeGrid, type WorkbookData } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";

const TODAY = { y: 2026, m: 11, d: 28 };

function workbook(kind: "notice" | "roster"): WorkbookData {
  const title = kind === "notice" ? "2026年秋季学期一补资助公示表" : "2026年秋季学期一补资助花名册";
  const rows = [
    [title],
    ["序号", "姓名", "学校", "资助项目", "金额"],
    [1, "张三", "第一中学", "一补", 625],
    [2, "李四", "第一中学", "一补", 625],
  ];
  return {
    sheets: [makeGrid(kind === "notice" ? "公示表" : "花名册", rows), makeGrid("备用", [["联系电话", "13812345678"]])],
    properties: { 联系电话: "13912345678" },
  };
}

test.each([
  ["notice", "error"],
  ["roster", "warning"],
] as const)("on a %s, a phone in a document property or another sheet gives %s", (kind, severity) => {
  const { report } = checkWorkbook(workbook(kind), { pack: seedPack(), today: TODAY });
  const phones = report.issues.filter((i) => i.rule === "privacy.phone");
  expect(phones.length).toBe(2);
  for (const p of phones) expect(p.severity).toBe(severity);
});
