/** Text of the 流程 (recipes) tab, Simplified Chinese first. */
import type { UiLocale } from "../strings";

const zh = {
  tab: "流程",
  intro: "把每学期重复的步骤存成流程：一键依次运行，每一步报告做了什么；有错误时停下。",
  library: "从内置流程开始",
  steps: "步骤",
  addStep: "添加步骤",
  remove: "删除",
  up: "上移",
  down: "下移",
  continueOnError: "出错后继续",
  title: "标题",
  unit: "填报单位",
  start: "公示开始日期（YYYY-MM-DD，空=当天）",
  days: "公示工作日（不少于 5）",
  contact: "异议受理（部门及电话）",
  fixKinds: "修正哪些",
  fixKind: {
    trim: "去空格",
    "half-width": "全角转半角",
    number: "文本金额转数字",
    amount: "标准金额",
    "text-format": "文本格式",
  },
  save: "保存到工作簿",
  saveStandalone: "保存（仅本页面）",
  run: "运行流程",
  running: "正在运行…",
  confirmFixes: (n: number) => `流程要直接修改原表中的 ${n} 处单元格（安全修正，可用 Excel 的“撤消”恢复）。继续吗？`,
  confirmYes: "修改并继续",
  confirmNo: "不修改，停止",
  cancelled: "已停止：未修改原表。",
  triggers: "触发器（仅本工作簿）",
  onOpen: "打开工作簿时自动校验",
  onEdit: "编辑时实时校验",
  storedProblem: "工作簿中保存的流程有误",
  status: { done: "完成", failed: "未通过", skipped: "未运行" },
  ranOk: "流程已完成。",
  ranFailed: "流程有步骤未通过，见下方说明。",
  wrote: "写入：",
};

export type RecipeStrings = typeof zh;

const en: RecipeStrings = {
  tab: "Recipes",
  intro:
    "Save the steps you repeat every term as a recipe and run them in one click; each step reports what it did; errors stop the run.",
  library: "Start from a built-in recipe",
  steps: "Steps",
  addStep: "Add step",
  remove: "Remove",
  up: "Up",
  down: "Down",
  continueOnError: "Continue on errors",
  title: "Title",
  unit: "Reporting unit",
  start: "Notice start (YYYY-MM-DD, empty = today)",
  days: "Working days (at least 5)",
  contact: "Objections to (office and phone)",
  fixKinds: "Fixes",
  fixKind: {
    trim: "Trim spaces",
    "half-width": "Full-width → half-width",
    number: "Text amounts → numbers",
    amount: "Standard amounts",
    "text-format": "Text format",
  },
  save: "Save in the workbook",
  saveStandalone: "Save (this page only)",
  run: "Run recipe",
  running: "Running…",
  confirmFixes: (n: number) =>
    `The recipe will change ${n} cells of the original sheet (safe fixes; Excel's Undo restores them). Go on?`,
  confirmYes: "Change and go on",
  confirmNo: "Stop without changes",
  cancelled: "Stopped: the original sheet was not changed.",
  triggers: "Triggers (this workbook only)",
  onOpen: "Check when the workbook opens",
  onEdit: "Live check while editing",
  storedProblem: "The recipe saved in the workbook is invalid",
  status: { done: "done", failed: "failed", skipped: "not run" },
  ranOk: "The recipe finished.",
  ranFailed: "Some steps did not pass; see below.",
  wrote: "Wrote: ",
};

export function recipeStrings(locale: UiLocale): RecipeStrings {
  return locale === "en-US" ? en : zh;
}
