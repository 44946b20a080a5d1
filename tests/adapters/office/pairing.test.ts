/**
 * The 一对一帮扶 sample (samples/帮扶台账-问题示例.xlsx: 资助花名册, 帮联台账, 帮扶记录) in Excel, through
 * the pane's Office host: the 校验 tab's one click (host.read({ companions }), then checkWorkbook with the tab's
 * default options, as taskpane/check/useCheckRun.ts does) must find every planted defect of the
 * .expected.json on its sheet at its cell — README 一对一帮扶台账: "在任务窗格“校验”页一键校验即可，
 * 不需要额外步骤". Then what the host does with the findings: 标出问题单元格 (conditional formats on
 * each planted sheet, remembered in the settings by sheet), 导出校验结果 (the 校验结果 sheet's 工作表
 * column and cell links) and going to an issue's cell (activate + select on the ledger sheet).
 *
 * The workbook is a small in-memory fake, as in sheets.test.ts: every sheet of the sample holds
 * its cells; the reader's calls (active sheet, worksheets.items, used range, getRangeByIndexes
 * values / numberFormat / rowHidden / columnHidden) read them, the writers' calls (add, values,
 * numberFormat, formulas, conditionalFormats.add, activate, select) record what they did.
 * Formatting calls are accepted and ignored.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createOfficeHost } from "../../../src/adapters/office/pane-host";
import { HIGHLIGHTS_KEY, HIGHLIGHT_FILL, markerFormula } from "../../../src/adapters/office/highlight";
import { ISSUES_HEADER } from "../../../src/adapters/office/export";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { checkWorkbook } from "../../../src/core/check/check";
import { cellKey, columnName, type CellValue, type Grid, type WorkbookData } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import type { Issue, Report } from "../../../src/core/report/types";
import type { PaneHost } from "../../../src/adapters/pane-host";
import { DEFAULT_CHOICES, checkOptions } from "../../../taskpane/check/check-options";
import { withActiveSheet } from "../../../taskpane/check/useCheckRun";
import { installOffice, type FakeSettings } from "./fake-settings";

const FILE = "帮扶台账-问题示例.xlsx";
const SAMPLES = join(__dirname, "..", "..", "..", "samples");
const TODAY = { y: 2026, m: 11, d: 28 };
type Planted = { rule: string; sheet: string; cell: string };
const PLANTED = (
  JSON.parse(readFileSync(join(SAMPLES, FILE.replace(/\.xlsx$/, ".expected.json")), "utf8")) as {
    expected: Planted[];
  }
).expected;
const ROSTER = "资助花名册";
const LEDGER = "帮联台账";
const RECORDS = "帮扶记录";

interface Sheet {
  name: string;
  visibility: string;
  cells: Map<string, CellValue>;
  formats: Map<string, string>;
  formulas: Map<string, string>;
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
}

interface Rule {
  sheet: string;
  addresses: string;
  type: string;
  formula: string;
  fill: string;
  deleted: boolean;
}

/** Office.js's rowHidden / columnHidden of a block: true (all hidden), false (none), null (some). */
function hiddenFlag(hidden: ReadonlySet<number>, from: number, count: number): boolean | null {
  let n = 0;
  for (let i = from; i < from + count; i++) if (hidden.has(i)) n++;
  return n === 0 ? false : n === count ? true : null;
}

/** Accepts any property read, set or call: the formatting the flows do not look at. */
function sink(): unknown {
  const fn = function () {};
  return new Proxy(fn, { get: (_t, p) => (p === "then" ? undefined : sink()), set: () => true, apply: () => sink() });
}

class Book {
  sheets: Sheet[] = [];
  active = "";
  selected = "";
  syncs = 0;
  rules: Rule[] = [];

  addGrid(grid: Grid): Sheet {
    const sheet: Sheet = {
      name: grid.name,
      visibility: grid.state === "visible" ? "Visible" : grid.state === "hidden" ? "Hidden" : "VeryHidden",
      cells: new Map(),
      formats: new Map(grid.formats),
      formulas: new Map(),
      hiddenRows: new Set(grid.hiddenRows),
      hiddenColumns: new Set(grid.hiddenColumns),
    };
    grid.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) sheet.cells.set(cellKey(r, c), v);
      }),
    );
    for (const [key, text] of grid.formulas) sheet.formulas.set(key, `=${text}`);
    this.sheets.push(sheet);
    return sheet;
  }

  find(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The sheet as rows of values. */
  rows(name: string): CellValue[][] {
    const s = this.find(name);
    if (!s) return [];
    const out: CellValue[][] = [];
    for (const [key, v] of s.cells) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      while (out.length <= r) out.push([]);
      const row = out[r] ?? [];
      while (row.length <= c) row.push(null);
      row[c] = v;
    }
    return out.map((row) => Array.from(row, (v) => v ?? null));
  }

  private conditionalFormats = (sheet: Sheet, addresses: string): unknown => {
    const rules = this.rules;
    return {
      load: () => undefined,
      get items() {
        return rules
          .filter((r) => r.sheet === sheet.name && !r.deleted)
          .map((rule) => ({
            type: rule.type,
            custom: { rule: { load: () => undefined, formula: rule.formula } },
            delete: () => {
              rule.deleted = true;
            },
          }));
      },
      add: (type: string) => {
        const rule: Rule = { sheet: sheet.name, addresses, type, formula: "", fill: "", deleted: false };
        rules.push(rule);
        return {
          custom: {
            rule: {
              set formula(f: string) {
                rule.formula = f;
              },
            },
            format: {
              fill: {
                set color(c: string) {
                  rule.fill = c;
                },
              },
            },
          },
        };
      },
    };
  };

  private range = (sheet: Sheet, top: number, left: number, rows: number, cols: number): unknown => {
    const grid = <T>(get: (r: number, c: number) => T): T[][] =>
      Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => get(top + i, left + j)));
    const put = (value: unknown[][], into: (r: number, c: number, v: unknown) => void): void => {
      value.forEach((row, i) => row.forEach((v, j) => into(top + i, left + j, v)));
    };
    return {
      load: () => undefined,
      isNullObject: false,
      address: `${sheet.name}!${columnName(left)}${top + 1}:${columnName(left + cols - 1)}${top + rows}`,
      rowIndex: top,
      columnIndex: left,
      rowCount: rows,
      columnCount: cols,
      get rowHidden() {
        return hiddenFlag(sheet.hiddenRows, top, rows);
      },
      get columnHidden() {
        return hiddenFlag(sheet.hiddenColumns, left, cols);
      },
      get values() {
        return grid((r, c) => sheet.cells.get(cellKey(r, c)) ?? "");
      },
      set values(v: unknown[][]) {
        put(v, (r, c, x) => {
          if (x === "" || x === null) sheet.cells.delete(cellKey(r, c));
          else sheet.cells.set(cellKey(r, c), x as CellValue);
        });
      },
      get numberFormat() {
        return grid((r, c) => sheet.formats.get(cellKey(r, c)) ?? "General");
      },
      set numberFormat(v: unknown[][]) {
        put(v, (r, c, x) => sheet.formats.set(cellKey(r, c), String(x)));
      },
      get formulas() {
        return grid((r, c) => sheet.formulas.get(cellKey(r, c)) ?? sheet.cells.get(cellKey(r, c)) ?? "");
      },
      set formulas(v: unknown[][]) {
        put(v, (r, c, x) => sheet.formulas.set(cellKey(r, c), String(x)));
      },
      getMergedAreasOrNullObject: () => ({ load: () => undefined, isNullObject: true, address: "" }),
      format: sink(),
    };
  };

  private sheetApi = (sheet: Sheet): unknown => {
    return {
      load: () => undefined,
      isNullObject: false,
      get name() {
        return sheet.name;
      },
      get visibility() {
        return sheet.visibility;
      },
      activate: () => {
        this.active = sheet.name;
      },
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => this.range(sheet, r, c, rows, cols),
      // getRange(): the whole sheet (its conditional formats); getRange("J8"): a cell to select.
      getRange: (address?: string) => ({
        conditionalFormats: this.conditionalFormats(sheet, address ?? ""),
        select: () => {
          this.selected = `${sheet.name}!${address ?? ""}`;
        },
      }),
      getRanges: (addresses: string) => ({ conditionalFormats: this.conditionalFormats(sheet, addresses) }),
      getUsedRangeOrNullObject: () => {
        let top = Infinity;
        let left = Infinity;
        let bottom = -1;
        let right = -1;
        for (const key of sheet.cells.keys()) {
          const [r, c] = key.split(",").map(Number) as [number, number];
          top = Math.min(top, r);
          left = Math.min(left, c);
          bottom = Math.max(bottom, r);
          right = Math.max(right, c);
        }
        if (bottom < 0) return { load: () => undefined, isNullObject: true };
        return this.range(sheet, top, left, bottom - top + 1, right - left + 1);
      },
      freezePanes: sink(),
    };
  };

  install = (): void => {
    const missing = {
      load: () => undefined,
      isNullObject: true,
      getUsedRangeOrNullObject: () => ({ load: () => undefined, isNullObject: true }),
    };
    const worksheets = {
      load: () => undefined,
      getActiveWorksheet: () => {
        const s = this.find(this.active);
        if (!s) throw new Error("no active sheet");
        return this.sheetApi(s);
      },
      getItem: (name: string) => {
        const s = this.find(name);
        if (!s) throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
        return this.sheetApi(s);
      },
      getItemOrNullObject: (name: string) => {
        const s = this.find(name);
        return s ? this.sheetApi(s) : missing;
      },
      add: (name: string) =>
        this.sheetApi(
          this.addGrid({
            name,
            rows: [],
            formats: new Map(),
            formulas: new Map(),
            merges: [],
            hiddenRows: new Set(),
            hiddenColumns: new Set(),
            state: "visible",
            notes: [],
            headerFooter: [],
          }),
        ),
    };
    Object.defineProperty(worksheets, "items", { get: () => this.sheets.map((s) => this.sheetApi(s)) });
    const context = {
      workbook: {
        worksheets,
        properties: { load: () => undefined },
        getSelectedRange: () => {
          throw new Error("not used");
        },
      },
      sync: () => {
        this.syncs++;
        return Promise.resolve();
      },
    };
    Object.assign(globalThis, { Excel: { run: <T>(cb: (ctx: unknown) => Promise<T>) => cb(context) } });
  };
}

async function sampleWorkbook(): Promise<WorkbookData> {
  const r = await readXlsx(new Uint8Array(readFileSync(join(SAMPLES, FILE))), { fileName: FILE });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

/** The sample in a fake Excel workbook, `active` the active sheet, with the settings store. */
async function open(active: string): Promise<{ book: Book; host: PaneHost; settings: FakeSettings }> {
  const book = new Book();
  for (const grid of (await sampleWorkbook()).sheets) book.addGrid(grid);
  book.active = active;
  book.install();
  const settings = installOffice();
  return { book, host: createOfficeHost(), settings };
}

/** The 校验 tab's one click: host.read with the fellow sheets, then the check with the tab's default choices. */
async function paneCheck(host: PaneHost): Promise<Report> {
  const r = await host.read({ companions: true });
  if (!r.ok) throw new Error(r.message);
  const { check } = checkOptions(DEFAULT_CHOICES, { pack: seedPack(), today: TODAY, locale: "zh-CN" });
  return checkWorkbook(r.workbook, withActiveSheet(check, r)).report;
}

/** The same check on the whole workbook as the Office host reads it for the privacy tab (readAll). */
async function wholeWorkbookCheck(host: PaneHost): Promise<Report> {
  if (!host.readAll) throw new Error("the Office host has no readAll");
  const r = await host.readAll();
  if (!r.ok) throw new Error(r.message);
  const { check } = checkOptions(DEFAULT_CHOICES, { pack: seedPack(), today: TODAY, locale: "zh-CN" });
  return checkWorkbook(r.workbook, check).report;
}

const placesOf = (report: Report, rule: string): string[] =>
  report.issues.filter((i) => i.rule === rule).map((i) => `${i.sheet}!${i.cell}`);

const planted = (): [string, Planted][] => PLANTED.map((e) => [`${e.rule} at ${e.sheet}!${e.cell}`, e]);

/** The planted issues of a report (one per planted rule and cell). */
function plantedIssues(report: Report): Issue[] {
  return PLANTED.map((e) => {
    const issue = report.issues.find((i) => i.rule === e.rule && i.sheet === e.sheet && i.cell === e.cell);
    if (!issue) throw new Error(`${e.rule} at ${e.sheet}!${e.cell} not found`);
    return issue;
  });
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

test("the sample plants one defect on each of its three sheets' rules", () => {
  expect(new Set(PLANTED.map((e) => e.sheet))).toEqual(new Set([ROSTER, LEDGER, RECORDS]));
});

describe("the 校验 tab's one click on the Office host", () => {
  // Whichever sheet is active when the user clicks 校验, the ledgers are checked with the roster.
  test.each([LEDGER, ROSTER, RECORDS])("with %s active, finds every planted defect at its cell", async (active) => {
    const { host } = await open(active);
    const report = await paneCheck(host);
    const found = PLANTED.map((e) => ({ rule: e.rule, at: placesOf(report, e.rule) }));
    expect(found).toEqual(PLANTED.map((e) => ({ rule: e.rule, at: [`${e.sheet}!${e.cell}`] })));
  });

  test("the workbook as the Office host reads it whole (readAll) holds every planted defect at its cell", async () => {
    // The engine and this fake agree with the sample when the check is given every sheet.
    const { host } = await open(LEDGER);
    const report = await wholeWorkbookCheck(host);
    for (const e of PLANTED) expect(placesOf(report, e.rule)).toEqual([`${e.sheet}!${e.cell}`]);
  });
});

describe("what the Office host does with the pairing findings", () => {
  test("标出问题单元格 adds conditional formats on the planted cells of each ledger sheet and the roster", async () => {
    const { book, host, settings } = await open(LEDGER);
    const report = await wholeWorkbookCheck(host);
    const issues = plantedIssues(report);
    const status = await host.highlight?.(issues);
    expect(status).toBe(`已标出 ${PLANTED.length} 个单元格（可一键清除，不改动您的格式）`);
    for (const e of PLANTED) {
      const onSheet = book.rules.filter((r) => r.sheet === e.sheet && !r.deleted);
      const addresses = onSheet.flatMap((r) => r.addresses.split(","));
      expect({ at: `${e.sheet}!${e.cell}`, marked: addresses.includes(e.cell) }).toEqual({
        at: `${e.sheet}!${e.cell}`,
        marked: true,
      });
      const issue = issues.find((i) => i.rule === e.rule);
      const rule = onSheet.find((r) => r.addresses.split(",").includes(e.cell));
      expect(rule?.formula).toBe(markerFormula(issue?.severity ?? "error"));
      expect(rule?.fill).toBe(HIGHLIGHT_FILL[issue?.severity ?? "error"]);
    }
    // No mark lands on a sheet the findings do not name.
    expect(new Set(book.rules.map((r) => r.sheet))).toEqual(new Set([ROSTER, LEDGER, RECORDS]));
    const record = JSON.parse(settings.store.get(HIGHLIGHTS_KEY) ?? "null") as { groups: { sheet: string }[] };
    expect(new Set(record.groups.map((g) => g.sheet))).toEqual(new Set([ROSTER, LEDGER, RECORDS]));

    expect(await host.clearHighlight?.()).toBe(`已清除 ${book.rules.length} 处标记`);
    expect(book.rules.every((r) => r.deleted)).toBe(true);
  });

  test("导出校验结果 writes a 校验结果 sheet naming each issue's ledger sheet, with a link to its cell", async () => {
    const { book, host } = await open(LEDGER);
    const report = await wholeWorkbookCheck(host);
    const before = [ROSTER, LEDGER, RECORDS].map((name) => book.rows(name));
    expect(await host.exportResults(report)).toBe("已写入新工作表“校验结果”");
    expect(book.active).toBe("校验结果");
    const rows = book.rows("校验结果");
    expect(rows[0]).toEqual([...ISSUES_HEADER]);
    const sheetCol = ISSUES_HEADER.indexOf("工作表");
    const ruleCol = ISSUES_HEADER.indexOf("规则");
    const linkCol = ISSUES_HEADER.indexOf("单元格");
    const results = book.find("校验结果");
    for (const e of PLANTED) {
      const links = rows
        .map((row, r) => ({ row, r }))
        .filter(({ row, r }) => r > 0 && row[ruleCol] === e.rule && row[sheetCol] === e.sheet)
        .map(({ r }) => results?.formulas.get(cellKey(r, linkCol)) ?? "");
      expect(links).toEqual([`=HYPERLINK("#'${e.sheet}'!${e.cell}","${e.cell}")`]);
    }
    // The sample's own sheets are not written.
    expect([ROSTER, LEDGER, RECORDS].map((name) => book.rows(name))).toEqual(before);
  });

  test.each(planted())("going to %s activates that sheet and selects the cell", async (_name, e) => {
    const { book, host } = await open(ROSTER);
    const [issue] = plantedIssues(await wholeWorkbookCheck(host)).filter((i) => i.rule === e.rule);
    if (!issue) throw new Error("not found");
    await host.reveal?.(issue);
    expect(book.active).toBe(e.sheet);
    expect(book.selected).toBe(`${e.sheet}!${e.cell}`);
  });
});

describe("the fellow sheets the 校验 tab reads", () => {
  test("a ledger workbook: the active sheet and its visible ledgers and rosters", async () => {
    const { host } = await open("帮联台账");
    const r = await host.read({ companions: true });
    if (!r.ok) throw new Error(r.message);
    expect(r.workbook.sheets.map((s) => s.name)).toEqual(["帮联台账", "资助花名册", "帮扶记录"]);
    expect(r.activeSheet).toBe("帮联台账");
  });

  test("a workbook without a ledger: the active sheet alone, as before", async () => {
    const book = new Book();
    const wb = await sampleWorkbook();
    const roster = wb.sheets.find((s) => s.name === "资助花名册");
    if (!roster) throw new Error("no roster");
    book.addGrid(roster);
    book.addGrid({ ...roster, name: "资助花名册（秋季）" });
    book.active = "资助花名册";
    book.install();
    installOffice();
    const r = await createOfficeHost().read({ companions: true });
    if (!r.ok) throw new Error(r.message);
    expect(r.workbook.sheets.map((s) => s.name)).toEqual(["资助花名册"]);
    expect(r.activeSheet).toBeUndefined();
  });

  test("without companions (the other tabs): the active sheet alone", async () => {
    const { host } = await open("帮联台账");
    const r = await host.read();
    expect(r.ok && r.workbook.sheets.map((s) => s.name)).toEqual(["帮联台账"]);
  });
});
