import { createHash } from "node:crypto";
import { makeGrid, type CellValue } from "../../../src/core/grid/types";
import ExcelJS from "exceljs";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { type Grid } from "../../../src/core/grid/types";
import { canonicalCells, DIGEST_FORMAT, normalizeFormula, rosterDigest } from "../../../src/core/sheets/digest";

const sha = (text: string) => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");

describe("rosterDigest", () => {
  test("is the SHA-256 of the documented canonical text", () => {
    const grid = makeGrid("花名册", [
      ["序号", "姓名", "金额"],
      [1, "张三", 312.5],
      [null, "", true],
    ]);
    const text =
      `${DIGEST_FORMAT}\n` +
      `0\t0\ts\t"序号"\n0\t1\ts\t"姓名"\n0\t2\ts\t"金额"\n` +
      `1\t0\tn\t1\n1\t1\ts\t"张三"\n1\t2\tm\t27000000000\n` +
      `2\t2\tb\tTRUE\n`;
    expect(canonicalCells(grid)).toBe(text);
    expect(rosterDigest(grid)).toBe(sha(text));
    expect(rosterDigest(grid)).toMatch(/^[0-9a-f]{64}$/);
  });

  test("the empty sheet has the digest of the format line alone", () => {
    expect(rosterDigest(makeGrid("空", []))).toBe(sha(`${DIGEST_FORMAT}\n`));
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
    expect(canonicalCells(forged)).toBe(`${DIGEST_FORMAT}\n0\t0\ts\t"x\\n0\\t1\\tn\\t5"\n`);
    expect(rosterDigest(forged)).not.toBe(rosterDigest(real));
  });

  test("integers use the shortest round-trip text; -0 is 0", () => {
    expect(canonicalCells(makeGrid("a", [[-0, 1e21, 46304, -12]]))).toBe(
      `${DIGEST_FORMAT}\n0\t0\tn\t0\n0\t1\tn\t1e+21\n0\t2\tn\t46304\n0\t3\tn\t-12\n`,
    );
  });

  test("other numbers are whole milliseconds of a day (tag m)", () => {
    expect(canonicalCells(makeGrid("a", [[0.1 + 0.2, 312.5, -0.5, 46000.43315972222]]))).toBe(
      `${DIGEST_FORMAT}\n0\t0\tm\t25920000\n0\t1\tm\t27000000000\n0\t2\tm\t-43200000\n0\t3\tm\t3974437425000\n`,
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
      `${DIGEST_FORMAT}\n0\t0\ts\t"姓名"\n0\t1\ts\t"金额"\n1\t0\ts\t"张三"\n1\t1\tn\t500\n` +
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
