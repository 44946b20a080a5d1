#!/usr/bin/env node
// `npm start`: builds the add-in in development mode and serves it on https://localhost:3000,
// then prints how to sideload it into Excel and where the standalone page is.
//
// Certificates: office-addin-dev-certs installs a trusted localhost CA where it can (Windows,
// macOS, a desktop Linux with sudo). Where it cannot (as root on Linux it writes the files, then
// fails on `sudo`), webpack-dev-server generates its own self-signed certificate; the browser
// then asks you to accept it once.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const require = createRequire(import.meta.url);
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const configFor = require("../webpack.config.cjs");
// Content-Security-Policy as a real header, CORS for the Office hosts only (see dev-headers.cjs).
const { devServerOptions } = require("./dev-headers.cjs");

const PORT = Number(process.env.PORT || 3000);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 20000));
    const options = await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
    return { type: "https", options, trusted: true };
  } catch {
    // Certificates written before the failing CA install step are still usable, if present.
    const dir = join(homedir(), ".office-addin-dev-certs");
    const [cert, key, ca] = ["localhost.crt", "localhost.key", "ca.crt"].map((f) => join(dir, f));
    if (existsSync(cert) && existsSync(key)) {
      const options = { cert: readFileSync(cert), key: readFileSync(key) };
      if (existsSync(ca)) options.ca = readFileSync(ca);
      return { type: "https", options, trusted: false };
    }
    return { type: "https", trusted: false };
  }
}

const configs = configFor({}, { mode: "development" });
const byName = (name) => configs.find((c) => c.name === name);
const [web, worker, cli] = ["web", "worker", "cli"].map(byName);

// The main job first, headless, on the bundled sample roster: what `zizhu check` finds in it.
await new Promise((resolve, reject) =>
  webpack(cli).run((err, stats) =>
    err || stats.hasErrors() ? reject(err ?? new Error(stats.toString("errors-only"))) : resolve(),
  ),
);
const sample = join(root, "samples", "一补花名册-问题示例.xlsx");
const demo = spawnSync(process.execPath, [join(root, "bin", "zizhu.js"), "check", sample], { encoding: "utf8" });
process.stdout.write(`\n== 示例：zizhu check samples/一补花名册-问题示例.xlsx ==\n${demo.stdout}${demo.stderr}\n`);

const server = await httpsOptions();
const devServer = new WebpackDevServer(
  devServerOptions({
    port: PORT,
    server: server.options ? { type: "https", options: server.options } : "https",
  }),
  // The pages and their engine worker (engine-worker.js), served side by side.
  webpack([web, worker]),
);
await devServer.start();

const base = `https://localhost:${PORT}/`;
process.stdout.write(`
资助助手 Zizhu 已启动 / is running

  独立页面（无需 Excel）Standalone page:  ${base}standalone.html
  任务窗格 Task pane (inside Excel):       ${base}taskpane.html
  清单 Manifest:                           ${base}manifest.xml  （项目文件 ./manifest.xml）
${server.trusted ? "" : "\n  证书为自签名：首次在浏览器打开时请选择“继续访问”。Self-signed certificate: accept it once in the browser.\n"}
在 Excel 中旁加载 Sideload into Excel:
  · Excel 网页版 Web:   插入 → 加载项 → 管理我的加载项 → 上传我的加载项 → 选择 manifest.xml
                        Insert → Add-ins → Manage My Add-ins → Upload My Add-in → manifest.xml
  · Windows 桌面版:      将 manifest.xml 所在文件夹设为共享文件夹，在 信任中心 → 受信任的加载项目录 中添加
                        该共享路径并勾选“显示在菜单中”，重启 Excel 后 插入 → 我的加载项 → 共享文件夹
  · macOS 桌面版:        复制 manifest.xml 到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                        然后重启 Excel，插入 → 我的加载项
  （需要 Microsoft 365 或 Office 2021 及以上；WPS 不支持 Office 加载项，请使用独立页面或 zizhu 命令行。）

按 Ctrl+C 停止 / Press Ctrl+C to stop.
`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    void devServer.stop().then(() => process.exit(0));
  });
}
