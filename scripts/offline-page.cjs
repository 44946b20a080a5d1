// The single offline file (dist/zizhu-offline.html): the standalone page with everything inside
// it — its script, the engine worker's script, the sample roster and the icon — so it works when
// double-clicked from a folder or a USB stick (file://), with no server and no network. Its
// Content-Security-Policy allows nothing outside the file: the page's one script by its hash, the
// worker only from a blob: URL the page makes from its own text, images and fonts only as data:.
const { createHash } = require("node:crypto");
const { readFileSync, renameSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { Compilation } = require("webpack");

const OUTPUT = "zizhu-offline.html";
const WORKER_ID = "zizhu-engine-worker"; // INLINE_WORKER_ID in src/adapters/engine/client.ts
const SAMPLE_ID = "zizhu-sample-roster"; // INLINE_SAMPLE_ID in src/adapters/standalone/pane-host.ts

/** Script text safe inside <script>…</script>: "</script" cannot end it early (same meaning in JS). */
function inlineScript(code) {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

function withoutSourceMap(code) {
  return code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
}

/** The CSP hash of an inline script's text, as the browser computes it (over its UTF-8 bytes). */
function scriptHash(text) {
  return createHash("sha256").update(Buffer.from(text, "utf8")).digest("base64");
}

/** The page's own script in a built offline file (the last element, see offlineHtml), and the hash its CSP allows. */
function inspectOfflineHtml(html) {
  const start = html.lastIndexOf("\n<script>") + "\n<script>".length;
  const end = html.lastIndexOf("</script>");
  const allowed = /script-src 'sha256-([^']+)'/.exec(html)?.[1] ?? null;
  return { hash: scriptHash(html.slice(start, end)), allowed };
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** The page as one HTML document. */
function offlineHtml({ script, worker, sample, icon, title }) {
  const code = inlineScript(withoutSourceMap(script));
  const hash = scriptHash(code);
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    "worker-src blob:",
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "font-src data:",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
  return [
    "<!doctype html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="UTF-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}" />`,
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="icon" type="image/png" href="data:image/png;base64,${icon}" />`,
    "</head>",
    "<body>",
    '<div id="root"></div>',
    // Not run by the page: the engine worker's code (a blob: URL is made from it) and the sample's bytes.
    `<script type="text/plain" id="${WORKER_ID}">${inlineScript(withoutSourceMap(worker))}</script>`,
    `<script type="application/octet-stream" id="${SAMPLE_ID}">${sample}</script>`,
    `<script>${code}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

class OfflinePagePlugin {
  /**
   * @param {{ entry: string; worker: string; sample: string; icon: string }} options `worker`: the
   * worker script's file name in the build's output folder (the worker config builds it there first).
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("OfflinePagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "OfflinePagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const name = `${this.options.entry}.js`;
          const asset = assets[name];
          if (!asset) throw new Error(`OfflinePagePlugin: no ${name} in the build`);
          if (Object.keys(assets).some((a) => a.endsWith(".js") && a !== name)) {
            throw new Error("OfflinePagePlugin: the offline page must be one script (no split chunks)");
          }
          const html = offlineHtml({
            script: asset.source().toString(),
            worker: readFileSync(path.join(compilation.outputOptions.path, this.options.worker), "utf8"),
            sample: readFileSync(this.options.sample).toString("base64"),
            icon: readFileSync(this.options.icon).toString("base64"),
            title: "资助助手（离线单文件版）",
          });
          // The page runs only if its CSP names its script's hash: checked on what will be written.
          const { hash, allowed } = inspectOfflineHtml(html);
          if (hash !== allowed) throw new Error(`OfflinePagePlugin: script hash ${hash} is not the CSP's ${allowed}`);
          for (const a of Object.keys(assets)) compilation.deleteAsset(a);
          this.html = html;
        },
      );
    });
    // Written by the plugin itself, after webpack's own assets: no later asset step may touch the
    // bytes the hash was computed on. A temporary file renamed into place: never half a page.
    compiler.hooks.afterEmit.tap("OfflinePagePlugin", (compilation) => {
      if (!this.html) return;
      const out = path.join(compilation.outputOptions.path, OUTPUT);
      writeFileSync(`${out}.tmp`, this.html, "utf8");
      renameSync(`${out}.tmp`, out);
      this.html = null;
    });
  }
}

module.exports = { OfflinePagePlugin, offlineHtml, inspectOfflineHtml, inlineScript, OUTPUT, WORKER_ID, SAMPLE_ID };
