/** @jest-environment jsdom */
import "../setup";
import { fireEvent, render, screen } from "@testing-library/react";
import { IdTool } from "../../../taskpane/tools/IdTool";
import { PaneContextProvider } from "../../../taskpane/context";
import { engineContext, fixedToday } from "../../../src/core/context";
import { stringsFor } from "../../../taskpane/strings";

const CONTEXT = engineContext(fixedToday({ y: 2026, m: 11, d: 28 }));

function typeId(text: string): void {
  render(
    <PaneContextProvider value={CONTEXT}>
      <IdTool strings={stringsFor("zh-CN")} locale="zh-CN" />
    </PaneContextProvider>,
  );
  fireEvent.change(screen.getByTestId("id-input"), { target: { value: text } });
}

/** The 17 digits plus their MOD 11-2 check digit (GB 11643). */
function withCheck(base: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce((n, ch, i) => n + Number(ch) * (weights[i] ?? 0), 0);
  return base + ("10X98765432"[sum % 11] ?? "");
}

test.each([
  ["932682198501010017", "外国人永久居留身份证（江苏省受理）"],
  [withCheck("81000019900101001"), "港澳居民居住证（香港特别行政区）"],
])("the 工具 tab names the document and region of %s", (id, region) => {
  typeId(id);
  expect(screen.getByTestId("id-region").textContent).toBe(region);
});

test("a birth date before 1900 is shown with a warning, not as an error", () => {
  // 1899-12-31, Beijing 东城区, a valid check digit computed by the core.
  typeId(withCheck("11010118991231001"));
  expect(screen.queryByTestId("id-error")).toBeNull();
  expect(screen.getByTestId("id-notice").textContent).toContain("早于1900年");
});
