/** studentno.format — 学籍号 (E): G + the student's own ID, or a temporary L/J number. */
import { kid, pupil, yibu } from "./fixtures";
import { finding, type RosterCase } from "./harness";

const own = kid(2);

export const studentNoCases: RosterCase[] = [
  {
    name: "studentno.format: G + a sibling's ID",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 学籍号: `G${kid(4)}` })) },
    findings: [finding("studentno.format", "E3", "warning", "学籍号“G”后的号码与本人身份证号不一致")],
  },
  {
    name: "studentno.format: G + 17 digits (the ID itself is broken, so only the shape is checked)",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 身份证号: own.slice(0, 17), 学籍号: `G${own.slice(0, 17)}` })) },
    findings: [finding("studentno.format", "E3", "warning", "学籍号“G”后应为 18 位身份证号")],
  },
  {
    name: "studentno.format: neither G nor L/J",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 学籍号: "2016031200" })) },
    findings: [finding("studentno.format", "E3", "warning", "学籍号应为 G + 身份证号，或 L、J 开头的临时学籍号")],
  },
  {
    name: "studentno.format: G + own ID, a temporary L number, a J number, none",
    verdict: "ok",
    roster: {
      rows: yibu(
        pupil(1),
        pupil(2, { 学籍号: "L4303812016001" }),
        pupil(3, { 学籍号: "J430381201600" }),
        pupil(4, { 学籍号: null }),
      ),
    },
    absent: ["studentno.format"],
  },
];
