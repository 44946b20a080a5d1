/**
 * Array helpers that stay safe on a million rows: `target.push(...items)` and `Math.max(...items)`
 * pass every item as an argument and throw RangeError once the list outgrows the stack.
 */

/** Appends every item of `items` to `target` (in place) and returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest number, or `empty` for an empty list. */
export function maxOf(items: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  let seen = false;
  for (const n of items) {
    if (!seen || n > max) max = n;
    seen = true;
  }
  return max;
}
