/**
 * `npm run bench` — the 一对一帮扶 check on in-memory grids (no file reading): an aid roster of
 * 10,000 students (half 建档立卡), a 帮联台账 of 10,000 pairs (干部 with one or two students) and a
 * 帮扶记录 sheet of 40,000 records (dates as Excel serials), all synthetic and deterministic.
 * Timed: checkWorkbook on the roster alone, on roster + ledger, and on all three sheets, each as
 * the median of runs after a warm-up, against a baseline in the same run (touch every cell once).
 */
import { LEDGER_HEADERS } from "../samples/pairing";
import { makeGrid, type CellValue, type Grid } from "../src/core/grid/types";
import { checkWorkbook } from "../src/core/check/check";
import { seedPack } from "../src/core/policy";
import { makeId, SURNAMES, COUNTIES } from "../samples/people";
import { prng } from "./rows";
import { timeMedian } from "./timing";

const STUDENTS = Number(process.env.BENCH_ROWS ?? 10_000);
const PAIRS = STUDENTS;
const RECORDS = 4 * PAIRS;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const TODAY = { y: 2026, m: 11, d: 28 };

const rand = prng(2026);
const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const pad = (n: number, w: number): string => String(n).padStart(w, "0");

/** Distinct names (surname + two characters), by index: records name people, not IDs. */
const CHARS = "子涵欣怡梓轩雨桐浩然诗宇航佳俊杰思彤一诺明雅琪志强秀英建国丽华文博晓东春梅海燕庆晨曦若".split("");
const nameOf = (i: number): string =>
  `${SURNAMES[i % SURNAMES.length]!}${CHARS[Math.floor(i / SURNAMES.length) % CHARS.length]!}${CHARS[Math.floor(i / SURNAMES.length / CHARS.length) % CHARS.length]!}`;
const serial = (m: number, d: number): number => Date.UTC(2026, m - 1, d) / 86_400_000 + 25_569;
const mobile = (i: number): string => `1380${pad(i % 10_000_000, 7)}`;

const SCHOOLS = ["某某镇中心学校", "某某镇中学", "某某镇某某村小学", "某某县第二中学"];
const students = Array.from({ length: STUDENTS }, (_, i) => {
  const y = int(2011, 2019);
  const male = rand() < 0.5;
  const seq = (i % 450) * 2 + (male ? 1 : 0);
  return {
    name: nameOf(i),
    gender: male ? "男" : "女",
    id: makeId(pick(COUNTIES), y, int(1, 12), int(1, 28), seq),
    school: pick(SCHOOLS),
    grade: y >= 2014 ? pick(["三年级", "四年级", "五年级", "六年级"]) : pick(["七年级", "八年级", "九年级"]),
    hardship: i % 2 === 0 ? "建档立卡" : pick(["低保", "特困供养", "残疾人子女"]),
  };
});
// Helpers: the first 80% of pairs two students per 干部 (一帮多), the rest one each.
const helperOf = (i: number): number => (i < PAIRS * 0.8 ? Math.floor(i / 2) : i - PAIRS * 0.4);
const helperName = (h: number): string => nameOf(STUDENTS + h);

const roster: CellValue[][] = [
  ["某某县2026年秋季学期家庭经济困难学生资助花名册"],
  ["序号", "姓名", "性别", "身份证号", "学校", "年级", "困难类型"],
  ...students.map((s, i) => [i + 1, s.name, s.gender, s.id, s.school, s.grade, s.hardship]),
];
const ledger: CellValue[][] = [
  ["某某县2026年度干部帮联建档立卡贫困户学生台账"],
  [...LEDGER_HEADERS],
  ...Array.from({ length: PAIRS }, (_, i): CellValue[] => {
    const s = students[i % STUDENTS]!;
    const h = helperOf(i);
    // One pair in a hundred under the plan's minimums, so the rules have findings to write.
    return [
      i + 1,
      helperName(h),
      pick(["某某镇人民政府", "某某县教育局", "某某镇财政所"]),
      pick(["副镇长", "干部", "股长"]),
      mobile(h),
      s.name,
      s.id,
      s.school,
      s.hardship === "建档立卡" ? "是" : "否",
      i % 100 === 7 ? 800 : 1000,
      i % 100 === 9 ? 3 : 4,
    ];
  }),
];
const TYPES = ["走访", "家访", "走访", "资助"];
const records: CellValue[][] = [
  ["某某县2026年干部帮联帮扶记录"],
  ["序号", "帮扶日期", "帮扶人", "帮扶对象", "帮扶类型", "金额", "帮扶内容"],
  ...Array.from({ length: RECORDS }, (_, i): CellValue[] => {
    const pair = Math.floor(i / 4);
    const type = TYPES[i % 4]!;
    return [
      i + 1,
      serial(int(1, 11), int(1, 28)),
      helperName(helperOf(pair)),
      students[pair % STUDENTS]!.name,
      type,
      type === "资助" ? 1000 : null,
      type === "资助" ? "发放年度帮扶资助金" : "入户了解家庭生活和学习情况",
    ];
  }),
];

const grids: Grid[] = [makeGrid("资助花名册", roster), makeGrid("帮联台账", ledger), makeGrid("帮扶记录", records)];
const pack = seedPack();
let sink = 0;

const baseline = timeMedian(() => {
  for (const g of grids) for (const r of g.rows) for (const c of r) sink += c === null ? 0 : 1;
}, REPEAT);

const cases: [string, Grid[], number][] = [
  ["roster alone (checkWorkbook)", grids.slice(0, 1), STUDENTS],
  ["roster + 帮联台账", grids.slice(0, 2), STUDENTS + PAIRS],
  ["roster + 帮联台账 + 帮扶记录", grids, STUDENTS + PAIRS + RECORDS],
];
const lines = [
  `rows: ${STUDENTS} students, ${PAIRS} pairs, ${RECORDS} records; median of ${REPEAT} runs; baseline (touch every cell of the three sheets): ${baseline.toFixed(1)} ms`,
  "",
  "| case | ms per run | rows/s | × baseline | issues (by rule) |",
  "|---|---:|---:|---:|---|",
];
for (const [name, sheets, rows] of cases) {
  const wb = { sheets, properties: {} };
  let last = checkWorkbook(wb, { pack, today: TODAY });
  const ms = timeMedian(() => {
    last = checkWorkbook(wb, { pack, today: TODAY });
    sink += last.report.issues.length;
  }, REPEAT);
  const byRule = Object.entries(last.report.stats.byRule)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(", ");
  lines.push(
    `| ${name} | ${ms.toFixed(0)} | ${Math.round((rows / ms) * 1000).toLocaleString("en-US")} | ${(ms / baseline).toFixed(0)} | ${byRule} |`,
  );
}
process.stdout.write(lines.join("\n") + `\n\n(checksum ${sink})\n`);
