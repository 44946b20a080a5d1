/**
 * The fields of AMOUNT / ELIGIBLE / WHY, as Excel passes them: either name/value pairs
 * ("学段", C2, "是否寄宿", D2) or a header range and a row range of the same size
 * ($A$1:$P$1, A2:P2). Every repeating argument arrives as a matrix (a single cell as [[v]]).
 */
import { excelError } from "./excel";

type Matrix = unknown[][];

function cells(m: Matrix): unknown[] {
  return m.flat();
}

function isMatrix(v: unknown): v is Matrix {
  return Array.isArray(v) && v.every((row) => Array.isArray(row));
}

/** The fields, and whether they came as a header range (whose unknown columns are simply other data). */
export function readFields(args: readonly unknown[]): { entries: [unknown, unknown][]; fromRange: boolean } {
  const matrices = args.map((a) => (isMatrix(a) ? a : [[a]]));
  const [first, second] = matrices;
  // Header range + row range: the same shape, more than one cell.
  if (matrices.length === 2 && first && second && cells(first).length > 1) {
    const names = cells(first);
    const values = cells(second);
    if (names.length !== values.length) {
      throw excelError(
        `表头区域有 ${names.length} 个单元格，数据区域有 ${values.length} 个：两者应一样大，如 $A$1:$P$1 与 A2:P2`,
      );
    }
    return { entries: names.map((n, i) => [n, values[i]]), fromRange: true };
  }
  const flat: unknown[] = [];
  for (const m of matrices) {
    const c = cells(m);
    if (c.length !== 1) {
      throw excelError("字段应成对给出（字段名, 值, 字段名, 值…），或给出同样大小的表头区域和数据区域");
    }
    flat.push(c[0]);
  }
  if (flat.length % 2 !== 0) throw excelError(`字段名和值应成对出现，现在有 ${flat.length} 个参数，最后一个字段缺少值`);
  const entries: [unknown, unknown][] = [];
  for (let i = 0; i < flat.length; i += 2) entries.push([flat[i], flat[i + 1]]);
  return { entries, fromRange: false };
}
