/**
 * What the readers say about packages they must not (or cannot) read whole: truncated files, zip
 * bombs and giant packages. Before these limits, readXlsx called a truncated file “压缩包（zip）…
 * 请先解压” (or “损坏”), inflated whatever a zip declared, and failed on big sheets with
 * “内容已损坏…（Invalid string length）”; the streaming reader had no cell cap.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_LIMITS } from "../../src/adapters/xlsx/package";
import { loadWorkbook, readXlsx } from "../../src/adapters/xlsx/read";
import { readXlsxStream } from "../../src/adapters/xlsx/stream.node";
import { CORPUS_DIR } from "./corpus";
import { buildZip, tempFiles, xlsxParts } from "./zip-builder";

const { file } = tempFiles("zizhu-limits-");

async function problemOf(bytes: Uint8Array, name: string, options: Parameters<typeof readXlsx>[1] = {}) {
  const result = await readXlsx(bytes, { fileName: name, ...options });
  if (result.ok) throw new Error("expected a problem");
  return result.problem;
}

async function streamProblemOf(path: string, options: Parameters<typeof readXlsxStream>[1] = {}) {
  const result = await readXlsxStream(path, options);
  if (result.ok) throw new Error("expected a problem");
  return result.problem;
}

const ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1"><v>1</v></c></row>';
const MB = 1024 * 1024;

describe("a truncated .xlsx", () => {
  const whole = new Uint8Array(readFileSync(join(CORPUS_DIR, "openpyxl-plain.xlsx")));

  test.each([0.3, 0.6, 0.95])("cut at %p of its length: file.truncated, never “压缩包…请先解压”", async (share) => {
    const cut = whole.subarray(0, Math.floor(whole.length * share));
    const p = await problemOf(cut, "名单.xlsx");
    expect(p.code).toBe("file.truncated");
    expect(p.message).toContain("“名单.xlsx”不完整");
    expect(p.message).toContain("重新下载或复制");
    expect(p.message).not.toContain("解压");
    const s = await streamProblemOf(file(`cut-${share}.xlsx`, cut));
    expect(s.code).toBe("file.truncated");
  });

  test("a big truncated file (read from its tail only) too", async () => {
    const big = buildZip(
      xlsxParts({ 名单: ROW.repeat(1) }, [{ name: "xl/media/big.bin", data: new Uint8Array(3 * MB), method: 0 }]),
    );
    const path = file("big-cut.xlsx", big.subarray(0, big.length - 100));
    expect((await streamProblemOf(path)).code).toBe("file.truncated");
    expect((await loadWorkbook(big.subarray(0, big.length - 100), "big-cut.xlsx")).ok).toBe(false);
  });
});

describe("declared sizes are checked before anything is inflated", () => {
  test("a sheet declaring 600 MB: file.too-large for loadWorkbook, pointing at zizhu check; readXlsx streams it", async () => {
    const bytes = buildZip(
      xlsxParts({ 名单: ROW }).map((e) =>
        e.name === "xl/worksheets/sheet1.xml" ? { ...e, declaredSize: 600 * MB } : e,
      ),
    );
    // loadWorkbook (ExcelJS inflates everything) refuses it from the directory: nothing inflated.
    const started = Date.now();
    const loaded = await loadWorkbook(bytes, "全省名单.xlsx");
    expect(Date.now() - started).toBeLessThan(2000);
    if (loaded.ok) throw new Error("expected a problem");
    const p = loaded.problem;
    expect(p.code).toBe("file.too-large");
    expect(p.message).toContain("“全省名单.xlsx”太大，无法整个载入内存读取");
    expect(p.message).toContain("xl/worksheets/sheet1.xml");
    expect(p.message).toContain("600 MB");
    expect(p.message).toContain("256 MB");
    expect(p.message).toContain("zizhu check");
    expect(p.message).not.toContain("损坏");
    // readXlsx parses sheets chunk by chunk as they inflate: a sheet's size is no limit (its cells are).
    const read = await readXlsx(bytes, { fileName: "全省名单.xlsx" });
    expect(read.ok && read.value.sheets[0]?.rows).toEqual([["姓名", 1]]);
  });

  test("parts each under the cap but together over 1 GB: file.too-large (total)", async () => {
    // Sheets are streamed by readXlsx: the parts it keeps whole (shared strings, styles, properties) count.
    const held = [
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "docProps/core.xml",
      "docProps/app.xml",
      "docProps/custom.xml",
    ];
    const bytes = buildZip(
      xlsxParts({ 名单: ROW }, [
        { name: "xl/sharedStrings.xml", data: '<sst xmlns="x"/>' },
        { name: "xl/styles.xml", data: '<styleSheet xmlns="x"/>' },
        { name: "docProps/core.xml", data: '<cp:coreProperties xmlns:cp="x"/>' },
        { name: "docProps/app.xml", data: '<Properties xmlns="x"/>' },
        { name: "docProps/custom.xml", data: '<Properties xmlns="x"/>' },
      ]).map((e) => (held.includes(e.name) ? { ...e, declaredSize: 250 * MB } : e)),
    );
    const p = await problemOf(bytes, "名单.xlsx");
    expect(p.code).toBe("file.too-large");
    expect(p.message).toContain("共 1.2 GB");
    // Five sheets of 250 MB each are over 1 GB for loadWorkbook; readXlsx streams them.
    const sheets = Object.fromEntries(["一", "二", "三", "四", "五"].map((n) => [n, ROW]));
    const big = buildZip(
      xlsxParts(sheets).map((e) => (e.name.startsWith("xl/worksheets/") ? { ...e, declaredSize: 250 * MB } : e)),
    );
    const loaded = await loadWorkbook(big, "名单.xlsx");
    expect(!loaded.ok && loaded.problem.message).toContain("共 1.2 GB");
    const all = await readXlsx(big, { fileName: "名单.xlsx" });
    expect(all.ok && all.value.sheets.map((g) => g.rows)).toEqual(Array.from({ length: 5 }, () => [["姓名", 1]]));
    const one = await readXlsx(big, { sheets: ["二"] });
    expect(one.ok && one.value.sheets[0]?.rows).toEqual([["姓名", 1]]);
  });

  test("the streaming reader streams a big sheet but caps parts it holds in memory (shared strings)", async () => {
    const bytes = buildZip(
      xlsxParts({ 名单: ROW }, [
        { name: "xl/sharedStrings.xml", data: '<sst xmlns="x"/>', declaredSize: 700 * MB, method: 8 },
      ]),
    );
    const s = await streamProblemOf(file("big-sst.xlsx", bytes));
    expect(s.code).toBe("file.too-large");
    expect(s.message).toContain("xl/sharedStrings.xml");
    expect(s.message).toContain("超过读取上限 512 MB");
  });

  test(`more than ${DEFAULT_LIMITS.maxEntries} entries: file.too-large for both readers`, async () => {
    const many = Array.from({ length: DEFAULT_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `xl/media/i${i}.png`,
      data: "",
      method: 0 as const,
    }));
    const bytes = buildZip(xlsxParts({ 名单: ROW }, many));
    const p = await problemOf(bytes, "名单.xlsx");
    expect(p.code).toBe("file.too-large");
    expect(p.message).toContain(`包含 ${DEFAULT_LIMITS.maxEntries + 6} 个内部文件`);
    const s = await streamProblemOf(file("many.xlsx", bytes));
    expect(s.code).toBe("file.too-large");
  });

  test("a bomb that lies (declares 1 KB, inflates to 64 MB) is cut at its declared size: damaged, not memory", async () => {
    const huge = "<row>" + '<c t="inlineStr"><is><t>x</t></is></c>'.repeat(1_700_000) + "</row>";
    const bytes = buildZip(
      xlsxParts({ 名单: huge }).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { ...e, declaredSize: 1024 } : e)),
    );
    expect(bytes.length).toBeLessThan(1 * MB);
    expect((await problemOf(bytes, "bomb.xlsx")).code).toBe("file.unreadable");
    expect((await streamProblemOf(file("bomb.xlsx", bytes))).code).toBe("file.unreadable");
  });
});

describe("the cell cap", () => {
  const rows = Array.from(
    { length: 30 },
    (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="B${r + 1}"><v>${r * 2}</v></c></row>`,
  ).join("");
  const bytes = buildZip(xlsxParts({ 名单: rows, 备用: rows }));

  test("the streaming reader stops past it with a Chinese message naming the sheet", async () => {
    const path = file("cells.xlsx", bytes);
    const s = await streamProblemOf(path, { limits: { maxCells: 50 } });
    expect(s.code).toBe("file.too-large");
    expect(s.message).toContain("工作表“名单”中有内容的单元格超过 50 个");
    // Counted over all sheets read: each has 60 cells.
    expect((await readXlsxStream(path, { limits: { maxCells: 100 } })).ok).toBe(true);
    const all = await streamProblemOf(path, { sheets: "all", limits: { maxCells: 100 } });
    expect(all.message).toContain("工作表“备用”");
  });

  test("readXlsx honours it too", async () => {
    expect((await problemOf(bytes, "cells.xlsx", { limits: { maxCells: 10 } })).code).toBe("file.too-large");
  });
});

describe("rows beyond Excel's sheet", () => {
  test("a row numbered past 1,048,576 is a damaged file", async () => {
    const bytes = buildZip(xlsxParts({ 名单: '<row r="1048577"><c><v>1</v></c></row>' }));
    expect((await problemOf(bytes, "x.xlsx")).code).toBe("file.unreadable");
  });

  test("<row r=1048576/> declared at the end costs nothing", async () => {
    const bytes = buildZip(xlsxParts({ 名单: ROW + '<row r="1048576" hidden="1"/>' }));
    const result = await readXlsx(bytes);
    expect(result.ok && result.value.sheets[0]?.rows).toEqual([["姓名", 1]]);
    expect(result.ok && [...(result.value.sheets[0]?.hiddenRows ?? [])]).toEqual([1048575]);
  });
});
