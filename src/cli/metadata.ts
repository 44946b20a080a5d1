import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The parts of functions.json (generated from the JSDoc of the functions/ modules) the CLI uses. */
export interface FunctionParameter {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  repeating?: boolean;
  dimensionality?: string;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: FunctionParameter[];
  result?: { type?: string; dimensionality?: string };
}

/** Reads the functions.json the build wrote beside the CLI bundle. */
export function loadFunctionMetadata(dir: string): FunctionMetadata[] {
  const text = readFileSync(join(dir, "functions.json"), "utf8");
  const parsed = JSON.parse(text) as { functions: FunctionMetadata[] };
  return parsed.functions;
}
