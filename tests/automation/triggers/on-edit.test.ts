// The on-edit trigger against a fake EditSource: debounce, batching per sheet, "whole sheet",
// the add-in's own writes and sheets, and stop().
import {
  isOwnSheet,
  startEditTrigger,
  type EditSource,
  type SheetEdit,
} from "../../../src/automation/triggers/on-edit";

function fakeSource(): { source: EditSource; edit: (e: SheetEdit) => void; stopped: () => boolean } {
  let deliver: ((e: SheetEdit) => void) | undefined;
  let stopped = false;
  return {
    source: {
      listen(onEdit) {
        deliver = onEdit;
        return Promise.resolve(() => {
          stopped = true;
          return Promise.resolve();
        });
      },
    },
    edit: (e) => deliver?.(e),
    stopped: () => stopped,
  };
}

const user = (sheet: string, rows: number[]): SheetEdit => ({ sheet, rows, byAddin: false });

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("startEditTrigger", () => {
  test("one report per quiet period, rows merged and sorted, per sheet", async () => {
    const { source, edit } = fakeSource();
    const calls: [string, number[]][] = [];
    await startEditTrigger(source, (sheet, rows) => calls.push([sheet, rows]));
    edit(user("花名册", [9]));
    jest.advanceTimersByTime(300);
    edit(user("花名册", [5, 6, 9]));
    edit(user("Sheet2", [2]));
    jest.advanceTimersByTime(599);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(calls).toEqual([
      ["花名册", [5, 6, 9]],
      ["Sheet2", [2]],
    ]);
  });

  test("a whole-sheet change stays whole until reported", async () => {
    const { source, edit } = fakeSource();
    const calls: [string, number[]][] = [];
    await startEditTrigger(source, (sheet, rows) => calls.push([sheet, rows]), { debounceMs: 100 });
    edit(user("花名册", [4]));
    edit(user("花名册", []));
    edit(user("花名册", [5]));
    jest.advanceTimersByTime(100);
    expect(calls).toEqual([["花名册", []]]);
  });

  test("the add-in's own writes and its own sheets are not reported", async () => {
    const { source, edit } = fakeSource();
    const calls: unknown[] = [];
    await startEditTrigger(source, (sheet, rows) => calls.push([sheet, rows]), { debounceMs: 100 });
    edit({ sheet: "花名册", rows: [3], byAddin: true });
    edit(user("校验结果", [2]));
    edit(user("公示表 (2)", [2]));
    jest.advanceTimersByTime(100);
    expect(calls).toEqual([]);
  });

  test("stop() drops a pending report and stops the source", async () => {
    const { source, edit, stopped } = fakeSource();
    const calls: unknown[] = [];
    const stop = await startEditTrigger(source, (sheet, rows) => calls.push([sheet, rows]));
    edit(user("花名册", [9]));
    await stop();
    edit(user("花名册", [10]));
    jest.advanceTimersByTime(1000);
    expect(calls).toEqual([]);
    expect(stopped()).toBe(true);
  });
});

test.each([
  ["校验结果", true],
  ["校验结果 (2)", true],
  ["花名册（格式化）", true],
  ["汇总表", true],
  ["校验凭证", true],
  ["花名册", false],
  ["汇总", false],
])("isOwnSheet(%s) = %s", (sheet, own) => {
  expect(isOwnSheet(sheet)).toBe(own);
});
