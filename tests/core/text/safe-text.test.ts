import { primitiveText } from "../../../src/core/text/primitive-text";
import { safeText } from "../../../src/core/text/safe-text";

describe("safeText", () => {
  test.each<[unknown, string]>([
    ["文本", "文本"],
    [12.5, "12.5"],
    [null, "null"],
    [undefined, "undefined"],
    [true, "true"],
    [Object.create(null), "object"],
  ])("%p → %p", (value, text) => expect(safeText(value)).toBe(text));
});

describe("primitiveText", () => {
  const excel = (n: number) => (Number.isInteger(n) ? `#${n}` : String(n));
  test.each<[unknown, string | null]>([
    ["是", "是"],
    [3, "#3"],
    [1.5, "1.5"],
    [Number.NaN, null],
    [Infinity, null],
    [10n, "10"],
    [true, "TRUE"],
    [false, "FALSE"],
    [null, null],
    [undefined, null],
    [{}, null],
  ])("%p → %p", (value, text) => expect(primitiveText(value, excel, "TRUE", "FALSE")).toBe(text));
});
