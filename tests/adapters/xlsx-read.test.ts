import ExcelJS from "exceljs";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { cellKey, type Grid } from "../../src/core/grid/types";
import { serialFromCivil } from "../../src/core/date/serial";
import { ID_AS_NUMBER, ID_TEXT, cfbWithStreams, rosterWorkbook, storedZip } from "./fixtures";

async function readRoster() {
  const result = await readXlsx(await rosterWorkbook(), { fileName: "花名册.xlsx" });
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

function sheet(grids: Grid[], name: string): Grid {
  const grid = grids.find((g) => g.name === name);
  if (!grid) throw new Error(`no sheet ${name}`);
  return grid;
}

describe("readXlsx: values as Excel shows them", () => {
  let roster: Grid;
  let properties: Readonly<Record<string, string>>;
  let sheets: Grid[];
  beforeAll(async () => {
    const data = await readRoster();
    sheets = data.sheets;
    roster = sheet(sheets, "花名册");
    properties = data.properties;
  });

  test("title rows and the merged two-row header", () => {
    expect(roster.rows[0]).toEqual(["2025年秋季学期国家助学金发放名单"]);
    expect(roster.rows[1]).toEqual(["填报单位：第一中学"]);
    expect(roster.rows[2]).toEqual(["序号", "基本信息", null, "出生日期", "金额", "银行卡号"]);
    // A4 is covered by the A3:A4 merge: empty, as Excel shows it (ExcelJS would repeat "序号").
    expect(roster.rows[3]).toEqual([null, "姓名", "身份证号"]);
    expect(roster.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 2, right: 2 },
    ]);
  });

  test("an 18-digit ID stored as a number stays the (rounded) number; never repaired", () => {
    const value = roster.rows[4]?.[2];
    expect(typeof value).toBe("number");
    expect(value).toBe(ID_AS_NUMBER);
    expect(String(value)).not.toBe("110101200001011234");
    expect(roster.rows[5]?.[2]).toBe(ID_TEXT);
  });

  test("dates become 1900-system serials with their format kept", () => {
    expect(roster.rows[4]?.[3]).toBe(serialFromCivil({ y: 2008, m: 9, d: 1 }));
    expect(roster.rows[5]?.[3]).toBe(serialFromCivil({ y: 2009, m: 2, d: 28 }) + 0.5);
    expect(roster.formats.get(cellKey(4, 3))).toBe("yyyy-mm-dd");
    expect(roster.formats.get(cellKey(5, 3))).toBe("yyyy-mm-dd hh:mm");
  });

  test("text format, rich text, hyperlinks, booleans and errors", () => {
    expect(roster.rows[4]?.[5]).toBe("6222020200112233445");
    expect(roster.formats.get(cellKey(4, 5))).toBe("@");
    expect(roster.rows[4]?.[1]).toBe("张三");
    expect(roster.rows[6]?.[1]).toBe("王五");
    expect(roster.rows[6]?.[3]).toBe(true);
    expect(roster.rows[6]?.[2]).toBe("#N/A");
    expect(roster.formats.has(cellKey(4, 4))).toBe(false);
  });

  test("formulas give their cached result; the formula text is recorded (shared ones translated)", () => {
    expect(roster.rows[5]?.[4]).toBe(2000);
    expect(roster.formulas.get(cellKey(5, 4))).toBe("E5*2");
    expect(roster.rows[6]?.[4]).toBe(3000);
    expect(roster.rows[6]?.[5]).toBe("#N/A");
    expect(roster.formulas.get(cellKey(6, 5))).toBe("VLOOKUP(B7,Sheet9!A:B,2,FALSE)");
    expect([roster.rows[4]?.[7], roster.rows[5]?.[7], roster.rows[6]?.[7]]).toEqual([1001, 2001, 3001]);
    expect(roster.formulas.get(cellKey(4, 7))).toBe("E5+1");
    expect(roster.formulas.get(cellKey(6, 7))).toBe("E7+1");
    expect(roster.formulas.has(cellKey(4, 4))).toBe(false);
  });

  test("hidden rows and columns, notes, header and footer", () => {
    expect([...roster.hiddenRows]).toEqual([6]);
    expect([...roster.hiddenColumns]).toEqual([6]);
    expect(roster.rows[4]?.[6]).toBe("隐藏列");
    expect(roster.notes).toEqual([{ row: 4, col: 1, text: "家庭经济困难认定：特别困难" }]);
    expect(roster.headerFooter).toEqual(["国家助学金名单", "制表人：张老师 第 {页码} 页，共 {总页数} 页"]);
  });

  test("sheet states and workbook order", () => {
    expect(sheets.map((g) => [g.name, g.state])).toEqual([
      ["花名册", "visible"],
      ["旧数据", "hidden"],
      ["配置", "veryHidden"],
    ]);
    expect(sheet(sheets, "配置").rows).toEqual([["很隐藏"]]);
  });

  test("document properties", () => {
    expect(properties).toEqual({
      title: "2025年秋季学期国家助学金名单",
      subject: "资助",
      creator: "张老师",
      keywords: "助学金",
      description: "内部资料",
      category: "花名册",
      company: "第一中学",
      manager: "李主任",
      lastModifiedBy: "王会计",
    });
  });

  test("rows are arrays up to the last used row; trailing empty styled rows are dropped", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("B2").value = "x";
    ws.getCell("A5").numFmt = "@";
    const result = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(result.ok && result.value.sheets[0]?.rows).toEqual([[], [null, "x"]]);
  });

  test("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const bytes = await rosterWorkbook();
    const buffer = new ArrayBuffer(bytes.length);
    new Uint8Array(buffer).set(bytes);
    const result = await readXlsx(buffer);
    expect(result.ok && result.value.sheets.length).toBe(3);
  });
});

describe("readXlsx: options.sheets", () => {
  test("reads only the named sheets, in workbook order", async () => {
    const result = await readXlsx(await rosterWorkbook(), { sheets: ["配置", "花名册"] });
    expect(result.ok && result.value.sheets.map((g) => g.name)).toEqual(["花名册", "配置"]);
  });

  test("a missing sheet is a problem listing the sheets", async () => {
    const result = await readXlsx(await rosterWorkbook(), { sheets: ["学生名单"], fileName: "花名册.xlsx" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe("file.sheet-missing");
    expect(result.problem.message).toContain("“花名册.xlsx”");
    expect(result.problem.message).toContain("“学生名单”");
    expect(result.problem.message).toContain("“花名册”、“旧数据”、“配置”");
  });
});

describe("readXlsx: bad files are problems in Chinese, never exceptions", () => {
  async function problem(bytes: Uint8Array, fileName = "名单.xlsx") {
    const result = await readXlsx(bytes, { fileName });
    if (result.ok) throw new Error("expected a problem");
    return result.problem;
  }

  test("empty file", async () => {
    const p = await problem(new Uint8Array(0));
    expect(p.code).toBe("file.empty");
    expect(p.message).toContain("“名单.xlsx”是空文件");
  });

  test("a legacy .xls (CFB with a Workbook stream)", async () => {
    const p = await problem(cfbWithStreams(["Root Entry", "Workbook", "SummaryInformation"]), "名单.xls");
    expect(p.code).toBe("file.xls");
    expect(p.message).toContain("“名单.xls”");
    expect(p.message).toContain("另存为 Excel 工作簿(*.xlsx)");
  });

  test("a password-encrypted .xlsx (CFB with EncryptedPackage)", async () => {
    const p = await problem(cfbWithStreams(["Root Entry", "EncryptionInfo", "EncryptedPackage"]));
    expect(p.code).toBe("file.encrypted");
    expect(p.message).toContain("密码");
  });

  test("random bytes", async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256);
    const p = await problem(bytes);
    expect(p.code).toBe("file.not-xlsx");
    expect(p.message).toContain("不是 Excel 工作簿");
  });

  test("an HTML table saved as .xls", async () => {
    const p = await problem(
      new TextEncoder().encode("<html><body><table><tr><td>姓名</td></tr></table></body></html>"),
      "导出.xls",
    );
    expect(p.code).toBe("file.not-xlsx");
    expect(p.message).toContain("网页");
  });

  test("a zip that is not an xlsx, and a Word document", async () => {
    const zip = await problem(storedZip({ "readme.txt": "hello" }), "资料.zip");
    expect(zip.code).toBe("file.not-xlsx");
    expect(zip.message).toContain("压缩包");
    const docx = await problem(storedZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }));
    expect(docx.code).toBe("file.not-xlsx");
    expect(docx.message).toContain("Word");
  });

  test("a damaged xlsx (zip with xl/workbook.xml that does not parse)", async () => {
    const p = await problem(storedZip({ "[Content_Types].xml": "<Types", "xl/workbook.xml": "<<<not xml" }));
    expect(p.code).toBe("file.unreadable");
    expect(p.message).toContain("另存为 Excel 工作簿(*.xlsx)");
  });

  test("without a file name the message still reads well", async () => {
    const result = await readXlsx(new Uint8Array(0));
    expect(!result.ok && result.problem.message).toContain("该文件是空文件");
  });
});
