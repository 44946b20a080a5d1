/** phone.format — the 联系电话 column (P): mobiles, landlines, and what Excel does to them. */
import { pupil, yibu } from "./fixtures";
import { finding, type RosterCase } from "./harness";

export const phoneCases: RosterCase[] = [
  {
    name: "phone.format: a mobile with a digit missing (a warning)",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 联系电话: "1380000123" })) },
    findings: [
      finding(
        "phone.format",
        "P3",
        "warning",
        "电话号码格式不正确：******0123（手机号为11位，座机为区号-号码，如 0731-5551234）",
      ),
    ],
  },
  {
    name: "phone.format: a landline stored as a number has lost the 0 of its area code",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 联系电话: 7315551234 })) },
    findings: [finding("phone.format", "P3", "warning", "缺少区号开头的0")],
  },
  {
    name: "phone.format: letters",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 联系电话: "无" })) },
    findings: [finding("phone.format", "P3", "warning", "电话号码格式不正确：无")],
  },
  {
    name: "phone.format: the message does not repeat the number the issue's value masks",
    verdict: "ng",
    roster: { rows: yibu(pupil(1, { 联系电话: "1380000123" }), pupil(2, { 联系电话: 7315551234 })) },
    findings: [
      finding("phone.format", "P3", "warning", /^(?!.*1380000123)电话号码/),
      finding("phone.format", "P4", "warning", /^(?!.*7315551234)电话号码/),
    ],
  },
  {
    name: "phone.format: mobiles and landlines as people write them",
    verdict: "ok",
    roster: {
      rows: yibu(
        pupil(1, { 联系电话: "138 0000 1234" }),
        pupil(2, { 联系电话: "0731-5551234" }),
        pupil(3, { 联系电话: "+86 138-0000-5678" }),
        pupil(4, { 联系电话: "(0731)5551234转123" }),
        pupil(5, { 联系电话: 13800004321 }),
        pupil(6, { 联系电话: null }),
      ),
    },
    absent: ["phone.format"],
  },
];
