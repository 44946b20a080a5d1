// 生成公示表: only 三公开 columns, no personal data anywhere on the sheet (checked with the
// privacy scanner in notice mode), a 公示期 of working days with holidays and 调休, a 合计 row.
import { noticeEnd } from "../../../src/core/calendar";
import { cellKey, makeGrid, type CellValue, type WorkbookData } from "../../../src/core/grid/types";
import { seedPack } from "../../../src/core/policy";
import { scanSheet } from "../../../src/core/privacy";
import { buildNoticeSheet, labelledContact, type NoticeOptions } from "../../../src/core/sheets/notice-sheet";
import { chineseDate, findRosterSource, type RosterSource } from "../../../src/core/sheets/source";
import type { SheetSpec } from "../../../src/core/sheets/spec";
import { loadSample as load, sourceOf } from "./samples";

const TODAY = { y: 2026, m: 11, d: 30 };
const BASE: NoticeOptions = { pack: seedPack(), today: TODAY };

function build(source: RosterSource, options: Partial<NoticeOptions> = {}): { spec: SheetSpec; notes: string[] } {
  const r = buildNoticeSheet(source, { ...BASE, ...options });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

function headerRowOf(spec: SheetSpec): number {
  return spec.rows.findIndex((r) => r[0] === "序号");
}

function findings(spec: SheetSpec) {
  const grid = makeGrid(spec.name, spec.rows, { merges: [...spec.merges] });
  return scanSheet(grid, { mode: "notice", headerRow: headerRowOf(spec) });
}

function allText(spec: SheetSpec): string {
  return spec.rows.map((r) => r.map((v) => String(v ?? "")).join("|")).join("\n");
}

// Raw identifiers of a roster, so the test can assert none reached the notice.
function identifiers(source: RosterSource): string[] {
  const out: string[] = [];
  for (const r of source.layout.dataRows) {
    for (const v of source.grid.rows[r] ?? []) {
      const s = typeof v === "number" ? String(v) : typeof v === "string" ? v : "";
      if (/\d{6,}/.test(s)) out.push(s.match(/\d{6,}/)?.[0] ?? "");
    }
  }
  return out;
}

const SAMPLE_FILES = [
  "一补花名册-示例.xlsx",
  "一补花名册-问题示例.xlsx",
  "一补花名册-两行表头.xlsx",
  "特困教师-示例.xlsx",
];

describe.each(SAMPLE_FILES)("%s", (file) => {
  test("the notice has no personal data at all", async () => {
    const source = sourceOf(await load(file));
    const { spec } = build(source);
    expect(findings(spec)).toEqual([]);
    const text = allText(spec);
    for (const id of identifiers(source)) expect(text).not.toContain(id);
  });

  test("only 三公开 columns, one row per person, a 合计 row with a SUM", async () => {
    const source = sourceOf(await load(file));
    const { spec } = build(source);
    const h = headerRowOf(spec);
    const header = spec.rows[h] ?? [];
    expect(header[0]).toBe("序号");
    expect(header[1]).toBe("姓名");
    expect(header.at(-1)).toBe("金额（元）");
    for (const v of header) expect(["序号", "姓名", "学校", "年级", "班级", "资助项目", "金额（元）"]).toContain(v);
    const n = source.layout.dataRows.length;
    const totalRow = h + 1 + n;
    expect(spec.rows[totalRow]?.[0]).toBe("合计");
    expect(spec.rows[totalRow]?.[1]).toBe(`共 ${n} 人`);
    const amountCol = header.length - 1;
    const amounts = spec.rows.slice(h + 1, totalRow).map((r) => Number(r[amountCol] ?? 0));
    expect(spec.rows[totalRow]?.[amountCol]).toBeCloseTo(
      amounts.reduce((a, b) => a + b, 0),
      2,
    );
    const letter = String.fromCharCode(65 + amountCol);
    expect(spec.formulas.get(cellKey(totalRow, amountCol))?.text).toBe(`SUM(${letter}${h + 2}:${letter}${totalRow})`);
    expect(spec.print?.titleRows).toEqual({ from: h, to: h });
    expect(spec.print?.fitToWidth).toBe(1);
    expect(spec.print?.centerFooter).toContain("&P");
    expect(spec.kind).toBe("notice");
    expect(spec.name).toBe("公示表");
  });
});

test("the title names the school, term and program of the roster", async () => {
  const { spec } = build(sourceOf(await load("一补花名册-示例.xlsx")));
  expect(spec.rows[0]?.[0]).toBe(
    "关于某某县某某镇中心学校2026年春季学期义务教育家庭经济困难学生生活补助资助对象的公示",
  );
  const teachers = build(sourceOf(await load("特困教师-示例.xlsx")));
  expect(teachers.spec.rows[0]?.[0]).toMatch(/^关于.*2026年省级特困教师资助对象的公示$/);
  const own = build(sourceOf(await load("特困教师-示例.xlsx")), { title: "公示", unit: "某某县教育局" });
  expect(own.spec.rows[0]?.[0]).toBe("公示");
  expect(allText(own.spec)).toContain("某某县教育局");
});

// A roster where IDs and phones sit where they should not: in a name, in 备注, in an unknown column.
function leakyRoster(): RosterSource {
  const rows: CellValue[][] = [
    ["某某小学2026年秋季学期生活补助花名册"],
    ["序号", "姓名", "身份证号", "学校", "年级", "班级", "金额", "家长联系方式说明", "备注", "联系电话"],
    [
      1,
      "张三",
      "430321201601280714",
      "某某小学",
      "三年级",
      "2班",
      500,
      "父 13800002038",
      "身份证 410725201508180157",
      "13800006764",
    ],
    [
      2,
      "李四410725201508180157",
      "410725201508180157",
      "某某小学",
      "三年级",
      "2班",
      250,
      "住某某镇某某村3组",
      "卡号 6217005650620017310",
      "",
    ],
    [
      3,
      "王五 １３８００００６７３２",
      "430321201601280714",
      "某某小学",
      "四年级",
      "1班",
      "500元",
      "无",
      "出生日期2016年1月28日",
      "",
    ],
    [4, 410725201508180000, "", "某某小学", "四年级", "1班", 500, "", "", ""],
    ["合计", null, null, null, null, null, 1750],
  ];
  const grid = makeGrid("花名册", rows, { merges: [{ top: 0, left: 0, bottom: 0, right: 9 }] });
  const s = findRosterSource({ sheets: [grid], properties: {} }, { kind: "students" });
  if (!s.ok) throw new Error(s.problem.code);
  return s.value;
}

test("IDs and phones in 备注, an unknown column or a name cell never reach the notice", () => {
  const source = leakyRoster();
  expect(source.layout.unknownColumns.length).toBeGreaterThan(0);
  const { spec, notes } = build(source, { program: "一补" });
  expect(findings(spec)).toEqual([]);
  const text = allText(spec);
  for (const leak of [
    "410725201508180157",
    "13800002038",
    "6217005650620017310",
    "13800006732",
    "13800006764",
    "某某村",
    "2016年1月28日",
  ]) {
    expect(text).not.toContain(leak);
  }
  expect(text).not.toContain("备注");
  expect(text).not.toContain("家长联系方式说明");
  // The scrubbed names: masked, with a note naming the roster cell.
  const h = headerRowOf(spec);
  expect(spec.rows[h + 2]?.[1]).toMatch(/^李四.*\*/);
  expect(spec.rows[h + 4]?.[1]).toMatch(/\*/);
  expect(notes.some((n) => n.includes("B4"))).toBe(true);
  expect(notes.some((n) => n.includes("B5"))).toBe(true);
  expect(notes.some((n) => n.includes("B6"))).toBe(true);
  for (const n of notes) expect(n).not.toMatch(/\d{11,}/);
  // 三公开: amounts are read as 元, text amounts too.
  expect(spec.rows[h + 3]?.at(-1)).toBe(500);
});

test("公示期 across 国庆 uses the holiday schedule with 调休", async () => {
  const source = sourceOf(await load("一补花名册-示例.xlsx"));
  const start = { y: 2026, m: 9, d: 28 };
  const end = noticeEnd(start, 5);
  if (!end.ok) throw new Error("no schedule for 2026");
  // 5 working days from a Monday before the National Day holiday end after it.
  expect(end.value.m).toBe(10);
  const { spec } = build(source, { start });
  expect(allText(spec)).toContain(`公示期：自2026年9月28日至${chineseDate(end.value)}（共5个工作日）`);
  const seven = build(source, { start, days: 7 });
  const end7 = noticeEnd(start, 7);
  expect(end7.ok && allText(seven.spec)).toContain(`至${end7.ok ? chineseDate(end7.value) : ""}（共7个工作日）`);
});

test("the start defaults to today", async () => {
  const source = sourceOf(await load("一补花名册-示例.xlsx"));
  const end = noticeEnd(TODAY, 5);
  expect(end.ok).toBe(true);
  const { spec } = build(source);
  expect(allText(spec)).toContain(`自2026年11月30日至${end.ok ? chineseDate(end.value) : "?"}`);
});

test.each([
  ["a start in a year without a published schedule", { start: { y: 2027, m: 3, d: 1 } }, /2027年的放假安排.*尚未收录/],
  ["fewer than 5 working days", { days: 4 }, /方案7 三\.2/],
  ["a program the pack does not have", { program: "不存在的项目" }, /没有资助项目“不存在的项目”/],
])("%s is a Chinese problem, not a sheet", async (_label, options, message) => {
  const source = sourceOf(await load("一补花名册-示例.xlsx"));
  const r = buildNoticeSheet(source, { ...BASE, ...options });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problem.message).toMatch(message);
});

test("objections go to the contact given, with its 监督电话, else to the school office", async () => {
  const source = sourceOf(await load("一补花名册-示例.xlsx"));
  expect(allText(build(source).spec)).toContain("请向学校学生资助工作领导小组办公室反映");
  const withPhone = build(source, { contact: "某某镇中心学校资助办（监督电话：0731-5551234）" });
  expect(allText(withPhone.spec)).toContain("监督电话：0731-5551234");
  // The office's published number is not personal data.
  expect(findings(withPhone.spec)).toEqual([]);
});

test("the sheet is deterministic and names itself as asked", async () => {
  const source = sourceOf(await load("一补花名册-两行表头.xlsx"));
  const a = build(source, { name: "公示-秋季" });
  const b = build(source, { name: "公示-秋季" });
  expect(a.spec.name).toBe("公示-秋季");
  expect(a.spec.rows).toEqual(b.spec.rows);
});

describe("the objection contact", () => {
  it.each([
    ["学校资助办 0731-5551234", "学校资助办 （监督电话：0731-5551234）"],
    ["学校资助办，监督电话：0731-5551234", "学校资助办，监督电话：0731-5551234"],
    ["县资助中心 13812345678", "县资助中心 （监督电话：13812345678）"],
    ["学校学生资助工作领导小组办公室", "学校学生资助工作领导小组办公室"],
  ])("%s is published as %s", (given, shown) => {
    expect(labelledContact(given)).toBe(shown);
  });

  it("a phone in the contact does not make the notice fail the privacy scan", async () => {
    const source = sourceOf(await load("一补花名册-示例.xlsx"));
    const { spec } = build(source, { contact: "学校资助办 0731-5551234" });
    expect(allText(spec)).toContain("监督电话：0731-5551234");
    expect(findings(spec)).toEqual([]);
  });

  it("a long title wraps in a row tall enough for its lines", async () => {
    const source = sourceOf(await load("一补花名册-示例.xlsx"));
    const long =
      "关于某某县某某镇中心学校2026年秋季学期义务教育家庭经济困难学生生活补助及营养改善计划受助学生名单的公示";
    const { spec } = build(source, { title: long });
    expect(spec.styles["title"]?.wrap).toBe(true);
    expect(spec.rowHeights.get(0) ?? 0).toBeGreaterThan(36);
  });
});

test("amounts are published to the fen, so the 合计 and the total in the text agree", () => {
  const wb: WorkbookData = {
    sheets: [
      makeGrid("花名册", [
        ["姓名", "资助项目", "金额"],
        ["甲", "一补", 2000 / 3],
        ["乙", "一补", 2000 / 3],
        ["丙", "一补", 2000 / 3],
      ]),
    ],
    properties: {},
  };
  const { spec } = build(sourceOf(wb));
  const header = headerRowOf(spec);
  const amountCol = spec.rows[header]?.indexOf("金额（元）") ?? -1;
  const amounts = [1, 2, 3].map((i) => spec.rows[header + i]?.[amountCol]);
  expect(amounts).toEqual([666.67, 666.67, 666.67]);
  expect(spec.rows[header + 4]?.[amountCol]).toBe(2000.01);
  expect(allText(spec)).toContain("金额合计 2,000.01 元");
});
