import { createHash } from "node:crypto";
import { makeGrid, type CellValue } from "../../../src/core/grid/types";
import ExcelJS from "exceljs";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { type Grid } from "../../../src/core/grid/types";
import {
  canonicalCells,
  canonicalWorkbook,
  dataExtent,
  hiddenInExtent,
  normalizeFormula,
  rosterDigest,
  SHEET_DIGEST_FORMAT,
  WORKBOOK_DIGEST_FORMAT,
  workbookDigest,
  workbookDigestParts,
} from "../../../src/core/sheets/digest";
import type { WorkbookData } from "../../../src/core/grid/types";

const sha = (text: string) => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");

describe("rosterDigest", () => {
  test("is the SHA-256 of the documented canonical text", () => {
    const grid = makeGrid("花名册", [
      ["序号", "姓名", "金额"],
      [1, "张三", 312.5],
      [null, "", true],
    ]);
    const text =
      `${SHEET_DIGEST_FORMAT}\n` +
      `0\t0\ts\t"序号"\n0\t1\ts\t"姓名"\n0\t2\ts\t"金额"\n` +
      `1\t0\tn\t1\n1\t1\ts\t"张三"\n1\t2\tm\t27000000000\n` +
      `2\t2\tb\tTRUE\n`;
    expect(canonicalCells(grid)).toBe(text);
    expect(rosterDigest(grid)).toBe(sha(text));
    expect(rosterDigest(grid)).toMatch(/^[0-9a-f]{64}$/);
  });

  test("the empty sheet has the digest of the format line alone", () => {
    expect(rosterDigest(makeGrid("空", []))).toBe(sha(`${SHEET_DIGEST_FORMAT}\n`));
  });

  const base: CellValue[][] = [
    ["姓名", "身份证号", "金额"],
    ["李四", "110105194912310021", 500],
  ];

  test.each<[string, CellValue[][]]>([
    ["trailing empty rows", [...base, [], [null, null], [""]]],
    ["trailing empty columns", base.map((r) => [...r, null, ""])],
    [
      "a sparse row",
      [
        base[0] ?? [],
        (() => {
          const r: CellValue[] = [];
          r[0] = "李四";
          r[1] = "110105194912310021";
          r[2] = 500;
          return r;
        })(),
      ],
    ],
  ])("does not change with %s", (_, rows) => {
    expect(rosterDigest(makeGrid("a", rows))).toBe(rosterDigest(makeGrid("a", base)));
  });

  test("does not depend on formats, merges or the sheet's name", () => {
    const plain = rosterDigest(makeGrid("a", base));
    const dressed = makeGrid("另一个名字", base, {
      formats: new Map([
        ["1,1", "@"],
        ["1,2", "0.00"],
      ]),
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    });
    expect(rosterDigest(dressed)).toBe(plain);
  });

  test.each<[string, CellValue[][]]>([
    ["a changed amount", [base[0] ?? [], ["李四", "110105194912310021", 501]]],
    ["a number stored as text", [base[0] ?? [], ["李四", "110105194912310021", "500"]]],
    ["an ID stored as a number", [base[0] ?? [], ["李四", 110105194912310020, 500]]],
    ["a trailing space", [base[0] ?? [], ["李四 ", "110105194912310021", 500]]],
    ["a moved value", [base[0] ?? [], [null, "李四", "110105194912310021", 500]]],
    ["an added row", [...base, ["王五", "110105194912310021", 1]]],
    ["a removed value", [base[0] ?? [], ["李四", "110105194912310021", null]]],
    ["a boolean for a number", [base[0] ?? [], ["李四", "110105194912310021", true]]],
  ])("changes with %s", (_, rows) => {
    expect(rosterDigest(makeGrid("a", rows))).not.toBe(rosterDigest(makeGrid("a", base)));
  });

  test("a string cannot forge another cell's line", () => {
    const forged = makeGrid("a", [["x\n0\t1\tn\t5"]]);
    const real = makeGrid("a", [["x"], [null]]);
    expect(canonicalCells(forged)).toBe(`${SHEET_DIGEST_FORMAT}\n0\t0\ts\t"x\\n0\\t1\\tn\\t5"\n`);
    expect(rosterDigest(forged)).not.toBe(rosterDigest(real));
  });

  test("integers use the shortest round-trip text; -0 is 0", () => {
    expect(canonicalCells(makeGrid("a", [[-0, 1e21, 46304, -12]]))).toBe(
      `${SHEET_DIGEST_FORMAT}\n0\t0\tn\t0\n0\t1\tn\t1e+21\n0\t2\tn\t46304\n0\t3\tn\t-12\n`,
    );
  });

  test("other numbers are whole milliseconds of a day (tag m)", () => {
    expect(canonicalCells(makeGrid("a", [[0.1 + 0.2, 312.5, -0.5, 46000.43315972222]]))).toBe(
      `${SHEET_DIGEST_FORMAT}\n0\t0\tm\t25920000\n0\t1\tm\t27000000000\n0\t2\tm\t-43200000\n0\t3\tm\t3974437425000\n`,
    );
  });

  test.each<[string, boolean, number, number]>([
    ["a date-time as stored and as a date library rounds it", true, 46000.43315972222, 46000.433159722],
    ["0.1 + 0.2 and 0.3", true, 0.1 + 0.2, 0.3],
    ["amounts one fen apart", false, 312.5, 312.51],
    ["times one second apart", false, 46000.5, 46000.5 + 1 / 86400],
    ["an integer and a near-integer a millisecond away", false, 46000, 46000 + 1 / 86_400_000],
  ])("%s: the same digest: %s", (_, same, a, b) => {
    const digest = (n: number) => rosterDigest(makeGrid("a", [["时间", n]]));
    expect(digest(a) === digest(b)).toBe(same);
  });
});

describe("formula cells", () => {
  const rows: CellValue[][] = [
    ["姓名", "金额"],
    ["张三", 500],
    ["合计", 500],
  ];
  const withFormula = (text: string, cached: CellValue, at = "2,1") =>
    makeGrid(
      "a",
      rows.map((r, i) => (i === 2 ? [r[0] ?? null, cached] : r)),
      { formulas: new Map([[at, text]]) },
    );

  test("count by their text, whatever their cached result", () => {
    expect(canonicalCells(withFormula("SUM(B2:B2)", 500))).toBe(
      `${SHEET_DIGEST_FORMAT}\n0\t0\ts\t"姓名"\n0\t1\ts\t"金额"\n1\t0\ts\t"张三"\n1\t1\tn\t500\n` +
        `2\t0\ts\t"合计"\n2\t1\tf\t"SUM(B2:B2)"\n`,
    );
    // A stale or volatile result (a fix written after the SUM was cached; TODAY()) does not count.
    expect(rosterDigest(withFormula("SUM(B2:B2)", 499))).toBe(rosterDigest(withFormula("SUM(B2:B2)", 500)));
    expect(rosterDigest(withFormula("TODAY()", 46000))).toBe(rosterDigest(withFormula("TODAY()", 46001)));
    expect(rosterDigest(withFormula("SUM(B2:B2)", null))).toBe(rosterDigest(withFormula("SUM(B2:B2)", 500)));
  });

  test.each<[string, string]>([
    ["=SUM(B2:B2)", "SUM(B2:B2)"],
    ["  =SUM(B2:B2) ", "SUM(B2:B2)"],
    ["_xlfn.CONCAT(A1,A2)", "CONCAT(A1,A2)"],
    ["=_xlfn._xlws.SORT(A1:A3)", "SORT(A1:A3)"],
    ["_xludf.MYFN(A1)", "MYFN(A1)"],
    ["=_XLFN.STDEV.S(B2:B3)", "STDEV.S(B2:B3)"],
  ])("%j is the same formula as %j", (a, b) => {
    expect(normalizeFormula(a)).toBe(normalizeFormula(b));
    expect(rosterDigest(withFormula(a, 1))).toBe(rosterDigest(withFormula(b, 2)));
  });

  test.each<[string, ReturnType<typeof makeGrid>]>([
    ["another formula", withFormula("SUM(B1:B2)", 500)],
    ["the formula replaced by its value", makeGrid("a", rows)],
    ["the formula moved", withFormula("SUM(B2:B2)", 500, "2,2")],
  ])("changes with %s", (_, other) => {
    expect(rosterDigest(other)).not.toBe(rosterDigest(withFormula("SUM(B2:B2)", 500)));
  });

  test("a formula with an empty result, beyond the last row of values, still counts", () => {
    const grid = makeGrid("a", rows, { formulas: new Map([["5,3", '""']]) });
    expect(canonicalCells(grid).endsWith(`5\t3\tf\t"\\"\\""\n`)).toBe(true);
    expect(rosterDigest(grid)).not.toBe(rosterDigest(makeGrid("a", rows)));
  });
});

describe("across readers", () => {
  test("a date-time and a formula read as the add-in reads them and as readXlsx reads the file: one digest", async () => {
    const serial = 46000.43315972222; // 2025-12-09 10:23:45.000 stored with sub-millisecond digits
    // As Office.js `values` gives it: the stored serial; formulas from `formulas` without "=".
    const office = makeGrid(
      "花名册",
      [
        ["姓名", "登记时间", "金额"],
        ["张三", serial, 500],
        ["合计", null, 500],
      ],
      { formats: new Map([["1,1", "yyyy-mm-dd hh:mm:ss"]]), formulas: new Map([["2,2", "SUM(C2:C2)"]]) },
    );
    // The same workbook written by a file library (with a stale cached total), read back by readXlsx.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("花名册");
    ws.addRow(["姓名", "登记时间", "金额"]);
    ws.addRow(["张三", serial, 500]);
    ws.getCell("B2").numFmt = "yyyy-mm-dd hh:mm:ss";
    ws.addRow(["合计", null, { formula: "SUM(C2:C2)", result: 499 }]);
    const read = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(read.problem.message);
    const file = read.value.sheets[0] as Grid;
    // The readers really disagree on the cells' values…
    expect(file.rows[1]?.[1]).not.toBe(serial);
    expect(file.rows[2]?.[2]).toBe(499);
    // …and agree on the digest.
    expect(rosterDigest(file)).toBe(rosterDigest(office));
  });
});

describe("workbook digest (zizhu-digest/3)", () => {
  const roster = makeGrid("花名册", [
    [null, null],
    ["姓名", "金额"],
    ["张三", 500],
    ["李四", 300],
  ]);
  const notes = makeGrid("说明", [["备注"]], { state: "hidden" });
  const seal = makeGrid("校验凭证", [["x"]], { state: "veryHidden" });
  const book = (sheets: Grid[]): WorkbookData => ({ sheets, properties: {} });
  const parts = (wb: WorkbookData, statement = '["p"]') =>
    workbookDigestParts(wb, { roster: "花名册", leaveOut: "校验凭证", statement });
  const digest = (wb: WorkbookData, statement?: string) => workbookDigest(parts(wb, statement));
  const base = book([roster, notes, seal]);

  test("is the SHA-256 of the documented canonical text", () => {
    const hidden = book([{ ...roster, hiddenRows: new Set([2]), hiddenColumns: new Set([1]) }, notes, seal]);
    const text =
      `${WORKBOOK_DIGEST_FORMAT}\n` +
      `sheet\tvisible\t${rosterDigest(roster)}\t"花名册"\n` +
      `sheet\thidden\t${rosterDigest(notes)}\t"说明"\n` +
      `roster\t"花名册"\n` +
      `hidden-rows\t2\n` +
      `hidden-columns\t1\n` +
      `statement\t["p"]\n`;
    expect(canonicalWorkbook(parts(hidden))).toBe(text);
    expect(workbookDigest(parts(hidden))).toBe(sha(text));
  });

  test.each<[string, WorkbookData, string | undefined]>([
    ["a sheet added", book([roster, notes, makeGrid("新表", []), seal]), undefined],
    ["a very hidden sheet added", book([roster, notes, makeGrid("x", [], { state: "veryHidden" }), seal]), undefined],
    ["a sheet removed", book([roster, seal]), undefined],
    ["a sheet renamed", book([roster, { ...notes, name: "备注" }, seal]), undefined],
    ["two sheets swapped", book([notes, roster, seal]), undefined],
    ["a sheet shown", book([roster, { ...notes, state: "visible" }, seal]), undefined],
    ["a sheet very hidden", book([roster, { ...notes, state: "veryHidden" }, seal]), undefined],
    [
      "another sheet's value",
      book([roster, makeGrid("说明", [["备注 110105194912310021"]], { state: "hidden" }), seal]),
      undefined,
    ],
    ["a roster value", book([makeGrid("花名册", [[null], ["姓名", "金额"], ["张三", 501]]), notes, seal]), undefined],
    ["a roster row hidden", book([{ ...roster, hiddenRows: new Set([3]) }, notes, seal]), undefined],
    ["a roster column hidden", book([{ ...roster, hiddenColumns: new Set([0]) }, notes, seal]), undefined],
    ["the statement", base, '["q"]'],
  ])("changes with %s", (_, other, statement) => {
    expect(digest(other, statement)).not.toBe(digest(base));
  });

  test.each<[string, WorkbookData]>([
    ["the seal sheet's contents and state", book([roster, notes, makeGrid("校验凭证", [["y"]])])],
    ["the seal sheet's place", book([seal, roster, notes])],
    ["no seal sheet at all", book([roster, notes])],
    [
      "a hidden row above the data (the first row is empty)",
      book([{ ...roster, hiddenRows: new Set([0]) }, notes, seal]),
    ],
    [
      "hidden rows and columns below and right of the data",
      book([{ ...roster, hiddenRows: new Set([4, 99]), hiddenColumns: new Set([2, 30]) }, notes, seal]),
    ],
    ["another sheet's hidden rows", book([roster, { ...notes, hiddenRows: new Set([0]) }, seal])],
    [
      "formats, merges and notes",
      book([
        { ...roster, formats: new Map([["2,1", "0.00"]]), merges: [{ top: 1, left: 0, bottom: 1, right: 1 }] },
        { ...notes, notes: [{ row: 0, col: 0, text: "批注" }] },
        seal,
      ]),
    ],
  ])("does not change with %s", (_, other) => {
    expect(digest(other)).toBe(digest(base));
  });

  test("the data extent counts formulas, and ignores empty strings", () => {
    expect(dataExtent(makeGrid("a", []))).toBeNull();
    expect(
      dataExtent(
        makeGrid("a", [
          [null, ""],
          [null, "x"],
        ]),
      ),
    ).toEqual({ top: 1, bottom: 1, left: 1, right: 1 });
    const withFormula = makeGrid("a", [["x"]], { formulas: new Map([["3,4", "SUM(A1)"]]) });
    expect(dataExtent(withFormula)).toEqual({ top: 0, bottom: 3, left: 0, right: 4 });
    expect(hiddenInExtent({ ...withFormula, hiddenRows: new Set([3, 4]), hiddenColumns: new Set([4, 5]) })).toEqual({
      rows: [3],
      columns: [4],
    });
  });

  test("a statement with a line break is a bug, not a digest", () => {
    expect(() => canonicalWorkbook(parts(base, "a\nb"))).toThrow(/one line/);
  });
});
