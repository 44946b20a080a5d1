/** The same person twice in one program of a sheet. */
import type { RuleEntries } from "../findings/types";
import { cellAddress } from "../grid/types";
import { texts } from "../locale";
import { maskId } from "../mask";
import { colOf, type RowSummary, type SheetContext } from "./context";
import { finding } from "./finding";

export interface DuplicateRuleData {
  "dup.id": { first: string; program: string };
}

export const DUPLICATE_RULES: RuleEntries<DuplicateRuleData> = {
  "dup.id": {
    severity: "error",
    source: "方案14 一（不重复救助）、资助管理通则",
    title: texts("同一人重复", "Same person twice"),
    message: (d) =>
      texts(
        `同一身份证号在${d.program}中重复出现（首次在 ${d.first}）`,
        `The same ID appears twice in ${d.program} (first at ${d.first})`,
      ),
    hint: () => texts("删除重复行，或核对是否录错了身份证号", "Delete the duplicate or fix the ID"),
  },
};

/**
 * The first row seen for each key "code|id" (program code, ID). When no code holds "|", the code
 * ends at the first "|", so keying by code and then by ID is the same and makes no string per
 * row; otherwise the keys are made whole.
 */
class FirstRows {
  private readonly byCode = new Map<string, Map<string, number>>();
  private readonly whole = new Map<string, number>();

  constructor(private readonly keepWhole: boolean) {}

  /** The first row of the key, or undefined (and `row` is now its first). */
  firstOf(code: string, id: string, row: number): number | undefined {
    if (this.keepWhole) return firstIn(this.whole, `${code}|${id}`, row);
    let ids = this.byCode.get(code);
    if (!ids) this.byCode.set(code, (ids = new Map()));
    return firstIn(ids, id, row);
  }
}

function firstIn(map: Map<string, number>, key: string, row: number): number | undefined {
  const first = map.get(key);
  if (first === undefined) map.set(key, row);
  return first;
}

export function checkDuplicates(ctx: SheetContext, rows: readonly RowSummary[]): void {
  const seen = new FirstRows(rows.some((r) => r.program?.code.includes("|") === true));
  const idCol = colOf(ctx, "idNumber");
  for (const r of rows) {
    // A valid ID compares in its 18-digit form; an invalid one (a wrong check digit) as typed.
    const idKey = r.id18 ?? r.idText;
    if (!idKey) continue;
    const first = seen.firstOf(r.program?.code ?? "", idKey, r.row);
    if (first === undefined) continue;
    ctx.out.push(
      finding("dup.id", ctx.grid.name, r.row, idCol, maskId(idKey), {
        first: cellAddress(first, idCol),
        program: r.program?.name ?? "本表",
      }),
    );
  }
}
