/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../taskpane/App";
import { provideContext } from "../../functions/context";
import { deferred, fileHost, officeHost, ok, workbook } from "./fakes";
import type { ReadResult } from "../../src/adapters/pane-host";

beforeAll(() => provideContext({ today: () => ({ y: 2026, m: 11, d: 28 }) }));

function renderPane(host: Parameters<typeof App>[0]["host"]) {
  return render(<App host={host} locale="zh-CN" listHeight={400} />);
}

async function checkNow(): Promise<void> {
  fireEvent.click(screen.getByTestId("run-check"));
  await screen.findByTestId("results");
}

describe("empty", () => {
  test("standalone: instructions, a file picker, the sample button, and Check disabled until a file is read", () => {
    renderPane(fileHost());
    expect(screen.getByTestId("empty").textContent).toContain("选择或拖入一个花名册");
    expect(screen.getByRole("button", { name: "载入示例花名册" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "选择花名册文件" })).toBeTruthy();
    expect((screen.getByTestId("run-check") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("mode").textContent).toContain("独立页面");
  });

  test("office: 校验当前工作表, no file picker", () => {
    renderPane(officeHost());
    expect(screen.getByTestId("run-check").textContent).toBe("校验当前工作表");
    expect(screen.queryByTestId("drop-zone")).toBeNull();
    expect(screen.getByTestId("empty").textContent).toContain("校验当前工作表");
  });
});

test("loading the sample shows the header mapping, unknown columns marked 未识别", async () => {
  const rows = [
    ["姓名", "身份证号", "喜欢的颜色"],
    ["张三", "11010519491231002X", "蓝"],
  ];
  const host = fileHost(() => Promise.resolve(ok(workbook(rows), "示例.xlsx")));
  renderPane(host);
  fireEvent.click(screen.getByTestId("load-sample"));
  const mapping = await screen.findByTestId("header-mapping");
  const text = mapping.textContent ?? "";
  expect(text).toContain("身份证号");
  expect(text).toContain("喜欢的颜色");
  expect(text).toContain("未识别");
  expect(screen.getByTestId("loaded").textContent).toContain("示例.xlsx");
  expect((screen.getByTestId("run-check") as HTMLButtonElement).disabled).toBe(false);
});

test("a dropped file goes to the host, which reads it", async () => {
  const host = fileHost();
  host.read = jest.fn(() => Promise.resolve(ok(workbook(), "拖入的.xlsx")));
  renderPane(host);
  const file = new File([new Uint8Array([1, 2, 3])], "拖入的.xlsx");
  fireEvent.drop(screen.getByTestId("drop-zone"), { dataTransfer: { files: [file] } });
  expect((await screen.findByTestId("loaded")).textContent).toContain("拖入的.xlsx");
  expect(host.openFile).toHaveBeenCalledWith("拖入的.xlsx", new Uint8Array([1, 2, 3]));
});

test("running: a Spinner, and the Check button disabled until the host has read the sheet", async () => {
  const read = deferred<ReadResult>();
  const host = officeHost(() => read.promise);
  renderPane(host);
  fireEvent.click(screen.getByTestId("run-check"));
  expect(screen.getByTestId("spinner").textContent).toContain("正在校验");
  expect((screen.getByTestId("run-check") as HTMLButtonElement).disabled).toBe(true);
  await act(async () => read.resolve(ok()));
  await screen.findByTestId("results");
  expect(screen.queryByTestId("spinner")).toBeNull();
  expect((screen.getByTestId("run-check") as HTMLButtonElement).disabled).toBe(false);
});

describe("results", () => {
  test("counts by severity and by rule, and rows with Chinese messages", async () => {
    renderPane(officeHost());
    await checkNow();
    expect(screen.getByTestId("count-error").textContent).toBe("错误 1");
    expect(screen.getByTestId("count-warning").textContent).toBe("警告 1");
    expect(screen.getByTestId("count-info").textContent).toBe("提示 3");
    const byRule = screen.getByTestId("by-rule").textContent ?? "";
    expect(byRule).toContain("身份证号校验码错误 (id.checksum)1");
    expect(byRule).toContain("(field.column-missing)3");
    const rows = screen.getAllByTestId("issue-row");
    expect(rows).toHaveLength(5);
    const checksum = rows.find((r) => r.textContent?.includes("花名册!C2"));
    expect(checksum?.textContent).toContain("校验码错误");
    // Values are masked: no full ID number on screen.
    expect(screen.getByTestId("issue-list").textContent).not.toMatch(/\d{11,}/);
  });

  test("the filter narrows the list by severity, by rule and by text", async () => {
    renderPane(officeHost());
    await checkNow();
    fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "error" } });
    expect(screen.getAllByTestId("issue-row")).toHaveLength(1);
    expect(screen.getByTestId("shown").textContent).toBe("显示 1 / 5 条");
    fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "all" } });
    fireEvent.change(screen.getByTestId("filter-rule"), { target: { value: "field.column-missing" } });
    expect(screen.getAllByTestId("issue-row")).toHaveLength(3);
    fireEvent.change(screen.getByTestId("filter-rule"), { target: { value: "" } });
    fireEvent.change(screen.getByTestId("filter-text"), { target: { value: "电话" } });
    await screen.findByText("显示 1 / 5 条");
    expect(screen.getByTestId("issue-row").textContent).toContain("含有电话号码");
  });

  test("clicking a row calls host.reveal with that issue", async () => {
    const host = officeHost();
    renderPane(host);
    await checkNow();
    const row = screen.getAllByTestId("issue-row").find((r) => r.textContent?.includes("C2"));
    await act(async () => fireEvent.click(row as HTMLElement));
    expect(host.reveal).toHaveBeenCalledTimes(1);
    expect(host.reveal.mock.calls[0]?.[0]).toMatchObject({ rule: "id.checksum", cell: "C2", sheet: "花名册" });
  });

  test("标出问题单元格 / 清除标记 / 导出校验结果 call the host and show its Chinese status line", async () => {
    const host = officeHost();
    renderPane(host);
    await checkNow();
    fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "error" } });
    fireEvent.click(screen.getByRole("button", { name: "标出问题单元格" }));
    expect((await screen.findByTestId("action-status")).textContent).toBe("已标出 1 个单元格");
    expect(host.highlight.mock.calls[0]?.[0]).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await screen.findByText("已清除标记");
    fireEvent.click(screen.getByRole("button", { name: "导出校验结果" }));
    await screen.findByText("已新建“校验结果”工作表");
    expect(host.exportResults.mock.calls[0]?.[0].stats.errors).toBe(1);
  });

  test("without host.highlight there are no marking buttons", async () => {
    const host = fileHost();
    renderPane(host);
    fireEvent.click(screen.getByTestId("load-sample"));
    await screen.findByTestId("loaded");
    await checkNow();
    expect(screen.queryByRole("button", { name: "标出问题单元格" })).toBeNull();
    expect(screen.queryByRole("button", { name: "清除标记" })).toBeNull();
    expect(screen.getByRole("button", { name: "导出校验结果" })).toBeTruthy();
  });

  test("a host that fails while exporting gives an error message, not a crash", async () => {
    const host = officeHost();
    host.exportResults.mockImplementation(() => Promise.reject(new Error("工作簿已被保护")));
    renderPane(host);
    await checkNow();
    fireEvent.click(screen.getByRole("button", { name: "导出校验结果" }));
    expect((await screen.findByTestId("action-status")).textContent).toBe("导出校验结果失败：工作簿已被保护");
  });
});

describe("error", () => {
  test("an unreadable file: the host's Chinese message in an error MessageBar", async () => {
    const message = "“花名册.xls”是旧版 Excel 工作簿（.xls），请用 Excel 或 WPS 打开后“另存为 Excel 工作簿(*.xlsx)”";
    renderPane(fileHost(() => Promise.resolve({ ok: false, message })));
    fireEvent.click(screen.getByTestId("load-sample"));
    expect((await screen.findByTestId("check-error")).textContent).toBe(message);
    expect(screen.queryByTestId("results")).toBeNull();
  });

  test("a workbook without a roster: the roster.header-missing message (找不到表头)", async () => {
    renderPane(officeHost(() => Promise.resolve(ok(workbook([["会议记录"], ["今天讨论了资助工作"]])))));
    fireEvent.click(screen.getByTestId("run-check"));
    const error = await screen.findByTestId("check-error");
    expect(error.textContent).toContain("找不到花名册表头");
    expect(screen.queryByTestId("results")).toBeNull();
  });

  test("Office host that cannot read: its message", async () => {
    renderPane(officeHost(() => Promise.resolve({ ok: false, message: "请先选中一个工作表" })));
    fireEvent.click(screen.getByTestId("run-check"));
    expect((await screen.findByTestId("check-error")).textContent).toBe("请先选中一个工作表");
  });
});

describe("tabs", () => {
  test("隐私 lists masked personal data and makes a masked copy through the host", async () => {
    const host = officeHost();
    renderPane(host);
    fireEvent.click(screen.getByRole("tab", { name: "隐私" }));
    fireEvent.click(screen.getByTestId("privacy-scan"));
    const summary = await screen.findByTestId("privacy-summary");
    expect(summary.textContent).toMatch(/发现 \d+ 处个人信息/);
    const list = screen.getByTestId("privacy-list");
    expect(list.textContent).toContain("身份证");
    expect(list.textContent).not.toMatch(/\d{11,}/);
    fireEvent.click(screen.getByTestId("masked-copy"));
    expect((await screen.findByTestId("privacy-status")).textContent).toBe("已生成脱敏副本");
    const [copy, name] = host.saveMaskedCopy.mock.calls[0] ?? [];
    expect(name).toBe("花名册-脱敏.xlsx");
    const cells = copy?.sheets[0]?.rows.flat().map(String) ?? [];
    expect(cells).toContain("张*");
    expect(cells.join(" ")).not.toMatch(/\d{11,}/);
  });

  test("工具 keeps the single-value tools", () => {
    renderPane(officeHost());
    fireEvent.click(screen.getByRole("tab", { name: "工具" }));
    fireEvent.change(screen.getByTestId("rmb-input"), { target: { value: "1004.5" } });
    expect(screen.getByTestId("rmb-result").textContent).toBe("壹仟零肆元伍角");
  });

  test("English strings when the locale is en-US", () => {
    render(<App host={officeHost()} locale="en-US" />);
    expect(within(screen.getByRole("tablist")).getByRole("tab", { name: "Check" })).toBeTruthy();
    expect(screen.getByTestId("run-check").textContent).toBe("Check the active sheet");
  });
});

describe("live check (Office)", () => {
  test("the switch starts watching edits; an edit shows the changed rows' issues; switching off stops it", async () => {
    let onEdit: ((sheet: string, rows: number[]) => void) | null = null;
    const stop = jest.fn(() => Promise.resolve());
    const host = {
      ...officeHost(),
      watchEdits: jest.fn((cb: (sheet: string, rows: number[]) => void) => {
        onEdit = cb;
        return Promise.resolve(stop);
      }),
    };
    renderPane(host);
    fireEvent.click(screen.getByTestId("live-check"));
    await act(async () => Promise.resolve());
    expect(host.watchEdits).toHaveBeenCalledTimes(1);
    // Row 2 holds 110105194912310021, whose check digit is wrong.
    await act(async () => {
      onEdit?.("花名册", [2]);
      await Promise.resolve();
    });
    const message = await screen.findByTestId("live-result");
    expect(message.textContent).toContain("第 2 行");
    expect(message.textContent).toContain("校验码");
    fireEvent.click(screen.getByTestId("live-check"));
    await act(async () => Promise.resolve());
    expect(stop).toHaveBeenCalled();
  });

  test("hosts without watchEdits show no switch", () => {
    renderPane(fileHost());
    expect(screen.queryByTestId("live-check")).toBeNull();
  });
});
