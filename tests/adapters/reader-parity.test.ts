/**
 * The page's reader (readXlsx: the bytes in memory, each part inflated and parsed chunk by chunk
 * with fflate) and the CLI's (readXlsxStream: the file streamed with yauzl and node:zlib) give the
 * same WorkbookData, and so the same check report, on every sample and corpus file and on a
 * generated 100,000-row roster. Their chunks are cut at different places (what fflate gives for
 * each 16 KB of zipped data, against node:zlib's 16 KB chunks), so a tag, an entity or a UTF-8
 * character split across two chunks must be read alike by both. The check is run as
 * `zizhu check FILE` runs it (no flag, the seed pack, no --against), on every sheet (what it reads
 * of a file up to 8 MB, with readXlsx) and on the first visible one (the sheet it streams of a
 * bigger file).
 */
import { readFileSync, readdirSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { join } from "node:path";
import { ReadCancelled, readXlsx } from "../../src/adapters/xlsx/read";
import { readXlsxStream } from "../../src/adapters/xlsx/stream.node";
import { PartDecoder } from "../../src/adapters/xlsx/xml";
import { cliOptions } from "../../src/cli/args";
import { COMMANDS } from "../../src/core";
import type { WorkbookData } from "../../src/core/grid/types";
import { seedPack } from "../../src/core/policy";
import type { Cell, SampleSheet } from "../../samples/rosters";
import { checkDigit } from "../../src/core/id";
import { CORPUS_DIR } from "./corpus";
import { type ZipEntrySpec, tempFiles, xlsxParts } from "./zip-builder";

const SAMPLES_DIR = join(__dirname, "..", "..", "samples");
const xlsxIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => [f, join(dir, f)] as const);
const FILES = [...xlsxIn(SAMPLES_DIR), ...xlsxIn(CORPUS_DIR)];

const pack = seedPack();
const today = { y: 2026, m: 11, d: 28 };

/** The report of `zizhu check FILE` (checkCommand without flags) on a workbook. */
function cliCheck(workbook: WorkbookData) {
  const options = cliOptions(COMMANDS.check.options, {});
  return COMMANDS.check.run(workbook, options, { pack, today }, { against: [] });
}

async function bothReaders(path: string, sheets: "all" | "first-visible") {
  const fromBytes = await readXlsx(new Uint8Array(readFileSync(path)), { sheets });
  // readXlsxStream reads the first visible sheet when no sheets are named.
  const fromFile = await readXlsxStream(path, {
    ...(sheets === "all" ? { sheets } : {}),
    notes: true,
    properties: true,
  });
  if (!fromBytes.ok) throw new Error(`readXlsx: ${fromBytes.problem.message}`);
  if (!fromFile.ok) throw new Error(`readXlsxStream: ${fromFile.problem.message}`);
  return { fromBytes: fromBytes.value, fromFile: fromFile.value };
}

test("there are files to compare", () => {
  expect(FILES.filter(([, p]) => p.startsWith(SAMPLES_DIR)).length).toBeGreaterThanOrEqual(5);
  expect(FILES.filter(([, p]) => p.startsWith(CORPUS_DIR)).length).toBeGreaterThanOrEqual(25);
});

describe.each(FILES)("%s", (_name, path) => {
  test("every sheet: the same workbook and the same check report", async () => {
    const { fromBytes, fromFile } = await bothReaders(path, "all");
    expect(fromBytes).toEqual(fromFile);
    expect(cliCheck(fromBytes)).toEqual(cliCheck(fromFile));
  });

  test("the first visible sheet only: the same workbook and the same check report", async () => {
    const { fromBytes, fromFile } = await bothReaders(path, "first-visible");
    expect(fromBytes.sheets).toHaveLength(1);
    expect(fromBytes).toEqual(fromFile);
    expect(cliCheck(fromBytes)).toEqual(cliCheck(fromFile));
  });
});

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const column = (c: number): string => String.fromCharCode(65 + c);
const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A roster sheet (samples/rosters.ts's SampleSheet) as Excel writes it: shared strings (Chinese,
 * so UTF-8 characters are cut between chunks), numbers, a text format on the ID columns, merged
 * title rows, a 合计 formula, a note. Built as XML directly: ExcelJS takes about half a minute to
 * write 100,000 rows.
 */
function rosterZip(sample: SampleSheet): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (text: string): number => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      index.set(text, i);
    }
    return i;
  };
  const text = new Set(sample.textColumns);
  const cell = (ref: string, c: number, value: Cell): string => {
    if (value === null || value === "") return "";
    const style = text.has(c) ? ' s="1"' : "";
    if (typeof value === "string") return `<c r="${ref}"${style} t="s"><v>${shared(value)}</v></c>`;
    if (typeof value === "number") return `<c r="${ref}"${style}><v>${value}</v></c>`;
    if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}"><f>${value.formula}</f><v>${value.result}</v></c>`;
  };
  const rows = [
    [sample.title],
    [sample.subtitle ?? ""],
    ...sample.headers,
    ...sample.rows,
    ...sample.footer.map((line) => [line]),
  ];
  const xml = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => cell(`${column(c)}${r + 1}`, c, v)).join("")}</row>`)
    .join("");
  const merges = `<mergeCells count="${sample.merges.length}">${sample.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
  const sst =
    `<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((s) => `<si><t>${escape(s)}</t></si>`).join("") +
    "</sst>";
  const styles = `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="49" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  const parts = xlsxParts({ [sample.name]: xml }).map((e) =>
    e.name === "xl/worksheets/sheet1.xml"
      ? { ...e, data: `<worksheet xmlns="${MAIN}"><sheetData>${xml}</sheetData>${merges}</worksheet>` }
      : e,
  );
  const entries: ZipEntrySpec[] = [
    ...parts,
    { name: "xl/sharedStrings.xml", data: sst },
    { name: "xl/styles.xml", data: styles },
    {
      name: "xl/worksheets/_rels/sheet1.xml.rels",
      data:
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
    },
    {
      name: "xl/comments1.xml",
      data:
        `<comments xmlns="${MAIN}"><authors><author>老师</author></authors><commentList>` +
        '<comment ref="B5" authorId="0"><text><t>家庭经济困难认定：特别困难</t></text></comment>' +
        "</commentList></comments>",
    },
  ];
  // Deflated fast (level 1): node:zlib's default level takes seconds on the 50 MB sheet.
  const files = Object.fromEntries(
    entries.map((e) => [e.name, typeof e.data === "string" ? strToU8(e.data) : e.data] as const),
  );
  return zipSync(files, { level: 1 });
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");
function luhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/**
 * A clean 一补 roster of `count` students laid out as samples/rosters.ts lays it out (title,
 * subtitle, one header row, 合计, footer), made cheaply: People takes seconds for 100,000.
 */
function yibuSample(count: number): SampleSheet {
  const rows: Cell[][] = [];
  let sum = 0;
  for (let i = 1; i <= count; i++) {
    const junior = i % 3 === 0;
    const boarding = i % 2 === 0;
    const year = junior ? 2011 + (i % 3) : 2014 + (i % 4);
    // Unique up to 336,000: (month, day) repeat every 336 students, the sequence number then changes.
    const seq = Math.floor(i / 336) % 1000;
    const first17 = `430381${year}${pad((i % 12) + 1, 2)}${pad((Math.floor(i / 12) % 28) + 1, 2)}${pad(seq, 3)}`;
    const amount = junior ? (boarding ? 625 : 312.5) : boarding ? 500 : 250;
    sum += amount;
    rows.push([
      i,
      `学生${i}`,
      seq % 2 ? "男" : "女",
      first17 + checkDigit(first17),
      junior ? "初中" : "小学",
      junior ? "八年级" : "五年级",
      boarding ? "是" : "否",
      i % 5 ? "低保" : "建档立卡",
      "一补",
      amount,
      luhn(`621700${pad(i, 12)}`),
      `1380000${pad(i % 10000, 4)}`,
    ]);
  }
  rows.push([
    "合计",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    { formula: `SUM(J4:J${count + 3})`, result: sum },
  ]);
  return {
    name: "一补花名册",
    title: "某某县某某镇中心学校2026年春季学期义务教育家庭经济困难学生生活补助花名册",
    subtitle: "填报单位：某某县某某镇中心学校（盖章）                    填报日期：2026年3月20日",
    headers: [
      [
        "序号",
        "姓名",
        "性别",
        "身份证号",
        "学段",
        "年级",
        "是否寄宿",
        "困难类型",
        "资助项目",
        "补助金额（元）",
        "银行卡号",
        "联系电话",
      ],
    ],
    merges: ["A1:L1", "A2:L2"],
    rows,
    footer: ["填表人：            审核人：            单位负责人（签字）：            单位（盖章）"],
    textColumns: [3, 10, 11],
  };
}

/** A workbook as plain JSON: each grid's Maps and Sets as arrays. */
function plain(workbook: WorkbookData): unknown {
  return {
    ...workbook,
    sheets: workbook.sheets.map((g) => ({
      ...g,
      formats: [...g.formats],
      formulas: [...g.formulas],
      hiddenRows: [...g.hiddenRows],
      hiddenColumns: [...g.hiddenColumns],
    })),
  };
}

/**
 * Deep equality of big data as two JSON texts (Jest's toEqual takes many seconds on a million
 * cells; the readers give strings, numbers, booleans and null, all of which JSON tells apart).
 * On a difference, toEqual shows it.
 */
function expectSame(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

// Big enough for many inflate steps, parser chunks and progress calls; the readers' memory and
// speed on 100,000 rows and more are measured by `npm run bench`, not here.
describe("a generated 30,000-row roster", () => {
  const { file } = tempFiles("zizhu-parity-");
  const ROWS = 30_000;

  test("both readers give the same workbook, the same progress and the same check report", async () => {
    const sample = yibuSample(ROWS);
    if (!sample) throw new Error("no sample sheet");
    const bytes = rosterZip(sample);
    const path = file("一补花名册.xlsx", bytes);
    const progress: { bytes: number[]; file: number[] } = { bytes: [], file: [] };
    const fromBytes = await readXlsx(bytes, { onProgress: (n) => progress.bytes.push(n) });
    const fromFile = await readXlsxStream(path, {
      sheets: "all",
      notes: true,
      properties: true,
      onProgress: (n) => progress.file.push(n),
    });
    if (!fromBytes.ok || !fromFile.ok) throw new Error("read failed");
    const grid = fromBytes.value.sheets[0];
    const total = ROWS + 1 + 3 + sample.footer.length;
    expect(grid?.rows).toHaveLength(total);
    expect(grid?.rows[3]?.[1]).toBe(sample.rows[0]?.[1]);
    expect(grid?.notes).toEqual([{ row: 4, col: 1, text: "家庭经济困难认定：特别困难" }]);
    expectSame(plain(fromBytes.value), plain(fromFile.value));
    expect(progress.bytes).toEqual(progress.file);
    expect(progress.bytes.at(-1)).toBe(total);
    const report = cliCheck(fromBytes.value);
    expect(report.report.issues).toEqual([]);
    expect(report.report.stats.rows).toBe(ROWS);
    // The check is pure and the two workbooks are equal (above): checking the second one again
    // would only measure the check twice.
  }, 120_000);
});

describe("readXlsx's shouldStop", () => {
  const bytes = rosterZip(yibuSample(20_000));

  test("asked between chunks: the read rejects with ReadCancelled, not a problem of the file", async () => {
    let rows = 0;
    const read = readXlsx(bytes, {
      onProgress: (n) => (rows = n),
      // The user cancels once 5000 rows are read: the next chunk is not parsed.
      shouldStop: () => rows >= 5000,
    });
    await expect(read).rejects.toBeInstanceOf(ReadCancelled);
    expect(rows).toBeGreaterThanOrEqual(5000);
    expect(rows).toBeLessThan(20_000);
  });

  test("never true: the read is the same as without it", async () => {
    const unwatched = await readXlsx(bytes);
    const watched = await readXlsx(bytes, { shouldStop: () => false });
    if (!unwatched.ok || !watched.ok) throw new Error("read failed");
    expectSame(plain(watched.value), plain(unwatched.value));
  });

  test("true from the start: nothing is read", async () => {
    let rows = 0;
    await expect(readXlsx(bytes, { onProgress: (n) => (rows = n), shouldStop: () => true })).rejects.toThrow(
      ReadCancelled,
    );
    expect(rows).toBe(0);
  });
});

describe("chunks cut anywhere", () => {
  const utf16 = (text: string, bom: number[]) =>
    new Uint8Array([...bom, ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);

  test("a UTF-16 byte-order mark split over two chunks is still seen (PartDecoder)", () => {
    const bytes = utf16("<a>名单</a>", [0xff, 0xfe]);
    const decoder = new PartDecoder();
    let text = "";
    for (let i = 0; i < bytes.length; i++) text += decoder.decode(bytes.subarray(i, i + 1));
    expect(text + decoder.end()).toBe("<a>名单</a>");
  });

  test("a part of one byte, and an empty chunk first", () => {
    const one = new PartDecoder();
    expect(one.decode(new Uint8Array(0)) + one.decode(new Uint8Array([0x41])) + one.end()).toBe("A");
  });
});
