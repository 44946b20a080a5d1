/**
 * The 一对一帮扶 rules (pair.*): a 帮联台账 sheet (title row 1, header row 2, pairs from row 3),
 * its 帮扶记录 sheet and the aid roster whose 建档立卡 students it must cover. Columns of the
 * ledger: A 序号, B 帮扶人, C 工作单位, D 职务, E 联系电话, F 帮扶对象, G 身份证号, H 学校,
 * I 是否建档立卡, J 年度资助金额（元）, K 走访次数.
 */
import { makeGrid, type CellValue, type Grid } from "../../../../src/core/grid/types";
import { adult, kid, mobile, sheet, typo, type Person } from "./fixtures";
import { finding, type RosterCase } from "./harness";
import { LEDGER_HEADERS } from "../../../../samples/pairing";

const LEDGER_HEADER = LEDGER_HEADERS;
const LEDGER_TITLE = "某某镇2026年度干部帮联建档立卡贫困户学生台账";

/** A cadre helping a student: 1000 元 and 4 visits, as the plan asks. */
const pair = (helper: number, student: number, extra: Person = {}): Person => ({
  帮扶人: `干部${helper}`,
  工作单位: "某某镇人民政府",
  职务: "副镇长",
  联系电话: mobile(helper),
  帮扶对象: `学生${student}`,
  身份证号: kid(student),
  学校: "某某镇中心学校",
  是否建档立卡: "是",
  "年度资助金额（元）": 1000,
  走访次数: 4,
  ...extra,
});

const ledger = (...pairs: Person[]): CellValue[][] => sheet(LEDGER_HEADER, pairs, { title: LEDGER_TITLE });

const RECORD_HEADER = ["序号", "帮扶日期", "帮扶人", "帮扶对象", "帮扶类型", "金额", "帮扶内容"];
const record = (date: string, helper: number, student: number, type: string, amount: CellValue = null): Person => ({
  帮扶日期: date,
  帮扶人: `干部${helper}`,
  帮扶对象: `学生${student}`,
  帮扶类型: type,
  金额: amount,
  帮扶内容: "了解学习和生活情况",
});
const records = (...rows: Person[]): Grid =>
  makeGrid("帮扶记录", sheet(RECORD_HEADER, rows, { title: "2026年帮扶记录" }));

/** The aid roster: 姓名, 身份证号, 学校, 困难类型 (the students the ledger must cover). */
const ROSTER_HEADER = ["序号", "姓名", "身份证号", "学校", "困难类型"];
const pupilRow = (n: number, hardship = "建档立卡", id: CellValue = kid(n)): Person => ({
  姓名: `学生${n}`,
  身份证号: id,
  学校: "某某镇中心学校",
  困难类型: hardship,
});
const aidRoster = (...rows: Person[]): Grid =>
  makeGrid("资助花名册", sheet(ROSTER_HEADER, rows, { title: "2026年秋季学期学生资助花名册" }));

/** The ledger without money and visit columns: those come from the records. */
const LEAN_HEADER = ["序号", "帮扶人", "工作单位", "帮扶对象", "身份证号"];
const leanLedger = (...pairs: Person[]): CellValue[][] => sheet(LEAN_HEADER, pairs, { title: LEDGER_TITLE });

const XUEKUN_HEADER = ["序号", "帮扶教师", "帮扶对象", "年级", "学困原因"];
const xuekun = (teacher: number, student: number): Person => ({
  帮扶教师: `教师${teacher}`,
  帮扶对象: `学生${student}`,
  年级: "五年级",
  学困原因: "基础差，学习习惯差",
});

const AS_LEDGER = { sheet: "帮联台账" } as const;

export const pairingCases: RosterCase[] = [
  {
    name: "pair.*: a complete ledger that covers the roster's 建档立卡 students",
    verdict: "ok",
    roster: {
      ...AS_LEDGER,
      rows: ledger(pair(1, 1), pair(1, 2), pair(2, 3)),
      others: [aidRoster(pupilRow(1), pupilRow(2), pupilRow(3), pupilRow(4, "低保"))],
    },
    absent: [
      "pair.uncovered",
      "pair.idle-helper",
      "pair.funds",
      "pair.visits",
      "pair.duplicate",
      "pair.load",
      "field.unreadable",
      "id.checksum",
    ],
  },
  {
    name: "pair.uncovered: a 建档立卡 student of the aid roster with no helper, at the roster's name cell",
    verdict: "ng",
    roster: { ...AS_LEDGER, rows: ledger(pair(1, 1)), others: [aidRoster(pupilRow(1), pupilRow(2))] },
    findings: [finding("pair.uncovered", "B4", "error", "学生2（某某镇中心学校）应纳入县乡干部帮联建档立卡贫困户学生")],
  },
  {
    name: "pair.uncovered: a student covered by name where the ledger's ID is missing",
    verdict: "ok",
    roster: { ...AS_LEDGER, rows: ledger(pair(1, 1, { 身份证号: null })), others: [aidRoster(pupilRow(1))] },
    absent: ["pair.uncovered"],
  },
  {
    name: "pair.uncovered: --against names another file's roster (the sheet names the file)",
    verdict: "ng",
    roster: { ...AS_LEDGER, rows: ledger(pair(1, 1)) },
    options: {
      against: [
        { label: "资助花名册.xlsx", workbook: { sheets: [aidRoster(pupilRow(1), pupilRow(5))], properties: {} } },
      ],
    },
    findings: [finding("pair.uncovered", "B4", "error", "学生5")],
  },
  {
    name: "pair.idle-helper: a cadre listed with nobody",
    verdict: "ng",
    roster: { ...AS_LEDGER, rows: ledger(pair(1, 1), { 帮扶人: "干部9", 工作单位: "某某镇人民政府" }) },
    findings: [finding("pair.idle-helper", "B4", "warning", "帮扶人干部9在台账中没有结对的学生")],
  },
  {
    name: "pair.load: a teacher with three 学困生 where the plan allows two",
    verdict: "ng",
    roster: {
      sheet: "学困生帮扶",
      rows: sheet(XUEKUN_HEADER, [xuekun(1, 1), xuekun(1, 2), xuekun(1, 3), xuekun(2, 4)], {
        title: "2026年春季学期学困生帮扶台账",
      }),
    },
    findings: [finding("pair.load", "B3", "error", "教师1帮扶 3 名学生，超过教师帮扶学困生每人最多 2 名")],
  },
  {
    name: "pair.load: two students each is within 1–2",
    verdict: "ok",
    roster: {
      sheet: "学困生帮扶",
      rows: sheet(XUEKUN_HEADER, [xuekun(1, 1), xuekun(1, 2), xuekun(2, 3)], { title: "2026年春季学期学困生帮扶台账" }),
    },
    absent: ["pair.load", "pair.idle-helper"],
  },
  {
    name: "pair.funds: 800 元 in the year's column, under 1000",
    verdict: "ng",
    roster: { ...AS_LEDGER, rows: ledger(pair(1, 1, { "年度资助金额（元）": 800 })) },
    findings: [finding("pair.funds", "J3", "warning", "干部1对学生1 2026 年资助 800 元，少于每年 1000 元")],
  },
  {
    name: "pair.funds and pair.visits: summed and counted from the records when the ledger has no columns",
    verdict: "ng",
    roster: {
      ...AS_LEDGER,
      rows: leanLedger({ 帮扶人: "干部1", 工作单位: "某某镇人民政府", 帮扶对象: "学生1", 身份证号: kid(1) }),
      others: [
        records(
          record("2026-03-05", 1, 1, "走访", 500),
          record("2026-06-10", 1, 1, "家访"),
          record("2026-09-01", 1, 1, "辅导"),
          record("2025-12-20", 1, 1, "走访", 500),
        ),
      ],
    },
    findings: [
      finding("pair.funds", "D3", "warning", "资助 500 元（按帮扶记录合计），少于每年 1000 元"),
      finding("pair.visits", "D3", "warning", "走访 2 次（按帮扶记录统计），少于每年 4 次"),
      finding("pair.record-date", "B6", "warning", "帮扶记录日期 2025-12-20 不在台账年度 2026 年内"),
    ],
  },
  {
    name: "pair.visits: 3 visits in the column",
    verdict: "ng",
    roster: { ...AS_LEDGER, rows: ledger(pair(1, 1, { 走访次数: 3 })) },
    findings: [finding("pair.visits", "K3", "warning", "走访 3 次，少于每年 4 次")],
  },
  {
    name: "pair.duplicate: the same pair twice",
    verdict: "ng",
    roster: { ...AS_LEDGER, rows: ledger(pair(1, 1), pair(1, 1)) },
    findings: [finding("pair.duplicate", "F4", "error", "干部1与学生1的结对重复出现（首次在 F3）")],
  },
  {
    name: "pair.duplicate: a 一帮一 student with a second helper",
    verdict: "ng",
    roster: {
      ...AS_LEDGER,
      rows: sheet(
        [...LEDGER_HEADER, "结对方式"],
        [pair(1, 1, { 结对方式: "一帮一" }), pair(2, 1, { 结对方式: "一帮一" })],
        { title: LEDGER_TITLE },
      ),
    },
    findings: [finding("pair.duplicate", "B4", "error", "学生1按“一帮一”结对，却有第二名帮扶人干部2")],
  },
  {
    name: "pair.duplicate: 一帮多 lets a student have two helpers",
    verdict: "ok",
    roster: { ...AS_LEDGER, rows: ledger(pair(1, 1), pair(2, 1)) },
    absent: ["pair.duplicate"],
  },
  {
    name: "pair.unknown: records naming a helper, a student and a pair the ledger does not have",
    verdict: "ng",
    roster: {
      ...AS_LEDGER,
      rows: ledger(pair(1, 1), pair(2, 2)),
      others: [
        records(
          record("2026-03-05", 7, 1, "走访"),
          record("2026-03-06", 1, 8, "走访"),
          record("2026-03-07", 1, 2, "走访"),
        ),
      ],
    },
    findings: [
      finding("pair.unknown", "C3", "warning", "帮扶记录中的帮扶人干部7不在帮扶台账中"),
      finding("pair.unknown", "D4", "warning", "帮扶记录中的学生学生8不在帮扶台账中"),
      finding("pair.unknown", "D5", "warning", "帮扶记录写的是干部1帮扶学生2，台账中没有这一结对"),
    ],
  },
  {
    name: "pair.unknown and pair.record-date: records of the ledger's pairs in its year, by name or by ID",
    verdict: "ok",
    roster: {
      ...AS_LEDGER,
      rows: ledger(pair(1, 1), pair(2, 2)),
      others: [
        records(record("2026-03-05", 1, 1, "走访"), record("2026-11-28", 2, 2, "资助", 300)),
        makeGrid(
          "帮扶记录2",
          sheet(
            ["帮扶日期", "帮扶人", "学生身份证号", "帮扶类型"],
            [{ 帮扶日期: 46100, 帮扶人: "干部1", 学生身份证号: kid(1), 帮扶类型: "家访" }],
            {
              title: null,
            },
          ),
        ),
      ],
    },
    absent: ["pair.unknown", "pair.record-date"],
  },
  {
    name: "pair.*: an aid roster with a 帮扶责任人 column stays a roster (its own rules run, no pair rule)",
    verdict: "ng",
    roster: {
      rows: sheet(
        ["序号", "姓名", "身份证号", "资助项目", "金额", "银行卡号", "帮扶责任人"],
        [
          { 姓名: "学生1", 身份证号: kid(1), 资助项目: "一补", 金额: 625, 帮扶责任人: "王老师" },
          { 姓名: "学生2", 身份证号: kid(1), 资助项目: "一补", 金额: 625, 帮扶责任人: "王老师" },
        ],
      ),
    },
    findings: [finding("dup.id", "C4", "error", "同一身份证号")],
    absent: ["pair.funds", "pair.duplicate", "pair.visits"],
  },
  {
    name: "pair.*: a scholarship roster's 成绩 and 排名 (3/45) are not a score sheet, and not unreadable",
    verdict: "ok",
    roster: {
      rows: sheet(
        ["序号", "姓名", "身份证号", "成绩", "排名", "上学期排名", "资助金额"],
        [{ 姓名: "学生1", 身份证号: kid(1), 成绩: "优秀", 排名: "3/45", 上学期排名: "5/45", 资助金额: 5000 }],
      ),
    },
    absent: ["field.unreadable", "pair.funds"],
  },
  {
    name: "pair.funds and pair.visits: records naming the student by ID only count for the pair",
    verdict: "ok",
    roster: {
      ...AS_LEDGER,
      rows: leanLedger({ 帮扶人: "干部1", 工作单位: "某某镇人民政府", 帮扶对象: "学生1", 身份证号: kid(1) }),
      others: [
        makeGrid(
          "帮扶记录",
          sheet(
            ["帮扶日期", "帮扶人", "身份证号", "帮扶类型", "金额"],
            [1, 2, 3, 4].map((m) => ({
              帮扶日期: `2026-0${m}-10`,
              帮扶人: "干部1",
              身份证号: kid(1),
              帮扶类型: "走访",
              金额: 300,
            })),
            { title: "2026年帮扶记录" },
          ),
        ),
      ],
    },
    absent: ["pair.funds", "pair.visits", "pair.unknown"],
  },
  {
    name: "pair.funds and pair.visits: a blank ledger cell is what the records say",
    verdict: "ok",
    roster: {
      ...AS_LEDGER,
      rows: ledger(pair(1, 1, { "年度资助金额（元）": null, 走访次数: null })),
      others: [records(...[1, 2, 3, 4].map((m) => record(`2026-0${m}-10`, 1, 1, "走访", 300)))],
    },
    absent: ["pair.funds", "pair.visits"],
  },
  {
    name: "pair.load: a 学优生与学困生一帮一 title takes the peer plan (one student each)",
    verdict: "ng",
    roster: {
      sheet: "结对",
      rows: sheet(
        ["序号", "帮扶人", "帮扶对象", "年级"],
        [
          { 帮扶人: "赵六", 帮扶对象: "王五", 年级: "五年级" },
          { 帮扶人: "赵六", 帮扶对象: "李四", 年级: "五年级" },
        ],
        { title: "五年级学优生与学困生一帮一结对表" },
      ),
    },
    findings: [finding("pair.load", "B3", "error", "赵六帮扶 2 名学生，超过学优生与学困生“一帮一”结对每人最多 1 名")],
  },
  {
    name: "pair.uncovered: a namesake at another school does not cover the student",
    verdict: "ng",
    roster: {
      ...AS_LEDGER,
      rows: ledger(pair(1, 1, { 帮扶对象: "张伟", 学校: "安乐学校" })),
      others: [
        makeGrid(
          "资助花名册",
          sheet(["序号", "姓名", "学校", "困难类型"], [{ 姓名: "张伟", 学校: "东山学校", 困难类型: "建档立卡" }], {
            title: "2026年秋季学期学生资助花名册",
          }),
        ),
      ],
    },
    findings: [finding("pair.uncovered", "B3", "error", "张伟（东山学校）")],
  },
  {
    name: "pair.record-date: a 2025-2026学年 ledger counts 1 September 2025 to 31 August 2026",
    verdict: "ng",
    roster: {
      ...AS_LEDGER,
      rows: sheet(LEDGER_HEADER, [pair(1, 1)], { title: "某某镇2025-2026学年帮联台账" }),
      others: [
        records(
          record("2025-10-10", 1, 1, "走访"),
          record("2026-06-01", 1, 1, "走访"),
          record("2026-09-10", 1, 1, "走访"),
        ),
      ],
    },
    findings: [finding("pair.record-date", "B5", "warning", "帮扶记录日期 2026-09-10 不在台账年度 2025—2026 学年内")],
  },
  {
    name: "pair.record-date: a record dated after today",
    verdict: "ng",
    roster: { ...AS_LEDGER, rows: ledger(pair(1, 1)), others: [records(record("2026-12-30", 1, 1, "走访"))] },
    findings: [finding("pair.record-date", "B3", "warning", "帮扶记录日期 2026-12-30 晚于今天")],
  },
  {
    name: "pair.*: the identity and phone rules run on the ledger's rows",
    verdict: "ng",
    roster: { ...AS_LEDGER, rows: ledger(pair(1, 1, { 身份证号: typo(kid(1)), 联系电话: "1380000123" })) },
    findings: [
      finding("id.checksum", "G3", "error", "校验码错误"),
      finding("phone.format", "E3", "warning", "******0123"),
    ],
  },
  {
    name: "pair.*: a two-row header (帮扶人 › 姓名 / 单位 / 电话, 帮扶对象 › 姓名 / 身份证号)",
    verdict: "ng",
    roster: {
      ...AS_LEDGER,
      rows: [
        [LEDGER_TITLE],
        ["序号", "帮扶人", null, null, "帮扶对象", null, "走访次数"],
        [null, "姓名", "单位", "联系电话", "姓名", "身份证号", null],
        [1, "干部1", "某某镇人民政府", mobile(1), "学生1", kid(1), 4],
        [2, "干部2", "县教育局", mobile(2), "学生2", adult(2).slice(0, 17) + "0", 2],
      ],
      grid: {
        merges: [
          { top: 1, left: 1, bottom: 1, right: 3 },
          { top: 1, left: 4, bottom: 1, right: 5 },
          { top: 1, left: 0, bottom: 2, right: 0 },
          { top: 1, left: 6, bottom: 2, right: 6 },
        ],
      },
    },
    findings: [finding("pair.visits", "G5", "warning", "干部2对学生2 2026 年走访 2 次")],
  },
];
