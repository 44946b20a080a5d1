/**
 * runSheetCommand / runPreSubmitCheck / verifyWorkbookSeal against a small in-memory workbook
 * fake: sheets hold cells; the reader's calls (active sheet, used range, getRangeByIndexes.values)
 * read them and the writer's calls (add, values, numberFormat, formulas) write them, so a written
 * sheet can be read back — the seal is written, then verified, then the roster is edited.
 * Formatting calls are accepted and ignored (write-sheet.test.ts checks them).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  ROSTER_SHEET_KEY,
  runPreSubmitCheck,
  runSheetCommand,
  verifyWorkbookSeal,
} from "../../../src/adapters/office/sheets";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { cellKey, makeGrid, type CellValue, type Grid } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import { scanSheet } from "../../../src/core/privacy";
import { rosterDigest } from "../../../src/core/sheets/digest";
import { SEAL_SHEET, verifySeal } from "../../../src/core/sheets/seal";

interface Sheet {
  name: string;
  visibility: string;
  cells: Map<string, CellValue>;
  formats: Map<string, string>;
  formulas: Map<string, string>;
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
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
  syncs = 0;
  failWrites: { code: string; message: string } | null = null;

  addGrid(grid: Grid, visibility = "Visible"): Sheet {
    const sheet: Sheet = {
      name: grid.name,
      visibility,
      cells: new Map(),
      formats: new Map(grid.formats),
      formulas: new Map(),
      hiddenRows: new Set(grid.hiddenRows),
      hiddenColumns: new Set(grid.hiddenColumns),
      deleted: false,
    };
    grid.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) sheet.cells.set(cellKey(r, c), v);
      }),
    );
    // Office.js formulas carry their "=" (as the writer's `formulas` writes do).
    for (const [key, text] of grid.formulas) sheet.formulas.set(key, `=${text}`);
    this.sheets.push(sheet);
    return sheet;
  }

  live(): Sheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  find(name: string): Sheet | undefined {
    return this.live().find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The sheet as rows of values (what the user would see). */
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
    return out.map((row) => row.map((v) => v ?? null));
  }

  private range = (sheet: Sheet, top: number, left: number, rows: number, cols: number): unknown => {
    const grid = <T>(get: (r: number, c: number) => T): T[][] =>
      Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => get(top + i, left + j)));
    const put = (value: unknown[][], into: (r: number, c: number, v: unknown) => void): void => {
      if (this.failWrites) throw Object.assign(new Error(this.failWrites.message), { code: this.failWrites.code });
      value.forEach((row, i) => row.forEach((v, j) => into(top + i, left + j, v)));
    };
    return {
      load: () => undefined,
      isNullObject: false,
      address: `${sheet.name}!A1`,
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
      // Office.js: a formula cell's formula, any other cell's value ("" when empty).
      get formulas() {
        return grid((r, c) => sheet.formulas.get(cellKey(r, c)) ?? sheet.cells.get(cellKey(r, c)) ?? "");
      },
      set formulas(v: unknown[][]) {
        put(v, (r, c, x) => sheet.formulas.set(cellKey(r, c), String(x)));
      },
      getMergedAreasOrNullObject: () => ({ load: () => undefined, isNullObject: true, address: "" }),
      merge: () => undefined,
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
      set name(v: string) {
        sheet.name = v;
      },
      set visibility(v: string) {
        sheet.visibility = v;
      },
      delete: () => {
        sheet.deleted = true;
      },
      activate: () => {
        this.active = sheet.name;
      },
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => this.range(sheet, r, c, rows, cols),
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
      pageLayout: sink(),
      horizontalPageBreaks: sink(),
    };
  };

  install = (): void => {
    const worksheets = {
      load: () => undefined,
      getActiveWorksheet: () => {
        const s = this.find(this.active);
        if (!s) throw new Error("no active sheet");
        return this.sheetApi(s);
      },
      getItemOrNullObject: (name: string) => {
        const s = this.find(name);
        return s
          ? this.sheetApi(s)
          : {
              load: () => undefined,
              isNullObject: true,
              getUsedRangeOrNullObject: () => ({ load: () => undefined, isNullObject: true }),
            };
      },
      add: (name: string) => {
        if (this.failWrites) throw Object.assign(new Error(this.failWrites.message), { code: this.failWrites.code });
        return this.sheetApi(this.addGrid(makeGrid(name, [])));
      },
    };
    Object.defineProperty(worksheets, "items", { get: () => this.live().map((s) => this.sheetApi(s)) });
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

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

/** Office.context.document.settings as the host keeps them (JSON values), for the remembered roster and mappings. */
function installSettings(initial: Record<string, unknown> = {}): Map<string, string> {
  const store = new Map(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  const settings = {
    get: (key: string): unknown => {
      const raw = store.get(key);
      return raw === undefined ? null : JSON.parse(raw);
    },
    set: (key: string, value: unknown) => store.set(key, JSON.stringify(value)),
    remove: (key: string) => store.delete(key),
    saveAsync: (callback: (r: { status: string }) => void) => callback({ status: "succeeded" }),
  };
  Object.assign(globalThis, {
    Office: { context: { document: { settings } }, AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } },
  });
  return store;
}

const TODAY = { y: 2026, m: 11, d: 28 };
const options = { pack: seedPack(), today: TODAY };

async function sample(file: string): Promise<Grid> {
  const bytes = new Uint8Array(readFileSync(join(__dirname, "../../../samples", file)));
  const wb = await readXlsx(bytes, { fileName: file });
  if (!wb.ok) throw new Error(wb.problem.message);
  const grid = wb.value.sheets.find((g) => g.state === "visible");
  if (!grid) throw new Error("no sheet");
  return grid;
}

async function bookWith(file: string): Promise<{ book: Book; roster: string; before: CellValue[][] }> {
  const book = new Book();
  const grid = await sample(file);
  book.addGrid(grid);
  book.active = grid.name;
  book.install();
  return { book, roster: grid.name, before: book.rows(grid.name) };
}

describe("runSheetCommand", () => {
  test.each([
    ["formatRoster", "花名册（格式化）"],
    ["buildSummary", "汇总表"],
    ["buildNotice", "公示表"],
    ["buildForms", "申请表"],
  ] as const)("%s on the sample: a new sheet %s, the roster untouched", async (command, sheet) => {
    const { book, roster, before } = await bookWith("一补花名册-示例.xlsx");
    const out = await runSheetCommand(command, options);
    expect(out.ok).toBe(true);
    expect(out.sheet).toBe(sheet);
    expect(out.message).toBe(`已新建工作表“${sheet}”（工作表“${roster}”未改动）。`);
    expect(book.rows(sheet).length).toBeGreaterThan(3);
    expect(book.rows(roster)).toEqual(before);
    // No office.js requirement API in this fake: print setup is skipped, and said so.
    expect(out.notes.some((n) => n.includes("ExcelApi 1.9"))).toBe(true);
  });

  test("a second run gets a free name; the first result stays", async () => {
    const { book, roster } = await bookWith("一补花名册-示例.xlsx");
    await runSheetCommand("buildSummary", options);
    const first = book.rows("汇总表");
    // The new sheet is now the active one: without the roster's name there is no roster to read.
    const lost = await runSheetCommand("buildSummary", options);
    expect(lost.ok).toBe(false);
    expect(lost.message).toContain("工作表“汇总表”");
    const out = await runSheetCommand("buildSummary", { ...options, title: "2026年秋季学期资助汇总", sheet: roster });
    expect(out.sheet).toBe("汇总表 (2)");
    expect(out.roster).toBe(roster);
    expect(book.rows("汇总表")).toEqual(first);
    expect(JSON.stringify(book.rows("汇总表 (2)"))).toContain("2026年秋季学期资助汇总");
  });

  test("the 公示表 carries no ID numbers, phones or cards", async () => {
    const { book, roster } = await bookWith("一补花名册-示例.xlsx");
    const out = await runSheetCommand("buildNotice", { ...options, contact: "学校资助办", days: 7 });
    expect(out.ok).toBe(true);
    const notice = scanSheet(makeGrid("公示表", book.rows("公示表")), { mode: "notice" });
    expect(notice.map((f) => f.rule)).toEqual([]);
    // The roster it came from is full of them (the scan can find them).
    expect(scanSheet(makeGrid("花名册", book.rows(roster)), { mode: "notice" }).length).toBeGreaterThan(0);
  });

  test("生成申请表 reads the user's 申请表模板 sheet and fills it", async () => {
    const { book } = await bookWith("一补花名册-示例.xlsx");
    book.addGrid(
      makeGrid("申请表模板", [
        ["本校自制申请表", null],
        ["学生姓名", "{{姓名}}"],
        ["资助金额", "{{金额}}"],
      ]),
    );
    const out = await runSheetCommand("buildForms", options);
    expect(out.ok).toBe(true);
    const text = JSON.stringify(book.rows(out.sheet ?? ""));
    expect(text).toContain("本校自制申请表");
    expect(text).not.toContain("{{姓名}}");
  });

  test("an active sheet without a roster: a Chinese message naming it, nothing written", async () => {
    const book = new Book();
    book.addGrid(makeGrid("说明", [["本工作簿用于……"], ["联系人：王老师"]]));
    book.active = "说明";
    book.install();
    const out = await runSheetCommand("formatRoster", options);
    expect(out.ok).toBe(false);
    expect(out.message).toContain("工作表“说明”中没有找到花名册的表头");
    expect(book.live().map((s) => s.name)).toEqual(["说明"]);
  });

  test("a protected workbook: the host's refusal as a Chinese message", async () => {
    const { book } = await bookWith("一补花名册-示例.xlsx");
    book.failWrites = { code: "AccessDenied", message: "denied" };
    const out = await runSheetCommand("formatRoster", options);
    expect(out.ok).toBe(false);
    expect(out.message).toContain("受保护");
    expect(out.message).toContain("花名册（格式化）");
  });
});

describe("报送前检查 and 核验凭证", () => {
  test("a roster with errors: the report comes back and nothing is written", async () => {
    const { book } = await bookWith("一补花名册-问题示例.xlsx");
    const out = await runPreSubmitCheck(options);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.report?.issues.some((i) => i.severity === "error")).toBe(true);
    expect(out.message).not.toBe("");
    expect(book.find(SEAL_SHEET)).toBeUndefined();
  });

  test("a clean roster is sealed (very hidden), verified, edited, detected, and sealed again in place", async () => {
    const { book, roster } = await bookWith("一补花名册-示例.xlsx");
    expect((await verifyWorkbookSeal()).status).toBe("unsealed");

    const out = await runPreSubmitCheck({ ...options, now: "2026-11-28T10:30:00+08:00", tool: "0.1.0" });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(book.find(SEAL_SHEET)?.visibility).toBe("VeryHidden");
    expect(out.message).toContain(`工作表“${roster}”`);
    expect(out.message).toContain("2026-11-28T10:30:00+08:00");
    expect(out.message).toContain(`内容摘要 ${out.seal.digest.slice(0, 12)}…`);
    expect(out.message).toContain(`${out.seal.rows} 行`);

    const fresh = await verifyWorkbookSeal();
    expect(fresh.status).toBe("unchanged");
    expect(fresh.message).toContain("已校验且未改动");

    // An edit after sealing.
    const sheet = book.find(roster);
    const key = [...(sheet?.cells.keys() ?? [])].pop() ?? "";
    sheet?.cells.set(key, "改过的值");
    expect((await verifyWorkbookSeal()).status).toBe("modified");

    // Sealing again replaces the old seal rather than adding 校验凭证 (2).
    sheet?.cells.delete(key);
    const again = await runPreSubmitCheck(options);
    expect(again.ok).toBe(true);
    expect(
      book
        .live()
        .filter((s) => s.name.startsWith(SEAL_SHEET))
        .map((s) => s.name),
    ).toEqual([SEAL_SHEET]);
  });
});

describe("the sheet the ribbon reads", () => {
  test("after 格式化花名册 the active sheet is ours: 报送前检查 seals the remembered roster, not the copy", async () => {
    const { book, roster } = await bookWith("一补花名册-示例.xlsx");
    const store = installSettings();
    const formatted = await runSheetCommand("formatRoster", options);
    expect(formatted.ok).toBe(true);
    expect(JSON.parse(store.get(ROSTER_SHEET_KEY) ?? "null")).toBe(roster);
    // The builder activated its sheet, as Excel does.
    book.active = formatted.sheet ?? "";
    expect(book.active).toBe("花名册（格式化）");
    const out = await runPreSubmitCheck(options);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.seal.sheet).toBe(roster);
    expect((await verifyWorkbookSeal()).status).toBe("unchanged");
  });

  test.each(["汇总表", "校验结果 (2)", "脱敏副本-一补花名册"])(
    "active sheet %s and no remembered roster: a Chinese message, nothing read or written",
    async (name) => {
      const { book } = await bookWith("一补花名册-示例.xlsx");
      installSettings();
      book.addGrid(makeGrid(name, [["序号", "姓名", "身份证号", "补助金额（元）"]]));
      book.active = name;
      const sealed = await runPreSubmitCheck(options);
      expect(sealed.ok).toBe(false);
      expect(sealed.message).toBe(
        `当前工作表“${name}”是资助助手生成的工作表，不是原始花名册，不能作为花名册读取。请切换到原始花名册工作表后，从功能区重新运行。`,
      );
      expect((await runSheetCommand("buildSummary", options)).message).toBe(sealed.message);
      expect(book.find(SEAL_SHEET)).toBeUndefined();
    },
  );

  test("the workbook's saved header mapping applies when the pane passes none", async () => {
    const { book, roster } = await bookWith("一补花名册-示例.xlsx");
    // The amount column's header renamed to something no alias knows.
    const sheet = book.find(roster);
    sheet?.cells.set(cellKey(2, 12), "款项");
    installSettings();
    // Without a mapping the column is not read as amounts.
    const unmapped = await runPreSubmitCheck(options);
    expect(unmapped.ok ? unmapped.seal.total : null).toBe(0);
    installSettings({ "zizhu.columnOverrides": { [roster]: { "12": "amount" } } });
    const mapped = await runPreSubmitCheck(options);
    expect(mapped.ok).toBe(true);
    if (mapped.ok) expect(mapped.seal.total).toBe(18000);
  });
});

describe("the seal's formulas and sheet name", () => {
  test("a formula cell counts by its text: the Office read and the file read agree despite stale results", async () => {
    const { book, roster } = await bookWith("一补花名册-示例.xlsx");
    const total = cellKey(43, 12);
    expect(book.find(roster)?.formulas.get(total)).toBe("=SUM(M4:M43)");
    const out = await runPreSubmitCheck({ ...options, now: "2026-11-28T10:30:00+08:00", tool: "0.1.0" });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    // The same file, its 合计 cached result stale (as after a fix written through a file library).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(join(__dirname, "../../../samples/一补花名册-示例.xlsx"))).buffer);
    const cell = wb.getWorksheet(roster)?.getCell("M44");
    expect(cell?.value).toEqual(expect.objectContaining({ formula: "SUM(M4:M43)" }));
    if (cell) cell.value = { formula: "SUM(M4:M43)", result: 17500 } as ExcelJS.CellFormulaValue;
    const read = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(read.problem.message);
    const file = read.value.sheets.find((g) => g.name === roster) as Grid;
    expect(file.rows[43]?.[12]).toBe(17500);
    expect(rosterDigest(file).slice(0, 16)).toBe(out.seal.coverage.sheets[0]?.content);
    // The seal Excel wrote verifies from the file: the readers agree on the whole workbook.
    const sealGrid = makeGrid(SEAL_SHEET, book.rows(SEAL_SHEET), { state: "veryHidden" });
    expect(verifySeal({ ...read.value, sheets: [...read.value.sheets, sealGrid] }).status).toBe("unchanged");
    // In Excel too: a changed cached result (recalculated differently) still verifies.
    book.find(roster)?.cells.set(total, 17500);
    expect((await verifyWorkbookSeal()).status).toBe("unchanged");
    // The formula itself changed: detected.
    book.find(roster)?.formulas.set(total, "=SUM(M4:M42)");
    expect((await verifyWorkbookSeal()).status).toBe("modified");
  });

  test("a user's visible sheet called 校验凭证 is never replaced: a Chinese message, the sheet kept", async () => {
    const { book } = await bookWith("一补花名册-示例.xlsx");
    book.addGrid(makeGrid(SEAL_SHEET, [["我的备忘"]]));
    const out = await runPreSubmitCheck(options);
    expect(out.ok).toBe(false);
    expect(out.message).toBe("工作簿中已有名为“校验凭证”的工作表，不是资助助手写入的凭证，未覆盖；请改名后再试");
    expect(book.rows(SEAL_SHEET)).toEqual([["我的备忘"]]);
    expect(book.live().filter((s) => s.name.startsWith(SEAL_SHEET))).toHaveLength(1);
  });
});

describe("核验凭证 covers the whole workbook", () => {
  const ID = "110105194912310021";
  const NOW = "2026-11-28T10:30:00+08:00";

  /** The sample roster and a hidden 说明 sheet, sealed by 报送前检查. */
  async function sealedBook() {
    const { book, roster } = await bookWith("一补花名册-示例.xlsx");
    book.addGrid(makeGrid("说明", [["本工作簿用于一补报送"]]), "Hidden");
    const out = await runPreSubmitCheck({ ...options, now: NOW, tool: "0.1.0" });
    if (!out.ok) throw new Error(out.message);
    return { book, roster, seal: out.seal };
  }

  /** The seal sheet's value cell on the row labelled `label`. */
  function sealCell(book: Book, label: string): string {
    const sheet = book.find(SEAL_SHEET);
    const hit = [...(sheet?.cells ?? [])].find(([key, v]) => key.endsWith(",0") && v === label);
    if (!hit) throw new Error(`no row ${label}`);
    return cellKey(Number(hit[0].split(",")[0]), 1);
  }

  test("sealed: every sheet in the seal; verified in three syncs, in one read", async () => {
    const { book, seal } = await sealedBook();
    expect(seal.coverage.sheets.map((s) => [s.name, s.state])).toEqual([
      ["一补花名册", "visible"],
      ["说明", "hidden"],
    ]);
    const before = book.syncs;
    const v = await verifyWorkbookSeal();
    expect(v.status).toBe("unchanged");
    expect(v.message).toContain("格式不在校验范围内");
    // Names + visibility, used ranges, one batch of chunks for both sheets.
    expect(book.syncs - before).toBe(3);
  });

  test("a hidden roster row at sealing time is read (one more sync) and recorded", async () => {
    const { book, roster } = await bookWith("一补花名册-示例.xlsx");
    book.find(roster)?.hiddenRows.add(20);
    const out = await runPreSubmitCheck(options);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.seal.coverage.hiddenRows).toBe("21");
    const before = book.syncs;
    expect((await verifyWorkbookSeal()).status).toBe("unchanged");
    expect(book.syncs - before).toBe(4);
    book.find(roster)?.hiddenRows.delete(20);
    expect((await verifyWorkbookSeal()).message).toContain("隐藏的行有变化（校验时：第 21 行；现在：无）");
  });

  test.each<[string, (book: Book, roster: string) => void, RegExp]>([
    [
      "a very hidden sheet with an ID number added",
      (book) => void book.addGrid(makeGrid("数据", [["身份证号"], [ID]]), "VeryHidden"),
      /新增了工作表“数据”（深度隐藏）/,
    ],
    ["an empty sheet added", (book) => void book.addGrid(makeGrid("Sheet2", [])), /新增了工作表“Sheet2”（可见）/],
    [
      "a roster row hidden",
      (book, roster) => void book.find(roster)?.hiddenRows.add(9),
      /工作表“一补花名册”中隐藏的行有变化（校验时：无；现在：第 10 行）/,
    ],
    [
      "a roster column hidden",
      (book, roster) => void book.find(roster)?.hiddenColumns.add(2),
      /中隐藏的列有变化（校验时：无；现在：C 列）/,
    ],
    [
      "the seal sheet unhidden",
      (book) => {
        const s = book.find(SEAL_SHEET);
        if (s) s.visibility = "Visible";
      },
      /“校验凭证”工作表已被取消深度隐藏（现为可见）/,
    ],
    [
      "a readable total on the seal sheet edited",
      (book) => void book.find(SEAL_SHEET)?.cells.set(sealCell(book, "金额合计（元）"), 17500),
      /校验凭证上的“金额合计（元）”与凭证数据不一致/,
    ],
    [
      "a sheet renamed",
      (book) => {
        const s = book.find("说明");
        if (s) s.name = "备注";
      },
      /工作表“说明”改名为“备注”/,
    ],
    [
      "a hidden sheet shown",
      (book) => {
        const s = book.find("说明");
        if (s) s.visibility = "Visible";
      },
      /工作表“说明”由隐藏改为可见/,
    ],
    [
      "an ID number written into the hidden sheet",
      (book) => void book.find("说明")?.cells.set(cellKey(3, 0), ID),
      /工作表“说明”的内容有改动/,
    ],
  ])("%s: 校验后已修改, saying so", async (_, change, says) => {
    const { book, roster } = await sealedBook();
    change(book, roster);
    const v = await verifyWorkbookSeal();
    expect(v.status).toBe("modified");
    expect(v.message).toMatch(says);
    expect(v.message).not.toContain(ID);
  });

  test("an active sheet that is ours and no remembered roster: the message after one sync, nothing else read", async () => {
    const { book } = await bookWith("一补花名册-示例.xlsx");
    installSettings();
    book.addGrid(makeGrid("汇总表", [["x"]]));
    book.active = "汇总表";
    const before = book.syncs;
    const out = await runPreSubmitCheck(options);
    expect(out.ok).toBe(false);
    expect(out.message).toContain("是资助助手生成的工作表");
    expect(book.syncs - before).toBe(1);
  });
});
