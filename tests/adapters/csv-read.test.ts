import { detectEncoding, parseDelimited, readCsv } from "../../src/adapters/csv/read";

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

/** GBK bytes of a few characters (checked against TextDecoder("gb18030") below). */
const GBK: Readonly<Record<string, number[]>> = {
  姓: [0xd0, 0xd5],
  名: [0xc3, 0xfb],
  身: [0xc9, 0xed],
  份: [0xb7, 0xdd],
  证: [0xd6, 0xa4],
  号: [0xba, 0xc5],
  张: [0xd5, 0xc5],
  三: [0xc8, 0xfd],
};

function gbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const bytes = GBK[ch];
    if (bytes) out.push(...bytes);
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else throw new Error(`no GBK bytes for ${ch}`);
  }
  return Uint8Array.from(out);
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

function rows(data: ArrayBuffer | Uint8Array, name = "名单") {
  const result = readCsv(data, name);
  if (!result.ok) throw new Error(result.problem.message);
  const grid = result.value.sheets[0];
  if (!grid) throw new Error("no grid");
  return grid.rows;
}

describe("detectEncoding", () => {
  test("the GBK table is right", () => {
    for (const [ch, bytes] of Object.entries(GBK)) {
      expect(new TextDecoder("gb18030").decode(Uint8Array.from(bytes))).toBe(ch);
    }
  });

  test("byte-order marks decide", () => {
    expect(detectEncoding(Uint8Array.from([...BOM, 0x61]))).toBe("utf-8");
    expect(detectEncoding(utf16("a", true))).toBe("utf-16le");
    expect(detectEncoding(utf16("a", false))).toBe("utf-16be");
  });

  test("valid UTF-8 without BOM is UTF-8; anything else is GB18030", () => {
    expect(detectEncoding(utf8("姓名,身份证号"))).toBe("utf-8");
    expect(detectEncoding(utf8("plain ascii"))).toBe("utf-8");
    expect(detectEncoding(gbk("姓名,身份证号"))).toBe("gb18030");
  });
});

describe("readCsv", () => {
  test("UTF-8 with and without BOM", () => {
    const text = "姓名,身份证号\r\n张三,11010120000101123X\r\n";
    const expected = [
      ["姓名", "身份证号"],
      ["张三", "11010120000101123X"],
    ];
    expect(rows(utf8(text))).toEqual(expected);
    expect(rows(Uint8Array.from([...BOM, ...utf8(text)]))).toEqual(expected);
  });

  test("GBK bytes (Excel's CSV on a Chinese Windows)", () => {
    expect(rows(gbk("姓名,身份证号\n张三,110101200001011234\n"))).toEqual([
      ["姓名", "身份证号"],
      ["张三", "110101200001011234"],
    ]);
  });

  test("UTF-16 with BOM", () => {
    expect(rows(utf16("姓名\t金额\n张三\t1000", true))).toEqual([
      ["姓名", "金额"],
      // A CSV has no types: the roster's amounts become numbers, so SUM/SUMIFS count them.
      ["张三", 1000],
    ]);
    expect(rows(utf16("a,b", false))).toEqual([["a", "b"]]);
  });

  test("values stay text: numbers, scientific notation, leading zeros; empty fields are null", () => {
    expect(rows(utf8("序号,身份证号,邮编,备注\n1,4.40524E+17,010020,\n"))).toEqual([
      ["序号", "身份证号", "邮编", "备注"],
      ["1", "4.40524E+17", "010020"],
    ]);
    expect(rows(utf8("a,,c\n"))).toEqual([["a", null, "c"]]);
  });

  test("quoted fields: commas, doubled quotes, embedded CRLF and LF", () => {
    const text = 'name,addr,note\n"张三","北京市,海淀区","他说""你好"""\n"李四","第一行\r\n第二行","x\ny"\n';
    expect(rows(utf8(text))).toEqual([
      ["name", "addr", "note"],
      ["张三", "北京市,海淀区", '他说"你好"'],
      ["李四", "第一行\r\n第二行", "x\ny"],
    ]);
  });

  test("line endings: CRLF, LF, CR, with or without a final newline; blank lines kept in the middle", () => {
    expect(parseDelimited("a,b\r\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseDelimited("a,b\rc,d\r")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(rows(utf8("a\n\nb\n"))).toEqual([["a"], [], ["b"]]);
    expect(parseDelimited("")).toEqual([]);
    expect(parseDelimited('""')).toEqual([[""]]);
  });

  test("tab-separated when the first line has tabs and no commas", () => {
    expect(rows(utf8("姓名\t金额\n张三\t1,000\n"))).toEqual([
      ["姓名", "金额"],
      ["张三", 1000],
    ]);
    // A comma in the first line keeps it CSV even with tabs present.
    expect(rows(utf8("a\tb,c\n"))).toEqual([["a\tb", "c"]]);
  });

  test("a stray quote inside an unquoted field is literal text", () => {
    expect(parseDelimited('5"2,x\n')).toEqual([['5"2', "x"]]);
  });

  test("the grid is named after sheetName", () => {
    const result = readCsv(utf8("a"), "2025秋季名单");
    expect(result.ok && result.value.sheets[0]?.name).toBe("2025秋季名单");
    expect(result.ok && result.value.properties).toEqual({});
  });

  test("an empty file and a workbook saved as .csv are problems", () => {
    const empty = readCsv(new Uint8Array(0), "名单.csv");
    expect(!empty.ok && empty.problem.code).toBe("file.empty");
    expect(!empty.ok && empty.problem.message).toContain("“名单.csv”是空文件");
    const zip = readCsv(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), "名单.csv");
    expect(!zip.ok && zip.problem.message).toContain("不是 CSV");
    const xls = readCsv(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "名单.csv");
    expect(!xls.ok && xls.problem.message).toContain("另存为 Excel 工作簿(*.xlsx)");
  });

  test("accepts an ArrayBuffer", () => {
    const bytes = utf8("a,b");
    expect(rows(bytes.buffer.slice(0))).toEqual([["a", "b"]]);
  });
});

test("only the roster's amount column is typed: IDs, cards and other numbers stay text", () => {
  const csv =
    '姓名,身份证号,银行卡号,金额,备注\n张三,110105194912310021,6217001234567890123,"1,250.50",450\n李四,11010519491231002X,6217001234567890124,４５０,\n王五,110105194912310048,6217001234567890125,不详,\n';
  expect(rows(utf8(csv))).toEqual([
    ["姓名", "身份证号", "银行卡号", "金额", "备注"],
    ["张三", "110105194912310021", "6217001234567890123", 1250.5, "450"],
    ["李四", "11010519491231002X", "6217001234567890124", 450],
    ["王五", "110105194912310048", "6217001234567890125", "不详"],
  ]);
});
