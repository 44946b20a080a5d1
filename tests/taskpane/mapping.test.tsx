/** @jest-environment jsdom */
import "./setup";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../taskpane/App";
import { provideContext } from "../../functions/context";
import type { CellValue } from "../../src/core/grid/types";
import type { ColumnOverrides } from "../../src/core/roster/detect";
import { fileHost, officeHost, ok, workbook } from "./fakes";

beforeAll(() => provideContext({ today: () => ({ y: 2026, m: 11, d: 28 }) }));

// 爸妈号码 names no field: the phone number under it is not checked until it is mapped.
const ROWS: CellValue[][] = [
  ["姓名", "身份证号", "爸妈号码", "资助项目"],
  ["张三", "110105194912310021", "1380013800", "一补"],
];

function mappingSelect(col: string): HTMLSelectElement {
  return within(screen.getByTestId("header-mapping")).getByTestId(`mapping-${col}`) as HTMLSelectElement;
}

async function checkNow(): Promise<void> {
  fireEvent.click(screen.getByTestId("run-check"));
  await screen.findByTestId("results");
}

test("mapping an unknown column to 联系电话 and checking again checks it as a phone", async () => {
  const host = officeHost(() => Promise.resolve(ok(workbook(ROWS))));
  render(<App host={host} locale="zh-CN" listHeight={400} />);
  await checkNow();
  expect(screen.getByTestId("by-rule").textContent).not.toContain("phone.format");
  const select = mappingSelect("C");
  expect(select.value).toBe("__unknown");
  expect(screen.getByTestId("mapping-row-C").className).not.toBe(screen.getByTestId("mapping-row-A").className);

  fireEvent.change(select, { target: { value: "phone" } });
  expect(mappingSelect("C").value).toBe("phone");
  expect(screen.getByTestId("mapping-edited")).toBeTruthy();
  await checkNow();
  expect(screen.getByTestId("by-rule").textContent).toContain("电话号码格式错误 (phone.format)1");
  expect(screen.queryByTestId("mapping-edited")).toBeNull();
  expect(mappingSelect("C").value).toBe("phone");
  expect(within(mappingSelect("C")).getByRole("option", { name: "联系电话" })).toBeTruthy();
});

test("记住此映射 hands the sheet and its overrides to the host, and shows its status line", async () => {
  const host = officeHost(() => Promise.resolve(ok(workbook(ROWS))));
  const save = jest.fn((_sheet: string, _o: ColumnOverrides) => Promise.resolve("已在工作簿中记住列对应关系"));
  host.saveColumnOverrides = save;
  render(<App host={host} locale="zh-CN" listHeight={400} />);
  await checkNow();
  fireEvent.change(mappingSelect("C"), { target: { value: "phone" } });
  fireEvent.change(mappingSelect("D"), { target: { value: "__ignore" } });
  fireEvent.click(screen.getByRole("button", { name: "记住此映射" }));
  expect((await screen.findByTestId("mapping-status")).textContent).toBe("已在工作簿中记住列对应关系");
  expect(save).toHaveBeenCalledWith("花名册", { 2: "phone", 3: null });
});

test("overrides remembered in the host pre-fill the mapping when a sheet is read", async () => {
  const host = fileHost(() => Promise.resolve(ok(workbook(ROWS), "花名册.xlsx")));
  const load = jest.fn((_sheet: string) => Promise.resolve<ColumnOverrides>({ 2: "phone", 3: null }));
  host.loadColumnOverrides = load;
  render(<App host={host} locale="zh-CN" listHeight={400} />);
  fireEvent.click(screen.getByTestId("load-sample"));
  await within(await screen.findByTestId("header-mapping")).findByTestId("mapping-C");
  expect(load).toHaveBeenCalledWith("花名册");
  expect(mappingSelect("C").value).toBe("phone");
  expect(mappingSelect("D").value).toBe("__ignore");
  expect(mappingSelect("A").value).toBe("name");
  await checkNow();
  expect(screen.getByTestId("by-rule").textContent).toContain("phone.format");
  expect(load).toHaveBeenCalledTimes(1);
});

test("without the host methods the mapping is still editable, with no 记住此映射 button", async () => {
  const host = officeHost(() => Promise.resolve(ok(workbook(ROWS))));
  render(<App host={host} locale="zh-CN" listHeight={400} />);
  await checkNow();
  expect(screen.queryByTestId("mapping-remember")).toBeNull();
  fireEvent.change(mappingSelect("C"), { target: { value: "phone" } });
  expect(mappingSelect("C").value).toBe("phone");
});
