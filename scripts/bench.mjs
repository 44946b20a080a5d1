#!/usr/bin/env node
// `npm run bench`: bundles the benchmarks (webpack --env bench) and runs each in a fresh Node; then
// the page benchmark (bench/page.mjs) on the built dist/, when Chromium is there.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(
  process.execPath,
  [join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--env", "bench"],
  {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  },
);
const dir = join(root, "dist", "bench");
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".bench.cjs"))
  .sort()) {
  process.stdout.write(`\n## ${file.replace(".bench.cjs", "")}\n\n`);
  execFileSync(process.execPath, [join(dir, file)], { stdio: "inherit" });
}

const chromium = process.env.ZIZHU_CHROMIUM ?? "/usr/bin/chromium";
process.stdout.write("\n## page\n\n");
if (!existsSync(chromium)) {
  process.stdout.write(`skipped: no Chromium at ${chromium} (apt-get install -y chromium, or set ZIZHU_CHROMIUM)\n`);
} else if (!existsSync(join(root, "dist", "standalone.html")) || !existsSync(join(root, "dist", "cli", "zizhu.cjs"))) {
  process.stdout.write("skipped: dist/standalone.html or dist/cli/zizhu.cjs is missing (npm run build first)\n");
} else {
  execFileSync(process.execPath, [join(root, "bench", "page.mjs")], { stdio: "inherit" });
}
