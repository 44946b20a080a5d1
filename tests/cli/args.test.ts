import { cellValueFromArg, significantDigits } from "../../src/cli/args";

// How a word on the command line becomes a cell value (issue: "a number when it is a plain
// number of at most 15 significant digits, TRUE/FALSE a boolean, anything else a string").
test.each([
  ["1004.5", 1004.5],
  ["-3", -3],
  ["0", 0],
  ["0.05", 0.05],
  [".5", 0.5],
  ["123456789012345", 123456789012345],
  ["1234567890123456", "1234567890123456"],
  ["110105194912310021", "110105194912310021"],
  ["1.10000000000000000", 1.1],
  ["0731", "0731"],
  ["1e5", "1e5"],
  ["4.40524E+17", "4.40524E+17"],
  ["TRUE", true],
  ["false", false],
  ["是", "是"],
  ["", ""],
  [" 12", " 12"],
  ["1,004.50", "1,004.50"],
])("%j → %j", (word, value) => {
  expect(cellValueFromArg(word)).toEqual(value);
});

test.each([
  ["123", 3],
  ["000123", 3],
  ["1.2300", 3],
  ["100", 3],
  ["0.001", 1],
  ["0", 1],
])("significant digits of %s = %d", (plain, n) => {
  expect(significantDigits(plain)).toBe(n);
});
