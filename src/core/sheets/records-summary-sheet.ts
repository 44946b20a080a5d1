/**
 * 帮扶记录汇总 (方案8 (二)4): one row per pair of the 帮联台账 with what the 帮扶记录 add up to for the
 * ledger's year — visits, the latest visit, the money — against the plan's yearly minimums, as a NEW
 * sheet with a 合计 row.
 *
 * - The ledger is the sheet the command was given when it is one (kind "pairs"), else the first
 *   sheet (visible first) detected as a 帮联台账; a score sheet with a 帮扶教师 column is not one.
 * - Records are matched to pairs as the check does (pairing/check.ts): by helper name and the
 *   student's ID, or the student's name; only the records dated in the ledger's year and not after
 *   today count. Visits are the records whose type is one of the plan's visitTypes.
 * - Without a 帮扶记录 sheet (or without its 类型 / 金额 column) the counts come from the ledger's own
 *   走访次数 / 年度资助金额 columns, and the note says so.
 * - The pairs' rows are plain values (they summarise another sheet's rows); the 合计 row is SUM and
 *   COUNTIF formulas over them.
 */
import type { CivilDate } from "../date/civil";
import { formatIso } from "../date/civil";
import { serialFromCivil } from "../date/serial";
import { cellKey, type CellRange, type CellValue, type Grid, type WorkbookData } from "../grid/types";
import { findPairingPlan } from "../pairing/plan";
import {
  calendarYear,
  inPeriod,
  ledgerPeriod,
  type LedgerPeriod,
  nameKey,
  PairLookup,
  pairKey,
  pairRows,
  readRows,
  recordRows,
  type LedgerSheet,
  type PairRow,
  type RecordRow,
} from "../pairing/ledger";
import type { PairingPlan } from "../policy";
import { detectRoster, type RosterLayout } from "../roster/detect";
import { a1Range, formulaString } from "./refs";
import { clampWidth, roundTo, SHEET_STYLES, spreadRow } from "./roster-sheet";
import { chineseDate, type WorkbookBuilderContext, type WorkbookBuilderOptions } from "./source";
import { builtSheet, pushHeaderRow, pushTitleRow, sheetParts, type BuildResult } from "./spec";
import { headerRowLayout, textWidth } from "./styles";

/** Default title from the ledger's period (2026年帮扶记录汇总); default name 帮扶记录汇总. */
export type RecordsSummaryOptions = WorkbookBuilderOptions;

/** The sheet the command was given is used when it is a ledger. */
export type RecordsSummaryContext = WorkbookBuilderContext;

export const RECORDS_SUMMARY_SHEET_NAME = "帮扶记录汇总";
export const RECORDS_SUMMARY_HEADER = [
  "序号",
  "帮扶人",
  "单位",
  "帮扶对象",
  "走访次数",
  "最近走访",
  "资助金额",
  "每年应不少于",
  "是否达标",
] as const;

const COL = { no: 0, helper: 1, unit: 2, student: 3, visits: 4, last: 5, funds: 6, min: 7, ok: 8 } as const;
const WIDTH = RECORDS_SUMMARY_HEADER.length;
const ABSENT = "—";
export const MET = "达标";
export const NOT_MET = "未达标";

/** A score sheet (姓名 + both terms' scores or ranks) that detectRoster calls "pairs" for its 帮扶教师 column. */
function isScoreLike(layout: RosterLayout): boolean {
  const f = layout.fieldColumns;
  return (f.score !== undefined || f.rank !== undefined) && (f.lastScore !== undefined || f.lastRank !== undefined);
}

function isLedger(layout: RosterLayout, given: boolean): boolean {
  return (given ? layout.kind : layout.detected) === "pairs" && !isScoreLike(layout);
}

/** Visible sheets first, then the hidden ones, each detected once. */
function detectedSheets(wb: WorkbookData, ctx: RecordsSummaryContext): LedgerSheet[] {
  const ordered: Grid[] = [
    ...wb.sheets.filter((s) => s.state === "visible"),
    ...wb.sheets.filter((s) => s.state !== "visible"),
  ];
  return ordered.flatMap((grid) => {
    if (ctx.source && ctx.source.grid === grid) return [{ grid, layout: ctx.source.layout }];
    const d = detectRoster(grid, { overrides: ctx.columnOverrides?.[grid.name] });
    return d.ok ? [{ grid, layout: d.value }] : [];
  });
}

interface Tally {
  visits: number;
  funds: number;
  /** The latest visit's date, ISO. */
  lastVisit: string | null;
}

interface RecordStats {
  tallies: Map<string, Tally>;
  outOfYear: number;
  undated: number;
  unmatched: number;
}

/** Each pair's key (helper | student by ID or name), as check.ts keys it. */

function tallyRecords(
  records: readonly RecordRow[],
  pairs: readonly PairRow[],
  visitTypes: ReadonlySet<string>,
  period: LedgerPeriod,
  today: CivilDate,
): RecordStats {
  const lookup = new PairLookup(pairs);
  const todayIso = formatIso(today);
  const stats: RecordStats = { tallies: new Map(), outOfYear: 0, undated: 0, unmatched: 0 };
  for (const r of records) {
    if (!nameKey(r.helper) && !r.student && !r.id18) continue;
    const key = lookup.find(r.helper, r.id18, r.student);
    if (!key) {
      stats.unmatched++;
      continue;
    }
    if (!r.date) {
      stats.undated++;
      continue;
    }
    if (r.date > todayIso || !inPeriod(r.date, period)) {
      stats.outOfYear++;
      continue;
    }
    const t = stats.tallies.get(key) ?? { visits: 0, funds: 0, lastVisit: null };
    if (r.amount !== null) t.funds += r.amount;
    if (r.type !== null && visitTypes.has(r.type)) {
      t.visits += 1;
      if (t.lastVisit === null || r.date > t.lastVisit) t.lastVisit = r.date;
    }
    stats.tallies.set(key, t);
  }
  return stats;
}

/** "2026-03-01" → its Excel serial (shown with the date style). */
function dateSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return serialFromCivil({ y: y as number, m: m as number, d: d as number });
}

function amountText(v: number): string {
  return String(roundTo(v, 2));
}

/** 达标, or 未达标（差 200 元、差 1 次走访）; null when nothing can be judged. */
export function verdict(plan: PairingPlan | null, visits: number | null, funds: number | null): string | null {
  const short: string[] = [];
  let judged = false;
  if (plan?.minFunds && funds !== null) {
    judged = true;
    const gap = roundTo(plan.minFunds.amount - funds, 2);
    if (gap > 0) short.push(`差 ${amountText(gap)} 元`);
  }
  if (plan?.minVisits && visits !== null) {
    judged = true;
    const gap = plan.minVisits.count - visits;
    if (gap > 0) short.push(`差 ${gap} 次走访`);
  }
  if (!judged) return null;
  return short.length === 0 ? MET : `${NOT_MET}（${short.join("、")}）`;
}

/** "2026年帮扶记录汇总", "2025—2026学年帮扶记录汇总". */
export function recordsSummaryTitle(period: LedgerPeriod | number): string {
  const p = typeof period === "number" ? calendarYear(period) : period;
  return `${p.label.zh.replace(/\s+/g, "")}帮扶记录汇总`;
}

export function buildRecordsSummarySheet(
  wb: WorkbookData,
  options: RecordsSummaryOptions,
  ctx: RecordsSummaryContext = {},
): BuildResult {
  const sheets = detectedSheets(wb, ctx);
  const ledgers = sheets.filter((s) => isLedger(s.layout, ctx.source?.grid === s.grid));
  const ledger = ledgers.find((s) => ctx.source?.grid === s.grid) ?? ledgers[0];
  if (!ledger) {
    return {
      ok: false,
      problem: {
        code: "pair-summary.no-ledger",
        message:
          "工作簿中没有找到帮联台账（需要“帮扶人”“帮扶对象”或“姓名”“身份证号”等列），无法生成帮扶记录汇总；请打开或选中帮联台账所在的工作表后再试。",
      },
    };
  }
  const { today, pack } = options;
  const pairs = pairRows(readRows(ledger), today).filter((p) => p.helper || p.student);
  if (pairs.length === 0) {
    return {
      ok: false,
      problem: {
        code: "pair-summary.empty",
        message: `工作表“${ledger.grid.name}”的帮联台账表头下面没有结对的数据行；请逐行填写（每行一对帮扶人和帮扶对象）后再生成帮扶记录汇总。`,
      },
    };
  }
  const recordSheets = sheets.filter(
    (s) => s !== ledger && (ctx.source?.grid === s.grid ? s.layout.kind : s.layout.detected) === "records",
  );
  const plan = findPairingPlan(pack, undefined, ledger.layout);
  // The period the check counts too: the ledger's title, else a records sheet's, else today's year.
  const period =
    [ledger, ...recordSheets].map((s) => ledgerPeriod(s.layout)).find((p) => p !== null) ?? calendarYear(today.y);
  const visitTypes = new Set(plan?.visitTypes ?? ["走访", "家访"]);
  const records = recordSheets.flatMap((s) => recordRows(readRows(s), today));
  // Each count from the records when they carry it, else from the ledger's own column.
  const visitsFromRecords = recordSheets.some((s) => s.layout.fieldColumns.recordType !== undefined);
  const fundsFromRecords = recordSheets.some((s) => s.layout.fieldColumns.amount !== undefined);
  const ledgerVisits = ledger.layout.fieldColumns.visits !== undefined;
  const ledgerFunds = ledger.layout.fieldColumns.amount !== undefined;
  const stats = tallyRecords(records, pairs, visitTypes, period, today);
  const notes: string[] = [];

  const table = sheetParts();
  const { rows, merges, styleRanges, formulas, rowHeights } = table;
  const full = (row: number): CellRange => ({ top: row, left: 0, bottom: row, right: WIDTH - 1 });
  const blank = (): CellValue[] => new Array<CellValue>(WIDTH).fill(null);

  const title = options.title?.trim() || recordsSummaryTitle(period);
  pushTitleRow(table, WIDTH, title);
  const headerRow = pushHeaderRow(table, WIDTH, RECORDS_SUMMARY_HEADER);

  const top = rows.length;
  let short = 0;
  let met = 0;
  let noHelper = 0;
  let noStudent = 0;
  // A pair listed twice: counted on its first row only, so the 合计 does not count its records twice.
  const firstOf = new Map<string, number>();
  const duplicates: number[] = [];
  pairs.forEach((p, i) => {
    const out = blank();
    out[COL.no] = i + 1;
    out[COL.helper] = p.helper?.trim() || "（未填写）";
    out[COL.unit] = p.helperUnit?.trim() || ABSENT;
    out[COL.student] = p.student?.trim() || "（未结对）";
    out[COL.min] = plan?.minFunds ? plan.minFunds.amount : ABSENT;
    const paired = !!p.helper && !!p.student;
    const first = paired ? firstOf.get(pairKey(p)) : undefined;
    if (paired && first === undefined) firstOf.set(pairKey(p), i + 1);
    if (first !== undefined) {
      duplicates.push(p.row + 1);
      out[COL.visits] = ABSENT;
      out[COL.last] = ABSENT;
      out[COL.funds] = ABSENT;
      out[COL.ok] = `重复结对（同序号 ${first}）`;
      rows.push(out);
      return;
    }
    const tally = paired ? stats.tallies.get(pairKey(p)) : undefined;
    const visits = visitsFromRecords ? (paired ? (tally?.visits ?? 0) : null) : ledgerVisits ? (p.visits ?? 0) : null;
    const funds = fundsFromRecords
      ? paired
        ? roundTo(tally?.funds ?? 0, 2)
        : null
      : ledgerFunds
        ? (p.funds ?? 0)
        : null;
    out[COL.visits] = visits ?? ABSENT;
    out[COL.last] = tally?.lastVisit ? dateSerial(tally.lastVisit) : ABSENT;
    out[COL.funds] = funds ?? ABSENT;
    if (!p.helper) {
      noHelper++;
      out[COL.ok] = "未填写帮扶人";
    } else if (!p.student) {
      noStudent++;
      out[COL.ok] = "未结对学生";
    } else {
      const v = verdict(plan, visits, funds);
      out[COL.ok] = v ?? ABSENT;
      if (v === MET) met++;
      else if (v !== null) short++;
    }
    rows.push(out);
  });
  const bottom = rows.length - 1;

  // 合计: SUM over the pairs' rows (text such as "—" is left out by SUM), the verdicts counted.
  const totalRow = rows.length;
  const total = blank();
  total[COL.no] = "合计";
  merges.push({ top: totalRow, left: COL.no, bottom: totalRow, right: COL.student });
  const sumOf = (c: number): number =>
    roundTo(
      rows.slice(top, bottom + 1).reduce((s, r) => s + (typeof r[c] === "number" ? (r[c] as number) : 0), 0),
      2,
    );
  total[COL.visits] = sumOf(COL.visits);
  formulas.set(cellKey(totalRow, COL.visits), { text: `SUM(${a1Range(top, COL.visits, bottom, COL.visits)})` });
  total[COL.funds] = sumOf(COL.funds);
  formulas.set(cellKey(totalRow, COL.funds), { text: `SUM(${a1Range(top, COL.funds, bottom, COL.funds)})` });
  const okRange = a1Range(top, COL.ok, bottom, COL.ok);
  total[COL.ok] = `${met} 对达标，${short} 对未达标`;
  formulas.set(cellKey(totalRow, COL.ok), {
    text: `COUNTIF(${okRange},${formulaString(MET)})&${formulaString(" 对达标，")}&COUNTIF(${okRange},${formulaString(`${NOT_MET}*`)})&${formulaString(" 对未达标")}`,
  });
  rows.push(total);

  styleRanges.push({ range: { top, left: 0, bottom: totalRow, right: WIDTH - 1 }, style: "cell" });
  styleRanges.push({ range: { top, left: 0, bottom: totalRow, right: COL.student }, style: "center" });
  styleRanges.push({ range: { top, left: COL.visits, bottom: totalRow, right: COL.visits }, style: "integer" });
  styleRanges.push({ range: { top, left: COL.last, bottom, right: COL.last }, style: "date" });
  styleRanges.push({ range: { top, left: COL.funds, bottom: totalRow, right: COL.min }, style: "money" });
  styleRanges.push({ range: { top, left: COL.ok, bottom: totalRow, right: COL.ok }, style: "left" });
  styleRanges.push({ range: full(totalRow), style: "total" });

  // The standard, with its sources from the pack, and where the numbers come from.
  const noteRow = (text: string): void => {
    const r = rows.length;
    const out = blank();
    out[0] = text;
    rows.push(out);
    merges.push(full(r));
    styleRanges.push({ range: full(r), style: "note" });
    noteRows.push({ row: r, text });
  };
  const noteRows: { row: number; text: string }[] = [];
  const minimums: string[] = [];
  if (plan?.minFunds)
    minimums.push(`每年资助金额不少于 ${amountText(plan.minFunds.amount)} 元（${plan.minFunds.source}）`);
  if (plan?.minVisits) minimums.push(`每年走访不少于 ${plan.minVisits.count} 次（${plan.minVisits.source}）`);
  const types = [...visitTypes].map((t) => `“${t}”`).join("");
  const whence: string[] = [];
  whence.push(
    visitsFromRecords
      ? `走访次数为帮扶记录中类型为${types}的记录条数`
      : ledgerVisits
        ? `走访次数取自台账的“走访次数”列`
        : "没有走访次数",
  );
  whence.push(
    fundsFromRecords
      ? "资助金额为帮扶记录的金额合计（元）"
      : ledgerFunds
        ? "资助金额取自台账的“年度资助金额”列（元）"
        : "没有资助金额",
  );
  if (visitsFromRecords || fundsFromRecords)
    whence.push(`只计 ${period.label.zh}内（截至${chineseDate(today)}）的记录`);
  noteRow(
    `${plan ? `标准（${plan.name}，${plan.source}）：${minimums.join("；") || "政策包未规定每年的资助金额和走访次数"}。` : "政策包中没有帮扶计划，未判断是否达标。"}${whence.join("，")}。`,
  );

  rows.push(blank());
  const signRow = rows.length;
  const sign = spreadRow(["单位（盖章）：", "经办人（签字）：", `日期：${chineseDate(today)}`], WIDTH, signRow);
  rows.push(sign.cells);
  merges.push(...sign.merges);
  styleRanges.push({ range: full(signRow), style: "sign" });
  rowHeights.set(signRow, 30);

  const widths = RECORDS_SUMMARY_HEADER.map((h, c) => {
    let w = textWidth(h);
    for (let r = top; r <= totalRow; r++) {
      const v = rows[r]?.[c];
      if (v === null || v === undefined || (r === totalRow && c <= COL.student)) continue;
      w = Math.max(
        w,
        c === COL.last && typeof v === "number"
          ? 10
          : typeof v === "number"
            ? c === COL.funds || c === COL.min
              ? v.toFixed(2).length + 2
              : String(v).length
            : textWidth(String(v)),
      );
    }
    return clampWidth(w + 2, c === COL.no ? 6 : 8);
  });

  // A merged note wraps: about 14 points a line over the table's width.
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  for (const n of noteRows) rowHeights.set(n.row, Math.max(30, Math.ceil(textWidth(n.text) / tableWidth) * 14 + 6));

  // Notes.
  const where = ledger.grid.name;
  if (recordSheets.length === 0)
    notes.push(
      `工作簿中没有帮扶记录工作表，走访次数和资助金额取自“${where}”的${[ledgerVisits ? "“走访次数”" : "", ledgerFunds ? "“年度资助金额”" : ""].filter(Boolean).join("、") || "相应"}列${ledgerVisits && ledgerFunds ? "" : "（台账中没有的一栏显示“—”）"}，没有最近走访日期。`,
    );
  if (ledgers.length > 1)
    notes.push(`工作簿中有 ${ledgers.length} 张帮联台账，只汇总了“${where}”；其余的请选中后分别生成。`);
  if (stats.outOfYear > 0)
    notes.push(`${stats.outOfYear} 条帮扶记录的日期不在 ${period.label.zh}内（或晚于今天），未计入。`);
  if (stats.undated > 0) notes.push(`${stats.undated} 条帮扶记录没有日期，未计入；请补填日期后重新生成。`);
  if (stats.unmatched > 0)
    notes.push(
      `${stats.unmatched} 条帮扶记录的帮扶人或帮扶对象对不上“${where}”中的结对，未计入；可在任务窗格“校验”页查看是哪几条。`,
    );
  if (duplicates.length > 0)
    notes.push(
      `“${where}”第 ${duplicates.join("、")} 行与前面的行是同一结对，只在第一次出现的行统计（重复的行显示“${ABSENT}”，不计入合计）。`,
    );
  if (noHelper > 0) notes.push(`“${where}”中有 ${noHelper} 行没有填写帮扶人。`);
  if (noStudent > 0) notes.push(`“${where}”中有 ${noStudent} 名帮扶人没有结对学生。`);
  if (short > 0) notes.push(`${short} 对未达到每年的资助金额或走访次数（见“是否达标”一栏）。`);

  const parts = { rows, formulas, styles: SHEET_STYLES, styleRanges, merges, columnWidths: widths, rowHeights };
  return builtSheet(
    options.name ?? RECORDS_SUMMARY_SHEET_NAME,
    "summary",
    { ...parts, ...headerRowLayout(headerRow) },
    notes,
  );
}
