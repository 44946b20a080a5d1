/**
 * The enrolment table a county gives the batch (学校,在校人数): one school per row, the header
 * found by name, numbers possibly written with full-width digits or thousands separators.
 */
import { cellAddress, type Grid } from "../grid/types";
import { fail, ok, type Result } from "../result";
import { tidy } from "../text/normalize";

export interface EnrolmentProblem {
  code: "enrolment.no-header" | "enrolment.bad-number" | "enrolment.empty";
  message: string;
}

const SCHOOL_HEADERS = ["学校", "学校名称", "单位", "单位名称", "填报单位"];
const COUNT_HEADERS = ["在校人数", "在校学生数", "在校生人数", "学生数", "人数"];

/** A school name as compared: half-width, no spaces, no （盖章） and the like. */
export function schoolKey(name: string): string {
  return tidy(name)
    .replace(/[（(][^）)]*[)）]/g, "")
    .replace(/\s+/g, "");
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : tidy(String(v)));

/** Reads 学校 → 在校人数 from the first sheet of the table. */
export function parseEnrolment(grid: Grid): Result<Map<string, number>, EnrolmentProblem> {
  let headerRow = -1;
  let schoolCol = -1;
  let countCol = -1;
  for (let r = 0; r < Math.min(grid.rows.length, 10) && headerRow < 0; r++) {
    const cells = (grid.rows[r] ?? []).map(text);
    const s = cells.findIndex((c) => SCHOOL_HEADERS.includes(c));
    const n = cells.findIndex((c) => COUNT_HEADERS.includes(c));
    if (s >= 0 && n >= 0) [headerRow, schoolCol, countCol] = [r, s, n];
  }
  if (headerRow < 0)
    return fail({
      code: "enrolment.no-header",
      message: `在校人数表“${grid.name}”的前 10 行中找不到“学校”和“在校人数”两列表头。请在第一行写上 学校,在校人数 后再试。`,
    });
  const out = new Map<string, number>();
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const school = text(row[schoolCol]);
    const raw = text(row[countCol]).replace(/[,，\s]/g, "");
    if (school === "" && raw === "") continue;
    if (school === "合计" || school === "总计") continue;
    const n = Number(raw);
    if (school === "" || raw === "" || !Number.isInteger(n) || n < 0)
      return fail({
        code: "enrolment.bad-number",
        message: `在校人数表“${grid.name}”${cellAddress(r, raw === "" || school === "" ? (school === "" ? schoolCol : countCol) : countCol)} 单元格有误（学校“${school}”，在校人数“${raw}”）：每行应为学校名称和非负整数人数，请改正后再试。`,
      });
    out.set(schoolKey(school), n);
  }
  if (out.size === 0)
    return fail({
      code: "enrolment.empty",
      message: `在校人数表“${grid.name}”中没有任何学校，请填写 学校,在校人数 各行。`,
    });
  return ok(out);
}

/**
 * The enrolment of a school: the same name, else the one table entry whose name contains the
 * school's (or is contained in it: "某某镇中学" vs "某某县某某镇中学"); null when none or several.
 */
export function enrolmentOf(table: ReadonlyMap<string, number>, school: string): number | null {
  const key = schoolKey(school);
  if (key === "") return null;
  const exact = table.get(key);
  if (exact !== undefined) return exact;
  const near = [...table.entries()].filter(([k]) => k.includes(key) || key.includes(k));
  return near.length === 1 ? (near[0]?.[1] ?? null) : null;
}
