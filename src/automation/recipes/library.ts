/** The recipes that ship with Zizhu: data files, validated like any user recipe. */
import { parseRecipe, type Recipe } from "./schema";
import termSubmission from "./library/term-submission.json";
import preNotice from "./library/pre-notice.json";
import banglianSubmission from "./library/banglian-submission.json";

function load(data: unknown): Recipe {
  const r = parseRecipe(data);
  // A shipped recipe that does not validate is a bug in this repository, caught by its tests.
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}

export const RECIPE_LIBRARY: readonly Recipe[] = Object.freeze([
  load(termSubmission),
  load(preNotice),
  load(banglianSubmission),
]);

/** A shipped recipe by its name ("学期报送"), or null. */
export function findLibraryRecipe(name: string): Recipe | null {
  const wanted = name.trim();
  return RECIPE_LIBRARY.find((r) => r.name === wanted) ?? null;
}
