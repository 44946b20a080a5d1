import { headerFooterText, parseCellRef, parseRangeRef, serialFromDate } from "../../src/adapters/xlsx/cells";
import { sniffXlsx } from "../../src/adapters/xlsx/problems";
import { serialFromCivil } from "../../src/core/date/serial";

describe("serialFromDate", () => {
  test("uses the Date's UTC instant, as ExcelJS builds it", () => {
    expect(serialFromDate(new Date(Date.UTC(2025, 8, 1)))).toBe(serialFromCivil({ y: 2025, m: 9, d: 1 }));
    expect(serialFromDate(new Date(Date.UTC(2025, 8, 1, 18, 0, 0)))).toBe(
      serialFromCivil({ y: 2025, m: 9, d: 1 }) + 0.75,
    );
    expect(serialFromDate(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(serialFromDate(new Date(Number.NaN))).toBeNull();
  });
});

describe("headerFooterText", () => {
  test.each([
    ['&C&"宋体,加粗"&14国家助学金名单', "国家助学金名单"],
    ["&L制表人：张老师&R第 &P 页，共 &N 页", "制表人：张老师 第 {页码} 页，共 {总页数} 页"],
    ["&KFF0000红字&B粗体&&符号", "红字粗体&符号"],
    ["&D &T &F &A", "{日期} {时间} {文件名} {工作表名}"],
    ["", ""],
  ])("%s", (raw, text) => {
    expect(headerFooterText(raw)).toBe(text);
  });
});

describe("A1 references", () => {
  test("ranges and cells, 0-based", () => {
    expect(parseRangeRef("A1:C2")).toEqual({ top: 0, left: 0, bottom: 1, right: 2 });
    expect(parseRangeRef("$AB$10")).toEqual({ top: 9, left: 27, bottom: 9, right: 27 });
    expect(parseRangeRef("nonsense")).toBeNull();
    expect(parseCellRef("C5")).toEqual({ row: 4, col: 2 });
    expect(parseCellRef("A0")).toBeNull();
  });
});

describe("sniffXlsx", () => {
  test("SpreadsheetML 2003 XML with a BOM is recognised as a disguised spreadsheet", () => {
    const xml = new TextEncoder().encode(
      '\uFEFF<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
    );
    expect(sniffXlsx(xml, "导出.xls")?.message).toContain("XML");
  });
});
