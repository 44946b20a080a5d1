import ExcelJS from "exceljs";
import { readCsv } from "../../src/adapters/csv/read";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { gridToXlsx, safeSheetName, writeAnnotatedReport } from "../../src/adapters/xlsx/write-report";
import { cellKey } from "../../src/core/grid/types";
import type { Issue, Report } from "../../src/core/report/types";
import { rosterWorkbook } from "./fixtures";

function issue(partial: Partial<Issue> & Pick<Issue, "rule" | "severity" | "cell">): Issue {
  const m = /^([A-Z]+)(\d+)$/.exec(partial.cell);
  return {
    sheet: "花名册",
    row: m ? Number(m[2]) : 0,
    column: m?.[1] ?? "",
    message: "问题",
    hint: "建议",
    value: "",
    ...partial,
  };
}

function report(issues: Issue[]): Report {
  const count = (s: Issue["severity"]) => issues.filter((i) => i.severity === s).length;
  return {
    valid: count("error") === 0,
    pack: { id: "cn-national", version: "2025.1" },
    kind: "students",
    stats: { rows: 3, errors: count("error"), warnings: count("warning"), infos: count("info"), byRule: {} },
    issues,
  };
}

const ISSUES: Issue[] = [
  issue({
    rule: "id.stored-as-number",
    severity: "error",
    cell: "C5",
    message: "身份证号以数字存储，后三位已丢失",
    hint: "把该列设为文本后重新录入",
    value: "110101********1230",
  }),
  issue({ rule: "name.spaces", severity: "warning", cell: "B5", message: "姓名含空格", hint: "" }),
  issue({ rule: "bank.luhn", severity: "info", cell: "F6", message: "银行卡号校验未通过", value: "6222****3446" }),
  issue({ rule: "amount.total", severity: "warning", cell: "C5", message: "金额与标准不符" }),
  issue({ rule: "header.merged", severity: "info", cell: "C3", message: "表头合并单元格" }),
  issue({ rule: "row.duplicate", severity: "warning", cell: "", row: 6, column: "", message: "与第 5 行重复" }),
  issue({ rule: "sheet.title", severity: "info", cell: "", row: 0, column: "", message: "缺少标题" }),
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
}

function noteOf(cell: ExcelJS.Cell): string {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (!note) return "";
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

describe("writeAnnotatedReport", () => {
  let original: Uint8Array;
  let copy: Uint8Array;
  let output: Uint8Array;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    original = await rosterWorkbook();
    copy = original.slice();
    output = await writeAnnotatedReport(original, report(ISSUES));
    wb = await load(output);
  });

  test("the input bytes are untouched and a new file comes back", () => {
    expect(Buffer.from(original).equals(Buffer.from(copy))).toBe(true);
    expect(output).not.toBe(original);
    expect(output.length).toBeGreaterThan(0);
  });

  test("cells are filled by their worst severity; other cells of the same style stay as they were", () => {
    const ws = wb.getWorksheet("花名册");
    if (!ws) throw new Error("no sheet");
    expect(fillOf(ws.getCell("C5"))).toBe("FFFFC7CE");
    expect(fillOf(ws.getCell("B5"))).toBe("FFFFEB9C");
    expect(fillOf(ws.getCell("F6"))).toBe("FFDDEBF7");
    // F5 shares F6's "@" style in the original: it must not turn blue.
    expect(fillOf(ws.getCell("F5"))).toBeUndefined();
    expect(ws.getCell("F5").numFmt).toBe("@");
    expect(ws.getCell("F6").numFmt).toBe("@");
    // C3 is covered by the B3:C3 merge: the merge's top-left cell carries the mark.
    expect(fillOf(ws.getCell("B3"))).toBe("FFDDEBF7");
  });

  test("notes say [rule] message — hint, after any note already there", () => {
    const ws = wb.getWorksheet("花名册");
    if (!ws) throw new Error("no sheet");
    expect(noteOf(ws.getCell("C5"))).toBe(
      "[id.stored-as-number] 身份证号以数字存储，后三位已丢失 — 把该列设为文本后重新录入\n[amount.total] 金额与标准不符 — 建议",
    );
    expect(noteOf(ws.getCell("B5"))).toBe("家庭经济困难认定：特别困难\n[name.spaces] 姓名含空格");
  });

  test("the 校验结果 sheet comes first, with header, one row per issue and links to the cells", () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["校验结果", "花名册", "旧数据", "配置"]);
    const ws = wb.getWorksheet("校验结果");
    if (!ws) throw new Error("no sheet");
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["序号", "严重程度", "规则", "工作表", "单元格", "问题", "处理建议", "值(已脱敏)"]);
    expect(ws.rowCount).toBe(ISSUES.length + 1);
    const first = values(2);
    expect(first.slice(0, 4)).toEqual([1, "错误", "id.stored-as-number", "花名册"]);
    expect(first[5]).toBe("身份证号以数字存储，后三位已丢失");
    expect(first[7]).toBe("110101********1230");
    expect(ws.getCell("H2").numFmt).toBe("@");
    expect(ws.getCell("E2").value).toEqual({ formula: `HYPERLINK("#'花名册'!C5","C5")`, result: "C5" });
    // A whole-row issue links to the row; a whole-sheet issue has no cell.
    expect(ws.getCell("E7").value).toEqual({ formula: `HYPERLINK("#'花名册'!A6","第 6 行")`, result: "第 6 行" });
    expect(ws.getCell("E8").value).toBeNull();
    expect(values(3)[1]).toBe("警告");
    expect(values(4)[1]).toBe("提示");
    expect(fillOf(ws.getCell("B2"))).toBe("FFFFC7CE");
  });

  test("header frozen, auto-filter on, the results tab active and no other tab selected", () => {
    const ws = wb.getWorksheet("校验结果");
    if (!ws) throw new Error("no sheet");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:H8");
    expect(ws.getColumn(6).width).toBeGreaterThanOrEqual(30);
    expect(wb.views[0]?.activeTab).toBe(0);
    for (const other of wb.worksheets.filter((s) => s !== ws)) {
      expect((other.views?.[0] as { tabSelected?: boolean } | undefined)?.tabSelected ?? false).toBe(false);
    }
  });

  test("the result reads back with readXlsx; the original sheets' values are unchanged", async () => {
    const before = await readXlsx(original);
    const after = await readXlsx(output);
    if (!before.ok || !after.ok) throw new Error("read failed");
    const names = after.value.sheets.map((g) => g.name);
    expect(names).toEqual(["校验结果", "花名册", "旧数据", "配置"]);
    for (const grid of before.value.sheets) {
      const again = after.value.sheets.find((g) => g.name === grid.name);
      expect(again?.rows).toEqual(grid.rows);
      expect(again?.merges).toEqual(grid.merges);
      expect(again?.state).toEqual(grid.state);
      expect([...(again?.hiddenRows ?? [])]).toEqual([...grid.hiddenRows]);
    }
    const results = after.value.sheets[0];
    expect(results?.rows[1]?.[4]).toBe("C5");
    expect(results?.formulas.get(cellKey(1, 4))).toBe(`HYPERLINK("#'花名册'!C5","C5")`);
  });

  test("an existing 校验结果 sheet is kept; the new one is numbered; issues-last appends it", async () => {
    const first = await writeAnnotatedReport(original, report(ISSUES.slice(0, 1)));
    const second = await writeAnnotatedReport(first, report(ISSUES.slice(0, 1)), { sheetOrder: "issues-last" });
    const again = await load(second);
    expect(again.worksheets.map((ws) => ws.name)).toEqual(["校验结果", "花名册", "旧数据", "配置", "校验结果 (2)"]);
  });

  test("sheet names with apostrophes and spaces are quoted in links", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Tom's 名单").getCell("A1").value = "x";
    const bytes = new Uint8Array(await source.xlsx.writeBuffer());
    const out = await load(
      await writeAnnotatedReport(
        bytes,
        report([issue({ rule: "r", severity: "error", cell: "A1", sheet: "Tom's 名单" })]),
      ),
    );
    expect(out.getWorksheet("校验结果")?.getCell("E2").value).toEqual({
      formula: `HYPERLINK("#'Tom''s 名单'!A1","A1")`,
      result: "A1",
    });
  });

  test("issues on sheets or cells that do not exist are listed without a link", async () => {
    const out = await load(
      await writeAnnotatedReport(
        original,
        report([issue({ rule: "r", severity: "error", cell: "A1", sheet: "无此表" })]),
      ),
    );
    expect(out.getWorksheet("校验结果")?.getCell("E2").value).toBe("A1");
  });

  test("non-xlsx bytes are a caller bug and throw", async () => {
    await expect(writeAnnotatedReport(new Uint8Array(0), report([]))).rejects.toThrow("空文件");
  });
});

describe("gridToXlsx", () => {
  test("a CSV becomes a workbook whose IDs and card numbers stay text", async () => {
    const csv = readCsv(new TextEncoder().encode("姓名,身份证号,金额\n张三,110101200001011234,1000\n"), "名单");
    if (!csv.ok) throw new Error(csv.problem.message);
    const bytes = await gridToXlsx(csv.value);
    const back = await readXlsx(bytes);
    if (!back.ok) throw new Error(back.problem.message);
    const grid = back.value.sheets[0];
    expect(grid?.name).toBe("名单");
    expect(grid?.rows).toEqual([
      ["姓名", "身份证号", "金额"],
      // The amount is a number (a CSV's amount column is typed when read); the ID stays text.
      ["张三", "110101200001011234", 1000],
    ]);
    expect(grid?.formats.get(cellKey(1, 1))).toBe("@");
    // …and it can be annotated like any workbook.
    const annotated = await writeAnnotatedReport(
      bytes,
      report([issue({ rule: "id.checksum", severity: "error", cell: "B2", sheet: "名单" })]),
    );
    const wb = await load(annotated);
    expect(fillOf(wb.getWorksheet("名单")?.getCell("B2") as ExcelJS.Cell)).toBe("FFFFC7CE");
  });

  test("a roster read by readXlsx survives the round trip", async () => {
    const first = await readXlsx(await rosterWorkbook());
    if (!first.ok) throw new Error(first.problem.message);
    const second = await readXlsx(await gridToXlsx(first.value));
    if (!second.ok) throw new Error(second.problem.message);
    expect(second.value.properties).toEqual(first.value.properties);
    second.value.sheets.forEach((grid, i) => {
      const source = first.value.sheets[i];
      if (!source) throw new Error("sheet count differs");
      expect(grid.name).toBe(source.name);
      expect(grid.rows).toEqual(source.rows);
      // Every format survives; a long digit string (the text ID in C6) also gets "@" so edits keep it text.
      for (const [key, format] of source.formats) expect(grid.formats.get(key)).toBe(format);
      const added = [...grid.formats.keys()].filter((key) => !source.formats.has(key));
      expect(added).toEqual(source.name === "花名册" ? [cellKey(5, 2)] : []);
      expect([...grid.formulas].sort()).toEqual([...source.formulas].sort());
      expect(grid.merges).toEqual(source.merges);
      expect([...grid.hiddenRows]).toEqual([...source.hiddenRows]);
      expect([...grid.hiddenColumns]).toEqual([...source.hiddenColumns]);
      expect(grid.state).toBe(source.state);
      expect(grid.notes).toEqual(source.notes);
    });
  });

  test("safeSheetName makes names Excel accepts", () => {
    expect(safeSheetName("2025/秋季:名单[1]")).toBe("2025_秋季_名单_1_");
    expect(safeSheetName("'引号'")).toBe("引号");
    expect(safeSheetName("")).toBe("Sheet1");
    expect(safeSheetName("很".repeat(40))).toHaveLength(31);
  });
});
