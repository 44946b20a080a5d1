/**
 * `zizhu run RECIPE FILE... [--out DIR]`: a recipe (a shipped one by name, or a JSON file) run on
 * each file, the same runner the add-in uses. Each file gets a NEW result workbook in DIR (its
 * sheets, the fixes, the new sheets, the seal) and the 公示表 / 报送格式 files of their own; the
 * input files are only read.
 */
import { existsSync, mkdirSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { parse as parseYaml } from "yaml";
import { findLibraryRecipe, RECIPE_LIBRARY } from "../../automation/recipes/library";
import { runRecipe, type RecipeOutput, type RecipeRunOptions, type StepOutcome } from "../../automation/recipes/run";
import { parseRecipe, type Recipe } from "../../automation/recipes/schema";
import { applyFixesToWorkbook } from "../../adapters/xlsx/apply-fixes";
import { loadWorkbook, readXlsx } from "../../adapters/xlsx/read";
import { addSpecToWorkbook, SheetConflictError, specsToWorkbook } from "../../adapters/xlsx/write-sheet";
import { verifySeal } from "../../core";
import { readAsXlsx } from "../read-workbook";
import { UsageError } from "./fn";
import { assertSafeOutputDir, readTextFile, writeFileAtomic } from "../files";

/** The recipe, the files and the output folder, and what the runner takes (no header mapping on the CLI). */
export type RunArgs = { recipe: string; files: string[]; out?: string } & Omit<RecipeRunOptions, "columnOverrides">;

const STATUS = { done: "✔", failed: "✘", skipped: "·" } as const;

/** The recipe: a shipped one by name, else a JSON or YAML file (.yaml / .yml). */
export function loadRecipe(spec: string): Recipe {
  const shipped = findLibraryRecipe(spec);
  if (shipped) return shipped;
  if (!existsSync(spec)) {
    const names = RECIPE_LIBRARY.map((r) => r.name).join("、");
    throw new UsageError(`找不到流程“${spec}”：既不是内置流程（${names}），也不是可读取的 JSON 或 YAML 文件`);
  }
  const text = readTextFile(spec, "流程文件");
  const yaml = /\.ya?ml$/i.test(spec);
  let data: unknown;
  try {
    // YAML's core schema: no custom tags, so a recipe file cannot make the parser build objects.
    data = yaml ? parseYaml(text, { schema: "core" }) : JSON.parse(text);
  } catch (e) {
    const what = yaml ? "YAML" : "JSON";
    throw new UsageError(`流程文件 ${spec} 不是合法的 ${what}：${e instanceof Error ? e.message : String(e)}`);
  }
  const r = parseRecipe(data);
  if (!r.ok) throw new UsageError(`流程文件 ${spec} 有误，未运行：\n${r.problem.problems.join("\n")}`);
  return r.value;
}

function stepLine(s: StepOutcome): string {
  const notes = s.notes.slice(0, 10).map((n) => `      ${n}`);
  return [`  ${STATUS[s.status]} ${s.index}. ${s.label}：${s.message}`, ...notes].join("\n");
}

function stem(file: string): string {
  return basename(file, extname(file));
}

/**
 * A name in the output folder that nothing has yet: "一中-学期报送.xlsx", else "一中-学期报送 (2).xlsx"…
 * Results of two inputs with the same name, last term's results and the inputs are never written over.
 */
function freePath(dir: string, base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `${base}.xlsx` : `${base} (${n}).xlsx`);
    if (!taken.has(path) && !existsSync(path)) {
      taken.add(path);
      return path;
    }
  }
}

/** Through a temporary file renamed into place; refused when the name is (a link to) an input. */
function save(path: string, bytes: Uint8Array, inputs: readonly string[]): void {
  writeFileAtomic(path, bytes, inputs);
}

/** Writes one file's results; returns the paths written. */
async function writeResults(
  file: string,
  original: Uint8Array,
  output: RecipeOutput,
  dir: string,
  recipe: Recipe,
  inputs: readonly string[],
  taken: Set<string>,
): Promise<string[]> {
  const written: string[] = [];
  if (output.fixes.length > 0 || output.sheets.length > 0) {
    const loaded = await loadWorkbook(original, basename(file));
    if (!loaded.ok) throw new UsageError(loaded.problem.message);
    const wb: ExcelJS.Workbook = loaded.value;
    const applied = applyFixesToWorkbook(wb, output.fixes);
    if (applied.missing.length > 0)
      throw new UsageError(`修正未能写入：找不到工作表 ${applied.missing.map((m) => `“${m}”`).join("、")}`);
    for (const spec of output.sheets) {
      try {
        addSpecToWorkbook(wb, spec, { replace: spec.kind === "seal" });
      } catch (e) {
        // A sheet of the user's under our seal's name: kept; no result file for this input.
        if (e instanceof SheetConflictError) throw new UsageError(e.message);
        throw e;
      }
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    if (output.seal) {
      // Never hand out a seal that would not verify: read the result back as the county will.
      const back = await readXlsx(bytes);
      const verdict = back.ok ? verifySeal(back.value) : null;
      if (verdict?.status !== "unchanged")
        throw new UsageError(`写出的校验凭证未能通过自检（${verdict?.message ?? "文件无法读回"}），未写入结果文件`);
    }
    const path = freePath(dir, `${stem(file)}-${recipe.name}`, taken);
    save(path, bytes, inputs);
    written.push(path);
  }
  for (const spec of output.separate) {
    const path = freePath(dir, `${stem(file)}-${spec.name}`, taken);
    save(path, await specsToWorkbook([spec]), inputs);
    written.push(path);
  }
  return written;
}

export async function runCommand(args: RunArgs): Promise<{ out: string; code: number }> {
  const recipe = loadRecipe(args.recipe);
  if (args.files.length === 0) throw new UsageError(`请给出花名册文件，如 zizhu run ${recipe.name} 花名册.xlsx`);
  const dir = resolve(args.out ?? "zizhu-结果");
  const inputs = args.files;
  assertSafeOutputDir(dir, "--out");
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`无法创建输出文件夹 ${dir}（${(e as { code?: string }).code ?? "未知原因"}）`);
  }
  const taken = new Set<string>();
  const lines: string[] = [`流程“${recipe.name}”，${recipe.steps.length} 个步骤，${args.files.length} 个文件 → ${dir}`];
  let failed = 0;
  for (const file of args.files) {
    lines.push("", file);
    let read;
    try {
      read = await readAsXlsx(file, "zizhu run");
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      lines.push(`  ✘ 无法读取：${e.message}`);
      failed++;
      continue;
    }
    const { recipe: _r, files: _f, out: _o, ...options } = args;
    const output = runRecipe(recipe, read.data, options);
    lines.push(...output.steps.map(stepLine));
    let written: string[];
    try {
      written = await writeResults(file, read.bytes, output, dir, recipe, inputs, taken);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      lines.push(`  ✘ ${e.message}`);
      failed++;
      continue;
    }
    for (const p of written) lines.push(`  → ${p}`);
    if (!output.ok) failed++;
  }
  lines.push("", failed === 0 ? "✔ 全部完成。" : `✘ ${failed} 个文件有步骤未通过，请查看上面的说明。`);
  return { out: lines.join("\n"), code: failed === 0 ? 0 : 1 };
}
