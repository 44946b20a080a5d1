#!/usr/bin/env node
// The `zizhu` command: runs the CLI bundle that `npm run build` writes to dist/cli/.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const bundle = join(__dirname, "..", "dist", "cli", "zizhu.cjs");
if (!existsSync(bundle)) {
  process.stderr.write(
    "zizhu: 尚未构建。请先在项目目录运行 npm run build（Not built yet: run `npm run build` first）\n",
  );
  process.exit(2);
}
require(bundle);
