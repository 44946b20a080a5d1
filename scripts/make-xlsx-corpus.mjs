#!/usr/bin/env node
// Builds the .xlsx reader corpus in tests/fixtures/xlsx-corpus: workbooks as other writers write
// them, each with the cells (and merges, notes, states…) a correct reader must give back, listed
// in manifest.json. The readers' test (tests/adapters/xlsx-corpus.test.ts) reads the committed
// files; run this script only to change or regenerate the corpus:
//
//   node scripts/make-xlsx-corpus.mjs            # all writers (needs /usr/bin/python3 with openpyxl and soffice)
//   node scripts/make-xlsx-corpus.mjs --hand     # only the hand-made zip-level variants
//
// Three sources:
// - openpyxl (Debian python3-openpyxl, scripts/xlsx-corpus-openpyxl.py);
// - LibreOffice headless, from a CSV and from a flat ODS (.fods) written here;
// - hand-made packages written here at the zip level: the XML variants that the .NET Open XML SDK,
//   Strict OOXML, Google Sheets, WPS, Numbers, Java POI/SXSSF and minimal script writers produce.
// Writers' zips are kept byte for byte except the entry timestamps, which are set to a fixed time
// in place (LibreOffice still writes the conversion time inside docProps/core.xml).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "tests", "fixtures", "xlsx-corpus");
const handOnly = process.argv.includes("--hand");
const PYTHON = "/usr/bin/python3";
const SOFFICE = "/usr/bin/soffice";

// ---------------------------------------------------------------------------------------------
// Zip writing (hand-made packages) and timestamp fixing (writers' packages).

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** 2025-09-01 08:00:00 as MS-DOS time and date. */
const DOS_TIME = (8 << 11) | (0 << 5) | 0;
const DOS_DATE = ((2025 - 1980) << 9) | (9 << 5) | 1;

/**
 * A zip of [name, text or bytes] entries, deflated. `dataDescriptor` writes sizes and CRC after
 * the data (general-purpose bit 3), as streaming writers (Java's ZipOutputStream, POI) do.
 */
function zip(entries, { dataDescriptor = false } = {}) {
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const flags = (dataDescriptor ? 0x08 : 0) | 0x800; // 0x800: names are UTF-8
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(dataDescriptor ? 0 : crc, 14);
    local.writeUInt32LE(dataDescriptor ? 0 : packed.length, 18);
    local.writeUInt32LE(dataDescriptor ? 0 : data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, nameBytes, packed);
    let size = local.length + nameBytes.length + packed.length;
    if (dataDescriptor) {
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(crc, 4);
      dd.writeUInt32LE(packed.length, 8);
      dd.writeUInt32LE(data.length, 12);
      chunks.push(dd);
      size += dd.length;
    }
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(flags, 8);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt16LE(DOS_TIME, 12);
    cen.writeUInt16LE(DOS_DATE, 14);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(packed.length, 20);
    cen.writeUInt32LE(data.length, 24);
    cen.writeUInt16LE(nameBytes.length, 28);
    cen.writeUInt32LE(offset, 42);
    central.push(cen, nameBytes);
    offset += size;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

/** Sets every entry's timestamp (local headers and central directory) to DOS_TIME/DOS_DATE, in place. */
function fixTimestamps(bytes) {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("no end of central directory");
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory");
    bytes.writeUInt16LE(DOS_TIME, at + 12);
    bytes.writeUInt16LE(DOS_DATE, at + 14);
    const local = bytes.readUInt32LE(at + 42);
    bytes.writeUInt16LE(DOS_TIME, local + 10);
    bytes.writeUInt16LE(DOS_DATE, local + 12);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Hand-made packages.

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkg: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
};
const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  r: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};
const CT = {
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  sst: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  custom: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
};
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function esc(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function colName(c) {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function cellsOf(rows, top = 1) {
  const cells = {};
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== undefined && value !== "") cells[`${colName(c)}${top + r}`] = value;
    }),
  );
  return cells;
}

const HEADER = ["序号", "姓名", "身份证号", "金额"];
const PEOPLE = [
  [1, "张三", "110101200001011234", 1000],
  [2, "李四", "11010120000101123X", 1500.5],
  [3, "王五", "440305200912310026", 2000],
];
const ROSTER = [HEADER, ...PEOPLE];

/** Shared-string table builder: index of a text, in first-use order. */
class Sst {
  strings = [];
  index(text) {
    let i = this.strings.indexOf(text);
    if (i < 0) i = this.strings.push(text) - 1;
    return i;
  }
  xml(p = "", ns = NS.main) {
    const items = this.strings.map((s) => `<${p}si><${p}t xml:space="preserve">${esc(s)}</${p}t></${p}si>`).join("");
    const xmlns = p ? `xmlns:${p.slice(0, -1)}="${ns}"` : `xmlns="${ns}"`;
    return `${DECL}<${p}sst ${xmlns} count="${this.strings.length}" uniqueCount="${this.strings.length}">${items}</${p}sst>`;
  }
}

/**
 * <sheetData> rows for a rectangular value list: strings shared (sst given) or inline, numbers
 * plain, booleans t="b". `p` is the element prefix ("x:" for the Open XML SDK's style).
 */
function sheetDataXml(rows, { sst = null, p = "", top = 1, styleOf = () => 0 } = {}) {
  const out = [];
  rows.forEach((row, r) => {
    const rowNumber = top + r;
    const cells = row
      .map((value, c) => {
        if (value === null || value === undefined) return "";
        const ref = `${colName(c)}${rowNumber}`;
        const s = styleOf(rowNumber, c) ? ` s="${styleOf(rowNumber, c)}"` : "";
        if (typeof value === "number") return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
        if (typeof value === "boolean") return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
        if (sst) return `<${p}c r="${ref}"${s} t="s"><${p}v>${sst.index(value)}</${p}v></${p}c>`;
        return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t>${esc(value)}</${p}t></${p}is></${p}c>`;
      })
      .join("");
    out.push(`<${p}row r="${rowNumber}">${cells}</${p}row>`);
  });
  return out.join("");
}

function worksheetXml(inner, { p = "", ns = NS.main, rns = NS.r, before = "", after = "" } = {}) {
  const xmlns = p ? `xmlns:${p.slice(0, -1)}="${ns}"` : `xmlns="${ns}"`;
  return `${DECL}<${p}worksheet ${xmlns} xmlns:r="${rns}">${before}<${p}sheetData>${inner}</${p}sheetData>${after}</${p}worksheet>`;
}

const MIN_STYLES = (p = "", ns = NS.main, extraFormats = "", extraXfs = "") =>
  `${DECL}<${p}styleSheet ${p ? `xmlns:${p.slice(0, -1)}` : "xmlns"}="${ns}">` +
  (extraFormats ? `<${p}numFmts>${extraFormats}</${p}numFmts>` : "") +
  `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="宋体"/></${p}font></${p}fonts>` +
  `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
  `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>` +
  `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
  `<${p}cellXfs><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${extraXfs}</${p}cellXfs>` +
  `</${p}styleSheet>`;

function rels(list, { ns = NS.pkg } = {}) {
  const items = list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`);
  return `${DECL}<Relationships xmlns="${ns}">${items.join("")}</Relationships>`;
}

function contentTypes(
  overrides,
  {
    defaults = [
      ["rels", CT.rels],
      ["xml", CT.xml],
    ],
  } = {},
) {
  return (
    `${DECL}<Types xmlns="${NS.ct}">` +
    defaults.map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`).join("") +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("") +
    `</Types>`
  );
}

/**
 * A whole package from its sheets: [{ name, path (in the zip), xml, state? }], with optional
 * shared strings, styles and extra parts. Options choose the oddities.
 */
function pkg({
  sheets,
  sst = null,
  sstPath = "xl/sharedStrings.xml",
  styles = null,
  stylesPath = "xl/styles.xml",
  p = "",
  ns = NS,
  absolute = false,
  workbookPr = "",
  extraWorkbookRels = [],
  extraParts = [],
  extraOverrides = [],
  core = null,
  rootRelsExtra = [],
  workbookAttrs = "",
  rPrefix = "r",
  order = null,
}) {
  const target = (part) => (absolute ? `/${part}` : part.replace(/^xl\//, ""));
  const wbRels = [];
  const sheetEls = sheets.map((sheet, i) => {
    const id = `rId${i + 1}`;
    wbRels.push([id, `${ns.rel}/worksheet`, target(sheet.path)]);
    const state = sheet.state ? ` state="${sheet.state}"` : "";
    return `<${p}sheet name="${esc(sheet.name)}" sheetId="${i + 1}"${state} ${rPrefix}:id="${id}"/>`;
  });
  if (sst) wbRels.push([`rId${sheets.length + 1}`, `${ns.rel}/sharedStrings`, target(sstPath)]);
  if (styles) wbRels.push([`rId${sheets.length + 2}`, `${ns.rel}/styles`, target(stylesPath)]);
  wbRels.push(...extraWorkbookRels);
  const xmlns = p ? `xmlns:${p.slice(0, -1)}="${ns.main}"` : `xmlns="${ns.main}"`;
  const workbook =
    `${DECL}<${p}workbook ${xmlns} xmlns:${rPrefix}="${ns.r}"${workbookAttrs}>${workbookPr}` +
    `<${p}sheets>${sheetEls.join("")}</${p}sheets></${p}workbook>`;
  const rootRels = [["rId1", `${ns.rel}/officeDocument`, absolute ? "/xl/workbook.xml" : "xl/workbook.xml"]];
  if (core)
    rootRels.push([
      "rId2",
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml",
    ]);
  rootRels.push(...rootRelsExtra);
  const overrides = [
    ["/xl/workbook.xml", CT.workbook],
    ...sheets.map((s) => [`/${s.path}`, CT.worksheet]),
    ...(sst ? [[`/${sstPath}`, CT.sst]] : []),
    ...(styles ? [[`/${stylesPath}`, CT.styles]] : []),
    ...(core ? [["/docProps/core.xml", CT.core]] : []),
    ...extraOverrides,
  ];
  const parts = [
    ["[Content_Types].xml", contentTypes(overrides)],
    ["_rels/.rels", rels(rootRels)],
    ["xl/workbook.xml", workbook],
    ["xl/_rels/workbook.xml.rels", rels(wbRels)],
    ...sheets.map((s) => [s.path, s.xml]),
    ...(sst ? [[sstPath, typeof sst === "string" ? sst : sst.xml(p, ns.main)]] : []),
    ...(styles ? [[stylesPath, styles]] : []),
    ...(core ? [["docProps/core.xml", core]] : []),
    ...extraParts,
  ];
  if (order) parts.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  return parts;
}

function coreXml(props) {
  return (
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    Object.entries(props)
      .map(([k, v]) => `<${k}>${esc(v)}</${k}>`)
      .join("") +
    `</cp:coreProperties>`
  );
}

function handMade() {
  const files = [];
  const add = (file, writer, exercises, parts, sheets, extra = {}) =>
    files.push({ file, writer, exercises, sheets, ...extra, bytes: zip(parts, extra.zipOptions) });

  // 1. .NET Open XML SDK: every SpreadsheetML element prefixed (x:), relationships' prefix not "r".
  {
    const p = "x:";
    const sst = new Sst();
    const sheet = worksheetXml(sheetDataXml(ROSTER, { sst, p }), {
      p,
      before: `<x:dimension ref="A1:D4"/><x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews>`,
      after: `<x:mergeCells count="1"><x:mergeCell ref="E1:F1"/></x:mergeCells>`,
    });
    add(
      "openxml-sdk-prefixed.xlsx",
      "hand-made (as the .NET Open XML SDK writes)",
      "namespace-prefixed SpreadsheetML (<x:worksheet xmlns:x=…>) in workbook, sheet, sharedStrings and styles; relationship prefix `rel:`",
      pkg({
        sheets: [{ name: "学生名单", path: "xl/worksheets/sheet1.xml", xml: sheet }],
        sst,
        styles: MIN_STYLES(p),
        p,
        rPrefix: "rel",
      }).map(([n, x]) => [n, n === "xl/worksheets/sheet1.xml" ? x.replace('xmlns:r="', 'xmlns:rel="') : x]),
      [{ name: "学生名单", cells: cellsOf(ROSTER), merges: ["E1:F1"] }],
    );
  }

  // 2. No styles part at all, shared strings present.
  {
    const sst = new Sst();
    add(
      "no-styles.xlsx",
      "hand-made (minimal writer)",
      "shared strings but no xl/styles.xml (no styles relationship, no content type)",
      pkg({
        sheets: [
          { name: "Sheet1", path: "xl/worksheets/sheet1.xml", xml: worksheetXml(sheetDataXml(ROSTER, { sst })) },
        ],
        sst,
      }),
      [{ name: "Sheet1", cells: cellsOf(ROSTER) }],
    );
  }

  // 3. No styles, no shared strings, no docProps: inline strings only.
  add(
    "inline-only.xlsx",
    "hand-made (minimal script writer)",
    'no styles, no sharedStrings, no docProps: inline strings (t="inlineStr") only',
    pkg({ sheets: [{ name: "名单", path: "xl/worksheets/sheet1.xml", xml: worksheetXml(sheetDataXml(ROSTER)) }] }),
    [{ name: "名单", cells: cellsOf(ROSTER) }],
  );

  // 4. Rows without r and cells without r (some writers leave both out; positions follow order).
  {
    const inner =
      `<row><c t="inlineStr"><is><t>序号</t></is></c><c t="inlineStr"><is><t>姓名</t></is></c></row>` +
      `<row><c><v>1</v></c><c t="inlineStr"><is><t>张三</t></is></c></row>` +
      `<row r="4"><c r="B4" t="inlineStr"><is><t>李四</t></is></c><c><v>1500</v></c></row>` +
      `<row><c r="A5"><v>3</v></c><c/><c t="inlineStr"><is><t>王五备注</t></is></c></row>`;
    add(
      "no-r-attributes.xlsx",
      "hand-made (minimal writer)",
      "<row> without r (numbered after the previous row) and <c> without r (after the previous cell), mixed with explicit ones",
      pkg({ sheets: [{ name: "Sheet1", path: "xl/worksheets/sheet1.xml", xml: worksheetXml(inner) }] }),
      [
        {
          name: "Sheet1",
          cells: { A1: "序号", B1: "姓名", A2: 1, B2: "张三", B4: "李四", C4: 1500, A5: 3, C5: "王五备注" },
        },
      ],
    );
  }

  // 5. Trailing empty rows declared oddly, rows out of order.
  {
    const sst = new Sst();
    const inner =
      sheetDataXml(ROSTER.slice(0, 2), { sst }) +
      `<row r="4"><c r="A4"><v>3</v></c><c r="B4" t="s"><v>${sst.index("王五")}</v></c></row>` +
      `<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="s"><v>${sst.index("李四")}</v></c></row>` +
      `<row r="5" spans="1:4"/>` +
      `<row r="6" spans="1:4" ht="15" customHeight="1"><c r="A6" s="1"/><c r="B6" s="1"/></row>` +
      `<row r="1048575" hidden="1"/>` +
      `<row r="1048576" spans="1:16384" ht="14.25"/>`;
    const styles = MIN_STYLES(
      "",
      NS.main,
      "",
      `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    );
    add(
      "trailing-rows.xlsx",
      "hand-made (as form-filling systems write)",
      'rows out of order (4 before 3), empty <row spans> with no cells, styled empty cells, <row r="1048575" hidden> and <row r="1048576"/> at the sheet\'s end',
      pkg({ sheets: [{ name: "Sheet1", path: "xl/worksheets/sheet1.xml", xml: worksheetXml(inner) }], sst, styles }),
      [
        {
          name: "Sheet1",
          cells: { ...cellsOf(ROSTER.slice(0, 2)), A3: 2, B3: "李四", A4: 3, B4: "王五" },
          hiddenRows: [1048574],
        },
      ],
    );
  }

  // 6. Strict OOXML (ISO/IEC 29500 Strict): purl.oclc.org namespaces, t="d" ISO dates.
  {
    const sst = new Sst();
    const inner =
      sheetDataXml([["姓名", "出生日期", "金额"]], { sst }) +
      `<row r="2"><c r="A2" t="s"><v>${sst.index("张三")}</v></c><c r="B2" s="1" t="d"><v>2008-09-01T00:00:00</v></c><c r="C2"><v>1000</v></c></row>` +
      `<row r="3"><c r="A3" t="s"><v>${sst.index("李四")}</v></c><c r="B3" s="1"><v>39873</v></c><c r="C3"><v>1500</v></c></row>`;
    const styles = MIN_STYLES(
      "",
      STRICT.main,
      "",
      `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    );
    add(
      "strict-ooxml.xlsx",
      "hand-made (as Excel's “Strict Open XML Spreadsheet” writes)",
      'Strict OOXML: purl.oclc.org main, relationships and relationship-type namespaces; conformance="strict"; a t="d" ISO date',
      pkg({
        sheets: [
          {
            name: "严格",
            path: "xl/worksheets/sheet1.xml",
            xml: worksheetXml(inner, { ns: STRICT.main, rns: STRICT.r }),
          },
        ],
        sst: sst.xml("", STRICT.main),
        styles,
        ns: { ...NS, ...STRICT },
        workbookAttrs: ' conformance="strict"',
      }),
      [
        {
          name: "严格",
          cells: {
            A1: "姓名",
            B1: "出生日期",
            C1: "金额",
            A2: "张三",
            B2: 39692,
            C2: 1000,
            A3: "李四",
            B3: 39873,
            C3: 1500,
          },
          formats: { B2: "mm-dd-yy", B3: "mm-dd-yy" },
        },
      ],
    );
  }

  // 7. Sheet parts not named sheetN.xml, in another folder too; shared strings renamed.
  {
    const sst = new Sst();
    const first = worksheetXml(sheetDataXml(ROSTER, { sst }));
    const second = worksheetXml(sheetDataXml([["备注"], ["第二张表"]], { sst }));
    add(
      "odd-part-names.xlsx",
      "hand-made (as some exporters name parts)",
      "sheet parts xl/worksheets/data.xml and xl/tables/second.xml, shared strings at xl/strings.xml",
      pkg({
        sheets: [
          { name: "数据", path: "xl/worksheets/data.xml", xml: first },
          { name: "备注", path: "xl/tables/second.xml", xml: second },
        ],
        sst,
        sstPath: "xl/strings.xml",
      }),
      [
        { name: "数据", cells: cellsOf(ROSTER) },
        { name: "备注", cells: { A1: "备注", A2: "第二张表" } },
      ],
    );
  }

  // 8. Absolute relationship targets, odd-case content types, parts stored after the sheets.
  {
    const sst = new Sst();
    const parts = pkg({
      sheets: [{ name: "Sheet1", path: "xl/worksheets/sheet1.xml", xml: worksheetXml(sheetDataXml(ROSTER, { sst })) }],
      sst,
      styles: MIN_STYLES(),
      absolute: true,
      order: [
        "xl/worksheets/sheet1.xml",
        "xl/sharedStrings.xml",
        "xl/styles.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/workbook.xml",
        "_rels/.rels",
        "[Content_Types].xml",
      ],
    }).map(([n, x]) => [
      n,
      n === "[Content_Types].xml"
        ? x
            .replace(/ContentType="([^"]+)"/g, (_m, t) => `ContentType="${t.toUpperCase()}"`)
            .replace('PartName="/xl/workbook.xml"', 'PartName="/XL/Workbook.xml"')
        : x,
    ]);
    add(
      "absolute-targets.xlsx",
      "hand-made (as some .NET and Java writers do)",
      "absolute relationship targets (/xl/worksheets/sheet1.xml), upper-case content types and part name in [Content_Types].xml, sheets zipped before the workbook",
      parts,
      [{ name: "Sheet1", cells: cellsOf(ROSTER) }],
    );
  }

  // 9. Every cell type.
  {
    const sst = new Sst();
    sst.index("共享");
    const sstXml =
      `${DECL}<sst xmlns="${NS.main}" count="3" uniqueCount="3"><si><t>共享</t></si>` +
      `<si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>fu</t></rPh></si>` +
      `<si><t/></si></sst>`;
    const inner =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>` +
      `<c r="D1" t="inlineStr"><is><r><t>行</t></r><r><t>内</t></r></is></c><c r="E1" t="str"><f>"公"&amp;"式"</f><v>公式</v></c></row>` +
      `<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#N/A</v></c>` +
      `<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2" t="n"><v>1E3</v></c><c r="F2"><v>-0.5</v></c><c r="G2"><v>.25</v></c></row>` +
      `<row r="3"><c r="A3" s="1" t="d"><v>2023-09-01T08:30:00</v></c><c r="B3" s="1" t="d"><v>2008-09-01</v></c>` +
      `<c r="C3"><f>SUM(E2:G2)</f><v>999.75</v></c><c r="D3" t="str"><f>""</f><v></v></c><c r="E3" t="inlineStr"><is><t xml:space="preserve">  两端空格  </t></is></c></row>`;
    const styles = MIN_STYLES(
      "",
      NS.main,
      "",
      `<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    );
    add(
      "cell-types.xlsx",
      "hand-made",
      't="s" (plain, rich with phonetic run, empty), inlineStr rich runs, t="str" formula, t="b", t="e", numbers 1E3/-0.5/.25, t="d" ISO date-times, a formula result, an empty-string formula, spaces kept',
      pkg({
        sheets: [{ name: "类型", path: "xl/worksheets/sheet1.xml", xml: worksheetXml(inner) }],
        sst: sstXml,
        styles,
      }),
      [
        {
          name: "类型",
          cells: {
            A1: "共享",
            B1: "富文本 ",
            D1: "行内",
            E1: "公式",
            A2: true,
            B2: false,
            C2: "#N/A",
            D2: "#DIV/0!",
            E2: 1000,
            F2: -0.5,
            G2: 0.25,
            A3: 45170 + 8.5 / 24,
            B3: 39692,
            C3: 999.75,
            E3: "  两端空格  ",
          },
          formulas: { E1: '"公"&"式"', D2: "1/0", C3: "SUM(E2:G2)", D3: '""' },
          formats: { A3: "m/d/yy h:mm", B3: "m/d/yy h:mm" },
        },
      ],
    );
  }

  // 10. Google Sheets-like export.
  {
    const sst = new Sst();
    const rows = [
      ["姓名", "身份证号", "出生日期", "金额"],
      ["张三", "110101200001011234", 39692, 1000],
      ["李四", "11010120000101123X", 39873, 1500],
    ];
    const inner = sheetDataXml(rows, { sst, styleOf: (r, c) => (r === 1 ? 1 : c === 2 ? 2 : 0) });
    const styles =
      `${DECL}<styleSheet xmlns="${NS.main}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
      `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
      `<fonts count="2"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font><font><b/><color theme="1"/><name val="Arial"/><scheme val="minor"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill></fills>` +
      `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs>` +
      `<cellXfs count="3"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="0"/></xf>` +
      `<xf borderId="0" fillId="0" fontId="1" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0"/></xf>` +
      `<xf borderId="0" fillId="0" fontId="0" numFmtId="164" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf></cellXfs>` +
      `<cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;
    const sheet = worksheetXml(inner, {
      before:
        `<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
        `<sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/><cols><col customWidth="1" min="1" max="26" width="12.63"/></cols>`,
      after: `<drawing r:id="rId1"/>`,
    });
    const parts = pkg({
      sheets: [{ name: "工作表1", path: "xl/worksheets/sheet1.xml", xml: sheet, state: "visible" }],
      sst,
      styles,
      workbookPr: `<workbookPr/>`,
      extraParts: [
        ["xl/worksheets/_rels/sheet1.xml.rels", rels([["rId1", `${NS.rel}/drawing`, "../drawings/drawing1.xml"]])],
        [
          "xl/drawings/drawing1.xml",
          `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>`,
        ],
      ],
      extraOverrides: [["/xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml"]],
    });
    add(
      "google-sheets-like.xlsx",
      "hand-made (Google Sheets export's layout)",
      'Google Sheets quirks: state="visible" written, empty <workbookPr/>, 26 default columns, an empty drawing part, custom date format id 164, no docProps',
      parts,
      [{ name: "工作表1", cells: cellsOf(rows), formats: { C2: "yyyy-mm-dd", C3: "yyyy-mm-dd" } }],
    );
  }

  // 11. WPS-like: custom properties (KSOProductBuildVer), cell images part, DISPIMG formula.
  {
    const sst = new Sst();
    const rows = [
      ["姓名", "身份证号", "照片"],
      ["张三", "110101200001011234", null],
    ];
    const inner = sheetDataXml(rows, { sst, styleOf: () => 1 })
      .replace('</row><row r="2">', '</row><row r="2" spans="1:3" ht="13.5">')
      .replace(
        /<\/row>$/,
        `<c r="C2" s="1" t="str"><f>_xlfn.DISPIMG("ID_8A1B2C3D4E5F",1)</f><v>=DISPIMG("ID_8A1B2C3D4E5F",1)</v></c></row>`,
      );
    const sheet = worksheetXml(inner, {
      before:
        `<sheetPr/><dimension ref="A1:C2"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>` +
        `<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelCol="2"/>`,
      after: `<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><headerFooter/>`,
    }).replace(
      `xmlns:r=`,
      `xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData" xmlns:r=`,
    );
    const custom =
      `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ICV"><vt:lpwstr>0A1B2C3D4E5F</vt:lpwstr></property>` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>`;
    const parts = pkg({
      sheets: [{ name: "Sheet1", path: "xl/worksheets/sheet1.xml", xml: sheet }],
      sst,
      styles: MIN_STYLES(
        "",
        NS.main,
        "",
        `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
      ),
      workbookPr: `<fileVersion appName="xl" lastEdited="3" lowestEdited="5" rupBuild="9302"/><workbookPr/><bookViews><workbookView windowWidth="28800" windowHeight="12540"/></bookViews>`,
      core: coreXml({ "dc:creator": "WPS_1700000000", "cp:lastModifiedBy": "教务处" }),
      rootRelsExtra: [
        [
          "rId3",
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
          "docProps/custom.xml",
        ],
      ],
      extraWorkbookRels: [["rId9", "http://www.wps.cn/officeDocument/2020/cellImage", "cellimages.xml"]],
      extraParts: [
        ["docProps/custom.xml", custom],
        [
          "xl/cellimages.xml",
          `${DECL}<etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"/>`,
        ],
      ],
      extraOverrides: [["/docProps/custom.xml", CT.custom]],
    });
    add(
      "wps-like.xlsx",
      "hand-made (WPS 表格's layout)",
      "WPS quirks: docProps/custom.xml (KSOProductBuildVer, ICV), xl/cellimages.xml with a WPS relationship type, a DISPIMG cell-image formula, text format on every cell",
      parts,
      [
        {
          name: "Sheet1",
          cells: { ...cellsOf(rows), C2: '=DISPIMG("ID_8A1B2C3D4E5F",1)' },
          formulas: { C2: '_xlfn.DISPIMG("ID_8A1B2C3D4E5F",1)' },
        },
      ],
      { properties: { creator: "WPS_1700000000", lastModifiedBy: "教务处" } },
    );
  }

  // 12. A dimension that lies (Java POI SXSSF writes A1 whatever the size), data descriptors.
  {
    const rows = [...ROSTER, [4, "赵六", "110101200001011250", 800]];
    const sheet = worksheetXml(sheetDataXml(rows), { before: `<dimension ref="A1"/>` });
    add(
      "poi-sxssf-like.xlsx",
      "hand-made (Java Apache POI SXSSF's layout)",
      '<dimension ref="A1"> on a 5×4 sheet, inline strings, zip entries with data descriptors (sizes after the data, general-purpose bit 3)',
      pkg({ sheets: [{ name: "导出数据", path: "xl/worksheets/sheet1.xml", xml: sheet }], styles: MIN_STYLES() }),
      [{ name: "导出数据", cells: cellsOf(rows) }],
      { zipOptions: { dataDescriptor: true } },
    );
  }

  // 13. A dimension smaller than the data, and one larger.
  {
    const sst = new Sst();
    const rows = [...ROSTER, [null, null, null, null, "备注在E5"]];
    const sheet = worksheetXml(sheetDataXml(rows, { sst }), { before: `<dimension ref="A1:B2"/>` });
    const sheet2 = worksheetXml(sheetDataXml([["只有一格"]], { sst }), { before: `<dimension ref="A1:Z1000"/>` });
    add(
      "dimension-lie.xlsx",
      "hand-made",
      '<dimension ref="A1:B2"> over data to E5, and ref="A1:Z1000" over a single cell',
      pkg({
        sheets: [
          { name: "Sheet1", path: "xl/worksheets/sheet1.xml", xml: sheet },
          { name: "Sheet2", path: "xl/worksheets/sheet2.xml", xml: sheet2 },
        ],
        sst,
      }),
      [
        { name: "Sheet1", cells: cellsOf(rows) },
        { name: "Sheet2", cells: { A1: "只有一格" } },
      ],
    );
  }

  // 14. 1904 date system written as date1904="true", built-in date format 14 and 31 (zh-CN).
  {
    const inner =
      `<row r="1"><c r="A1" t="inlineStr"><is><t>出生日期</t></is></c><c r="B1" t="inlineStr"><is><t>数量</t></is></c><c r="C1" t="inlineStr"><is><t>认定日期</t></is></c></row>` +
      `<row r="2"><c r="A2" s="1"><v>38230</v></c><c r="B2"><v>3</v></c><c r="C2" s="2"><v>38230</v></c></row>`;
    const styles = MIN_STYLES(
      "",
      NS.main,
      "",
      `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    );
    add(
      "date1904-true.xlsx",
      "hand-made",
      'workbookPr date1904="true" (a word, not 1): date-formatted serials shift by 1462, plain numbers do not; zh-CN built-in format 31',
      pkg({
        sheets: [{ name: "日期", path: "xl/worksheets/sheet1.xml", xml: worksheetXml(inner) }],
        styles,
        workbookPr: `<workbookPr date1904="true"/>`,
      }),
      [
        {
          name: "日期",
          cells: { A1: "出生日期", B1: "数量", C1: "认定日期", A2: 38230 + 1462, B2: 3, C2: 38230 + 1462 },
          formats: { A2: "mm-dd-yy", C2: 'yyyy"年"m"月"d"日"' },
        },
      ],
    );
  }

  // 15. Numbers-like: an "Export Summary" sheet first, sheet names with " - 表格 1".
  {
    const sst = new Sst();
    const summary = worksheetXml(
      sheetDataXml(
        [
          ["本文稿已从 Numbers 导出。每个表格都已转换为 Excel 工作表。"],
          ["工作表名称", "表格名称", "Excel 工作表名称"],
          ["工作表 1", "表格 1", "工作表 1 - 表格 1"],
        ],
        { sst },
      ),
    );
    const data = worksheetXml(sheetDataXml(ROSTER, { sst }), {
      before: `<sheetPr filterMode="0"><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:D4"/>`,
    });
    add(
      "numbers-like.xlsx",
      "hand-made (Apple Numbers export's layout)",
      'an Export Summary sheet before the data, sheet name with “ - 表格 1”, filterMode="0"',
      pkg({
        sheets: [
          { name: "Export Summary", path: "xl/worksheets/sheet1.xml", xml: summary },
          { name: "工作表 1 - 表格 1", path: "xl/worksheets/sheet2.xml", xml: data },
        ],
        sst,
        styles: MIN_STYLES(),
      }),
      [
        {
          name: "Export Summary",
          cells: {
            A1: "本文稿已从 Numbers 导出。每个表格都已转换为 Excel 工作表。",
            A2: "工作表名称",
            B2: "表格名称",
            C2: "Excel 工作表名称",
            A3: "工作表 1",
            B3: "表格 1",
            C3: "工作表 1 - 表格 1",
          },
        },
        { name: "工作表 1 - 表格 1", cells: cellsOf(ROSTER) },
      ],
    );
  }

  // 16. Comments at an unusual path with a rich author prefix; a merge whose covered cell holds a value.
  {
    const sst = new Sst();
    const sheet = worksheetXml(sheetDataXml([["标题", "被覆盖"], ...ROSTER.slice(1)], { sst }), {
      after: `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><legacyDrawing r:id="rId2"/>`,
    });
    const comments =
      `${DECL}<comments xmlns="${NS.main}"><authors><author>张老师</author></authors><commentList>` +
      `<comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>张老师:</t></r><r><t xml:space="preserve">\n家庭经济困难</t></r></text></comment>` +
      `</commentList></comments>`;
    const parts = pkg({
      sheets: [{ name: "批注", path: "xl/worksheets/sheet1.xml", xml: sheet }],
      sst,
      extraParts: [
        [
          "xl/worksheets/_rels/sheet1.xml.rels",
          rels([
            ["rId1", `${NS.rel}/comments`, "../notes/note-list.xml"],
            ["rId2", `${NS.rel}/vmlDrawing`, "../drawings/vmlDrawing1.vml"],
          ]),
        ],
        ["xl/notes/note-list.xml", comments],
        ["xl/drawings/vmlDrawing1.vml", `<xml xmlns:v="urn:schemas-microsoft-com:vml"/>`],
      ],
      extraOverrides: [["/xl/notes/note-list.xml", CT.comments]],
    });
    add(
      "comments-odd-path.xlsx",
      "hand-made (as Excel writes comments, at another path)",
      "comments part at xl/notes/note-list.xml (found through the sheet's rels), rich comment text with the author prefix; a covered merged cell that holds a value (shows nothing)",
      parts,
      [
        {
          name: "批注",
          cells: { A1: "标题", ...cellsOf(ROSTER.slice(1), 2) },
          merges: ["A1:B1"],
          notes: [{ row: 1, col: 1, text: "张老师:\n家庭经济困难" }],
        },
      ],
    );
  }

  return files;
}

// ---------------------------------------------------------------------------------------------
// LibreOffice.

const FODS = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:meta><dc:title>2025年秋季学期名单</dc:title><meta:initial-creator>张老师</meta:initial-creator></office:meta>
 <office:automatic-styles>
  <number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
  <number:text-style style:name="N2"><number:text-content/></number:text-style>
  <number:percentage-style style:name="N3"><number:number number:decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
  <style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
  <style:style style:name="ce3" style:family="table-cell" style:data-style-name="N3"/>
  <style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:row-height="0.45cm"/></style:style>
  <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
  <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
 </office:automatic-styles>
 <office:body><office:spreadsheet>
  <table:table table:name="名单" table:style-name="ta1">
   <table:table-column table:number-columns-repeated="6"/>
   <table:table-row table:style-name="ro1"><table:table-cell table:number-columns-spanned="5" table:number-rows-spanned="1" office:value-type="string"><text:p>国家助学金发放名单</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="4"/></table:table-row>
   <table:table-row table:style-name="ro1"><table:table-cell office:value-type="string"><text:p>姓名</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>身份证号</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>出生日期</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>比例</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>金额</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>寄宿</text:p></table:table-cell></table:table-row>
   <table:table-row table:style-name="ro1"><table:table-cell office:value-type="string"><office:annotation><dc:creator>张老师</dc:creator><text:p>特别困难</text:p></office:annotation><text:p>张三</text:p></table:table-cell><table:table-cell table:style-name="ce2" office:value-type="string"><text:p>110101200001011234</text:p></table:table-cell><table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2008-09-01"><text:p>2008-09-01</text:p></table:table-cell><table:table-cell table:style-name="ce3" office:value-type="percentage" office:value="0.25"><text:p>25.00%</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1000"><text:p>1000</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell></table:table-row>
   <table:table-row table:style-name="ro1" table:visibility="collapse"><table:table-cell office:value-type="string"><text:p>李四</text:p></table:table-cell><table:table-cell table:style-name="ce2" office:value-type="string"><text:p>11010120000101123X</text:p></table:table-cell><table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2009-03-01"><text:p>2009-03-01</text:p></table:table-cell><table:table-cell table:style-name="ce3" office:value-type="percentage" office:value="0.5"><text:p>50.00%</text:p></table:table-cell><table:table-cell table:formula="of:=[.E3]*2" office:value-type="float" office:value="2000"><text:p>2000</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell></table:table-row>
  </table:table>
  <table:table table:name="隐藏表" table:style-name="ta2">
   <table:table-column/>
   <table:table-row><table:table-cell office:value-type="string"><text:p>隐藏的说明</text:p></table:table-cell></table:table-row>
  </table:table>
 </office:spreadsheet></office:body>
</office:document>
`;

const CSV =
  '序号,姓名,身份证号,金额,备注\n1,张三,11010120000101123X,1000,\n2,李四,110101200001011234,1500.5,寄宿\n3,王五,,2000,"含,逗号"\n';

function libreOffice() {
  const work = mkdtempSync(join(tmpdir(), "zizhu-lo-corpus-"));
  try {
    writeFileSync(join(work, "libreoffice-from-csv.csv"), CSV);
    writeFileSync(join(work, "libreoffice-formats.fods"), FODS);
    const profile = `file://${join(work, "profile")}`;
    const run = (args) =>
      execFileSync(
        SOFFICE,
        [`-env:UserInstallation=${profile}`, "--headless", ...args, "--outdir", join(work, "out")],
        {
          stdio: "pipe",
        },
      );
    // CSV filter options: comma, double quote, UTF-8 (76), start at row 1.
    run([
      "--infilter=CSV:44,34,76,1",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      join(work, "libreoffice-from-csv.csv"),
    ]);
    run(["--convert-to", "xlsx:Calc MS Excel 2007 XML", join(work, "libreoffice-formats.fods")]);
    const version = execFileSync(SOFFICE, ["--version"], { encoding: "utf8" })
      .trim()
      .split(/\s+/)
      .slice(0, 2)
      .join(" ");
    const files = [];
    files.push({
      file: "libreoffice-from-csv.xlsx",
      writer: version,
      exercises:
        "LibreOffice Calc's xlsx from a UTF-8 CSV: detected numbers, an 18-digit ID turned into a (rounded) number, quoted comma",
      bytes: fixTimestamps(readFileSync(join(work, "out", "libreoffice-from-csv.xlsx"))),
      sheets: [
        {
          name: "libreoffice-from-csv",
          cells: {
            ...cellsOf([["序号", "姓名", "身份证号", "金额", "备注"]]),
            A2: 1,
            B2: "张三",
            C2: "11010120000101123X",
            D2: 1000,
            A3: 2,
            B3: "李四",
            // LibreOffice keeps 15 significant digits: 1.10101200001011E+017.
            C3: 110101200001011000,
            D3: 1500.5,
            E3: "寄宿",
            A4: 3,
            B4: "王五",
            D4: 2000,
            E4: "含,逗号",
          },
        },
      ],
    });
    files.push({
      file: "libreoffice-formats.xlsx",
      writer: version,
      exercises:
        "LibreOffice Calc's xlsx from a .fods: merged title, comment, text/date/percent formats, hidden row, hidden sheet, a formula with its cached value, booleans",
      bytes: fixTimestamps(readFileSync(join(work, "out", "libreoffice-formats.xlsx"))),
      sheets: [
        {
          name: "名单",
          cells: {
            A1: "国家助学金发放名单",
            ...cellsOf([["姓名", "身份证号", "出生日期", "比例", "金额", "寄宿"]], 2),
            A3: "张三",
            B3: "110101200001011234",
            C3: 39692,
            D3: 0.25,
            E3: 1000,
            F3: true,
            A4: "李四",
            B4: "11010120000101123X",
            C4: 39873,
            D4: 0.5,
            E4: 2000,
            F4: false,
          },
          merges: ["A1:E1"],
          hiddenRows: [3],
          notes: [{ row: 2, col: 0, text: "特别困难" }],
          formulas: { E4: "E3*2" },
          formats: {
            B3: "@",
            B4: "@",
            // The readers drop backslash escapes from format codes (yyyy\-mm\-dd in the file), as ExcelJS did.
            C3: "yyyy-mm-dd",
            C4: "yyyy-mm-dd",
            D3: "0.00%",
            D4: "0.00%",
            F3: '"TRUE";"TRUE";"FALSE"',
            F4: '"TRUE";"TRUE";"FALSE"',
          },
          headerFooter: ["{工作表名}", "Page {页码}"],
        },
        { name: "隐藏表", state: "hidden", cells: { A1: "隐藏的说明" } },
      ],
      properties: { title: "2025年秋季学期名单" },
    });
    return files;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// openpyxl.

function openpyxl() {
  const work = mkdtempSync(join(tmpdir(), "zizhu-openpyxl-corpus-"));
  try {
    const json = execFileSync(PYTHON, [join(root, "scripts", "xlsx-corpus-openpyxl.py"), work], { encoding: "utf8" });
    return JSON.parse(json).map((entry) => ({ ...entry, bytes: fixTimestamps(readFileSync(join(work, entry.file))) }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

mkdirSync(out, { recursive: true });
const previous = existsManifest();
const made = [...(handOnly ? [] : openpyxl()), ...(handOnly ? [] : libreOffice()), ...handMade()];
const byFile = new Map(previous.map((e) => [e.file, e]));
for (const { bytes, zipOptions: _zipOptions, ...entry } of made) {
  writeFileSync(join(out, entry.file), bytes);
  byFile.set(entry.file, entry);
}
const order = (e) => (e.writer.startsWith("openpyxl") ? 0 : e.writer.startsWith("LibreOffice") ? 1 : 2);
const manifest = [...byFile.values()].sort((a, b) => order(a) - order(b) || a.file.localeCompare(b.file));
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
writeFileSync(join(out, "README.md"), readme(manifest));
const listed = new Set(manifest.map((e) => e.file));
for (const name of readdirSync(out)) {
  if (name.endsWith(".xlsx") && !listed.has(name)) console.warn(`not in the manifest: ${name}`);
}
console.log(`${made.length} files written to ${out} (${manifest.length} in the manifest)`);

function readme(entries) {
  const rows = entries.map(
    (e) =>
      `| ${e.file} | ${e.writer} | ${e.exercises.replace(/\|/g, "\\|")} | ${e.sheets.map((s) => s.name).join("、")} |`,
  );
  return [
    "# .xlsx reader corpus",
    "",
    "Workbooks as other writers write them, read by both readers in `tests/adapters/xlsx-corpus.test.ts`",
    "(`readXlsx` in memory, `readXlsxStream` from the file). `manifest.json` lists, for each file, its writer,",
    "what it exercises and what a correct reader gives back: every sheet in workbook order with its state and",
    "every cell showing a value (by A1 address; dates as 1900-system serials), and where the file exercises",
    "them, merges, hidden rows/columns (0-based), notes, formulas, number formats, header/footer texts and",
    "document properties. Format codes are given without backslash escapes, as the readers report them.",
    "",
    "Made by `node scripts/make-xlsx-corpus.mjs` (openpyxl through Debian's `/usr/bin/python3`, LibreOffice",
    "through `/usr/bin/soffice`, the rest written at the zip level by the script itself); `--hand` remakes only",
    "the hand-made files. Writers' zips are kept byte for byte except the entries' timestamps, set to",
    "2025-09-01 08:00; LibreOffice still writes the conversion time into docProps/core.xml. The hand-made",
    "files reproduce the quirks named in their row; they are emulations, not files from those products.",
    "",
    "| file | writer | exercises | sheets |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

function existsManifest() {
  try {
    return JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
  } catch {
    return [];
  }
}
