/**
 * What changed since sealing, kind by kind: the seal sheet, the sheets of the workbook (added,
 * removed, renamed, moved, hidden or shown, their values), the roster's hidden rows and columns,
 * and a workbook read in the other date system.
 */
import { cellKey, type CellValue, type Grid, type WorkbookData } from "../../grid/types";
import { maskCard, maskId } from "../../mask";
import { isDateFormat } from "../../privacy/birth";
import { detectRoster } from "../../roster/detect";
import { rosterDigest, workbookDigest } from "../digest";
import { coverageOf, partsFor, sameCoverage } from "./coverage";
import {
  SEAL_SHEET,
  STATE_WORD,
  sealSheetRows,
  type LegacySeal,
  type Seal,
  type SealCoverage,
  type StoredSeal,
} from "./format";

/** The kinds of change verifySeal tells apart (findings are data: the message is rendered from these). */
export type SealChangeKind =
  /** The 校验凭证 sheet is no longer very hidden. */
  | "seal-unhidden"
  /** The 校验凭证 sheet's readable rows disagree with its JSON row, or it holds something else. */
  | "seal-edited"
  /** The seal's own data (totals, pack, time…) no longer match its digest. */
  | "seal-data"
  | "roster-missing"
  | "roster-content"
  | "sheet-added"
  | "sheet-removed"
  | "sheet-renamed"
  | "sheet-state"
  | "sheet-order"
  | "sheet-content"
  | "hidden-rows"
  | "hidden-columns"
  /** Only date cells differ, by the 1900/1904 date systems' 1462 days. */
  | "date-system"
  /**
   * The people rows or amounts the seal records differ from the roster's now, though the digest
   * matches: a formula's result changed (the digest keeps formulas, not their results).
   */
  | "totals";

export interface SealChange {
  kind: SealChangeKind;
  /** Chinese, naming the sheet or row; sheet names masked, never a cell's value. */
  message: string;
  /** The sheet concerned (as it is named now, when it still exists). */
  sheet?: string;
}

/** Days between the 1900 and 1904 date systems' serials of the same date. */
const DATE1904_DAYS = 1462;

/** The grid with every date-formatted number moved by `days`. */
function shiftDates(grid: Grid, days: number): Grid {
  const rows = grid.rows.map((row, r) =>
    row.map((v, c) => (typeof v === "number" && isDateFormat(grid.formats.get(cellKey(r, c))) ? v + days : v)),
  );
  return { ...grid, rows };
}

function hasDates(grid: Grid): boolean {
  for (const [key, format] of grid.formats) {
    if (!isDateFormat(format)) continue;
    const [r, c] = key.split(",").map(Number);
    if (typeof grid.rows[r ?? -1]?.[c ?? -1] === "number") return true;
  }
  return false;
}

/**
 * Whether `digestOf` matches once date cells are moved between the 1900 and 1904 date systems: a
 * 1904-system workbook sealed by one host and read by another (the add-in gives stored serials, a
 * file library converts them), not an edit.
 */
function onlyDateSystemDiffers(grids: readonly Grid[], digestOf: (shifted: (g: Grid) => Grid) => boolean): boolean {
  if (!grids.some(hasDates)) return false;
  return [DATE1904_DAYS, -DATE1904_DAYS].some((days) => digestOf((g) => shiftDates(g, days)));
}

/** Runs of 7+ digits (an ID, a card, a phone) in a sheet name, masked: messages never carry them. */
const LONG_DIGITS = /\d{7,}[Xx]?/g;
export function quoted(name: string): string {
  const shown = name.replace(LONG_DIGITS, (run) =>
    run.length === 15 || run.length === 18 ? maskId(run) : maskCard(run),
  );
  return `“${shown}”`;
}

/** A cell as text, for comparing the seal sheet's readable rows with its data (the add-in may store numbers as text). */
function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** The seal sheet: very hidden, and holding exactly the rows the seal's data gives. */
export function sealSheetChanges(grid: Grid, seal: StoredSeal): SealChange[] {
  const changes: SealChange[] = [];
  if (grid.state !== "veryHidden")
    changes.push({
      kind: "seal-unhidden",
      sheet: SEAL_SHEET,
      message: `“${SEAL_SHEET}”工作表已被取消深度隐藏（现为${STATE_WORD[grid.state]}）`,
    });
  const expected = sealSheetRows(seal).map(([label, value]): [string, CellValue] => [cellText(label), value ?? null]);
  const wanted = new Set(expected.map(([label]) => label));
  const seen = new Map<string, CellValue>();
  const extra: number[] = [];
  grid.rows.forEach((row, r) => {
    const label = cellText(row[0]);
    const beyond = row.some((v, c) => c > 1 && cellText(v) !== "");
    if (label === "") {
      if (beyond || cellText(row[1]) !== "") extra.push(r);
      return;
    }
    if (!wanted.has(label) || seen.has(label)) {
      extra.push(r);
      return;
    }
    seen.set(label, row[1] ?? null);
    if (beyond) extra.push(r);
  });
  const missing = expected.filter(([label]) => !seen.has(label)).map(([label]) => label);
  const differ = expected
    .filter(([label, value]) => seen.has(label) && cellText(seen.get(label)) !== cellText(value))
    .map(([label]) => label);
  const labels = (list: string[]) => list.map((l) => `“${l}”`).join("");
  if (differ.length > 0)
    changes.push({ kind: "seal-edited", sheet: SEAL_SHEET, message: `校验凭证上的${labels(differ)}与凭证数据不一致` });
  if (missing.length > 0)
    changes.push({ kind: "seal-edited", sheet: SEAL_SHEET, message: `校验凭证上缺少${labels(missing)}一行` });
  if (extra.length > 0)
    changes.push({
      kind: "seal-edited",
      sheet: SEAL_SHEET,
      message: `校验凭证上有凭证数据之外的内容（第 ${extra.map((r) => r + 1).join("、")} 行）`,
    });
  return changes;
}

/** The roster's values changed: the digest says so, and the people rows counted now. */
function rosterContentChange(grid: Grid, seal: StoredSeal): SealChange {
  const parts = [`工作表${quoted(seal.sheet)}的内容摘要与凭证不符（有单元格的值被改动、添加或删除）`];
  const layout = detectRoster(grid);
  if (layout.ok && layout.value.dataRows.length !== seal.rows)
    parts.push(`人数行由 ${seal.rows} 行变为 ${layout.value.dataRows.length} 行`);
  return { kind: "roster-content", sheet: grid.name, message: parts.join("；") };
}

function dateSystemChange(seal: StoredSeal): SealChange {
  return {
    kind: "date-system",
    sheet: seal.sheet,
    message: `工作表${quoted(seal.sheet)}中只有日期单元格与凭证相差 ${DATE1904_DAYS} 天，其余内容与凭证一致：这个工作簿使用 1904 日期系统，Excel 加载项与命令行（或独立页面）读出的日期相差 ${DATE1904_DAYS} 天`,
  };
}

/** A zizhu-seal/1 seal, the old way: the roster sheet's "zizhu-digest/2" digest. */
export function legacyChanges(wb: WorkbookData, seal: LegacySeal): SealChange[] {
  const grid = wb.sheets.find((s) => s.name === seal.sheet);
  if (!grid)
    return [
      {
        kind: "roster-missing",
        message: `校验时的花名册工作表${quoted(seal.sheet)}已不存在（被删除或改名）`,
      },
    ];
  if (rosterDigest(grid) === seal.digest) return [];
  if (onlyDateSystemDiffers([grid], (shift) => rosterDigest(shift(grid)) === seal.digest))
    return [dateSystemChange(seal)];
  return [rosterContentChange(grid, seal)];
}

const listText = (text: string, unit: string) => (text === "" ? "无" : unit === "行" ? `第 ${text} 行` : `${text} 列`);

/** What differs between the sealed coverage and the workbook's, kind by kind. */
function coverageChanges(seal: Seal, now: SealCoverage, wb: WorkbookData): SealChange[] {
  const changes: SealChange[] = [];
  const before = seal.coverage.sheets;
  const after = now.sheets;
  const afterNames = new Set(after.map((s) => s.name));
  const beforeNames = new Set(before.map((s) => s.name));
  const removed = before.filter((s) => !afterNames.has(s.name));
  const added = after.filter((s) => !beforeNames.has(s.name));
  // A removed and an added sheet with the same values: a rename.
  const renamedTo = new Map<string, string>();
  for (const r of removed) {
    const a = added.find((x) => x.content === r.content && ![...renamedTo.values()].includes(x.name));
    if (a) renamedTo.set(r.name, a.name);
  }
  const rosterGone = !afterNames.has(seal.sheet);
  if (rosterGone) {
    const to = renamedTo.get(seal.sheet);
    changes.push({
      kind: "roster-missing",
      message: `校验时的花名册工作表${quoted(seal.sheet)}已不存在（被删除或改名${to !== undefined ? `，很可能改名为${quoted(to)}` : ""}）`,
    });
  }
  for (const r of removed) {
    if (r.name === seal.sheet) continue;
    const to = renamedTo.get(r.name);
    changes.push(
      to !== undefined
        ? { kind: "sheet-renamed", sheet: to, message: `工作表${quoted(r.name)}改名为${quoted(to)}` }
        : { kind: "sheet-removed", message: `删除了工作表${quoted(r.name)}` },
    );
  }
  const renamedNew = new Set(renamedTo.values());
  for (const a of added) {
    if (renamedNew.has(a.name)) continue;
    changes.push({
      kind: "sheet-added",
      sheet: a.name,
      message: `新增了工作表${quoted(a.name)}（${STATE_WORD[a.state]}）`,
    });
  }
  // The same sheets (renamed ones by their new names) in another order.
  const kept = before.map((s) => renamedTo.get(s.name) ?? s.name).filter((name) => afterNames.has(name));
  const keptSet = new Set(kept);
  const order = after.map((s) => s.name).filter((name) => keptSet.has(name));
  if (kept.join("\n") !== order.join("\n"))
    changes.push({
      kind: "sheet-order",
      message: `工作表的顺序有变化（校验时：${kept.map(quoted).join("、")}；现在：${order.map(quoted).join("、")}）`,
    });
  const nowByName = new Map(after.map((s) => [s.name, s]));
  for (const b of before) {
    const name = renamedTo.get(b.name) ?? b.name;
    const n = nowByName.get(name);
    if (!n || (rosterGone && b.name === seal.sheet)) continue;
    if (n.state !== b.state)
      changes.push({
        kind: "sheet-state",
        sheet: name,
        message: `工作表${quoted(name)}由${STATE_WORD[b.state]}改为${STATE_WORD[n.state]}`,
      });
    if (n.content !== b.content) {
      const grid = wb.sheets.find((g) => g.name === name);
      changes.push(
        b.name === seal.sheet && grid
          ? rosterContentChange(grid, seal)
          : {
              kind: "sheet-content",
              sheet: name,
              message: `工作表${quoted(name)}的内容有改动（有单元格的值或公式被改动、添加或删除）`,
            },
      );
    }
  }
  if (!rosterGone) {
    const roster = quoted(seal.sheet);
    if (now.hiddenRows !== seal.coverage.hiddenRows)
      changes.push({
        kind: "hidden-rows",
        sheet: seal.sheet,
        message: `工作表${roster}中隐藏的行有变化（校验时：${listText(seal.coverage.hiddenRows, "行")}；现在：${listText(now.hiddenRows, "行")}）`,
      });
    if (now.hiddenColumns !== seal.coverage.hiddenColumns)
      changes.push({
        kind: "hidden-columns",
        sheet: seal.sheet,
        message: `工作表${roster}中隐藏的列有变化（校验时：${listText(seal.coverage.hiddenColumns, "列")}；现在：${listText(now.hiddenColumns, "列")}）`,
      });
  }
  return changes;
}

/** A zizhu-seal/2 seal: the workbook's "zizhu-digest/3" digest, and what kind of change when it differs. */
export function workbookChanges(wb: WorkbookData, seal: Seal): SealChange[] {
  const parts = partsFor(wb, seal);
  const now = coverageOf(parts);
  if (workbookDigest(parts) === seal.digest) {
    if (sameCoverage(now, seal.coverage)) return [];
    return [
      {
        kind: "seal-data",
        sheet: SEAL_SHEET,
        message: "凭证数据中的工作表列表与内容摘要不一致（凭证数据被改动）",
      },
    ];
  }
  const grids = wb.sheets.filter((g) => g.name !== SEAL_SHEET);
  const shiftedMatches = (shift: (g: Grid) => Grid) =>
    workbookDigest(partsFor({ ...wb, sheets: wb.sheets.map((g) => (g.name === SEAL_SHEET ? g : shift(g))) }, seal)) ===
    seal.digest;
  if (onlyDateSystemDiffers(grids, shiftedMatches)) return [dateSystemChange(seal)];
  const changes = coverageChanges(seal, now, wb);
  if (changes.length > 0) return changes;
  return [
    {
      kind: "seal-data",
      sheet: SEAL_SHEET,
      message: "凭证数据与内容摘要不符（凭证中的人数、金额、政策包或校验时间被改动）",
    },
  ];
}
