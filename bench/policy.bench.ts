/**
 * `npm run bench`: the policy engine on 100,000 synthetic roster rows — header/value
 * normalisation (normalizeRecord) and decide() — against a baseline in the same run: copying each
 * row's cells into a plain object (the least any per-row work does).
 */
import { timeMedian } from "./timing";
import { decide, findProgram, seedPack } from "../src/core/policy";
import { normalizeRecord } from "../src/core/roster";
import { prng } from "./rows";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const TODAY = { y: 2026, m: 11, d: 28 };

const HEADERS = [
  "序号",
  "姓名",
  "身份证号",
  "学校",
  "学段",
  "年级",
  "是否寄宿",
  "困难类型",
  "系统比对",
  "资助项目",
  "补助金额（元）",
  "备注",
];
const rand = prng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const rows: unknown[][] = Array.from({ length: ROWS }, (_, i) => {
  const stage = pick(["小学", "初中", "七年级", "小学"]);
  const boarding = pick(["是", "否", "寄宿", "走读", "√"]);
  return [
    i + 1,
    `学生${i}`,
    "11010519491231002X",
    "某某中心学校",
    stage,
    pick(["三年级", "八年级"]),
    boarding,
    pick(["建档立卡", "低保", "脱贫户", "残疾学生、低保", "一般困难"]),
    pick(["是", "否"]),
    "一补",
    pick([500, 625, 250, 312.5]),
    "",
  ];
});

let sink = 0;
const pack = seedPack();
const program = findProgram(pack, "一补");
if (!program) throw new Error("seed pack has no 一补");

const baseline = timeMedian(() => {
  for (const row of rows) {
    const o: Record<string, unknown> = {};
    HEADERS.forEach((h, i) => (o[h] = row[i]));
    sink += Object.keys(o).length;
  }
}, REPEAT);
const normalize = timeMedian(() => {
  for (const row of rows) sink += normalizeRecord(HEADERS.map((h, i) => [h, row[i]] as const)).issues.length;
}, REPEAT);
const records = rows.map((row) => normalizeRecord(HEADERS.map((h, i) => [h, row[i]] as const)).record);
const decideOnly = timeMedian(() => {
  for (const r of records) sink += decide(program, r, pack, { today: TODAY, strict: true }).amount ?? 0;
}, REPEAT);

const line = (name: string, ms: number): string =>
  `| ${name} | ${ms.toFixed(1)} | ${Math.round((ROWS / ms) * 1000).toLocaleString("en-US")} | ${(ms / baseline).toFixed(1)} |`;
process.stdout.write(
  [
    `rows: ${ROWS} × ${HEADERS.length} columns, median of ${REPEAT} runs; baseline (copy cells into an object): ${baseline.toFixed(1)} ms`,
    "",
    "| case | ms per run | rows/s | × baseline |",
    "|---|---:|---:|---:|",
    line("normalizeRecord (headers + values)", normalize),
    line("decide 一补 (strict)", decideOnly),
    line("both", normalize + decideOnly),
    "",
    `(checksum ${sink})`,
    "",
  ].join("\n"),
);
