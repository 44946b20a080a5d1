/** Golden outputs of the built `zizhu` on every file of the reader corpus (see cli.golden.test.ts). */
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT, compare, dir, run } from "./cli-golden";

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CORPUS = readdirSync(join(ROOT, "tests", "fixtures", "xlsx-corpus"))
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

describe("golden: the CLI on the reader corpus", () => {
  test.each(CORPUS)(
    "%s",
    async (file) => {
      const input = join(ROOT, "tests", "fixtures", "xlsx-corpus", file);
      const runs = [
        await run(["check", input, "--json", "-"]),
        await run(["check", input]),
        await run(["privacy", input, "--json", "-"]),
        await run(["format", input, "--out", join(dir, `${file}-format.xlsx`)], [join(dir, `${file}-format.xlsx`)]),
      ];
      compare(`cli-corpus-${file}`, runs);
    },
    120000,
  );
});
