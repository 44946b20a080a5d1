import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "zizhu.js");
const NO_NETWORK = join(ROOT, "tests", "setup", "no-network.cjs");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `zizhu` (npm test builds first) with the network locked: a connection attempt
 * makes the process exit with 97, which every assertion on `code` would catch.
 */
export function runCli(args: string[], options: { input?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    encoding: "utf8",
    env: {
      ...process.env,
      NODE_OPTIONS: `--require ${NO_NETWORK}`,
      ZIZHU_TODAY: "2026-11-28",
      // Never the developer's own ~/.zizhu/calendar: a test that wants one sets its own folder.
      ZIZHU_CALENDAR_DIR: join(ROOT, "tests", "fixtures", "no-calendar-folder"),
      ...options.env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function jsonOut(run: CliRun): unknown {
  return JSON.parse(run.stdout);
}
