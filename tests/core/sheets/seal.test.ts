import ExcelJS from "exceljs";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import type { CellValue, Grid, WorkbookData } from "../../../src/core/grid/types";
import { makeGrid } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import { rosterDigest, workbookDigest, workbookDigestParts } from "../../../src/core/sheets/digest";
import {
  buildSeal,
  LEGACY_SEAL_FORMAT,
  readSeal,
  SEAL_FORMAT,
  SEAL_JSON_LABEL,
  SEAL_SHEET,
  sealSheetRows,
  sealStatement,
  verifySeal,
  type LegacySeal,
  type Seal,
  type StoredSeal,
} from "../../../src/core/sheets/seal";
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
      format: "zizhu-seal/2",
      digestFormat: "zizhu-digest/3",
      pack: { id: pack.id, version: pack.version },
      sealedAt: NOW,
      tool: "0.1.0",
      sheet: "一补花名册",
      rows: 40,
      totals: [{ program: expect.any(String) as string, count: 40, amount: 18000 }],
      total: 18000,
      coverage: {
        sheets: [{ name: "一补花名册", state: "visible", content: rosterDigest(roster).slice(0, 16) }],
        hiddenRows: "",
        hiddenColumns: "",
      },
      digest: workbookDigest(
        workbookDigestParts(wb, { roster: "一补花名册", leaveOut: SEAL_SHEET, statement: sealStatement(seal) }),
      ),
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
    expect(byLabel.get("覆盖的工作表（不含本表）")).toBe("一补花名册（可见）");
    expect(byLabel.get("花名册中隐藏的行")).toBe("无");
    expect(byLabel.get("摘要格式")).toBe("zizhu-digest/3");
    expect(JSON.parse(String(byLabel.get(SEAL_JSON_LABEL)))).toEqual(seal);
    expect(built.spec.rows).toEqual(sealSheetRows(seal));
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

  test("the seal sheet is not part of the digest, but its rows must be the seal's own", async () => {
    const wb = await sample("一补花名册-示例.xlsx");
    const { built } = sealOf(wb);
    const out = sealed(wb, built.spec);
    // Where the seal sheet sits does not matter: it is not in the sheet list.
    expect(verifySeal({ ...out, sheets: [...out.sheets].reverse() }).status).toBe("unchanged");
    const edited = verifySeal(withCell(out, SEAL_SHEET, 1, 1, "别的说明"));
    expect(edited.status).toBe("modified");
    expect(edited.message).toContain("校验凭证上的“说明”与凭证数据不一致");
    expect(edited.changes.map((c) => c.kind)).toEqual(["seal-edited"]);
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
        rows.map((r) => (r[0] === SEAL_JSON_LABEL ? [r[0], String(r[1]).replace(SEAL_FORMAT, "zizhu-seal/9")] : r)),
      /格式应为 zizhu-seal\/2（或旧版 zizhu-seal\/1），实际为 zizhu-seal\/9/,
    ],
    [
      "a new seal without its coverage",
      (rows) =>
        rows.map((r) =>
          r[0] === SEAL_JSON_LABEL ? [r[0], String(r[1]).replace(/"coverage":\{.*?\]/, '"coverage":{"x":[]')] : r,
        ),
      /工作表列表不完整/,
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

/** A zizhu-seal/1 seal over `grid`, as the first version wrote it: digest "zizhu-digest/2" of the roster. */
function legacySeal(grid: Grid, rows = 1, totals: { program: string; amount: number }[] = []): LegacySeal {
  return {
    format: LEGACY_SEAL_FORMAT,
    pack: { id: pack.id, version: pack.version },
    sealedAt: NOW,
    tool: "0.1.0",
    sheet: grid.name,
    rows,
    totals: totals.map((t) => ({ ...t, count: rows })),
    total: totals.reduce((sum, t) => sum + t.amount, 0),
    digest: rosterDigest(grid),
    algorithm: "SHA-256",
  };
}

/** A zizhu-seal/2 seal over the workbook whose roster is `grid` (made by hand: no check runs). */
function currentSeal(wb: WorkbookData, roster: string): Seal {
  const statement = {
    pack: { id: pack.id, version: pack.version },
    sealedAt: NOW,
    tool: "0.1.0",
    sheet: roster,
    rows: 1,
    totals: [],
    total: 0,
  };
  const parts = workbookDigestParts(wb, { roster, leaveOut: SEAL_SHEET, statement: sealStatement(statement) });
  return {
    format: SEAL_FORMAT,
    digestFormat: "zizhu-digest/3",
    ...statement,
    coverage: {
      sheets: parts.sheets.map((s) => ({ name: s.name, state: s.state, content: s.content.slice(0, 16) })),
      hiddenRows: "",
      hiddenColumns: "",
    },
    digest: workbookDigest(parts),
    algorithm: "SHA-256",
  };
}

/** The sample 一补花名册's totals, as a zizhu-seal/1 seal recorded them: 40 people, 18000 元. */
const YIBU = [{ program: "义务教育家庭经济困难学生生活补助（一补）", amount: 18000 }];

const sealGrid = (seal: StoredSeal) => makeGrid(SEAL_SHEET, sealSheetRows(seal), { state: "veryHidden" });

describe("an older zizhu-seal/1 seal", () => {
  test("still verifies, the old way, saying what it does not cover", async () => {
    const wb = await sample("一补花名册-示例.xlsx");
    const roster = wb.sheets[0] as Grid;
    const old = { ...wb, sheets: [roster, sealGrid(legacySeal(roster, 40, YIBU))] };
    expect(readSeal(old)).toEqual({ ok: true, value: legacySeal(roster, 40, YIBU) });
    const v = verifySeal(old);
    expect(v.status).toBe("unchanged");
    expect(v.message).toMatch(/^已校验且未改动/);
    expect(v.message).toContain("旧版凭证（zizhu-seal/1，摘要格式 zizhu-digest/2）");
    expect(v.message).toContain("不覆盖工作表列表、可见性和隐藏的行列");
    // What it does not cover stays uncovered: an added hidden sheet, a hidden row.
    const more = { ...old, sheets: [...old.sheets, makeGrid("x", [["110105194912310021"]], { state: "hidden" })] };
    expect(verifySeal(more).status).toBe("unchanged");
    const hidden = { ...old, sheets: [{ ...roster, hiddenRows: new Set([9]) }, ...old.sheets.slice(1)] };
    expect(verifySeal(hidden).status).toBe("unchanged");
  });

  test.each<[string, (wb: WorkbookData) => WorkbookData, RegExp]>([
    ["a changed value", (wb) => withCell(wb, "一补花名册", 3, 12, 501), /内容摘要与凭证不符/],
    [
      "the roster renamed",
      (wb) => ({ ...wb, sheets: wb.sheets.map((g) => (g.name === "一补花名册" ? { ...g, name: "改名" } : g)) }),
      /“一补花名册”已不存在/,
    ],
    [
      "its seal sheet unhidden",
      (wb) => ({ ...wb, sheets: wb.sheets.map((g) => (g.name === SEAL_SHEET ? { ...g, state: "visible" } : g)) }),
      /取消深度隐藏/,
    ],
    ["a readable row edited", (wb) => withCell(wb, SEAL_SHEET, 7, 1, 39), /校验凭证上的“人数（行）”与凭证数据不一致/],
  ])("%s: modified", async (_, change, says) => {
    const wb = await sample("一补花名册-示例.xlsx");
    const roster = wb.sheets[0] as Grid;
    const v = verifySeal(change({ ...wb, sheets: [roster, sealGrid(legacySeal(roster, 40, YIBU))] }));
    expect(v.status).toBe("modified");
    expect(v.message).toMatch(says);
  });
});

describe("verifySeal across hosts", () => {
  /** The file's roster with a seal made over the add-in's read, as the add-in would write it. */
  function sealedBy(sealer: Grid, reader: Grid, format: "legacy" | "current"): WorkbookData {
    const seal =
      format === "legacy" ? legacySeal(sealer) : currentSeal({ sheets: [sealer], properties: {} }, sealer.name);
    return { sheets: [reader, sealGrid(seal)], properties: {} };
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

  describe.each(["legacy", "current"] as const)("a %s seal", (format) => {
    test("a 1904-date workbook sealed in Excel and verified from the file: says it is the date system", async () => {
      const file = await fileRead(true);
      expect(file.rows[1]?.[1]).toBe(44538 + 1462); // the library converts to the 1900 system
      const verdict = verifySeal(sealedBy(office, file, format));
      expect(verdict.status).toBe("modified");
      expect(verdict.message).toMatch(/^校验后已修改（很可能只是日期系统的差异）/);
      expect(verdict.message).toContain("1904 日期系统");
      expect(verdict.message).toContain("相差 1462 天");
      expect(verdict.changes.map((c) => c.kind)).toEqual(["date-system"]);
      // And the other way round: sealed from the file, verified in Excel.
      const back = verifySeal(sealedBy(file, office, format));
      expect(back.message).toContain("1904 日期系统");
    });

    test("a real edit of a dated roster is not blamed on the date system", async () => {
      const file = await fileRead(true, 44539);
      const verdict = verifySeal(sealedBy(office, file, format));
      expect(verdict.status).toBe("modified");
      expect(verdict.message).not.toContain("1904");
      expect(verdict.message).toContain("内容摘要与凭证不符");
    });

    test("a 1900-date workbook verifies unchanged across the readers", async () => {
      const file = await fileRead(false);
      expect(verifySeal(sealedBy(office, file, format)).status).toBe("unchanged");
    });
  });
});
