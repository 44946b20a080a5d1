/**
 * Every workbook of the writers' corpus (tests/fixtures/xlsx-corpus: openpyxl, LibreOffice and
 * hand-made zip-level variants of the .NET Open XML SDK, Strict OOXML, Google Sheets, WPS,
 * Numbers, POI…) read by both readers, compared with the cells its manifest lists.
 *
 * Before this corpus, ExcelJS 4.4.0 behind readXlsx refused or misread 8 of these files
 * (openpyxl-comments, comments-odd-path, openxml-sdk-prefixed, no-r-attributes: “损坏” with a
 * leaked TypeError; odd-part-names: no sheets at all; cell-types and strict-ooxml: t="d" dates as
 * 2023; date1904-true: dates 1462 days early), and readXlsxStream 13 (every openpyxl file: sheet
 * “missing”; no-styles, and now and then trailing-rows: shared strings lost; openxml-sdk-prefixed:
 * a TypeError; odd-part-names; cell-types: m/d/yy "h":mm; comments-odd-path: a covered cell shown).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { readXlsxStream } from "../../src/adapters/xlsx/stream.node";
import { CORPUS_DIR, corpus, differences } from "./corpus";

const entries = corpus();

test("the corpus has files from every writer", () => {
  expect(entries.length).toBeGreaterThanOrEqual(25);
  const writers = new Set(entries.map((e) => e.writer.split(" ")[0]));
  expect([...writers].sort()).toEqual(["LibreOffice", "hand-made", "openpyxl"]);
});

describe.each(entries.map((e) => [e.file, e] as const))("%s", (file, entry) => {
  const path = join(CORPUS_DIR, file);

  test("readXlsx gives the manifest's sheets, cells, notes and properties", async () => {
    const result = await readXlsx(new Uint8Array(readFileSync(path)), { fileName: file });
    if (!result.ok) throw new Error(result.problem.message);
    expect(differences(entry, result.value)).toEqual([]);
  });

  test("readXlsxStream (all sheets, notes, properties) gives the same", async () => {
    const result = await readXlsxStream(path, { sheets: "all", notes: true, properties: true });
    if (!result.ok) throw new Error(result.problem.message);
    expect(differences(entry, result.value)).toEqual([]);
  });
});
