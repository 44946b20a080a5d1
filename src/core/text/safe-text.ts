/** String() that cannot throw (an object without a prototype has no toString): its type instead. */
export function safeText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}
