/**
 * The sample rosters: what they contain, as data. make-samples.ts writes them as workbooks; the
 * tests read the workbooks back and compare what `zizhu check` finds with `expected` here.
 */
import { People, type Person } from "./people";
import { pairingSample } from "./pairing";

export type Cell = string | number | boolean | null | { formula: string; result: number };

export interface PlannedIssue {
  rule: string;
  /** A1 address, or "" for a finding about a whole row or sheet. */
  cell: string;
  /** For a finding about a whole row: its sheet row number. */
  row?: number;
}

export interface SampleSheet {
  name: string;
  title: string;
  subtitle?: string;
  /** One header row, or two: [groups, headers] with merges given below. */
  headers: string[][];
  /** Merges in A1:B2 notation (title rows, group headers). */
  merges: string[];
  rows: Cell[][];
  /** Rows after the table (合计 is part of `rows`). */
  footer: string[];
  /** 0-based indexes into `rows` to hide. */
  hiddenRows?: number[];
  /** Columns (0-based) formatted as text "@". */
  textColumns: number[];
  /** Columns (0-based) of Excel date serials, formatted as dates. */
  dateColumns?: number[];
  widths?: number[];
  state?: "visible" | "hidden" | "veryHidden";
  notes?: { cell: string; text: string }[];
}

export interface SampleWorkbook {
  file: string;
  sheets: SampleSheet[];
  properties?: Record<string, string>;
  /** Issues `zizhu check` must report (errors and warnings). */
  expected: PlannedIssue[];
  /** Options the sample is checked with. */
  check: { program?: string; kind?: string; enrolled?: number };
}

const YIBU_HEADERS = [
  "序号",
  "姓名",
  "性别",
  "身份证号",
  "学籍号",
  "学段",
  "年级",
  "是否寄宿",
  "困难类型",
  "系统比对",
  "证明材料",
  "资助项目",
  "补助金额（元）",
  "监护人姓名",
  "持卡人",
  "开户行",
  "银行卡号",
  "联系电话",
  "备注",
];
const COL = Object.fromEntries(YIBU_HEADERS.map((h, i) => [h, i])) as Record<string, number>;
const HARDSHIP = ["建档立卡", "低保", "特困供养", "残疾人子女", "事实无人抚养儿童", "低保", "建档立卡"];
const FIRST_DATA_ROW = 4; // sheet row of the first person (title, subtitle, header above)

function letter(col: number): string {
  return String.fromCharCode(65 + col);
}

interface Student {
  person: Person;
  stage: "小学" | "初中";
  grade: string;
  boarding: boolean;
  guardian: Person;
}

function student(p: People): Student {
  const stage = p.pick(["小学", "小学", "初中"] as const);
  const person = stage === "小学" ? p.person(2014, 2019) : p.person(2011, 2013);
  const surname = person.name.startsWith("欧阳") ? "欧阳" : person.name.charAt(0);
  const grade =
    stage === "小学" ? p.pick(["三年级", "四年级", "五年级", "六年级"]) : p.pick(["七年级", "八年级", "九年级"]);
  return { person, stage, grade, boarding: p.pick([true, false, true]), guardian: p.person(1978, 1990, surname) };
}

function standard(s: Student): number {
  return s.stage === "小学" ? (s.boarding ? 500 : 250) : s.boarding ? 625 : 312.5;
}

function yibuRow(p: People, s: Student, n: number): Cell[] {
  const verified = p.pick([true, true, true, false]);
  return [
    n,
    s.person.name,
    s.person.gender,
    s.person.id,
    `G${s.person.id}`,
    s.stage,
    s.grade,
    s.boarding ? "是" : "否",
    p.pick(HARDSHIP),
    verified ? "是" : "否",
    verified ? "" : "扶贫明白卡",
    "一补",
    standard(s),
    s.guardian.name,
    s.guardian.name,
    "中国建设银行湘乡支行",
    p.ccbCard(),
    p.mobile(),
    "",
  ];
}

/** A 合计 row: "合计" in column A and a live SUM (with its cached result) over the amount column. */
function sumRow(rows: Cell[][], width: number, amountCol: number, firstRow: number): Cell[] {
  const sum = rows.reduce((acc: number, r) => acc + (typeof r[amountCol] === "number" ? r[amountCol] : 0), 0);
  const letterOf = letter(amountCol);
  const out: Cell[] = Array.from({ length: width }, () => null);
  out[0] = "合计";
  out[amountCol] = { formula: `SUM(${letterOf}${firstRow}:${letterOf}${firstRow + rows.length - 1})`, result: sum };
  return out;
}

function totalRow(rows: Cell[][]): Cell[] {
  return sumRow(rows, YIBU_HEADERS.length, COL["补助金额（元）"]!, FIRST_DATA_ROW);
}

const FOOTER = [
  "填表人：            审核人：            单位负责人（签字）：            单位（盖章）",
  "备注：本表由学校填报，一式两份，报县学生资助管理中心。",
];

function yibuSheet(rows: Cell[][], name = "一补花名册"): SampleSheet {
  return {
    name,
    title: "某某县某某镇中心学校2026年春季学期义务教育家庭经济困难学生生活补助花名册",
    subtitle: "填报单位：某某县某某镇中心学校（盖章）                    填报日期：2026年3月20日",
    headers: [YIBU_HEADERS],
    merges: ["A1:S1", "A2:S2"],
    rows,
    footer: FOOTER,
    textColumns: [COL["身份证号"]!, COL["学籍号"]!, COL["银行卡号"]!, COL["联系电话"]!],
    widths: [6, 10, 6, 21, 22, 7, 8, 9, 11, 9, 11, 8, 13, 11, 10, 20, 22, 14, 18],
  };
}

/** A clean 一补 roster: `zizhu check` must find no error and no warning. */
export function cleanYibu(count = 40, seed = 2026): SampleWorkbook {
  const p = new People(seed);
  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) rows.push(yibuRow(p, student(p), i + 1));
  rows.push(totalRow(rows));
  return {
    file: "一补花名册-示例.xlsx",
    sheets: [yibuSheet(rows)],
    properties: { title: "一补花名册", creator: "某某镇中心学校" },
    expected: [],
    check: {},
  };
}

/** The same roster with one defect planted per rule, each at a known cell. */
export function defectiveYibu(): SampleWorkbook {
  const p = new People(7);
  const rows: Cell[][] = [];
  const students: Student[] = [];
  for (let i = 0; i < 30; i++) {
    const s = student(p);
    students.push(s);
    rows.push(yibuRow(p, s, i + 1));
  }
  const expected: PlannedIssue[] = [];
  const at = (i: number, header: string): string => `${letter(COL[header]!)}${FIRST_DATA_ROW + i}`;
  const set = (i: number, header: string, value: Cell): void => {
    (rows[i] as Cell[])[COL[header]!] = value;
  };
  const plan = (i: number, header: string, value: Cell, rule: string): void => {
    set(i, header, value);
    expected.push({ rule, cell: at(i, header) });
  };
  const id = (i: number): string => students[i]!.person.id;
  const s = (i: number): Student => students[i]!;

  // Identity numbers
  plan(0, "身份证号", id(0).slice(0, 17) + (id(0).endsWith("1") ? "2" : "1"), "id.checksum");
  set(0, "学籍号", `G${(rows[0] as Cell[])[COL["身份证号"]!] as string}`);
  plan(1, "身份证号", id(1).slice(0, 10) + "0230" + id(1).slice(14), "id.birthdate");
  set(1, "学籍号", null);
  plan(2, "身份证号", Number(id(2).slice(0, 17)) * 10, "id.stored-as-number");
  set(2, "学籍号", null);
  plan(3, "性别", s(3).person.gender === "男" ? "女" : "男", "id.gender-mismatch");
  plan(4, "学籍号", `G${id(5)}`, "studentno.format");
  plan(
    5,
    "身份证号",
    id(5).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
    "text.fullwidth",
  );
  plan(6, "姓名", `${s(6).person.name} `, "text.whitespace");
  set(6, "持卡人", s(6).guardian.name);
  // The same child listed twice (row 8 repeats row 7's ID)
  set(7, "身份证号", id(6));
  set(7, "姓名", s(6).person.name);
  set(7, "性别", s(6).person.gender);
  set(7, "学段", s(6).stage);
  set(7, "年级", s(6).grade);
  set(7, "是否寄宿", s(6).boarding ? "是" : "否");
  set(7, "补助金额（元）", standard(s(6)));
  set(7, "学籍号", `G${id(6)}`);
  expected.push({ rule: "dup.id", cell: at(7, "身份证号") });
  // Bank cards
  const card8 = (rows[8] as Cell[])[COL["银行卡号"]!] as string;
  plan(8, "银行卡号", card8.slice(0, 18) + String((Number(card8.charAt(18)) + 1) % 10), "bank.luhn");
  plan(9, "银行卡号", Number(p.ccbCard()), "bank.stored-as-number");
  plan(10, "银行卡号", p.icbcCard(), "bank.issuer");
  plan(11, "持卡人", p.name(), "bank.holder-mismatch");
  plan(12, "联系电话", "1380000123", "phone.format");
  // Policy
  plan(13, "学段", "普通高中", "policy.ineligible");
  set(13, "年级", "高一");
  plan(14, "补助金额（元）", standard(s(14)) === 625 ? 500 : 625, "policy.amount-mismatch");
  set(15, "系统比对", "否");
  plan(15, "证明材料", "无", "policy.needs-proof");
  plan(16, "姓名", null, "field.required");
  // Personal data where it does not belong (a roster may hold phones in 联系电话, not in 备注)
  plan(17, "备注", `家长另一电话 13800009876`, "privacy.phone");
  // A child whose ID says she is 3 years old, listed in 初中
  const toddler = p.person(2023, 2023);
  set(18, "身份证号", toddler.id);
  set(18, "性别", toddler.gender);
  set(18, "学籍号", `G${toddler.id}`);
  expected.push({ rule: "id.age-stage", cell: at(18, "身份证号") });
  set(18, "学段", "初中");
  set(18, "年级", "七年级");
  set(18, "补助金额（元）", s(18).boarding ? 625 : 312.5);

  rows.push(totalRow(rows));
  // A 合计 typed by hand, 100 yuan off
  const total = rows[rows.length - 1] as Cell[];
  const formula = total[COL["补助金额（元）"]!] as { result: number };
  total[COL["补助金额（元）"]!] = formula.result + 100;
  expected.push({ rule: "total.mismatch", cell: `M${FIRST_DATA_ROW + rows.length - 1}` });
  // A hidden row is still submitted
  expected.push({ rule: "roster.hidden-row", cell: "", row: FIRST_DATA_ROW + 20 });

  const sheet = yibuSheet(rows);
  sheet.hiddenRows = [20];
  return {
    file: "一补花名册-问题示例.xlsx",
    sheets: [sheet],
    properties: { title: "一补花名册（含问题）", creator: "某某镇中心学校" },
    expected,
    check: {},
  };
}

/** Two-row header with merged group cells (监护人 › 姓名 / 身份证号, 银行卡 › 持卡人 / 卡号). */
export function twoRowHeader(): SampleWorkbook {
  const p = new People(99);
  const groups = [
    "序号",
    "学生",
    "",
    "",
    "学段",
    "是否寄宿",
    "困难类型",
    "补助金额(元)",
    "监护人",
    "",
    "银行卡",
    "",
    "",
  ];
  const headers = ["", "姓名", "性别", "身份证号码", "", "", "", "", "姓名", "身份证号", "持卡人", "卡号", "开户银行"];
  const rows: Cell[][] = [];
  for (let i = 0; i < 12; i++) {
    const s = student(p);
    rows.push([
      i + 1,
      s.person.name,
      s.person.gender,
      s.person.id,
      s.stage,
      s.boarding ? "住校" : "走读",
      p.pick(HARDSHIP),
      standard(s),
      s.guardian.name,
      s.guardian.id,
      s.guardian.name,
      p.ccbCard(),
      "建设银行",
    ]);
  }
  rows.push(sumRow(rows, headers.length, 7, 4));
  const sheet: SampleSheet = {
    name: "Sheet1",
    title: "2026年秋季学期生活补助发放花名册",
    headers: [groups, headers],
    merges: ["A1:M1", "A2:A3", "B2:D2", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:J2", "K2:M2"],
    rows,
    footer: ["制表人：            审核人："],
    textColumns: [3, 9, 11],
  };
  return { file: "一补花名册-两行表头.xlsx", sheets: [sheet], expected: [], check: { program: "一补" } };
}

/** A 公示表 that leaks what a public notice must not show (方案7 三.2). */
export function leakyNotice(): SampleWorkbook {
  const p = new People(11);
  const rows: Cell[][] = [];
  const expected: PlannedIssue[] = [];
  for (let i = 0; i < 8; i++) {
    const s = student(p);
    rows.push([i + 1, s.person.name, "某某镇中心学校", s.grade, "一补", standard(s), ""]);
  }
  const s = student(p);
  rows[2]![6] = `身份证${s.person.id}`;
  expected.push({ rule: "privacy.id-number", cell: "G5" });
  rows[4]![6] = "联系电话 0731-5551234";
  expected.push({ rule: "privacy.phone", cell: "G7" });
  rows[6]![6] = "住址：湖南省湘乡市某某镇某某村3组";
  expected.push({ rule: "privacy.address", cell: "G9" });
  const sheet: SampleSheet = {
    name: "公示",
    title: "某某镇中心学校2026年春季学期家庭经济困难学生生活补助公示",
    headers: [["序号", "姓名", "学校", "年级", "资助项目", "金额（元）", "备注"]],
    merges: ["A1:G1"],
    rows,
    footer: ["公示期：2026年3月23日至2026年3月27日。如有异议，请向学校资助办反映。"],
    textColumns: [],
  };
  return { file: "公示表-问题示例.xlsx", sheets: [sheet], expected, check: { kind: "notice" } };
}

/** 省级特困教师 roster (方案12): one teacher under the debt threshold, too many retired. */
export function teacherRoster(): SampleWorkbook {
  const p = new People(12);
  const headers = [
    "序号",
    "姓名",
    "性别",
    "身份证号",
    "工作单位",
    "教师类别",
    "人员状态",
    "致困原因",
    "负债金额（万元）",
    "近两年是否获省级资助",
    "资助金额（元）",
    "开户行",
    "银行卡号",
  ];
  const rows: Cell[][] = [];
  const expected: PlannedIssue[] = [];
  for (let i = 0; i < 10; i++) {
    const t = p.person(1965, 1990);
    rows.push([
      i + 1,
      t.name,
      t.gender,
      t.id,
      p.pick(["某某县第一中学", "某某镇中学", "某某县职业中专"]),
      "专任教师",
      i < 2 ? "退休" : "在职",
      p.pick(["患病", "重大疾病", "自然灾害"]),
      p.pick([5, 6.5, 8, 12]),
      "否",
      10000,
      "中国建设银行",
      p.ccbCard(),
    ]);
  }
  rows[4]![8] = 4;
  expected.push({ rule: "policy.ineligible", cell: "I8" });
  expected.push({ rule: "policy.retired-share", cell: "" });
  rows.push(sumRow(rows, headers.length, 10, 4));
  const sheet: SampleSheet = {
    name: "省级特困教师",
    title: "2026年省级特困教师资助汇总表（花名册）",
    subtitle: "填报单位：某某县教育局",
    headers: [headers],
    merges: ["A1:M1", "A2:M2"],
    rows,
    footer: ["经办人：            负责人：            日期："],
    textColumns: [3, 12],
  };
  return { file: "特困教师-示例.xlsx", sheets: [sheet], expected, check: { program: "省级特困教师" } };
}

export function allSamples(): SampleWorkbook[] {
  return [cleanYibu(), defectiveYibu(), twoRowHeader(), leakyNotice(), teacherRoster(), pairingSample()];
}

/** The clean roster as CSV lines (for the GBK sample). */
export function csvLines(sample: SampleWorkbook): string[] {
  const sheet = sample.sheets[0]!;
  const quote = (c: Cell): string => {
    const v = c === null ? "" : typeof c === "object" ? String(c.result) : String(c);
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return [sheet.headers[sheet.headers.length - 1]!.join(","), ...sheet.rows.map((r) => r.map(quote).join(","))];
}
