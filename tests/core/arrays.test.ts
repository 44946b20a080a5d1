import { appendAll, maxOf } from "../../src/core/arrays";

test("appendAll and maxOf take a million items (push(...x) and Math.max(...x) throw RangeError there)", () => {
  const many = Array.from({ length: 1_000_000 }, (_, i) => i);
  expect(() => [].push(...(many as never[]))).toThrow(RangeError);
  expect(appendAll([-1], many).length).toBe(1_000_001);
  expect(maxOf(many)).toBe(999_999);
});

test.each([
  [[], -Infinity],
  [[3, 1, 2], 3],
  [[-5, -7], -5],
])("maxOf(%j) = %d", (items, max) => {
  expect(maxOf(items)).toBe(max);
});
