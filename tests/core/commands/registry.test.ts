/**
 * The command registry: every command declared once with its names, labels and options schema;
 * the recipe steps, the ribbon's buttons, the generated sheet names and the option messages all
 * come from it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  COMMAND_LIST,
  COMMAND_NAMES,
  COMMAND_SHEET_NAMES,
  COMMANDS,
  CommonOptions,
  RECIPE_STEP_SCHEMAS,
  RIBBON_LABELS,
  SHEET_BUILDERS,
  SHEET_COMMANDS,
  STEP_LABELS,
  commandFields,
  optionFields,
  optionMeta,
  parseOptionTexts,
  sheetBuilder,
} from "../../../src/core/commands";
import { GENERATED_SHEET_NAMES } from "../../../src/core/commands/generated";

describe.each(COMMAND_LIST.map((c) => [c.id, c] as const))("command %s", (id, command) => {
  test("has its ids and labels", () => {
    expect(command.names.cli).toBe(id);
    expect(COMMAND_NAMES[id as keyof typeof COMMAND_NAMES]).toBe(command.names);
    expect(command.names.label.zh).toMatch(/\p{Script=Han}/u);
    expect(command.names.label.en).toMatch(/^[A-Z][A-Za-z -]+$/);
  });

  test("declares its options as a zod object whose every option has its metadata", () => {
    expect(command.options).toBeInstanceOf(z.ZodObject);
    for (const [key, schema] of Object.entries(command.options.shape)) {
      const meta = optionMeta.get(schema as z.ZodType);
      expect({ key, meta: meta !== undefined }).toEqual({ key, meta: true });
      expect(meta?.label.zh).toMatch(/\p{Script=Han}/u);
      expect(meta?.label.en).not.toBe("");
    }
  });

  test("a recipe step has its schema, named as the step", () => {
    if (!command.names.step) return expect(command.recipe).toBeUndefined();
    expect(command.recipe?.shape["step"]).toBeInstanceOf(z.ZodLiteral);
    expect((command.recipe?.shape["step"] as z.ZodLiteral).value).toBe(command.names.step.name);
  });
});

test("the recipe steps and their labels, in the order the editor lists them", () => {
  expect(STEP_LABELS).toEqual({
    check: "校验花名册",
    privacy: "隐私检查",
    fix: "安全修正",
    format: "格式化花名册",
    summary: "生成汇总表",
    notice: "生成公示表",
    forms: "生成申请表",
    awards: "生成进步奖名单",
    "pair-summary": "帮扶记录汇总",
    seal: "报送前检查并封存",
    export: "导出报送格式",
  });
  expect(Object.keys(STEP_LABELS)).toEqual(RECIPE_STEP_SCHEMAS.map((s) => s.shape.step.value));
});

test("the ribbon's buttons are the manifest's functions", () => {
  expect(RIBBON_LABELS).toEqual({
    validate: "一键校验",
    formatRoster: "格式化花名册",
    buildSummary: "生成汇总表",
    buildNotice: "生成公示表",
    buildForms: "生成申请表",
    buildAwards: "生成进步奖名单",
    buildPairSummary: "帮扶记录汇总",
    preSubmitCheck: "报送前检查",
  });
  const manifest = readFileSync(join(__dirname, "..", "..", "..", "manifest.xml"), "utf8");
  for (const id of Object.keys(RIBBON_LABELS)) expect(manifest).toContain(`<FunctionName>${id}</FunctionName>`);
});

test("the pane's sheet commands run the registry's builders", () => {
  expect(SHEET_COMMANDS).toEqual([
    "formatRoster",
    "buildSummary",
    "buildNotice",
    "buildForms",
    "buildAwards",
    "buildPairSummary",
  ]);
  expect(SHEET_COMMANDS.map((c) => sheetBuilder(c).id)).toEqual([
    "format",
    "summary",
    "notice",
    "forms",
    "awards",
    "pair-summary",
  ]);
  expect(Object.keys(SHEET_BUILDERS)).toEqual([
    "format",
    "summary",
    "notice",
    "forms",
    "awards",
    "pair-summary",
    "export",
  ]);
  expect(
    Object.values(SHEET_BUILDERS)
      .filter((b) => b.separate)
      .map((b) => b.id),
  ).toEqual(["notice", "export"]);
});

test("the generated sheet names are the commands' sheets", () => {
  expect([...COMMAND_SHEET_NAMES].sort()).toEqual(
    [
      "校验结果",
      "花名册（格式化）",
      "汇总表",
      "公示表",
      "申请表",
      "进步奖名单",
      "帮扶记录汇总",
      "校验凭证",
      "报送数据",
    ].sort(),
  );
  expect(GENERATED_SHEET_NAMES).toBe(COMMAND_SHEET_NAMES);
});

test("a form lists a command's options: key, flag, type, label, default", () => {
  const notice = commandFields("buildNotice");
  expect(notice.map((f) => [f.key, f.flag, f.type])).toEqual([
    ["sheet", "sheet", "text"],
    ["kind", "kind", "kind"],
    ["program", "program", "program"],
    ["title", "title", "text"],
    ["unit", "unit", "text"],
    ["start", "start", "date"],
    ["days", "days", "positive-integer"],
    ["contact", "contact", "text"],
  ]);
  expect(notice.find((f) => f.key === "days")).toMatchObject({
    label: { zh: "公示天数（工作日，至少 5 天）", en: "Notice working days (at least 5)" },
    placeholder: "5",
    default: 5,
  });
  expect(commandFields("buildSummary").map((f) => f.key)).toEqual(Object.keys(CommonOptions.shape));
  expect(commandFields("preSubmitCheck")).toEqual(commandFields("seal"));
  expect(commandFields("validate")).toEqual(optionFields(COMMANDS.check.options));
  expect(commandFields("verify")).toEqual([]);
});

describe("flag texts become typed options, a bad one the CLI's Chinese message", () => {
  const ALL = COMMANDS.summary.options.extend(COMMANDS.notice.options.shape);
  test.each<[Record<string, string>, unknown]>([
    [{ enrolled: "300" }, { enrolled: 300 }],
    [
      { kind: "学生", program: "一补" },
      { kind: "students", program: "一补" },
    ],
    [{ kind: "teachers" }, { kind: "teachers" }],
    [
      { start: "2026-09-28", days: "7" },
      { start: { y: 2026, m: 9, d: 28 }, days: 7 },
    ],
    [
      { title: " 标题 ", contact: "" },
      { title: " 标题 ", contact: "" },
    ],
    [{ out: "x.xlsx", json: "-" }, {}],
  ])("%j → %j", (flags, value) => {
    expect(parseOptionTexts(ALL, flags)).toEqual({ ok: true, value });
  });

  test.each([
    [{ enrolled: "abc" }, "--enrolled 应为在校人数（正整数），收到：abc"],
    [{ enrolled: "0" }, "--enrolled 应为在校人数（正整数），收到：0"],
    [{ enrolled: "2.5" }, "--enrolled 应为在校人数（正整数），收到：2.5"],
    [{ days: "0" }, "--days 应为公示工作日天数（正整数），收到：0"],
    [{ kind: "pupils" }, "--kind 只能是 students、teachers 或 notice，收到：pupils"],
    [{ start: "明天" }, "--start 不是有效日期：明天（应为 YYYY-MM-DD，如 2026-09-28）"],
    [{ kind: "x", enrolled: "y" }, "--kind 只能是 students、teachers 或 notice，收到：x"],
  ])("%j → %s", (flags, message) => {
    const r = parseOptionTexts(ALL, flags);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ code: "option.invalid", message });
  });
});
