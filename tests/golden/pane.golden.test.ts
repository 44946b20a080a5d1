/**
 * Golden outputs of the in-process engine as the pane and the standalone page call it: the check
 * report (Chinese and English), the privacy findings, the sheet each ribbon/报表 command builds
 * and what each shipped recipe produces, as data (SheetSpec), on every sample. `build` and
 * `recipe` below are the only lines that follow the API; the expected JSON stays as it is.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCsv } from "../../src/adapters/csv/read";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { buildForCommand, type SheetCommand } from "../../src/core/commands";
import { checkWorkbook } from "../../src/core/check/check";
import type { WorkbookData } from "../../src/core/grid/types";
import { seedPack } from "../../src/core/policy";
import { scanWorkbook } from "../../src/core/privacy";
import { RECIPE_LIBRARY } from "../../src/automation/recipes/library";
import { runRecipe } from "../../src/automation/recipes/run";

const ROOT = join(__dirname, "..", "..");
const EXPECTED = join(__dirname, "expected");
const UPDATE = process.env["ZIZHU_GOLDEN"] === "update";
const pack = seedPack();
const today = { y: 2026, m: 11, d: 28 };
const now = "2026-11-28T10:30:00+08:00";

function compare(name: string, actual: unknown): void {
  const file = join(EXPECTED, `${name}.json`);
  const text = `${JSON.stringify(actual, null, 1)}\n`;
  if (UPDATE || !existsSync(file)) {
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(file, text);
    if (!UPDATE) throw new Error(`golden ${name} was missing and has been written; run again`);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, "utf8")));
}

async function load(file: string): Promise<WorkbookData> {
  const bytes = readFileSync(join(ROOT, "samples", file));
  const r = file.endsWith(".csv")
    ? readCsv(bytes, file.replace(/\.csv$/, ""))
    : await readXlsx(bytes, { fileName: file });
  if (!r.ok) throw new Error(`cannot read ${file}`);
  return r.value;
}

const build = (wb: WorkbookData, command: string, options: Record<string, unknown>) =>
  buildForCommand(wb, command as SheetCommand, { pack, today, ...options });
const recipe = (wb: WorkbookData, name: string) => {
  const r = RECIPE_LIBRARY.find((x) => x.name === name);
  if (!r) throw new Error(name);
  return runRecipe(r, wb, { pack, today, now, tool: "golden" });
};

const SAMPLES = readdirSync(join(ROOT, "samples"))
  .filter((f) => f.endsWith(".xlsx") || f.endsWith(".csv"))
  .sort();

test.each(SAMPLES)(
  "golden: the engine on %s",
  async (file) => {
    const wb = await load(file);
    const out: Record<string, unknown> = {};
    out["check.zh"] = checkWorkbook(wb, { pack, today }).report;
    out["check.en"] = checkWorkbook(wb, { pack, today, locale: "en-US" }).report;
    out["check.options"] = checkWorkbook(wb, { pack, today, kind: "students", program: "一补", enrolled: 300 }).report;
    out["privacy"] = scanWorkbook(wb, { mode: "roster" });
    out["privacy.notice"] = scanWorkbook(wb, { mode: "notice" });
    for (const command of ["formatRoster", "buildSummary", "buildNotice", "buildForms"]) {
      out[command] = build(wb, command, {});
      out[`${command}.options`] = build(wb, command, {
        title: "标题",
        unit: "某某学校",
        enrolled: 300,
        start: { y: 2026, m: 9, d: 28 },
        days: 7,
        contact: "0371-1234567",
        program: "一补",
      });
    }
    for (const name of ["学期报送", "公示前检查"]) out[`recipe.${name}`] = recipe(wb, name);
    compare(`engine-${file}`, out);
  },
  120000,
);
