import {
  a1Range,
  absCell,
  absRange,
  criteriaText,
  escapeCriteria,
  formulaString,
  notCriteriaText,
  quoteSheet,
} from "../../../src/core/sheets/refs";

test.each([
  ["花名册", "'花名册'"],
  ["Sheet1", "'Sheet1'"],
  ["张三's 表", "'张三''s 表'"],
  ["a''b", "'a''''b'"],
  ["2026 秋季", "'2026 秋季'"],
])("quoteSheet(%j) = %s", (name, quoted) => {
  expect(quoteSheet(name)).toBe(quoted);
});

test.each([
  ["花名册", 4, 4, 103, 4, "'花名册'!$E$5:$E$104"],
  ["花名册", 0, 0, 0, 0, "'花名册'!$A$1:$A$1"],
  ["O'Neil", 3, 26, 9, 27, "'O''Neil'!$AA$4:$AB$10"],
  [null, 3, 6, 42, 6, "$G$4:$G$43"],
] as const)("absRange(%j, %i, %i, %i, %i) = %s", (sheet, top, left, bottom, right, text) => {
  expect(absRange(sheet, top, left, bottom, right)).toBe(text);
});

test.each([
  ["花名册", 4, 4, "'花名册'!$E$5"],
  [null, 0, 701, "$ZZ$1"],
  [null, 9, 702, "$AAA$10"],
] as const)("absCell(%j, %i, %i) = %s", (sheet, row, col, text) => {
  expect(absCell(sheet, row, col)).toBe(text);
});

test.each([
  [3, 6, 42, 6, "G4:G43"],
  [0, 0, 0, 0, "A1:A1"],
  [1, 1, 2, 3, "B2:D3"],
])("a1Range(%i, %i, %i, %i) = %s", (top, left, bottom, right, text) => {
  expect(a1Range(top, left, bottom, right)).toBe(text);
});

test.each([
  // value, criterion: wildcards escaped, an explicit "=" so operators in the text are literal
  ["一补", "=一补"],
  ["初中", "=初中"],
  ["低保*", "=低保~*"],
  ["a?b", "=a~?b"],
  ["~x", "=~~x"],
  ["<5", "=<5"],
  ["=x", "==x"],
  [">=100", "=>=100"],
  ["<>", "=<>"],
  ['他说"好"', '=他说"好"'],
  // blank: the criterion that matches empty cells (and empty strings)
  ["", ""],
  [" ", "= "],
])("criteriaText(%j) = %j", (value, criterion) => {
  expect(criteriaText(value)).toBe(criterion);
});

test.each([
  ["小计", "<>小计"],
  ["合*计", "<>合~*计"],
  ["", "<>"],
])("notCriteriaText(%j) = %j", (value, criterion) => {
  expect(notCriteriaText(value)).toBe(criterion);
});

test.each([
  ["*?~", "~*~?~~"],
  ["plain", "plain"],
])("escapeCriteria(%j) = %j", (value, escaped) => {
  expect(escapeCriteria(value)).toBe(escaped);
});

test.each([
  ["超额", '"超额"'],
  ["", '""'],
  ['他说"好"', '"他说""好"""'],
  ["=一补", '"=一补"'],
])("formulaString(%j) = %s", (text, literal) => {
  expect(formulaString(text)).toBe(literal);
});
