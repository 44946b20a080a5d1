#!/usr/bin/env node
// `npm run deploy:county -- --url https://zizhu.example-county.edu.cn/zizhu/ --out 部署包`: a folder a
// county education bureau can put on its own HTTPS static server: the built add-in (site/), the
// manifest with the county address, an nginx snippet, an IIS web.config and 部署说明.txt.
//
//   --url URL       where site/ will be served from (https only; no query or fragment)
//   --out FOLDER    a new folder (or an empty one); nothing is ever overwritten
//   --no-build      reuse the built files in --dist instead of building (the manifest is then
//                   rewritten here from the source manifest.xml)
//   --dist FOLDER   the built files to use with --no-build (default: dist/)
//   --with-maps     also copy the *.map source maps
//
// Everything is written into a hidden sibling folder first and renamed into place at the end, so a
// failure leaves nothing behind. Errors are Chinese messages with exit code 2.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, URL } from "node:url";
import { parseArgs } from "node:util";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const require = createRequire(import.meta.url);
// The same policies and Office host list as the dev server, so the county server says what
// `npm start` says (and what tests/scripts/dev-headers.test.ts holds against the page templates).
const { STANDALONE_CSP, TASKPANE_CSP, OFFICE_HOST_SUFFIXES } = require("./dev-headers.cjs");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";
/** Top-level folders of dist/ that other builds (CLI, benchmarks, sample generator) write. */
const NOT_WEB = new Set(["cli", "bench", "samples-generator"]);
/** webpack configurations that build for Node, not for the site. */
const NODE_CONFIGS = new Set(["cli", "bench", "samples"]);
/** Default folder on the county server; the admin may change it in both configs. */
const NGINX_ROOT = "/var/www/zizhu/";
const LONG_CACHE = "public, max-age=31536000, immutable";
// A file name carrying a content hash (webpack's [contenthash] / [hash]: 8+ hex digits as its own
// dot- or dash-separated part). Only these may be cached for long; everything else is revalidated,
// so a new build at the same address is picked up at once.
const HASHED_EXT = "js|mjs|css|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|wasm|map|json|xlsx";
const HASHED_RE = new RegExp(`(?:^|[./-])[0-9a-f]{8,}\\.(?:${HASHED_EXT})$`, "i");

/** MIME types the site needs (nginx `types` and IIS mimeMap both replace the defaults here). */
const MIME = [
  ["html", "text/html", true],
  ["htm", "text/html", true],
  ["js", "text/javascript", true],
  ["mjs", "text/javascript", true],
  ["json", "application/json", true],
  ["map", "application/json", true],
  ["xml", "application/xml", true],
  ["css", "text/css", true],
  ["txt", "text/plain", true],
  ["svg", "image/svg+xml", true],
  ["png", "image/png", false],
  ["jpg", "image/jpeg", false],
  ["jpeg", "image/jpeg", false],
  ["gif", "image/gif", false],
  ["ico", "image/x-icon", false],
  ["webp", "image/webp", false],
  ["woff", "font/woff", false],
  ["woff2", "font/woff2", false],
  ["ttf", "font/ttf", false],
  ["wasm", "application/wasm", false],
  ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false],
];

/** What a failure or an interruption must undo: the temporary folder and a running build. */
const running = { tmp: null, child: null };

class DeployError extends Error {}
const fail = (message) => {
  throw new DeployError(message);
};

const USAGE = `用法：node scripts/deploy-county.mjs --url https://服务器/路径/ --out 新文件夹 [--no-build] [--dist 文件夹] [--with-maps]`;

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        url: { type: "string" },
        out: { type: "string" },
        dist: { type: "string" },
        "no-build": { type: "boolean", default: false },
        "with-maps": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    fail(`参数有误：${e.message}\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help) return { help: true };
  if (!v.url) fail(`缺少 --url（加载项的 HTTPS 地址）。\n${USAGE}`);
  if (!v.out) fail(`缺少 --out（要新建的部署文件夹）。\n${USAGE}`);
  if (v.dist !== undefined && !v["no-build"]) fail("--dist 只能和 --no-build 一起使用（构建时总是重新构建）。");
  return {
    url: v.url,
    out: path.resolve(v.out),
    dist: path.resolve(v.dist ?? path.join(ROOT, "dist")),
    build: !v["no-build"],
    withMaps: v["with-maps"],
  };
}

/**
 * The county address, normalised to end in "/": https only, no user name, query or fragment, and a
 * path of plain ASCII characters (it goes verbatim into nginx and IIS configuration).
 */
function normaliseUrl(raw) {
  const text = String(raw).trim();
  if (/[?#]/.test(text)) fail(`地址不能带查询参数或锚点（? 或 #）：${text}`);
  let url;
  try {
    url = new URL(text);
  } catch {
    fail(`不是有效的网址：${text}（例：https://zizhu.example-county.edu.cn/zizhu/）`);
  }
  if (url.protocol !== "https:")
    fail(`地址必须以 https:// 开头：Office 加载项只能从 HTTPS 地址加载，且证书须受学校电脑信任。收到：${text}`);
  if (url.username || url.password) fail("地址中不能包含用户名或密码。");
  let pathname = url.pathname;
  if (!/^[A-Za-z0-9._~/-]*$/.test(pathname))
    fail(`地址的路径请只用英文字母、数字和 - _ . ~（收到 ${decodeURI(pathname)}）。`);
  if (/\.(html?|xml|js|json)$/i.test(pathname))
    fail(`请给出文件夹地址，而不是某个文件的地址：${text}（例：https://zizhu.example-county.edu.cn/zizhu/）`);
  if (!pathname.endsWith("/")) pathname += "/";
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return { url: `${url.origin}${pathname}`, origin: url.origin, pathname, local };
}

const isInside = (child, parent) => {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/** Refuses an --out that exists and is not an empty folder, or whose parent does not exist. */
function checkOut(out, dist) {
  if (fs.existsSync(out)) {
    if (!fs.statSync(out).isDirectory()) fail(`--out 已存在且不是文件夹，不会覆盖：${out}`);
    if (fs.readdirSync(out).length > 0) fail(`--out 文件夹已存在且不为空，不会覆盖：${out}。请指定一个新文件夹。`);
  }
  const parent = path.dirname(out);
  if (!fs.existsSync(parent) || !fs.statSync(parent).isDirectory()) fail(`--out 的上级文件夹不存在：${parent}`);
  if (isInside(out, dist)) fail(`--out 不能放在构建文件夹 ${dist} 里面。`);
}

/**
 * The webpack configurations that make the site: every one in webpack.config.cjs but the Node
 * bundles (so a configuration added beside "web", such as the engine worker, is built too).
 */
function webConfigNames() {
  let configs;
  try {
    configs = [].concat(require(path.join(ROOT, "webpack.config.cjs"))({}, { mode: "production" }));
  } catch (e) {
    fail(`无法读取 webpack.config.cjs：${e.message}`);
  }
  const names = configs.map((c) => c && c.name).filter((n) => typeof n === "string" && !NODE_CONFIGS.has(n));
  if (!names.includes("web")) fail("webpack.config.cjs 中没有名为 web 的构建配置。");
  return names;
}

/** Runs the web build into `into` (not dist/: other work in the checkout keeps its dist/). */
function build(url, into) {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const names = webConfigNames().flatMap((n) => ["--config-name", n]);
  const args = [cli, "--mode", "production", ...names, "--output-path", into];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ZIZHU_BASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.child = child;
    let output = "";
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-20000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (e) => reject(new DeployError(`无法启动 webpack：${e.message}`)));
    child.on("close", (code, signal) => {
      running.child = null;
      if (code === 0) resolve();
      else {
        const tail = output.trim().split("\n").slice(-30).join("\n");
        reject(
          new DeployError(
            `构建失败（webpack ${signal ? `被信号 ${signal} 终止` : `退出码 ${code}`}）。最后的输出：\n${tail}`,
          ),
        );
      }
    });
  });
}

/** Copies the web files of `from` into `to`: not the Node bundles, no hidden files, maps only if asked. */
function copySite(from, to, withMaps, rel = "") {
  const copied = [];
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from).sort()) {
    const relPath = rel ? `${rel}/${entry}` : entry;
    if (entry.startsWith(".")) continue;
    if (!rel && NOT_WEB.has(entry)) continue;
    // The manifest is written separately, with the county address.
    if (!rel && entry === "manifest.xml") continue;
    const src = path.join(from, entry);
    const stat = fs.statSync(src);
    if (stat.isDirectory()) copied.push(...copySite(src, path.join(to, entry), withMaps, relPath));
    else if (stat.isFile()) {
      if (!withMaps && entry.endsWith(".map")) continue;
      fs.copyFileSync(src, path.join(to, entry), fs.constants.COPYFILE_EXCL);
      copied.push(relPath);
    }
  }
  return copied;
}

/** The built files (other than source maps) that still carry the dev server's address. */
function filesWithDevUrl(site, files) {
  const needle = Buffer.from("//localhost:3000");
  return files.filter((f) => !f.endsWith(".map") && fs.readFileSync(path.join(site, f)).includes(needle));
}

/** Every URL-looking attribute value or text in the parsed manifest, with its element name. */
function manifestUrls(node, name, out = []) {
  if (Array.isArray(node)) {
    for (const n of node) manifestUrls(n, name, out);
    return out;
  }
  const isUrl = (v) => typeof v === "string" && /^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim());
  if (node === null || typeof node !== "object") {
    if (isUrl(node)) out.push({ element: name, value: node.trim() });
    return out;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith("@_")) {
      if (!k.startsWith("@_xmlns") && isUrl(v)) out.push({ element: name, value: v.trim() });
    } else if (k === "#text") {
      if (isUrl(v)) out.push({ element: name, value: String(v).trim() });
    } else manifestUrls(v, k, out);
  }
  return out;
}

/**
 * The manifest for the county: the dev address replaced by the county one (the AppDomain, an
 * origin without a slash, by the county origin), then checked offline: well-formed XML, every URL
 * under the county address and pointing at a file in the site, AppDomains the county origin only.
 */
function countyManifest(text, target, siteHas) {
  const xml = text.split(DEV_URL).join(target.url).split(DEV_ORIGIN).join(target.origin);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) fail(`manifest.xml 不是合法的 XML：第 ${valid.err.line} 行：${valid.err.msg}`);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
  }).parse(xml);
  if (!doc.OfficeApp) fail("manifest.xml 缺少根元素 OfficeApp。");
  const urls = manifestUrls(doc.OfficeApp, "OfficeApp");
  const problems = [];
  for (const { element, value } of urls) {
    if (element === "AppDomain") {
      if (value.replace(/\/$/, "") !== target.origin) problems.push(`AppDomain 不是县里的服务器：${value}`);
      continue;
    }
    if (!value.startsWith(target.url)) {
      problems.push(`地址不在 ${target.url} 之下：${value}`);
      continue;
    }
    const rel = value.slice(target.url.length).split(/[?#]/)[0];
    if (!siteHas(decodeURIComponent(rel))) problems.push(`清单引用的文件在站点中不存在：${rel}`);
  }
  if (!urls.some((u) => u.element !== "AppDomain")) problems.push("清单中没有任何地址（SourceLocation 等）。");
  if (problems.length) fail(`清单检查未通过：\n  ${problems.join("\n  ")}`);
  const version = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(xml)?.[1] ?? "?";
  return { xml, version, count: urls.length };
}

const decodeEntities = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The Content-Security-Policy of a page's <meta http-equiv> tag, if it has one. */
function metaCsp(html) {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = {};
    for (const m of tag.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g))
      attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
    if ((attrs["http-equiv"] ?? "").toLowerCase() === "content-security-policy" && attrs.content)
      return attrs.content.trim().replace(/;\s*$/, "");
  }
  return null;
}

/**
 * The header policy of each page: the task pane's from dev-headers.cjs (it has no meta tag: office.js
 * comes from Microsoft's CDN); any other page its own meta policy plus what only a header can say
 * (frame-ancestors 'self'); a page without one the standalone policy (own origin only).
 */
function pagePolicies(site, files) {
  const pages = new Map();
  for (const f of files.filter((f) => /\.html?$/i.test(f))) {
    if (f === "taskpane.html") {
      pages.set(f, TASKPANE_CSP);
      continue;
    }
    const meta = metaCsp(fs.readFileSync(path.join(site, f), "utf8"));
    pages.set(f, meta ? (/frame-ancestors/.test(meta) ? meta : `${meta}; frame-ancestors 'self'`) : STANDALONE_CSP);
  }
  return pages;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Office hosts that may read files cross-origin (Excel on the web reads functions.json), exactly. */
const OFFICE_ORIGIN_RE = `^https://([a-z0-9-]+\\.)+(${OFFICE_HOST_SUFFIXES.map(escapeRe).join("|")})$`;

function nginxHeaders(csp, cache, indent) {
  return [
    `add_header Content-Security-Policy "${csp}" always;`,
    `add_header Cache-Control "${cache}" always;`,
    `add_header X-Content-Type-Options "nosniff" always;`,
    `add_header Referrer-Policy "no-referrer" always;`,
    // Empty for every other origin, and nginx sends no header with an empty value.
    `add_header Access-Control-Allow-Origin $zizhu_cors_origin always;`,
    `add_header Vary "Origin" always;`,
  ]
    .map((l) => indent + l)
    .join("\n");
}

function nginxConf(target, pages, generated) {
  const loc = target.pathname;
  const types = MIME.map(([ext, type]) => `        ${type} ${ext};`).join("\n");
  const charsetTypes = [...new Set(MIME.filter(([, , text]) => text).map(([, type]) => type))]
    .filter((t) => t !== "text/html")
    .join(" ");
  const pageBlocks = [...pages]
    .filter(([, csp]) => csp !== STANDALONE_CSP)
    .map(([file, csp]) => `    location = ${loc}${file} {\n${nginxHeaders(csp, "no-cache", "        ")}\n    }`)
    .join("\n\n");
  const redirect = loc === "/" ? "" : `\nlocation = ${loc.replace(/\/$/, "")} {\n    return 301 ${loc};\n}\n`;
  return `# 资助助手 Zizhu：nginx 配置片段（scripts/deploy-county.mjs 生成于 ${generated}）
# 加载项地址：${target.url}
#
# 用法：
#   1. 把部署包中 site/ 文件夹里的全部文件复制到 ${NGINX_ROOT}（可改；改了请同时改下面的 alias）。
#   2. 把本文件放到 /etc/nginx/snippets/zizhu.conf，在县里现有的 HTTPS server { } 块中加一行：
#          include /etc/nginx/snippets/zizhu.conf;
#   3. nginx -t 检查，再 nginx -s reload（或 systemctl reload nginx）。
#
# 证书（ssl_certificate）、listen 443 ssl、HTTP 跳转 HTTPS 由现有的 server 块负责，本片段不涉及。
# 本片段只提供静态文件：没有反向代理、没有转发，不向任何其他服务器发送数据。

# Excel 网页版从 Office 的域名读取 functions.json：只对这些来源原样回送 Origin，从不使用 *。
set $zizhu_cors_origin "";
if ($http_origin ~ "${OFFICE_ORIGIN_RE}") {
    set $zizhu_cors_origin $http_origin;
}
${redirect}
location ${loc} {
    alias ${NGINX_ROOT};
    autoindex off;
    index standalone.html;

    # 只用这里列出的类型（替换 nginx 的默认 mime.types），其余按二进制下载。
    types {
${types}
    }
    default_type application/octet-stream;
    charset utf-8;
    charset_types ${charsetTypes};

    gzip on;
    gzip_types text/javascript application/json application/xml text/css text/plain image/svg+xml;

    # 页面、清单、functions.json 和其他不带内容哈希的文件：每次向服务器确认（no-cache），
    # 同一地址换上新版本后立即生效。
${nginxHeaders(STANDALONE_CSP, "no-cache", "    ")}

    # 文件名带内容哈希的文件内容永不改变：长期缓存。
    location ~* "${HASHED_RE.source.replace("(?:^|[./-])", "[./-]")}" {
${nginxHeaders(STANDALONE_CSP, LONG_CACHE, "        ")}
    }
${pageBlocks ? `\n${pageBlocks}\n` : ""}}
`;
}

const xmlAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function iisHeaders(csp, indent, replace) {
  const names = ["Content-Security-Policy"];
  const lines = replace
    ? names.map((n) => `<remove name="${n}" />`)
    : ['<remove name="X-Powered-By" />', `<remove name="Content-Security-Policy" />`];
  lines.push(`<add name="Content-Security-Policy" value="${xmlAttr(csp)}" />`);
  if (!replace)
    lines.push(
      `<add name="X-Content-Type-Options" value="nosniff" />`,
      `<add name="Referrer-Policy" value="no-referrer" />`,
      `<add name="Vary" value="Origin" />`,
    );
  return lines.map((l) => indent + l).join("\n");
}

/**
 * IIS configuration for the site folder. `urlRewrite`: the variant for servers with the URL Rewrite
 * module (HTTP → HTTPS redirect, CORS for the Office hosts); without the module a <rewrite> section
 * makes IIS answer every request with error 500.19, so the default variant has none.
 */
function iisWebConfig(target, pages, files, generated, urlRewrite) {
  const mime = MIME.map(
    ([ext, type, text]) =>
      `      <remove fileExtension=".${ext}" />\n      <mimeMap fileExtension=".${ext}" mimeType="${type}${text ? "; charset=utf-8" : ""}" />`,
  ).join("\n");
  const pageLocations = [...pages]
    .filter(([, csp]) => csp !== STANDALONE_CSP)
    .map(
      ([file, csp]) => `  <location path="${xmlAttr(file)}">
    <system.webServer>
      <httpProtocol>
        <customHeaders>
${iisHeaders(csp, "          ", true)}
        </customHeaders>
      </httpProtocol>
    </system.webServer>
  </location>`,
    );
  // IIS cannot match file names by pattern without URL Rewrite: one <location> per hashed file.
  const hashedLocations = files
    .filter((f) => HASHED_RE.test(path.posix.basename(f)))
    .map(
      (f) => `  <location path="${xmlAttr(f)}">
    <system.webServer>
      <staticContent>
        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" cacheControlCustom="public" />
      </staticContent>
    </system.webServer>
  </location>`,
    );
  const rewrite = urlRewrite
    ? `
    <!-- 需要 IIS 的 URL Rewrite 模块（2.1）：未安装时请改用上一级文件夹中的 web.config。 -->
    <rewrite>
      <rules>
        <rule name="zizhu-https" stopProcessing="true">
          <match url="(.*)" />
          <conditions>
            <add input="{HTTPS}" pattern="^OFF$" />
          </conditions>
          <action type="Redirect" url="https://{HTTP_HOST}{REQUEST_URI}" redirectType="Permanent" />
        </rule>
      </rules>
      <outboundRules>
        <!-- Excel 网页版从 Office 的域名读取 functions.json：只对这些来源原样回送 Origin，从不使用 *。 -->
        <rule name="zizhu-cors-office">
          <match serverVariable="RESPONSE_Access_Control_Allow_Origin" pattern=".*" />
          <conditions trackAllCaptures="true">
            <add input="{HTTP_ORIGIN}" pattern="${xmlAttr(OFFICE_ORIGIN_RE)}" />
          </conditions>
          <action type="Rewrite" value="{C:0}" />
        </rule>
      </outboundRules>
    </rewrite>`
    : `
    <!-- 未使用 URL Rewrite 模块：HTTP 跳转 HTTPS 请在 IIS 站点绑定中处理（只绑定 https），
         Excel 网页版读取 functions.json 所需的跨域头需要 URL Rewrite，见 url-rewrite/web.config。 -->`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- 资助助手 Zizhu：IIS 配置（scripts/deploy-county.mjs 生成于 ${generated}）
     加载项地址：${target.url}
     放在 IIS 中该地址对应的物理文件夹里（与 taskpane.html 同一层）。证书与 https 绑定在 IIS 管理器中设置。
     只提供静态文件：不转发、不向任何其他服务器发送数据。 -->
<configuration>
  <system.webServer>
    <directoryBrowse enabled="false" />
    <defaultDocument enabled="true">
      <files>
        <clear />
        <add value="standalone.html" />
      </files>
    </defaultDocument>
    <staticContent>
${mime}
      <!-- 页面、清单、functions.json 等不带内容哈希的文件：Cache-Control: no-cache（每次确认）。 -->
      <clientCache cacheControlMode="DisableCache" />
    </staticContent>
    <httpProtocol>
      <customHeaders>
${iisHeaders(STANDALONE_CSP, "        ", false)}
      </customHeaders>
    </httpProtocol>${rewrite}
  </system.webServer>
${[...pageLocations, ...hashedLocations].join("\n")}
</configuration>
`;
}

function instructions(target, info) {
  const u = target.url;
  const lines = [
    "资助助手 Zizhu —— 县级部署说明",
    "",
    `加载项地址：${u}`,
    `生成时间：${info.generated}；清单版本：${info.version}；构建方式：${info.build ? "本次重新构建" : "使用已有构建（--no-build）"}`,
    "",
    "本文件夹内容",
    "  site/               加载项的全部网页文件，原样放到服务器上，使其可通过上面的地址访问",
    `  manifest.xml        清单，其中所有地址都以 ${u} 开头（site/ 中也有一份相同的）`,
    "  nginx/zizhu.conf    nginx 配置片段",
    "  iis/web.config      IIS 配置（不需要 URL Rewrite 模块）",
    "  iis/url-rewrite/web.config  已安装 URL Rewrite 模块时改用这一份（含 HTTP 跳转 HTTPS 和 Excel 网页版所需的跨域头）",
    "",
    "第一步：准备 HTTPS 和证书",
    "  Office 加载项只能从 HTTPS 加载，证书必须被每所学校的电脑信任：",
    `  证书要包含主机名 ${new URL(u).hostname}（在“使用者可选名称/SAN”中）；用公共 CA 签发的证书最省事；`,
    "  用县里自建 CA 时，须把根证书导入每台电脑的“受信任的根证书颁发机构”（本地计算机）。不要用自签名证书。",
    "",
    "第二步：放置文件",
    `  nginx：把 site/ 里的全部文件复制到 ${NGINX_ROOT}，把 nginx/zizhu.conf 复制到 /etc/nginx/snippets/，`,
    "         在现有 HTTPS server { } 中加 include /etc/nginx/snippets/zizhu.conf; 然后 nginx -t && nginx -s reload。",
    `  IIS：  在站点中为路径 ${target.pathname} 建立应用程序或虚拟目录，把 site/ 里的全部文件复制到它的物理文件夹，`,
    "         再把 iis/web.config（或 iis/url-rewrite/web.config）复制到同一文件夹。",
    "",
    "第三步：在学校的电脑上检查（浏览器中打开，不应出现证书警告）",
    `  ${u}standalone.html   独立页面，应能打开并“载入示例花名册”`,
    `  ${u}functions.json    应显示 JSON 文本`,
    `  ${u}manifest.xml      应显示清单`,
    "",
    "第四步：部署到各学校",
    "  Microsoft 365 管理中心 → 设置 → 集成应用 → 上传自定义应用 → Office 加载项 → 从设备上传 manifest.xml，",
    "  选择要分配的用户或组，确认部署。通常几小时内出现在用户的 Excel 中，最长可能需要 24 小时。",
    "  没有 Microsoft 365 的单台 Windows 电脑：把 manifest.xml 放到共享文件夹，在 Excel 的",
    "  文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录 中添加该共享文件夹的网络路径（\\\\服务器\\共享名）并勾选“显示在菜单中”。",
    "  WPS 或旧版永久 Office 的电脑：用浏览器打开上面的独立页面。",
    "",
    "以后更新",
    "  只换网页文件（同一地址重新生成部署包后替换 site/ 的内容）：用户下次打开 Excel 时即生效，无需重新上传清单。",
    "  清单有变化时（新按钮、新地址等）：先提高清单中的 <Version>，再在管理中心重新上传清单。",
    "",
    "详细说明见项目中的 docs/DEPLOY-county.md。",
  ];
  if (target.local) lines.splice(3, 0, "注意：这是本机地址（localhost），只能在这台电脑上试用，学校的电脑访问不到。");
  // A BOM and CRLF: the Notepad of older Windows servers shows UTF-8 Chinese only with them.
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

function cleanup() {
  if (running.child) running.child.kill();
  if (running.tmp) fs.rmSync(running.tmp, { recursive: true, force: true });
  running.tmp = null;
}

async function main(argv) {
  const args = parseCommandLine(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n详见 docs/DEPLOY-county.md。\n`);
    return;
  }
  const target = normaliseUrl(args.url);
  checkOut(args.out, args.dist);
  if (!args.build) {
    for (const f of ["taskpane.html", "functions.json"])
      if (!fs.existsSync(path.join(args.dist, f)))
        fail(
          `${args.dist} 中没有构建好的 ${f}。请先构建（npx webpack --mode production --config-name web），或去掉 --no-build。`,
        );
  }

  const tmp = path.join(path.dirname(args.out), `.${path.basename(args.out)}.tmp-${randomBytes(4).toString("hex")}`);
  fs.mkdirSync(tmp);
  running.tmp = tmp;

  let from = args.dist;
  if (args.build) {
    from = path.join(tmp, ".build");
    process.stdout.write(`正在构建（地址 ${target.url}，可能需要几分钟）…\n`);
    await build(target.url, from);
  }
  const site = path.join(tmp, "site");
  const files = copySite(from, site, args.withMaps);

  if (target.origin !== DEV_ORIGIN) {
    const stale = filesWithDevUrl(site, files);
    if (stale.length)
      fail(
        `以下构建文件仍含开发地址 ${DEV_URL}，不能部署：\n  ${stale.join("\n  ")}\n` +
          `这些文件是按开发地址构建的。请去掉 --no-build 重新构建，或先用 ZIZHU_BASE_URL=${target.url} 构建。`,
      );
  }

  const manifestSource = args.build ? path.join(from, "manifest.xml") : path.join(ROOT, "manifest.xml");
  if (!fs.existsSync(manifestSource)) fail(`找不到清单：${manifestSource}`);
  const fileSet = new Set(files);
  const manifest = countyManifest(fs.readFileSync(manifestSource, "utf8"), target, (rel) => fileSet.has(rel));
  if (args.build) fs.rmSync(from, { recursive: true, force: true });

  const generated = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const pages = pagePolicies(site, files);
  const write = (rel, text) => {
    const file = path.join(tmp, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { flag: "wx" });
  };
  write("manifest.xml", manifest.xml);
  write("site/manifest.xml", manifest.xml);
  write("nginx/zizhu.conf", nginxConf(target, pages, generated));
  write("iis/web.config", iisWebConfig(target, pages, files, generated, false));
  write("iis/url-rewrite/web.config", iisWebConfig(target, pages, files, generated, true));
  write("部署说明.txt", instructions(target, { generated, version: manifest.version, build: args.build }));

  // An empty --out is replaced by the finished folder (rename cannot replace a folder on Windows).
  if (fs.existsSync(args.out)) fs.rmdirSync(args.out);
  fs.renameSync(tmp, args.out);
  running.tmp = null;

  const out = args.out;
  process.stdout.write(
    [
      `已生成部署包：${out}`,
      `  site/                 ${files.length + 1} 个网页文件${args.withMaps ? "（含 source map）" : ""}`,
      `  manifest.xml          清单 ${manifest.version}，${manifest.count} 个地址均已核对：都在 ${target.url} 之下`,
      `  nginx/zizhu.conf      nginx 配置片段`,
      `  iis/web.config        IIS 配置（另有 iis/url-rewrite/web.config，供已装 URL Rewrite 的服务器）`,
      `  部署说明.txt`,
      ...(target.local ? ["注意：localhost 地址只能在本机试用。"] : []),
      "下一步：",
      `  1. 把 site/ 的内容放到 HTTPS 服务器，使 ${target.url}standalone.html 能在学校电脑上无证书警告地打开；`,
      "  2. 在 Microsoft 365 管理中心 → 设置 → 集成应用 中上传 manifest.xml 并分配给各学校；",
      "  3. 详见 部署说明.txt 和 docs/DEPLOY-county.md。",
      "",
    ].join("\n"),
  );
}

for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    const done = () => {
      cleanup();
      process.stderr.write("已中断，未留下任何文件。\n");
      process.exit(130);
    };
    // Remove the folder only once webpack has exited: until then it may still be writing into it.
    if (running.child) {
      running.child.once("close", done);
      running.child.kill();
    } else done();
  });

try {
  await main(process.argv.slice(2));
} catch (e) {
  cleanup();
  if (e instanceof DeployError) process.stderr.write(`错误：${e.message}\n`);
  else process.stderr.write(`错误：意外失败：${e && e.message ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
