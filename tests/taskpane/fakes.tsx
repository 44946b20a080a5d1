// A fake PaneHost for the pane's component tests: records what the pane asked of it.
import { makeGrid, type CellValue, type WorkbookData } from "../../src/core/grid/types";
import type { Issue, Report } from "../../src/core/report/types";
import type { FileHost, PaneHost, ReadResult } from "../../src/adapters/pane-host";
import { functionsContext, provideImportedYears } from "../../functions/context";

export const ROSTER_ROWS: CellValue[][] = [
  ["姓名", "性别", "身份证号", "资助项目", "联系电话", "备注"],
  ["张三", "男", "110105194912310021", "一补", "13800138000", ""],
  ["李四", "女", "11010519491231002X", "一补", "", "电话 13912345678"],
];

export function workbook(rows: CellValue[][] = ROSTER_ROWS, name = "花名册"): WorkbookData {
  return { sheets: [makeGrid(name, rows)], properties: {} };
}

export function ok(wb: WorkbookData = workbook(), source = "花名册.xlsx"): ReadResult {
  return { ok: true, workbook: wb, source, format: "xlsx" };
}

export interface OfficeFake extends PaneHost {
  reveal: jest.Mock<Promise<void>, [Issue]>;
  highlight: jest.Mock<Promise<string>, [readonly Issue[]]>;
  clearHighlight: jest.Mock<Promise<string>, []>;
  exportResults: jest.Mock<Promise<string>, [Report]>;
  saveMaskedCopy: jest.Mock<Promise<string>, [WorkbookData, string]>;
}

export function officeHost(read: () => Promise<ReadResult> = () => Promise.resolve(ok())): OfficeFake {
  return {
    mode: "office",
    context: functionsContext,
    provideCalendar: provideImportedYears,
    read: jest.fn(read),
    reveal: jest.fn((_issue: Issue) => Promise.resolve()),
    highlight: jest.fn((issues: readonly Issue[]) => Promise.resolve(`已标出 ${issues.length} 个单元格`)),
    clearHighlight: jest.fn(() => Promise.resolve("已清除标记")),
    exportResults: jest.fn((_report: Report) => Promise.resolve("已新建“校验结果”工作表")),
    saveMaskedCopy: jest.fn((_wb: WorkbookData, _name: string) => Promise.resolve("已生成脱敏副本")),
  };
}

/** A standalone host without downloads: the file is whatever loadSample/openFile was given. */
export function fileHost(sample: () => Promise<ReadResult> = () => Promise.resolve(ok())): FileHost & {
  exportResults: jest.Mock<Promise<string>, [Report]>;
} {
  let current: ReadResult = { ok: false, message: "请先选择或拖入一个花名册文件（.xlsx 或 .csv）。" };
  return {
    mode: "standalone",
    context: functionsContext,
    provideCalendar: provideImportedYears,
    openFile: jest.fn(),
    loadSample: jest.fn(async () => {
      current = await sample();
      return current;
    }),
    read: jest.fn(() => Promise.resolve(current)),
    exportResults: jest.fn((_report: Report) => Promise.resolve("已下载")),
  };
}

/** A promise the test settles by hand, to look at the pane while the host is still working. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
