/**
 * Defects a review found in the .xlsx readers, each reproduced: `_xHHHH_` escapes left in texts,
 * CPU and memory bombs in a sheet part (hidden columns, formula cells, merges), a non-zip file
 * read whole to be sniffed, and packages holding a part twice.
 */
import { closeSync, openSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import ExcelJS from "exceljs";
import { loadWorkbook, readXlsx } from "../../src/adapters/xlsx/read";
import { sniffFile } from "../../src/adapters/xlsx/sniff.node";
import { readXlsxStream } from "../../src/adapters/xlsx/stream.node";
import { type ZipEntrySpec, buildZip, tempFiles, xlsxParts } from "./zip-builder";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const { file, path: pathIn } = tempFiles("zizhu-review-");

/** A one-sheet package whose worksheet part is `worksheet` (the whole <worksheet> content). */
function workbook(worksheet: string, extra: ZipEntrySpec[] = []): Uint8Array {
  const parts = xlsxParts({ 名单: "" }, extra).map((part) =>
    part.name === "xl/worksheets/sheet1.xml"
      ? { ...part, data: `<worksheet xmlns="${MAIN}">${worksheet}</worksheet>` }
      : part,
  );
  return buildZip(parts);
}

async function grid(bytes: Uint8Array, options: Parameters<typeof readXlsx>[1] = {}) {
  const result = await readXlsx(bytes, options);
  if (!result.ok) throw new Error(result.problem.message);
  const sheet = result.value.sheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

async function problemOf(bytes: Uint8Array, options: Parameters<typeof readXlsx>[1] = {}) {
  const result = await readXlsx(bytes, { fileName: "名单.xlsx", ...options });
  if (result.ok) throw new Error("expected a problem");
  return result.problem;
}

async function streamProblemOf(path: string, options: Parameters<typeof readXlsxStream>[1] = {}) {
  const result = await readXlsxStream(path, options);
  if (result.ok) throw new Error("expected a problem");
  return result.problem;
}

describe("A. _xHHHH_ escapes in shared and inline strings", () => {
  const texts = ["李四_x000D_", "a_x005F_x0041_b", "行1_x000A_行2", "_x005f_x000d_", "无转义_x00_"];
  const sst =
    `<sst xmlns="${MAIN}">` +
    texts.map((t) => `<si><t>${t}</t></si>`).join("") +
    "<si><r><t>分_x000D_</t></r><r><t>段</t></r></si></sst>";
  const cells =
    texts.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("") +
    `<c r="F1" t="s"><v>${texts.length}</v></c>`;
  const inline =
    '<c r="A2" t="inlineStr"><is><t>王五_x000D_</t></is></c><c r="B2" t="inlineStr"><is><r><t>x_x005F_x0041_</t></r><r><t>y</t></r></is></c>';
  const bytes = workbook(`<sheetData><row r="1">${cells}</row><row r="2">${inline}</row></sheetData>`, [
    { name: "xl/sharedStrings.xml", data: sst },
  ]);
  const expected = [
    ["李四\r", "a_x0041_b", "行1\n行2", "_x000d_", "无转义_x00_", "分\r段"],
    ["王五\r", "x_x0041_y"],
  ];

  test("decoded left to right in one pass (_x005F_ is a literal underscore)", async () => {
    expect((await grid(bytes)).rows).toEqual(expected);
    const stream = await readXlsxStream(file("escapes.xlsx", bytes), { sheets: "all" });
    if (!stream.ok) throw new Error(stream.problem.message);
    expect(stream.value.sheets[0]?.rows).toEqual(expected);
  });

  // ExcelJS decodes shared strings only; inline strings are decoded here as Excel shows them.
  test("the same shared-string texts as ExcelJS gives for Excel's uppercase escapes", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet");
    const text = (ref: string): unknown => {
      const v = ws.getCell(ref).value as unknown;
      if (v && typeof v === "object" && "richText" in v)
        return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
      return v;
    };
    const ours = (await grid(bytes)).rows;
    for (const [ref, row, col] of [
      ["A1", 0, 0],
      ["B1", 0, 1],
      ["C1", 0, 2],
      ["F1", 0, 5],
    ] as const)
      expect(ours[row]?.[col]).toBe(text(ref));
  });
});

describe("B. bombs in a sheet part", () => {
  test("100,000 hidden <col min=1 max=16384> read at once, as 16,384 hidden columns", async () => {
    const cols = '<col min="1" max="16384" hidden="1"/>'.repeat(100_000);
    const bytes = workbook(`<cols>${cols}</cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`);
    const started = Date.now();
    const g = await grid(bytes);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(g.hiddenColumns.size).toBe(16_384);
  }, 20_000);

  test("hidden column ranges overlapping, out of order, alternating and past XFD are merged exactly", async () => {
    const alternating = Array.from(
      { length: 40_000 },
      (_, i) => `<col min="${(i % 2) * 2 + 101}" max="${(i % 2) * 2 + 101}" hidden="1"/>`,
    ).join("");
    const cols =
      '<col min="5" max="5" hidden="1"/><col min="2" max="3" hidden="true"/><col min="3" max="4" hidden="1"/>' +
      '<col min="7" max="9" hidden="0"/><col min="16383" max="20000" hidden="1"/><col min="0" max="1" hidden="1"/>' +
      alternating;
    const g = await grid(workbook(`<cols>${cols}</cols><sheetData/>`));
    expect([...g.hiddenColumns].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 100, 102, 16382, 16383]);
  });

  test("formula cells without a cached value count against maxCells (file.too-large, not a RangeError)", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><f>1+${i}</f></c></row>`);
    const bytes = workbook(`<sheetData>${rows.join("")}</sheetData>`);
    const p = await problemOf(bytes, { limits: { maxCells: 10 } });
    expect(p.code).toBe("file.too-large");
    expect(p.message).toContain("超过 10 个");
    const s = await streamProblemOf(file("formulas.xlsx", bytes), { limits: { maxCells: 10 } });
    expect(s.code).toBe("file.too-large");
    // Under the cap they are all kept.
    expect((await grid(bytes, { limits: { maxCells: 20 } })).formulas.size).toBe(20);
  });

  test("merged ranges are capped (file.too-large naming the merges)", async () => {
    const merges = Array.from({ length: 50 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join("");
    const bytes = workbook(`<sheetData/><mergeCells>${merges}</mergeCells>`);
    const p = await problemOf(bytes, { limits: { maxMerges: 49 } });
    expect(p.code).toBe("file.too-large");
    expect(p.message).toContain("合并单元格超过 49 处");
    expect(p.message).toContain("“名单.xlsx”的工作表“名单”");
    const s = await streamProblemOf(file("merges.xlsx", bytes), { limits: { maxMerges: 49 } });
    expect(s.code).toBe("file.too-large");
    expect((await grid(bytes, { limits: { maxMerges: 50 } })).merges).toHaveLength(50);
  });
});

describe("C. sniffing a big file reads only its head and its tail", () => {
  test("a 2.5 GB sparse file that is no zip: file.not-xlsx, quickly and without reading it whole", async () => {
    const path = pathIn("big.xlsx");
    writeFileSync(path, "");
    truncateSync(path, 2500 * 1024 * 1024);
    const started = Date.now();
    const p = await sniffFile(path, "big.xlsx");
    expect(p?.code).toBe("file.not-xlsx");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const utf16 = (text: string) => Buffer.from(text, "utf16le");

  function cfbFile(name: string, size: number, streamName: string | null, at: number): string {
    const path = pathIn(name);
    writeFileSync(path, Buffer.from(CFB));
    truncateSync(path, size);
    if (streamName !== null) {
      const fd = openSync(path, "r+");
      writeSync(fd, utf16(streamName), 0, streamName.length * 2, at);
      closeSync(fd);
    }
    return path;
  }

  test.each([
    ["EncryptedPackage in the head", "EncryptedPackage", 4096, "file.encrypted"],
    ["EncryptionInfo in the tail", "EncryptionInfo", 6 * 1024 * 1024 - 4096, "file.encrypted"],
    ["Workbook only", "Workbook", 4096, "file.xls"],
  ])("a 6 MB CFB file, %s", async (_, streamName, at, code) => {
    const p = await sniffFile(cfbFile(`${code}-${at}.xlsx`, 6 * 1024 * 1024, streamName, at), "名单.xlsx");
    expect(p?.code).toBe(code);
  });
});

describe("D. a package holding a part twice", () => {
  const first = '<row r="1"><c r="A1" t="inlineStr"><is><t>FIRST</t></is></c></row>';
  const second = '<row r="1"><c r="A1" t="inlineStr"><is><t>SECOND</t></is></c></row>';

  test.each(["xl/worksheets/sheet1.xml", "XL/Worksheets/Sheet1.xml"])(
    "a second %s is refused by both readers and by loadWorkbook, naming the part",
    async (name) => {
      const parts = xlsxParts({ 名单: first }, [
        { name, data: `<worksheet xmlns="${MAIN}"><sheetData>${second}</sheetData></worksheet>` },
      ]);
      const bytes = buildZip(parts);
      const p = await problemOf(bytes);
      expect(p.code).toBe("file.unreadable");
      expect(p.message).toContain(`两个同名的内部文件“${name}”`);
      const s = await streamProblemOf(file("名单.xlsx", bytes));
      expect(s).toEqual(p);
      const loaded = await loadWorkbook(bytes, "名单.xlsx");
      expect(loaded.ok ? null : loaded.problem).toEqual(p);
    },
  );
});

describe("E. a part that inflates past its declared size", () => {
  test("is refused as soon as it passes the size (readXlsx), not inflated to the end", async () => {
    const rows = '<row><c t="inlineStr"><is><t>姓名</t></is></c></row>'.repeat(400_000);
    const parts = xlsxParts({ 名单: rows }).map((part) =>
      part.name === "xl/worksheets/sheet1.xml" ? { ...part, declaredSize: 29 * 1024 } : part,
    );
    const p = await problemOf(buildZip(parts));
    expect(p.code).toBe("file.unreadable");
    expect(p.message).toContain("“xl/worksheets/sheet1.xml”解压后超出它声明的大小 29 KB");
  });

  test("stored and deflated parts of their declared size still read", async () => {
    const parts = xlsxParts({ 名单: '<row r="1"><c r="A1"><v>7</v></c></row>' }).map((part) =>
      part.name === "xl/workbook.xml" ? { ...part, method: 0 as const } : part,
    );
    expect((await grid(buildZip(parts))).rows).toEqual([[7]]);
  });
});

describe("F. number formats with escaped letters", () => {
  test("0.0\\h is a number format, not a date one (a 1904 workbook's 12.5 stays 12.5)", async () => {
    const styles =
      `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="165" formatCode="0.0\\h"/>` +
      '<numFmt numFmtId="166" formatCode="yyyy\\-mm\\-dd"/></numFmts>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>';
    const parts = xlsxParts(
      { 名单: '<row r="1"><c r="A1" s="1"><v>12.5</v></c><c r="B1" s="2"><v>40000</v></c></row>' },
      [{ name: "xl/styles.xml", data: styles }],
    ).map((part) =>
      part.name === "xl/workbook.xml"
        ? { ...part, data: String(part.data).replace("<sheets>", '<workbookPr date1904="1"/><sheets>') }
        : part,
    );
    const g = await grid(buildZip(parts));
    // The date format still moves the 1904 serial into the 1900 system; the escaped h does not.
    expect(g.rows).toEqual([[12.5, 41462]]);
    expect(g.formats.get("0,0")).toBe("0.0h");
    expect(g.formats.get("0,1")).toBe("yyyy-mm-dd");
  });
});

describe("F. library messages inside Chinese messages", () => {
  /** The package with one entry's method set to deflate in its central directory (its data left stored). */
  function deflateMethod(bytes: Uint8Array, name: string): Uint8Array {
    const out = new Uint8Array(bytes);
    const view = new DataView(out.buffer);
    const end = out.length - 22;
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < view.getUint16(end + 10, true); i++) {
      const nameLength = view.getUint16(at + 28, true);
      const entry = Buffer.from(out.subarray(at + 46, at + 46 + nameLength)).toString("utf8");
      if (entry === name) view.setUint16(at + 10, 8, true);
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return out;
  }

  test("XML cut short: “XML 结构不完整”, not “unclosed tag”", async () => {
    const parts = xlsxParts({ 名单: "" }).map((part) =>
      part.name === "xl/worksheets/sheet1.xml"
        ? { ...part, data: `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v>` }
        : part,
    );
    const bytes = buildZip(parts);
    const p = await problemOf(bytes);
    expect(p.code).toBe("file.unreadable");
    expect(p.message).toContain("（XML 结构不完整）");
    expect(p.message).not.toMatch(/[a-z]{3,} tag/);
    const s = await streamProblemOf(file("名单.xlsx", bytes));
    expect(s.message).toContain("（XML 结构不完整）");
  });

  test("damaged deflate data: “压缩数据已损坏”, not fflate's or zlib's English", async () => {
    const parts = xlsxParts({ 名单: "" }).map((part) =>
      part.name === "xl/worksheets/sheet1.xml"
        ? { ...part, data: new Uint8Array(64).fill(0xff), method: 0 as const }
        : part,
    );
    const bytes = deflateMethod(buildZip(parts), "xl/worksheets/sheet1.xml");
    const p = await problemOf(bytes);
    expect(p.message).toContain("（压缩数据已损坏）");
    const s = await streamProblemOf(file("名单.xlsx", bytes));
    expect(s.code).toBe("file.unreadable");
    expect(s.message).toMatch(/（压缩(数据已损坏|数据的实际大小与声明的不符)）/);
  });
});
