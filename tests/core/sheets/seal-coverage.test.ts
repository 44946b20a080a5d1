/**
 * What the seal covers beyond the roster's values: the workbook's sheet list (names, order,
 * visibility, contents), the roster's hidden rows and columns, the seal sheet's own very hidden
 * state and its readable rows. Each change is one row of a table: made to a sealed workbook, it
 * must turn the verdict to 校验后已修改 with a message naming that kind of change — and never an
 * ID number.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addSheetsToCopy } from "../../../src/adapters/xlsx/write-sheet";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { makeGrid, type CellValue, type Grid, type WorkbookData } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import { buildSeal, SEAL_JSON_LABEL, SEAL_SHEET, verifySeal, type SealChangeKind } from "../../../src/core/sheets/seal";
import { loadSample } from "./samples";

const pack = seedPack();
const today = { y: 2026, m: 11, d: 28 };
const NOW = "2026-11-28T10:30:00+08:00";
const ROSTER = "一补花名册";
/** A synthetic ID number with a valid check digit (never printed by verify). */
const ID = "110105194912310021";

/** The sample roster plus a hidden 说明 sheet after it, as the user's workbook. */
async function userWorkbook(): Promise<WorkbookData> {
  const wb = await loadSample("一补花名册-示例.xlsx");
  return { ...wb, sheets: [...wb.sheets, makeGrid("说明", [["本工作簿用于一补报送"]], { state: "hidden" })] };
}

/** The workbook with its seal sheet as a reader sees it after writing. */
async function sealedWorkbook(): Promise<WorkbookData> {
  const wb = await userWorkbook();
  const r = buildSeal(wb, { pack, today, now: NOW, tool: "0.1.0" });
  if (!r.ok) throw new Error(r.problem.message);
  return { ...wb, sheets: [...wb.sheets, makeGrid(SEAL_SHEET, r.value.built.spec.rows, { state: "veryHidden" })] };
}

type Change = (wb: WorkbookData) => WorkbookData;

const mapSheet =
  (name: string, f: (g: Grid) => Grid): Change =>
  (wb) => ({ ...wb, sheets: wb.sheets.map((g) => (g.name === name ? f(g) : g)) });

/** Adds a sheet just before the seal sheet (where a user's new tab lands is irrelevant: order is covered). */
const addSheet =
  (grid: Grid): Change =>
  (wb) => {
    const at = wb.sheets.findIndex((g) => g.name === SEAL_SHEET);
    const sheets = [...wb.sheets];
    sheets.splice(at, 0, grid);
    return { ...wb, sheets };
  };

/** The seal sheet's value cell on the rows whose label is `label` (or matches it), replaced. */
const editSealRow = (label: string | RegExp, value: (old: CellValue) => CellValue): Change =>
  mapSheet(SEAL_SHEET, (g) => ({
    ...g,
    rows: g.rows.map((row) => {
      const hit = typeof label === "string" ? row[0] === label : label.test(String(row[0]));
      return hit ? [row[0] ?? null, value(row[1] ?? null)] : row;
    }),
  }));

const CHANGES: [string, Change, RegExp, SealChangeKind[]][] = [
  ["a visible sheet added", addSheet(makeGrid("备注", [["其他"]])), /新增了工作表“备注”（可见）/, ["sheet-added"]],
  [
    "a hidden sheet holding an ID number added",
    addSheet(makeGrid("Sheet3", [["身份证号"], [ID]], { state: "hidden" })),
    /新增了工作表“Sheet3”（隐藏）/,
    ["sheet-added"],
  ],
  [
    "an empty very hidden sheet added",
    addSheet(makeGrid("x", [], { state: "veryHidden" })),
    /新增了工作表“x”（深度隐藏）/,
    ["sheet-added"],
  ],
  [
    "a row of the roster hidden",
    mapSheet(ROSTER, (g) => ({ ...g, hiddenRows: new Set([9]) })),
    /工作表“一补花名册”中隐藏的行有变化（校验时：无；现在：第 10 行）/,
    ["hidden-rows"],
  ],
  [
    "a column of the roster hidden",
    mapSheet(ROSTER, (g) => ({ ...g, hiddenColumns: new Set([2]) })),
    /工作表“一补花名册”中隐藏的列有变化（校验时：无；现在：C 列）/,
    ["hidden-columns"],
  ],
  [
    "the seal sheet unhidden",
    mapSheet(SEAL_SHEET, (g) => ({ ...g, state: "visible" })),
    /“校验凭证”工作表已被取消深度隐藏（现为可见）/,
    ["seal-unhidden"],
  ],
  [
    "the seal sheet only hidden",
    mapSheet(SEAL_SHEET, (g) => ({ ...g, state: "hidden" })),
    /“校验凭证”工作表已被取消深度隐藏（现为隐藏）/,
    ["seal-unhidden"],
  ],
  [
    "a readable total on the seal sheet edited",
    editSealRow("金额合计（元）", () => 17500),
    /校验凭证上的“金额合计（元）”与凭证数据不一致/,
    ["seal-edited"],
  ],
  [
    "a readable program amount on the seal sheet edited",
    editSealRow(/（一补） 金额（元）$/, () => 1),
    /校验凭证上的“义务教育.+（一补） 金额（元）”与凭证数据不一致/,
    ["seal-edited"],
  ],
  [
    "an ID number written into the seal sheet",
    mapSheet(SEAL_SHEET, (g) => ({ ...g, rows: [...g.rows, [null, null, ID]] })),
    /校验凭证上有凭证数据之外的内容/,
    ["seal-edited"],
  ],
  [
    "the readable total and the JSON total both edited",
    (wb) =>
      editSealRow(SEAL_JSON_LABEL, (json) => String(json).replace('"total":18000', '"total":17500'))(
        editSealRow("金额合计（元）", () => 17500)(wb),
      ),
    /凭证数据与内容摘要不符/,
    ["seal-data"],
  ],
  ["a sheet renamed", mapSheet("说明", (g) => ({ ...g, name: "备注" })), /工作表“说明”改名为“备注”/, ["sheet-renamed"]],
  [
    "a sheet removed",
    (wb) => ({ ...wb, sheets: wb.sheets.filter((g) => g.name !== "说明") }),
    /删除了工作表“说明”/,
    ["sheet-removed"],
  ],
  [
    "two sheets reordered",
    (wb) => ({ ...wb, sheets: [...wb.sheets].sort((a, b) => (a.name === "说明" ? -1 : b.name === "说明" ? 1 : 0)) }),
    /工作表的顺序有变化/,
    ["sheet-order"],
  ],
  [
    "a hidden sheet made visible",
    mapSheet("说明", (g) => ({ ...g, state: "visible" })),
    /工作表“说明”由隐藏改为可见/,
    ["sheet-state"],
  ],
  [
    "an ID number written into another sheet",
    mapSheet("说明", (g) => ({ ...g, rows: [...g.rows, [ID]] })),
    /工作表“说明”的内容有改动/,
    ["sheet-content"],
  ],
  [
    "a sheet named like an ID number added",
    addSheet(makeGrid(ID, [["x"]])),
    /新增了工作表“110105\*{8}0021”（可见）/,
    ["sheet-added"],
  ],
  [
    "the roster renamed",
    mapSheet(ROSTER, (g) => ({ ...g, name: "花名册" })),
    /校验时的花名册工作表“一补花名册”已不存在（被删除或改名，很可能改名为“花名册”）/,
    ["roster-missing"],
  ],
  [
    "a roster value changed and a sheet added",
    (wb) =>
      addSheet(makeGrid("备注", []))(
        mapSheet(ROSTER, (g) => ({
          ...g,
          rows: g.rows.map((r, i) => (i === 5 ? [...r.slice(0, 12), 1, ...r.slice(13)] : r)),
        }))(wb),
      ),
    /新增了工作表“备注”.*；工作表“一补花名册”的内容摘要与凭证不符/,
    ["sheet-added", "roster-content"],
  ],
  [
    "the roster hidden",
    mapSheet(ROSTER, (g) => ({ ...g, state: "hidden" })),
    /工作表“一补花名册”由可见改为隐藏/,
    ["sheet-state"],
  ],
];

describe("verifySeal covers the workbook, not only the roster's values", () => {
  test.each(CHANGES)("%s: 校验后已修改, saying so", async (_, change, says, kinds) => {
    const v = verifySeal(change(await sealedWorkbook()));
    expect(v.status).toBe("modified");
    expect(v.changes.map((c) => c.kind)).toEqual(kinds);
    expect(v.message).toMatch(/^校验后已修改/);
    expect(v.message).toMatch(says);
    expect(v.message).not.toContain(ID);
    expect(v.detail ?? "").not.toContain(ID);
  });

  test("untouched: 已校验且未改动, saying what is covered and that formatting is not", async () => {
    const v = verifySeal(await sealedWorkbook());
    expect(v.status).toBe("unchanged");
    expect(v.message).toMatch(/^已校验且未改动/);
    expect(v.message).toContain("格式不在校验范围内");
  });

  test("formatting stays outside: number formats, merges, notes of any sheet", async () => {
    const wb = await sealedWorkbook();
    const dressed = mapSheet(ROSTER, (g) => ({
      ...g,
      formats: new Map([...g.formats, ["5,1", "@"]]),
      merges: [...g.merges, { top: 50, left: 0, bottom: 50, right: 3 }],
      notes: [{ row: 3, col: 1, text: "已核对" }],
    }))(wb);
    expect(verifySeal(dressed).status).toBe("unchanged");
  });
});

describe("after an ExcelJS round trip", () => {
  /** The sample with a hidden sheet, a hidden row and a hidden column, sealed by writing and reading back. */
  async function sealedFile(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      readFileSync(join(__dirname, "../../../samples/一补花名册-示例.xlsx")) as unknown as ArrayBuffer,
    );
    const roster = wb.getWorksheet(ROSTER) as ExcelJS.Worksheet;
    roster.getRow(46).hidden = true; // below the table: a remark row
    roster.getCell("A46").value = "备注：无";
    roster.getColumn(19).hidden = true;
    const notes = wb.addWorksheet("说明", { state: "hidden" });
    notes.getCell("A1").value = "本工作簿用于一补报送";
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readXlsx(input);
    if (!read.ok) throw new Error(read.problem.message);
    const sealed = buildSeal(read.value, { pack, today, now: NOW, tool: "0.1.0" });
    if (!sealed.ok) throw new Error(sealed.problem.message);
    return (await addSheetsToCopy(input, [sealed.value.built.spec], { replace: true })).bytes;
  }

  async function verifyBytes(bytes: Uint8Array) {
    const back = await readXlsx(bytes);
    if (!back.ok) throw new Error(back.problem.message);
    return verifySeal(back.value);
  }

  async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sealedFile()) as unknown as ArrayBuffer);
    edit(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  test("untouched, and written once more by ExcelJS: unchanged", async () => {
    const bytes = await sealedFile();
    expect((await verifyBytes(bytes)).status).toBe("unchanged");
    expect((await verifyBytes(await edited(() => undefined))).status).toBe("unchanged");
  });

  test.each<[string, (wb: ExcelJS.Workbook) => void, RegExp]>([
    [
      "a very hidden sheet with an ID number added",
      (wb) => {
        wb.addWorksheet("数据", { state: "veryHidden" }).getCell("A1").value = ID;
      },
      /新增了工作表“数据”（深度隐藏）/,
    ],
    ["a roster row hidden", (wb) => void (wb.getWorksheet(ROSTER)!.getRow(10).hidden = true), /隐藏的行有变化/],
    ["the hidden row shown again", (wb) => void (wb.getWorksheet(ROSTER)!.getRow(46).hidden = false), /隐藏的行有变化/],
    ["the seal sheet unhidden", (wb) => void (wb.getWorksheet(SEAL_SHEET)!.state = "visible"), /取消深度隐藏/],
    [
      "a readable total edited",
      (wb) =>
        wb.getWorksheet(SEAL_SHEET)!.eachRow((row) => {
          if (row.getCell(1).value === "金额合计（元）") row.getCell(2).value = 17500;
        }),
      /校验凭证上的“金额合计（元）”与凭证数据不一致/,
    ],
  ])("%s: modified", async (_, edit, says) => {
    const v = await verifyBytes(await edited(edit));
    expect(v.status).toBe("modified");
    expect(v.message).toMatch(says);
    expect(v.message).not.toContain(ID);
  });
});
