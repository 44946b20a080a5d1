import seedJson from "./packs/seed.json";
import { loadPack, packProblemText } from "./load";
import type { Pack } from "./schema";

let cached: Pack | undefined;

/** The seed pack (every rule of POLICY.md), validated on first use like any other pack. */
export function seedPack(): Pack {
  if (!cached) {
    const loaded = loadPack(seedJson);
    // The seed ships with the code and is tested; a failure here is a bug, not user input.
    if (!loaded.ok) throw new Error(`seed policy pack is invalid:\n${packProblemText(loaded.problem)}`);
    cached = loaded.value;
  }
  return cached;
}
