/**
 * Golden outputs of the built `zizhu` on every sample: the JSON reports, the console texts and the
 * cells of every workbook a command writes (helpers in cli-golden.ts). Refactors must leave them
 * the same; a change of behaviour is made on purpose with ZIZHU_GOLDEN=update and reviewed in the
 * diff of tests/golden/expected/.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { dumpWorkbook, normaliseText } from "./dump";
import { REPLACE, ROOT, compare, dir, run, type Run } from "./cli-golden";

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLES = readdirSync(join(ROOT, "samples"))
  .filter((f) => f.endsWith(".xlsx") || f.endsWith(".csv"))
  .sort();

/** Every command a user runs on one roster, each with its own output name. */
async function allCommands(input: string, tag: string): Promise<Run[]> {
  const o = (name: string) => join(dir, `${tag}-${name}`);
  const runs: Run[] = [];
  runs.push(await run(["check", input]));
  runs.push(await run(["check", input, "--json", "-"]));
  runs.push(await run(["check", input, "--kind", "students", "--program", "一补", "--enrolled", "300", "--json", "-"]));
  runs.push(await run(["check", input, "--report", o("report.xlsx")], [o("report.xlsx")]));
  runs.push(await run(["privacy", input, "--json", "-"]));
  runs.push(await run(["privacy", input]));
  for (const command of ["format", "summary", "forms", "notice", "export"]) {
    runs.push(await run([command, input, "--out", o(`${command}.xlsx`)], [o(`${command}.xlsx`)]));
  }
  runs.push(
    await run(
      [
        "notice",
        input,
        "--out",
        o("notice-opts.xlsx"),
        "--start",
        "2026-09-28",
        "--days",
        "7",
        "--contact",
        "0371-1234567",
        "--title",
        "公示",
        "--unit",
        "某某学校",
      ],
      [o("notice-opts.xlsx")],
    ),
  );
  runs.push(
    await run(["summary", input, "--out", o("summary-300.xlsx"), "--enrolled", "300"], [o("summary-300.xlsx")]),
  );
  const sealed = o("seal.xlsx");
  runs.push(await run(["seal", input, "--out", sealed, "--enrolled", "1000"], [sealed]));
  if (existsSync(sealed)) runs.push(await run(["verify", sealed]));
  for (const recipe of ["学期报送", "公示前检查"]) {
    const out = o(`run-${recipe}`);
    const r = await run(["run", recipe, input, "--out", out]);
    const written = existsSync(out) ? readdirSync(out).sort() : [];
    const files: Record<string, unknown> = {};
    for (const f of written) {
      const p = join(out, f);
      files[f] = f.endsWith(".xlsx")
        ? await dumpWorkbook(readFileSync(p), REPLACE)
        : normaliseText(readFileSync(p, "utf8"), REPLACE);
    }
    runs.push({ ...r, files });
  }
  return runs;
}

describe("golden: the CLI on the samples", () => {
  test.each(SAMPLES)(
    "%s",
    async (file) => {
      const input = join(dir, file);
      copyFileSync(join(ROOT, "samples", file), input);
      compare(`cli-sample-${basename(file)}`, await allCommands(input, basename(file)));
    },
    240000,
  );

  test("batch over the samples folder", async () => {
    const folder = join(dir, "各校");
    mkdirSync(folder, { recursive: true });
    for (const f of SAMPLES) copyFileSync(join(ROOT, "samples", f), join(folder, f));
    const out = join(dir, "县级");
    const r = await run(
      ["batch", folder, "--out", out, "--jobs", "1"],
      [join(out, "县级汇总.xlsx"), join(out, "report.json")],
    );
    compare("cli-batch-samples", r);
  }, 240000);
});
