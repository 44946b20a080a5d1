// SheetSpec → .xlsx through ExcelJS, read back with ExcelJS (and the raw XML where ExcelJS does not read).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import {
  addSheetsToCopy,
  addSpecToWorkbook,
  SheetConflictError,
  specsToWorkbook,
} from "../../src/adapters/xlsx/write-sheet";
import { cellKey, type CellValue } from "../../src/core/grid/types";
import { seedPack } from "../../src/core/policy";
import { buildSeal, SEAL_SHEET } from "../../src/core/sheets/seal";
import { emptySpec, type SheetSpec, type SpecFormula } from "../../src/core/sheets/spec";
import { landscapeA4, portraitA4, STYLE } from "../../src/core/sheets/styles";

const SAMPLE = join(__dirname, "..", "..", "samples", "一补花名册-示例.xlsx");
const ID = "110105194912310021";

/** A small 花名册 as a builder would make it: title, unit line, header on row 3, data, total with formulas. */
function rosterSpec(name = "花名册（格式化）"): SheetSpec {
  const rows: CellValue[][] = [
    ["某某学校2026年春季学期一补花名册", null, null, null, null],
    ["填报单位：某某学校", null, null, null, null],
    ["序号", "姓名", "身份证号", "补助金额（元）", "校验"],
    [1, "张三", ID, 312.5, ""],
    [2, "李四", "430321201601280714", 625, ""],
    ["合计", null, null, 937.5, null],
  ];
  const formulas = new Map<string, SpecFormula>([
    [cellKey(5, 3), { text: "SUM(D4:D5)" }],
    [cellKey(3, 4), { text: "ZIZHU.ID_ERROR(C4)", addin: true }],
  ]);
  return {
    ...emptySpec(name, "roster"),
    rows,
    formulas,
    styles: { title: STYLE.title, header: STYLE.header, cell: STYLE.cell, text: STYLE.text, money: STYLE.money },
    styleRanges: [
      { range: { top: 0, left: 0, bottom: 0, right: 4 }, style: "title" },
      { range: { top: 2, left: 0, bottom: 2, right: 4 }, style: "header" },
      { range: { top: 3, left: 0, bottom: 5, right: 4 }, style: "cell" },
      { range: { top: 3, left: 2, bottom: 5, right: 2 }, style: "text" },
      { range: { top: 3, left: 3, bottom: 5, right: 3 }, style: "money" },
    ],
    merges: [
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 1, left: 0, bottom: 1, right: 4 },
    ],
    columnWidths: [6, 10, 22, 14, 20],
    rowHeights: new Map([[0, 30]]),
    freeze: { rows: 3, columns: 0 },
    print: landscapeA4({ from: 2, to: 2 }),
    rowBreaks: [3],
    state: "visible",
  };
}

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function sheetXml(bytes: Uint8Array, index: number): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(`xl/worksheets/sheet${index}.xml`);
  if (!file) throw new Error(`no sheet${index}.xml`);
  return file.async("string");
}

describe("specsToWorkbook: a spec round trip", () => {
  let bytes: Uint8Array;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    bytes = await specsToWorkbook([rosterSpec()]);
    const wb = await reload(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["花名册（格式化）"]);
    ws = wb.worksheets[0] as ExcelJS.Worksheet;
  });

  test("values; digit strings stay text under @", () => {
    expect(ws.getCell("A1").value).toBe("某某学校2026年春季学期一补花名册");
    expect(ws.getCell("C4").value).toBe(ID);
    expect(ws.getCell("C4").numFmt).toBe("@");
    expect(ws.getCell("D4").value).toBe(312.5);
    expect(ws.getCell("D4").numFmt).toBe("#,##0.00");
  });

  test("formulas with their results; add-in formulas as values only", () => {
    expect(ws.getCell("D6").value).toEqual({ formula: "SUM(D4:D5)", result: 937.5 });
    expect(ws.getCell("E4").value).toBe("");
    expect(ws.getCell("E4").formula).toBeFalsy();
  });

  test("merges", () => {
    const merges = (ws.model as { merges: string[] }).merges;
    expect([...merges].sort()).toEqual(["A1:E1", "A2:E2"]);
    expect(ws.getCell("C1").isMerged).toBe(true);
  });

  test("fonts with the GB2312 charset, borders, fills, alignment", () => {
    const title = ws.getCell("A1");
    expect(title.font).toEqual(expect.objectContaining({ name: "宋体", size: 16, bold: true, charset: 134 }));
    expect(title.alignment).toEqual(expect.objectContaining({ horizontal: "center", vertical: "middle" }));
    const header = ws.getCell("B3");
    expect(header.font).toEqual(expect.objectContaining({ name: "宋体", size: 11, bold: true, charset: 134 }));
    expect(header.fill).toEqual(
      expect.objectContaining({ type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } }),
    );
    expect(header.alignment?.wrapText).toBe(true);
    for (const side of ["top", "left", "bottom", "right"] as const) {
      expect(ws.getCell("C5").border?.[side]?.style).toBe("thin");
      expect(header.border?.[side]?.style).toBe("thin");
    }
    // A later range's properties win, earlier ones stay: the money column keeps the cell font and border.
    expect(ws.getCell("D5").font?.size).toBe(10);
    expect(ws.getCell("D5").alignment?.horizontal).toBe("right");
    expect(ws.getCell("A1").border?.top).toBeUndefined();
  });

  test("widths, heights, frozen header", () => {
    expect(ws.getColumn(3).width).toBe(22);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.views[0]).toEqual(expect.objectContaining({ state: "frozen", ySplit: 3, xSplit: 0 }));
  });

  test("print setup: A4 landscape, fit to one page wide, title row 3 repeated, footer", () => {
    expect(ws.pageSetup).toEqual(
      expect.objectContaining({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "3:3",
        horizontalCentered: true,
      }),
    );
    expect(ws.pageSetup.margins).toEqual({ left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 });
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
  });

  test("row breaks (in the sheet XML: ExcelJS does not read them back)", async () => {
    const xml = await sheetXml(bytes, 1);
    expect(xml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"\/><\/rowBreaks>/);
  });
});

describe("addSpecToWorkbook", () => {
  test("add-in formulas are written as formulas when asked", async () => {
    const wb = new ExcelJS.Workbook();
    addSpecToWorkbook(wb, rosterSpec(), { addinFormulas: true });
    const back = await reload(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(back.worksheets[0]?.getCell("E4").value).toEqual(expect.objectContaining({ formula: "ZIZHU.ID_ERROR(C4)" }));
  });

  test("a taken name gets (2); replace swaps our own sheet; veryHidden; activate", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("花名册").getCell("A1").value = "用户的表";
    expect(addSpecToWorkbook(wb, rosterSpec("花名册"))).toBe("花名册 (2)");
    const seal = await sampleSealSpec();
    expect(addSpecToWorkbook(wb, seal)).toBe("校验凭证");
    expect(addSpecToWorkbook(wb, { ...seal, rows: [["新"], ...seal.rows.slice(1)] }, { replace: true })).toBe(
      "校验凭证",
    );
    const summary = { ...emptySpec("汇总表", "summary"), rows: [["x"]], activate: true };
    addSpecToWorkbook(wb, summary);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const back = await reload(bytes);
    expect(back.worksheets.map((w) => w.name)).toEqual(["花名册", "花名册 (2)", "校验凭证", "汇总表"]);
    expect(back.getWorksheet("花名册")?.getCell("A1").value).toBe("用户的表");
    expect(back.getWorksheet("校验凭证")?.state).toBe("veryHidden");
    expect(back.getWorksheet("校验凭证")?.getCell("A1").value).toBe("新");
    expect(back.views[0]?.activeTab).toBe(3);
    const read = await readXlsx(bytes);
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.value.sheets.find((s) => s.name === "校验凭证")?.state).toBe("veryHidden");
  });

  test("a portrait form with one page per form: breaks after each form", async () => {
    const spec: SheetSpec = {
      ...emptySpec("申请表", "forms"),
      rows: Array.from({ length: 30 }, (_, r) => [`第${r + 1}行`]),
      print: portraitA4(),
      rowBreaks: [9, 19],
    };
    const bytes = await specsToWorkbook([spec]);
    const ws = (await reload(bytes)).worksheets[0] as ExcelJS.Worksheet;
    expect(ws.pageSetup.orientation).toBe("portrait");
    expect(ws.pageSetup.paperSize).toBe(9);
    const xml = await sheetXml(bytes, 1);
    expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => m[1])).toEqual(["10", "20"]);
  });
});

/** The real seal of the sample roster, as buildSeal makes it. */
async function sampleSealSpec(): Promise<SheetSpec> {
  const read = await readXlsx(readFileSync(SAMPLE));
  if (!read.ok) throw new Error(read.problem.message);
  const sealed = buildSeal(read.value, {
    pack: seedPack(),
    today: { y: 2026, m: 11, d: 28 },
    now: "2026-11-28T10:30:00+08:00",
    tool: "0.1.0",
  });
  if (!sealed.ok) throw new Error(sealed.problem.message);
  return sealed.value.built.spec;
}

describe("replace never deletes a user's sheet", () => {
  test.each<[string, (wb: ExcelJS.Workbook, seal: SheetSpec) => void]>([
    [
      "a visible sheet of the user's called 校验凭证",
      (wb) => {
        wb.addWorksheet(SEAL_SHEET).getCell("A1").value = "我的备忘";
      },
    ],
    [
      "a hidden (not very hidden) copy of our seal",
      (wb, seal) => {
        addSpecToWorkbook(wb, { ...seal, state: "visible" });
        const copy = wb.getWorksheet(SEAL_SHEET);
        if (copy) copy.state = "hidden";
      },
    ],
    [
      "a very hidden sheet that holds no seal",
      (wb) => {
        wb.addWorksheet(SEAL_SHEET, { state: "veryHidden" }).getCell("A1").value = "宏写的隐藏表";
      },
    ],
  ])("%s: SheetConflictError with the Chinese message, the workbook unchanged", async (_, prepare) => {
    const seal = await sampleSealSpec();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("花名册").getCell("A1").value = "用户的表";
    prepare(wb, seal);
    const before = wb.worksheets.map((w) => [w.name, w.state, w.getCell("A1").value]);
    let thrown: unknown;
    try {
      addSpecToWorkbook(wb, seal, { replace: true });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SheetConflictError);
    expect((thrown as Error).message).toBe(
      "工作簿中已有名为“校验凭证”的工作表，不是资助助手写入的凭证，未覆盖；请改名后再试",
    );
    expect(wb.worksheets.map((w) => [w.name, w.state, w.getCell("A1").value])).toEqual(before);
  });

  test("addSheetsToCopy passes the conflict on; the original bytes are untouched", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(SEAL_SHEET).getCell("A1").value = "我的备忘";
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(addSheetsToCopy(input, [await sampleSealSpec()], { replace: true })).rejects.toThrow(
      SheetConflictError,
    );
  });
});

describe("addSheetsToCopy", () => {
  test("the input bytes stay byte-identical; the original sheets keep their values", async () => {
    const input = new Uint8Array(readFileSync(SAMPLE));
    const copy = new Uint8Array(input);
    const before = await readXlsx(input);
    if (!before.ok) throw new Error(before.problem.message);
    const { bytes, names } = await addSheetsToCopy(input, [rosterSpec("一补花名册"), rosterSpec("汇总表")]);
    expect(Buffer.from(input).equals(Buffer.from(copy))).toBe(true);
    expect(names).toEqual(["一补花名册 (2)", "汇总表"]);
    const after = await readXlsx(bytes);
    if (!after.ok) throw new Error(after.problem.message);
    expect(after.value.sheets.map((s) => s.name)).toEqual(["一补花名册", "一补花名册 (2)", "汇总表"]);
    const original = before.value.sheets[0];
    const kept = after.value.sheets[0];
    expect(kept?.rows).toEqual(original?.rows);
    expect(kept?.merges).toEqual(original?.merges);
    expect(kept?.formulas).toEqual(original?.formulas);
  });
});
