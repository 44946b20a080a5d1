/** @jest-environment jsdom */
import "./setup";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../taskpane/App";
import { provideContext } from "../../functions/context";
import { officeHost } from "./fakes";

beforeAll(() => provideContext({ today: () => ({ y: 2026, m: 11, d: 28 }) }));

const fixture = (name: string): File =>
  new File([readFileSync(join(__dirname, "..", "fixtures", name), "utf8")], name, { type: "application/json" });

test("the pane shows the seed pack and loads a user pack; a broken pack is refused with its JSON path", async () => {
  render(<App host={officeHost()} locale="zh-CN" listHeight={400} />);
  expect(screen.getByTestId("pack-name").textContent).toContain("种子包");

  fireEvent.change(screen.getByTestId("pack-input"), { target: { files: [fixture("pack-broken.json")] } });
  const broken = await screen.findByTestId("pack-message");
  expect(broken.textContent).toContain("未载入");
  expect(broken.textContent).toContain("programs[0]（yibu）.standard.amount");
  expect(screen.getByTestId("pack-name").textContent).toContain("种子包");

  fireEvent.change(screen.getByTestId("pack-input"), { target: { files: [fixture("pack-nutrition-5.json")] } });
  await waitFor(() => expect(screen.getByTestId("pack-message").textContent).toContain("已载入政策包"));
  expect(screen.getByTestId("pack-name").textContent).toContain("营养改善计划提高到每生每天5元");
});
