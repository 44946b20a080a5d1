/**
 * writeSheetSpec against a recording fake: every property set and method call on the worksheet
 * (and its ranges, formats, page layout…) is logged with the sync it was sent in, in the order
 * queued — so "number format before values", chunk sizes, merges and sync counts are visible.
 * office-addin-mock has no range arithmetic; this fake only records what the writer asks for.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeSheetSpec } from "../../../src/adapters/office/write-sheet";
import { widthPoints } from "../../../src/adapters/office/write-sheet-format";
import { mergeBlocks, styleBlocks } from "../../../src/adapters/office/write-sheet-layout";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { cellKey, makeGrid, type CellValue } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import { buildRosterSheet } from "../../../src/core/sheets/roster-sheet";
import { SheetConflictError } from "../../../src/core/sheets/seal";
import { findRosterSource } from "../../../src/core/sheets/source";
import { emptySpec, type SheetSpec, type SpecFormula } from "../../../src/core/sheets/spec";
import { STYLE, landscapeA4 } from "../../../src/core/sheets/styles";

interface Op {
  /** "add(名).getRangeByIndexes(0,0,2,3).numberFormat", "add(名).merge"… */
  path: string;
  kind: "set" | "call";
  value?: unknown;
  args?: unknown[];
  sync: number;
}

class Fake {
  syncs = 0;
  ops: Op[] = [];
  existing: { name: string; deleted: boolean; visibility: string }[];
  /** Existing sheets: a name (visible) or "name:VeryHidden". */
  constructor(existing: string[]) {
    this.existing = existing.map((spec) => {
      const [name = "", visibility = "Visible"] = spec.split(":");
      return { name, deleted: false, visibility };
    });
  }

  /** A recorder: any property read gives a deeper recorder, sets and calls are logged. */
  rec = (path: string): unknown => {
    const label = (a: unknown) => (typeof a === "object" || typeof a === "function" ? "·" : String(a));
    return new Proxy(function () {}, {
      get: (_t, prop) => (prop === "then" ? undefined : this.rec(`${path}.${String(prop)}`)),
      set: (_t, prop, value) => {
        this.ops.push({ path: `${path}.${String(prop)}`, kind: "set", value, sync: this.syncs + 1 });
        return true;
      },
      apply: (_t, _this, args: unknown[]) => {
        this.ops.push({ path, kind: "call", args, sync: this.syncs + 1 });
        return this.rec(`${path}(${args.map(label).join(",")})`);
      },
    });
  };

  context = (): Excel.RequestContext => {
    let loaded = false;
    const worksheets = {
      load: () => {
        loaded = true;
      },
      add: (name: string) => {
        this.ops.push({ path: "add", kind: "call", args: [name], sync: this.syncs + 1 });
        return this.rec(`sheet`);
      },
    };
    Object.defineProperty(worksheets, "items", {
      get: () => {
        if (!loaded || this.syncs === 0) throw new Error("items read before load + sync");
        return this.existing.map((e) => ({
          name: e.name,
          get visibility() {
            return e.visibility;
          },
          set visibility(v: string) {
            e.visibility = v;
          },
          delete: () => {
            e.deleted = true;
          },
        }));
      },
    });
    return {
      workbook: { worksheets },
      sync: () => {
        this.syncs++;
        return Promise.resolve();
      },
    } as unknown as Excel.RequestContext;
  };

  sets(suffix: string): Op[] {
    return this.ops.filter((o) => o.kind === "set" && o.path.endsWith(suffix));
  }
  calls(suffix: string): Op[] {
    return this.ops.filter((o) => o.kind === "call" && o.path.endsWith(suffix));
  }
}

function supportPrint(supported: boolean): void {
  Object.assign(globalThis, {
    Office: { context: { requirements: { isSetSupported: (_set: string, _v: string) => supported } } },
  });
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

/** A plain spec of `rows` rows (a header row, then data) of `cols` columns, column 1 text ("@"). */
function bigSpec(rows: number, cols: number, name = "花名册（格式化）"): SheetSpec {
  const spec = emptySpec(name, "roster");
  spec.rows.push(Array.from({ length: cols }, (_, c) => `列${c + 1}`));
  for (let r = 0; r < rows - 1; r++) {
    spec.rows.push(Array.from({ length: cols }, (_, c) => (c === 1 ? `1101051949123100${r % 10}X` : r * cols + c)));
  }
  return {
    ...spec,
    styles: { text: STYLE.text, header: STYLE.header },
    styleRanges: [
      { range: { top: 0, bottom: 0, left: 0, right: cols - 1 }, style: "header" },
      { range: { top: 1, bottom: rows - 1, left: 1, right: 1 }, style: "text" },
    ],
  };
}

/** The range writes of `what` ("values", "numberFormat", "formulas"), as [row, col, rows, cols]. */
function writes(fake: Fake, what: string): { at: number[]; value: unknown[][]; sync: number; index: number }[] {
  return fake.ops
    .map((o, index) => ({ o, index }))
    .filter(({ o }) => o.kind === "set" && o.path.endsWith(`.${what}`) && o.path.includes("getRangeByIndexes("))
    .map(({ o, index }) => {
      const m = /getRangeByIndexes\(([\d,]+)\)\.[a-zA-Z]+$/.exec(o.path);
      return { at: (m?.[1] ?? "").split(",").map(Number), value: o.value as unknown[][], sync: o.sync, index };
    });
}

describe("chunks and syncs", () => {
  test.each([
    // rows, cols, rows per write, syncs (1 for the names + value batches; formatting rides along)
    [10_000, 12, 5000, 2],
    [10_000, 14, 4285, 3],
    [12_000, 3, 5000, 2],
    [7_000, 20, 3000, 3],
    [4, 4, 4, 2],
  ])("%i rows × %i columns: writes of ≤ %i rows, %i syncs", async (rows, cols, per, syncs) => {
    supportPrint(true);
    const fake = new Fake([]);
    const spec = bigSpec(rows, cols);
    const out = await writeSheetSpec(fake.context(), spec);
    expect(out.syncs).toBe(syncs);
    expect(fake.syncs).toBe(syncs);
    const values = writes(fake, "values");
    expect(values.map((w) => w.at[0])).toEqual(Array.from({ length: Math.ceil(rows / per) }, (_, i) => i * per));
    for (const w of values) {
      expect(w.at[2]).toBeLessThanOrEqual(5000);
      expect((w.at[2] ?? 0) * (w.at[3] ?? 0)).toBeLessThanOrEqual(60_000);
      expect(w.value.length).toBe(w.at[2]);
    }
    // Every cell of the sheet written exactly once.
    expect(values.reduce((n, w) => n + w.value.length, 0)).toBe(rows);
  });

  test("the 10,000-row roster's values go out in batches of at most 120,000 cells", async () => {
    const fake = new Fake([]);
    await writeSheetSpec(fake.context(), bigSpec(10_000, 14));
    const perSync = new Map<number, number>();
    for (const w of writes(fake, "values")) perSync.set(w.sync, (perSync.get(w.sync) ?? 0) + w.value.length * 14);
    expect([...perSync.values()].every((n) => n <= 120_000)).toBe(true);
    expect([...perSync.keys()]).toEqual([2, 3]);
  });
});

test("number formats are written BEFORE the values of each chunk; text columns and text cells are @", async () => {
  const fake = new Fake([]);
  await writeSheetSpec(fake.context(), bigSpec(8001, 3), { chunkRows: 3000 });
  const formats = writes(fake, "numberFormat");
  const values = writes(fake, "values");
  expect(formats.length).toBe(values.length);
  values.forEach((v, i) => {
    const f = formats[i];
    expect(f?.at).toEqual(v.at);
    expect(f?.index).toBeLessThan(v.index);
    expect(f?.sync).toBe(v.sync);
  });
  // Header strings: @; column B (IDs): @; numbers: General.
  expect(formats[0]?.value[0]).toEqual(["@", "@", "@"]);
  expect(formats[0]?.value[1]).toEqual(["General", "@", "General"]);
  expect(values[0]?.value[1]?.[1]).toBe("11010519491231000X");
});

describe("formulas", () => {
  function withFormulas(): SheetSpec {
    const spec = emptySpec("汇总表", "summary");
    const rows: CellValue[][] = [
      ["金额", "大写"],
      [100, "壹佰元整"],
      [200, "贰佰元整"],
      [300, "叁佰元整"],
    ];
    const formulas = new Map<string, SpecFormula>([
      [cellKey(1, 1), { text: "ZIZHU.RMB(A2)", addin: true }],
      [cellKey(2, 1), { text: "ZIZHU.RMB(A3)", addin: true }],
      [cellKey(3, 0), { text: "SUM(A2:A3)" }],
      [cellKey(3, 1), { text: "ZIZHU.RMB(A4)", addin: true }],
    ]);
    return {
      ...spec,
      rows,
      formulas,
      styles: { text: STYLE.text },
      styleRanges: [{ range: { top: 1, bottom: 3, left: 1, right: 1 }, style: "text" }],
    };
  }

  test("inside Excel: add-in formulas and plain formulas are written as formulas, in vertical runs, never as @", async () => {
    const fake = new Fake([]);
    await writeSheetSpec(fake.context(), withFormulas());
    const f = writes(fake, "formulas");
    expect(f.map((w) => [w.at, w.value])).toEqual([
      [[3, 0, 1, 1], [["=SUM(A2:A3)"]]],
      [
        [1, 1, 3, 1],
        [["=ZIZHU.RMB(A2)"], ["=ZIZHU.RMB(A3)"], ["=ZIZHU.RMB(A4)"]],
      ],
    ]);
    const formats = writes(fake, "numberFormat")[0]?.value ?? [];
    // The text style on column B does not turn its formulas into text.
    expect(formats.map((r) => r[1])).toEqual(["@", "General", "General", "General"]);
    // The formulas follow the values (which hold the cached results).
    expect(Math.min(...f.map((w) => w.index))).toBeGreaterThan(writes(fake, "values")[0]?.index ?? Infinity);
    expect(writes(fake, "values")[0]?.value[3]).toEqual([300, "叁佰元整"]);
  });

  test("addinFormulas: false keeps the cached values of ZIZHU.* cells (stored as text) and writes only the plain formulas", async () => {
    const fake = new Fake([]);
    await writeSheetSpec(fake.context(), withFormulas(), { addinFormulas: false });
    expect(writes(fake, "formulas").map((w) => w.value)).toEqual([[["=SUM(A2:A3)"]]]);
    expect((writes(fake, "numberFormat")[0]?.value ?? []).map((r) => r[1])).toEqual(["@", "@", "@", "@"]);
  });
});

describe("names", () => {
  test.each([
    [["Sheet1"], "汇总表", "汇总表"],
    [["汇总表", "汇总表 (2)"], "汇总表", "汇总表 (3)"],
    [["ABC"], "abc", "abc (2)"],
    [["花名册"], "名单[1]/2", "名单_1__2"],
  ])("existing %j + %s → %s", async (existing, wanted, got) => {
    const fake = new Fake(existing);
    const out = await writeSheetSpec(fake.context(), bigSpec(2, 2, wanted));
    expect(out.name).toBe(got);
    expect(fake.calls("add").map((o) => o.args)).toEqual([[got]]);
    expect(fake.existing.every((e) => !e.deleted)).toBe(true);
  });

  test("replace: our seal sheet is made visible, deleted and written again under its own name", async () => {
    const fake = new Fake(["花名册", "校验凭证:VeryHidden"]);
    const spec = { ...bigSpec(2, 2, "校验凭证"), state: "veryHidden" as const, activate: true };
    const out = await writeSheetSpec(fake.context(), spec, { replace: true });
    expect(out.name).toBe("校验凭证");
    expect(fake.existing[1]).toEqual({ name: "校验凭证", deleted: true, visibility: "Visible" });
    expect(fake.existing[0]?.deleted).toBe(false);
    // Very hidden, and never activated (a very hidden sheet cannot be active).
    expect(fake.sets("sheet.visibility").map((o) => o.value)).toEqual(["VeryHidden"]);
    expect(fake.calls("sheet.activate")).toEqual([]);
  });

  test.each(["校验凭证", "校验凭证:Hidden"])(
    "replace over the user's sheet %s: SheetConflictError, nothing deleted or added",
    async (existing) => {
      const fake = new Fake(["花名册", existing]);
      const spec = { ...bigSpec(2, 2, "校验凭证"), state: "veryHidden" as const };
      const written = writeSheetSpec(fake.context(), spec, { replace: true });
      await expect(written).rejects.toThrow(SheetConflictError);
      await expect(written).rejects.toThrow(
        "工作簿中已有名为“校验凭证”的工作表，不是资助助手写入的凭证，未覆盖；请改名后再试",
      );
      expect(fake.existing.every((e) => !e.deleted)).toBe(true);
      expect(fake.existing[1]?.visibility).toBe(existing.endsWith("Hidden") ? "Hidden" : "Visible");
      expect(fake.calls("add")).toEqual([]);
    },
  );

  test("a visible spec with activate is activated, and not hidden", async () => {
    const fake = new Fake([]);
    await writeSheetSpec(fake.context(), { ...bigSpec(2, 2), activate: true });
    expect(fake.calls("sheet.activate").length).toBe(1);
    expect(fake.sets("sheet.visibility")).toEqual([]);
  });
});

describe("formatting", () => {
  function styled(): SheetSpec {
    const spec = bigSpec(5, 3, "公示表");
    return {
      ...spec,
      styles: {
        ...spec.styles,
        title: STYLE.title,
        cell: STYLE.cell,
        red: { font: { color: "C00000" }, fill: "FFFF00" },
      },
      styleRanges: [
        ...spec.styleRanges,
        { range: { top: 1, bottom: 1, left: 0, right: 2 }, style: "cell" },
        { range: { top: 2, bottom: 2, left: 0, right: 2 }, style: "cell" },
        { range: { top: 3, bottom: 4, left: 0, right: 0 }, style: "red" },
      ],
      merges: [{ top: 0, bottom: 0, left: 0, right: 2 }],
      columnWidths: [6, 20, 20],
      rowHeights: new Map([
        [0, 30],
        [1, 18],
        [2, 18],
      ]),
      freeze: { rows: 1, columns: 0 },
      print: landscapeA4({ from: 0, to: 0 }),
      rowBreaks: [2],
    };
  }

  test("merges, styles, borders, widths, heights, freeze (before ExcelApi 1.9: one style range at a time)", async () => {
    supportPrint(false);
    const fake = new Fake([]);
    await writeSheetSpec(fake.context(), styled());
    expect(fake.calls("getRangeByIndexes(0,0,1,3).merge").map((o) => o.args)).toEqual([[false]]);
    // The two one-row "cell" ranges are coalesced into one operation.
    expect(fake.sets("getRangeByIndexes(1,0,2,3).format.font.name").map((o) => o.value)).toEqual(["宋体"]);
    expect(fake.sets("getRangeByIndexes(0,0,1,3).format.fill.color").map((o) => o.value)).toEqual(["#F2F2F2"]);
    expect(fake.sets("getRangeByIndexes(3,0,2,1).format.font.color").map((o) => o.value)).toEqual(["#C00000"]);
    expect(fake.sets("getRangeByIndexes(0,0,1,3).format.horizontalAlignment").map((o) => o.value)).toEqual(["Center"]);
    expect(fake.sets("getRangeByIndexes(0,0,1,3).format.verticalAlignment").map((o) => o.value)).toEqual(["Center"]);
    const edges = fake
      .calls("getRangeByIndexes(1,0,2,3).format.borders.getItem")
      .map((o) => o.args?.[0])
      .sort();
    expect(edges).toEqual(["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop", "InsideHorizontal", "InsideVertical"]);
    // A one-row header: no inside horizontal border asked for.
    expect(fake.calls("getRangeByIndexes(0,0,1,3).format.borders.getItem").map((o) => o.args?.[0])).not.toContain(
      "InsideHorizontal",
    );
    expect(fake.sets(".borders.getItem(EdgeTop).weight").every((o) => o.value === "Thin")).toBe(true);
    expect(fake.sets(".format.columnWidth").map((o) => [o.path.replace(/^.*Indexes\(|\).*$/g, ""), o.value])).toEqual([
      ["0,0,1,1", widthPoints(6)],
      ["0,1,1,2", widthPoints(20)],
    ]);
    expect(widthPoints(10)).toBeCloseTo((10 * 7 + 5) * 0.75);
    expect(fake.sets(".format.rowHeight").map((o) => [o.path.replace(/^.*Indexes\(|\).*$/g, ""), o.value])).toEqual([
      ["0,0,1,1", 30],
      ["1,0,2,1", 18],
    ]);
    expect(fake.calls("freezePanes.freezeRows").map((o) => o.args)).toEqual([[1]]);
    // Merges and styles come after the values.
    const lastValues = Math.max(...writes(fake, "values").map((w) => w.index));
    const firstMerge = fake.ops.findIndex((o) => o.path.endsWith(".merge"));
    expect(firstMerge).toBeGreaterThan(lastValues);
  });

  test("with ExcelApi 1.9 each effective style is applied once to a list of areas", async () => {
    supportPrint(true);
    const fake = new Fake([]);
    await writeSheetSpec(fake.context(), styled());
    const areas = fake.calls("sheet.getRanges").map((o) => o.args?.[0]);
    // Column B's rows 2–3 also carry the text format: a style of their own; B4:B5 (text only) needs no call.
    expect(areas).toEqual(["A1:C1", "A2:A3,C2:C3", "B2:B3", "A4:A5"]);
    expect(fake.sets("getRanges(A2:A3,C2:C3).format.font.name").map((o) => o.value)).toEqual(["宋体"]);
    expect(fake.sets("getRanges(A1:C1).format.fill.color").map((o) => o.value)).toEqual(["#F2F2F2"]);
    expect(fake.sets("getRanges(A4:A5).format.font.color").map((o) => o.value)).toEqual(["#C00000"]);
    // One row: no inside horizontal border; several rows and columns: both inside borders.
    const edges = (address: string) =>
      fake
        .calls(`getRanges(${address}).format.borders.getItem`)
        .map((o) => o.args?.[0])
        .sort();
    expect(edges("A1:C1")).toEqual(["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop", "InsideVertical"]);
    expect(edges("A2:A3,C2:C3")).toEqual(["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop", "InsideHorizontal"]);
    // No style range is applied one by one on this path.
    expect(fake.sets(".format.font.name").filter((o) => o.path.includes("getRangeByIndexes"))).toEqual([]);
  });

  test("print setup with ExcelApi 1.9: landscape A4, fit to width, title rows, footer, margins in points, a page break", async () => {
    supportPrint(true);
    const fake = new Fake([]);
    const out = await writeSheetSpec(fake.context(), styled());
    expect(out.notes).toEqual([]);
    const set = (p: string) => fake.sets(`sheet.pageLayout.${p}`).map((o) => o.value);
    expect(set("orientation")).toEqual(["Landscape"]);
    expect(set("paperSize")).toEqual(["A4"]);
    expect(set("zoom")).toEqual([{ horizontalFitToPages: 1, verticalFitToPages: 0 }]);
    expect(set("headersFooters.defaultForAllPages.centerFooter")).toEqual(["第 &P 页 共 &N 页"]);
    expect(set("leftMargin")).toEqual([36]);
    expect(set("centerHorizontally")).toEqual([true]);
    expect(fake.calls("pageLayout.setPrintTitleRows").map((o) => o.args)).toEqual([["$1:$1"]]);
    // A break after row 2 (0-based) goes above row 3.
    expect(fake.calls("horizontalPageBreaks.add").map((o) => (o.args?.length ?? 0) > 0)).toEqual([true]);
    expect(fake.calls("sheet.getRangeByIndexes").some((o) => (o.args ?? []).join(",") === "3,0,1,1")).toBe(true);
  });

  test("a fixed print scale (forms with manual page breaks) is written instead of fit-to-page", async () => {
    supportPrint(true);
    const fake = new Fake([]);
    const spec = styled();
    await writeSheetSpec(fake.context(), { ...spec, print: { ...(spec.print ?? landscapeA4()), scale: 90 } });
    expect(fake.sets("sheet.pageLayout.zoom").map((o) => o.value)).toEqual([{ scale: 90 }]);
  });

  test("without ExcelApi 1.9 the print setup is skipped with a Chinese note naming the sheet", async () => {
    supportPrint(false);
    const fake = new Fake([]);
    const out = await writeSheetSpec(fake.context(), styled());
    expect(out.notes.join("")).toContain("工作表“公示表”未设置纸张方向");
    expect(fake.ops.filter((o) => o.path.includes("pageLayout") || o.path.includes("PageBreaks"))).toEqual([]);
  });
});

test("the sample roster's 格式化花名册 writes as a new sheet, IDs as text, in 2 syncs", async () => {
  const bytes = new Uint8Array(readFileSync(join(__dirname, "../../../samples/一补花名册-示例.xlsx")));
  const wb = await readXlsx(bytes, { fileName: "一补花名册-示例.xlsx" });
  if (!wb.ok) throw new Error(wb.problem.message);
  const source = findRosterSource(wb.value);
  if (!source.ok) throw new Error(source.problem.code);
  const built = buildRosterSheet(source.value, { pack: seedPack(), today: { y: 2026, m: 11, d: 28 } });
  if (!built.ok) throw new Error(built.problem.message);
  supportPrint(true);
  const fake = new Fake(wb.value.sheets.map((g) => g.name));
  const out = await writeSheetSpec(fake.context(), built.value.spec);
  expect(out).toEqual({ name: "花名册（格式化）", syncs: 2, notes: [] });
  const values = writes(fake, "values")[0]?.value ?? [];
  const formats = writes(fake, "numberFormat")[0]?.value ?? [];
  // Every 18-character ID-like string is written into an @ cell.
  let ids = 0;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "string" && /^\d{17}[\dX]$/.test(v)) {
        ids++;
        expect(formats[r]?.[c]).toBe("@");
      }
    }),
  );
  expect(ids).toBeGreaterThan(0);
  expect(writes(fake, "formulas").length).toBeGreaterThan(0);
});

test("a 10,000-person 格式化花名册 (the sample's rows repeated) is written in 3 syncs", async () => {
  const bytes = new Uint8Array(readFileSync(join(__dirname, "../../../samples/一补花名册-示例.xlsx")));
  const wb = await readXlsx(bytes, { fileName: "一补花名册-示例.xlsx" });
  if (!wb.ok) throw new Error(wb.problem.message);
  const small = findRosterSource(wb.value);
  if (!small.ok) throw new Error(small.problem.code);
  const { grid, layout } = small.value;
  const firstData = layout.dataRows[0] ?? 0;
  const people = layout.dataRows.map((r) => grid.rows[r] ?? []);
  const rows: CellValue[][] = grid.rows.slice(0, firstData);
  for (let i = 0; i < 10_000; i++) rows.push([...(people[i % people.length] ?? [])]);
  const big = findRosterSource({ sheets: [makeGrid(grid.name, rows, { merges: grid.merges })], properties: {} });
  if (!big.ok) throw new Error(big.problem.code);
  const built = buildRosterSheet(big.value, { pack: seedPack(), today: { y: 2026, m: 11, d: 28 } });
  if (!built.ok) throw new Error(built.problem.message);
  const spec = built.value.spec;
  expect(spec.rows.length).toBeGreaterThan(10_000);
  supportPrint(true);
  const fake = new Fake([grid.name]);
  const out = await writeSheetSpec(fake.context(), spec);
  const cols = spec.rows.reduce((m, r) => Math.max(m, r.length), 0);
  expect(cols).toBeGreaterThan(12);
  // 1 (names) + 2 value batches of ≤ 120,000 cells; the formatting rides with the last one.
  expect(out.syncs).toBe(3);
});

describe("styleBlocks", () => {
  test("overlapping style ranges become rectangles of one effective style, later properties winning", () => {
    const spec: SheetSpec = {
      ...emptySpec("表", "forms"),
      styles: { x: { font: { bold: true, size: 10 }, border: true }, y: { font: { size: 14 } } },
      styleRanges: [
        { range: { top: 0, bottom: 3, left: 0, right: 2 }, style: "x" },
        { range: { top: 1, bottom: 2, left: 1, right: 1 }, style: "y" },
      ],
    };
    expect(styleBlocks(spec)).toEqual([
      {
        style: { font: { bold: true, size: 10 }, border: true },
        rects: [
          { top: 0, left: 0, bottom: 0, right: 2 },
          { top: 1, left: 0, bottom: 2, right: 0 },
          { top: 1, left: 2, bottom: 2, right: 2 },
          { top: 3, left: 0, bottom: 3, right: 2 },
        ],
      },
      { style: { font: { bold: true, size: 14 }, border: true }, rects: [{ top: 1, left: 1, bottom: 2, right: 1 }] },
    ]);
  });

  test("a form repeated for many people is a few styles over many areas", () => {
    const spec: SheetSpec = { ...emptySpec("申请表", "forms"), styles: { t: STYLE.title, v: STYLE.cell } };
    const ranges = [];
    for (let p = 0; p < 1000; p++) {
      ranges.push({ range: { top: p * 5, bottom: p * 5, left: 0, right: 3 }, style: "t" });
      ranges.push({ range: { top: p * 5 + 1, bottom: p * 5 + 3, left: 0, right: 3 }, style: "v" });
    }
    const blocks = styleBlocks({ ...spec, styleRanges: ranges }) ?? [];
    expect(blocks.length).toBe(2);
    expect(blocks.map((b) => b.rects.length)).toEqual([1000, 1000]);
  });

  test("a styled area too big to paint: null (the writer applies the ranges one by one)", () => {
    const spec: SheetSpec = {
      ...emptySpec("大表", "roster"),
      styles: { v: STYLE.cell },
      styleRanges: [{ range: { top: 0, bottom: 1_048_575, left: 0, right: 20 }, style: "v" }],
    };
    expect(styleBlocks(spec)).toBeNull();
  });
});

test("mergeBlocks: stacked one-row merges of the same columns are one block merged across; others stay whole", () => {
  const merges = [
    { top: 0, bottom: 0, left: 0, right: 3 },
    { top: 2, bottom: 2, left: 1, right: 2 },
    { top: 3, bottom: 3, left: 1, right: 2 },
    { top: 4, bottom: 4, left: 1, right: 2 },
    { top: 6, bottom: 6, left: 1, right: 2 },
    { top: 2, bottom: 5, left: 0, right: 0 },
    { top: 8, bottom: 9, left: 0, right: 3 },
  ];
  expect(mergeBlocks(merges)).toEqual([
    { top: 0, bottom: 0, left: 0, right: 3, across: false },
    { top: 2, bottom: 4, left: 1, right: 2, across: true },
    { top: 6, bottom: 6, left: 1, right: 2, across: false },
    { top: 2, bottom: 5, left: 0, right: 0, across: false },
    { top: 8, bottom: 9, left: 0, right: 3, across: false },
  ]);
});
