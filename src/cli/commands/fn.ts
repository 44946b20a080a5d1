import { readRegularFile, readStdin } from "../files";
import { associations, CustomFunctionError } from "../custom-functions-host";
import { cellValueFromArg } from "../args";
import type { FunctionMetadata, FunctionParameter } from "../metadata";

export type FnOutcome = { ok: true; value: unknown } | { ok: false; error: string; message: string };

/** A usage problem of the CLI itself (wrong function name, wrong argument count): exit code 2. */
export class UsageError extends Error {}

function findFunction(name: string, metadata: readonly FunctionMetadata[]): FunctionMetadata {
  const id = name.replace(/^ZIZHU\./i, "").toUpperCase();
  const meta = metadata.find((m) => m.id === id);
  if (!meta || !associations.has(id)) {
    const known = metadata.map((m) => m.id).join(", ");
    throw new UsageError(`没有名为 ZIZHU.${id} 的函数。可用的函数：${known}`);
  }
  return meta;
}

function checkArity(meta: FunctionMetadata, count: number): void {
  const params = meta.parameters;
  const repeating = params.some((p) => p.repeating);
  const required = params.filter((p) => !p.optional && !p.repeating).length;
  const signature = params.map((p) => (p.optional ? `[${p.name}]` : p.repeating ? `${p.name}…` : p.name)).join(", ");
  if (count < required || (!repeating && count > params.length)) {
    throw new UsageError(
      `ZIZHU.${meta.id}(${signature}) 需要 ${required}${repeating ? " 个或更多" : params.length > required ? `–${params.length} 个` : " 个"}参数，收到 ${count} 个`,
    );
  }
}

/**
 * Lays the arguments out the way Excel passes them: each declared parameter in order, and the
 * remaining ones gathered into the repeating parameter (as an array), if the function has one.
 */
function layOut(meta: FunctionMetadata, args: unknown[]): unknown[] {
  // A matrix parameter receives a single cell as [[value]], as Excel passes it.
  const shaped = (value: unknown, p: FunctionParameter | undefined): unknown =>
    p?.dimensionality === "matrix" && !Array.isArray(value) ? [[value]] : value;
  const repeatAt = meta.parameters.findIndex((p) => p.repeating);
  if (repeatAt < 0) return args.map((a, i) => shaped(a, meta.parameters[i]));
  const repeating = meta.parameters[repeatAt];
  return [
    ...args.slice(0, repeatAt).map((a, i) => shaped(a, meta.parameters[i])),
    args.slice(repeatAt).map((a) => shaped(a, repeating)),
  ];
}

/** Calls ZIZHU.NAME exactly as Excel would, and turns a CustomFunctions.Error into an outcome. */
export async function callFunction(
  name: string,
  args: unknown[],
  metadata: readonly FunctionMetadata[],
): Promise<FnOutcome> {
  const meta = findFunction(name, metadata);
  checkArity(meta, args.length);
  const fn = associations.get(meta.id);
  if (!fn) throw new UsageError(`ZIZHU.${meta.id} 未注册`);
  try {
    const value = await fn(...layOut(meta, args));
    return { ok: true, value };
  } catch (e) {
    if (e instanceof CustomFunctionError) return { ok: false, error: e.code, message: e.message };
    throw e;
  }
}

export function outcomeJson(outcome: FnOutcome): string {
  return JSON.stringify(outcome.ok ? outcome.value : { error: outcome.error, message: outcome.message });
}

/** `zizhu fn NAME ARG…`: one call, arguments typed as cell values from their text. */
export async function runFn(
  name: string,
  words: string[],
  metadata: readonly FunctionMetadata[],
): Promise<{ out: string; code: number }> {
  const outcome = await callFunction(name, words.map(cellValueFromArg), metadata);
  return { out: outcomeJson(outcome), code: outcome.ok ? 0 : 1 };
}

/** `zizhu fn NAME --batch FILE`: each non-empty line a JSON array of arguments; one result per line. */
export async function runBatch(
  name: string,
  file: string,
  metadata: readonly FunctionMetadata[],
): Promise<{ out: string; code: number }> {
  findFunction(name, metadata);
  // A named file must be a regular one (a folder or a device would fail or never end); - is standard input.
  const text =
    file === "-"
      ? new TextDecoder().decode(readStdin("批量参数", 256 * 1024 * 1024))
      : new TextDecoder().decode(readRegularFile(file, { what: "批量参数文件" }));
  const lines: string[] = [];
  let failed = false;
  let lineNo = 0;
  for (const raw of text.split(/\r?\n/)) {
    lineNo++;
    if (raw.trim() === "") continue;
    let args: unknown;
    try {
      args = JSON.parse(raw);
    } catch {
      args = undefined;
    }
    if (!Array.isArray(args)) {
      failed = true;
      lines.push(
        JSON.stringify({
          error: "#VALUE!",
          message: `第 ${lineNo} 行不是 JSON 数组（应为如 ["110105194912310021"] 的参数列表）`,
        }),
      );
      continue;
    }
    try {
      const outcome = await callFunction(name, args, metadata);
      if (!outcome.ok) failed = true;
      lines.push(outcomeJson(outcome));
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      failed = true;
      lines.push(JSON.stringify({ error: "#VALUE!", message: `第 ${lineNo} 行：${e.message}` }));
    }
  }
  return { out: lines.join("\n"), code: failed ? 1 : 0 };
}
