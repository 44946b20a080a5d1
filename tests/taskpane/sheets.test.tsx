/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../taskpane/App";
import { provideContext } from "../../functions/context";
import { postCommandRequest } from "../../src/commands/requests";
import type { Report } from "../../src/core/report/types";
import type { Seal } from "../../src/core/sheets/seal";
import type {
  PreSubmitOutcome,
  SealCheckOutcome,
  SheetCommand,
  SheetOutcome,
  SheetRunOptions,
} from "../../src/adapters/pane-host";
import { deferred, fileHost, officeHost, ok } from "./fakes";

beforeAll(() => provideContext({ today: () => ({ y: 2026, m: 11, d: 28 }) }));

/** Distinct request times: the window remembers which requests the pane has run. */
let clock = 1_000;
const nextAt = (): number => ++clock;

function sheetsHost(
  build: (command: SheetCommand, options: SheetRunOptions) => Promise<SheetOutcome> = (command) =>
    Promise.resolve({
      ok: true,
      message: `已新建工作表“${command}”（工作表“花名册”未改动）。`,
      notes: ["第 3 行身份证号存成了数字"],
      sheet: command,
      roster: "花名册",
    }),
) {
  return Object.assign(officeHost(), {
    buildSheet: jest.fn(build),
    preSubmitCheck: jest.fn((_o: SheetRunOptions): Promise<PreSubmitOutcome> =>
      Promise.resolve({ ok: true, message: "已写入校验凭证：内容摘要 0123456789ab…", notes: [], seal: {} as Seal }),
    ),
    verifySeal: jest.fn((): Promise<SealCheckOutcome> =>
      Promise.resolve({ status: "modified", message: "校验后已修改：内容摘要与凭证不符。", detail: "人数行变了" }),
    ),
  });
}

/** The pane on 报表, or (`fromStart`) on the tab it picks itself. */
function renderPane(host: Parameters<typeof App>[0]["host"], fromStart = false) {
  return render(<App host={host} locale="zh-CN" listHeight={400} initialTab={fromStart ? undefined : "sheets"} />);
}

function type(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function result(): Promise<HTMLElement> {
  return screen.findByTestId("sheets-result");
}

test("the 报表 tab lists the five commands and the options; 生成汇总表 runs with today and the seed pack", async () => {
  const host = sheetsHost();
  renderPane(host);
  expect(screen.getByRole("tab", { name: "报表" }).getAttribute("aria-selected")).toBe("true");
  for (const label of ["格式化花名册", "生成汇总表", "生成公示表", "生成申请表", "报送前检查", "核验凭证"]) {
    expect(screen.getByRole("button", { name: label })).toBeTruthy();
  }
  fireEvent.click(screen.getByTestId("sheets-buildSummary"));
  const bar = await result();
  expect(bar.getAttribute("data-intent")).toBe("success");
  expect(screen.getByTestId("sheets-message").textContent).toBe("已新建工作表“buildSummary”（工作表“花名册”未改动）。");
  expect(screen.getByTestId("sheets-notes").textContent).toContain("身份证号存成了数字");
  const [command, options] = host.buildSheet.mock.calls[0] ?? [];
  expect(command).toBe("buildSummary");
  expect(options?.today).toEqual({ y: 2026, m: 11, d: 28 });
  expect(options?.pack.programs.length).toBeGreaterThan(0);
  expect(options?.title).toBeUndefined();
});

test("the options reach the builder: title, unit, program, enrolment, notice start, days, contact", async () => {
  const host = sheetsHost();
  renderPane(host);
  type("opt-title", "  2026年秋季学期一补公示  ");
  type("opt-unit", "第一中学");
  const program = screen.getByTestId("opt-sheets-program") as HTMLSelectElement;
  const code = program.options[1]?.value ?? "";
  fireEvent.change(program, { target: { value: code } });
  type("opt-sheets-enrolled", "850");
  type("opt-notice-start", "２０２６年9月28日");
  type("opt-notice-days", "7");
  type("opt-contact", "学校资助办");
  fireEvent.click(screen.getByTestId("sheets-buildNotice"));
  await result();
  expect(host.buildSheet).toHaveBeenCalledWith("buildNotice", {
    pack: expect.anything(),
    today: { y: 2026, m: 11, d: 28 },
    title: "2026年秋季学期一补公示",
    unit: "第一中学",
    program: code,
    enrolled: 850,
    start: { y: 2026, m: 9, d: 28 },
    days: 7,
    contact: "学校资助办",
    // The active calendar (the shipped data plus imported notices) counts the 公示期.
    calendar: expect.anything(),
  });
  expect(code).not.toBe("");
});

test.each([
  ["opt-notice-start", "9月28号", "公示开始日期“9月28号”不是有效日期"],
  ["opt-notice-days", "2.5", "公示天数“2.5”不是正整数"],
])("a bad %s (%s) is a Chinese error, and nothing runs", async (field, value, message) => {
  const host = sheetsHost();
  renderPane(host);
  type(field, value);
  fireEvent.click(screen.getByTestId("sheets-buildNotice"));
  expect((await result()).getAttribute("data-intent")).toBe("error");
  expect(screen.getByTestId("sheets-message").textContent).toContain(message);
  expect(host.buildSheet).not.toHaveBeenCalled();
});

test("a failure from the host is shown as a Chinese error MessageBar; a thrown bug too", async () => {
  const host = sheetsHost(() =>
    Promise.resolve({ ok: false, message: "工作表“说明”中没有找到花名册的表头（如 姓名、身份证号）。", notes: [] }),
  );
  renderPane(host);
  fireEvent.click(screen.getByTestId("sheets-formatRoster"));
  expect((await result()).getAttribute("data-intent")).toBe("error");
  expect(screen.getByTestId("sheets-message").textContent).toContain("工作表“说明”中没有找到花名册的表头");

  host.buildSheet.mockImplementation(() => Promise.reject(new Error("意外错误")));
  fireEvent.click(screen.getByTestId("sheets-buildForms"));
  await screen.findByText("意外错误");
  expect(screen.getByTestId("sheets-result").getAttribute("data-intent")).toBe("error");
});

test("while a command runs: a Spinner, the buttons disabled", async () => {
  const pending = deferred<SheetOutcome>();
  const host = sheetsHost(() => pending.promise);
  renderPane(host);
  fireEvent.click(screen.getByTestId("sheets-buildForms"));
  expect(screen.getByTestId("sheets-spinner").textContent).toContain("正在生成申请表");
  expect((screen.getByTestId("sheets-formatRoster") as HTMLButtonElement).disabled).toBe(true);
  await act(async () => pending.resolve({ ok: true, message: "已新建工作表“申请表”", notes: [] }));
  expect(screen.queryByTestId("sheets-spinner")).toBeNull();
  expect((screen.getByTestId("sheets-formatRoster") as HTMLButtonElement).disabled).toBe(false);
});

describe("from the ribbon", () => {
  test("a request left before the pane mounted opens 报表 and runs once with default options; run again with changes", async () => {
    const host = sheetsHost();
    postCommandRequest(window, "buildNotice", nextAt());
    const first = renderPane(host, true);
    expect(screen.getByRole("tab", { name: "报表" }).getAttribute("aria-selected")).toBe("true");
    await result();
    expect(host.buildSheet).toHaveBeenCalledTimes(1);
    expect(host.buildSheet.mock.calls[0]?.[0]).toBe("buildNotice");
    expect(screen.getByTestId("sheets-ribbon-hint").textContent).toBe(
      "已按默认选项执行“生成公示表”。可修改上面的选项后重新生成。",
    );
    // The options typed before are not used by a ribbon click; they are by "run again", on the same roster.
    type("opt-title", "改过的标题");
    fireEvent.click(screen.getByTestId("sheets-again"));
    await act(async () => undefined);
    expect(host.buildSheet).toHaveBeenCalledTimes(2);
    expect(host.buildSheet.mock.calls[1]?.[1]).toMatchObject({ title: "改过的标题", sheet: "花名册" });
    first.unmount();

    // Mounted again in the same runtime: the old request is not run again.
    renderPane(host, true);
    await act(async () => undefined);
    expect(host.buildSheet).toHaveBeenCalledTimes(2);
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
  });

  test("a ribbon click while the pane is open switches to 报表 and runs", async () => {
    const host = sheetsHost();
    renderPane(host, true);
    fireEvent.click(screen.getByRole("tab", { name: "隐私" }));
    act(() => postCommandRequest(window, "formatRoster", nextAt()));
    await result();
    expect(screen.getByRole("tab", { name: "报表" }).getAttribute("aria-selected")).toBe("true");
    expect(host.buildSheet.mock.calls.map((c) => c[0])).toEqual(["formatRoster"]);
  });

  test("一键校验 still opens 校验 and runs nothing here", async () => {
    const host = sheetsHost();
    renderPane(host);
    act(() => postCommandRequest(window, "validate", nextAt()));
    await act(async () => undefined);
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
    expect(host.buildSheet).not.toHaveBeenCalled();
  });
});

describe("报送前检查 and 核验凭证", () => {
  const report: Report = {
    valid: false,
    pack: { id: "seed", version: "2026.1" },
    kind: "students",
    stats: { rows: 2, errors: 1, warnings: 0, infos: 0, byRule: { "id.checksum": 1 } },
    issues: [
      {
        severity: "error",
        rule: "id.checksum",
        sheet: "花名册",
        cell: "C3",
        row: 3,
        column: "C",
        message: "身份证号校验码错误：第18位应为 X，实际为 1",
        hint: "请与户口本核对",
        value: "110105********0021",
      } as Report["issues"][number],
    ],
  };

  test("errors: the pane switches to 校验 and shows that report; nothing is sealed", async () => {
    const host = sheetsHost();
    host.preSubmitCheck.mockImplementation(() => Promise.resolve({ ok: false, message: "有错误", notes: [], report }));
    renderPane(host);
    fireEvent.click(screen.getByTestId("sheets-preSubmitCheck"));
    const shown = await screen.findByTestId("presubmit-report");
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
    expect(within(shown).getByTestId("presubmit-title").textContent).toContain("1 个错误，未写入校验凭证");
    expect(within(shown).getByTestId("results").textContent).toContain("第18位应为 X");
    // Back on 报表: the same news in short.
    expect(screen.getByTestId("sheets-message").textContent).toContain("发现 1 个错误，未写入校验凭证");
    fireEvent.click(within(shown).getByTestId("presubmit-close"));
    expect(screen.queryByTestId("presubmit-report")).toBeNull();
  });

  test("no errors: the seal's summary is shown, on 报表", async () => {
    const host = sheetsHost();
    renderPane(host);
    type("opt-sheets-enrolled", "300");
    fireEvent.click(screen.getByTestId("sheets-preSubmitCheck"));
    await result();
    expect(screen.getByTestId("sheets-message").textContent).toBe("已写入校验凭证：内容摘要 0123456789ab…");
    expect(host.preSubmitCheck.mock.calls[0]?.[0]).toMatchObject({ enrolled: 300 });
    expect(screen.queryByTestId("presubmit-report")).toBeNull();
  });

  test("核验凭证 shows the verdict and what differs", async () => {
    const host = sheetsHost();
    renderPane(host);
    fireEvent.click(screen.getByTestId("sheets-verify"));
    expect((await result()).getAttribute("data-intent")).toBe("warning");
    expect(screen.getByTestId("sheets-message").textContent).toContain("校验后已修改");
    expect(screen.getByTestId("sheets-notes").textContent).toContain("人数行变了");
  });
});

test("standalone: the buttons wait for a roster; after 载入示例花名册 they run", async () => {
  const host = Object.assign(
    fileHost(() => Promise.resolve(ok())),
    {
      buildSheet: jest.fn((_c: SheetCommand, _o: SheetRunOptions) =>
        Promise.resolve({ ok: true, message: "已下载“花名册-公示表.xlsx”", notes: [] }),
      ),
    },
  );
  renderPane(host);
  expect(screen.getByTestId("sheets-need-file").textContent).toContain("请先在“校验”页选择或载入花名册");
  expect((screen.getByTestId("sheets-buildNotice") as HTMLButtonElement).disabled).toBe(true);
  // A host without seals: no 核验凭证 button, 报送前检查 disabled.
  expect(screen.queryByTestId("sheets-verify")).toBeNull();
  fireEvent.click(screen.getByRole("tab", { name: "校验" }));
  fireEvent.click(screen.getByTestId("load-sample"));
  await screen.findByTestId("loaded");
  fireEvent.click(screen.getByRole("tab", { name: "报表" }));
  expect(screen.queryByTestId("sheets-need-file")).toBeNull();
  expect((screen.getByTestId("sheets-preSubmitCheck") as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(screen.getByTestId("sheets-buildNotice"));
  await result();
  expect(screen.getByTestId("sheets-message").textContent).toBe("已下载“花名册-公示表.xlsx”");
});
