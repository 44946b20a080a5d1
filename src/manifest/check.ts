/**
 * The offline manifest check (`office-addin-manifest validate` posts the manifest to an online
 * service, and no XSD ships in any npm package). It checks what we can know locally: the XML is
 * well-formed, every resid is defined and at most 32 characters, every URL points at a file the
 * build emits, strings fit Office's limits and have an en-US override, icons have their declared
 * sizes, the shared runtime is declared, and functions.json has unique upper-case ids.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface ManifestFacts {
  /** The manifest's text. */
  xml: string;
  /** Base URL the manifest's URLs start with (https://localhost:3000/ in development). */
  baseUrl: string;
  /** Whether a path relative to the base URL exists in the build output. */
  emitted: (relativePath: string) => boolean;
  /** PNG dimensions of an emitted image, or null when unreadable. */
  pngSize: (relativePath: string) => { width: number; height: number } | null;
  /** The emitted functions.json text. */
  functionsJson: string;
}

type Node = Record<string, unknown>;

const SHORT_LIMIT = 125;
const LONG_LIMIT = 250;
const RESID_LIMIT = 32;
const NAMESPACE = "ZIZHU";

function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Every object in the tree, depth first, with its element name. */
function walk(node: unknown, name: string, visit: (name: string, node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, name, visit);
    return;
  }
  if (node === null || typeof node !== "object") return;
  visit(name, node as Node);
  for (const [k, v] of Object.entries(node as Node)) {
    if (!k.startsWith("@_")) walk(v, k, visit);
  }
}

export function checkManifest(facts: ManifestFacts): string[] {
  const problems: string[] = [];
  const valid = XMLValidator.validate(facts.xml);
  if (valid !== true) return [`manifest.xml 不是合法的 XML：第 ${valid.err.line} 行 ${valid.err.msg}`];
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", removeNSPrefix: true }).parse(
    facts.xml,
  ) as Node;
  const app = doc["OfficeApp"] as Node | undefined;
  if (!app) return ["缺少根元素 OfficeApp"];

  for (const required of [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "Hosts",
    "DefaultSettings",
    "Permissions",
    "VersionOverrides",
  ]) {
    if (app[required] === undefined) problems.push(`缺少必需元素 ${required}`);
  }
  if (app["Permissions"] !== "ReadWriteDocument")
    problems.push(`Permissions 应为 ReadWriteDocument，实为 ${String(app["Permissions"])}`);
  if (app["DefaultLocale"] !== "zh-CN") problems.push("DefaultLocale 应为 zh-CN");

  // Resources: id → value, per kind.
  const resources = ((app["VersionOverrides"] as Node | undefined)?.["Resources"] ?? {}) as Node;
  const defined = new Map<string, { kind: string; value: string; overrides: string[] }>();
  for (const [kind, child] of [
    ["Images", "Image"],
    ["Urls", "Url"],
    ["ShortStrings", "String"],
    ["LongStrings", "String"],
  ] as const) {
    for (const item of asArray((resources[kind] as Node | undefined)?.[child] as Node | Node[] | undefined)) {
      const id = String(item["@_id"] ?? "");
      if (defined.has(id)) problems.push(`资源 id 重复：${id}`);
      const overrides = asArray(item["Override"] as Node | Node[] | undefined).map((o) => String(o["@_Locale"]));
      defined.set(id, { kind, value: String(item["@_DefaultValue"] ?? ""), overrides });
      if (id.length > RESID_LIMIT) problems.push(`资源 id 超过 ${RESID_LIMIT} 个字符：${id}`);
    }
  }

  // Every resid used is defined; strings fit; URLs exist.
  const used = new Set<string>();
  walk(app, "OfficeApp", (_name, node) => {
    const resid = node["@_resid"];
    if (typeof resid === "string") used.add(resid);
  });
  for (const resid of used) {
    if (!defined.has(resid)) problems.push(`resid 未定义：${resid}`);
    if (resid.length > RESID_LIMIT) problems.push(`resid 超过 ${RESID_LIMIT} 个字符：${resid}`);
  }
  for (const [id, r] of defined) {
    if (!used.has(id)) problems.push(`资源已定义但未使用：${id}`);
    if (r.kind === "ShortStrings" && r.value.length > SHORT_LIMIT)
      problems.push(`短字符串超过 ${SHORT_LIMIT} 字：${id}`);
    if (r.kind === "LongStrings" && r.value.length > LONG_LIMIT) problems.push(`长字符串超过 ${LONG_LIMIT} 字：${id}`);
    if (
      (r.kind === "ShortStrings" || r.kind === "LongStrings") &&
      id !== "Functions.Namespace" &&
      !r.overrides.includes("en-US")
    ) {
      problems.push(`字符串缺少 en-US 译文：${id}`);
    }
  }
  if (defined.get("Functions.Namespace")?.value !== NAMESPACE) problems.push(`函数命名空间应为 ${NAMESPACE}`);

  // URLs anywhere in the manifest.
  const urls: string[] = [];
  walk(app, "OfficeApp", (_name, node) => {
    for (const [k, v] of Object.entries(node)) {
      if (k === "@_DefaultValue" && typeof v === "string" && /^https?:/.test(v)) urls.push(v);
    }
  });
  for (const url of urls) {
    if (!url.startsWith(facts.baseUrl)) {
      problems.push(`URL 不在加载项自己的地址下：${url}`);
      continue;
    }
    const path = url.slice(facts.baseUrl.length).split(/[?#]/)[0] ?? "";
    if (!facts.emitted(path)) problems.push(`URL 指向的文件构建中不存在：${url}`);
  }
  for (const [id, r] of defined) {
    if (r.kind !== "Images") continue;
    const declared = Number(/\.(\d+)$/.exec(id)?.[1] ?? NaN);
    const path = r.value.startsWith(facts.baseUrl) ? r.value.slice(facts.baseUrl.length) : r.value;
    const size = facts.pngSize(path);
    if (!size) problems.push(`图标无法读取：${r.value}`);
    else if (Number.isFinite(declared) && (size.width !== declared || size.height !== declared)) {
      problems.push(`图标 ${id} 应为 ${declared}×${declared}，实为 ${size.width}×${size.height}`);
    }
  }

  // App domains: only our own origin.
  const origin = new URL(facts.baseUrl).origin;
  for (const d of asArray((app["AppDomains"] as Node | undefined)?.["AppDomain"] as string | string[] | undefined)) {
    if (new URL(String(d)).origin !== origin) problems.push(`AppDomain 超出加载项自身来源：${String(d)}`);
  }

  // Shared runtime.
  const sets = asArray(
    ((app["Requirements"] as Node | undefined)?.["Sets"] as Node | undefined)?.["Set"] as Node | Node[] | undefined,
  );
  if (!sets.some((s) => s["@_Name"] === "SharedRuntime")) problems.push("Requirements 中缺少 SharedRuntime");
  let runtimeLong = false;
  walk(app, "OfficeApp", (name, node) => {
    if (name === "Runtime" && node["@_lifetime"] === "long") runtimeLong = true;
  });
  if (!runtimeLong) problems.push('缺少 lifetime="long" 的共享运行时 Runtime');

  problems.push(...checkFunctionsJson(facts.functionsJson));
  return problems;
}

export function checkFunctionsJson(text: string): string[] {
  const problems: string[] = [];
  let parsed: { functions?: { id?: string; name?: string }[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return ["functions.json 不是合法的 JSON"];
  }
  const seen = new Set<string>();
  for (const f of parsed.functions ?? []) {
    const id = String(f.id ?? "");
    if (!/^[A-Z][A-Z0-9_.]*$/.test(id)) problems.push(`函数 id 应为大写 ASCII：${id}`);
    if (seen.has(id)) problems.push(`函数 id 重复：${id}`);
    seen.add(id);
    if (String(f.name ?? "").toUpperCase() !== String(f.name ?? "")) problems.push(`函数名应为大写：${String(f.name)}`);
  }
  if (seen.size === 0) problems.push("functions.json 中没有函数");
  return problems;
}
