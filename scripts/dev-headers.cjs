// The dev server's response headers (`npm start`, scripts/start.mjs), as a pure function of the
// request so that tests can check them without a server:
//  - a real Content-Security-Policy header on every response (a <meta> policy cannot say
//    frame-ancestors, and the task pane had none at all);
//  - no wildcard CORS: the pane, the ribbon commands and the custom functions share one runtime
//    page on this origin, so nothing of ours needs CORS. Only the Office hosts (Excel on the web
//    reads functions.json, the icons and the pages from its own origin) get an
//    Access-Control-Allow-Origin, naming their origin exactly.

const { URL } = require("node:url");

/** Microsoft's Office.js CDN (what taskpane.html loads). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com";
// Microsoft has been moving the Office.js CDN to the unified cloud.microsoft domains
// (officeapis.public.onecdn.static.microsoft, office-js-docs-pr#5882): a redirect there, or a host
// script office.js loads from there, must not be blocked.
const OFFICE_JS_CDN_NEXT = "https://officeapis.public.onecdn.static.microsoft";

/**
 * The hosts that frame the task pane (Excel on the web, Microsoft 365, SharePoint/OneDrive files,
 * the pre-production ring) and may fetch its files. `cloud.microsoft` is the unified domain
 * Excel on the web moves to (excel.cloud.microsoft). Desktop Excel frames the pane in a webview
 * with no web origin of its own: frame-ancestors does not apply there.
 */
const OFFICE_HOST_SUFFIXES = [
  "officeapps.live.com",
  "office.com",
  "microsoft365.com",
  "sharepoint.com",
  "officeppe.com",
  "cloud.microsoft",
];
const OFFICE_FRAME_ANCESTORS = OFFICE_HOST_SUFFIXES.map((s) => `https://*.${s}`);

const policy = (directives) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");

/**
 * The standalone page: its own origin only, exactly as its <meta> tag says (taskpane/standalone.html),
 * plus what only a header can say: no framing by anyone else.
 */
const STANDALONE_CSP = policy({
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "form-action": ["'none'"],
  "base-uri": ["'none'"],
  "frame-ancestors": ["'self'"],
});

/**
 * The task pane (also the shared runtime of the ribbon commands and custom functions): office.js
 * and the host scripts it loads come from Microsoft's CDN; Fluent UI and office.js's own host
 * scripts set inline styles (office-js#1687); no other origin is reachable, so no roster byte
 * can leave the page (office.js's telemetry endpoint is deliberately not allowed). Framed by
 * the Office hosts, or by this origin itself.
 */
const TASKPANE_CSP = policy({
  "default-src": ["'self'"],
  "script-src": ["'self'", OFFICE_JS_CDN, OFFICE_JS_CDN_NEXT],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "form-action": ["'none'"],
  "base-uri": ["'none'"],
  "frame-ancestors": ["'self'", ...OFFICE_FRAME_ANCESTORS],
});

/** An https origin on one of the Office hosts (a subdomain, the default port), exactly. */
function isOfficeOrigin(origin) {
  if (typeof origin !== "string" || origin === "") return false;
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // An Origin header is scheme://host[:port] and nothing more.
  if (url.protocol !== "https:" || url.port !== "" || url.origin !== origin) return false;
  return OFFICE_HOST_SUFFIXES.some((s) => url.hostname.endsWith(`.${s}`));
}

/** The path of a request URL, without its query or fragment. */
function pathOf(url) {
  try {
    return new URL(url || "/", "http://localhost").pathname;
  } catch {
    return "/";
  }
}

/**
 * Headers for one request: `{ url, headers: { origin } }` (a Node IncomingMessage will do).
 * The task pane gets its policy; every other response the standalone page's (own origin only).
 */
function devHeaders(req) {
  const path = pathOf(req && req.url);
  const origin = req && req.headers ? req.headers.origin : undefined;
  const headers = {
    "Content-Security-Policy": path === "/taskpane.html" ? TASKPANE_CSP : STANDALONE_CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    // The answer depends on Origin: caches must not hand one origin's answer to another.
    Vary: "Origin",
  };
  if (isOfficeOrigin(origin)) headers["Access-Control-Allow-Origin"] = origin;
  return headers;
}

/**
 * webpack-dev-server options for `npm start`. `server` is what start.mjs found for HTTPS
 * ({ type, options }); `host` stays localhost (the manifest's URLs), never all interfaces.
 */
function devServerOptions({ port, server, host = "localhost" }) {
  return {
    port,
    host,
    server,
    headers: (req) => devHeaders(req),
    client: { overlay: { warnings: false, errors: true } },
    static: false,
    hot: false,
    liveReload: true,
    open: false,
  };
}

module.exports = {
  OFFICE_JS_CDN,
  OFFICE_JS_CDN_NEXT,
  OFFICE_HOST_SUFFIXES,
  OFFICE_FRAME_ANCESTORS,
  STANDALONE_CSP,
  TASKPANE_CSP,
  isOfficeOrigin,
  devHeaders,
  devServerOptions,
};
