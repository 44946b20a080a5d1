/** The totals a seal records against the roster's now: what a formula's changed result shows. */
import type { WorkbookData } from "../../grid/types";
import type { Pack } from "../../policy";
import { rowReader } from "../../roster";
import { readerColumns, type ColumnOverrides } from "../../roster/detect";
import { findRosterSource, personRows, type PersonRow } from "../source";
import { quoted, type SealChange } from "./changes";
import { SEAL_FORMAT, type SealTotal, type StoredSeal } from "./format";
import { fen, tally } from "./tally";

export interface VerifyOptions {
  /**
   * The pack the seal was made with. With it (the seal's id and version), the totals are compared
   * program by program; without it, the people rows, the sum, and a single program's count and amount.
   */
  pack?: Pack;
  /** The program option the seal was made with (SealOptions.program), used with `pack`. */
  program?: string;
  /** Column overrides, for a seal that does not record the ones it was made with. */
  columnOverrides?: Record<string, ColumnOverrides>;
}

const yuan = (amount: number) => `${amount.toFixed(2)} 元`;

/**
 * The people rows and totals the seal records against the roster's now, computed as buildSeal
 * computes them (tally). The digest keeps a formula's text, not its result, so an amount that is a
 * formula (an external link, a lookup, an edited cached value) can change under a matching digest;
 * this is what catches it. [] when they agree, or when the roster can no longer be read as one.
 */
export function totalsChanges(wb: WorkbookData, seal: StoredSeal, options: VerifyOptions): SealChange[] {
  const overrides = (seal.format === SEAL_FORMAT ? seal.columns : undefined) ?? options.columnOverrides?.[seal.sheet];
  const found = findRosterSource(wb, {
    sheet: seal.sheet,
    ...(overrides !== undefined ? { columnOverrides: { [seal.sheet]: overrides } } : {}),
  });
  if (!found.ok) return [];
  const source = found.value;
  const pack = options.pack;
  const samePack = pack !== undefined && pack.id === seal.pack.id && pack.version === seal.pack.version;
  let people: Pick<PersonRow, "record" | "program">[];
  if (samePack) people = personRows(source, pack, options.program);
  else {
    const read = rowReader(readerColumns(source.layout));
    people = source.layout.dataRows.map((row) => ({ record: read(source.grid.rows[row] ?? []).record, program: null }));
  }
  const now = tally(source, people);
  const parts: string[] = [];
  if (now.rows !== seal.rows) parts.push(`人数行由 ${seal.rows} 行变为 ${now.rows} 行`);
  const differs = (program: string, before: SealTotal | undefined, after: SealTotal | undefined) => {
    const b = before ?? { program, count: 0, amount: 0 };
    const a = after ?? { program, count: 0, amount: 0 };
    const what: string[] = [];
    if (a.count !== b.count) what.push(`人数由 ${b.count} 人变为 ${a.count} 人`);
    if (fen(a.amount) !== fen(b.amount)) what.push(`金额由 ${yuan(b.amount)}变为 ${yuan(a.amount)}`);
    if (what.length > 0) parts.push(`资助项目${quoted(program)}${what.join("，")}`);
  };
  if (samePack) {
    const programs = [...new Set([...seal.totals, ...now.totals].map((t) => t.program))];
    for (const program of programs)
      differs(
        program,
        seal.totals.find((t) => t.program === program),
        now.totals.find((t) => t.program === program),
      );
  } else if (seal.totals.length === 1) {
    const only = seal.totals[0] as SealTotal;
    differs(only.program, only, { program: only.program, count: now.rows, amount: now.total });
  }
  if (fen(now.total) !== fen(seal.total)) parts.push(`金额合计由 ${yuan(seal.total)}变为 ${yuan(now.total)}`);
  if (parts.length === 0) return [];
  return [
    {
      kind: "totals",
      sheet: seal.sheet,
      message: `工作表${quoted(seal.sheet)}的人数或金额与凭证所记不符：${parts.join("；")}（内容摘要只记公式、不记公式的结果，很可能是金额等单元格的公式结果变了，如外部链接、查找引用或重新计算的结果）`,
    },
  ];
}
