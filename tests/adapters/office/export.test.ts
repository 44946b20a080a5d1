/**
 * writeIssuesSheet against office-addin-mock: getItemOrNullObject answers from a list of existing
 * names; add() and getRangeByIndexes() return mocks that keep what is assigned to them, so the
 * written header, formats, values and formulas can be read back.
 */
import { OfficeMockObject } from "office-addin-mock";
import { ISSUES_HEADER, cellLink, writeIssuesSheet } from "../../../src/adapters/office/export";
import type { Issue, Report } from "../../../src/core/report/types";

interface Written {
  row: number;
  col: number;
  rows: number;
  cols: number;
  range: OfficeMockObject;
}

interface Added {
  name: string;
  frozenRows: number;
  activated: boolean;
  ranges: Written[];
}

function install(existing: string[]): { added: Added[]; syncs: () => number } {
  const added: Added[] = [];
  let syncs = 0;
  const pending: OfficeMockObject[] = [];
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItemOrNullObject: (name: string) => {
            const probe = new OfficeMockObject({ name });
            probe.isNullObject = !existing.includes(name);
            pending.push(probe);
            return probe;
          },
          add: (name: string) => {
            const sheet: Added = { name, frozenRows: 0, activated: false, ranges: [] };
            added.push(sheet);
            existing.push(name);
            return new OfficeMockObject({
              freezePanes: {
                freezeRows: (n: number) => {
                  sheet.frozenRows = n;
                },
              },
              activate: () => {
                sheet.activated = true;
              },
              getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => {
                const range = new OfficeMockObject({ format: { font: {} } });
                sheet.ranges.push({ row, col, rows, cols, range });
                return range;
              },
            });
          },
        },
      },
      sync: async () => {
        syncs++;
        for (const m of pending.splice(0)) await m.sync();
        await Promise.resolve();
      },
    },
    run: async function (this: OfficeMockObject, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  });
  Object.assign(globalThis, { Excel: excel });
  return { added, syncs: () => syncs };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

function issue(i: number, extra: Partial<Issue> = {}): Issue {
  return {
    rule: "id.checksum",
    severity: "error",
    sheet: "花名册",
    row: i + 3,
    column: "C",
    cell: `C${i + 3}`,
    message: "身份证号校验位不正确",
    hint: "核对身份证原件后更正",
    value: "110101********1234",
    ...extra,
  };
}

function report(issues: Issue[]): Report {
  return {
    valid: issues.length === 0,
    pack: { id: "seed", version: "1" },
    kind: "students",
    stats: { rows: 100, errors: issues.length, warnings: 0, infos: 0, byRule: {} },
    issues,
  };
}

describe("writeIssuesSheet", () => {
  it("creates 校验结果 (2) when 校验结果 exists, with header, links and text formats", async () => {
    const { added, syncs } = install(["花名册", "校验结果"]);
    const issues = [issue(0), issue(1, { severity: "warning", value: "=1+1", cell: "", column: "", row: 9 })];
    const result = await writeIssuesSheet(report(issues));
    expect(result).toEqual({ ok: true, value: { sheet: "校验结果 (2)" } });
    expect(added).toHaveLength(1);
    const sheet = added[0] as Added;
    expect(sheet.name).toBe("校验结果 (2)");
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.activated).toBe(true);
    const header = sheet.ranges.find((r) => r.row === 0 && r.cols === 8);
    expect(header?.range.values).toEqual([ISSUES_HEADER]);
    expect(header?.range.format.font.bold).toBe(true);
    const left = sheet.ranges.find((r) => r.row === 1 && r.col === 0 && r.cols === 4);
    expect(left?.range.values).toEqual([
      [1, "错误", "id.checksum", "花名册"],
      [2, "警告", "id.checksum", "花名册"],
    ]);
    expect(left?.range.numberFormat).toEqual([
      ["0", "@", "@", "@"],
      ["0", "@", "@", "@"],
    ]);
    const link = sheet.ranges.find((r) => r.row === 1 && r.col === 4);
    expect(link?.range.formulas).toEqual([[`=HYPERLINK("#'花名册'!C3","C3")`], [`=HYPERLINK("#'花名册'!A9","第9行")`]]);
    const right = sheet.ranges.find((r) => r.row === 1 && r.col === 5);
    // The value column is text-formatted, so "=1+1" stays text.
    expect(right?.range.numberFormat).toEqual([
      ["@", "@", "@"],
      ["@", "@", "@"],
    ]);
    expect(right?.range.values[1]).toEqual(["身份证号校验位不正确", "核对身份证原件后更正", "=1+1"]);
    expect(syncs()).toBe(2);
  });

  it("writes 4,500 issues in three requests of at most 2,000 rows", async () => {
    const { added, syncs } = install([]);
    const issues = Array.from({ length: 4500 }, (_, i) => issue(i));
    const result = await writeIssuesSheet(report(issues));
    expect(result.ok && result.value.sheet).toBe("校验结果");
    const blocks = (added[0] as Added).ranges.filter((r) => r.col === 4 && r.row > 0).map((r) => [r.row, r.rows]);
    expect(blocks).toEqual([
      [1, 2000],
      [2001, 2000],
      [4001, 500],
    ]);
    expect(syncs()).toBe(4);
  });

  it("quotes sheet names in links", () => {
    expect(cellLink(issue(0, { sheet: `It's "A"` }))).toBe(`=HYPERLINK("#'It''s ""A""'!C3","C3")`);
  });
});
