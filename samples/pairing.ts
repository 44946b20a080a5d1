/**
 * The 一对一帮扶 sample (帮扶台账-问题示例.xlsx): an aid roster (资助花名册), the cadres' pairing
 * ledger (帮联台账) that must cover its 建档立卡 students, and the ledger's records (帮扶记录, dated
 * as real Excel dates). Synthetic people (samples/people.ts), one defect planted per pair.* rule:
 *
 * | rule               | sheet    | cell | what                                                   |
 * |--------------------|----------|------|--------------------------------------------------------|
 * | pair.uncovered     | 资助花名册 | B*   | a 建档立卡 student nobody helps                          |
 * | pair.idle-helper   | 帮联台账  | B*   | a cadre listed with no student                         |
 * | pair.duplicate     | 帮联台账  | F*   | the same cadre and student twice                       |
 * | pair.funds         | 帮联台账  | J*   | 800 元 in the year, under 1000                          |
 * | pair.visits        | 帮联台账  | K*   | 3 visits in the year, under 4                           |
 * | id.checksum        | 帮联台账  | G*   | a student's ID with a wrong check digit                |
 * | pair.unknown       | 帮扶记录  | C*   | a record by a helper the ledger does not have          |
 * | pair.record-date   | 帮扶记录  | B*   | a record dated 2025, outside the ledger's year 2026     |
 *
 * The exact cells are computed below and listed in `expected` (and in the .expected.json).
 */
import { People, type Person } from "./people";
import type { Cell, PlannedIssue, SampleSheet, SampleWorkbook } from "./rosters";

/** A planned finding of a workbook with several sheets: the sheet it is on. */
export type PlannedSheetIssue = PlannedIssue & { sheet: string };

const ROSTER_HEADERS = ["序号", "姓名", "性别", "身份证号", "学校", "年级", "困难类型"];
/** The 帮联台账 columns the sample (and the rule cases and the benchmark) use, as a county table has them. */
export const LEDGER_HEADERS = [
  "序号",
  "帮扶人",
  "工作单位",
  "职务",
  "联系电话",
  "帮扶对象",
  "身份证号",
  "学校",
  "是否建档立卡",
  "年度资助金额（元）",
  "走访次数",
];
const RECORD_HEADERS = ["序号", "帮扶日期", "帮扶人", "帮扶对象", "帮扶类型", "金额", "帮扶内容"];
const ROSTER_SHEET = "资助花名册";
const LEDGER_SHEET = "帮联台账";
const RECORD_SHEET = "帮扶记录";
/** Title row 1, header row 2: the first data row of every sheet. */
const FIRST_ROW = 3;

const col = (headers: readonly string[], name: string): number => headers.indexOf(name);
const letter = (c: number): string => String.fromCharCode(65 + c);
const cellOf = (headers: readonly string[], name: string, i: number): string =>
  `${letter(col(headers, name))}${FIRST_ROW + i}`;

/** An Excel date serial (days since 1899-12-30), shown with a date format. */
function serial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

const SCHOOLS = ["某某镇中心学校", "某某镇中学", "某某镇某某村小学"];
const UNITS: [string, string][] = [
  ["某某镇人民政府", "副镇长"],
  ["某某镇人民政府", "党委委员"],
  ["某某镇人民政府", "办事员"],
  ["某某县教育局", "股长"],
  ["某某县教育局", "干部"],
  ["某某镇财政所", "所长"],
  ["某某镇卫生院", "副院长"],
  ["某某村村民委员会", "村主任"],
];
const CONTENT: Record<string, string> = {
  走访: "入户了解家庭生活和学习情况",
  家访: "与家长交流孩子在校表现",
  辅导: "辅导作业，检查学习进度",
  谈心: "谈心谈话，了解思想动态",
  资助: "发放年度帮扶资助金",
};

interface Pupil {
  person: Person;
  school: string;
  grade: string;
  hardship: string;
}

interface Pair {
  helper: number;
  pupil: number;
  funds: number;
  visits: number;
}

/** People with names not used before (names identify students and helpers in the records). */
function unique(p: People, used: Set<string>, make: () => Person): Person {
  for (;;) {
    const person = make();
    if (!used.has(person.name)) {
      used.add(person.name);
      return person;
    }
  }
}

function pupil(p: People, used: Set<string>, hardship: string): Pupil {
  const primary = p.pick([true, true, false]);
  const person = unique(p, used, () => (primary ? p.person(2014, 2019) : p.person(2011, 2013)));
  const grade = primary ? p.pick(["三年级", "四年级", "五年级", "六年级"]) : p.pick(["七年级", "八年级", "九年级"]);
  return { person, school: primary ? p.pick([SCHOOLS[0]!, SCHOOLS[2]!]) : SCHOOLS[1]!, grade, hardship };
}

export function pairingSample(): SampleWorkbook {
  const p = new People(2027);
  const used = new Set<string>();
  const expected: PlannedSheetIssue[] = [];

  // 资助花名册: 34 students, every other one 建档立卡 (17), the others 低保 / 特困供养 / 残疾人子女.
  const pupils: Pupil[] = [];
  for (let i = 0; i < 34; i++)
    pupils.push(pupil(p, used, i % 2 === 0 ? "建档立卡" : p.pick(["低保", "特困供养", "残疾人子女", "低保"])));
  const registered = pupils.map((_, i) => i).filter((i) => pupils[i]!.hardship === "建档立卡");
  // The last 建档立卡 student has no helper.
  const uncovered = registered[registered.length - 1]!;
  expected.push({ rule: "pair.uncovered", sheet: ROSTER_SHEET, cell: cellOf(ROSTER_HEADERS, "姓名", uncovered) });
  const rosterRows: Cell[][] = pupils.map((s, i) => [
    i + 1,
    s.person.name,
    s.person.gender,
    s.person.id,
    s.school,
    s.grade,
    s.hardship,
  ]);

  // 帮联台账: 15 cadres; 干部 1 and 2 each help two students (一帮多), 3–14 one each, 15 nobody.
  const helpers = Array.from({ length: 15 }, () => unique(p, used, () => p.person(1970, 1996)));
  const phones = helpers.map(() => p.mobile());
  const covered = registered.filter((i) => i !== uncovered);
  const pairs: Pair[] = covered.map((pupilIndex, k) => ({
    helper: k < 4 ? Math.floor(k / 2) : k - 2,
    pupil: pupilIndex,
    funds: 1000,
    visits: p.pick([4, 4, 5, 6]),
  }));
  pairs[5]!.funds = 800;
  pairs[8]!.visits = 3;
  const ledgerRow = (pair: Pair, n: number): Cell[] => {
    const s = pupils[pair.pupil]!;
    const [unit, title] = UNITS[pair.helper % UNITS.length]!;
    return [
      n,
      helpers[pair.helper]!.name,
      unit,
      title,
      phones[pair.helper]!,
      s.person.name,
      s.person.id,
      s.school,
      "是",
      pair.funds,
      pair.visits,
    ];
  };
  const ledgerRows: Cell[][] = pairs.map((pair, i) => ledgerRow(pair, i + 1));
  expected.push({ rule: "pair.funds", sheet: LEDGER_SHEET, cell: cellOf(LEDGER_HEADERS, "年度资助金额（元）", 5) });
  expected.push({ rule: "pair.visits", sheet: LEDGER_SHEET, cell: cellOf(LEDGER_HEADERS, "走访次数", 8) });
  // A wrong check digit on pair 11's student (the roster has it right: covered by name).
  const idCell = col(LEDGER_HEADERS, "身份证号");
  const id = ledgerRows[11]![idCell] as string;
  ledgerRows[11]![idCell] = id.slice(0, 17) + (id.endsWith("1") ? "2" : "1");
  expected.push({ rule: "id.checksum", sheet: LEDGER_SHEET, cell: cellOf(LEDGER_HEADERS, "身份证号", 11) });
  // Pair 3 entered a second time, at the end.
  ledgerRows.push(ledgerRow(pairs[3]!, ledgerRows.length + 1));
  expected.push({
    rule: "pair.duplicate",
    sheet: LEDGER_SHEET,
    cell: cellOf(LEDGER_HEADERS, "帮扶对象", ledgerRows.length - 1),
  });
  // 干部 15 listed with nobody.
  const [idleUnit, idleTitle] = UNITS[14 % UNITS.length]!;
  ledgerRows.push([
    ledgerRows.length + 1,
    helpers[14]!.name,
    idleUnit,
    idleTitle,
    phones[14]!,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
  expected.push({
    rule: "pair.idle-helper",
    sheet: LEDGER_SHEET,
    cell: cellOf(LEDGER_HEADERS, "帮扶人", ledgerRows.length - 1),
  });

  // 帮扶记录: each pair's visits and its payment in 2026, as the ledger says, plus a talk or a lesson.
  const records: { date: number; helper: string; student: string; type: string; amount: number | null }[] = [];
  for (const pair of pairs) {
    const helper = helpers[pair.helper]!.name;
    const student = pupils[pair.pupil]!.person.name;
    const months = [3, 5, 9, 11, 6, 10].slice(0, pair.visits);
    months.forEach((m, k) =>
      records.push({
        date: serial(2026, m, p.int(1, 20)),
        helper,
        student,
        type: k % 2 ? "家访" : "走访",
        amount: null,
      }),
    );
    records.push({ date: serial(2026, 9, p.int(1, 15)), helper, student, type: "资助", amount: pair.funds });
    records.push({
      date: serial(2026, p.int(4, 10), p.int(1, 28)),
      helper,
      student,
      type: p.pick(["辅导", "谈心"]),
      amount: null,
    });
  }
  records.sort((a, b) => a.date - b.date || a.helper.localeCompare(b.helper));
  // A visit of last winter, filed with this year's records (pair 0).
  const late = {
    date: serial(2025, 12, 18),
    helper: helpers[pairs[0]!.helper]!.name,
    student: pupils[pairs[0]!.pupil]!.person.name,
    type: "走访",
    amount: null,
  };
  records.splice(0, 0, late);
  // A record by someone the ledger does not know (pair 6's student).
  const stranger = unique(p, used, () => p.person(1975, 1990));
  const strangerAt = Math.floor(records.length / 2);
  records.splice(strangerAt, 0, {
    date: records[strangerAt]!.date,
    helper: stranger.name,
    student: pupils[pairs[6]!.pupil]!.person.name,
    type: "谈心",
    amount: null,
  });
  expected.push({ rule: "pair.record-date", sheet: RECORD_SHEET, cell: cellOf(RECORD_HEADERS, "帮扶日期", 0) });
  expected.push({ rule: "pair.unknown", sheet: RECORD_SHEET, cell: cellOf(RECORD_HEADERS, "帮扶人", strangerAt) });
  const recordRows: Cell[][] = records.map((r, i) => [
    i + 1,
    r.date,
    r.helper,
    r.student,
    r.type,
    r.amount,
    CONTENT[r.type]!,
  ]);

  const roster: SampleSheet = {
    name: ROSTER_SHEET,
    title: "某某镇2026年秋季学期家庭经济困难学生资助花名册",
    headers: [ROSTER_HEADERS],
    merges: ["A1:G1"],
    rows: rosterRows,
    footer: [],
    textColumns: [col(ROSTER_HEADERS, "身份证号")],
    widths: [6, 10, 6, 21, 18, 8, 11],
  };
  const ledger: SampleSheet = {
    name: LEDGER_SHEET,
    title: "某某镇2026年度干部帮联建档立卡贫困户学生台账",
    headers: [LEDGER_HEADERS],
    merges: ["A1:K1"],
    rows: ledgerRows,
    footer: [],
    textColumns: [col(LEDGER_HEADERS, "联系电话"), col(LEDGER_HEADERS, "身份证号")],
    widths: [6, 10, 18, 10, 14, 10, 21, 18, 12, 16, 10],
  };
  const log: SampleSheet = {
    name: RECORD_SHEET,
    title: "某某镇2026年干部帮联帮扶记录",
    headers: [RECORD_HEADERS],
    merges: ["A1:G1"],
    rows: recordRows,
    footer: [],
    textColumns: [],
    dateColumns: [col(RECORD_HEADERS, "帮扶日期")],
    widths: [6, 12, 10, 10, 10, 8, 30],
  };
  return {
    file: "帮扶台账-问题示例.xlsx",
    sheets: [roster, ledger, log],
    properties: { title: "干部帮联台账（含问题）", creator: "某某镇人民政府" },
    expected,
    check: {},
  };
}
