/**
 * The text of a primitive cell value, numbers and booleans written as the caller shows them; null
 * for non-finite numbers and for values that are not primitives (objects, undefined, symbols).
 */
export function primitiveText(
  value: unknown,
  numberText: (n: number) => string,
  trueText: string,
  falseText: string,
): string | null {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return Number.isFinite(value) ? numberText(value) : null;
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? trueText : falseText;
    default:
      return null;
  }
}
