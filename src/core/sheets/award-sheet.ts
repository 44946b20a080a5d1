/**
 * 进步奖名单 (方案4 三): the 学困生 who moved up since last term, in tiers by the pack's shares, and —
 * when the score sheet names each student's 帮扶教师 — the teachers' 爱心工程奖, as a NEW sheet.
 *
 * - The score sheet is the first sheet (the roster the command was given first) whose columns make
 *   it one: 姓名, 上学期成绩/名次, 本学期成绩/名次 (detectRoster's kind "scores"; with a 帮扶教师
 *   column detectRoster calls it a ledger, "pairs", and the columns decide).
 * - With a 学科 column every subject is assessed on its own: ranks from scores are ranked within the
 *   subject and the tiers' shares apply to those of the subject who moved up (awards.ts).
 * - Everyone is listed: the winners first (by tier, then places moved up), then those without an
 *   award with the reason in the 奖项 column (名次没有提高，不予评价 …), so the list can be checked
 *   against the score sheet; a 公示 copy keeps only the rows it needs.
 * - 爱心工程奖: one row per teacher; 转化人数 counts the teacher's students (by name) who moved up in
 *   at least one subject, 提高位次合计 adds up every place those students moved up.
 * - The values are plain values, not formulas: tiers depend on a ranking no formula here expresses.
 */
import type { CellRange, CellValue, WorkbookData } from "../grid/types";
import {
  awardReasonText,
  studentAwards,
  teacherAwards,
  type AwardResult,
  type TeacherAwardResult,
} from "../pairing/awards";
import { nameKey, readRows, scoreRows, type ScoreRow } from "../pairing/ledger";
import type { AwardTiers } from "../policy/schema";
import { detectRoster, type RosterLayout } from "../roster/detect";
import { clampWidth, originalTitle, SHEET_STYLES, spreadRow } from "./roster-sheet";
import { chineseDate, type RosterSource, type WorkbookBuilderContext, type WorkbookBuilderOptions } from "./source";
import { builtSheet, pushHeaderRow, pushTitleRow, sheetParts, type BuildResult } from "./spec";
import { headerRowLayout, textWidth } from "./styles";

/** Default title from the score sheet's ("…成绩表" → "…进步奖名单"); default name 进步奖名单. */
export type AwardOptions = WorkbookBuilderOptions;

/** The sheet the command was given is used when it is a score sheet. */
export type AwardContext = WorkbookBuilderContext;

export const AWARD_SHEET_NAME = "进步奖名单";
export const TEACHER_BLOCK_TITLE = "爱心工程奖";
const ABSENT = "—";
/** In the 爱心工程奖 block the 奖项 starts in this column and spans the rest. */
const TEACHER_TIER_COL = 4;

/** A score sheet, as detectRoster tells it (a 帮扶教师 column does not make it a ledger). */
function isScoreSheet(layout: RosterLayout): boolean {
  return layout.detected === "scores";
}

/** The score sheet of the workbook: the given source when it is one, else the first (visible first). */
function findScoreSheet(wb: WorkbookData, ctx: AwardContext): RosterSource | null {
  if (ctx.source && isScoreSheet(ctx.source.layout)) return ctx.source;
  const ordered = [
    ...wb.sheets.filter((s) => s.state === "visible"),
    ...wb.sheets.filter((s) => s.state !== "visible"),
  ];
  for (const grid of ordered) {
    const d = detectRoster(grid, { overrides: ctx.columnOverrides?.[grid.name] });
    if (d.ok && isScoreSheet(d.value)) return { grid, layout: d.value };
  }
  return null;
}

/** "2026年秋季学期学困生成绩表" → "2026年秋季学期学困生进步奖名单". */
export function awardTitle(scoreTitle: string): string {
  const t = scoreTitle.trim();
  if (t === "") return "学困生进步奖名单";
  if (t.endsWith("进步奖名单")) return t;
  const stem = t.replace(/(?:成绩(?:统计|登记|对比|汇总)?(?:表|单)?|统计表|登记表|名单|表)$/, "").trim();
  return `${stem || "学困生"}进步奖名单`;
}

function percent(share: number): string {
  return `${Math.round(share * 10000) / 100}%`;
}

/** "一等奖 20%、二等奖 30%、三等奖 50%". */
function tierShares(tiers: AwardTiers): string {
  return tiers.tiers.map((t) => `${t.name} ${percent(t.share)}`).join("、");
}

interface StudentLine {
  score: ScoreRow;
  award: AwardResult;
  /** The subject's position in the sheet (first seen), for a stable order. */
  group: number;
}

const REASON_ORDER = { "over-quota": 0, "no-progress": 1, "no-score": 2 } as const;

function compareStudents(a: StudentLine, b: StudentLine): number {
  const ta = a.award.tierIndex;
  const tb = b.award.tierIndex;
  if ((ta === null) !== (tb === null)) return ta === null ? 1 : -1;
  if (ta !== null && tb !== null && ta !== tb) return ta - tb;
  if (ta === null && tb === null) {
    const ra = a.award.reason ? REASON_ORDER[a.award.reason] : 0;
    const rb = b.award.reason ? REASON_ORDER[b.award.reason] : 0;
    if (ra !== rb) return ra - rb;
  }
  const ca = a.award.change ?? -Infinity;
  const cb = b.award.change ?? -Infinity;
  if (ca !== cb) return cb - ca;
  return a.group - b.group || a.score.row - b.score.row;
}

function compareTeachers(a: TeacherAwardResult, b: TeacherAwardResult): number {
  const ta = a.tierIndex;
  const tb = b.tierIndex;
  if ((ta === null) !== (tb === null)) return ta === null ? 1 : -1;
  if (ta !== null && tb !== null && ta !== tb) return ta - tb;
  return b.moved - a.moved || b.totalChange - a.totalChange;
}

const shown = (v: number | null): CellValue => (v === null ? ABSENT : v);

export function buildAwardSheet(wb: WorkbookData, options: AwardOptions, ctx: AwardContext = {}): BuildResult {
  const awards = options.pack.pairing.awards;
  if (!awards) {
    return {
      ok: false,
      problem: {
        code: "awards.no-tiers",
        message: `政策包“${options.pack.name}”没有规定进步奖的评奖等次和比例（pairing.awards），无法生成进步奖名单；请换用规定了评奖办法的政策包，或在政策包中补充后再试。`,
      },
    };
  }
  const source = findScoreSheet(wb, ctx);
  if (!source) {
    return {
      ok: false,
      problem: {
        code: "awards.no-scores",
        message:
          "工作簿中没有找到学困生成绩表（需要“姓名”“上学期成绩”或“上学期名次”“本学期成绩”或“本学期名次”等列），无法生成进步奖名单；请打开或选中成绩表后再试。",
      },
    };
  }
  const { grid, layout } = source;
  const scores = scoreRows(readRows({ grid, layout }), options.today);
  if (scores.length === 0) {
    return {
      ok: false,
      problem: {
        code: "awards.empty",
        message: `工作表“${grid.name}”的成绩表表头下面没有学生的数据行；请逐行填写（每行一人）后再生成进步奖名单。`,
      },
    };
  }
  const bySubject = layout.fieldColumns.subject !== undefined;
  const hasHelper = layout.fieldColumns.helperName !== undefined;
  const notes: string[] = [];

  // Students, assessed within each subject (or all together without a 学科 column).
  const groups = new Map<string, ScoreRow[]>();
  for (const s of scores) {
    const key = bySubject ? (s.subject ?? "").trim() : "";
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  const lines: StudentLine[] = [];
  [...groups.values()].forEach((members, group) => {
    const results = studentAwards(
      members.map((m) => ({
        key: String(m.row),
        lastRank: m.lastRank,
        rank: m.rank,
        lastScore: m.lastScore,
        score: m.score,
      })),
      awards.students,
    );
    members.forEach((score, i) => lines.push({ score, award: results[i] as AwardResult, group }));
  });
  lines.sort(compareStudents);

  // The sheet.
  const header = ["序号", "姓名", ...(bySubject ? ["学科"] : []), "上学期名次", "本学期名次", "提高位次", "奖项"];
  const width = header.length;
  const col = { name: 1, subject: bySubject ? 2 : -1, last: bySubject ? 3 : 2 };
  const table = sheetParts();
  const { rows, merges, styleRanges, rowHeights } = table;
  const full = (row: number): CellRange => ({ top: row, left: 0, bottom: row, right: width - 1 });
  const blank = (): CellValue[] => new Array<CellValue>(width).fill(null);
  const noteRow = (text: string): void => {
    const r = rows.length;
    const out = blank();
    out[0] = text;
    rows.push(out);
    merges.push(full(r));
    styleRanges.push({ range: full(r), style: "note" });
    rowHeights.set(r, 30);
  };

  pushTitleRow(table, width, options.title?.trim() || awardTitle(originalTitle(source)));
  const headerRow = pushHeaderRow(table, width, header);
  const top = rows.length;
  lines.forEach((line, i) => {
    const out = blank();
    out[0] = i + 1;
    out[col.name] = line.score.name;
    if (bySubject) out[col.subject] = line.score.subject?.trim() || ABSENT;
    out[col.last] = shown(line.award.lastRank);
    out[col.last + 1] = shown(line.award.rank);
    out[col.last + 2] = shown(line.award.change);
    out[col.last + 3] = line.award.tier ?? awardReasonText(line.award.reason ?? "no-progress");
    rows.push(out);
  });
  const bottom = rows.length - 1;
  styleRanges.push({ range: { top, left: 0, bottom, right: width - 1 }, style: "cell" });
  styleRanges.push({ range: { top, left: 0, bottom, right: width - 1 }, style: "center" });
  styleRanges.push({ range: { top, left: width - 1, bottom, right: width - 1 }, style: "left" });
  const winners = lines.filter((l) => l.award.tier !== null).length;
  const perSubject = bySubject ? "各学科分别排名、分别评定；" : "";
  noteRow(
    `评奖办法：按${awards.students.basis}从多到少排列，${tierShares(awards.students)}（按比例取整，同位次同等次）；${perSubject}没有进步的不予评价。依据：${awards.students.source}。共 ${lines.length} 人次，获奖 ${winners} 人次。`,
  );

  // 爱心工程奖.
  let teacherRows: { from: number; to: number } | null = null;
  if (hasHelper) {
    const byTeacher = new Map<string, { name: string; students: Map<string, AwardResult[]> }>();
    for (const line of lines) {
      const helper = line.score.helper?.trim();
      if (!helper) continue;
      const key = nameKey(helper);
      let t = byTeacher.get(key);
      if (!t) byTeacher.set(key, (t = { name: helper, students: new Map() }));
      const student = line.score.id18 ?? nameKey(line.score.name);
      const list = t.students.get(student);
      if (list) list.push(line.award);
      else t.students.set(student, [line.award]);
    }
    // One result per student: the places moved up summed over the subjects they moved up in.
    const teachers = [...byTeacher.values()];
    const results = teacherAwards(
      teachers.map((t, i) => ({
        key: String(i),
        students: [...t.students.values()].map((results): AwardResult => {
          const up = results.map((r) => r.change).filter((c): c is number => c !== null && c > 0);
          const changes = results.map((r) => r.change).filter((c): c is number => c !== null);
          const change = up.length > 0 ? up.reduce((s, c) => s + c, 0) : changes.length ? Math.max(...changes) : null;
          return { ...(results[0] as AwardResult), change };
        }),
      })),
      awards.teachers,
    );
    const ordered = results.map((r, i) => ({ r, name: teachers[i]?.name ?? "" }));
    ordered.sort((a, b) => compareTeachers(a.r, b.r) || Number(a.r.key) - Number(b.r.key));

    rows.push(blank());
    const blockTitle = rows.length;
    rows.push([TEACHER_BLOCK_TITLE, ...new Array<CellValue>(width - 1).fill(null)]);
    merges.push(full(blockTitle));
    styleRanges.push({ range: full(blockTitle), style: "title" });
    rowHeights.set(blockTitle, 26);
    // 教师, 转化人数, 提高位次合计, 奖项; the 奖项 spans the columns left over.
    const tHeader = rows.length;
    const tRow = (cells: CellValue[]): CellValue[] => {
      const out = blank();
      cells.forEach((v, i) => (out[i] = v));
      return out;
    };
    const spanTier = (r: number): void => {
      if (width - 1 > TEACHER_TIER_COL) merges.push({ top: r, left: TEACHER_TIER_COL, bottom: r, right: width - 1 });
    };
    rows.push(tRow(["序号", "教师", "转化人数", "提高位次合计", "奖项"]));
    spanTier(tHeader);
    styleRanges.push({ range: full(tHeader), style: "header" });
    rowHeights.set(tHeader, 24);
    const teacherTop = tHeader + 1;
    ordered.forEach(({ r, name }, i) => {
      const at = rows.length;
      rows.push(
        tRow([i + 1, name, r.moved, r.totalChange, r.tier ?? awardReasonText(r.reason ?? "no-progress", "teacher")]),
      );
      spanTier(at);
    });
    const tBottom = rows.length - 1;
    teacherRows = { from: tHeader, to: tBottom };
    if (tBottom >= teacherTop) {
      styleRanges.push({ range: { top: teacherTop, left: 0, bottom: tBottom, right: width - 1 }, style: "cell" });
      styleRanges.push({ range: { top: teacherTop, left: 0, bottom: tBottom, right: width - 1 }, style: "center" });
      styleRanges.push({
        range: { top: teacherTop, left: TEACHER_TIER_COL, bottom: tBottom, right: width - 1 },
        style: "left",
      });
    }
    noteRow(
      `评奖办法：按所转化学生中名次提高的人数、再按提高位次合计从多到少排列，${tierShares(awards.teachers)}（按比例取整，同人数同位次同等次）；所转化学生没有进步的不予评奖。依据：${awards.teachers.source}。`,
    );
    const unnamed = lines.filter((l) => !l.score.helper?.trim()).length;
    if (unnamed > 0)
      notes.push(`“${grid.name}”中有 ${unnamed} 行没有填写帮扶教师，这些学生不计入任何教师的爱心工程奖。`);
  }

  rows.push(blank());
  const signRow = rows.length;
  const sign = spreadRow(["学校（盖章）：", "经办人（签字）：", `日期：${chineseDate(options.today)}`], width, signRow);
  rows.push(sign.cells);
  merges.push(...sign.merges);
  styleRanges.push({ range: full(signRow), style: "sign" });
  rowHeights.set(signRow, 30);

  // Column widths from the tables' content (titles, notes and the merged 奖项 cells left out).
  const widths = header.map((_, c) => {
    let w = 4;
    const measure = (from: number, to: number, skip: boolean): void => {
      for (let r = from; r <= to; r++) {
        const v = rows[r]?.[c];
        if (v === null || v === undefined || skip) continue;
        w = Math.max(w, textWidth(String(v)));
      }
    };
    measure(headerRow, bottom, false);
    if (teacherRows) measure(teacherRows.from, teacherRows.to, c >= TEACHER_TIER_COL && width - 1 > TEACHER_TIER_COL);
    return clampWidth(w + 2, 6);
  });

  const computed = lines.filter(
    (l) => (l.score.rank === null && l.award.rank !== null) || (l.score.lastRank === null && l.award.lastRank !== null),
  ).length;
  if (computed > 0)
    notes.push(
      `${computed} 人次的名次是按成绩${bySubject ? "在本学科内" : ""}排出的（分数高者名次在前，同分同名次）；如有学校排定的名次，请在成绩表中填写“上学期名次”“本学期名次”。`,
    );
  const missing = lines.filter((l) => l.award.reason === "no-score").length;
  if (missing > 0)
    notes.push(`${missing} 人次缺少上学期或本学期的名次（成绩），未参加评奖；请在“${grid.name}”中补全后重新生成。`);
  if (winners === 0) notes.push(`“${grid.name}”中没有名次提高的学生，本次没有人获得进步奖。`);

  const parts = { rows, styles: SHEET_STYLES, styleRanges, merges, columnWidths: widths, rowHeights };
  return builtSheet(options.name ?? AWARD_SHEET_NAME, "summary", { ...parts, ...headerRowLayout(headerRow) }, notes);
}
