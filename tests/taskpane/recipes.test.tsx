/** @jest-environment jsdom */
import "./setup";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { readXlsx } from "../../src/adapters/xlsx/read";
import type { WorkbookData } from "../../src/core/grid/types";
import { findLibraryRecipe } from "../../src/automation/recipes/library";
import type { RecipeOutput } from "../../src/automation/recipes/run";
import type { Recipe } from "../../src/automation/recipes/schema";
import { RecipeTab } from "../../taskpane/recipes/RecipeTab";
import { PaneContextProvider } from "../../taskpane/context";
import { engineContext, fixedToday } from "../../src/core/context";
import { App } from "../../taskpane/App";
import { postCommandRequest } from "../../src/commands/requests";
import type { RecipeHost, RecipeInput, Reseal } from "../../src/adapters/recipe-host";
import { officeHost, ok } from "./fakes";
import type { PaneHost } from "../../src/adapters/pane-host";

async function sample(name: string): Promise<WorkbookData> {
  const r = await readXlsx(readFileSync(join(__dirname, "../../samples", name)), { fileName: name });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

type Saved = [RecipeOutput, RecipeInput, Recipe, Reseal];

function recipeHost(recipe: Recipe | null = null): RecipeHost & {
  saveRecipe: jest.Mock;
  saveTriggers: jest.Mock;
  saveRecipeOutput: jest.Mock<Promise<string[]>, Saved>;
} {
  const fallback = findLibraryRecipe("学期报送");
  if (!fallback) throw new Error("no default recipe");
  return {
    loadRecipe: () => Promise.resolve({ recipe: recipe ?? fallback, stored: recipe !== null }),
    saveRecipe: jest.fn((r: Recipe) => Promise.resolve({ ok: true, message: `已保存“${r.name}”` })),
    loadTriggers: () => Promise.resolve({ onOpen: false, onEdit: false }),
    saveTriggers: jest.fn(() => Promise.resolve({ ok: true, message: "本工作簿已开启：打开时校验" })),
    clock: () => ({ today: { y: 2026, m: 11, d: 28 }, now: "2026-11-28T10:00:00+08:00" }),
    saveRecipeOutput: jest.fn((..._args: Saved) => Promise.resolve(["新工作表“花名册（格式化）”"])),
  };
}

// The tab alone, with the context App would give it (the day the recipe host's clock says).
const CONTEXT = engineContext(fixedToday({ y: 2026, m: 11, d: 28 }));

function renderTab(props: Partial<Parameters<typeof RecipeTab>[0]> & { recipes: RecipeHost }) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneContextProvider value={CONTEXT}>
        <RecipeTab host={props.host ?? officeHost()} locale="zh-CN" {...props} />
      </PaneContextProvider>
    </FluentProvider>,
  );
}

test("shows the workbook's recipe as a form: steps, options, add and remove", async () => {
  renderTab({ recipes: recipeHost() });
  const steps = await screen.findByTestId("recipe-steps");
  expect(within(steps).getAllByRole("listitem")).toHaveLength(7);
  expect(screen.getByTestId("recipe-name").textContent).toBe("学期报送");
  fireEvent.click(screen.getByTestId("step-6-remove"));
  expect(within(steps).getAllByRole("listitem")).toHaveLength(6);
  fireEvent.click(screen.getByTestId("add-step"));
  expect(within(steps).getAllByRole("listitem")).toHaveLength(7);
  // The notice step (index 5) has its own options.
  expect(screen.getByTestId("step-5-days")).toBeTruthy();
});

test("a recipe the form made invalid is refused with the step named, and nothing runs", async () => {
  const host = officeHost();
  const recipes = recipeHost();
  renderTab({ host, recipes });
  fireEvent.change(await screen.findByTestId("step-5-days"), { target: { value: "五" } });
  fireEvent.click(screen.getByTestId("run-recipe"));
  const status = await screen.findByTestId("recipe-status");
  expect(status.textContent).toMatch(/第 6 步（notice）：days：/);
  expect(host.read).not.toHaveBeenCalled();
  expect(recipes.saveRecipeOutput).not.toHaveBeenCalled();
});

test("saves the edited recipe through the host", async () => {
  const recipes = recipeHost();
  renderTab({ recipes });
  fireEvent.change(await screen.findByTestId("step-5-contact"), { target: { value: "学校资助办 0731-1234567" } });
  fireEvent.click(screen.getByTestId("save-recipe"));
  await waitFor(() => expect(recipes.saveRecipe).toHaveBeenCalled());
  const saved = recipes.saveRecipe.mock.calls[0]?.[0] as Recipe;
  expect(saved.steps[5]).toEqual({ step: "notice", contact: "学校资助办 0731-1234567" });
});

test("in Excel, fixes are confirmed first; saying no writes nothing", async () => {
  const wb = await sample("一补花名册-问题示例.xlsx");
  const host = officeHost(() => Promise.resolve(ok(wb)));
  const recipes = recipeHost();
  renderTab({ host, recipes });
  fireEvent.click(await screen.findByTestId("run-recipe"));
  fireEvent.click(await screen.findByTestId("cancel-fixes"));
  expect((await screen.findByTestId("recipe-status")).textContent).toContain("未修改原表");
  expect(recipes.saveRecipeOutput).not.toHaveBeenCalled();
  // Every step reported what it did.
  expect(screen.getByTestId("recipe-outcomes").querySelectorAll("li[data-status]").length).toBe(7);
});

test("a confirmed run hands the output to the host and lists what was written", async () => {
  const wb = await sample("一补花名册-问题示例.xlsx");
  const host = officeHost(() => Promise.resolve(ok(wb)));
  const recipes = recipeHost();
  renderTab({ host, recipes });
  fireEvent.click(await screen.findByTestId("run-recipe"));
  fireEvent.click(await screen.findByTestId("confirm-fixes"));
  await waitFor(() => expect(recipes.saveRecipeOutput).toHaveBeenCalled());
  const [output] = recipes.saveRecipeOutput.mock.calls[0] ?? [];
  expect(output?.fixes.length).toBeGreaterThan(0);
  expect(output?.steps[0]?.step).toBe("check");
  expect((await screen.findByTestId("recipe-written")).textContent).toContain("花名册（格式化）");
});

test("the ribbon's 运行流程 runs the stored recipe once per click", async () => {
  const wb = await sample("一补花名册-示例.xlsx");
  const host = officeHost(() => Promise.resolve(ok(wb)));
  const recipes = recipeHost({ name: "只校验", steps: [{ step: "check" }] });
  const view = renderTab({ host, recipes, runRequest: 1 });
  await waitFor(() => expect(recipes.saveRecipeOutput).toHaveBeenCalledTimes(1));
  expect((await screen.findByTestId("recipe-status")).textContent).toBe("流程已完成。");
  view.rerender(
    <FluentProvider theme={webLightTheme}>
      <PaneContextProvider value={CONTEXT}>
        <RecipeTab host={host} recipes={recipes} locale="zh-CN" runRequest={2} />
      </PaneContextProvider>
    </FluentProvider>,
  );
  await waitFor(() => expect(recipes.saveRecipeOutput).toHaveBeenCalledTimes(2));
});

test("the triggers are opt-in switches saved through the host", async () => {
  const recipes = recipeHost();
  renderTab({ recipes });
  fireEvent.click(await screen.findByTestId("trigger-open"));
  await waitFor(() => expect(recipes.saveTriggers).toHaveBeenCalledWith({ onOpen: true, onEdit: false }));
  expect((await screen.findByTestId("recipe-status")).textContent).toContain("打开时校验");
});

describe("in the pane", () => {
  function app(host: PaneHost, recipes: RecipeHost) {
    return render(<App host={host} recipes={recipes} locale="zh-CN" listHeight={200} />);
  }

  test("the on-open trigger checks the roster, shows the pane and a badge with the errors", async () => {
    const wb = await sample("一补花名册-问题示例.xlsx");
    const host = { ...officeHost(() => Promise.resolve(ok(wb))), show: jest.fn(() => Promise.resolve()) };
    const recipes = { ...recipeHost(), loadTriggers: () => Promise.resolve({ onOpen: true, onEdit: false }) };
    app(host, recipes);
    const badge = await screen.findByTestId("open-check-badge");
    expect(badge.textContent).toBe("13");
    expect(host.show).toHaveBeenCalledTimes(1);
  });

  test("the on-edit trigger turns the live check on", async () => {
    const watchEdits = jest.fn(() => Promise.resolve(() => Promise.resolve()));
    const host = { ...officeHost(), watchEdits };
    const recipes = { ...recipeHost(), loadTriggers: () => Promise.resolve({ onOpen: false, onEdit: true }) };
    app(host, recipes);
    await waitFor(() => expect(watchEdits).toHaveBeenCalledTimes(1));
    expect(host.read).not.toHaveBeenCalled();
  });

  test("without triggers nothing runs when the pane loads", async () => {
    const host = { ...officeHost(), show: jest.fn(() => Promise.resolve()) };
    const recipes = recipeHost();
    const loadTriggers = jest.fn(recipes.loadTriggers);
    app(host, { ...recipes, loadTriggers });
    // The triggers are read as the pane loads (the 流程 tab itself loads when first opened).
    await waitFor(() => expect(loadTriggers).toHaveBeenCalled());
    await screen.findByTestId("tab-recipes");
    expect(host.read).not.toHaveBeenCalled();
    expect(screen.queryByTestId("open-check-badge")).toBeNull();
  });

  test("运行流程 from the ribbon opens the 流程 tab and runs the recipe once", async () => {
    const wb = await sample("一补花名册-示例.xlsx");
    const host = officeHost(() => Promise.resolve(ok(wb)));
    const recipes = recipeHost({ name: "只校验", steps: [{ step: "check" }] });
    postCommandRequest(window, "runRecipe", 424242);
    app(host, recipes);
    await waitFor(() => expect(recipes.saveRecipeOutput).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId("tab-recipes").getAttribute("aria-selected")).toBe("true");
  });
});
