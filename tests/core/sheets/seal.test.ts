import ExcelJS from "exceljs";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import type { CellValue, Grid, WorkbookData } from "../../../src/core/grid/types";
import { makeGrid } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import { rosterDigest } from "../../../src/core/sheets/digest";
import { buildSeal, readSeal, SEAL_JSON_LABEL, SEAL_SHEET, verifySeal, type Seal } from "../../../src/core/sheets/seal";
import { loadSample as sample } from "./samples";

const pack = seedPack();
const today = { y: 2026, m: 11, d: 28 };
const NOW = "2026-11-28T10:30:00+08:00";

/** The workbook with the seal sheet's rows as a reader would see them after writing. */
function sealed(wb: WorkbookData, spec: { rows: CellValue[][] }): WorkbookData {
  return { ...wb, sheets: [...wb.sheets, makeGrid(SEAL_SHEET, spec.rows, { state: "veryHidden" })] };
}

function withCell(wb: WorkbookData, sheet: string, row: number, col: number, value: CellValue): WorkbookData {
  return {
    ...wb,
    sheets: wb.sheets.map((g): Grid => {
      if (g.name !== sheet) return g;
      const rows = g.rows.map((r) => [...r]);
      while (rows.length <= row) rows.push([]);
      (rows[row] as CellValue[])[col] = value;
      return { ...g, rows };
    }),
  };
}

function sealOf(wb: WorkbookData) {
  const r = buildSeal(wb, { pack, today, now: NOW, tool: "0.1.0" });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

describe("buildSeal", () => {
  test("a clean roster: the seal of its values, counts and totals per program", async () => {
    const wb = await sample("一补花名册-示例.xlsx");
    const { seal, built, report } = sealOf(wb);
    const roster = wb.sheets[0] as Grid;
    expect(report.valid).toBe(true);
    expect(seal).toEqual<Seal>({
      format: "zizhu-seal/1",
      pack: { id: pack.id, version: pack.version },
      sealedAt: NOW,
      tool: "0.1.0",
      sheet: "一补花名册",
      rows: 40,
      totals: [{ program: expect.any(String) as string, count: 40, amount: 18000 }],
      total: 18000,
      digest: rosterDigest(roster),
      algorithm: "SHA-256",
    });
    expect(seal.totals[0]?.program).toContain("一补");
    expect(built.spec.name).toBe(SEAL_SHEET);
    expect(built.spec.kind).toBe("seal");
    expect(built.spec.state).toBe("veryHidden");
    expect(built.notes.join("")).toContain("不是电子签名");
    // Key/value rows with Chinese labels; the JSON row parses to the seal exactly.
    const byLabel = new Map(built.spec.rows.map((r) => [r[0], r[1]]));
    expect(byLabel.get("内容摘要")).toBe(seal.digest);
    expect(byLabel.get("花名册工作表")).toBe("一补花名册");
    expect(byLabel.get("金额合计（元）")).toBe(18000);
    expect(JSON.parse(String(byLabel.get(SEAL_JSON_LABEL)))).toEqual(seal);
  });

  test("amounts in 万元 are counted in 元", async () => {
    const wb = await sample("一补花名册-示例.xlsx");
    const grid = wb.sheets[0] as Grid;
    const amountCol = (grid.rows[2] ?? []).indexOf("补助金额（元）");
    let changed = withCell(wb, grid.name, 2, amountCol, "补助金额（万元）");
    grid.rows.forEach((row, r) => {
      const v = row[amountCol];
      if (r > 2 && typeof v === "number") changed = withCell(changed, grid.name, r, amountCol, v / 10000);
    });
    const { seal } = sealOf(changed);
    expect(seal.total).toBe(18000);
    expect(seal.totals[0]?.amount).toBe(18000);
  });

  test("a roster with errors: no seal, the report and a Chinese message", async () => {
    const wb = await sample("一补花名册-问题示例.xlsx");
    const r = buildSeal(wb, { pack, today, now: NOW, tool: "0.1.0" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe("seal.has-errors");
    expect(r.problem.report?.valid).toBe(false);
    expect(r.problem.message).toMatch(new RegExp(`有 ${r.problem.report?.stats.errors} 个错误，未写入校验凭证`));
  });

  test("a workbook without a roster: the source problem in Chinese", () => {
    const wb: WorkbookData = { sheets: [makeGrid("Sheet1", [["hello"]])], properties: {} };
    const r = buildSeal(wb, { pack, today, now: NOW, tool: "t" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain("没有找到花名册的表头");
  });
});

describe("readSeal / verifySeal", () => {
  test("sealed and untouched: unchanged", async () => {
    const wb = await sample("一补花名册-示例.xlsx");
    const { seal, built } = sealOf(wb);
    const out = sealed(wb, built.spec);
    expect(readSeal(out)).toEqual({ ok: true, value: seal });
    const v = verifySeal(out);
    expect(v.status).toBe("unchanged");
    expect(v.message).toMatch(/^已校验且未改动/);
    expect(v.seal).toEqual(seal);
  });

  test("the seal sheet itself is not part of the digest", async () => {
    const wb = await sample("一补花名册-示例.xlsx");
    const { built } = sealOf(wb);
    const out = sealed(wb, built.spec);
    const edited = withCell(out, SEAL_SHEET, 1, 1, "别的说明");
    expect(verifySeal(edited).status).toBe("unchanged");
  });

  test.each<[string, number, number, CellValue]>([
    ["an amount", 3, 12, 501],
    ["a name", 5, 1, "张三"],
    ["a cell below the table", 60, 0, "x"],
    ["an emptied cell", 4, 17, null],
  ])("one cell edited (%s): modified, the digest named", async (_, row, col, value) => {
    const wb = await sample("一补花名册-示例.xlsx");
    const { built } = sealOf(wb);
    const out = withCell(sealed(wb, built.spec), "一补花名册", row, col, value);
    const before = (wb.sheets[0] as Grid).rows[row]?.[col] ?? null;
    if (before === value) throw new Error("test must change the cell");
    const v = verifySeal(out);
    expect(v.status).toBe("modified");
    expect(v.message).toMatch(/^校验后已修改/);
    expect(v.detail).toContain("内容摘要与凭证不符");
  });

  test("a removed person row: modified, with the row count", async () => {
    const wb = await sample("一补花名册-示例.xlsx");
    const { built } = sealOf(wb);
    const out = sealed(wb, built.spec);
    const roster = out.sheets[0] as Grid;
    const fewer = {
      ...out,
      sheets: [{ ...roster, rows: roster.rows.filter((_, r) => r !== 10) }, ...out.sheets.slice(1)],
    };
    const v = verifySeal(fewer);
    expect(v.status).toBe("modified");
    expect(v.detail).toContain("由 40 行变为 39 行");
  });

  test("the roster sheet renamed or deleted: modified, the sheet named", async () => {
    const wb = await sample("一补花名册-示例.xlsx");
    const { built } = sealOf(wb);
    const out = sealed(wb, built.spec);
    const renamed = { ...out, sheets: out.sheets.map((g) => (g.name === "一补花名册" ? { ...g, name: "改名" } : g)) };
    const v = verifySeal(renamed);
    expect(v.status).toBe("modified");
    expect(v.detail).toContain("“一补花名册”已不存在");
  });

  test("no seal sheet: unsealed", async () => {
    const v = verifySeal(await sample("一补花名册-示例.xlsx"));
    expect(v.status).toBe("unsealed");
    expect(v.message).toMatch(/^未校验：工作簿中没有“校验凭证”工作表/);
    expect(v.seal).toBeUndefined();
  });

  test.each<[string, (rows: CellValue[][]) => CellValue[][], RegExp]>([
    ["no JSON row", (rows) => rows.filter((r) => r[0] !== SEAL_JSON_LABEL), /找不到“凭证数据（JSON）”/],
    [
      "broken JSON",
      (rows) => rows.map((r) => (r[0] === SEAL_JSON_LABEL ? [r[0], "{not json"] : r)),
      /B\d+ 单元格的凭证数据不是有效的 JSON/,
    ],
    [
      "a number in place of the JSON",
      (rows) => rows.map((r) => (r[0] === SEAL_JSON_LABEL ? [r[0], 5] : r)),
      /没有凭证数据/,
    ],
    [
      "a wrong format",
      (rows) =>
        rows.map((r) => (r[0] === SEAL_JSON_LABEL ? [r[0], String(r[1]).replace("zizhu-seal/1", "zizhu-seal/9")] : r)),
      /格式应为 zizhu-seal\/1/,
    ],
    [
      "a short digest",
      (rows) =>
        rows.map((r) =>
          r[0] === SEAL_JSON_LABEL ? [r[0], String(r[1]).replace(/"digest":"[0-9a-f]+"/, '"digest":"abc"')] : r,
        ),
      /内容摘要不是 64 位十六进制/,
    ],
  ])("an unreadable seal (%s): unsealed, saying why", async (_, mangle, why) => {
    const wb = await sample("一补花名册-示例.xlsx");
    const { built } = sealOf(wb);
    const out = sealed(wb, { rows: mangle(built.spec.rows) });
    const v = verifySeal(out);
    expect(v.status).toBe("unsealed");
    expect(v.message).toMatch(/^未校验：校验凭证无法读取/);
    expect(v.detail).toMatch(why);
  });
});

describe("verifySeal across hosts", () => {
  /** A seal over `grid` as the add-in would write it (only the JSON row matters to readSeal). */
  function sealFor(grid: Grid): Grid {
    const seal: Seal = {
      format: "zizhu-seal/1",
      pack: { id: pack.id, version: pack.version },
      sealedAt: NOW,
      tool: "0.1.0",
      sheet: grid.name,
      rows: 1,
      totals: [],
      total: 0,
      digest: rosterDigest(grid),
      algorithm: "SHA-256",
    };
    return makeGrid(SEAL_SHEET, [[SEAL_JSON_LABEL, JSON.stringify(seal)]], { state: "veryHidden" });
  }

  const DATE = "yyyy-mm-dd";
  /** The roster as the add-in reads a 1904-system file: the stored serial (2025-12-09 is 44538 there). */
  const office = makeGrid(
    "花名册",
    [
      ["姓名", "出生日期"],
      ["张三", 44538],
    ],
    { formats: new Map([["1,1", DATE]]) },
  );

  async function fileRead(date1904: boolean, born = 44538): Promise<Grid> {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet("花名册");
    ws.addRow(["姓名", "出生日期"]);
    ws.addRow(["张三", born]);
    ws.getCell("B2").numFmt = DATE;
    const read = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(read.problem.message);
    return read.value.sheets[0] as Grid;
  }

  test("a 1904-date workbook sealed in Excel and verified from the file: says it is the date system", async () => {
    const file = await fileRead(true);
    expect(file.rows[1]?.[1]).toBe(44538 + 1462); // the library converts to the 1900 system
    const verdict = verifySeal({ sheets: [file, sealFor(office)], properties: {} });
    expect(verdict.status).toBe("modified");
    expect(verdict.message).toMatch(/^校验后已修改（很可能只是日期系统的差异）/);
    expect(verdict.message).toContain("1904 日期系统");
    expect(verdict.message).toContain("相差 1462 天");
    // And the other way round: sealed from the file, verified in Excel.
    const back = verifySeal({ sheets: [office, sealFor(file)], properties: {} });
    expect(back.message).toContain("1904 日期系统");
  });

  test("a real edit of a dated roster is not blamed on the date system", async () => {
    const file = await fileRead(true, 44539);
    const verdict = verifySeal({ sheets: [file, sealFor(office)], properties: {} });
    expect(verdict.status).toBe("modified");
    expect(verdict.message).not.toContain("1904");
    expect(verdict.message).toContain("内容摘要与凭证不符");
  });

  test("a 1900-date workbook verifies unchanged across the readers", async () => {
    const file = await fileRead(false);
    expect(verifySeal({ sheets: [file, sealFor(office)], properties: {} }).status).toBe("unchanged");
  });
});
