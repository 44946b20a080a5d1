import { createHash } from "node:crypto";
import { makeGrid, type CellValue } from "../../../src/core/grid/types";
import { canonicalCells, DIGEST_FORMAT, rosterDigest } from "../../../src/core/sheets/digest";

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
      `1\t0\tn\t1\n1\t1\ts\t"张三"\n1\t2\tn\t312.5\n` +
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

  test("does not depend on formats, formulas, merges or the sheet's name", () => {
    const plain = rosterDigest(makeGrid("a", base));
    const dressed = makeGrid("另一个名字", base, {
      formats: new Map([
        ["1,1", "@"],
        ["1,2", "0.00"],
      ]),
      formulas: new Map([["1,2", "250*2"]]),
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

  test("numbers use the shortest round-trip text; -0 is 0", () => {
    expect(canonicalCells(makeGrid("a", [[0.1 + 0.2, -0, 1e21, 46304]]))).toBe(
      `${DIGEST_FORMAT}\n0\t0\tn\t0.30000000000000004\n0\t1\tn\t0\n0\t2\tn\t1e+21\n0\t3\tn\t46304\n`,
    );
  });
});
