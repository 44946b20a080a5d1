/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { VirtualList } from "../../taskpane/VirtualList";
import { Results } from "../../taskpane/check/Results";
import { ISSUE_ROW_HEIGHT } from "../../taskpane/check/IssueRow";
import { stringsFor } from "../../taskpane/strings";
import type { Issue, Report } from "../../src/core/report/types";
import { officeHost } from "./fakes";

const N = 50_000;

test("50,000 items: fewer than 100 rows in the DOM, and scrolling changes which", () => {
  const items = Array.from({ length: N }, (_, i) => `第 ${i} 项`);
  render(<VirtualList items={items} rowHeight={40} height={400} testId="list" renderRow={(t) => <span>{t}</span>} />);
  const list = screen.getByTestId("list");
  let rows = screen.getAllByRole("listitem");
  expect(rows.length).toBeLessThan(100);
  expect(rows[0]?.textContent).toBe("第 0 项");
  // The scroll height covers every item.
  expect((list.firstElementChild as HTMLElement).style.height).toBe(`${N * 40}px`);
  act(() => {
    list.scrollTop = 25_000 * 40;
    fireEvent.scroll(list);
  });
  rows = screen.getAllByRole("listitem");
  expect(rows.length).toBeLessThan(100);
  const texts = rows.map((r) => r.textContent);
  expect(texts).toContain("第 25000 项");
  expect(texts).not.toContain("第 0 项");
  // Rows sit where they belong in the scrolled content.
  const row = rows.find((r) => r.textContent === "第 25000 项");
  expect(row?.style.top).toBe(`${25_000 * 40}px`);
  act(() => {
    list.scrollTop = (N - 10) * 40;
    fireEvent.scroll(list);
  });
  expect(screen.getAllByRole("listitem").map((r) => r.textContent)).toContain(`第 ${N - 1} 项`);
});

test("the results pane with 50,000 issues renders a window of rows and filters them", () => {
  const issues: Issue[] = Array.from({ length: N }, (_, i) => ({
    rule: i % 2 ? "id.checksum" : "text.whitespace",
    severity: i % 2 ? "error" : "warning",
    sheet: "花名册",
    row: i + 2,
    column: "D",
    cell: `D${i + 2}`,
    message: i % 2 ? "身份证号校验码错误" : "前后有多余空格",
    hint: "请核对",
    value: "",
  }));
  const report: Report = {
    valid: false,
    pack: { id: "seed", version: "1" },
    kind: "students",
    stats: {
      rows: N,
      errors: N / 2,
      warnings: N / 2,
      infos: 0,
      byRule: { "id.checksum": N / 2, "text.whitespace": N / 2 },
    },
    issues,
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <Results report={report} host={officeHost()} strings={stringsFor("zh-CN")} listHeight={10 * ISSUE_ROW_HEIGHT} />
    </FluentProvider>,
  );
  expect(screen.getAllByTestId("issue-row").length).toBeLessThan(100);
  expect(screen.getByTestId("count-error").textContent).toBe("错误 25000");
  fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "error" } });
  expect(screen.getByTestId("shown").textContent).toBe("显示 25000 / 50000 条");
  const rows = screen.getAllByTestId("issue-row");
  expect(rows.length).toBeLessThan(100);
  for (const r of rows) expect(r.textContent).toContain("校验码错误");
});
