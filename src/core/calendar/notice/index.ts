/** Reading the State Council holiday notices (国务院办公厅关于YYYY年部分节假日安排的通知). */
export { parseHolidayNotice, type ParseNoticeOptions } from "./parse";
export {
  noticeProblemText,
  noticeProblemsText,
  displayLine,
  type NoticeProblem,
  type Where,
  type ProblemText,
} from "./problem";
export type { ImportedYear, NoticeSource } from "./types";
export type { Repairs } from "./normalize";
