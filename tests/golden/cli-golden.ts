/**
 * Running the built `zizhu` for the golden tests (network locked, "today" fixed, outputs dumped
 * cell by cell) and comparing with tests/golden/expected/ (ZIZHU_GOLDEN=update rewrites it).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dumpWorkbook, normaliseText } from "./dump";

export const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "zizhu.js");
const NO_NETWORK = join(ROOT, "tests", "setup", "no-network.cjs");
const EXPECTED = join(__dirname, "expected");
const UPDATE = process.env["ZIZHU_GOLDEN"] === "update";
export const dir = mkdtempSync(join(tmpdir(), "zizhu-golden-"));
export const REPLACE = { [dir]: "<OUT>", [ROOT]: "<ROOT>" };

export interface Run {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
  files: Record<string, unknown>;
}

function spawnCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: {
        ...process.env,
        NODE_OPTIONS: `--require ${NO_NETWORK}`,
        ZIZHU_TODAY: "2026-11-28",
        ZIZHU_CALENDAR_DIR: join(ROOT, "tests", "fixtures", "no-calendar-folder"),
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the CLI; `outputs` are the files it should write (dumped cell by cell, or as JSON text). */
export async function run(args: string[], outputs: string[] = []): Promise<Run> {
  const r = await spawnCli(args);
  const files: Record<string, unknown> = {};
  for (const file of outputs) {
    const key = normaliseText(file, REPLACE);
    if (!existsSync(file)) files[key] = null;
    else if (file.endsWith(".xlsx")) files[key] = await dumpWorkbook(readFileSync(file), REPLACE);
    else files[key] = normaliseText(readFileSync(file, "utf8"), REPLACE);
  }
  return {
    args: args.map((a) => normaliseText(a, REPLACE)),
    code: r.code,
    stdout: normaliseText(r.stdout, REPLACE),
    stderr: normaliseText(r.stderr, REPLACE),
    files,
  };
}

export function compare(name: string, actual: unknown): void {
  const file = join(EXPECTED, `${name}.json`);
  const text = `${JSON.stringify(actual, null, 1)}\n`;
  if (UPDATE || !existsSync(file)) {
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(file, text);
    if (!UPDATE) throw new Error(`golden ${name} was missing and has been written; run again`);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, "utf8")));
}
