/**
 * The streaming reader on every sheet of a workbook, one after another (what `zizhu privacy`
 * needs on files too big for readXlsx), with notes and document properties; and the package
 * probe the CLI uses to decide whether a file can be loaded whole.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { probeXlsxFile } from "../../src/adapters/xlsx/probe.node";
import { loadWorkbook, readXlsx } from "../../src/adapters/xlsx/read";
import { readXlsxStream } from "../../src/adapters/xlsx/stream.node";
import type { Grid } from "../../src/core/grid/types";
import { CORPUS_DIR } from "./corpus";
import { cfbWithStreams, rosterWorkbook } from "./fixtures";
import { buildZip, xlsxParts } from "./zip-builder";

let dir: string;
let rosterPath: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zizhu-stream-all-"));
  rosterPath = join(dir, "花名册.xlsx");
  writeFileSync(rosterPath, await rosterWorkbook());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plain(grid: Grid) {
  return {
    ...grid,
    formats: [...grid.formats],
    formulas: [...grid.formulas],
    hiddenRows: [...grid.hiddenRows],
    hiddenColumns: [...grid.hiddenColumns],
  };
}

describe("readXlsxStream({ sheets: 'all' })", () => {
  test("every sheet in workbook order with its state, notes and properties: the same workbook as readXlsx", async () => {
    const streamed = await readXlsxStream(rosterPath, { sheets: "all", notes: true, properties: true });
    const loaded = await readXlsx(readFileSync(rosterPath));
    if (!streamed.ok || !loaded.ok) throw new Error("read failed");
    expect(streamed.value.sheets.map((g) => [g.name, g.state])).toEqual([
      ["花名册", "visible"],
      ["旧数据", "hidden"],
      ["配置", "veryHidden"],
    ]);
    expect(streamed.value.sheets.map(plain)).toEqual(loaded.value.sheets.map(plain));
    expect(streamed.value.sheets[0]?.notes).toEqual([{ row: 4, col: 1, text: "家庭经济困难认定：特别困难" }]);
    expect(streamed.value.properties).toEqual(loaded.value.properties);
    expect(streamed.value.properties.company).toBe("第一中学");
  });

  test("named sheets come in workbook order; a missing one lists the sheets", async () => {
    const some = await readXlsxStream(rosterPath, { sheets: ["配置", "花名册"] });
    expect(some.ok && some.value.sheets.map((g) => g.name)).toEqual(["花名册", "配置"]);
    const missing = await readXlsxStream(rosterPath, { sheets: ["名单"] });
    expect(!missing.ok && missing.problem.code).toBe("file.sheet-missing");
  });

  test("progress counts the rows of all sheets", async () => {
    const rows = (n: number) =>
      Array.from({ length: n }, (_, r) => `<row r="${r + 1}"><c><v>${r}</v></c></row>`).join("");
    const path = join(dir, "two.xlsx");
    writeFileSync(path, buildZip(xlsxParts({ 一: rows(3000), 二: rows(4000) })));
    const seen: number[] = [];
    const result = await readXlsxStream(path, { sheets: "all", onProgress: (n) => seen.push(n) });
    expect(result.ok && result.value.sheets.map((g) => g.rows.length)).toEqual([3000, 4000]);
    expect(seen).toEqual([5000, 7000]);
  });

  test("without the options it stays what `zizhu check` used: the first visible sheet, no notes or properties", async () => {
    const result = await readXlsxStream(join(CORPUS_DIR, "openpyxl-sheets-states.xlsx"));
    expect(result.ok && result.value.sheets.map((g) => [g.name, g.notes])).toEqual([["名单", []]]);
    expect(result.ok && result.value.properties).toEqual({});
  });
});

describe("probeXlsxFile", () => {
  test("lists the entries with their declared sizes from the central directory", async () => {
    const probe = await probeXlsxFile(rosterPath);
    if (!probe.ok) throw new Error(probe.problem.message);
    const workbook = probe.value.entries.find((e) => e.name === "xl/workbook.xml");
    expect(workbook?.uncompressed).toBeGreaterThan(0);
    expect(workbook?.compressed).toBeGreaterThan(0);
    expect(probe.value.totalUncompressed).toBe(probe.value.entries.reduce((s, e) => s + e.uncompressed, 0));
    expect(probe.value.fileSize).toBe(readFileSync(rosterPath).length);
    expect(probe.value.tooLargeForMemory).toBeNull();
  });

  test("a package loadWorkbook would refuse: tooLargeForMemory carries loadWorkbook's message", async () => {
    const path = join(dir, "giant.xlsx");
    const bytes = buildZip(
      xlsxParts({ 名单: "" }).map((e) =>
        e.name.endsWith("sheet1.xml") ? { ...e, declaredSize: 1500 * 1024 * 1024 } : e,
      ),
    );
    writeFileSync(path, bytes);
    const probe = await probeXlsxFile(path);
    if (!probe.ok) throw new Error(probe.problem.message);
    expect(probe.value.totalUncompressed).toBeGreaterThan(1500 * 1024 * 1024);
    // readXlsx streams the sheet out of the bytes; loading the package whole (ExcelJS) is what is refused.
    const memory = await loadWorkbook(bytes, "giant.xlsx");
    expect(probe.value.tooLargeForMemory).toEqual(!memory.ok && memory.problem);
    expect(probe.value.tooLargeForMemory?.code).toBe("file.too-large");
  });

  test("files that are not packages get readXlsx's problems", async () => {
    const cases: [string, Uint8Array, string][] = [
      ["empty.xlsx", new Uint8Array(0), "file.empty"],
      ["old.xls", cfbWithStreams(["Root Entry", "Workbook"]), "file.xls"],
      ["cut.xlsx", readFileSync(join(CORPUS_DIR, "wps-like.xlsx")).subarray(0, 1000), "file.truncated"],
    ];
    for (const [name, bytes, code] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const probe = await probeXlsxFile(path);
      expect(!probe.ok && probe.problem.code).toBe(code);
    }
  });
});

describe("loadWorkbook (ExcelJS, to write into the user's file)", () => {
  test("a valid file ExcelJS cannot load is not called damaged: file.write-unsupported", async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, "openpyxl-comments.xlsx")));
    const loaded = await loadWorkbook(bytes, "名单.xlsx");
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problem.code).toBe("file.write-unsupported");
    expect(loaded.problem.message).toContain("可以读取和检查");
    expect(loaded.problem.message).not.toContain("损坏");
  });

  test("files ExcelJS loads still load", async () => {
    expect((await loadWorkbook(await rosterWorkbook())).ok).toBe(true);
  });
});
