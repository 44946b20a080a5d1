/**
 * selectCell against office-addin-mock: activate() and select() are mock functions that record
 * what they were called on; a missing sheet is a host error raised at sync, as in Excel.
 */
import { OfficeMockObject } from "office-addin-mock";
import { selectCell } from "../../../src/adapters/office/navigate";

interface State {
  active: string;
  selected: string;
  syncs: number;
}

function install(sheetNames: string[]): State {
  const state: State = { active: "Sheet1", selected: "A1", syncs: 0 };
  let failure: unknown = null;
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItem: (name: string) => {
            if (!sheetNames.includes(name)) {
              // Excel raises ItemNotFound when the batch runs, not when getItem is queued.
              failure = Object.assign(new Error(`The requested resource doesn't exist.`), { code: "ItemNotFound" });
            }
            return new OfficeMockObject({
              activate: () => {
                state.active = name;
              },
              getRange: (address: string) =>
                new OfficeMockObject({
                  select: () => {
                    state.selected = `${name}!${address}`;
                  },
                }),
            });
          },
        },
      },
      sync: async () => {
        state.syncs++;
        if (failure) throw failure;
      },
    },
    run: async function (this: OfficeMockObject, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  });
  Object.assign(globalThis, { Excel: excel });
  return state;
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const state = install(["Sheet1", "花名册"]);
    const result = await selectCell("花名册", "C5");
    expect(result.ok).toBe(true);
    expect(state).toEqual({ active: "花名册", selected: "花名册!C5", syncs: 1 });
  });

  it("says in Chinese when the sheet is gone", async () => {
    install(["Sheet1"]);
    const result = await selectCell("花名册", "C5");
    expect(!result.ok && result.problem.message).toBe(
      "找不到工作表“花名册”：它可能已被重命名或删除。请重新校验后再定位。",
    );
  });
});
