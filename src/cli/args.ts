/**
 * How a command-line word becomes a cell value: a plain number of at most 15 significant digits is
 * a number (Excel keeps 15), TRUE/FALSE a boolean, anything else text. So 110105194912310021
 * arrives as text, as it would from a text-formatted cell, and 0731 (a leading zero that Excel
 * would drop) stays text too.
 *
 * And how the command line becomes words and flags (parseArgv), the flags derived from the
 * command registry.
 */
import type { z } from "zod";
import { COMMAND_LIST, optionFlags, parseOptionTexts } from "../core";
import { UsageError } from "./commands/fn";

const PLAIN_NUMBER = /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?$|^[+-]?0?\.\d+$/;

/** Digits that carry value: leading zeros do not; trailing zeros after the point do not either. */
export function significantDigits(plain: string): number {
  const [whole = "", fraction = ""] = plain.replace(/^[+-]/, "").split(".");
  const digits = (whole + fraction.replace(/0+$/, "")).replace(/^0+/, "");
  return Math.max(digits.length, 1);
}

export function cellValueFromArg(arg: string): string | number | boolean {
  if (/^true$/i.test(arg)) return true;
  if (/^false$/i.test(arg)) return false;
  if (PLAIN_NUMBER.test(arg) && significantDigits(arg) <= 15) return Number(arg);
  return arg;
}

// ---------------------------------------------------------------------------------------------
// Flags: the commands' options come from the registry (core/commands); the CLI adds its own.

/** The option flags' texts, by flag name without "--" (`{ enrolled: "300", out: "x.xlsx" }`). */
export type Flags = Readonly<Record<string, string | undefined>>;

/** Flags of the CLI's own, besides the commands' options: outputs, batch, the calendar. */
const CLI_FLAGS = ["json", "report", "out", "mapping", "jobs", "enrolment", "calendar", "year", "against"];

/** Every flag that takes a value (`--flag VALUE` or `--flag=VALUE`), whichever the command. */
export const VALUE_FLAGS: readonly string[] = [
  ...new Set([...COMMAND_LIST.flatMap((c) => optionFlags(c.options)), ...CLI_FLAGS]),
];

/** A schema's options from the flags, in the schema's order; a bad value is a usage error (exit 2). */
export function cliOptions<S extends z.ZodObject>(schema: S, flags: Flags): Partial<z.infer<S>> {
  const r = parseOptionTexts(schema, flags);
  if (!r.ok) throw new UsageError(r.problem.message);
  return r.value;
}

export interface Parsed {
  words: string[];
  today?: string;
  batch?: string;
  pack?: string;
  options: Record<string, string>;
  help: boolean;
  version: boolean;
  list: boolean;
}

/** The command line as words and flags; an unknown flag or a flag without its value is a usage error. */
export function parseArgv(argv: string[]): Parsed {
  const parsed: Parsed = { words: [], options: {}, help: false, version: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} 后面缺少取值`);
      return v;
    };
    const [flag = "", inline] = a.startsWith("--") ? a.slice(2).split(/=(.*)/s) : [];
    if (a === "--") {
      parsed.words.push(...argv.slice(i + 1));
      break;
    } else if (a === "--help" || a === "-h") parsed.help = true;
    else if (a === "--version" || a === "-v") parsed.version = true;
    else if (a === "--list") parsed.list = true;
    else if (a === "--today") parsed.today = next();
    else if (a.startsWith("--today=")) parsed.today = a.slice("--today=".length);
    else if (a === "--batch") parsed.batch = next();
    else if (a.startsWith("--batch=")) parsed.batch = a.slice("--batch=".length);
    else if (a === "--pack") parsed.pack = next();
    else if (a.startsWith("--pack=")) parsed.pack = a.slice("--pack=".length);
    else if (VALUE_FLAGS.includes(flag)) {
      parsed.options[flag] = inline !== undefined && a.includes("=") ? inline : next();
    } else if (a.startsWith("--") && a.length > 2) throw new UsageError(`未知选项：${a}。运行 zizhu --help 查看用法`);
    else parsed.words.push(a);
  }
  return parsed;
}
