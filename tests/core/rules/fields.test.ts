// The field rules read the reader's issues without changing them: a birth date is masked in the
// finding, not in the reader's output.
import type { Finding } from "../../../src/core/findings/types";
import { makeGrid } from "../../../src/core/grid/types";
import type { FieldIssue } from "../../../src/core/roster";
import { detectRoster } from "../../../src/core/roster/detect";
import { requiredFields, unreadableValues } from "../../../src/core/rules/fields";

const grid = makeGrid("表", [
  ["姓名", "身份证号", "出生日期", "学段"],
  ["", "", "2009年13月", "小学"],
]);
const detected = detectRoster(grid);
if (!detected.ok) throw new Error("no roster");
const layout = detected.value;

test("field.unreadable masks a birth date's digits and leaves the reader's issue as it was", () => {
  const issue: FieldIssue = {
    field: "birthDate",
    header: "出生日期",
    raw: "2009年13月",
    problem: "unrecognised-value",
  };
  const out: Finding[] = [];
  unreadableValues("表", 1, layout, [issue], out);
  expect(issue.raw).toBe("2009年13月");
  expect(out).toEqual([
    {
      rule: "field.unreadable",
      sheet: "表",
      row: 1,
      col: 2,
      value: "****年**月",
      data: { field: "出生日期", raw: "****年**月" },
    },
  ]);
});

test("field.unreadable shows at most 40 characters", () => {
  const raw = "很".repeat(45);
  const out: Finding[] = [];
  unreadableValues("表", 1, layout, [{ field: "stage", header: "学段", raw, problem: "unrecognised-value" }], out);
  expect(out[0]?.value).toBe(`${"很".repeat(40)}…`);
  expect(out[0]?.data).toEqual({ field: "学段", raw: "很".repeat(40) });
});

test("field.required for each empty field the roster's kind requires", () => {
  const out: Finding[] = [];
  requiredFields("表", 1, layout, grid.rows[1] ?? [], out);
  expect(out.map((f) => `${f.rule}:${String(f.data["field"])}@${f.col}`)).toEqual([
    "field.required:姓名@0",
    "field.required:身份证号@1",
  ]);
});
