/**
 * Loading a policy pack: the whole document is validated before anything is used, so a broken
 * pack is rejected with every problem named by its JSON path (programs[3].standard.amount) and
 * nothing is half-loaded. An overlay pack (`extends`) replaces, program by program, the keys it
 * lists in the pack it extends.
 */
import { z } from "zod";
import { fail, ok, type Result } from "../result";
import { OverlaySchema, PackSchema, type Pack } from "./schema";

export interface PackProblem {
  /** Not JSON, against the schema, or an overlay whose base pack is not found. */
  code: "pack.json" | "pack.schema" | "pack.extends";
  /** JSON path, e.g. programs[3].standard.amount ("" for the document itself). */
  path: string;
  message: string;
}

const zhCN = z.locales.zhCN();

/** programs[3].standard.amount, with the program's code where the data has one. */
function formatPath(path: readonly PropertyKey[], data: unknown): string {
  let out = "";
  let node: unknown = data;
  for (const key of path) {
    if (typeof key === "number") {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const code = node && typeof node === "object" ? (node as { code?: unknown }).code : undefined;
      if (out.startsWith("programs") && out.indexOf("[") === out.lastIndexOf("[") && typeof code === "string") {
        out += `（${code}）`;
      }
    } else {
      out += out === "" ? String(key) : `.${String(key)}`;
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return out;
}

function problemsOf(error: z.ZodError, data: unknown): PackProblem[] {
  return error.issues.map((issue) => ({
    code: "pack.schema",
    path: formatPath(issue.path, data),
    message: issue.message,
  }));
}

function parseJson(input: unknown): Result<unknown, PackProblem[]> {
  if (typeof input !== "string") return ok(input);
  try {
    return ok(JSON.parse(input.replace(/^\uFEFF/, "")) as unknown);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail([{ code: "pack.json", path: "", message: `不是合法的 JSON：${detail}` }]);
  }
}

/**
 * Validates a pack (a JSON string or parsed value). `bases` are the packs an overlay may extend,
 * by id (the seed pack at least).
 */
export function loadPack(input: unknown, bases: readonly Pack[] = []): Result<Pack, PackProblem[]> {
  const parsed = parseJson(input);
  if (!parsed.ok) return parsed;
  const data = parsed.value;
  if (data && typeof data === "object" && "extends" in data) return loadOverlay(data, bases);
  const result = PackSchema.safeParse(data, { error: zhCN.localeError });
  return result.success ? ok(result.data) : fail(problemsOf(result.error, data));
}

/** Base entries patched by code (an overlay's entry replaces the keys it lists), new codes appended. */
function mergeByCode(base: readonly { code: string }[], patches: readonly unknown[]): unknown[] {
  const merged: unknown[] = base.map((p) => ({ ...p }));
  for (const patch of patches) {
    const code = patch && typeof patch === "object" ? (patch as { code?: unknown }).code : undefined;
    const at = base.findIndex((p) => p.code === code);
    if (at >= 0) merged[at] = { ...(merged[at] as object), ...(patch as object) };
    else merged.push(patch);
  }
  return merged;
}

function mergePairing(base: Pack, patch: unknown): unknown {
  if (!patch || typeof patch !== "object") return base.pairing;
  const p = patch as { plans?: unknown; awards?: unknown };
  return {
    plans: mergeByCode(base.pairing.plans, Array.isArray(p.plans) ? p.plans : []),
    ...(p.awards !== undefined ? { awards: p.awards } : base.pairing.awards ? { awards: base.pairing.awards } : {}),
  };
}

function loadOverlay(data: object, bases: readonly Pack[]): Result<Pack, PackProblem[]> {
  const overlay = OverlaySchema.safeParse(data, { error: zhCN.localeError });
  const raw = data as { extends?: unknown; programs?: unknown };
  const base = bases.find((b) => b.id === raw.extends);
  const problems: PackProblem[] = overlay.success ? [] : problemsOf(overlay.error, data);
  if (!base) {
    const known = bases.map((b) => b.id).join("、") || "（无）";
    problems.push({
      code: "pack.extends",
      path: "extends",
      message: `找不到要扩展的政策包 ${String(raw.extends)}；可用：${known}`,
    });
    return fail(problems);
  }
  const o = overlay.success ? overlay.data : undefined;
  const merged = {
    id: o?.id ?? base.id,
    name: o?.name ?? base.name,
    version: o?.version ?? base.version,
    jurisdiction: o?.jurisdiction ?? base.jurisdiction,
    effective: o?.effective ?? base.effective,
    description: o?.description ?? base.description,
    sources: { ...base.sources, ...(o?.sources ?? {}) },
    assumptions: [...base.assumptions, ...(o?.assumptions ?? [])],
    rules: { ...base.rules, ...o?.rules },
    programs: mergeByCode(base.programs, Array.isArray(raw.programs) ? raw.programs : []),
    pairing: mergePairing(base, (raw as { pairing?: unknown }).pairing),
  };
  // Program problems are found on the merged pack, even when the overlay's own fields are wrong,
  // so one check reports everything. Paths name programs by index and code in the merged list.
  const result = PackSchema.safeParse(merged, { error: zhCN.localeError });
  if (result.success && problems.length === 0) return ok(result.data);
  if (!result.success) {
    const mergedProblems = problemsOf(result.error, merged);
    const inPrograms = mergedProblems.filter((p) => p.path.startsWith("programs") || p.path.startsWith("pairing"));
    problems.push(...(problems.length > 0 ? inPrograms : mergedProblems));
  }
  return fail(problems);
}

export function packProblemText(problems: readonly PackProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}：${p.message}` : p.message)).join("\n");
}
