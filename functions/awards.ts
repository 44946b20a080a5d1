/**
 * ZIZHU functions for the progress awards of 学困生 (方案4 三): ranks within a range, the places
 * moved up since last term, and the award tiers by share from the active policy pack (the seed
 * pack unless a host chose another). The rules (competition ranks, rounding, ties) are the engine's
 * (src/core/pairing/awards.ts).
 *
 * Host quirk: Excel for Windows passes an empty cell as 0 (office-js #4702). No rank is 0, so a rank
 * of 0 is read as empty; a score of 0 is a real score, except that RANK_IN gives "" for a score of 0
 * that the range does not have (an empty cell).
 */
import { isEmptyCell, plainText, rankChange, studentAwards } from "../src/core";
import { excelError, guard, isBlankArg } from "./excel";
import { functionsContext } from "./context";

/** A number, or number text ("95", "９５"); null for anything else. */
function numberOf(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value.normalize("NFKC").trim()) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

/** The cells of a range argument (a single cell arrives as a value). */
function cellsOf(range: unknown): unknown[] {
  return Array.isArray(range) ? (range as unknown[]).flat() : [range];
}

/** A rank argument: a positive whole number; an empty cell (or 0) is null. */
function rankArg(value: unknown, name: string): number | null {
  if (isBlankArg(value)) return null;
  const n = numberOf(value);
  if (n === null || !Number.isInteger(n) || n < 1) {
    throw excelError(`${name}应为正整数（第几名），收到：${plainText(value)}`);
  }
  return n;
}

/**
 * 成绩在区域中的名次：分数高者名次在前，同分同名次（如 1、2、2、4），区域中的空白和文字（如 缺考）不参加排名。成绩不在区域中时返回 #N/A。
 * @customfunction RANK_IN
 * @param score 成绩
 * @param scores 同一组学生的成绩区域，如 $D$2:$D$40
 * @returns 名次
 */
export function rankIn(score: unknown, scores: unknown[][]): number | string {
  return guard(() => {
    if (isEmptyCell(score)) return "";
    const s = numberOf(score);
    if (s === null) throw excelError(`成绩应为数字，收到：${plainText(score)}`);
    const all = cellsOf(scores).map((c) => (isEmptyCell(c) ? null : numberOf(c)));
    if (!all.includes(s)) {
      if (s === 0) return "";
      throw excelError(`成绩 ${s} 不在比较区域中：请检查区域是否包含本人的成绩`, "notAvailable");
    }
    return 1 + all.filter((other) => other !== null && other > s).length;
  });
}

/**
 * 名次变化：上学期名次 − 本次名次，正数为提高的位次，负数为退步，0 为不变。任一名次为空时返回空文本。
 * @customfunction RANK_CHANGE
 * @param lastRank 上学期名次
 * @param rank 本次名次
 * @returns 提高的位次
 */
export function rankChangeOf(lastRank: unknown, rank: unknown): number | string {
  return guard(() => {
    const change = rankChange(rankArg(lastRank, "上学期名次"), rankArg(rank, "本次名次"));
    return change ?? "";
  });
}

/**
 * 学困生进步奖（方案4 三）：按名次提高的位次从多到少，按政策包中的比例评出各等奖（如 一等奖 20%、二等奖 30%、三等奖 50%，以名次提高者人数为基数，四舍五入，一等奖至少 1 人；提高位次相同者同等次，取较高的等次）；没有进步的不予评价（返回空文本）。两个区域一一对应，结果溢出为一列。
 * @customfunction PROGRESS_AWARD
 * @param lastRanks 上学期名次区域，如 $E$2:$E$40
 * @param ranks 本次名次区域，与上学期名次区域一样大，如 $F$2:$F$40
 * @returns 各人的等次（一列）
 */
export function progressAward(lastRanks: unknown[][], ranks: unknown[][]): string[][] {
  return guard(() => {
    const awards = functionsContext().pack.pairing.awards;
    if (!awards) throw excelError("当前政策包没有规定学困生进步奖的等次和比例（pairing.awards）", "notAvailable");
    const last = cellsOf(lastRanks);
    const now = cellsOf(ranks);
    if (last.length !== now.length) {
      throw excelError(
        `上学期名次区域有 ${last.length} 个单元格，本次名次区域有 ${now.length} 个：两者应一样大，如 $E$2:$E$40 与 $F$2:$F$40`,
      );
    }
    const people = last.map((l, i) => ({
      key: String(i),
      lastRank: rankArg(l, `第 ${i + 1} 个上学期名次`),
      rank: rankArg(now[i], `第 ${i + 1} 个本次名次`),
    }));
    return studentAwards(people, awards.students).map((r) => [r.tier ?? ""]);
  });
}
