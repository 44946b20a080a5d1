/** 乡村教师 columns: 人员状态, 是否在岗, 教师类别 and 任教学校类型. */
import synonyms from "./synonyms.json";
import { bareKey, labelReader, labelTable, lookup, yesNoTable } from "./lookup";
import { normalizeYesNo } from "./yes-no";

export type Status = "在职" | "退休";
export type TeacherType = "专任教师" | "职工" | "其他";
export type Post = "村小" | "教学点" | "乡镇" | "县城";

/** 人员状态: 在职/在岗/在编 → 在职; 退休/离退休/已退休 → 退休. */
export const normalizeStatus = labelReader<Status>(synonyms.status);

const IN_POST = yesNoTable(synonyms.inPost);

/** 是否在岗: yes/no, or 在岗 / 离岗. */
export function normalizeInPost(v: unknown): boolean | null {
  return lookup(IN_POST, v) ?? normalizeYesNo(v);
}

/** 教师类别: 专任教师 (专任, 教师, 任课教师); 职工 (工勤, 教辅, 后勤, 行政); 其他. */
export const normalizeTeacherType = labelReader<TeacherType>(synonyms.teacherType);

const POST = labelTable<Post>(synonyms.post);

/** 任教学校类型: 村小 (村小学, 村级小学); 教学点; 乡镇 (乡中心校, 中心学校, 乡镇中学); 县城 (县直, 城区). */
export function normalizePost(v: unknown): Post | null {
  const hit = lookup(POST, v);
  if (hit !== null) return hit;
  // A school name: "王家村教学点", "李庄村小学".
  const key = bareKey(v);
  if (key === null) return null;
  if (key.endsWith("教学点")) return "教学点";
  if (key.endsWith("村小学") || key.endsWith("村小")) return "村小";
  return null;
}
