/**
 * Fixture workbooks built with ExcelJS at test time (no binary files in the repo): a school aid
 * roster with everything the readers must understand.
 */
import ExcelJS from "exceljs";

/** 110101200001011234 stored as a number: a double cannot hold 18 digits (nor can Excel, with its 15). */
export const ID_AS_NUMBER = Number("110101200001011234");
export const ID_TEXT = "11010120000101123X";

export async function rosterWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.title = "2025年秋季学期国家助学金名单";
  wb.subject = "资助";
  wb.creator = "张老师";
  wb.keywords = "助学金";
  wb.description = "内部资料";
  wb.category = "花名册";
  wb.company = "第一中学";
  wb.manager = "李主任";
  wb.lastModifiedBy = "王会计";

  const ws = wb.addWorksheet("花名册");
  // Row 1: title across A:F; rows 3–4: two-row header (基本信息 over 姓名/身份证号).
  ws.getCell("A1").value = "2025年秋季学期国家助学金发放名单";
  ws.mergeCells("A1:F1");
  ws.getCell("A2").value = "填报单位：第一中学";
  ws.getCell("A3").value = "序号";
  ws.mergeCells("A3:A4");
  ws.getCell("B3").value = "基本信息";
  ws.mergeCells("B3:C3");
  ws.getCell("B4").value = "姓名";
  ws.getCell("C4").value = "身份证号";
  ws.getCell("D3").value = "出生日期";
  ws.getCell("E3").value = "金额";
  ws.getCell("F3").value = "银行卡号";
  // Data rows 5–7.
  ws.getCell("A5").value = 1;
  ws.getCell("B5").value = { richText: [{ text: "张", font: { bold: true } }, { text: "三" }] };
  ws.getCell("C5").value = ID_AS_NUMBER;
  ws.getCell("D5").value = new Date(Date.UTC(2008, 8, 1));
  ws.getCell("D5").numFmt = "yyyy-mm-dd";
  ws.getCell("E5").value = 1000;
  ws.getCell("F5").numFmt = "@";
  ws.getCell("F5").value = "6222020200112233445";
  ws.getCell("B5").note = "家庭经济困难认定：特别困难";

  ws.getCell("A6").value = 2;
  ws.getCell("B6").value = "李四";
  ws.getCell("C6").value = ID_TEXT;
  ws.getCell("D6").value = new Date(Date.UTC(2009, 1, 28, 12, 0, 0));
  ws.getCell("D6").numFmt = "yyyy-mm-dd hh:mm";
  ws.getCell("E6").value = { formula: "E5*2", result: 2000 };
  ws.getCell("F6").numFmt = "@";
  ws.getCell("F6").value = "6222020200112233446";

  ws.getCell("A7").value = 3;
  ws.getCell("B7").value = { text: "王五", hyperlink: "https://example.com/wangwu" };
  ws.getCell("C7").value = { error: "#N/A" };
  ws.getCell("D7").value = true;
  ws.getCell("E7").value = { formula: "SUM(E5:E6)", result: 3000 };
  ws.getCell("F7").value = { formula: "VLOOKUP(B7,Sheet9!A:B,2,FALSE)", result: { error: "#N/A" } };
  ws.getRow(7).hidden = true;
  ws.getColumn(7).hidden = true;
  ws.getCell("G5").value = "隐藏列";
  // Shared formula: H5 master, H6:H7 share it.
  ws.getCell("H5").value = { formula: "E5+1", result: 1001, shareType: "shared", ref: "H5:H7" } as ExcelJS.CellValue;
  ws.getCell("H6").value = { sharedFormula: "H5", result: 2001 };
  ws.getCell("H7").value = { sharedFormula: "H5", result: 3001 };

  ws.headerFooter.oddHeader = '&C&"宋体,加粗"&14国家助学金名单';
  ws.headerFooter.oddFooter = "&L制表人：张老师&R第 &P 页，共 &N 页";

  const hidden = wb.addWorksheet("旧数据", { state: "hidden" });
  hidden.getCell("A1").value = "隐藏的表";
  const veryHidden = wb.addWorksheet("配置", { state: "veryHidden" });
  veryHidden.getCell("A1").value = "很隐藏";

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A plain roster of `rows` data rows × 12 columns (header in row 1), as big-file benchmarks use. */
export async function bigWorkbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("名单");
  ws.addRow([
    "序号",
    "姓名",
    "性别",
    "身份证号",
    "学籍号",
    "年级",
    "班级",
    "资助类型",
    "金额",
    "银行卡号",
    "联系电话",
    "备注",
  ]);
  for (let i = 1; i <= rows; i++) {
    ws.addRow([
      i,
      `学生${i}`,
      i % 2 ? "男" : "女",
      `1101012008${String(i % 100000).padStart(6, "0")}${i % 10}${i % 9}`,
      `G1101012008${String(i).padStart(7, "0")}`,
      `${(i % 3) + 1}年级`,
      `${(i % 8) + 1}班`,
      i % 4 ? "国家助学金" : "免学费",
      i % 4 ? 1000 : 2000,
      `62220202${String(i).padStart(11, "0")}`,
      `138${String(i).padStart(8, "0")}`,
      "",
    ]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A minimal zip (entries stored, not compressed) with the given files: enough to be a real archive. */
export function storedZip(files: Record<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  let count = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = encoder.encode(name);
    const data = encoder.encode(content);
    const crc = crc32(data);
    const offset = locals.length;
    const common = [
      ...u16(20),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(crc),
      ...u32(data.length),
      ...u32(data.length),
    ];
    locals.push(...u32(0x04034b50), ...common, ...u16(nameBytes.length), ...u16(0), ...nameBytes, ...data);
    central.push(
      ...u32(0x02014b50),
      ...u16(20),
      ...common,
      ...u16(nameBytes.length),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(offset),
      ...nameBytes,
    );
    count++;
  }
  const end = [
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(count),
    ...u16(count),
    ...u32(central.length),
    ...u32(locals.length),
    ...u16(0),
  ];
  return Uint8Array.from([...locals, ...central, ...end]);
}

/** The first 512 bytes of an OLE compound file whose directory names the given streams (UTF-16LE). */
export function cfbWithStreams(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  let at = 512;
  for (const name of streams) {
    for (let i = 0; i < name.length; i++) bytes[at + i * 2] = name.charCodeAt(i);
    at += 128;
  }
  return bytes;
}
