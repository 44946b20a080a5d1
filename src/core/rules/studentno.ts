/** The 学籍号 of a row: G + the person's own ID number, or a temporary number starting L or J. */
import type { RuleEntries } from "../findings/types";
import type { IdInfo } from "../id";
import { texts, type Texts } from "../locale";
import { maskId } from "../mask";
import { colOf, type RowContext, type SheetContext } from "./context";
import { finding } from "./finding";

/** Why a 学籍号 is wrong: G + another ID than the person's, G + no ID, or neither form. */
export type StudentNoProblem = "g-other-id" | "g-not-id" | "shape";

export interface StudentNoRuleData {
  "studentno.format": { problem: StudentNoProblem };
}

const PROBLEM_TEXTS: Record<StudentNoProblem, Texts> = {
  "g-other-id": texts(
    "学籍号“G”后的号码与本人身份证号不一致",
    'The number after the "G" of the student number is not the person\'s ID number',
  ),
  "g-not-id": texts(
    "学籍号“G”后应为 18 位身份证号",
    'The "G" of a student number is followed by an 18-character ID number',
  ),
  shape: texts(
    "学籍号应为 G + 身份证号，或 L、J 开头的临时学籍号",
    "A student number is G + the ID number, or a temporary number starting with L or J",
  ),
};

export const STUDENTNO_RULES: RuleEntries<StudentNoRuleData> = {
  "studentno.format": {
    severity: "warning",
    source: "全国学生资助管理信息系统（学籍号为 G+身份证号，或 L/J 开头的临时学籍号）",
    title: texts("学籍号格式错误", "Malformed student number"),
    message: (d) => PROBLEM_TEXTS[d.problem],
    hint: () =>
      texts("学籍号一般为 G + 本人身份证号；无身份证的为 L 或 J 开头", "Usually G + the student's own ID number"),
  },
};

const TEMP_STUDENT_NO = /^[LJ][0-9A-Z]{6,}$/;

function studentNoProblem(no: string, id: IdInfo | null): StudentNoProblem | null {
  if (no.startsWith("G")) {
    // G + the person's own 18-character number (always 17 digits and a check character): the usual case.
    if (id && no.length === id.id18.length + 1 && no.startsWith(id.id18, 1)) return null;
    const rest = no.slice(1);
    if (id && rest !== id.id18 && rest !== id.value) return "g-other-id";
    return /^\d{17}[\dX]$/.test(rest) ? null : "g-not-id";
  }
  return TEMP_STUDENT_NO.test(no) ? null : "shape";
}

export function checkStudentNo(ctx: SheetContext, row: RowContext, id: IdInfo | null): void {
  const col = colOf(ctx, "studentNo");
  const no = row.record.studentNo;
  if (col < 0 || !no) return;
  const problem = studentNoProblem(no, id);
  if (problem === null) return;
  const shown = no.length > 10 ? `${no.charAt(0)}${maskId(no.slice(1))}` : no;
  ctx.out.push(finding("studentno.format", ctx.grid.name, row.row, col, shown, { problem }));
}
