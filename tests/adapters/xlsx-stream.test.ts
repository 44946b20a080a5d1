import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { readXlsxStream } from "../../src/adapters/xlsx/stream.node";
import type { Grid } from "../../src/core/grid/types";
import { bigWorkbook, cfbWithStreams, rosterWorkbook, storedZip } from "./fixtures";

let dir: string;
let rosterPath: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zizhu-stream-"));
  rosterPath = join(dir, "花名册.xlsx");
  writeFileSync(rosterPath, await rosterWorkbook());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Everything but notes (which streaming cannot see). */
function comparable(grid: Grid) {
  return {
    name: grid.name,
    rows: grid.rows,
    formats: [...grid.formats],
    formulas: [...grid.formulas].sort(),
    merges: grid.merges,
    hiddenRows: [...grid.hiddenRows],
    hiddenColumns: [...grid.hiddenColumns],
    state: grid.state,
    headerFooter: grid.headerFooter,
  };
}

describe("readXlsxStream", () => {
  test("the first visible sheet gives the same grid as readXlsx (notes and properties aside)", async () => {
    const streamed = await readXlsxStream(rosterPath);
    const loaded = await readXlsx(readFileSync(rosterPath));
    if (!streamed.ok || !loaded.ok) throw new Error("read failed");
    expect(streamed.value.sheets).toHaveLength(1);
    const [mine] = streamed.value.sheets;
    const [theirs] = loaded.value.sheets;
    if (!mine || !theirs) throw new Error("no sheet");
    expect(comparable(mine)).toEqual(comparable(theirs));
    expect(mine.notes).toEqual([]);
    expect(streamed.value.properties).toEqual({});
  });

  test("a named sheet, hidden or very hidden, keeps its state", async () => {
    const result = await readXlsxStream(rosterPath, { sheet: "配置" });
    expect(result.ok && result.value.sheets.map((g) => [g.name, g.state, g.rows])).toEqual([
      ["配置", "veryHidden", [["很隐藏"]]],
    ]);
  });

  test("skips hidden sheets when choosing the first visible one", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明", { state: "hidden" }).getCell("A1").value = "hidden";
    wb.addWorksheet("名单").getCell("A1").value = "visible";
    const path = file("hidden-first.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    const result = await readXlsxStream(path);
    expect(result.ok && result.value.sheets[0]?.name).toBe("名单");
  });

  test("a missing sheet lists the sheets", async () => {
    const result = await readXlsxStream(rosterPath, { sheet: "Sheet1" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe("file.sheet-missing");
    expect(result.problem.message).toContain("“花名册.xlsx”中没有名为“Sheet1”的工作表");
    expect(result.problem.message).toContain("“花名册”、“旧数据”、“配置”");
  });

  test("reports progress about every 5000 rows and at the end", async () => {
    const path = file("big.xlsx", await bigWorkbook(12000));
    const seen: number[] = [];
    const result = await readXlsxStream(path, { onProgress: (n) => seen.push(n) });
    expect(result.ok && result.value.sheets[0]?.rows.length).toBe(12001);
    expect(seen).toEqual([5000, 10000, 12001]);
    const row = result.ok ? result.value.sheets[0]?.rows[12000] : undefined;
    expect(row?.slice(0, 3)).toEqual([12000, "学生12000", "女"]);
  }, 30_000); // builds a 12k-row workbook first: ~3 s alone, more on a busy machine

  test("inline strings, str formulas, booleans and 1904 dates from hand-written XML", async () => {
    const sheetXml =
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<cols><col min="2" max="3" hidden="1"/></cols><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh><t>zhang</t></rPh></is></c>' +
      '<c r="B1" t="str"><f>A1&amp;"!"</f><v>张三 !</v></c><c r="C1" t="b"><f>TRUE()</f><v>1</v></c>' +
      '<c r="D1" s="1"><v>0</v></c><c r="E1" t="e"><v>#DIV/0!</v></c></row>' +
      '<row r="3" hidden="1"><c r="A3"><v>1.5</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells></worksheet>';
    const zip = storedZip({
      "[Content_Types].xml": "<Types/>",
      "xl/workbook.xml":
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<workbookPr date1904="1"/><sheets><sheet name="手写" sheetId="1" r:id="rId1"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      "xl/styles.xml":
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="0"/>' +
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
      "xl/sharedStrings.xml": '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0"/>',
      "xl/worksheets/sheet1.xml": sheetXml,
    });
    const result = await readXlsxStream(file("hand.xlsx", zip));
    if (!result.ok) throw new Error(result.problem.message);
    const grid = result.value.sheets[0];
    expect(grid?.name).toBe("手写");
    // 1904-01-01 is serial 1462 in the 1900 system.
    expect(grid?.rows).toEqual([["张三 ", "张三 !", true, 1462, "#DIV/0!"], [], [1.5]]);
    expect(grid?.formats.get("0,3")).toBe("mm-dd-yy");
    expect([...(grid?.hiddenColumns ?? [])]).toEqual([1, 2]);
    expect([...(grid?.hiddenRows ?? [])]).toEqual([2]);
    expect(grid?.merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 1 }]);
    expect(grid?.formulas.get("0,1")).toBe('A1&"!"');
  });
});

describe("readXlsxStream: bad files are problems, never exceptions", () => {
  test.each([
    { name: "empty.xlsx", bytes: new Uint8Array(0), code: "file.empty" },
    { name: "old.xls", bytes: cfbWithStreams(["Root Entry", "Workbook"]), code: "file.xls" },
    {
      name: "locked.xlsx",
      bytes: cfbWithStreams(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
      code: "file.encrypted",
    },
    { name: "notes.zip", bytes: storedZip({ "a.txt": "hello" }), code: "file.not-xlsx" },
    { name: "random.xlsx", bytes: Uint8Array.from({ length: 100 }, (_, i) => (i * 31) % 256), code: "file.not-xlsx" },
    {
      name: "broken.xlsx",
      bytes: storedZip({ "xl/workbook.xml": "<<<", "xl/worksheets/sheet1.xml": "<<<" }),
      code: "file.unreadable",
    },
  ])("$name → $code", async ({ name, bytes, code }) => {
    const result = await readXlsxStream(file(name, bytes));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    expect(result.problem.message).toContain(`“${name}”`);
  });
});
