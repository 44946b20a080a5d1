// The dev server's headers (scripts/dev-headers.cjs, used by `npm start`): a real CSP header per
// page, CORS for the Office hosts only, never a wildcard. Then the real webpack-dev-server with
// those options, on 127.0.0.1 and an ephemeral port, serving the real page templates.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const load = createRequire(__filename);

type Headers = Record<string, string>;
interface DevHeadersModule {
  OFFICE_JS_CDN: string;
  OFFICE_FRAME_ANCESTORS: string[];
  STANDALONE_CSP: string;
  TASKPANE_CSP: string;
  isOfficeOrigin(origin: string | undefined): boolean;
  devHeaders(req: { url?: string; headers?: { origin?: string } }): Headers;
  devServerOptions(o: { port: number; server: unknown; host?: string }): Record<string, unknown>;
}
const dev = load(join(ROOT, "scripts", "dev-headers.cjs")) as DevHeadersModule;

/** A policy as directive → sources. */
function parse(csp: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) m.set(name, values);
  }
  return m;
}

const metaCsp = (html: string): string => {
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error("no CSP meta tag");
  return m[1];
};

describe("isOfficeOrigin", () => {
  test.each<[string | undefined, boolean]>([
    ["https://excel.officeapps.live.com", true],
    ["https://euc-excel.officeapps.live.com", true],
    ["https://www.office.com", true],
    ["https://excel.cloud.microsoft", true],
    ["https://contoso-my.sharepoint.com", true],
    ["https://www.microsoft365.com", true],
    ["https://excel.officeppe.com", true],
    ["https://office.com", false], // the patterns are *.office.com
    ["http://excel.officeapps.live.com", false],
    ["https://excel.officeapps.live.com:8443", false],
    ["https://excel.officeapps.live.com.evil.example", false],
    ["https://evilsharepoint.com", false],
    ["https://evil.example", false],
    ["https://localhost:3000", false],
    ["null", false],
    ["*", false],
    ["", false],
    [undefined, false],
    ["https://excel.officeapps.live.com/path", false],
  ])("%s → %s", (origin, expected) => {
    expect(dev.isOfficeOrigin(origin)).toBe(expected);
  });
});

describe("devHeaders", () => {
  test("no response ever says Access-Control-Allow-Origin: *", () => {
    for (const url of ["/taskpane.html", "/standalone.html", "/functions.json", "/functions.js", "/x"])
      for (const origin of [undefined, "https://evil.example", "null", "https://localhost:3000"]) {
        const h = dev.devHeaders({ url, headers: { origin } });
        expect(h["Access-Control-Allow-Origin"]).toBeUndefined();
        expect(Object.values(h)).not.toContain("*");
      }
  });

  test("an Office host gets its own origin back (Excel on the web reads functions.json), with Vary: Origin", () => {
    const h = dev.devHeaders({ url: "/functions.json", headers: { origin: "https://excel.officeapps.live.com" } });
    expect(h["Access-Control-Allow-Origin"]).toBe("https://excel.officeapps.live.com");
    expect(h["Vary"]).toBe("Origin");
  });

  test("the task pane gets its policy, with or without Office's query string; everything else the standalone one", () => {
    expect(dev.devHeaders({ url: "/taskpane.html" })["Content-Security-Policy"]).toBe(dev.TASKPANE_CSP);
    expect(
      dev.devHeaders({ url: "/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN" })["Content-Security-Policy"],
    ).toBe(dev.TASKPANE_CSP);
    for (const url of ["/standalone.html", "/", "/functions.json", "/standalone.html?x=1", undefined])
      expect(dev.devHeaders({ url })["Content-Security-Policy"]).toBe(dev.STANDALONE_CSP);
    expect(dev.devHeaders({ url: "/x" })["X-Content-Type-Options"]).toBe("nosniff");
  });
});

describe("the policies", () => {
  const standalone = parse(dev.STANDALONE_CSP);
  const taskpane = parse(dev.TASKPANE_CSP);

  test("the standalone header says exactly what the page's meta tag says, plus frame-ancestors 'self'", () => {
    const meta = parse(metaCsp(readFileSync(join(ROOT, "taskpane", "standalone.html"), "utf8")));
    for (const [name, values] of meta) expect([name, standalone.get(name)]).toEqual([name, values]);
    expect([...standalone.keys()].filter((k) => !meta.has(k))).toEqual(["frame-ancestors"]);
    expect(standalone.get("frame-ancestors")).toEqual(["'self'"]);
  });

  test("the task pane may load every external script its page names (office.js from the CDN), nothing else", () => {
    const html = readFileSync(join(ROOT, "taskpane", "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => new URL(m[1]!).origin);
    expect(scripts).toEqual([dev.OFFICE_JS_CDN]);
    for (const origin of scripts) expect(taskpane.get("script-src")).toContain(origin);
    expect(taskpane.get("connect-src")).toEqual(["'self'"]);
    expect(taskpane.get("default-src")).toEqual(["'self'"]);
    expect(taskpane.get("script-src")).not.toContain("'unsafe-eval'");
    expect(taskpane.get("script-src")).not.toContain("'unsafe-inline'");
  });

  test("the task pane may be framed by the Office hosts and by itself", () => {
    expect(taskpane.get("frame-ancestors")).toEqual(
      expect.arrayContaining([
        "'self'",
        "https://*.officeapps.live.com",
        "https://*.office.com",
        "https://*.microsoft365.com",
        "https://*.sharepoint.com",
        "https://*.officeppe.com",
      ]),
    );
  });

  test("no policy allows any origin with a bare wildcard or a scheme alone", () => {
    for (const p of [standalone, taskpane])
      for (const [, values] of p)
        for (const v of values) expect(["*", "https:", "http:", "'unsafe-eval'"]).not.toContain(v);
  });

  test("the manifest's AppDomains are all served by this dev server (no other origin to allow)", () => {
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const domains = [...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
    expect(domains).toEqual(["https://localhost:3000"]);
  });
});

test("npm start uses these options: no wildcard CORS left in scripts/start.mjs", () => {
  const start = readFileSync(join(ROOT, "scripts", "start.mjs"), "utf8");
  expect(start).toContain('require("./dev-headers.cjs")');
  expect(start).toContain("devServerOptions(");
  expect(start).not.toMatch(/Access-Control-Allow-Origin/);
  const options = dev.devServerOptions({ port: 3000, server: "https" });
  expect(options["host"]).toBe("localhost");
  expect(typeof options["headers"]).toBe("function");
});

describe("webpack-dev-server with these options (127.0.0.1, an ephemeral port, plain HTTP)", () => {
  // Loaded lazily: only this block needs webpack.
  let stop: () => Promise<void> = () => Promise.resolve();
  let origin = "";
  let dir = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "zizhu-devserver-"));
    writeFileSync(join(dir, "entry.js"), "document.title = 'x';\n");
    const webpack = load("webpack") as (c: object) => object;
    const HtmlWebpackPlugin = load("html-webpack-plugin") as new (o: object) => object;
    const WebpackDevServer = load("webpack-dev-server") as new (
      o: object,
      c: object,
    ) => {
      start(): Promise<void>;
      stop(): Promise<void>;
      server?: { address(): { port: number } | string | null };
    };
    const compiler = webpack({
      mode: "development",
      devtool: false,
      context: dir,
      entry: { main: join(dir, "entry.js") },
      output: { path: join(dir, "dist") },
      infrastructureLogging: { level: "none" },
      stats: "none",
      plugins: [
        new HtmlWebpackPlugin({ filename: "taskpane.html", template: join(ROOT, "taskpane", "taskpane.html") }),
        new HtmlWebpackPlugin({ filename: "standalone.html", template: join(ROOT, "taskpane", "standalone.html") }),
      ],
    });
    const options = {
      ...dev.devServerOptions({ port: 0, server: "http", host: "127.0.0.1" }),
      // A test must not install signal handlers, keep a socket for live reload or print.
      setupExitSignals: false,
      webSocketServer: false,
      liveReload: false,
      client: false,
    };
    const server = new WebpackDevServer(options, compiler);
    await server.start();
    stop = () => server.stop();
    const address = server.server?.address();
    if (!address || typeof address === "string") throw new Error("no address");
    origin = `http://127.0.0.1:${address.port}`;
  }, 60000);

  afterAll(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, from?: string) =>
    fetch(`${origin}${path}`, { headers: from ? { Origin: from } : {}, signal: AbortSignal.timeout(20000) });

  test("taskpane.html: the pane's CSP as a header; no CORS for a stranger", async () => {
    const r = await get("/taskpane.html", "https://evil.example");
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("appsforoffice.microsoft.com");
    expect(r.headers.get("content-security-policy")).toBe(dev.TASKPANE_CSP);
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("standalone.html: its own-origin CSP as a header", async () => {
    const r = await get("/standalone.html");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-security-policy")).toBe(dev.STANDALONE_CSP);
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("a script for Excel on the web: its origin allowed exactly", async () => {
    const r = await get("/main.js", "https://excel.officeapps.live.com");
    expect(r.status).toBe(200);
    expect(r.headers.get("access-control-allow-origin")).toBe("https://excel.officeapps.live.com");
    expect(r.headers.get("vary")).toMatch(/Origin/);
  });
});
