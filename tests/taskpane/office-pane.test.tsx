/** @jest-environment jsdom */
import "./setup";
import { fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../taskpane/App";
import { provideContext } from "../../functions/context";
import { makeGrid } from "../../src/core/grid/types";
import { ROSTER_ROWS, officeHost, ok } from "./fakes";
import type { ReadResult } from "../../src/adapters/pane-host";

beforeAll(() => provideContext({ today: () => ({ y: 2026, m: 11, d: 28 }) }));

test("隐私 scans the whole workbook through readAll when the host has it, and shows its note", async () => {
  const whole = {
    sheets: [
      makeGrid("花名册", ROSTER_ROWS),
      { ...makeGrid("底稿", [["电话 13912345678"]]), state: "veryHidden" as const },
    ],
    properties: {},
  };
  const host = Object.assign(officeHost(), {
    readAll: jest.fn((): Promise<ReadResult> =>
      Promise.resolve({ ...ok(whole, "整个工作簿"), note: "工作表“大表”未扫描。" }),
    ),
  });
  render(<App host={host} locale="zh-CN" listHeight={400} />);
  fireEvent.click(screen.getByRole("tab", { name: "隐私" }));
  fireEvent.click(screen.getByTestId("privacy-scan"));
  await screen.findByTestId("privacy-summary");
  expect(host.readAll).toHaveBeenCalledTimes(1);
  expect(host.read).not.toHaveBeenCalled();
  expect(screen.getByTestId("privacy-status").textContent).toBe("工作表“大表”未扫描。");
  expect(screen.getByTestId("privacy-list").textContent).toContain("底稿");
});

test("the 校验范围 select is shown only when the host can set a scope, and calls setScope", () => {
  const plain = render(<App host={officeHost()} locale="zh-CN" listHeight={400} />);
  expect(screen.queryByTestId("opt-scope")).toBeNull();
  plain.unmount();

  const host = Object.assign(officeHost(), { setScope: jest.fn() });
  render(<App host={host} locale="zh-CN" listHeight={400} />);
  const select = screen.getByTestId("opt-scope") as HTMLSelectElement;
  expect(select.value).toBe("active-sheet");
  expect(Array.from(select.options).map((o) => o.textContent)).toEqual(["整张工作表", "选中区域"]);
  fireEvent.change(select, { target: { value: "selection" } });
  expect(host.setScope).toHaveBeenLastCalledWith("selection");
  expect(select.value).toBe("selection");
  fireEvent.change(select, { target: { value: "active-sheet" } });
  expect(host.setScope).toHaveBeenLastCalledWith("active-sheet");
});
