/**
 * `npm run samples`: writes the sample rosters (samples/*.xlsx, the GBK CSV and each sample's
 * expected findings) from samples/rosters.ts. Deterministic: the same people every run.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { allSamples, cleanYibu, csvLines, type Cell, type SampleSheet, type SampleWorkbook } from "./rosters";
import { encodeGbk } from "./gbk";

const OUT = process.argv[2] ?? join(process.cwd(), "samples");
/** A fixed date, so workbook metadata does not change between runs. */
const FIXED = new Date(Date.UTC(2026, 2, 20, 8, 0, 0));

function writeSheet(wb: ExcelJS.Workbook, s: SampleSheet): void {
  const ws = wb.addWorksheet(s.name, {
    state: s.state ?? "visible",
    views: [{ state: "frozen", ySplit: (s.subtitle ? 2 : 1) + s.headers.length }],
  });
  ws.addRow([s.title]);
  ws.addRow([s.subtitle ?? ""]);
  if (!s.subtitle) ws.spliceRows(2, 1);
  for (const h of s.headers) ws.addRow(h.map((x) => (x === "" ? null : x)));
  s.rows.forEach((r, i) => {
    const row = ws.addRow(
      r.map((c: Cell) => (c !== null && typeof c === "object" ? { formula: c.formula, result: c.result } : c)),
    );
    if (s.hiddenRows?.includes(i)) row.hidden = true;
  });
  ws.addRow([]);
  for (const f of s.footer) ws.addRow([f]);
  for (const m of s.merges) ws.mergeCells(m);
  for (const c of s.textColumns) {
    // Text format on the whole column keeps 18-digit numbers typed later exact.
    ws.getColumn(c + 1).numFmt = "@";
  }
  for (const c of s.dateColumns ?? []) ws.getColumn(c + 1).numFmt = "yyyy-mm-dd";
  s.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getRow(1).font = { bold: true, size: 14 };
  for (const n of s.notes ?? []) ws.getCell(n.cell).note = n.text;
}

async function writeWorkbook(sample: SampleWorkbook): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = sample.properties?.creator ?? "资助助手样例";
  wb.title = sample.properties?.title ?? "";
  wb.created = FIXED;
  wb.modified = FIXED;
  for (const s of sample.sheets) writeSheet(wb, s);
  const buffer = await wb.xlsx.writeBuffer();
  writeFileSync(join(OUT, sample.file), Buffer.from(buffer as ArrayBuffer));
  writeFileSync(
    join(OUT, sample.file.replace(/\.xlsx$/, ".expected.json")),
    JSON.stringify({ check: sample.check, expected: sample.expected }, null, 2) + "\n",
  );
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const sample of allSamples()) await writeWorkbook(sample);
  // The clean roster as a GBK CSV, as older county systems export it.
  const csv = csvLines(cleanYibu()).join("\r\n") + "\r\n";
  writeFileSync(join(OUT, "一补花名册-GBK.csv"), encodeGbk(csv));
  process.stdout.write(`samples written to ${OUT}\n`);
}

void main();
