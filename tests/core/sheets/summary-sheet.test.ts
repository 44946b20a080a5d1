// 生成汇总表: every cached value is checked twice — against a small, independent evaluator of the
// formulas the sheet carries (COUNTIFS/SUMIFS with Excel's criteria rules, applied to the original
// grid), and against a plain group-by over the people's rows.
import { cellKey, makeGrid, type CellValue, type Grid } from "../../../src/core/grid/types";
import { rmbUppercase } from "../../../src/core/money";
import { seedPack } from "../../../src/core/policy";
import { type RosterSource } from "../../../src/core/sheets/source";
import { styleAt, type BuiltSheet, type SheetSpec } from "../../../src/core/sheets/spec";
import {
  buildSummarySheet,
  SUMMARY_HEADER,
  SUMMARY_SHEET_NAME,
  type SummaryOptions,
} from "../../../src/core/sheets/summary-sheet";
import { sampleSource as sample, sourceOf } from "./samples";

const TODAY = { y: 2026, m: 11, d: 29 };
const pack = seedPack();
const options = (extra: Partial<SummaryOptions> = {}): SummaryOptions => ({ pack, today: TODAY, ...extra });

const gridSource = (grid: Grid): RosterSource => sourceOf({ sheets: [grid], properties: {} });

function build(source: RosterSource, opts: SummaryOptions = options()): BuiltSheet {
  const before = structuredClone(source.grid);
  const r = buildSummarySheet(source, opts);
  expect(source.grid).toEqual(before);
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

// --- An independent evaluator of the formulas, with Excel's rules ---------------------------------

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Top-level arguments of a function call, split on commas outside quotes. */
function args(inner: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote: string | null = null;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner.charAt(i);
    if (quote) {
      cur += ch;
      if (ch === quote) {
        if (inner.charAt(i + 1) === quote) cur += inner.charAt(++i);
        else quote = null;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

interface Ref {
  sheet: string;
  col: number;
  top: number;
  bottom: number;
}

function ref(text: string): Ref {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(text);
  if (!m || m[2] !== m[4]) throw new Error(`not a column range: ${text}`);
  return {
    sheet: (m[1] ?? "").replace(/''/g, "'"),
    col: colIndex(m[2] ?? ""),
    top: Number(m[3]) - 1,
    bottom: Number(m[5]) - 1,
  };
}

function literal(text: string): string {
  if (!/^".*"$/s.test(text)) throw new Error(`not a string: ${text}`);
  return text.slice(1, -1).replace(/""/g, '"');
}

const empty = (v: CellValue | undefined): boolean => v === null || v === undefined || v === "";

/** Excel's COUNTIFS criterion test for text criteria: =, <>, wildcards * ? with ~ escapes, any case. */
function criterionMatches(v: CellValue | undefined, criterion: string): boolean {
  if (criterion === "") return empty(v);
  let op = "=";
  let rest = criterion;
  if (criterion.startsWith("<>")) {
    op = "<>";
    rest = criterion.slice(2);
  } else if (criterion.startsWith("=")) rest = criterion.slice(1);
  else if (/^[<>]/.test(criterion)) throw new Error(`unsupported criterion ${criterion}`);
  if (rest === "") return op === "=" ? empty(v) : !empty(v);
  let pattern = "";
  for (let i = 0; i < rest.length; i++) {
    const ch = rest.charAt(i);
    if (ch === "~" && i + 1 < rest.length) pattern += rest.charAt(++i).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "*") pattern += ".*";
    else if (ch === "?") pattern += ".";
    else pattern += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  const text = empty(v) ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
  const m = new RegExp(`^${pattern}$`, "isu").test(text);
  return op === "=" ? m : !m;
}

function conditional(grid: Grid, pairs: string[], sumRange: Ref | null): number {
  const conds: { ref: Ref; criterion: string }[] = [];
  for (let i = 0; i < pairs.length; i += 2)
    conds.push({ ref: ref(pairs[i] ?? ""), criterion: literal(pairs[i + 1] ?? "") });
  const first = conds[0]?.ref ?? sumRange;
  if (!first) throw new Error("no range");
  let total = 0;
  for (let k = 0; k <= first.bottom - first.top; k++) {
    const ok = conds.every((c) => {
      expect(c.ref.sheet).toBe(grid.name);
      expect([c.ref.top, c.ref.bottom]).toEqual([first.top, first.bottom]);
      return criterionMatches(grid.rows[c.ref.top + k]?.[c.ref.col], c.criterion);
    });
    if (!ok) continue;
    if (!sumRange) total++;
    else {
      const v = grid.rows[sumRange.top + k]?.[sumRange.col];
      if (typeof v === "number") total += v;
    }
  }
  return total;
}

function local(spec: SheetSpec, address: string): CellValue | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(address);
  return spec.rows[Number(m[2]) - 1]?.[colIndex(m[1] ?? "")];
}

function localSum(spec: SheetSpec, arg: string): number {
  const range = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(arg);
  const cells: CellValue[] = [];
  if (range) {
    for (let r = Number(range[2]) - 1; r <= Number(range[4]) - 1; r++)
      for (let c = colIndex(range[1] ?? ""); c <= colIndex(range[3] ?? ""); c++) cells.push(spec.rows[r]?.[c] ?? null);
  } else cells.push(local(spec, arg) ?? null);
  return cells.reduce<number>((s, v) => (typeof v === "number" ? s + v : s), 0);
}

const cents = (v: number): number => Math.round(v * 100) / 100;

function evaluate(spec: SheetSpec, grid: Grid, text: string): CellValue {
  let m: RegExpExecArray | null;
  if ((m = /^COUNTIFS\((.*)\)$/s.exec(text))) return conditional(grid, args(m[1] ?? ""), null);
  if ((m = /^SUMIFS\((.*)\)(\*10000)?$/s.exec(text))) {
    const [sum, ...rest] = args(m[1] ?? "");
    return cents(conditional(grid, rest, ref(sum ?? "")) * (m[2] ? 10000 : 1));
  }
  if ((m = /^SUM\((.*)\)$/.exec(text))) return cents(args(m[1] ?? "").reduce((s, a) => s + localSum(spec, a), 0));
  if ((m = /^IF\(([A-Z]+\d+)>([A-Z]+\d+),"超额",""\)$/.exec(text)))
    return (local(spec, m[1] ?? "") as number) > (local(spec, m[2] ?? "") as number) ? "超额" : "";
  if ((m = /^ZIZHU\.RMB\(([A-Z]+\d+)\)$/.exec(text))) {
    const r = rmbUppercase(local(spec, m[1] ?? ""));
    return r.ok ? r.value : "";
  }
  throw new Error(`unexpected formula ${text}`);
}

/** Every formula's cached value is what the formula computes. */
function expectFormulasHold(built: BuiltSheet, grid: Grid): void {
  for (const [key, f] of built.spec.formulas) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    expect([key, evaluate(built.spec, grid, f.text)]).toEqual([key, built.spec.rows[r]?.[c]]);
  }
}

// --- An independent group-by over the people ---------------------------------------------------

interface Expected {
  program: string;
  stage: string;
  hardship: string;
  count: number;
  amount: number;
}

/** Per combination of the dimension columns' text (any case), over the given rows. */
function groupBy(source: RosterSource, rows: readonly number[], scale = 1): Expected[] {
  const { program, stage, hardship, amount } = source.layout.fieldColumns;
  const out = new Map<string, Expected>();
  const text = (r: number, c: number | undefined): string | null =>
    c === undefined ? null : String(source.grid.rows[r]?.[c] ?? "");
  for (const r of rows) {
    const dims = [text(r, program), text(r, stage), text(r, hardship)];
    const key = dims.map((d) => d?.toLowerCase()).join("|");
    const shown = (d: string | null): string => (d === null ? "—" : d.trim() === "" ? "（空白）" : d.trim());
    const e = out.get(key) ?? {
      program: shown(dims[0] ?? null),
      stage: shown(dims[1] ?? null),
      hardship: shown(dims[2] ?? null),
      count: 0,
      amount: 0,
    };
    e.count++;
    const v = amount === undefined ? null : source.grid.rows[r]?.[amount];
    if (typeof v === "number") e.amount += v;
    out.set(key, e);
  }
  return [...out.values()].map((e) => ({ ...e, amount: cents(e.amount * scale) }));
}

/** The combination rows of the sheet (not 小计/总计). */
function combinationRows(spec: SheetSpec): Expected[] {
  const out: Expected[] = [];
  for (let r = 3; r < spec.rows.length; r++) {
    const row = spec.rows[r] ?? [];
    if (row[0] === "总计") break;
    if (row[1] === "小计") continue;
    out.push({
      program: row[0] as string,
      stage: row[1] as string,
      hardship: row[2] as string,
      count: row[3] as number,
      amount: row[4] as number,
    });
  }
  return out;
}

const byKey = (a: Expected, b: Expected): number =>
  `${a.program}|${a.stage}|${a.hardship}` < `${b.program}|${b.stage}|${b.hardship}` ? -1 : 1;

function rowOf(spec: SheetSpec, first: string, second?: string): number {
  const r = spec.rows.findIndex((row) => row[0] === first && (second === undefined || row[1] === second));
  if (r < 0) throw new Error(`no row ${first} ${second ?? ""}`);
  return r;
}

// --- Tests -----------------------------------------------------------------------------------------

describe("the committed samples", () => {
  test.each([
    [
      "一补花名册-示例.xlsx",
      "某某县某某镇中心学校",
      "某某县某某镇中心学校2026年春季学期义务教育家庭经济困难学生生活补助汇总表",
    ],
    ["一补花名册-两行表头.xlsx", "____________", "2026年秋季学期义务教育家庭经济困难学生生活补助汇总表"],
    ["特困教师-示例.xlsx", "某某县教育局", "某某县教育局2026年省级特困教师资助汇总表"],
  ])("%s: cached values = the formulas = a plain group-by", async (file, unit, title) => {
    const source = await sample(file);
    const built = build(source, options({ enrolled: 100 }));
    const { spec } = built;
    // The period comes from the original's title (春季学期), not from today (November: 秋季学期).
    expect(spec.rows[0]?.[0]).toBe(title);
    expect(spec.rowHeights.get(0)).toBe(30);
    expect(spec.name).toBe(SUMMARY_SHEET_NAME);
    expect(spec.kind).toBe("summary");
    expect(spec.rows[2]).toEqual([...SUMMARY_HEADER]);
    expect(spec.rows[1]?.[0]).toBe(`填报单位（盖章）：${unit}`);
    expect(spec.rows[1]).toContain("填报日期：2026年11月29日");
    expect(spec.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 6 });
    expectFormulasHold(built, source.grid);

    const expected = groupBy(source, source.layout.dataRows);
    const got = combinationRows(spec);
    // A program without its own column shows the sheet's program; compare the rest.
    if (source.layout.fieldColumns.program === undefined) for (const e of expected) e.program = got[0]?.program ?? "";
    expect([...got].sort(byKey)).toEqual(expected.sort(byKey));

    const total = rowOf(spec, "总计");
    const people = source.layout.dataRows.length;
    expect(spec.rows[total]?.[3]).toBe(people);
    const amount = cents(expected.reduce((s, e) => s + e.amount, 0));
    expect(spec.rows[total]?.[4]).toBe(amount);
    const rmb = rmbUppercase(amount);
    expect(spec.rows[total + 1]?.[0]).toBe("总计金额（大写）：");
    expect(spec.rows[total + 1]?.[3]).toBe(rmb.ok ? rmb.value : null);
    expect(spec.formulas.get(cellKey(total + 1, 3))).toEqual({ text: `ZIZHU.RMB(E${total + 1})`, addin: true });
    expect(spec.merges).toContainEqual({ top: total + 1, left: 3, bottom: total + 1, right: 6 });

    // House style.
    expect(styleAt(spec, 0, 0)).toMatchObject({ font: { name: "宋体", size: 16, bold: true } });
    expect(styleAt(spec, 2, 3)).toMatchObject({ border: true, font: { bold: true } });
    expect(styleAt(spec, 3, 4)).toMatchObject({ border: true, numFmt: "#,##0.00", font: { name: "宋体" } });
    expect(styleAt(spec, total, 0)).toMatchObject({ border: true, font: { bold: true } });
    expect(styleAt(spec, total + 3, 0).font?.name).toBe("仿宋");
    expect(spec.freeze).toEqual({ rows: 3, columns: 0 });
    expect(spec.print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      titleRows: { from: 2, to: 2 },
      centerFooter: "第 &P 页 共 &N 页",
    });
    expect(spec.columnWidths).toHaveLength(7);
  });

  test("一补: the formulas name the original sheet and columns", async () => {
    const source = await sample("一补花名册-示例.xlsx");
    const { spec } = build(source);
    expect(spec.rows[3]?.slice(0, 3)).toEqual(["一补", "小学", "事实无人抚养儿童"]);
    expect(spec.formulas.get(cellKey(3, 3))?.text).toBe(
      "COUNTIFS('一补花名册'!$L$4:$L$43,\"=一补\",'一补花名册'!$F$4:$F$43,\"=小学\"," +
        "'一补花名册'!$I$4:$I$43,\"=事实无人抚养儿童\",'一补花名册'!$B$4:$B$43,\"<>\")",
    );
    expect(spec.formulas.get(cellKey(3, 4))?.text).toMatch(/^SUMIFS\('一补花名册'!\$M\$4:\$M\$43,'一补花名册'!\$L\$4/);
    // Sorted by program, then stage (小学 before 初中), then hardship.
    const stages = combinationRows(spec).map((e) => e.stage);
    expect(stages.indexOf("初中")).toBeGreaterThan(stages.lastIndexOf("小学"));
  });

  test("teachers: no 学段/困难类型 columns — shown as —, left out of the criteria, noted", async () => {
    const source = await sample("特困教师-示例.xlsx");
    const { spec, notes } = build(source);
    expect(spec.rows[3]).toEqual(["省级特困教师资助", "—", "—", 10, 100000, null, null]);
    expect(spec.formulas.get(cellKey(3, 3))?.text).toBe("COUNTIFS('省级特困教师'!$B$4:$B$13,\"<>\")");
    expect(spec.rows[4]?.[5]).toBe("—");
    expect(notes).toEqual([
      "“省级特困教师”没有“学段”列，汇总表该栏显示“—”，不按学段分组。",
      "“省级特困教师”没有“困难类型”列，汇总表该栏显示“—”，不按困难类型分组。",
    ]);
  });
});

describe("quota", () => {
  test.each([
    // enrolled, 名额上限, 是否超额
    [100, 25, "超额"],
    [160, 40, ""],
    [159, 39, "超额"],
    [1000, 250, ""],
  ])("一补 with %i enrolled: quota %s", async (enrolled, quota, over) => {
    const source = await sample("一补花名册-示例.xlsx");
    const built = build(source, options({ enrolled }));
    const r = rowOf(built.spec, "一补", "小计");
    expect(built.spec.rows[r]?.slice(3)).toEqual([40, 18000, quota, over]);
    expect(built.spec.formulas.get(cellKey(r, 6))?.text).toBe(`IF(D${r + 1}>F${r + 1},"超额","")`);
    expect(built.notes.some((n) => n.includes("超过名额上限"))).toBe(over === "超额");
    expectFormulasHold(built, source.grid);
  });

  test("without the enrolled count: 未提供在校人数 and a note", async () => {
    const { spec, notes } = build(await sample("一补花名册-示例.xlsx"));
    const r = rowOf(spec, "一补", "小计");
    expect(spec.rows[r]?.[5]).toBe("未提供在校人数");
    expect(spec.rows[r]?.[6]).toBeNull();
    expect(spec.formulas.has(cellKey(r, 6))).toBe(false);
    expect(notes.some((n) => n.includes("没有提供在校学生数"))).toBe(true);
  });
});

const HEADER = ["序号", "姓名", "身份证号", "资助项目", "学段", "困难类型", "补助金额（元）"];
let serial = 0;
const p = (
  program: CellValue,
  stage: CellValue,
  hardship: CellValue,
  amount: CellValue,
  name?: string,
): CellValue[] => {
  serial++;
  return [serial, name ?? `学生${serial}`, `43038120150101${String(1000 + serial)}`, program, stage, hardship, amount];
};

describe("a synthetic roster with a 小计 row inside, wildcards, blanks, case and text amounts", () => {
  serial = 0;
  const rows: CellValue[][] = [
    ["XX学校2026年秋季学期资助汇总"],
    HEADER,
    p("一补", "小学", "低保", 500),
    p("一补", "小学", "低保", 500),
    p("一补", "初中", "建档立卡", 625),
    p("一补", "小学", "低保*", 500),
    p("一补", "小学", null, 500),
    // A 小计 row that repeats its category: COUNTIFS would count it without the "<>小计" criterion.
    [null, "小计", null, "一补", "小学", "低保", 2625],
    p("营养餐", "小学", "低保", 800),
    p("营养餐", "初中", "建档立卡", "８００"),
    p("yibu", "小学", "低保", 250),
    p("YIBU", "小学", "低保", 250),
    p("一补", "小学", "低保", 250),
    ["合计", null, null, null, null, null, 4975],
    ["填表人："],
  ];
  const source = gridSource(makeGrid("花名册", rows));
  const built = build(source, options({ enrolled: 20 }));
  const { spec, notes } = built;

  test("the layout sees the 小计 row inside the data span", () => {
    expect(source.layout.totalRows).toContain(7);
    expect(source.layout.dataRows[0]).toBe(2);
    expect(source.layout.dataRows.at(-1)).toBe(12);
  });

  test("the criteria exclude the 小计 row, and the formulas reproduce the cached values", () => {
    const f = spec.formulas.get(cellKey(3, 3))?.text ?? "";
    expect(f).toContain(`'花名册'!$B$3:$B$13,"<>"`);
    expect(f).toContain(`'花名册'!$B$3:$B$13,"<>小计"`);
    expectFormulasHold(built, source.grid);
  });

  test("cached values equal a plain group-by over the people", () => {
    const expected = groupBy(source, source.layout.dataRows);
    expect([...combinationRows(spec)].sort(byKey)).toEqual(expected.sort(byKey));
    const total = rowOf(spec, "总计");
    expect(spec.rows[total]?.slice(3, 5)).toEqual([10, 4175]);
  });

  test("a * in the data is escaped, a blank is matched with the blank criterion", () => {
    const star = rowOf(spec, "一补", "小学");
    const texts = [...spec.formulas.values()].map((f) => f.text);
    expect(texts.some((t) => t.includes('"=低保~*"'))).toBe(true);
    expect(texts.some((t) => t.includes(`'花名册'!$F$3:$F$13,""`))).toBe(true);
    expect(combinationRows(spec).find((e) => e.hardship === "低保*")?.count).toBe(1);
    expect(combinationRows(spec).find((e) => e.hardship === "（空白）")?.count).toBe(1);
    expect(star).toBeGreaterThan(2);
  });

  test("COUNTIFS ignores case: yibu and YIBU are one group, 一补 another", () => {
    const yibu = combinationRows(spec).filter((e) => e.program.toLowerCase() === "yibu");
    expect(yibu).toEqual([{ program: "yibu", stage: "小学", hardship: "低保", count: 2, amount: 500 }]);
    // Both raw texts name 一补, whose quota applies to each group: 20 × 25% = 5.
    expect(spec.rows[rowOf(spec, "yibu", "小计")]?.slice(3)).toEqual([2, 500, 5, ""]);
    expect(spec.rows[rowOf(spec, "一补", "小计")]?.slice(3)).toEqual([6, 2875, 5, "超额"]);
    // 营养餐 has no quota.
    expect(spec.rows[rowOf(spec, "营养餐", "小计")]?.slice(3)).toEqual([2, 800, "—", null]);
  });

  test("sorted by program, then stage, then hardship; a 小计 per program", () => {
    const order = spec.rows
      .slice(3, rowOf(spec, "总计"))
      .map((r) => `${r[0] as string}/${r[1] as string}/${r[2] as string}`);
    expect(order).toEqual([
      "yibu/小学/低保",
      "yibu/小计/null",
      "一补/小学/低保",
      "一补/小学/低保*",
      "一补/小学/（空白）",
      "一补/初中/建档立卡",
      "一补/小计/null",
      "营养餐/小学/低保",
      "营养餐/初中/建档立卡",
      "营养餐/小计/null",
    ]);
    const total = rowOf(spec, "总计");
    expect(spec.formulas.get(cellKey(total, 3))?.text).toBe("SUM(D5,D10,D13)");
    expect(spec.merges).toContainEqual({ top: 4, left: 1, bottom: 4, right: 2 });
  });

  test("the text amount is noted (SUMIFS skips it)", () => {
    expect(notes.some((n) => n.startsWith("花名册!G10 的金额是文本"))).toBe(true);
  });
});

describe("edge cases", () => {
  test("a person with no name but an ID: left out by the formulas, and said so", () => {
    serial = 0;
    const rows = [
      HEADER,
      p("一补", "小学", "低保", 500),
      p("一补", "小学", "低保", 500, ""),
      p("一补", "小学", "低保", 500),
    ];
    rows[3] = [3, "学生3", null, "一补", "小学", "低保", 500];
    const source = gridSource(makeGrid("花名册", rows));
    const built = build(source);
    expectFormulasHold(built, source.grid);
    expect(built.spec.rows[3]?.slice(3, 5)).toEqual([2, 1000]);
    expect(built.notes).toContain("花名册!B3 的姓名为空，汇总表的公式不计入这些行；请在原表补全后重新生成。");
  });

  test("a 万元 amount column: SUMIFS × 10000", () => {
    const source = gridSource(
      makeGrid("花名册", [
        ["姓名", "身份证号", "资助项目", "资助金额（万元）"],
        ["甲", "430381201501011234", "一补", 0.05],
        ["乙", "430381201501011235", "一补", 0.125],
      ]),
    );
    const built = build(source);
    expect(built.spec.rows[3]?.slice(0, 5)).toEqual(["一补", "—", "—", 2, 1750]);
    expect(built.spec.formulas.get(cellKey(3, 4))?.text).toMatch(/^SUMIFS\(.*\)\*10000$/);
    expect(built.spec.rows[rowOf(built.spec, "总计金额（大写）：")]?.[3]).toBe("壹仟柒佰伍拾元整");
    expectFormulasHold(built, source.grid);
    expect(built.notes.some((n) => n.includes("万元"))).toBe(true);
  });

  test("no program column: the --program option names it, and its quota applies", () => {
    const source = gridSource(
      makeGrid("Sheet1", [
        ["姓名", "身份证号", "学段", "补助金额"],
        ["甲", "430381201501011234", "高中", 1000],
      ]),
    );
    const built = build(source, options({ program: "普高助学金", enrolled: 50 }));
    expect(built.spec.rows[3]?.slice(0, 4)).toEqual(["普通高中国家助学金", "高中", "—", 1]);
    expect(built.spec.rows[4]?.slice(5)).toEqual([7, ""]);
    expectFormulasHold(built, source.grid);
  });

  test("no amount column: counts only, a note", () => {
    const source = gridSource(
      makeGrid("花名册", [
        ["姓名", "身份证号", "学段"],
        ["甲", "430381201501011234", "小学"],
      ]),
    );
    const built = build(source);
    expect(built.spec.rows[3]?.slice(1, 5)).toEqual(["小学", "—", 1, null]);
    expect(built.notes.some((n) => n.includes("没有金额列"))).toBe(true);
    expectFormulasHold(built, source.grid);
  });

  test("100 000 rows", () => {
    const n = 100_000;
    const rows: CellValue[][] = [["XX学校资助花名册"], HEADER];
    for (let i = 1; i <= n; i++)
      rows.push([
        i,
        `学生${i}`,
        "430381201501011234",
        i % 3 ? "一补" : "营养餐",
        i % 2 ? "小学" : "初中",
        "低保",
        i % 2 ? 500 : 250,
      ]);
    const source = gridSource(makeGrid("花名册", rows));
    const { spec } = build(source);
    expect([...combinationRows(spec)].sort(byKey)).toEqual(groupBy(source, source.layout.dataRows).sort(byKey));
    const total = rowOf(spec, "总计");
    expect(spec.rows[total]?.slice(3, 5)).toEqual([n, (n / 2) * 750]);
    expect(spec.formulas.get(cellKey(3, 3))?.text).toContain(`$D$3:$D$${n + 2}`);
  });

  test("a roster with no data rows is a problem", () => {
    const r = buildSummarySheet(gridSource(makeGrid("花名册", [["姓名", "身份证号", "金额"]])), options());
    expect(r.ok).toBe(false);
  });
});
