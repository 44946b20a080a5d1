/** @jest-environment jsdom */
/**
 * 导入放假通知 on the 工具 tab, with fake hosts: the notice pasted (or a .txt picked), read, imported
 * through saveCalendar, and the notice tool, the 公示表 options and the list following it; refused
 * copies, conflicts with the shipped data, removal and a broken stored value.
 */
import "../setup";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../../taskpane/App";
import { functionsContext, provideContext, provideImportedYears } from "../../../functions/context";
import {
  deserializeCalendar,
  noticeEnd,
  parseHolidayNotice,
  serializeCalendar,
  type ImportedYear,
} from "../../../src/core/calendar";
import { formatIso } from "../../../src/core/date/civil";
import type { CalendarOutcome, PaneHost, SheetRunOptions, SheetOutcome } from "../../../src/adapters/pane-host";
import {
  createStandaloneHost,
  CALENDAR_STORAGE_KEY,
  type PageStorage,
} from "../../../src/adapters/standalone/pane-host";
import { officeHost } from "../fakes";

const NOTICES = join(__dirname, "..", "..", "fixtures", "notices");
const notice = (name: string): string => readFileSync(join(NOTICES, name), "utf8");
const NOT_RECORDED = "2027年的放假安排（含调休）尚未收录";

beforeAll(() => provideContext({ today: () => ({ y: 2026, m: 11, d: 28 }) }));
// The active calendar is the runtime's: every test starts from the shipped data.
afterEach(() => provideImportedYears([]));

function calendarHost(stored: string | null = null, saveResult: CalendarOutcome = { ok: true }) {
  let kept = stored;
  return Object.assign(officeHost(), {
    loadCalendar: jest.fn(() => Promise.resolve(kept)),
    saveCalendar: jest.fn((serialized: string | null): Promise<CalendarOutcome> => {
      if (saveResult.ok) kept = serialized;
      return Promise.resolve(saveResult);
    }),
    recalculate: jest.fn((): Promise<CalendarOutcome> => Promise.resolve({ ok: true })),
  });
}

function year(text: string): ImportedYear {
  const r = parseHolidayNotice(text);
  if (!r.ok) throw new Error("the fixture should parse");
  return r.value;
}

async function renderTools(host: PaneHost): Promise<void> {
  render(<App host={host} locale="zh-CN" listHeight={400} initialTab="tools" />);
  await started();
}

/** Lets the pane apply the stored calendar it reads at start (a macrotask: every promise chain has run). */
async function started(): Promise<void> {
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

function paste(text: string, yearText = ""): void {
  fireEvent.change(screen.getByTestId("calendar-text"), { target: { value: text } });
  if (yearText !== "") fireEvent.change(screen.getByTestId("calendar-year"), { target: { value: yearText } });
  fireEvent.click(screen.getByTestId("calendar-read"));
}

/** The notice tool's result: its end date, or its error. */
function noticeResult(start: string): string {
  fireEvent.change(screen.getByTestId("notice-start"), { target: { value: start } });
  const end = screen.queryByTestId("notice-end");
  if (end) return end.textContent ?? "";
  return screen.getByRole("region", { name: "公示开始日期" }).textContent ?? "";
}

test("the 2027 notice pasted, read and imported: saved in the host, and a December notice period ends in January", async () => {
  const host = calendarHost();
  await renderTools(host);
  // Before: 2027 is not known.
  expect(noticeResult("2026-12-28")).toContain(NOT_RECORDED);
  expect(screen.getByTestId("calendar-list").textContent).toContain("尚未导入任何通知");

  paste(notice("2027-plausible.txt"));
  const preview = screen.getByTestId("calendar-preview");
  expect(screen.getByTestId("calendar-summary").textContent).toBe(
    "已读取《国务院办公厅关于2027年部分节假日安排的通知》：2027年，7个节日，放假28天、调休上班5天。请对照通知核对下面的日期，无误后点“导入”。",
  );
  const rows = within(screen.getByTestId("calendar-festivals"))
    .getAllByRole("row")
    .map((r) => r.textContent);
  expect(rows).toContain("元旦1月1日至1月3日（3天）无");
  expect(rows).toContain("春节2月5日至2月12日（8天）2月20日");
  expect(rows).toContain("劳动节5月1日至5月5日（5天）4月25日、5月8日");
  expect(preview.textContent).not.toContain("替换");
  // Reading keeps nothing yet.
  expect(host.saveCalendar).not.toHaveBeenCalled();
  expect(noticeResult("2026-12-28")).toContain(NOT_RECORDED);

  fireEvent.click(screen.getByTestId("calendar-import"));
  const status = await screen.findByTestId("calendar-status");
  expect(status.textContent).toContain("已导入2027年的放假安排，保存在本工作簿中");
  expect(status.textContent).toContain("工作簿已重新计算");
  expect(host.saveCalendar).toHaveBeenCalledTimes(1);
  const saved = host.saveCalendar.mock.calls[0]?.[0] ?? "";
  const stored = deserializeCalendar(saved);
  expect(stored.ok && stored.value.map((y) => y.year)).toEqual([2027]);
  expect(stored.ok && stored.value[0]?.source.importedAt).toMatch(/^2\d{3}-\d{2}-\d{2}T/);
  expect(host.recalculate).toHaveBeenCalledTimes(1);

  // The notice tool, and the active calendar the functions and the 公示表 read, know 2027 now.
  expect(noticeResult("2026-12-28")).toBe("2027-01-04");
  const end = noticeEnd({ y: 2026, m: 12, d: 28 }, 5, functionsContext().calendar);
  expect(end.ok && formatIso(end.value)).toBe("2027-01-04");
  expect(screen.getByTestId("calendar-year-2027").textContent).toContain(
    "2027年 国务院办公厅关于2027年部分节假日安排的通知 · 使用中",
  );
  expect(screen.queryByTestId("calendar-preview")).toBeNull();
});

test("the 公示表 built on 报表 after an import counts with the imported year", async () => {
  const host = Object.assign(calendarHost(serializeCalendar([year(notice("2027-plausible.txt"))])), {
    buildSheet: jest.fn((_c: string, _o: SheetRunOptions): Promise<SheetOutcome> =>
      Promise.resolve({ ok: true, message: "已新建工作表“公示表”", notes: [] }),
    ),
  });
  await renderTools(host);
  fireEvent.click(screen.getByRole("tab", { name: "报表" }));
  fireEvent.click(screen.getByTestId("sheets-buildNotice"));
  await screen.findByTestId("sheets-result");
  const options = host.buildSheet.mock.calls[0]?.[1];
  expect(options?.calendar?.published.has(2027)).toBe(true);
  const end = noticeEnd({ y: 2026, m: 12, d: 28 }, 5, options?.calendar);
  expect(end.ok && formatIso(end.value)).toBe("2027-01-04");
});

test("a copy with a digit that is no date is refused: the line is quoted, nothing is imported", async () => {
  const host = calendarHost();
  await renderTools(host);
  paste(notice("2027-plausible.txt").replace("1月1日", "0月1日"));
  const problems = screen.getByTestId("calendar-problems").textContent ?? "";
  expect(problems).toContain("未导入：通知中有无法确定的内容");
  expect(problems).toContain("“一、元旦：0月1日（周五）至3日（周日）放假，共3天。”");
  expect(problems).toContain("请检查：");
  expect(screen.queryByTestId("calendar-import")).toBeNull();
  expect(host.saveCalendar).not.toHaveBeenCalled();
  expect(noticeResult("2026-12-28")).toContain(NOT_RECORDED);
});

test("a copy without its title needs the year; a bad year is said so", async () => {
  await renderTools(calendarHost());
  const body = notice("2027-plausible.txt")
    .replace(/^.*部分节假日安排的通知\n/m, "")
    .replace(/2027年/g, "");
  paste(body);
  expect(screen.getByTestId("calendar-problems").textContent).toContain("没有找到通知的年份");
  paste(body, "27");
  expect(screen.getByTestId("calendar-problems").textContent).toBe("年份“27”应为四位数字，如 2027。");
  paste(body, "2027");
  expect(screen.getByTestId("calendar-summary").textContent).toContain("2027年，7个节日");
});

test("a 2026 copy that disagrees with the shipped data is not imported, and the shipped data stays in use", async () => {
  const host = calendarHost();
  await renderTools(host);
  // 10月10日 上班 dropped: the shipped data says it is a working day.
  paste(notice("2026.txt").replace("9月20日（周日）、10月10日（周六）上班", "9月20日（周日）上班"));
  const verdict = screen.getByTestId("calendar-verdict").textContent ?? "";
  expect(verdict).toContain(
    "未导入：2026年：导入的放假安排（国务院办公厅关于2026年部分节假日安排的通知）与内置数据不一致",
  );
  expect(verdict).toContain("2026年10月10日内置数据为上班、导入的为放假");
  expect(verdict).toContain("已按内置数据计算");
  expect(screen.queryByTestId("calendar-import")).toBeNull();
  expect(noticeResult("2026-09-28")).toBe("2026-10-09");
});

test("the same 2026 text as the shipped data: nothing to import", async () => {
  await renderTools(calendarHost());
  paste(notice("2026.txt"));
  expect(screen.getByTestId("calendar-verdict").textContent).toBe(
    "与内置数据一致：2026年的放假安排已在内置数据中，无需导入。",
  );
  expect(screen.queryByTestId("calendar-import")).toBeNull();
});

test("a stored year that contradicts the shipped data is shown in a MessageBar, and the shipped data is used", async () => {
  const wrong = year(notice("2026.txt").replace("9月20日（周日）、10月10日（周六）上班", "9月20日（周日）上班"));
  const host = calendarHost(serializeCalendar([wrong, year(notice("2027-plausible.txt"))]));
  await renderTools(host);
  const bar = screen.getByTestId("calendar-conflicts").textContent ?? "";
  expect(bar).toContain("导入的放假安排与内置数据不一致，已按内置数据计算");
  expect(bar).toContain("2026年10月10日内置数据为上班、导入的为放假");
  expect(screen.getByTestId("calendar-year-2026").textContent).toContain("与内置数据不一致，按内置数据计算");
  expect(screen.getByTestId("calendar-year-2027").textContent).toContain("使用中");
  expect(noticeResult("2026-09-28")).toBe("2026-10-09");
  expect(noticeResult("2026-12-28")).toBe("2027-01-04");
  // An import in use is counted again in the cells Excel may have computed before it was read.
  expect(host.recalculate).toHaveBeenCalledTimes(1);
});

test("a stored year is listed with its title; 删除 asks once more, then removes it", async () => {
  const host = calendarHost(serializeCalendar([year(notice("2027-plausible.txt"))]));
  await renderTools(host);
  expect(noticeResult("2026-12-28")).toBe("2027-01-04");
  fireEvent.click(screen.getByTestId("calendar-remove-2027"));
  expect(host.saveCalendar).not.toHaveBeenCalled();
  fireEvent.click(screen.getByTestId("calendar-remove-confirm-2027"));
  expect((await screen.findByTestId("calendar-status")).textContent).toContain("已删除导入的2027年放假安排");
  expect(host.saveCalendar).toHaveBeenCalledWith(null);
  expect(host.recalculate).toHaveBeenCalledTimes(2);
  expect(screen.queryByTestId("calendar-year-2027")).toBeNull();
  expect(noticeResult("2026-12-28")).toContain(NOT_RECORDED);
});

test("importing a different notice for a year imported before says it replaces it", async () => {
  const host = calendarHost(serializeCalendar([year(notice("2027-plausible.txt"))]));
  await renderTools(host);
  paste(notice("2027-plausible.txt").replace("2月20日（周六）上班", "2月20日（周六）、2月21日（周日）上班"));
  expect(screen.getByTestId("calendar-verdict").textContent).toContain("已导入过另一份2027年的安排");
  expect(screen.getByTestId("calendar-import").textContent).toBe("导入（替换已导入的2027年安排）");
  fireEvent.click(screen.getByTestId("calendar-import"));
  await screen.findByTestId("calendar-status");
  const stored = deserializeCalendar(host.saveCalendar.mock.calls[0]?.[0] ?? "");
  expect(stored.ok && stored.value.length).toBe(1);
  expect(stored.ok && stored.value[0]?.days.filter((d) => !d.isOffDay)).toHaveLength(6);
});

test("a supplementary notice alone (调整…假期) applies to the year imported before", async () => {
  const host = calendarHost(serializeCalendar([year(notice("2027-plausible.txt"))]));
  await renderTools(host);
  // Written for this test: an adjustment in the style of the 2019 one (as in the CLI's test).
  paste(
    "国务院办公厅关于调整2027年端午节假期安排的通知\n经国务院批准，现将调整2027年端午节放假安排通知如下。\n一、2027年6月9日（周三）至11日（周五）放假调休，共3天。6月12日（周六）上班。\n国务院办公厅",
  );
  const rows = within(screen.getByTestId("calendar-festivals"))
    .getAllByRole("row")
    .map((r) => r.textContent);
  expect(rows).toContain("端午节6月9日至6月11日（3天）6月12日");
  expect(rows).toContain("春节2月5日至2月12日（8天）2月20日");
  fireEvent.click(screen.getByTestId("calendar-import"));
  await screen.findByTestId("calendar-status");
  const stored = deserializeCalendar(host.saveCalendar.mock.calls[0]?.[0] ?? "");
  expect(stored.ok && stored.value[0]?.days.filter((d) => d.name === "端午节")).toHaveLength(4);
});

test("a stored value that cannot be read gives a Chinese MessageBar, never a crash; the shipped data is used", async () => {
  await renderTools(calendarHost("{ 这不是 JSON"));
  const bar = screen.getByTestId("calendar-broken").textContent ?? "";
  expect(bar).toContain("保存的放假安排无法读取，未使用（已按内置数据计算）");
  expect(bar).toContain("不是合法的 JSON");
  expect(noticeResult("2026-09-28")).toBe("2026-10-09");
  // An import replaces it.
  paste(notice("2027-plausible.txt"));
  expect(screen.getByTestId("calendar-import")).toBeTruthy();
});

test.each([
  [JSON.stringify({ format: "zizhu-calendar", version: 9, years: [] }), "由更新版本的资助助手保存"],
  [
    JSON.stringify({
      format: "zizhu-calendar",
      version: 1,
      years: [{ year: 2027, days: [], source: { titles: [], yearFrom: "title", festivals: [] } }],
    }),
    "2027年没有任何放假日",
  ],
])("a stored value the pane cannot use (%#) is reported", async (stored, message) => {
  await renderTools(calendarHost(stored));
  expect(screen.getByTestId("calendar-broken").textContent).toContain(message);
});

test("a failed save is a warning; the import is used while the pane is open", async () => {
  const host = calendarHost(null, { ok: false, message: "设置未能保存到工作簿（文档为只读）。" });
  await renderTools(host);
  paste(notice("2027-plausible.txt"));
  fireEvent.click(screen.getByTestId("calendar-import"));
  const status = await screen.findByTestId("calendar-status");
  expect(status.textContent).toContain("放假安排在本次打开期间有效，但未能保存：设置未能保存到工作簿（文档为只读）。");
  expect(noticeResult("2026-12-28")).toBe("2027-01-04");
});

test("a .txt file in GBK is decoded and read", async () => {
  await renderTools(calendarHost());
  const bytes = readFileSync(join(NOTICES, "2026-gbk.txt"));
  const file = new File([bytes], "通知.txt", { type: "text/plain" });
  fireEvent.change(screen.getByTestId("calendar-file-input"), { target: { files: [file] } });
  expect((await screen.findByTestId("calendar-file-note")).textContent).toBe("已读入文件“通知.txt”的文字。");
  expect((screen.getByTestId("calendar-text") as HTMLTextAreaElement).value).toContain(
    "国务院办公厅关于2026年部分节假日安排的通知",
  );
  expect(screen.getByTestId("calendar-verdict").textContent).toContain("与内置数据一致");
});

test("a Word document is not read as text", async () => {
  await renderTools(calendarHost());
  const file = new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])], "通知.docx");
  fireEvent.change(screen.getByTestId("calendar-file-input"), { target: { files: [file] } });
  expect((await screen.findByTestId("calendar-file-note")).textContent).toContain("不是纯文本文件");
});

describe("the standalone page keeps the import in its storage", () => {
  function memoryStorage(fail?: string): PageStorage & { map: Map<string, string> } {
    const map = new Map<string, string>();
    return {
      map,
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => {
        if (fail) throw Object.assign(new Error("quota"), { name: fail });
        map.set(k, v);
      },
      removeItem: (k) => void map.delete(k),
    };
  }

  test("imported, kept under zizhu.calendar, read again by a new page", async () => {
    const storage = memoryStorage();
    const host = createStandaloneHost({ storage: () => storage, fetchBytes: () => Promise.reject(new Error("")) });
    const view = render(<App host={host} locale="zh-CN" listHeight={400} initialTab="tools" />);
    await started();
    paste(notice("2027-plausible.txt"));
    fireEvent.click(screen.getByTestId("calendar-import"));
    expect((await screen.findByTestId("calendar-status")).textContent).toBe(
      "已导入2027年的放假安排，保存在本浏览器中。",
    );
    const kept = deserializeCalendar(storage.map.get(CALENDAR_STORAGE_KEY) ?? "");
    expect(kept.ok && kept.value.map((y) => y.year)).toEqual([2027]);

    // The page opened again: the calendar is read at start.
    view.unmount();
    provideImportedYears([]);
    render(<App host={createStandaloneHost({ storage: () => storage })} locale="zh-CN" initialTab="tools" />);
    expect(await screen.findByTestId("calendar-year-2027")).toBeTruthy();
    expect(noticeResult("2026-12-28")).toBe("2027-01-04");

    fireEvent.click(screen.getByTestId("calendar-remove-2027"));
    fireEvent.click(screen.getByTestId("calendar-remove-confirm-2027"));
    await screen.findByTestId("calendar-status");
    expect(storage.map.has(CALENDAR_STORAGE_KEY)).toBe(false);
  });

  test("a full storage is a warning, not a crash", async () => {
    const storage = memoryStorage("QuotaExceededError");
    render(<App host={createStandaloneHost({ storage: () => storage })} locale="zh-CN" initialTab="tools" />);
    await started();
    paste(notice("2027-plausible.txt"));
    fireEvent.click(screen.getByTestId("calendar-import"));
    expect((await screen.findByTestId("calendar-status")).textContent).toContain("浏览器的本地存储已满");
    expect(noticeResult("2026-12-28")).toBe("2027-01-04");
  });

  test("a blocked storage reads as nothing stored", async () => {
    const host = createStandaloneHost({
      storage: () => {
        throw Object.assign(new Error("The operation is insecure."), { name: "SecurityError" });
      },
    });
    expect(await host.loadCalendar?.()).toBeNull();
    const saved = await host.saveCalendar?.("{}");
    expect(saved?.ok === false && saved.message).toContain("浏览器不允许本页面保存数据");
  });
});

test("the English pane says the same things in English", async () => {
  const host = calendarHost();
  render(<App host={host} locale="en-US" listHeight={400} initialTab="tools" />);
  await started();
  paste(notice("2027-plausible.txt"));
  expect(screen.getByTestId("calendar-summary").textContent).toContain(
    "Read 国务院办公厅关于2027年部分节假日安排的通知: 2027, 7 festivals, 28 days off, 5 make-up working days.",
  );
  const rows = within(screen.getByTestId("calendar-festivals"))
    .getAllByRole("row")
    .map((r) => r.textContent);
  expect(rows).toContain("春节2027-02-05 to 2027-02-12 (8 days)2027-02-20");
  fireEvent.click(screen.getByTestId("calendar-import"));
  expect((await screen.findByTestId("calendar-status")).textContent).toContain("Imported the 2027 schedule");
});
