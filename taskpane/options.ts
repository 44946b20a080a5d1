/** Reading the pane's option fields into builder and check options. */

/** 在校生人数 as typed: a positive number (its whole part), or undefined when empty or not one. */
export function enrolledOption(text: string): number | undefined {
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined;
}
