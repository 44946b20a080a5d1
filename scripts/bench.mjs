#!/usr/bin/env node
// `npm run bench`: bundles the benchmarks (webpack --env bench) and runs each in a fresh Node.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
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
