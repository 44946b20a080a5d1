/** @jest-environment jsdom */
import "./setup";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ErrorBoundary } from "../../taskpane/ErrorBoundary";

function Broken(): never {
  throw new Error("内部错误：示例");
}

test("a crashing tab shows a Chinese MessageBar instead of a blank pane", () => {
  const caught = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary message="这一页出错了">
        <Broken />
      </ErrorBoundary>
      <p>其他页面</p>
    </FluentProvider>,
    // React reports errors its boundaries caught; here they are expected, so they go to a mock.
    { onCaughtError: caught },
  );
  expect(screen.getByTestId("tab-crashed").textContent).toContain("这一页出错了");
  expect(screen.getByTestId("tab-crashed").textContent).toContain("内部错误：示例");
  expect(screen.getByText("其他页面")).toBeTruthy();
  expect(caught).toHaveBeenCalled();
});
