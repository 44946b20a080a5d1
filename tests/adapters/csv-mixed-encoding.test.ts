// A CSV whose lines are in two encodings (UTF-8 and GBK): named as such, with the rows and the fix,
// instead of mojibake and "no header found". Consistent files of either encoding are unaffected.
import { encodeGbk } from "../../samples/gbk";
import { findMixedEncoding, readCsv } from "../../src/adapters/csv/read";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const BOM = Uint8Array.from([0xef, 0xbb, 0xbf]);
const join = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const HEADER = "序号,姓名,身份证号,性别,资助金额\n";
const row = (n: number, name: string): string => `${n},${name},11010520100101002${n % 10},男,625\n`;

describe("findMixedEncoding", () => {
  test.each<[string, () => Uint8Array, ReturnType<typeof findMixedEncoding>]>([
    ["all UTF-8", () => utf8(HEADER + row(1, "张三") + row(2, "李四")), null],
    ["all GBK", () => encodeGbk(HEADER + row(1, "张三") + row(2, "李四")), null],
    ["all ASCII", () => utf8("a,b\n1,2\n"), null],
    [
      "UTF-8 header and rows, two rows pasted from a GBK file",
      () =>
        join(
          utf8(HEADER + row(1, "张三")),
          encodeGbk(row(2, "李四")),
          utf8(row(3, "王五")),
          encodeGbk(row(4, "赵六")),
          utf8(row(5, "钱七") + row(6, "孙八")),
        ),
      { minority: "gb18030", rows: [3, 5] },
    ],
    [
      "a GBK file with one UTF-8 row",
      () => join(encodeGbk(HEADER + row(1, "张三") + row(2, "李四")), utf8(row(3, "王五"))),
      { minority: "utf-8", rows: [4] },
    ],
    [
      "a UTF-8 BOM with one GBK row: the BOM says UTF-8",
      () => join(BOM, utf8("a,b\n"), encodeGbk(row(1, "张三"))),
      { minority: "gb18030", rows: [2] },
    ],
    [
      "CRLF and a quoted field over two lines count as Excel counts rows",
      () =>
        join(
          utf8(`${HEADER}1,张三,110105201001010021,男,"第一行\r\n第二行"\r\n`),
          encodeGbk("2,李四,110105201001010048,女,625\r\n"),
        ),
      { minority: "gb18030", rows: [3] },
    ],
  ])("%s", (_name, bytes, expected) => {
    expect(findMixedEncoding(bytes())).toEqual(expected);
  });

  test("UTF-16 files are never taken for a mixture", () => {
    expect(findMixedEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0xe4, 0x00]))).toBeNull();
  });
});

describe("readCsv on a mixed file", () => {
  test("says which rows are in which encoding and how to fix it, instead of reading mojibake", () => {
    const bytes = join(utf8(HEADER + row(1, "张三")), encodeGbk(row(2, "李四")), utf8(row(3, "王五")));
    const r = readCsv(bytes, "一小花名册");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe("file.unreadable");
    expect(r.problem.message).toContain("“一小花名册”中混有两种文字编码");
    expect(r.problem.message).toContain("第 3 行不是 UTF-8 编码（多半是 GBK/GB18030）");
    expect(r.problem.message).toContain("其余各行是 UTF-8 编码");
    expect(r.problem.message).toContain("CSV UTF-8(逗号分隔)(*.csv)");
    expect(r.problem.message).toContain("Excel 工作簿(*.xlsx)");
  });

  test("a GBK file with a UTF-8 row: that row is the odd one out", () => {
    const r = readCsv(join(encodeGbk(HEADER + row(1, "张三") + row(2, "李四")), utf8(row(3, "王五"))), "名单");
    expect(!r.ok && r.problem.message).toContain("第 4 行是 UTF-8 编码，其余各行是 GBK（GB18030）编码");
  });

  test("many odd rows: the first ten and the count", () => {
    const lines = [utf8(HEADER)];
    for (let i = 1; i <= 40; i++) lines.push(i % 3 === 0 ? encodeGbk(row(i, "李四")) : utf8(row(i, "张三")));
    const r = readCsv(join(...lines), "名单");
    expect(!r.ok && r.problem.message).toContain("第 4、7、10、13、16、19、22、25、28、31 行 等共 13 行");
  });

  test("consistent GBK and UTF-8 files still read", () => {
    for (const bytes of [encodeGbk(HEADER + row(1, "张三")), utf8(HEADER + row(1, "张三"))]) {
      const r = readCsv(bytes, "名单");
      expect(r.ok && r.value.sheets[0]?.rows[1]?.[1]).toBe("张三");
    }
  });
});
