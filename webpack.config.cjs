// Two builds from one source tree:
//  - web: the add-in (task pane + ribbon commands + custom functions in one shared runtime page,
//    taskpane.html), the standalone page (standalone.html, no office.js), manifest and icons;
//  - cli: the `zizhu` command for Node, which bundles the very same functions module.
const path = require("node:path");
const { DefinePlugin, optimize } = require("webpack");
const { URL } = require("node:url");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { OfflinePagePlugin } = require("./scripts/offline-page.cjs");
const pkg = require("./package.json");

const DEV_URL = "https://localhost:3000/";
const dist = path.resolve(__dirname, "dist");

/** Where the add-in is served from; manifest URLs are rewritten to it (default: the dev server). */
function baseUrl() {
  const url = process.env.ZIZHU_BASE_URL || DEV_URL;
  return url.endsWith("/") ? url : `${url}/`;
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  // Type checking is `npm run typecheck` (all tsconfigs); the bundler only transpiles.
  use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") } },
};

// The engine is pure (no module does anything on load), so a bundle that imports the core's public
// entry keeps only what it uses: without this, the ribbon's commands.js would carry the whole core.
const coreRule = { test: /\.tsx?$/, include: path.resolve(__dirname, "src/core"), sideEffects: false };

// The modules whose JSDoc makes functions.json (and whose associate() calls register them).
const functionModules = require("./functions/modules.json").map((f) => `./${f}`);
const functionsMetadata = () => new CustomFunctionsMetadataPlugin({ input: functionModules, output: "functions.json" });

const define = () => new DefinePlugin({ ZIZHU_VERSION: JSON.stringify(pkg.version) });

module.exports = (env, argv) => {
  const mode = argv.mode || "production";
  const web = {
    name: "web",
    mode,
    target: "web",
    // No eval-based source maps: the standalone page's Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry: {
      functions: "./functions/functions.ts",
      commands: "./src/commands/index.ts",
      taskpane: "./taskpane/index.tsx",
      standalone: "./taskpane/standalone.tsx",
    },
    output: { path: dist, filename: "[name].js", clean: { keep: /^(cli[\\/]|engine-worker\.js|zizhu-offline\.html)/ } },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [tsRule, coreRule] },
    performance: { hints: false },
    // The task pane page loads functions, commands and taskpane together: what they share (React,
    // Fluent UI, the engine's core) is one chunk loaded once, and the tabs loaded on first use
    // (taskpane/lazy.tsx) are chunks of their own.
    optimization: { splitChunks: { chunks: "all" } },
    plugins: [
      define(),
      functionsMetadata(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "standalone.html",
        template: "./taskpane/standalone.html",
        chunks: ["standalone"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The standalone page's "载入示例花名册" fetches this from its own origin.
          { from: "samples/一补花名册-问题示例.xlsx", to: "samples/sample-roster.xlsx" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // The URLs, and the AppDomain (the origin alone, without the trailing slash).
            transform: (content) =>
              content
                .toString()
                .split(DEV_URL)
                .join(baseUrl())
                .split(DEV_URL.slice(0, -1))
                .join(new URL(baseUrl()).origin),
          },
        ],
      }),
    ],
  };
  // The engine worker (engine-worker.js): reading, checking, scanning and building off the pane's
  // thread, for the task pane and the standalone page alike. One self-contained file: a worker
  // cannot load the page's chunks, and the single offline file carries it inline.
  const worker = {
    name: "worker",
    mode,
    target: "webworker",
    devtool: "source-map",
    entry: { "engine-worker": "./src/adapters/engine/worker.ts" },
    output: { path: dist, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [tsRule, coreRule] },
    performance: { hints: false },
    plugins: [define()],
  };
  // The single offline file (zizhu-offline.html): the standalone page as one script, with the
  // worker's script (built just before), the sample roster and the icon inside one HTML file.
  const offline = {
    name: "offline",
    dependencies: ["worker"],
    mode,
    target: "web",
    devtool: false,
    entry: { "zizhu-offline": "./taskpane/standalone.tsx" },
    output: { path: dist, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [tsRule, coreRule] },
    performance: { hints: false },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      define(),
      // The tabs loaded on first use are in the one script too: a file:// page cannot fetch chunks.
      new optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new OfflinePagePlugin({
        entry: "zizhu-offline",
        worker: "engine-worker.js",
        sample: path.resolve(__dirname, "samples/一补花名册-问题示例.xlsx"),
        icon: path.resolve(__dirname, "assets/icon-32.png"),
      }),
    ],
  };
  const cli = {
    name: "cli",
    mode,
    target: "node20",
    devtool: false,
    // The batch worker is its own file beside zizhu.cjs: worker threads load it by path.
    entry: { zizhu: "./src/cli/entry.ts", "batch-worker": "./src/cli/batch/worker.ts" },
    output: { path: path.join(dist, "cli"), filename: "[name].cjs", library: { type: "commonjs2" }, clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [tsRule, coreRule] },
    // Keep the real __dirname so the CLI finds functions.json beside itself.
    node: { __dirname: false, __filename: false },
    optimization: { minimize: false },
    performance: { hints: false },
    plugins: [define(), functionsMetadata()],
  };
  // `npm run bench` only: the benchmarks bundled for Node.
  const bench = {
    ...cli,
    name: "bench",
    entry: {
      functions: "./bench/functions.bench.ts",
      policy: "./bench/policy.bench.ts",
      check: "./bench/check.bench.ts",
      rules: "./bench/rules.bench.ts",
      batch: "./bench/batch.bench.ts",
      read: "./bench/read.bench.ts",
      pairing: "./bench/pairing.bench.ts",
      "batch-worker": "./src/cli/batch/worker.ts",
    },
    output: {
      path: path.join(dist, "bench"),
      // The worker is not a benchmark: scripts/bench.mjs runs only *.bench.cjs.
      filename: (data) => (data.chunk && data.chunk.name === "batch-worker" ? "[name].cjs" : "[name].bench.cjs"),
      clean: true,
    },
    plugins: [define()],
  };
  // `npm run samples` only: the sample roster generator for Node.
  const samples = {
    ...cli,
    name: "samples",
    entry: { make: "./samples/make-samples.ts" },
    output: { path: path.join(dist, "samples"), filename: "[name].cjs", clean: true },
    plugins: [define()],
  };
  if (env && env.bench) return [bench];
  if (env && env.samples) return [samples];
  return [web, worker, offline, cli];
};
