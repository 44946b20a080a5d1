/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { Fixes } from "../../taskpane/check/Fixes";
import { checkWorkbook } from "../../src/core/check/check";
import { seedPack } from "../../src/core/policy";
import { planFixes, type Fix } from "../../src/core/fixes/plan";
import type { CellValue, WorkbookData } from "../../src/core/grid/types";
import { stringsFor } from "../../taskpane/strings";
import type { PaneHost } from "../../src/adapters/pane-host";
import { fileHost, officeHost, workbook } from "./fakes";

const TODAY = { y: 2026, m: 11, d: 28 };
const pack = seedPack();
const s = stringsFor("zh-CN");

const ROWS: CellValue[][] = [
  ["姓名", "身份证号", "学段", "是否寄宿", "资助项目", "资助金额", "银行卡号"],
  [" 张三", "110105201405010012", "小学", "是", "一补", 400, 6222021234567890000],
  ["李四", "１１０１０５２０１３０３０２００２２", "初中", "否", "一补", 312.5, "6222021234567890128"],
];

function renderFixes(host: PaneHost, rows: CellValue[][] = ROWS) {
  const wb: WorkbookData = workbook(rows);
  const options = { pack, today: TODAY };
  const { report, layout, sheet } = checkWorkbook(wb, options);
  const grid = wb.sheets.find((g) => g.name === sheet);
  if (!layout || !grid) throw new Error("no roster");
  // The engine plans the fixes with the check; the component shows the plan it is given.
  const plan = planFixes(grid, layout, report, options);
  render(<Fixes plan={plan} workbook={wb} host={host} strings={s} />);
  return wb;
}

function withApply<T extends PaneHost>(host: T) {
  const applyFixes = jest.fn((_fixes: readonly Fix[], _wb: WorkbookData) => Promise.resolve("已修改"));
  return Object.assign(host, { applyFixes });
}

test("groups with counts, a masked preview and the unfixable list with its reason", () => {
  renderFixes(withApply(officeHost()));
  expect(screen.getByTestId("fix-group-trim").textContent).toContain("去除多余空格 1 处");
  expect(screen.getByTestId("fix-group-half-width").textContent).toContain("全角转半角 1 处");
  expect(screen.getByTestId("fix-group-amount").textContent).toContain("按标准填写金额 1 处");
  expect(screen.getByTestId("fix-group-text-format").textContent).toContain("设为文本格式 2 列");
  const preview = screen.getByTestId("fix-preview-half-width").textContent ?? "";
  expect(preview).toContain("B3");
  expect(preview).toContain("110105********0022");
  expect(preview).not.toContain("20130302");
  expect(screen.getByTestId("fix-preview-trim").textContent).toContain("“ 张*” → “张*”");
  expect(screen.getByTestId("fix-preview-amount").textContent).toContain("“400” → “500”");
  const unfixable = screen.getByTestId("fix-unfixable").textContent ?? "";
  expect(unfixable).toContain("G2");
  expect(unfixable).toContain("已丢失末几位，无法修复");
});

test("confirming in Office calls applyFixes with exactly the selected groups", async () => {
  const host = withApply(officeHost());
  const wb = renderFixes(host);
  fireEvent.click(screen.getByTestId("fix-check-text-format"));
  fireEvent.click(screen.getByTestId("fix-check-trim"));
  fireEvent.click(screen.getByTestId("fix-apply"));
  const dialog = await screen.findByTestId("fix-confirm");
  expect(dialog.textContent).toContain("将修改 2 个单元格");
  expect(dialog.textContent).toContain("可用 Excel 的撤销恢复");
  expect(host.applyFixes).not.toHaveBeenCalled();
  await act(async () => {
    fireEvent.click(within(dialog).getByTestId("fix-confirm-ok"));
  });
  expect(host.applyFixes).toHaveBeenCalledTimes(1);
  const [fixes, passed] = host.applyFixes.mock.calls[0] ?? [[], null];
  expect(fixes.map((f) => `${f.kind}@${f.kind === "text-format" ? f.column : f.cell}`)).toEqual([
    "amount@F2",
    "half-width@B3",
  ]);
  expect(passed).toBe(wb);
  expect((await screen.findByTestId("fix-status")).textContent).toContain("建议重新校验");
  expect((screen.getByTestId("fix-apply") as HTMLButtonElement).disabled).toBe(true);
});

test("standalone: the dialog says a new file is downloaded", async () => {
  const host = withApply(fileHost());
  renderFixes(host);
  fireEvent.click(screen.getByTestId("fix-apply"));
  const dialog = await screen.findByTestId("fix-confirm");
  expect(dialog.textContent).toContain("将下载修改后的新文件");
  expect(dialog.textContent).toContain("原文件不变");
  await act(async () => {
    fireEvent.click(within(dialog).getByTestId("fix-confirm-ok"));
  });
  expect(host.applyFixes.mock.calls[0]?.[0]).toHaveLength(5);
  expect((await screen.findByTestId("fix-status")).textContent).toBe("已修改");
});

test("cancelling calls nothing", async () => {
  const host = withApply(officeHost());
  renderFixes(host);
  fireEvent.click(screen.getByTestId("fix-apply"));
  const dialog = await screen.findByTestId("fix-confirm");
  await act(async () => {
    fireEvent.click(within(dialog).getByTestId("fix-confirm-cancel"));
  });
  expect(host.applyFixes).not.toHaveBeenCalled();
  expect(screen.queryByTestId("fix-status")).toBeNull();
});

test("nothing to fix or explain: nothing shown", () => {
  const rows: CellValue[][] = [
    ["姓名", "学段", "是否寄宿", "资助项目", "资助金额"],
    ["张三", "小学", "是", "一补", 500],
  ];
  renderFixes(withApply(officeHost()), rows);
  expect(screen.queryByTestId("fixes")).toBeNull();
});
