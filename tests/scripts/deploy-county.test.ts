// The county deployment package (scripts/deploy-county.mjs), run as a command with --no-build on a
// small fake dist/ in a temp folder: the manifest rewritten to the county address, the refusals
// (non-https, a non-empty --out, built files still on the dev address) leaving nothing behind, and
// the nginx / IIS configuration it writes.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { checkManifest } from "../../src/manifest/check";

const ROOT = join(__dirname, "..", "..");
const SCRIPT = join(ROOT, "scripts", "deploy-county.mjs");
const COUNTY = "https://zizhu.example-county.edu.cn/zizhu/";
const HASHED = "vendor.0123abcd4567ef89.js";

interface DevHeadersModule {
  STANDALONE_CSP: string;
  TASKPANE_CSP: string;
  isOfficeOrigin(origin: string | undefined): boolean;
}
const dev = createRequire(__filename)(join(ROOT, "scripts", "dev-headers.cjs")) as DevHeadersModule;

let work = "";
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "zizhu-deploy-"));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** What a web build leaves in dist/ (plus the CLI and bench bundles and source maps it must skip). */
function fakeDist(extra: Record<string, string> = {}): string {
  const dist = join(work, "dist");
  const files: Record<string, string> = {
    "taskpane.html": readFileSync(join(ROOT, "taskpane", "taskpane.html"), "utf8"),
    "standalone.html": readFileSync(join(ROOT, "taskpane", "standalone.html"), "utf8"),
    "functions.js": "CustomFunctions.associate('RMB', function () {});\n",
    "functions.json": JSON.stringify({ functions: [{ id: "RMB", name: "RMB" }] }),
    "commands.js": "Office.onReady();\n",
    "taskpane.js": "import('./" + HASHED + "');\n//# sourceMappingURL=taskpane.js.map\n",
    "taskpane.js.map": '{"version":3,"sources":["https://localhost:3000/x.ts"]}',
    [HASHED]: "export const x = 1;\n",
    "samples/sample-roster.xlsx": "PK",
    // As the default build writes it: still on the dev server's address.
    "manifest.xml": readFileSync(join(ROOT, "manifest.xml"), "utf8"),
    "cli/zizhu.cjs": "module.exports = 'https://localhost:3000/';\n",
    "bench/functions.bench.cjs": "",
    "samples-generator/make.cjs": "",
    ".DS_Store": "",
    ...extra,
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dist, rel, ".."), { recursive: true });
    writeFileSync(join(dist, rel), text);
  }
  mkdirSync(join(dist, "assets"), { recursive: true });
  for (const png of readdirSync(join(ROOT, "assets")).filter((f) => f.endsWith(".png")))
    copyFileSync(join(ROOT, "assets", png), join(dist, "assets", png));
  return dist;
}

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: work, encoding: "utf8", timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A --no-build run on a fresh fake dist into work/out. */
function deploy(url = COUNTY, ...more: string[]) {
  const dist = fakeDist();
  const out = join(work, "out");
  return { out, dist, ...run("--url", url, "--out", out, "--no-build", "--dist", dist, ...more) };
}

const read = (...p: string[]) => readFileSync(join(...p), "utf8");

/** One package for the configuration tests, made once (beforeAll runs outside the per-test folder). */
const packages = new Map<string, string>();
function packaged(rel: string): string {
  if (packages.size === 0) {
    const saved = work;
    work = mkdtempSync(join(tmpdir(), "zizhu-deploy-"));
    try {
      const r = deploy();
      if (r.status !== 0) throw new Error(r.stderr);
      for (const f of [
        join("nginx", "zizhu.conf"),
        join("iis", "web.config"),
        join("iis", "url-rewrite", "web.config"),
      ])
        packages.set(f, read(r.out, f));
    } finally {
      rmSync(work, { recursive: true, force: true });
      work = saved;
    }
  }
  return packages.get(rel) ?? "";
}
/** Everything in work/ except the fake dist (what a run left behind). */
const leftovers = () => readdirSync(work).filter((f) => f !== "dist");

function expectRefused(r: { status: number | null; stderr: string }, message: string | RegExp) {
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^错误：/);
  expect(r.stderr).toMatch(message);
  // A clear message, not a stack trace.
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("a deployment package", () => {
  test("is written with the county address everywhere in the manifest", () => {
    const r = deploy("https://zizhu.example-county.edu.cn/zizhu");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("已生成部署包");
    expect(r.stdout).toContain(COUNTY);
    expect(readdirSync(r.out).sort()).toEqual(["iis", "manifest.xml", "nginx", "site", "部署说明.txt"].sort());

    const manifest = read(r.out, "manifest.xml");
    expect(XMLValidator.validate(manifest)).toBe(true);
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`<SourceLocation DefaultValue="${COUNTY}taskpane.html" />`);
    expect(manifest).toContain(`DefaultValue="${COUNTY}functions.json"`);
    expect(manifest).toContain("<AppDomain>https://zizhu.example-county.edu.cn</AppDomain>");
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThan(20);
    for (const u of urls) expect(u.startsWith(COUNTY)).toBe(true);
    // The source manifest with only the addresses changed; the site serves the same file.
    expect(manifest.split(COUNTY).join("https://localhost:3000/")).toBe(
      read(ROOT, "manifest.xml").replace(
        "<AppDomain>https://localhost:3000</AppDomain>",
        "<AppDomain>https://zizhu.example-county.edu.cn</AppDomain>",
      ),
    );
    expect(read(r.out, "site", "manifest.xml")).toBe(manifest);

    // And it passes the project's own offline manifest check against the site folder.
    const site = join(r.out, "site");
    const problems = checkManifest({
      xml: manifest,
      baseUrl: COUNTY,
      emitted: (p) => p !== "" && existsSync(join(site, p)),
      pngSize: (p) => {
        const buf = readFileSync(join(site, p));
        return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
      },
      functionsJson: read(site, "functions.json"),
    });
    expect(problems).toEqual([]);

    const notes = read(r.out, "部署说明.txt");
    expect(notes.startsWith("\ufeff")).toBe(true);
    expect(notes).toContain(`加载项地址：${COUNTY}`);
    expect(notes).toContain(`${COUNTY}standalone.html`);
  });

  test("holds the web files only: no CLI/bench/generator bundles, hidden files or source maps", () => {
    const r = deploy();
    expect(r.status).toBe(0);
    const site = join(r.out, "site");
    for (const f of ["taskpane.html", "standalone.html", "functions.js", "functions.json", "commands.js", HASHED])
      expect(existsSync(join(site, f))).toBe(true);
    expect(existsSync(join(site, "samples", "sample-roster.xlsx"))).toBe(true);
    expect(existsSync(join(site, "assets", "icon-32.png"))).toBe(true);
    for (const f of ["cli", "bench", "samples-generator", ".DS_Store", "taskpane.js.map"])
      expect(existsSync(join(site, f))).toBe(false);
  });

  test("--with-maps copies the source maps too", () => {
    const r = deploy(COUNTY, "--with-maps");
    expect(r.status).toBe(0);
    expect(existsSync(join(r.out, "site", "taskpane.js.map"))).toBe(true);
  });

  test("an existing empty --out folder is used", () => {
    const dist = fakeDist();
    const out = join(work, "out");
    mkdirSync(out);
    const r = run("--url", COUNTY, "--out", out, "--no-build", "--dist", dist);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, "manifest.xml"))).toBe(true);
    expect(leftovers()).toEqual(["out"]);
  });
});

describe("the address", () => {
  test.each<[string, string]>([
    ["https://zizhu.example-county.edu.cn/zizhu", COUNTY],
    ["https://zizhu.example-county.edu.cn/zizhu/", COUNTY],
    ["  https://ZIZHU.Example-County.edu.cn:443/zizhu  ", COUNTY],
    ["https://zizhu.example-county.edu.cn", "https://zizhu.example-county.edu.cn/"],
    ["https://10.1.2.3:8443/apps/zizhu", "https://10.1.2.3:8443/apps/zizhu/"],
    ["https://localhost:8443/trial", "https://localhost:8443/trial/"],
  ])("%s → %s", (given, expected) => {
    const r = deploy(given);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const manifest = read(r.out, "manifest.xml");
    expect(manifest).toContain(`<SourceLocation DefaultValue="${expected}taskpane.html" />`);
    expect(manifest).toContain(`<AppDomain>${new URL(expected).origin}</AppDomain>`);
    expect(read(r.out, "部署说明.txt")).toContain(expected);
    if (expected.includes("localhost")) expect(r.stdout).toContain("只能在本机试用");
  });

  test.each<[string, RegExp]>([
    ["http://zizhu.example-county.edu.cn/zizhu/", /必须以 https:\/\/ 开头/],
    ["http://localhost:3000/", /必须以 https:\/\/ 开头/],
    ["ftp://zizhu.example-county.edu.cn/zizhu/", /必须以 https:\/\/ 开头/],
    ["zizhu.example-county.edu.cn/zizhu/", /不是有效的网址/],
    ["https://zizhu.example-county.edu.cn/zizhu/?v=1", /查询参数或锚点/],
    ["https://zizhu.example-county.edu.cn/zizhu/?", /查询参数或锚点/],
    ["https://zizhu.example-county.edu.cn/zizhu/#top", /查询参数或锚点/],
    ["https://admin:secret@zizhu.example-county.edu.cn/zizhu/", /用户名或密码/],
    ["https://zizhu.example-county.edu.cn/资助/", /英文字母、数字/],
    ["https://zizhu.example-county.edu.cn/zizhu/taskpane.html", /文件夹地址/],
  ])("%s is refused", (url, message) => {
    const r = deploy(url);
    expectRefused(r, message);
    expect(leftovers()).toEqual([]);
  });
});

describe("refusals leave nothing behind", () => {
  test("a non-empty --out is refused and left untouched", () => {
    const dist = fakeDist();
    const out = join(work, "out");
    mkdirSync(out);
    writeFileSync(join(out, "keep.txt"), "mine");
    const r = run("--url", COUNTY, "--out", out, "--no-build", "--dist", dist);
    expectRefused(r, /不为空，不会覆盖/);
    expect(readdirSync(out)).toEqual(["keep.txt"]);
    expect(read(out, "keep.txt")).toBe("mine");
    expect(leftovers()).toEqual(["out"]);
  });

  test("an --out that is a file is refused", () => {
    const dist = fakeDist();
    writeFileSync(join(work, "out"), "mine");
    expectRefused(run("--url", COUNTY, "--out", join(work, "out"), "--no-build", "--dist", dist), /不是文件夹/);
    expect(read(work, "out")).toBe("mine");
  });

  test.each<[string, Record<string, string>, RegExp]>([
    [
      "a page",
      { "standalone.html": '<script src="https://localhost:3000/standalone.js"></script>' },
      /standalone\.html/,
    ],
    ["a script", { "functions.js": "fetch('https://localhost:3000/functions.json')" }, /functions\.js/],
    ["a nested file", { "assets/chunk.js": "new WebSocket('wss://localhost:3000/ws')" }, /assets\/chunk\.js/],
  ])("a built file still on the dev address (%s) is refused, and the half-written folder removed", (_, extra, file) => {
    const dist = fakeDist(extra);
    const r = run("--url", COUNTY, "--out", join(work, "out"), "--no-build", "--dist", dist);
    expectRefused(r, /仍含开发地址 https:\/\/localhost:3000\//);
    expect(r.stderr).toMatch(file);
    expect(r.stderr).not.toMatch(/cli\/zizhu\.cjs|taskpane\.js\.map/);
    expect(leftovers()).toEqual([]);
  });

  test("a manifest pointing at a file the site lacks is refused, and the half-written folder removed", () => {
    const dist = fakeDist();
    rmSync(join(dist, "assets", "icon-16.png"));
    const r = run("--url", COUNTY, "--out", join(work, "out"), "--no-build", "--dist", dist);
    expectRefused(r, /清单引用的文件在站点中不存在：assets\/icon-16\.png/);
    expect(leftovers()).toEqual([]);
  });

  test.each<[string, string[], RegExp]>([
    ["no --url", ["--out", "x", "--no-build"], /缺少 --url/],
    ["no --out", ["--url", COUNTY, "--no-build"], /缺少 --out/],
    ["an unknown option", ["--url", COUNTY, "--out", "x", "--force"], /参数有误/],
    ["--dist without --no-build", ["--url", COUNTY, "--out", "x", "--dist", "d"], /--dist 只能和 --no-build/],
    [
      "an empty dist",
      ["--url", COUNTY, "--out", "x", "--no-build", "--dist", "nothing-here"],
      /没有构建好的 taskpane\.html/,
    ],
    ["an --out in a missing folder", ["--url", COUNTY, "--out", "no/such/x", "--no-build"], /上级文件夹不存在/],
  ])("%s", (_, args, message) => {
    expectRefused(run(...args), message);
    expect(leftovers()).toEqual([]);
  });
});

/** Origins to hold the generated CORS patterns against dev-headers.cjs's isOfficeOrigin. */
const ORIGINS = [
  "https://excel.officeapps.live.com",
  "https://euc-excel.officeapps.live.com",
  "https://www.office.com",
  "https://excel.cloud.microsoft",
  "https://contoso-my.sharepoint.com",
  "https://office.com",
  "http://excel.officeapps.live.com",
  "https://excel.officeapps.live.com:8443",
  "https://excel.officeapps.live.com.evil.example",
  "https://evilsharepoint.com",
  "https://evil.example",
  "null",
  "",
];

describe("nginx/zizhu.conf", () => {
  let conf = "";
  beforeAll(() => {
    conf = packaged(join("nginx", "zizhu.conf"));
  });

  test.each<[string, string]>([
    ["html", "text/html"],
    ["js", "text/javascript"],
    ["json", "application/json"],
    ["xml", "application/xml"],
    ["png", "image/png"],
    ["map", "application/json"],
    ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ])("serves .%s as %s", (ext, type) => {
    expect(conf).toMatch(new RegExp(`^\\s+${type.replace(/[.+]/g, "\\$&")} ${ext};$`, "m"));
  });

  test("one location for the county path, on the site folder, no listing, no TLS or proxying of its own", () => {
    expect(conf).toMatch(/^location \/zizhu\/ \{$/m);
    expect(conf).toMatch(/^\s+alias \/var\/www\/zizhu\/;$/m);
    expect(conf).toMatch(/^\s+autoindex off;$/m);
    expect(conf).toMatch(/^\s+charset utf-8;$/m);
    for (const directive of [
      "ssl_certificate",
      "listen",
      "server {",
      "proxy_pass",
      "fastcgi_pass",
      "mirror",
      "resolver",
    ])
      expect(conf.split("\n").filter((l) => !l.trim().startsWith("#") && l.includes(directive))).toEqual([]);
    expect(conf).not.toMatch(/Access-Control-Allow-Origin "?\*/);
  });

  test("every location says no-cache or long caching, nosniff and a policy", () => {
    expect(conf.match(/add_header Cache-Control "no-cache" always;/g)).toHaveLength(2);
    expect(conf.match(/add_header Cache-Control "public, max-age=31536000, immutable" always;/g)).toHaveLength(1);
    expect(conf.match(/add_header X-Content-Type-Options "nosniff" always;/g)).toHaveLength(3);
    expect(conf.match(/add_header Content-Security-Policy /g)).toHaveLength(3);
  });

  test("the task pane gets its policy (office.js from Microsoft's CDN); everything else the standalone one", () => {
    const pane = /location = \/zizhu\/taskpane\.html \{([^}]*)\}/.exec(conf)?.[1] ?? "";
    expect(pane).toContain(`add_header Content-Security-Policy "${dev.TASKPANE_CSP}" always;`);
    expect(pane).toContain('add_header Cache-Control "no-cache" always;');
    expect(conf.split(`"${dev.STANDALONE_CSP}"`)).toHaveLength(3);
    // standalone.html's header is its own <meta> policy plus frame-ancestors: no block of its own.
    expect(conf).not.toContain("location = /zizhu/standalone.html");
  });

  test.each<[string, boolean]>([
    [HASHED, true],
    ["chunk-0123abcd.js", true],
    ["3f9a0c1de2b4a5c6d7e8.png", true],
    ["taskpane.js", false],
    ["functions.json", false],
    ["manifest.xml", false],
    ["taskpane.html", false],
    ["icon-32.png", false],
    ["sample-roster.xlsx", false],
    ["page.0123abcd4567.html", false],
  ])("the long-cache location matches /zizhu/%s: %s", (file, hashed) => {
    const pattern = /location ~\* "([^"]+)" \{/.exec(conf)?.[1];
    expect(pattern).toBeDefined();
    expect(new RegExp(pattern!, "i").test(`/zizhu/${file}`)).toBe(hashed);
  });

  test("CORS names an Office host's origin exactly, as the dev server does, never *", () => {
    const pattern = /if \(\$http_origin ~ "([^"]+)"\)/.exec(conf)?.[1];
    expect(pattern).toBeDefined();
    for (const origin of ORIGINS)
      expect([origin, new RegExp(pattern!).test(origin)]).toEqual([origin, dev.isOfficeOrigin(origin)]);
    expect(conf).toContain("add_header Access-Control-Allow-Origin $zizhu_cors_origin always;");
  });
});

describe("iis/web.config", () => {
  type Node = Record<string, unknown>;
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });
  const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  let plain = "";
  let rewrite = "";
  beforeAll(() => {
    plain = packaged(join("iis", "web.config"));
    rewrite = packaged(join("iis", "url-rewrite", "web.config"));
  });

  const server = (xml: string) => (parser.parse(xml) as Node)["configuration"] as Node;
  const headersOf = (ws: Node) =>
    asArray(((ws["httpProtocol"] as Node)["customHeaders"] as Node)["add"] as Node | Node[]).map(
      (h) => [h["name"], h["value"]] as const,
    );

  test("both variants are well-formed XML", () => {
    expect(XMLValidator.validate(plain)).toBe(true);
    expect(XMLValidator.validate(rewrite)).toBe(true);
  });

  test.each<[string, string]>([
    [".html", "text/html; charset=utf-8"],
    [".js", "text/javascript; charset=utf-8"],
    [".json", "application/json; charset=utf-8"],
    [".xml", "application/xml; charset=utf-8"],
    [".png", "image/png"],
    [".map", "application/json; charset=utf-8"],
    [".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ])("maps %s to %s (removing IIS's own entry first)", (ext, type) => {
    const content = (server(plain)["system.webServer"] as Node)["staticContent"] as Node;
    const maps = asArray(content["mimeMap"] as Node | Node[]);
    expect(maps.filter((m) => m["fileExtension"] === ext).map((m) => m["mimeType"])).toEqual([type]);
    expect(asArray(content["remove"] as Node | Node[]).map((m) => m["fileExtension"])).toContain(ext);
  });

  test("no listing, no-cache by default, the standalone policy and nosniff on every response", () => {
    const ws = server(plain)["system.webServer"] as Node;
    expect((ws["directoryBrowse"] as Node)["enabled"]).toBe("false");
    expect(((ws["staticContent"] as Node)["clientCache"] as Node)["cacheControlMode"]).toBe("DisableCache");
    expect(headersOf(ws)).toEqual(
      expect.arrayContaining([
        ["Content-Security-Policy", dev.STANDALONE_CSP],
        ["X-Content-Type-Options", "nosniff"],
        ["Referrer-Policy", "no-referrer"],
      ]),
    );
    expect(plain).not.toMatch(/value="\*"/);
  });

  test("taskpane.html gets its policy; the hashed file a long cache; nothing else has a location", () => {
    const locations = asArray(server(plain)["location"] as Node | Node[]);
    expect(locations.map((l) => l["path"]).sort()).toEqual(["taskpane.html", HASHED].sort());
    const pane = locations.find((l) => l["path"] === "taskpane.html")!["system.webServer"] as Node;
    expect(headersOf(pane)).toEqual([["Content-Security-Policy", dev.TASKPANE_CSP]]);
    const hashed = locations.find((l) => l["path"] === HASHED)!["system.webServer"] as Node;
    expect(((hashed["staticContent"] as Node)["clientCache"] as Node)["cacheControlMode"]).toBe("UseMaxAge");
  });

  test("only the URL Rewrite variant has <rewrite>: HTTPS redirect and CORS for the Office hosts only", () => {
    expect(plain).not.toContain("<rewrite>");
    const rw = (server(rewrite)["system.webServer"] as Node)["rewrite"] as Node;
    const rule = (rw["rules"] as Node)["rule"] as Node;
    expect(rule["name"]).toBe("zizhu-https");
    expect(((rule["conditions"] as Node)["add"] as Node)["input"]).toBe("{HTTPS}");
    expect((rule["action"] as Node)["type"]).toBe("Redirect");
    const cors = (rw["outboundRules"] as Node)["rule"] as Node;
    expect((cors["match"] as Node)["serverVariable"]).toBe("RESPONSE_Access_Control_Allow_Origin");
    const pattern = String(((cors["conditions"] as Node)["add"] as Node)["pattern"]);
    for (const origin of ORIGINS)
      expect([origin, new RegExp(pattern).test(origin)]).toEqual([origin, dev.isOfficeOrigin(origin)]);
    // Everything else is the same file.
    const strip = (x: string) =>
      x.replace(/\n\s*<!-- 需要 IIS[\s\S]*<\/rewrite>|\n\s*<!-- 未使用 URL Rewrite[\s\S]*?-->/, "");
    expect(strip(rewrite)).toBe(strip(plain));
  });
});
